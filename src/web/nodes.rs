//! The elements a chart owns inside its host, built with createElement and styled
//! through the CSSOM (allowed under a strict `style-src 'self'`), never from markup.

use crate::scene::Rgb;
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement};

thread_local! {
    /// Ids for aria-describedby must be unique on the page, however many charts.
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

pub(super) fn element(document: &Document, tag: &str) -> Result<HtmlElement, JsValue> {
    document
        .create_element(tag)?
        .dyn_into::<HtmlElement>()
        .map_err(Into::into)
}

pub(super) fn set_styles(el: &HtmlElement, styles: &[(&str, &str)]) {
    let style = el.style();
    for (k, v) in styles {
        let _ = style.set_property(k, v);
    }
}

pub(super) fn css(c: Rgb) -> String {
    format!("rgb({},{},{})", c.0, c.1, c.2)
}

/// Visually hidden but read by screen readers.
pub(super) const SR_ONLY: &[(&str, &str)] = &[
    ("position", "absolute"),
    ("width", "1px"),
    ("height", "1px"),
    ("margin", "-1px"),
    ("padding", "0"),
    ("border", "0"),
    ("overflow", "hidden"),
    ("clip", "rect(0 0 0 0)"),
    ("white-space", "nowrap"),
];

/// The elements a chart owns inside its host.
pub(super) struct Nodes {
    pub(super) root: HtmlElement,
    /// The one tab stop: receives pointer and key events, holds the picture and tooltip.
    pub(super) frame: HtmlElement,
    pub(super) plot: HtmlElement,
    pub(super) tip: HtmlElement,
    pub(super) ring: HtmlElement,
    pub(super) desc: HtmlElement,
    pub(super) table: HtmlElement,
    pub(super) live: HtmlElement,
    /// "Source", "Get the data", "Download image", under the chart.
    pub(super) links: HtmlElement,
    /// The visually hidden description, table and live region.
    pub(super) sr: HtmlElement,
    pub(super) source: HtmlElement,
    pub(super) data_button: HtmlElement,
    pub(super) image_button: HtmlElement,
}

impl Nodes {
    pub(super) fn new(root: &HtmlElement) -> Result<Nodes, JsValue> {
        let document = root.owner_document().ok_or("no document")?;
        let id = NEXT_ID.with(|n| {
            n.set(n.get().wrapping_add(1));
            n.get()
        });
        let frame = element(&document, "div")?;
        frame.set_class_name("ttc");
        frame.set_tab_index(0);
        frame.set_attribute("role", "group")?;
        frame.set_attribute("aria-describedby", &format!("ttc-desc-{id}"))?;
        set_styles(&frame, &[("display", "block"), ("position", "relative")]);
        let plot = element(&document, "div")?;
        let tip = element(&document, "div")?;
        tip.set_class_name("ttc-tip");
        tip.set_attribute("aria-hidden", "true")?;
        set_styles(
            &tip,
            &[
                ("position", "absolute"),
                ("display", "none"),
                ("pointer-events", "none"),
                ("box-sizing", "border-box"),
                ("padding", "7px"),
                ("border-radius", "3px"),
                ("border-width", "1px"),
                ("border-style", "solid"),
                ("white-space", "nowrap"),
                ("font-size", "12px"),
                ("line-height", "15px"),
                ("z-index", "1"),
            ],
        );
        let ring = element(&document, "div")?;
        ring.set_attribute("aria-hidden", "true")?;
        set_styles(
            &ring,
            &[
                ("position", "absolute"),
                ("display", "none"),
                ("pointer-events", "none"),
                ("width", "14px"),
                ("height", "14px"),
                ("box-sizing", "border-box"),
                ("border-radius", "50%"),
                ("border-width", "2px"),
                ("border-style", "solid"),
            ],
        );
        frame.append_child(&plot)?;
        frame.append_child(&ring)?;
        frame.append_child(&tip)?;

        let sr = element(&document, "div")?;
        set_styles(&sr, SR_ONLY);
        let desc = element(&document, "p")?;
        desc.set_id(&format!("ttc-desc-{id}"));
        let table = element(&document, "table")?;
        let live = element(&document, "div")?;
        live.set_attribute("aria-live", "polite")?;
        live.set_attribute("role", "status")?;
        sr.append_child(&desc)?;
        sr.append_child(&table)?;
        sr.append_child(&live)?;

        let links = element(&document, "div")?;
        links.set_class_name("ttc-links");
        set_styles(
            &links,
            &[
                ("display", "flex"),
                ("flex-wrap", "wrap"),
                ("gap", "4px 16px"),
            ],
        );
        let source = element(&document, "a")?;
        source.set_attribute("rel", "noopener noreferrer")?;
        source.set_attribute("target", "_blank")?;
        let data_button = element(&document, "button")?;
        let image_button = element(&document, "button")?;
        for el in [&source, &data_button, &image_button] {
            if el.tag_name() == "BUTTON" {
                el.set_attribute("type", "button")?;
            }
            set_styles(
                el,
                &[
                    ("background", "none"),
                    ("border", "0"),
                    ("padding", "2px 0"),
                    ("font-size", "12px"),
                    ("line-height", "16px"),
                    ("text-decoration", "underline"),
                    ("cursor", "pointer"),
                ],
            );
            links.append_child(el)?;
        }

        root.set_inner_html("");
        root.append_child(&frame)?;
        root.append_child(&links)?;
        root.append_child(&sr)?;
        Ok(Nodes {
            sr,
            links,
            source,
            data_button,
            image_button,
            root: root.clone(),
            frame,
            plot,
            tip,
            ring,
            desc,
            table,
            live,
        })
    }
}
