//! The browser edge, and the only module that touches the DOM: reads the spec from a
//! JS value, puts the SVG or canvas into the host element, follows the element's width,
//! the reader's colour scheme and the screen's pixel ratio, shows tooltips for mouse,
//! touch and keyboard, keeps a description, a data table and a live region for screen
//! readers, and shows a readable error box for a bad spec. Everything it draws and says
//! comes from the pure core; nothing here measures text.
//!
//! It only applies what the core wrote: markup (`markup`, `svg`, escaped there, once)
//! goes in with one `innerHTML` per region, a new picture of the same chart as the
//! attribute writes `markup::patch` plans, and styles through the CSSOM (allowed under
//! a strict `style-src 'self'` policy). One listener per chart takes every event.
//!
//! Here: the chart's state, drawing, tooltips, events and the exported API. Beside it:
//! `convert` (JS values in and out, serde-wasm-bindgen), `nodes` (the elements), `patch`
//! (the SVG patch applied), `host` (theme, font and language from the page), `describe`
//! (the words for screen readers, the links and downloads), `later` (idle-moment work)
//! and `canvas` (the canvas backend, PNG export).

mod canvas;
mod convert;
mod describe;
mod host;
mod later;
mod nodes;
mod patch;

use canvas::{paint, png};
use convert::{from_json, js_error, read, to_json};
use host::{resolve_locale, resolve_theme, stretch_of};
use later::Later;
use nodes::{first, font_family, push_css, style, Nodes};
use patch::apply;

use crate::error::SpecError;
use crate::model::Model;
use crate::scene::Scene;
use crate::spec::Renderer;
use crate::story::Part;
use crate::theme::{self, Theme};
use crate::tooltip::{self, Tip};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, Event, EventTarget, HtmlCanvasElement, HtmlElement, KeyboardEvent, MediaQueryList,
    MutationObserver, PointerEvent, ResizeObserver,
};

/// Width used when the host element has none yet (display: none, not in the page).
const FALLBACK_WIDTH: f64 = 640.0;

/// The default chart's spec as a plain object (the real China–Russia data).
#[wasm_bindgen(js_name = defaultSpec)]
pub fn default_spec() -> Result<JsValue, JsValue> {
    crate::data::default_json()
        .and_then(|j| from_json(&j))
        .map_err(|e| js_error(&e))
}

/// The chart as an SVG document, byte-identical to the native CLI's for the same size
/// (`theme: "auto"` is light here: a document has no reader to ask).
#[wasm_bindgen(js_name = renderSvg)]
pub fn render_svg(spec: JsValue, width: f64, height: Option<f64>) -> Result<String, JsValue> {
    let model = read(spec).map_err(|e| js_error(&e))?;
    Ok(crate::svg::document(&crate::scene(&model, width, height)))
}

/// The chart as a pre-rendered HTML fragment: at one width (`fragment::html`), or with
/// no width the one that fits every column (`fragment::html_fit`); the same bytes as
/// the native CLI's `--html` for the same options.
#[wasm_bindgen(js_name = renderHtml)]
pub fn render_html(
    spec: JsValue,
    width: Option<f64>,
    height: Option<f64>,
) -> Result<String, JsValue> {
    let json = to_json(spec).map_err(|e| js_error(&e))?;
    match width {
        Some(width) => crate::fragment::html(&json, width, height),
        None => crate::fragment::html_fit(&json),
    }
    .map_err(|e| js_error(&e))
}

/// CSV text read by the core into the spec's series (`parseCSV` in index.js): the
/// points in the file's order, or `{ path, message, line, column }` naming the file
/// (`name`, else "csv"), its line and the column.
#[wasm_bindgen(js_name = parseCsv)]
pub fn parse_csv(text: &str, name: Option<String>) -> Result<JsValue, JsValue> {
    let name = name.filter(|n| !n.is_empty());
    crate::csv::parse(text, name.as_deref().unwrap_or("csv"))
        .and_then(|points| from_json(&crate::csv::to_json(&points)))
        .map_err(|e| js_error(&e))
}

