//! The fragment that fits every column: one layout per width band (`style::BANDS`),
//! each drawn by the core at its band's lower edge, and the fixed style that shows the
//! one for the column's width. Each layout carries, as data, what every point's
//! tooltip says and where it goes (`tooltip::tip` on that layout), so the element's
//! small runtime (src/js/tips.js) answers mouse, touch and keyboard before any wasm.
//!
//! ```text
//! <trade-target-chart spec="{…}" lang="en" rendered="fit">
//!   <template shadowrootmode="open"><style>style::STYLE</style>
//!     <div class="box ttc-fit ttc-auto">                 ttc-auto / ttc-dark: the theme
//!       <div class="ttc" tabindex="0" … data-words='[…]'>  each point's tooltip words
//!         <div class="ttc-l" data-w="280" data-tips='{…}' hidden><svg …/></div>  one a band;
//!         …                                              the UNSTYLED one has no `hidden`
//!         <div class="ttc-ring" aria-hidden="true"></div><div class="ttc-tip" aria-hidden="true"></div>
//!       </div>
//!       <div class="ttc-row"><svg class="ttc-links" …/><div class="ttc-acts" hidden>2 buttons</div></div>
//!       <div class="ttc-live" aria-live="polite" role="status"></div>
//!     </div>
//!     <details>…</details>
//! ```
//!
//! `data-tips` is `{"h":H,"r":[from,to],"c":[[x,tip],…],"s":[[i,split,[tip],[tip]],…]}`
//! in the layout's pixels: its height, the x range where the pointer finds a column,
//! per column its x and tooltip, and the columns with a split (breakdown bars) with the
//! tooltips of their exports and imports parts. A tip is `left,top,point y` (the box's
//! corner, rounded as the wasm does; the ring is centred on (x, point y)), plus its
//! lines where this layout wraps them otherwise than `data-words`: as the lengths of the
//! slices of those words they are (`cuts`; the tips data was a quarter of the fragment's
//! gzipped bytes when it repeated the text), or as text where they are not slices.

use super::style::{BANDS, STYLE, UNSTYLED};
use crate::json::Json;
use crate::model::Model;
use crate::num::{push_int, round_i32};
use crate::scene::Scene;
use crate::story::Part;
use crate::tooltip;

/// The fragment for `json` with a layout per band.
pub fn html(json: &Json) -> Result<String, crate::error::SpecError> {
    let model = crate::model(json)?;
    let scenes: Vec<Scene> = BANDS
        .iter()
        .map(|&w| crate::scene(&model, f64::from(w), None))
        .collect();
    let Some(first) = scenes.first() else {
        return Ok(String::new());
    };
    let lang = model.locale.tag();
    let mut out = String::with_capacity(65536);
    super::open(&mut out, json, lang, "fit");
    out.push_str("<style>");
    out.push_str(STYLE);
    out.push_str("</style><div class=\"box ttc-fit");
    out.push_str(match model.theme {
        crate::spec::ThemeChoice::Auto => " ttc-auto",
        crate::spec::ThemeChoice::Dark => " ttc-dark",
        crate::spec::ThemeChoice::Light => "",
    });
    out.push_str("\">");
    super::frame_open(&mut out, first, lang);
    out.push_str(" data-words='");
    push_json_attr(&mut out, &words(&model, first));
    out.push_str("'>");
    for scene in &scenes {
        out.push_str("<div class=\"ttc-l\" data-w=\"");
        push_int(&mut out, scene.width.into());
        out.push_str("\" data-tips='");
        push_json_attr(&mut out, &tips(&model, scene));
        out.push('\'');
        if scene.width != UNSTYLED {
            out.push_str(" hidden");
        }
        out.push('>');
        crate::svg::fitting(&mut out, scene);
        out.push_str("</div>");
    }
    out.push_str("<div class=\"ttc-ring\" aria-hidden=\"true\"></div><div class=\"ttc-tip\" aria-hidden=\"true\"></div></div>");
    if model.links {
        // The links row, and over its right end the data and image buttons, which work
        // with the element script only (it fetches the engine for them): `hidden` until
        // it runs.
        out.push_str("<div class=\"ttc-row\">");
        super::links(&mut out, &model, first);
        let [_, data, image] = crate::story::link_words(&model);
        out.push_str("<div class=\"ttc-acts\" hidden><button type=\"button\" data-ttc=\"csv\">");
        out.push_str(data);
        out.push_str("</button><button type=\"button\" data-ttc=\"png\">");
        out.push_str(image);
        out.push_str("</button></div></div>");
    }
    out.push_str("<div class=\"ttc-live\" aria-live=\"polite\" role=\"status\"></div>");
    super::details(&mut out, &model, first);
    Ok(out)
}

/// JSON text in a single-quoted attribute: its many `"` stay as they are (a third of
/// the bytes otherwise), and `&`, `'` and `<` are escaped. JSON text holds no character
/// XML forbids (`push_json_str` escaped them).
fn push_json_attr(out: &mut String, json: &str) {
    for c in json.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            c => out.push(c),
        }
    }
}

const PARTS: [Option<Part>; 3] = [None, Some(Part::Exports), Some(Part::Imports)];

/// Each point's tooltip words, once for every layout: per column, the unwrapped lines
/// of its tooltip, then of its exports and imports parts if it has a split, as a JSON
/// array. The live region says a point's first entry joined by ". ", as the wasm.
fn words(model: &Model, scene: &Scene) -> String {
    let mut out = String::from("[");
    for (i, col) in scene.columns.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('[');
        let parts: &[Option<Part>] = if col.split.is_some() {
            &PARTS
        } else {
            &PARTS[..1]
        };
        for (k, &part) in parts.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            strings(&mut out, &crate::story::tooltip(model, i, part));
        }
        out.push(']');
    }
    out.push(']');
    out
}

