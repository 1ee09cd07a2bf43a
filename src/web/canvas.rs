//! Our canvas `DrawingBackend` (part of the web edge: it holds the 2D context).
//! plotters-canvas wrote every colour as `rgba(r,g,b,{alpha})` and every font as
//! `{size}px` with f64 `Display`, which alone linked core's float formatting (15 KB of
//! wasm) into the widget. Here colours are `#rrggbb` (our alphas are 0 or 1) and sizes
//! whole pixels. Lines keep plotters-canvas's half-pixel shift so 1 px rules stay crisp.

use crate::draw::{self, DrawError};
use crate::num::{push_hex2, push_int};
use crate::scene::Scene;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A canvas call that threw (only `arc` and `fillText` can) is the core's `DrawError`.
type Drawn = Result<(), DrawingErrorKind<DrawError>>;

fn failed<T>(_: T) -> DrawingErrorKind<DrawError> {
    DrawingErrorKind::DrawingError(DrawError)
}

/// Draws in CSS pixels on a context whose transform the caller has set (DPR scale).
pub struct Canvas2d {
    pub ctx: CanvasRenderingContext2d,
    pub size: (u32, u32),
}

/// `#RRGGBB`, or `rgba(r,g,b,a)` when translucent; written by hand, as `format!` with
/// a width links core's padding code.
fn css_color(c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    let mut s = String::with_capacity(24);
    if c.alpha >= 1.0 {
        s.push('#');
        for v in [r, g, b] {
            push_hex2(&mut s, v);
        }
    } else {
        s.push_str("rgba(");
        for v in [r, g, b] {
            push_int(&mut s, v.into());
            s.push(',');
        }
        crate::svg::push_alpha(&mut s, c.alpha);
        s.push(')');
    }
    s
}

impl Canvas2d {
    fn stroke_style(&self, s: &impl BackendStyle) {
        self.ctx.set_stroke_style_str(&css_color(s.color()));
        self.ctx.set_line_width(f64::from(s.stroke_width()));
    }

    /// Fill with the style's colour, or stroke with its colour and width.
    fn fill_or_stroke_style(&self, s: &impl BackendStyle, fill: bool) {
        if fill {
            self.ctx.set_fill_style_str(&css_color(s.color()));
        } else {
            self.stroke_style(s);
        }
    }

    /// A new path through `path`'s points.
    fn trace(&self, path: impl IntoIterator<Item = BackendCoord>) {
        self.ctx.begin_path();
        let mut path = path.into_iter();
        if let Some(p) = path.next() {
            self.ctx.move_to(f64::from(p.0), f64::from(p.1));
        }
        for p in path {
            self.ctx.line_to(f64::from(p.0), f64::from(p.1));
        }
    }
}

/// Dashes as segments: each segment gets the half-pixel shift that keeps it crisp.
impl crate::draw::Backend for Canvas2d {}