struct State {
    nodes: Nodes,
    /// A height to keep (a pre-rendered chart's, so its box does not change when it is
    /// taken over) until the width changes; None follows the spec and the width.
    height: Option<f64>,
    /// The spec as validated, with the host's language applied at the last draw: what
    /// is drawn and said. (A spec's own `locale` wins over the host's, so the spec as
    /// validated is this one with the locale read again; not a copy kept aside, which
    /// cost a clone of every point per update.)
    model: Model,
    theme: Theme,
    scene: Scene,
    /// The SVG document on screen (cut into its elements by `markup::elements` when
    /// the next is planned); empty when the picture is a canvas or not drawn yet.
    svg: String,
    /// The `<svg>`'s children as elements, while they are the ones `svg` describes (a
    /// patch that adds or removes elements empties it, to be read again when needed).
    svg_nodes: Vec<Element>,
    /// The picture on screen is the canvas `draw_canvas` wrote (so it is drawn over).
    canvas: bool,
    /// The width last drawn at, so a resize that changes nothing draws nothing.
    width: f64,
    /// The column (and breakdown part) the tooltip shows.
    active: Option<(usize, Option<Part>)>,
    /// The tooltip and its ring are hidden (their style says so already).
    tip_hidden: bool,
    /// The host font last measured, and how much wider than Arial it runs.
    font: (String, f64),
    /// The words for screen readers and the links need writing again (not on a resize,
    /// which changes neither).
    stale: bool,
    /// The data table's cells and the text each holds (see `fill_table`).
    table: Vec<(Element, String)>,
    /// What `describe` last wrote besides the table (see there).
    described: Option<describe::Described>,
    /// Runs `fill_table_due` in an idle moment (None until the chart listens).
    later: Option<Later>,
    /// The table has words to catch up with.
    table_due: bool,
    /// So has the description.
    description_due: bool,
    /// The reader's `(prefers-color-scheme: dark)`, asked once and followed.
    scheme: Option<MediaQueryList>,
    /// What the page said at the last draw for it (see `Page`).
    page: Option<Page>,
    /// The animation frame asked for to follow a resize or a `lang` change (see
    /// `Chart::start`), until it runs: a burst of notifications asks once.
    frame_request: Option<i32>,
}

/// The page's say in a drawing: the language around the chart, the colour scheme and
/// the `--ttc-*` properties, the font. Read when the chart is drawn for the page (it
/// mounts, gets a new width, the colour scheme, a `lang` or a web font changes) and kept
/// for data updates, which change none of it: reading it again was a computed style and
/// seven property reads, 0.15 of a 1.8 ms update (measured). A spec that asks for
/// another theme or language is read again.
struct Page {
    /// The spec's theme choice and its own locale, if any, when this was read.
    asks: (crate::spec::ThemeChoice, Option<crate::locale::Locale>),
    locale: crate::locale::Locale,
    theme: Theme,
    font: Option<String>,
}

impl State {
    /// The host's content-box width, read from our own block-level frame inside it.
    fn measure(&self) -> f64 {
        let w = self.nodes.frame.get_bounding_client_rect().width().floor();
        if w > 0.0 {
            w
        } else {
            FALLBACK_WIDTH
        }
    }

    /// Measures the element, then draws at its width.
    fn draw(&mut self) {
        self.width = self.measure();
        self.page = None;
        self.render();
    }

