//! The pre-rendered chart: one HTML fragment, paste-ready, that a page shows at first
//! paint with no JavaScript, no WebAssembly and no CSS of ours, and that the
//! `<trade-target-chart>` element later takes over in place (hydration, src/js/element.js
//! and `Chart::hydrate` in src/web.rs). `renderHTML` in JS and the CLI's `--html` both
//! call `html`, so their bytes are the same.
//!
//! ```text
//! <trade-target-chart spec="{…}" lang="en" rendered="640x397">
//!   <template shadowrootmode="open">            declarative shadow DOM: the page's CSS
//!     <div class="box">                           cannot reach in, ours is adopted later
//!       <div class="ttc" tabindex="0" …>          the widget's frame (markup::skeleton's)
//!         <div><svg … width="100%" display="block">…</svg></div><div …></div><div …></div>
//!       </div>
//!       <svg class="ttc-links" height="26" …>     the Source link, 26 px like the links row
//!     </div>
//!     <details><summary>Data table</summary><p id="ttc-desc-0">…</p><table>…</table></details>
//!   </template>
//! </trade-target-chart>
//! ```
//!
//! No `style` attribute, no `<style>`, no script: a strict CSP page shows it as is. Without
//! CSS the geometry comes from attributes only: the SVG's `height` and `display="block"`
//! (an SVG presentation attribute, so no baseline gap under it), the empty tooltip divs
//! (0 px), and the links row drawn as a 26 px SVG, the height of the widget's own row. So
//! the box is the same before and after the element's stylesheet and the wasm arrive.
//! The picture scales down (`width="100%"`, `xMinYMin meet`) in a column narrower than it
//! was rendered for and keeps its height; the element then lays it out at that width and
//! that height. The data table sits in a `<details>` under the box (one line, in the
//! page's font), which the element keeps.

use crate::error::SpecError;
use crate::json::Json;
use crate::locale::Locale;
use crate::model::Model;
use crate::num::push_int;
use crate::scene::Scene;
use crate::xml::push_escaped;

mod fit;
pub mod style;

pub use fit::html as html_fit;

/// The links row's height in CSS pixels: the widget's row (6 px above a 20 px line of
/// 12 px links, src/web/describe.rs) and the static one written here.
pub const LINKS_HEIGHT: u32 = 26;

/// The fragment for `json` (a spec; `Json::Null` = the default chart) at `width`
/// (`height` overrides the spec's). A bad spec is refused with its path, as `render_svg`.
pub fn html(json: &Json, width: f64, height: Option<f64>) -> Result<String, SpecError> {
    let model = crate::model(json)?;
    let scene = crate::scene(&model, width, height);
    Ok(write(json, &model, &scene))
}

/// The spec and size the element lays the chart out at to take it over: the same scene
/// as `html` wrote (`height` is the one it wrote, `rendered="WxH"`).
pub fn scene_for(model: &Model, width: f64, height: f64) -> Scene {
    crate::scene(model, width, Some(height))
}

fn write(json: &Json, model: &Model, scene: &Scene) -> String {
    let lang = model.locale.tag();
    let mut out = String::with_capacity(16384);
    let mut size = String::new();
    push_int(&mut size, scene.width.into());
    size.push('x');
    push_int(&mut size, scene.height.into());
    open(&mut out, json, lang, &size);
    out.push_str("<div class=\"box\">");
    frame_open(&mut out, scene, lang);
    out.push_str("><div>");
    crate::svg::fitting(&mut out, scene);
    out.push_str("</div><div aria-hidden=\"true\"></div><div class=\"ttc-tip\" aria-hidden=\"true\"></div></div>");
    if model.links {
        links(&mut out, model, scene);
    }
    details(&mut out, model, scene);
    out
}

/// The element's opening tag with its spec, language and `rendered` size, and the
/// declarative shadow root's.
fn open(out: &mut String, json: &Json, lang: &str, rendered: &str) {
    out.push_str("<trade-target-chart spec=\"");
    let mut spec = String::new();
    match json {
        Json::Null => spec.push_str("{}"),
        j => push_json(&mut spec, j),
    }
    push_escaped(out, &spec);
    out.push_str("\" lang=\"");
    out.push_str(lang);
    out.push_str("\" rendered=\"");
    out.push_str(rendered);
    out.push_str("\"><template shadowrootmode=\"open\">");
}

/// The frame as markup::skeleton writes it (the element adopts it in place, so focus
/// stays where it is), with its name and language; its opening tag is left open.
fn frame_open(out: &mut String, scene: &Scene, lang: &str) {
    out.push_str(
        "<div class=\"ttc\" tabindex=\"0\" role=\"group\" aria-describedby=\"ttc-desc-0\" aria-label=\"",
    );
    push_escaped(out, &scene.title);
    out.push_str("\" lang=\"");
    out.push_str(lang);
    out.push('"');
}

/// The end of the box, the data table's disclosure, and the end of the fragment.
fn details(out: &mut String, model: &Model, scene: &Scene) {
    let lang = model.locale.tag();
    out.push_str("</div><details lang=\"");
    out.push_str(lang);
    out.push_str("\"><summary>");
    out.push_str(summary_words(model.locale));
    out.push_str("</summary><p id=\"ttc-desc-0\">");
    push_escaped(out, &scene.description);
    out.push_str("</p><table>");
    let (texts, heads) = crate::markup::table_texts(model, &scene.title);
    out.push_str(&crate::markup::table(&texts, heads));
    out.push_str("</table></details></template></trade-target-chart>\n");
}