impl DrawingBackend for Canvas2d {
    type ErrorType = DrawError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }
    fn present(&mut self) -> Drawn {
        Ok(())
    }

    fn draw_pixel(&mut self, p: BackendCoord, c: BackendColor) -> Drawn {
        self.draw_rect(p, (p.0 + 1, p.1 + 1), &c, true)
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, s: &S) -> Drawn {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        // A horizontal or vertical line sits on pixel centres, not edges.
        let (mut a, mut b) = (
            (f64::from(from.0), f64::from(from.1)),
            (f64::from(to.0), f64::from(to.1)),
        );
        if from.0 == to.0 {
            a.0 -= 0.5;
            b.0 -= 0.5;
        }
        if from.1 == to.1 {
            a.1 -= 0.5;
            b.1 -= 0.5;
        }
        self.stroke_style(s);
        self.ctx.begin_path();
        self.ctx.move_to(a.0, a.1);
        self.ctx.line_to(b.0, b.1);
        self.ctx.stroke();
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        ul: BackendCoord,
        br: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Drawn {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y) = (f64::from(ul.0), f64::from(ul.1));
        let (w, h) = (f64::from(br.0) - x, f64::from(br.1) - y);
        self.fill_or_stroke_style(s, fill);
        if fill {
            self.ctx.fill_rect(x, y, w, h);
        } else {
            self.ctx.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Drawn {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        // plotters' PathElement always comes here; a two-point path gets a line's
        // half-pixel shift.
        let path: Vec<BackendCoord> = path.into_iter().collect();
        if let [a, b] = path.as_slice() {
            return self.draw_line(*a, *b, s);
        }
        self.stroke_style(s);
        self.trace(path);
        self.ctx.stroke();
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Drawn {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        self.ctx.set_fill_style_str(&css_color(s.color()));
        self.trace(path);
        self.ctx.close_path();
        self.ctx.fill();
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        c: BackendCoord,
        radius: u32,
        s: &S,
        fill: bool,
    ) -> Drawn {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        self.fill_or_stroke_style(s, fill);
        self.ctx.begin_path();
        self.ctx
            .arc(
                f64::from(c.0),
                f64::from(c.1),
                f64::from(radius),
                0.0,
                std::f64::consts::TAU,
            )
            .map_err(failed)?;
        if fill {
            self.ctx.fill();
        } else {
            self.ctx.stroke();
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, s: &S, pos: BackendCoord) -> Drawn {
        let c = s.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let anchor = s.anchor();
        self.ctx.set_text_baseline(match anchor.v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        });
        self.ctx.set_text_align(match anchor.h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        });
        self.ctx.set_fill_style_str(&css_color(c));
        let mut font = String::from(s.style().as_str());
        font.push(' ');
        push_int(&mut font, crate::num::sat_u32(s.size().round()).into());
        font.push_str("px ");
        font.push_str(s.family().as_str());
        self.ctx.set_font(&font);
        self.ctx
            .fill_text(text, f64::from(pos.0), f64::from(pos.1))
            .map_err(failed)
    }
}

/// A canvas of the scene at `scale` device pixels per CSS pixel, drawn in CSS pixels
/// through a scale transform.
pub(super) fn paint(canvas: &HtmlCanvasElement, scene: &Scene, scale: f64) -> Result<(), JsValue> {
    let (w, h) = (
        crate::num::sat_u32((f64::from(scene.width) * scale).round()),
        crate::num::sat_u32((f64::from(scene.height) * scale).round()),
    );
    // Setting a size, even the same one, clears the canvas and its state.
    if canvas.width() != w || canvas.height() != h {
        canvas.set_width(w);
        canvas.set_height(h);
    }
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or("no 2d context")?
        .unchecked_into();
    ctx.set_transform(scale, 0.0, 0.0, scale, 0.0, 0.0)?;
    // The background rectangle drawn first covers the whole picture, so no clearRect.
    let mut backend = Canvas2d {
        ctx,
        size: (scene.width, scene.height),
    };
    draw::draw(scene, &mut backend).map_err(|_| "the canvas refused a drawing call")?;
    Ok(())
}

/// The scene as a PNG Blob (drawn on a canvas, so no image URL is needed: works under
/// a strict `img-src` policy). The promise's executor runs before `Promise::new`
/// returns, so it draws from `scene` itself, not a copy.
pub(super) fn png(scene: &Scene, scale: f64) -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve: js_sys::Function, reject: js_sys::Function| {
        let canvas = web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| JsValue::from_str("no document"))
            .and_then(|d| {
                let c: HtmlCanvasElement = d.create_element("canvas")?.unchecked_into();
                paint(&c, scene, scale)?;
                Ok(c)
            });
        let started = canvas.and_then(|c| c.to_blob(&resolve));
        if let Err(e) = started {
            let _ = reject.call1(&JsValue::NULL, &e);
        }
    })
}