    /// Draws at the width last measured. A data update comes here: the ResizeObserver
    /// tells of any new width, and measuring again would force the page's layout (1.5 ms
    /// when anything else in it had changed since the last frame, measured).
    fn render(&mut self) {
        let model = &self.model;
        let asks = (model.theme, model.locale_given.then_some(model.locale));
        let page = match self.page.take() {
            Some(page) if page.asks == asks => page,
            _ => {
                let locale = resolve_locale(model, &self.nodes.root);
                let (theme, font) = resolve_theme(model, &self.nodes.root, self.scheme.as_ref());
                Page {
                    asks,
                    locale,
                    theme,
                    font,
                }
            }
        };
        let before = self.model.locale;
        self.model.locale = page.locale;
        let (theme, font) = (page.theme, page.font.clone());
        self.page = Some(page);
        let stretch = match &font {
            Some(f) if *f != self.font.0 => {
                self.font = (f.clone(), stretch_of(f));
                self.font.1
            }
            Some(_) => self.font.1,
            None => 1.0,
        };
        let mut scene =
            crate::layout::layout_stretched(&self.model, self.width, self.height, &theme, stretch);
        if let Some(font) = font {
            scene.font = font;
        }
        let drawn = match self.model.renderer {
            Renderer::Svg => {
                self.canvas = false;
                self.draw_svg(&scene);
                Ok(())
            }
            Renderer::Canvas => {
                self.svg.clear();
                self.draw_canvas(&scene)
            }
        };
        if let Err(e) = drawn {
            let mut message = String::from("drawing failed: ");
            message.push_str(&e.as_string().unwrap_or_default());
            show_error(&self.nodes.plot, &SpecError::new("", message));
            self.canvas = false;
        }
        // A data update is stale anyway (its model came with the spec's locale or none).
        let stale = self.stale || self.model.locale != before || theme != self.theme;
        self.theme = theme;
        self.scene = scene;
        if stale {
            self.describe();
            self.stale = false;
        }
        self.hide();
    }

    /// The SVG on screen becomes the scene's: as the attribute writes `markup::patch`
    /// plans when the document keeps its root (a data update: unchanged labels are not
    /// parsed or laid out again), else as one new document.
    fn draw_svg(&mut self, scene: &Scene) {
        let doc = crate::svg::document(scene);
        let pieces = crate::markup::elements(&doc);
        let patched = match (
            first(&self.nodes.plot),
            crate::markup::patch(&crate::markup::elements(&self.svg), &pieces),
        ) {
            (Some(svg), Some(steps)) => apply(&svg, &mut self.svg_nodes, steps).is_some(),
            _ => false,
        };
        if !patched {
            self.svg_nodes.clear();
            self.nodes.plot.set_inner_html(&doc);
        }
        drop(pieces);
        self.svg = doc;
    }

    /// Canvas backing store at CSS size × devicePixelRatio, drawn in CSS pixels through
    /// a scale transform: crisp on retina (plotters-canvas alone ignores the ratio).
    fn draw_canvas(&mut self, scene: &Scene) -> Result<(), JsValue> {
        let dpr = web_sys::window()
            .map_or(1.0, |w| w.device_pixel_ratio())
            .max(1.0);
        // The canvas already on screen is drawn over when it has the size needed: a new
        // one each time cost a backing-store allocation (1280×800 at DPR 2) per update.
        let plot = &self.nodes.plot;
        let canvas = match first(plot) {
            Some(c) if self.canvas => c,
            _ => {
                plot.set_inner_html(crate::markup::CANVAS);
                self.canvas = true;
                first(plot).ok_or("no canvas")?
            }
        };
        // Unchecked: the element was written as a `<canvas>` (see `canvas`), and an
        // `instanceof` check cost an import.
        let canvas: HtmlCanvasElement = canvas.unchecked_into();
        paint(&canvas, scene, dpr)?;
        let mut css = String::from("display:block;width:");
        crate::num::push_int(&mut css, scene.width.into());
        css.push_str("px;height:");
        crate::num::push_int(&mut css, scene.height.into());
        css.push_str("px");
        style(&canvas, &css);
        canvas.set_attribute("aria-label", &scene.title)?;
        Ok(())
    }

