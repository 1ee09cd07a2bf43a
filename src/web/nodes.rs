//! The elements a chart owns inside its host: the skeleton is one markup string from the
//! core (`markup::skeleton`) written with one `innerHTML`, then found by position. Styles
//! go in through the CSSOM (`style.cssText`), which a strict `style-src 'self'` allows,
//! one write per element; a `style` attribute in markup would be blocked.

use crate::scene::Rgb;
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

thread_local! {
    /// Ids for aria-describedby must be unique on the page, however many charts.
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

/// Replaces `el`'s whole inline style.
pub(super) fn style(el: &HtmlElement, css: &str) {
    el.style().set_css_text(css);
}

/// `rgb(r,g,b)` for a CSS declaration, onto `s`.
pub(super) fn push_css(s: &mut String, c: Rgb) {
    let mut sep = "rgb(";
    for v in [c.0, c.1, c.2] {
        s.push_str(sep);
        crate::num::push_int(s, v.into());
        sep = ",";
    }
    s.push(')');
}

/// A font family from the page (`--ttc-font`, computed style) made safe to put into a
/// declaration: it cannot close it and start another.
pub(super) fn font_family(f: &str) -> String {
    f.chars()
        .filter(|c| !matches!(c, ';' | '{' | '}' | '\n' | '\r'))
        .collect()
}

/// Visually hidden but read by screen readers.
pub(super) const SR_ONLY: &str = "position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap";
pub(super) const TIP: &str = "position:absolute;pointer-events:none;box-sizing:border-box;padding:7px;border-radius:3px;border:1px solid;white-space:nowrap;font-size:12px;line-height:15px;z-index:1;";
pub(super) const RING: &str = "position:absolute;pointer-events:none;width:14px;height:14px;box-sizing:border-box;border-radius:50%;border:2px solid;";
pub(super) const LINK: &str = "background:none;border:0;padding:2px 0;font-size:12px;line-height:16px;text-decoration:underline;cursor:pointer;";

/// The elements a chart owns inside its host.
pub(super) struct Nodes {
    pub(super) root: HtmlElement,
    /// The one tab stop: receives pointer and key events, holds the picture and tooltip.
    pub(super) frame: HtmlElement,
    pub(super) plot: HtmlElement,
    pub(super) ring: HtmlElement,
    pub(super) tip: HtmlElement,
    /// "Source", "Get the data", "Download image", under the chart.
    pub(super) links: HtmlElement,
    pub(super) source: HtmlElement,
    pub(super) data_button: HtmlElement,
    pub(super) image_button: HtmlElement,
    /// The visually hidden description, table and live region.
    pub(super) sr: HtmlElement,
    pub(super) desc: HtmlElement,
    pub(super) table: HtmlElement,
    pub(super) live: HtmlElement,
}

/// `el.firstElementChild`, through the `children` binding `child` uses: one import less.
pub(super) fn first(el: &Element) -> Option<Element> {
    el.children().item(0)
}

/// The `i`-th element child of `el`. Unchecked: every element of the skeleton
/// (`markup::skeleton`) is an HTML element, and a pre-rendered chart's frame is checked
/// by its class before its parts are taken (an `instanceof` check cost an import).
fn child(el: &Element, i: u32) -> Result<HtmlElement, JsValue> {
    Ok(el
        .children()
        .item(i)
        .ok_or("the chart's markup is missing a part")?
        .unchecked_into())
}

impl Nodes {
    pub(super) fn new(root: &HtmlElement) -> Result<Nodes, JsValue> {
        let id = NEXT_ID.with(|n| {
            n.set(n.get().wrapping_add(1));
            n.get()
        });
        root.set_inner_html(&crate::markup::skeleton(id));
        Self::find(root)
    }

    /// Takes over a pre-rendered chart (`fragment::html`): its frame, with the picture in
    /// it, stays where it is (a reader who focused it keeps the focus); what follows the
    /// frame becomes the skeleton's links row and words for screen readers.
    pub(super) fn adopt(root: &HtmlElement) -> Result<Nodes, JsValue> {
        let frame = child(root, 0)?;
        if frame.get_attribute("class").as_deref() != Some("ttc") {
            return Err("not a pre-rendered chart".into());
        }
        let id = NEXT_ID.with(|n| {
            n.set(n.get().wrapping_add(1));
            n.get()
        });
        // `remove` is on every kind of child node (elements, text, comments), not only
        // on `Element` as web-sys types it: one import less than `removeChild`.
        while let Some(next) = frame.next_sibling() {
            next.unchecked_ref::<Element>().remove();
        }
        frame.insert_adjacent_html("afterend", &crate::markup::after_frame(id))?;
        let mut described = String::from("ttc-desc-");
        crate::num::push_int(&mut described, id.into());
        frame.set_attribute("aria-describedby", &described)?;
        Self::find(root)
    }

    /// The skeleton's parts, by position, with their styles.
    fn find(root: &HtmlElement) -> Result<Nodes, JsValue> {
        // Each of the three parts, then its three children, in one loop.
        let mut all = Vec::with_capacity(12);
        for i in 0..3 {
            let part = child(root, i)?;
            for k in 0..3 {
                all.push(child(&part, k)?);
            }
            all.push(part);
        }
        let Ok(
            [plot, ring, tip, frame, source, data_button, image_button, links, desc, table, live, sr],
        ) = <[HtmlElement; 12]>::try_from(all)
        else {
            return Err("the chart's markup is missing a part".into());
        };
        let nodes = Nodes {
            root: root.clone(),
            plot,
            ring,
            tip,
            source,
            data_button,
            image_button,
            desc,
            table,
            live,
            frame,
            links,
            sr,
        };
        style(&nodes.frame, "display:block;position:relative");
        style(&nodes.sr, SR_ONLY);
        // Fixed layout: a new number in a cell re-lays out that cell, not every column
        // of the table (the table was 0.9 ms of an update's layout, measured).
        style(&nodes.table, "table-layout:fixed;width:600px");
        Ok(nodes)
    }
}
