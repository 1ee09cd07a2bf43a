//! The words around the picture: its accessible name and description, the data table
//! screen readers browse, the links under the chart, and the downloads they start.

use super::nodes::{font_family, push_css, style, LINK};
use super::State;
use crate::story;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// What `describe` writes besides the table: the words change with the data, the rest
/// (links, their look, `lang`) rarely. Writing a style or an attribute, even with the
/// value it already has, invalidates style, so each part is written only when it changed.
#[derive(PartialEq)]
pub(super) struct Described {
    title: String,
    description: String,
    look: Look,
}

#[derive(PartialEq)]
struct Look {
    source_url: Option<String>,
    links: bool,
    locale: crate::locale::Locale,
    theme: crate::theme::Theme,
    font: String,
}

impl State {
    /// The accessible name, the description and the data table, in the chart's language.
    pub(super) fn describe(&mut self) {
        let now = Described {
            title: self.scene.title.clone(),
            description: self.scene.description.clone(),
            look: Look {
                source_url: self.model.source_url.clone(),
                links: self.model.links,
                locale: self.model.locale,
                theme: self.theme,
                font: self.scene.font.clone(),
            },
        };
        let before = self.described.take();
        let n = &self.nodes;
        if before.as_ref().map(|b| &b.title) != Some(&now.title) {
            let _ = n.frame.set_attribute("aria-label", &now.title);
        }
        let new_words = before.as_ref().map(|b| &b.description) != Some(&now.description);
        if before.as_ref().map(|b| &b.look) != Some(&now.look) {
            self.write_look();
        }
        self.described = Some(now);
        // The first words are written at once (the chart must be readable as soon as it
        // is on screen). After that, the description and the table follow in the next
        // idle moment: re-laying them out was 0.9 of the 1.5 ms of layout a data update
        // forced (measured), for words only a screen reader's reading reaches (the live
        // region, which speaks, is written at once); and a burst of updates (a slider, a
        // live feed) costs one write, not one each.
        match &self.later {
            Some(later) if !self.table.is_empty() => {
                self.description_due |= new_words;
                self.table_due = true;
                later.add();
            }
            _ => {
                if new_words {
                    self.nodes
                        .desc
                        .set_text_content(Some(&self.scene.description));
                }
                self.fill_table();
            }
        }
    }

    /// The deferred writes (see `describe`).
    pub(super) fn fill_table_due(&mut self) {
        if self.description_due {
            self.description_due = false;
            self.nodes
                .desc
                .set_text_content(Some(&self.scene.description));
        }
        if self.table_due {
            self.table_due = false;
            self.fill_table();
            // Lay the words out here, in the idle moment, rather than in whatever forces
            // the page's layout next (the next update, a frame).
            let _ = self.nodes.table.offset_height();
        }
        if let Some(later) = &self.later {
            later.linger();
        }
    }

    /// The links under the chart, their look, and `lang`.
    fn write_look(&self) {
        let n = &self.nodes;
        let [source, data, image] = story::link_words(&self.model);
        n.data_button.set_text_content(Some(data));
        n.image_button.set_text_content(Some(image));
        n.source.set_text_content(Some(source));
        // Only validated http(s) URLs ever become a link.
        match &self.model.source_url {
            Some(url) => {
                let _ = n.source.set_attribute("href", url);
            }
            None => {
                let _ = n.source.remove_attribute("href");
            }
        }
        let mut look = String::from(LINK);
        look.push_str("color:");
        push_css(&mut look, self.theme.text);
        look.push_str(";font-family:");
        look.push_str(&font_family(&self.scene.font));
        style(&n.data_button, &look);
        style(&n.image_button, &look);
        look.push_str(if self.model.source_url.is_some() {
            ";display:inline"
        } else {
            ";display:none"
        });
        style(&n.source, &look);
        // The row sits outside the picture, on the host's background: give it the
        // chart's, so its text keeps its contrast (a dark chart on a light page).
        let mut row = String::from(if self.model.links {
            "display:flex;flex-wrap:wrap;gap:4px 16px;padding:6px 0 0;background:"
        } else {
            "display:none;background:"
        });
        push_css(&mut row, self.theme.background);
        style(&n.links, &row);
        // Screen readers pick the voice from `lang`: the chart's language, not the page's.
        let lang = self.model.locale.tag();
        for el in [&n.frame, &n.links, &n.sr] {
            let _ = el.set_attribute("lang", lang);
        }
    }

    /// Saves `blob` as `name` through a temporary link (the browser's download).
    pub(super) fn download(&self, blob: &web_sys::Blob, name: &str) -> Result<(), JsValue> {
        let window = web_sys::window().ok_or("no window")?;
        let document = window.document().ok_or("no document")?;
        let url = web_sys::Url::create_object_url_with_blob(blob)?;
        let a: web_sys::HtmlElement = document.create_element("a")?.unchecked_into();
        a.set_attribute("href", &url)?;
        a.set_attribute("download", name)?;
        a.click();
        // Revoked on the next task: the download has started by then.
        let revoke = super::once(super::Once::Revoke(url));
        // The same `setTimeout` import as `Later`'s (a delay of 0 is the default).
        window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 0)?;
        Ok(())
    }

    pub(super) fn download_csv(&self) -> Result<(), JsValue> {
        let parts = js_sys::Array::of1(&crate::export::csv(&self.model).into());
        let options = super::convert::options(r#"{"type":"text/csv;charset=utf-8"}"#);
        let blob =
            web_sys::Blob::new_with_str_sequence_and_options(&parts, options.unchecked_ref())?;
        self.download(&blob, "trade-target-chart.csv")
    }

    /// The data table. Its cells' texts, in document order (caption, column heads, then
    /// five cells a year), are compared with what the table holds: a new value only
    /// rewrites the cells that changed (the table is half the widget's DOM, and parsing it
    /// anew was a third of an update). A new shape is written as one escaped HTML string,
    /// far cheaper than a hundred createElement calls across the wasm boundary.
    fn fill_table(&mut self) {
        let (texts, heads) = crate::markup::table_texts(&self.model, &self.scene.title);
        // Plain loops: iterator chains here were larger functions (wasm bytes).
        if self.table.len() == texts.len() {
            let mut news = texts.into_iter();
            for (cell, old) in &mut self.table {
                let Some(new) = news.next() else { break };
                if *old != new {
                    cell.set_text_content(Some(&new));
                    *old = new;
                }
            }
            return;
        }
        let html = crate::markup::table(&texts, heads);
        self.nodes.table.set_inner_html(&html);
        self.table.clear();
        if let Ok(list) = self.nodes.table.query_selector_all("caption, th, td") {
            if list.length() as usize == texts.len() {
                for (k, text) in (0..).zip(texts) {
                    // Unchecked: `querySelectorAll` returns elements only.
                    if let Some(cell) = list.get(k) {
                        self.table.push((cell.unchecked_into(), text));
                    }
                }
            }
        }
    }
}