    fn show(&mut self, index: usize, part: Option<Part>, announce: bool) {
        let Some(tip) = tooltip::tip(&self.model, &self.scene, index, part) else {
            return;
        };
        self.active = Some((index, part));
        self.tip_hidden = false;
        self.paint_tip(&tip);
        if announce {
            self.nodes
                .live
                .set_text_content(Some(&tip.spoken.join(". ")));
        }
    }

    fn paint_tip(&self, tip: &Tip) {
        let t = &self.theme;
        self.nodes
            .tip
            .set_inner_html(&crate::markup::tip(&tip.lines));
        let px = |css: &mut String, name: &str, v: f64| {
            css.push_str(name);
            crate::num::push_int(css, crate::num::round_i32(v).into());
            css.push_str("px;");
        };
        let mut out = String::from(nodes::TIP);
        px(&mut out, "left:", tip.rect.x0);
        px(&mut out, "top:", tip.rect.y0);
        for (name, c) in [
            ("background:", t.background),
            ("color:", t.text),
            ("border-color:", t.muted),
        ] {
            out.push_str(name);
            push_css(&mut out, c);
            out.push(';');
        }
        out.push_str("font-family:");
        out.push_str(&font_family(&self.scene.font));
        style(&self.nodes.tip, &out);
        let mut ring = String::from(nodes::RING);
        px(&mut ring, "left:", tip.point.0 - 7.0);
        px(&mut ring, "top:", tip.point.1 - 7.0);
        ring.push_str("border-color:");
        push_css(&mut ring, t.title);
        style(&self.nodes.ring, &ring);
    }

    fn hide(&mut self) {
        self.active = None;
        // Every draw ends here: writing a style, even the one it has, invalidates it.
        if !self.tip_hidden {
            self.tip_hidden = true;
            style(&self.nodes.tip, "display:none");
            style(&self.nodes.ring, "display:none");
        }
    }

    /// The pointer's position in chart pixels.
    fn local(&self, e: &PointerEvent) -> (f64, f64) {
        let r = self.nodes.plot.get_bounding_client_rect();
        (
            f64::from(e.client_x()) - r.left(),
            f64::from(e.client_y()) - r.top(),
        )
    }

    fn on_pointer(&mut self, e: &PointerEvent) {
        let (x, y) = self.local(e);
        match tooltip::nearest(&self.scene, x) {
            Some(i) if y >= 0.0 && y <= f64::from(self.scene.height) => {
                let part = tooltip::part_at(&self.scene, i, y);
                if self.active != Some((i, part)) {
                    self.show(i, part, false);
                }
            }
            _ => self.hide(),
        }
    }

    fn on_key(&mut self, e: &KeyboardEvent) {
        let last = self.scene.columns.len().saturating_sub(1);
        let current = self.active.map(|(i, _)| i);
        let next = match e.key().as_str() {
            "ArrowRight" | "ArrowUp" => Some(current.map_or(0, |i| (i + 1).min(last))),
            "ArrowLeft" | "ArrowDown" => Some(current.map_or(last, |i| i.saturating_sub(1))),
            "Home" => Some(0),
            "End" => Some(last),
            "Escape" => {
                self.hide();
                self.nodes.live.set_text_content(Some(""));
                e.prevent_default();
                return;
            }
            _ => None,
        };
        if let Some(i) = next {
            e.prevent_default();
            self.show(i, None, true);
        }
    }

