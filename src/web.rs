//! The browser edge, and the only module that touches the DOM: reads the spec from a
//! JS value, puts the SVG or canvas into the host element, follows the element's width
//! with a ResizeObserver, and shows a readable error box for a bad spec. Everything it
//! draws comes from the pure core; nothing here measures text.

use crate::draw::{self, TextSizing};
use crate::error::SpecError;
use crate::json::Json;
use crate::model::Model;
use crate::scene::Scene;
use crate::spec::Renderer;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement, ResizeObserver};

/// Width used when the host element has none yet (display: none, not in the page).
const FALLBACK_WIDTH: f64 = 640.0;

/// The error the JS entry turns into a `SpecError`: a plain `{ path, message }` object.
fn js_error(e: &SpecError) -> JsValue {
    let obj = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&obj, &"path".into(), &e.path.as_str().into());
    let _ = js_sys::Reflect::set(&obj, &"message".into(), &e.message.as_str().into());
    obj.into()
}

fn read(spec: JsValue) -> Result<Model, SpecError> {
    let json = if spec.is_undefined() || spec.is_null() {
        Json::Null
    } else {
        serde_wasm_bindgen::from_value::<Json>(spec)
            .map_err(|e| SpecError::new("", e.to_string()))?
    };
    crate::model(&json)
}

/// The default chart's spec as a plain object (the real China–Russia data).
#[wasm_bindgen(js_name = defaultSpec)]
pub fn default_spec() -> Result<JsValue, JsValue> {
    let spec = crate::data::default_spec().map_err(|e| js_error(&e))?;
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&spec, &serializer)
        .map_err(|e| js_error(&SpecError::new("", e.to_string())))
}

/// The chart as an SVG document, byte-identical to the native CLI's for the same size.
#[wasm_bindgen(js_name = renderSvg)]
pub fn render_svg(spec: JsValue, width: f64, height: Option<f64>) -> Result<String, JsValue> {
    let model = read(spec).map_err(|e| js_error(&e))?;
    Ok(draw::svg(&crate::scene(&model, width, height)))
}

struct State {
    root: HtmlElement,
    /// Our one child of `root`; everything we draw goes inside it.
    frame: HtmlElement,
    model: Model,
    /// The width last drawn at, so a resize that changes nothing draws nothing.
    width: f64,
}

impl State {
    /// The host's content-box width, read from our own block-level wrapper inside it:
    /// padding and borders are excluded without parsing computed styles (which would
    /// pull float parsing into the wasm).
    fn measure(&self) -> f64 {
        let w = self.frame.get_bounding_client_rect().width().floor();
        if w > 0.0 {
            w
        } else {
            FALLBACK_WIDTH
        }
    }

    fn scene(&self) -> Scene {
        crate::scene(&self.model, self.width, None)
    }

    fn draw(&mut self) {
        self.width = self.measure();
        let scene = self.scene();
        let drawn = match self.model.renderer {
            Renderer::Svg => {
                self.frame.set_inner_html(&draw::svg(&scene));
                Ok(())
            }
            Renderer::Canvas => self.draw_canvas(&scene),
        };
        if let Err(e) = drawn {
            show_error(
                &self.frame,
                &SpecError::new("", format!("drawing failed: {e:?}")),
            );
        }
    }

    /// Canvas backing store at CSS size × devicePixelRatio, drawn in CSS pixels through
    /// a scale transform: crisp on retina (plotters-canvas alone ignores the ratio).
    fn draw_canvas(&self, scene: &Scene) -> Result<(), JsValue> {
        let document = self.frame.owner_document().ok_or("no document")?;
        let dpr = web_sys::window()
            .map_or(1.0, |w| w.device_pixel_ratio())
            .max(1.0);
        let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
        let (w, h) = (f64::from(scene.width), f64::from(scene.height));
        canvas.set_width((w * dpr).round() as u32);
        canvas.set_height((h * dpr).round() as u32);
        let style = canvas.style();
        style.set_property("width", &format!("{}px", scene.width))?;
        style.set_property("height", &format!("{}px", scene.height))?;
        style.set_property("display", "block")?;
        canvas.set_attribute("role", "img")?;
        canvas.set_attribute("aria-label", &scene.title)?;
        canvas.set_class_name("ttc-chart");
        // Fallback content is read by screen readers in place of the pixels.
        canvas.set_text_content(Some(&scene.description));
        let ctx: CanvasRenderingContext2d = canvas
            .get_context("2d")?
            .ok_or("no 2d context")?
            .dyn_into()?;
        ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0)?;
        let mut backend = plotters_canvas::CanvasBackend::with_canvas_object(canvas.clone())
            .ok_or("no canvas backend")?;
        draw::draw(scene, &mut backend, TextSizing::Canvas).map_err(|e| format!("{e:?}"))?;
        self.frame.set_inner_html("");
        self.frame.append_child(&canvas)?;
        Ok(())
    }
}

