//! Carries out the SVG patch the core planned (`markup::patch`) on the `<svg>` on screen.

use wasm_bindgen::JsCast;
use web_sys::Element;

/// Carries out `markup::patch`'s steps on the `<svg>` element; None if the document on
/// screen is not the one the steps were planned from (then it is written anew).
pub(super) fn apply(
    svg: &Element,
    kids: &mut Vec<Element>,
    steps: Vec<crate::markup::Patch<'_>>,
) -> Option<()> {
    use crate::markup::Patch;
    // The children as they are before any step: steps name them by that place. Kept
    // from the last update unless it added or removed elements.
    let list = svg.children();
    if kids.len() != list.length() as usize {
        kids.clear();
        for i in 0..list.length() {
            kids.extend(list.item(i));
        }
    }
    let mut reshaped = false;
    for step in &steps {
        reshaped |= !matches!(step, Patch::Root { .. } | Patch::Attributes { .. });
    }
    let kids_now = std::mem::take(kids);
    let child = |i: usize| kids_now.get(i);
    for step in steps {
        match step {
            Patch::Root { set } => {
                for (name, value) in set {
                    svg.set_attribute(name, &value).ok()?;
                }
            }
            Patch::Attributes {
                child: i,
                set,
                remove,
                text,
            } => {
                let el = child(i)?;
                for (name, value) in set {
                    el.set_attribute(name, &value).ok()?;
                }
                for name in remove {
                    el.remove_attribute(name).ok()?;
                }
                if let Some(text) = text {
                    set_text(el, &text);
                }
            }
            // As `outerHTML` does (parsed in the `<svg>`'s context), with the two calls
            // the other steps use: one import less.
            Patch::Replace { child: i, html } => {
                let el = child(i)?;
                el.insert_adjacent_html("beforebegin", html).ok()?;
                el.remove();
            }
            // With the line break before it, so the document stays the one a fresh parse
            // would give (and whitespace does not pile up over updates).
            Patch::Remove { child: i } => {
                let el = child(i)?;
                if let Some(gap) = el.previous_sibling() {
                    // A text node has `remove` too (web-sys puts it on `Element`
                    // only): one import less than `removeChild`.
                    if gap.node_type() == web_sys::Node::TEXT_NODE {
                        gap.unchecked_ref::<Element>().remove();
                    }
                }
                el.remove();
            }
            // Before a child: after the line break that precedes it.
            Patch::Insert { before, html } => match before {
                Some(i) => child(i)?.insert_adjacent_html("beforebegin", &html).ok()?,
                None => svg.insert_adjacent_html("beforeend", &html).ok()?,
            },
        }
    }
    if !reshaped {
        *kids = kids_now;
    }
    Some(())
}

/// An element's text, as its one text node's data where it has one (every `<text>`,
/// `<title>` and `<desc>` our writers emit): setting `textContent` instead removes the
/// node and makes a new one, and Chromium lays the text out again from scratch (0.08 ms
/// more for the subtitle's forced layout, measured).
fn set_text(el: &Element, text: &str) {
    match el.first_child() {
        Some(node)
            if !text.is_empty()
                && node.node_type() == web_sys::Node::TEXT_NODE
                && node.next_sibling().is_none() =>
        {
            node.set_node_value(Some(text));
        }
        _ => el.set_text_content(Some(text)),
    }
}