    /// Every event of this chart, by its type. `weak` reaches the state again from the
    /// PNG callback, which runs later.
    fn on_event(&mut self, e: &Event, weak: &std::rc::Weak<RefCell<State>>) {
        let kind = e.type_();
        match kind.as_str() {
            "pointermove" | "pointerdown" => {
                let p: &PointerEvent = e.unchecked_ref();
                if kind == "pointerdown" || p.pointer_type() != "touch" {
                    self.on_pointer(p);
                }
            }
            "pointerleave" => {
                if e.unchecked_ref::<PointerEvent>().pointer_type() == "mouse" {
                    self.hide();
                }
            }
            "keydown" => self.on_key(e.unchecked_ref()),
            "blur" => self.hide(),
            "click" => {
                let action = e
                    .target()
                    // Unchecked: a click's target is an element (text is not a target).
                    .map(|t| t.unchecked_into::<Element>())
                    .and_then(|t| t.closest("[data-ttc]").ok().flatten())
                    .and_then(|t| t.get_attribute("data-ttc"));
                match action.as_deref() {
                    Some("csv") => {
                        let _ = self.download_csv();
                    }
                    Some("png") => self.download_png(weak.clone()),
                    _ => {}
                }
            }
            // The reader's colour scheme, the screen's pixel ratio, or a web font that
            // arrived (canvas text changes with it).
            _ => self.draw(),
        }
    }

    /// The element's width or the page's `lang` may have changed: draw if either did.
    fn on_page_change(&mut self) {
        let locale = resolve_locale(&self.model, &self.nodes.root);
        let resized = (self.measure() - self.width).abs() >= 1.0;
        if resized {
            self.height = None;
        }
        if locale != self.model.locale || resized {
            self.draw();
        }
    }

    fn download_png(&self, weak: std::rc::Weak<RefCell<State>>) {
        let save = once(Once::Save(weak));
        // `then` through Reflect so the once-closure (which frees itself after its one
        // call) can be passed as a plain JS function.
        let promise = png(&self.scene, 2.0);
        if let Ok(then) = js_sys::Reflect::get(&promise, &"then".into()) {
            if let Ok(then) = then.dyn_into::<js_sys::Function>() {
                let _ = then.call1(&promise, &save);
            }
        }
    }
}

/// What a one-shot callback does. One closure type for both: each closure type costs
/// its own shims in the wasm.
enum Once {
    /// Saves the PNG the promise resolved with.
    Save(std::rc::Weak<RefCell<State>>),
    /// Revokes a download's object URL.
    Revoke(String),
}