/// The links row without JavaScript: the Source link (when the spec has a URL) drawn in
/// a 26 px SVG on the chart's background; the data and image buttons need the wasm and
/// come with it, in a row of the same height.
fn links(out: &mut String, model: &Model, scene: &Scene) {
    let [source, _, _] = crate::story::link_words(model);
    out.push_str(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ttc-links\" width=\"100%\" height=\"",
    );
    push_int(out, LINKS_HEIGHT.into());
    out.push_str("\" display=\"block\" lang=\"");
    out.push_str(model.locale.tag());
    out.push_str("\"><rect width=\"100%\" height=\"100%\" fill=\"");
    push_color(out, scene.background);
    out.push_str("\"/>");
    if let Some(url) = &model.source_url {
        // Only validated http(s) URLs ever become a link.
        out.push_str("<a href=\"");
        push_escaped(out, url);
        out.push_str("\" target=\"_blank\" rel=\"noopener noreferrer\"><text x=\"0\" y=\"20\" font-family=\"");
        push_escaped(out, crate::text::FAMILY);
        out.push_str("\" font-size=\"12\" text-decoration=\"underline\" fill=\"");
        let theme = match model.theme {
            crate::spec::ThemeChoice::Dark => crate::theme::DARK,
            _ => crate::theme::LIGHT,
        };
        push_color(out, theme.text);
        out.push_str("\">");
        push_escaped(out, source);
        out.push_str("</text></a>");
    }
    out.push_str("</svg>");
}

fn push_color(out: &mut String, c: crate::scene::Rgb) {
    out.push('#');
    for v in [c.0, c.1, c.2] {
        crate::num::push_hex2(out, v);
    }
}

/// The disclosure's words: it opens the data table (and the description above it).
fn summary_words(l: Locale) -> &'static str {
    match l {
        Locale::En => "Data table",
        Locale::Ru => "Таблица данных",
        Locale::Zh => "数据表",
    }
}

/// JSON text for the spec attribute, the same from a JS object (the wasm) and from a
/// file (the CLI): keys in their order, strings escaped for JSON, numbers by `number`.
fn push_json(out: &mut String, j: &Json) {
    match j {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Num(n) => number(out, *n),
        Json::Str(s) => push_json_str(out, s),
        Json::Arr(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                push_json(out, item);
            }
            out.push(']');
        }
        Json::Obj(entries) => {
            out.push('{');
            for (i, (k, v)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                push_json_str(out, k);
                out.push(':');
                push_json(out, v);
            }
            out.push('}');
        }
    }
}

fn push_json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // Control characters and what XML may not hold travel escaped (the attribute's
            // own escaping would drop them).
            c if (c as u32) < 0x20 || !crate::xml::xml_char(c) => {
                out.push_str("\\u");
                let v = c as u32;
                for shift in [12, 8, 4, 0] {
                    let d = (v >> shift) & 15;
                    out.push(char::from_digit(d, 16).unwrap_or('0'));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A number as the shortest decimal (at most 15 places) that reads back as the same
/// `f64`, by integer arithmetic (the wasm links no float formatting): exact for every
/// number written with up to 15 significant digits, as spec values are. Others are
/// rounded to the nearest such decimal. Not finite (never in a spec): `null`.
fn number(out: &mut String, v: f64) {
    if !v.is_finite() {
        out.push_str("null");
        return;
    }
    if v < 0.0 {
        out.push('-');
    }
    let a = v.abs();
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    let mut scale = 1.0_f64;
    let mut best = (crate::num::sat_i64(a.round()), 0_u32);
    for places in 0..=15_u32 {
        let scaled = (a * scale).round();
        if scaled >= EXACT {
            break;
        }
        best = (crate::num::sat_i64(scaled), places);
        if scaled / scale == a {
            break;
        }
        scale *= 10.0;
    }
    let (n, places) = best;
    let mut digits = String::new();
    push_int(&mut digits, n);
    let places = places as usize;
    if places == 0 {
        out.push_str(&digits);
        return;
    }
    let padded = if digits.len() <= places {
        let mut p = "0".repeat(places + 1 - digits.len());
        p.push_str(&digits);
        p
    } else {
        digits
    };
    let cut = padded.len().saturating_sub(places);
    out.push_str(padded.get(..cut).unwrap_or("0"));
    out.push('.');
    out.push_str(padded.get(cut..).unwrap_or("0"));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(v: f64) -> String {
        let mut s = String::new();
        number(&mut s, v);
        s
    }

    #[test]
    fn numbers_read_back_as_themselves() {
        assert_eq!(num(2018.0), "2018");
        assert_eq!(num(190.271), "190.271");
        assert_eq!(num(0.1), "0.1");
        assert_eq!(num(-7.5), "-7.5");
        assert_eq!(num(0.000_001), "0.000001");
        assert_eq!(num(1e15), "1000000000000000");
        assert_eq!(num(123_456_789.123_45), "123456789.12345");
        for v in [0.3, 2.675, 107.8, 244.81, 1e-9, 99_999.999_9] {
            assert_eq!(num(v).parse::<f64>().ok(), Some(v), "{v}");
        }
        assert_eq!(num(f64::NAN), "null");
    }

    #[test]
    fn json_text_escapes_what_json_and_xml_need() {
        let mut s = String::new();
        push_json(
            &mut s,
            &Json::Obj(vec![
                (
                    "title".into(),
                    Json::Str("a \"b\" \\ \u{1}\u{FFFE}<".into()),
                ),
                ("x".into(), Json::Arr(vec![Json::Bool(true), Json::Null])),
            ]),
        );
        assert_eq!(
            s,
            "{\"title\":\"a \\\"b\\\" \\\\ \\u0001\\ufffe<\",\"x\":[true,null]}"
        );
    }
}