fn strings(out: &mut String, lines: &[String]) {
    out.push('[');
    for (j, line) in lines.iter().enumerate() {
        if j > 0 {
            out.push(',');
        }
        super::push_json_str(out, line);
    }
    out.push(']');
}

/// The layout's columns and tooltips as JSON (see the module comment).
fn tips(model: &Model, scene: &Scene) -> String {
    let mut out = String::from("{\"h\":");
    push_int(&mut out, scene.height.into());
    // Where the pointer finds a column (tooltip::nearest's bounds).
    let (first, last) = (scene.columns.first(), scene.columns.last());
    if let (Some(first), Some(last)) = (first, last) {
        out.push_str(",\"r\":[");
        px(&mut out, first.x - first.half - tooltip::GAP);
        out.push(',');
        px(&mut out, last.x + last.half + tooltip::GAP);
        out.push(']');
    }
    // Per column `[x,left,top,point y(,lines)]`: its x and its tooltip.
    out.push_str(",\"c\":[");
    for (i, col) in scene.columns.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('[');
        px(&mut out, col.x);
        out.push(',');
        match tooltip::tip(model, scene, i, None) {
            Some(t) => tip(&mut out, &t),
            None => out.push_str("0,0,0"),
        }
        out.push(']');
    }
    // The columns with a split: `[index,split,[exports tip],[imports tip]]`.
    out.push_str("],\"s\":[");
    let mut first = true;
    for (i, col) in scene.columns.iter().enumerate() {
        let Some(split) = col.split else { continue };
        if !first {
            out.push(',');
        }
        first = false;
        out.push('[');
        push_int(&mut out, i64::try_from(i).unwrap_or_default());
        out.push(',');
        px(&mut out, split);
        for part in &PARTS[1..] {
            out.push_str(",[");
            match tooltip::tip(model, scene, i, *part) {
                Some(t) => tip(&mut out, &t),
                None => out.push_str("0,0,0"),
            }
            out.push(']');
        }
        out.push(']');
    }
    out.push_str("]}");
    out
}

/// `left,top,point y`, and the lines where this layout wraps them (a narrow one): as the
/// lengths of the slices of the spoken words they are (`cuts`), or as text where they are not
/// slices (a line cut short with an ellipsis).
fn tip(out: &mut String, t: &tooltip::Tip) {
    for (k, v) in [t.rect.x0, t.rect.y0, t.point.1].into_iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        push_int(out, round_i32(v).into());
    }
    if t.lines != t.spoken {
        out.push(',');
        match cuts(&t.spoken, &t.lines) {
            Some(lengths) => {
                out.push('[');
                for (j, n) in lengths.iter().enumerate() {
                    if j > 0 {
                        out.push(',');
                    }
                    push_int(out, (*n).into());
                }
                out.push(']');
            }
            None => strings(out, &t.lines),
        }
    }
}

/// The wrapped `lines` as slice lengths of the `spoken` lines, read back by tips.js's
/// `unwrap`: each length takes that many characters of what is left of the spoken line, then
/// one separator (" · " or " ") is dropped, and an emptied line gives way to the next. None
/// where that does not give the lines back, or a character is outside the BMP (tips.js counts
/// UTF-16 units, this counts chars).
fn cuts(spoken: &[String], lines: &[String]) -> Option<Vec<i32>> {
    if spoken
        .iter()
        .any(|l| l.chars().any(|c| u32::from(c) > 0xFFFF))
    {
        return None;
    }
    let mut next = spoken.iter();
    let mut rest: &str = next.next()?;
    let mut lengths = Vec::with_capacity(lines.len());
    for line in lines {
        let taken = rest.strip_prefix(line.as_str())?;
        lengths.push(i32::try_from(line.chars().count()).ok()?);
        rest = taken
            .strip_prefix(" · ")
            .or_else(|| taken.strip_prefix(' '))
            .unwrap_or(taken);
        if rest.is_empty() {
            rest = next.next().map_or("", String::as_str);
        }
    }
    // Every word said: nothing of the spoken lines is left over.
    (rest.is_empty() && next.next().is_none()).then_some(lengths)
}

/// A coordinate to the pixel (hit-testing needs no more).
fn px(out: &mut String, v: f64) {
    push_int(out, round_i32(v).into());
}

#[cfg(test)]
mod tests {
    use super::cuts;

    fn v(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn wrapped_lines_are_written_as_slices_of_the_spoken_ones() {
        let spoken = v(&[
            "2010",
            "$55.5B · +42.9% · 28% of the $200B target",
            "China's imports from Russia $25.8B",
        ]);
        let lines = v(&[
            "2010",
            "$55.5B · +42.9%",
            "28% of the $200B target",
            "China's imports from",
            "Russia $25.8B",
        ]);
        assert_eq!(cuts(&spoken, &lines), Some(vec![4, 15, 23, 20, 13]));
    }

    #[test]
    fn lines_that_are_not_slices_stay_text() {
        let spoken = v(&["2010", "a long note that was cut short"]);
        // An ellipsis, a word left out, a word too many, a character outside the BMP.
        assert_eq!(cuts(&spoken, &v(&["2010", "a long note…"])), None);
        assert_eq!(
            cuts(&spoken, &v(&["2010", "a long note that was cut"])),
            None
        );
        assert_eq!(
            cuts(
                &spoken,
                &v(&["2010", "a long note that was cut short", "x"])
            ),
            None
        );
        assert_eq!(cuts(&v(&["2010 🚢"]), &v(&["2010", "🚢"])), None);
    }
}