/// A JS function that runs `job` once, then frees itself.
fn once(job: Once) -> JsValue {
    Closure::once_into_js(move |v: JsValue| match job {
        // `png` resolves with `toBlob`'s Blob, or null when the canvas could not be
        // encoded: an object test, where an `instanceof` check cost an import.
        Once::Save(weak) => {
            if v.is_object() {
                with_state(&weak, |s| {
                    let _ = s.download(v.unchecked_ref(), "trade-target-chart.png");
                });
            }
        }
        Once::Revoke(url) => {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
    })
}

/// Replaces the element's content with a readable error. The message is escaped by the
/// core (`markup::error`), so a spec cannot inject anything.
fn show_error(root: &HtmlElement, e: &SpecError) {
    root.set_inner_html(&crate::markup::error(e));
    if let Some(node) = first(root) {
        style(node.unchecked_ref(), ERROR_CSS);
    }
}

const ERROR_CSS: &str = "border:1px solid #b83d0b;border-left-width:4px;padding:12px 16px;color:#1a1a1a;background:#fff4ee;font:14px/1.4 Helvetica, Arial, sans-serif;overflow-wrap:anywhere";

/// One chart mounted in a host element.
#[wasm_bindgen]
pub struct Chart {
    state: Rc<RefCell<State>>,
    /// The one listener: every event, the ResizeObserver's and the MutationObserver's
    /// calls.
    listener: Closure<dyn FnMut(JsValue)>,
    /// The animation-frame callback that follows the observers' calls (see `start`),
    /// held only so it lives as long as the chart. Every closure here takes one
    /// argument, used or not: each closure signature costs its own glue and shims.
    _on_frame: Closure<dyn FnMut(JsValue)>,
    /// Where it listens, so destroy can remove it from each.
    targets: Vec<(EventTarget, &'static str)>,
    resize: Option<ResizeObserver>,
    lang: Option<MutationObserver>,
}

/// Runs `f` on the state unless it is gone or already borrowed (a re-entrant event
/// skips rather than panics).
fn with_state(weak: &std::rc::Weak<RefCell<State>>, f: impl FnOnce(&mut State)) {
    if let Some(state) = weak.upgrade() {
        if let Ok(mut s) = state.try_borrow_mut() {
            f(&mut s);
        }
    }
}

#[wasm_bindgen]
impl Chart {
    /// Draws `spec` into `root` and follows its width. A bad spec shows an error box in
    /// `root` and throws `{ path, message }`.
    #[wasm_bindgen(constructor)]
    pub fn new(root: HtmlElement, spec: JsValue) -> Result<Chart, JsValue> {
        let model = match read(spec) {
            Ok(m) => m,
            Err(e) => {
                show_error(&root, &e);
                return Err(js_error(&e));
            }
        };
        let nodes = Nodes::new(&root)?;
        Self::start(root, model, nodes, String::new(), None)
    }

    /// Takes over a chart pre-rendered by `renderHTML` into `root` (the `.box` of the
    /// fragment's shadow root) at `width` × `height` (its `rendered` attribute): the frame
    /// and the picture stay in place, and at that width the first draw finds nothing to
    /// change in the picture (the patch plan starts from the document the fragment
    /// holds). At another width it is laid out again at that height, so the box keeps
    /// its size; a later resize follows the width as usual. A bad spec shows the error
    /// box and throws, as `new`.
    pub fn hydrate(
        root: HtmlElement,
        spec: JsValue,
        width: f64,
        height: f64,
    ) -> Result<Chart, JsValue> {
        let model = match read(spec) {
            Ok(m) => m,
            Err(e) => {
                show_error(&root, &e);
                return Err(js_error(&e));
            }
        };
        let Ok(nodes) = Nodes::adopt(&root) else {
            let nodes = Nodes::new(&root)?;
            return Self::start(root, model, nodes, String::new(), None);
        };
        let doc = crate::svg::document(&crate::fragment::scene_for(&model, width, height));
        Self::start(root, model, nodes, doc, Some(height))
    }

    fn start(
        root: HtmlElement,
        model: Model,
        nodes: Nodes,
        svg: String,
        height: Option<f64>,
    ) -> Result<Chart, JsValue> {
        // An empty picture until the draw below: laying out a placeholder cost a whole
        // layout (5-7 ms of the first mount, measured).
        let scene = Scene {
            width: 0,
            height: 0,
            background: theme::LIGHT.background,
            font: String::new(),
            marks: Vec::new(),
            title: String::new(),
            description: String::new(),
            columns: Vec::new(),
        };
        let state = Rc::new(RefCell::new(State {
            nodes,
            height,
            model,
            theme: theme::LIGHT,
            scene,
            svg,
            svg_nodes: Vec::new(),
            canvas: false,
            width: 0.0,
            active: None,
            tip_hidden: false,
            font: (String::new(), 1.0),
            stale: true,
            table: Vec::new(),
            described: None,
            later: None,
            table_due: false,
            description_due: false,
            page: None,
            frame_request: None,
            scheme: web_sys::window()
                .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten()),
        }));
        state.borrow_mut().draw();
        let weak = Rc::downgrade(&state);
        let w = weak.clone();
        state.borrow_mut().later = Some(Later::new(Closure::new(move |_: JsValue| {
            with_state(&w, State::fill_table_due)
        })));
        // A new width (the ResizeObserver) or `lang` (the MutationObserver) is drawn in
        // the next animation frame, before it is painted, never inside the observer's
        // callback: a redraw there changes the observed box's height in the same frame,
        // and the browser reports "ResizeObserver loop completed with undelivered
        // notifications" on window.onerror (3-4 times a resize, in every engine), which
        // a news page's error monitor files against the page.
        let w = weak.clone();
        let on_frame = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
            with_state(&w, |s| {
                s.frame_request = None;
                s.on_page_change();
            });
        });
        let frame_fn: js_sys::Function = on_frame
            .as_ref()
            .unchecked_ref::<js_sys::Function>()
            .clone();
        let listener =
            // The observers call with an array of entries or records, the events with an
            // Event: `Array.isArray` (imported by the spec reader anyway) tells them
            // apart, where an `instanceof Event` check cost an import.
            Closure::<dyn FnMut(JsValue)>::new(move |v: JsValue| {
                if !js_sys::Array::is_array(&v) {
                    return with_state(&weak, |s| s.on_event(v.unchecked_ref(), &weak));
                }
                with_state(&weak, |s| {
                    if s.frame_request.is_none() {
                        s.frame_request = web_sys::window()
                            .and_then(|w| w.request_animation_frame(&frame_fn).ok());
                    }
                });
            });
        let mut chart = Chart {
            state,
            listener,
            _on_frame: on_frame,
            targets: Vec::new(),
            resize: None,
            lang: None,
        };
        chart.listen(&root)?;
        Ok(chart)
    }

    fn listen(&mut self, root: &HtmlElement) -> Result<(), JsValue> {
        let f: &js_sys::Function = self.listener.as_ref().unchecked_ref();
        let (frame, links) = {
            let s = self.state.borrow();
            (s.nodes.frame.clone(), s.nodes.links.clone())
        };
        let resize = ResizeObserver::new(f)?;
        // Through MutationObserver's `observe` binding (the JS call, `o.observe(el,
        // undefined)`, is the same): a second binding cost an import.
        resize
            .unchecked_ref::<MutationObserver>()
            .observe_with_options(root, JsValue::UNDEFINED.unchecked_ref())?;
        self.resize = Some(resize);
        // The chart's language follows the nearest `lang` around it (see host.rs); a
        // page that changes it later (a language switch) gets the chart redrawn.
        let window = web_sys::window().ok_or("no window")?;
        let document = window.document().ok_or("no document")?;
        // The document itself is observed (`subtree` reaches `<html>`): one import less
        // than asking for its element.
        {
            let lang = MutationObserver::new(f)?;
            let options = convert::options(
                r#"{"attributes":true,"subtree":true,"attributeFilter":["lang"]}"#,
            );
            lang.observe_with_options(&document, options.unchecked_ref())?;
            self.lang = Some(lang);
        }
        let mut targets: Vec<(EventTarget, &'static str)> = Vec::new();
        for name in [
            "pointermove",
            "pointerdown",
            "pointerleave",
            "keydown",
            "blur",
        ] {
            targets.push((frame.clone().into(), name));
        }
        targets.push((links.into(), "click"));
        // The reader's colour scheme and the screen's pixel ratio (zoom, another
        // screen) can change while the page is open: redraw when they do.
        if let Some(mq) = &self.state.borrow().scheme {
            targets.push((mq.clone().into(), "change"));
        }
        let mut ratio = String::from("(resolution: ");
        ratio.push_str(&crate::format::plain(window.device_pixel_ratio()));
        ratio.push_str("dppx)");
        if let Ok(Some(mq)) = window.match_media(&ratio) {
            targets.push((mq.into(), "change"));
        }
        // Web fonts that arrive later change how canvas text looks: draw again then.
        if let Ok(fonts) = js_sys::Reflect::get(&document, &"fonts".into()) {
            if fonts.is_object() {
                targets.push((fonts.unchecked_into(), "loadingdone"));
            }
        }
        for (target, name) in &targets {
            target.add_event_listener_with_callback(name, f)?;
        }
        self.targets = targets;
        Ok(())
    }

    /// Redraws with a new spec. A bad spec throws `{ path, message }` and leaves the
    /// chart on screen as it was.
    pub fn update(&mut self, spec: JsValue) -> Result<(), JsValue> {
        let model = read(spec).map_err(|e| js_error(&e))?;
        let mut state = self
            .state
            .try_borrow_mut()
            .map_err(|_| js_error(&SpecError::new("", "the chart is busy drawing")))?;
        state.model = model;
        state.stale = true;
        state.height = None;
        if state.width > 0.0 {
            state.render();
        } else {
            state.draw();
        }
        Ok(())
    }

    /// The chart as drawn now, as an SVG document (also for the canvas renderer).
    #[wasm_bindgen(js_name = toSvg)]
    pub fn to_svg(&self) -> String {
        self.state
            .try_borrow()
            .map(|s| crate::svg::document(&s.scene))
            .unwrap_or_default()
    }

    /// The data drawn, as CSV (one row per year, numbers in the spec's unit).
    #[wasm_bindgen(js_name = toCsv)]
    pub fn to_csv(&self) -> String {
        self.state
            .try_borrow()
            .map(|s| crate::export::csv(&s.model))
            .unwrap_or_default()
    }

    /// The chart as drawn now, as a PNG Blob at `scale` pixels per CSS pixel (default 2).
    #[wasm_bindgen(js_name = toPng)]
    pub fn to_png(&self, scale: Option<f64>) -> js_sys::Promise {
        let scale = crate::num::clamp(scale.filter(|s| s.is_finite()).unwrap_or(2.0), 0.25, 8.0);
        match self.state.try_borrow() {
            Ok(s) => png(&s.scene, scale),
            Err(_) => js_sys::Promise::reject(&"the chart is busy drawing".into()),
        }
    }

    /// The width the chart was last drawn at, in CSS pixels.
    #[wasm_bindgen(getter)]
    pub fn width(&self) -> f64 {
        self.state.try_borrow().map(|s| s.width).unwrap_or(0.0)
    }

    /// Shows the tooltip for the `index`-th drawn point (as the arrow keys do); for tests
    /// and for hosts that link a table row to the chart.
    #[wasm_bindgen(js_name = showTooltip)]
    pub fn show_tooltip(&mut self, index: usize) {
        if let Ok(mut s) = self.state.try_borrow_mut() {
            s.show(index, None, true);
        }
    }

    /// Stops following the element and the page, removes the listener from everything
    /// it was added to, and empties the element. Call `free()` afterwards.
    pub fn destroy(&mut self) {
        self.detach();
        if let Ok(state) = self.state.try_borrow() {
            state.nodes.root.set_inner_html("");
        }
    }
}