/// Replaces the element's content with a readable error. Text goes in through
/// textContent, never as markup, so a spec cannot inject anything.
fn show_error(root: &HtmlElement, e: &SpecError) {
    let Some(document) = root.owner_document() else {
        return;
    };
    let Ok(node) = document.create_element("div") else {
        return;
    };
    let Ok(node) = node.dyn_into::<HtmlElement>() else {
        return;
    };
    node.set_class_name("ttc-error");
    let _ = node.set_attribute("role", "alert");
    node.set_text_content(Some(&format!("This chart could not be drawn. {e}")));
    // CSSOM properties, not a style attribute: allowed under a strict style-src CSP.
    let style = node.style();
    for (k, v) in [
        ("border", "1px solid #b83d0b"),
        ("border-left-width", "4px"),
        ("padding", "12px 16px"),
        ("color", "#1a1a1a"),
        ("background", "#fff4ee"),
        ("font", "14px/1.4 Helvetica, Arial, sans-serif"),
        ("overflow-wrap", "anywhere"),
    ] {
        let _ = style.set_property(k, v);
    }
    root.set_inner_html("");
    let _ = root.append_child(&node);
}

/// Empties `root` and gives it one block-level child to draw into and to measure.
fn make_frame(root: &HtmlElement) -> Result<HtmlElement, JsValue> {
    let document = root.owner_document().ok_or("no document")?;
    let frame: HtmlElement = document.create_element("div")?.dyn_into()?;
    frame.set_class_name("ttc");
    frame.style().set_property("display", "block")?;
    root.set_inner_html("");
    root.append_child(&frame)?;
    Ok(frame)
}

/// One chart mounted in a host element.
#[wasm_bindgen]
pub struct Chart {
    state: Rc<RefCell<State>>,
    observer: Option<ResizeObserver>,
    _on_resize: Option<Closure<dyn FnMut(js_sys::Array)>>,
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
        let frame = make_frame(&root)?;
        let state = Rc::new(RefCell::new(State {
            root: root.clone(),
            frame,
            model,
            width: 0.0,
        }));
        state.borrow_mut().draw();
        let weak = Rc::downgrade(&state);
        let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| {
            let Some(state) = weak.upgrade() else { return };
            // A re-entrant callback skips rather than panics.
            let Ok(mut state) = state.try_borrow_mut() else {
                return;
            };
            if (state.measure() - state.width).abs() >= 1.0 {
                state.draw();
            }
        });
        let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
        if let Some(o) = &observer {
            o.observe(&root);
        }
        Ok(Chart {
            state,
            observer,
            _on_resize: Some(on_resize),
        })
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
        state.draw();
        Ok(())
    }

    /// The chart as drawn now, as an SVG document (also for the canvas renderer).
    #[wasm_bindgen(js_name = toSvg)]
    pub fn to_svg(&self) -> String {
        self.state
            .try_borrow()
            .map(|s| draw::svg(&s.scene()))
            .unwrap_or_default()
    }

    /// The width the chart was last drawn at, in CSS pixels.
    #[wasm_bindgen(getter)]
    pub fn width(&self) -> f64 {
        self.state.try_borrow().map(|s| s.width).unwrap_or(0.0)
    }

    /// Stops following the element and empties it. Call `free()` afterwards.
    pub fn destroy(&mut self) {
        if let Some(o) = self.observer.take() {
            o.disconnect();
        }
        self._on_resize = None;
        if let Ok(state) = self.state.try_borrow() {
            state.root.set_inner_html("");
        }
    }
}
