//! What the host page says about how to draw: the reader's colour scheme, the
//! `--ttc-*` custom properties, the host font (measured once with canvas text metrics,
//! never a DOM element) and the language around the element.

use crate::locale::Locale;
use crate::model::Model;
use crate::scene::Rgb;
use crate::spec::ThemeChoice;
use crate::theme::{self, Theme};
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use web_sys::{CanvasRenderingContext2d, Element, HtmlCanvasElement, HtmlElement, MediaQueryList};

/// `#rgb`, `#rrggbb` or `rgb(r, g, b)` from a CSS custom property.
fn parse_color(s: &str) -> Option<Rgb> {
    let s = s.trim();
    let hex = |h: &str| u8::from_str_radix(h, 16).ok();
    if let Some(h) = s.strip_prefix('#') {
        return match h.len() {
            3 => {
                let mut c = h
                    .chars()
                    .map(|c| c.to_digit(16).and_then(|v| u8::try_from(v * 17).ok()));
                Some(Rgb(c.next()??, c.next()??, c.next()??))
            }
            6 => Some(Rgb(
                hex(h.get(0..2)?)?,
                hex(h.get(2..4)?)?,
                hex(h.get(4..6)?)?,
            )),
            _ => None,
        };
    }
    let inner = s.strip_prefix("rgb(")?.strip_suffix(')')?;
    let mut parts = inner
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .map(|p| p.parse::<u8>().ok());
    Some(Rgb(parts.next()??, parts.next()??, parts.next()??))
}

/// Where a `--ttc-*` colour goes in the theme.
type SetColor = fn(&mut Theme, Rgb);

/// The theme for this chart: the spec's, or the reader's scheme for "auto", with any
/// `--ttc-*` custom properties the host page set on the element (or an ancestor).
/// `scheme` is the page's `(prefers-color-scheme: dark)` query, kept by the chart.
pub(super) fn resolve_theme(
    model: &Model,
    root: &HtmlElement,
    scheme: Option<&MediaQueryList>,
) -> (Theme, Option<String>) {
    let dark = match model.theme {
        ThemeChoice::Dark => true,
        ThemeChoice::Light => false,
        ThemeChoice::Auto => scheme.is_some_and(MediaQueryList::matches),
    };
    let mut theme = if dark { theme::DARK } else { theme::LIGHT };
    let Some(style) = web_sys::window().and_then(|w| w.get_computed_style(root).ok().flatten())
    else {
        return (theme, None);
    };
    let var = |name: &str| {
        style
            .get_property_value(name)
            .ok()
            .filter(|v| !v.trim().is_empty())
    };
    // One loop over the properties rather than the same read written out five times.
    let colors: [(&str, SetColor); 5] = [
        ("--ttc-accent", |t, c| t.series = c),
        ("--ttc-target", |t, c| t.target = c),
        ("--ttc-text", |t, c| {
            t.title = c;
            t.text = c;
            t.milestone = c;
        }),
        ("--ttc-grid", |t, c| t.grid = c),
        ("--ttc-background", |t, c| t.background = c),
    ];
    for (name, set) in colors {
        if let Some(c) = var(name).and_then(|v| parse_color(&v)) {
            set(&mut theme, c);
        }
    }
    // The core decides which fonts are the page's choice (see `text::host_family`).
    let font = var("--ttc-font")
        .and_then(|f| crate::text::portable_families(&f))
        .or_else(|| {
            crate::text::host_family(&style.get_property_value("font-family").unwrap_or_default())
        });
    (theme, font)
}

/// How much wider than Helvetica/Arial `family` runs, measured once with canvas text
/// metrics (no element is put in the page, so no reflow and nothing a CSP blocks). Never
/// below 1: a narrower font just gets a little more room.
pub(super) fn stretch_of(family: &str) -> f64 {
    const SAMPLE: &str = "China–Russia trade 2025 $228.1B target 0123456789";
    let measure = || -> Option<f64> {
        let document = web_sys::window()?.document()?;
        let canvas: HtmlCanvasElement = document.create_element("canvas").ok()?.unchecked_into();
        let ctx: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.unchecked_into();
        ctx.set_font(&(String::from("100px ") + crate::text::FAMILY));
        let reference = ctx.measure_text(SAMPLE).ok()?.width();
        ctx.set_font(&(String::from("100px ") + family));
        let host = ctx.measure_text(SAMPLE).ok()?.width();
        (reference > 0.0).then(|| crate::num::clamp(host / reference, 1.0, 1.5))
    };
    measure().unwrap_or(1.0)
}

/// The chart's language: the spec's, else the nearest `lang` around the element, looked
/// up across shadow roots: `closest` stops at a shadow root's edge, so the search goes on
/// from that root's host (the `<trade-target-chart>` element, or any host a page mounts
/// the chart inside), and so on out to the document.
pub(super) fn resolve_locale(model: &Model, root: &HtmlElement) -> Locale {
    if model.locale_given {
        return model.locale;
    }
    let mut at: Option<Element> = Some(root.clone().into());
    while let Some(el) = at {
        if let Some(lang) = el
            .closest("[lang]")
            .ok()
            .flatten()
            .and_then(|e| e.get_attribute("lang"))
        {
            return Locale::parse(&lang).unwrap_or_default();
        }
        // A shadow root's `host` is its element; a document has none (and an `<a>` at
        // the top of a detached tree has a string `host`): read as a property, where an
        // `instanceof ShadowRoot` check and a typed getter cost two imports.
        at = js_sys::Reflect::get(&el.get_root_node(), &"host".into())
            .ok()
            .filter(JsValue::is_object)
            .map(JsCast::unchecked_into);
    }
    Locale::default()
}