impl Chart {
    /// Stops the observers, removes the listener and cancels the animation frame and the
    /// idle callback still asked for: each would call a closure that is freed with the
    /// chart, and calling one then throws (on window.onerror, for the page's monitor).
    fn detach(&mut self) {
        // `disconnect` through MutationObserver's binding: the JS call is the same
        // (`o.disconnect()`), and a second binding cost an import.
        if let Some(o) = self.resize.take() {
            o.unchecked_ref::<MutationObserver>().disconnect();
        }
        if let Some(o) = self.lang.take() {
            o.disconnect();
        }
        let f: &js_sys::Function = self.listener.as_ref().unchecked_ref();
        for (target, name) in self.targets.drain(..) {
            let _ = target.remove_event_listener_with_callback(name, f);
        }
        if let Ok(mut state) = self.state.try_borrow_mut() {
            if let (Some(handle), Some(window)) = (state.frame_request.take(), web_sys::window()) {
                let _ = window.cancel_animation_frame(handle);
            }
            if let Some(later) = &state.later {
                later.cancel();
            }
        }
    }
}

/// A chart freed without `destroy()` (or a handle dropped) leaves nothing behind that
/// could call into it; the element keeps its last picture.
impl Drop for Chart {
    fn drop(&mut self) {
        self.detach();
    }
}
