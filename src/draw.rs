//! Scene -> plotters: the one module that turns a `Scene` into plotters calls (a drawing
//! area and its elements), onto any backend that implements `Backend` (ours: `svg` and
//! the browser's canvas). Text goes through plotters' `Text` element, but no backend of
//! ours asks plotters to measure it: its wasm font code would put a `<span>` into the
//! page for every label. Layout has measured every text already (`text.rs`).

use crate::num::{round_i32, u32_to_i32};
use crate::scene::{Anchor, Mark, Rgb, Scene};
use crate::xml::xml_chars;
use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind};
use plotters::element::{Circle, Drawable, PathElement, PointCollection, Rectangle};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontDesc, FontFamily, FontStyle, RGBColor, ShapeStyle, TextStyle};
use plotters_backend::{BackendColor, BackendCoord, DrawingBackend, DrawingErrorKind};

/// The part of the segment from `a` along `d` that lies inside `clip` (x0, y0, x1, y1),
/// as parameters 0 <= t0 <= t1 <= 1 (Liang–Barsky); None when it misses the box.
fn visible(a: (f64, f64), d: (f64, f64), clip: (f64, f64, f64, f64)) -> Option<(f64, f64)> {
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-d.0, a.0 - clip.0),
        (d.0, clip.2 - a.0),
        (-d.1, a.1 - clip.1),
        (d.1, clip.3 - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else if p < 0.0 {
            t0 = t0.max(q / p);
        } else {
            t1 = t1.min(q / p);
        }
    }
    (t0 <= t1).then_some((t0, t1))
}

/// Splits a polyline into dash segments of `on` pixels separated by `off`, drawn only
/// inside `clip` (x0, y0, x1, y1): outside it the pattern runs on without producing
/// dashes, so a path that leaves the picture by billions of pixels costs no more than
/// one that does not (a projection to a target 10^300 times the data once asked for
/// hundreds of millions of dashes: gigabytes, then an abort that took every chart on
/// the page with it).
fn dashes(
    points: &[(i32, i32)],
    on: f64,
    off: f64,
    clip: (f64, f64, f64, f64),
) -> Vec<[(i32, i32); 2]> {
    let mut out = Vec::new();
    if !(on > 0.0 && off > 0.0) {
        return out;
    }
    let period = on + off;
    let (mut drawing, mut left) = (true, on);
    // Moves the pattern `by` pixels on without drawing, in one step.
    let skip = |drawing: &mut bool, left: &mut f64, by: f64| {
        if by > 0.0 {
            let phase = if *drawing { on - *left } else { period - *left };
            // Not `%`: a float remainder links libm's fmod (1.2 KB of wasm).
            let p = phase + by;
            let p = p - (p / period).floor() * period;
            *drawing = p < on;
            *left = if *drawing { on - p } else { period - p };
        }
    };
    for pair in points.windows(2) {
        let [a, b] = pair else { continue };
        let (ax, ay) = (f64::from(a.0), f64::from(a.1));
        let (dx, dy) = (f64::from(b.0) - ax, f64::from(b.1) - ay);
        let len = dx.hypot(dy);
        let Some((t0, t1)) = visible((ax, ay), (dx, dy), clip) else {
            skip(&mut drawing, &mut left, len);
            continue;
        };
        let (start, stop) = (t0 * len, t1 * len);
        skip(&mut drawing, &mut left, start);
        let mut at = start;
        while at < stop {
            let end = (at + left).min(stop);
            if drawing {
                let p = |t: f64| (round_i32(ax + dx * t / len), round_i32(ay + dy * t / len));
                out.push([p(at), p(end)]);
            }
            left -= end - at;
            at = end;
            // A remainder too small to move `at` (float rounding) must still end the
            // dash, or the loop would never advance.
            if left <= 1e-6 {
                drawing = !drawing;
                left = if drawing { on } else { off };
            }
        }
        skip(&mut drawing, &mut left, len - stop);
    }
    out
}

/// A plotters `DrawingBackend` that may also stroke a dashed line itself. plotters has no
/// dashes; any backend gets them as short segments (`impl Backend for X {}`), but in SVG
/// one element with `stroke-dasharray` replaces dozens of `<line>`s: fewer DOM nodes to
/// parse and lay out on every update and resize.
pub trait Backend: DrawingBackend {
    /// Strokes `points` with `dash` = (on, off) pixels; Ok(false) = cut it into segments.
    fn dashed(
        &mut self,
        _points: &[(i32, i32)],
        _dash: (u32, u32),
        _color: BackendColor,
        _width: u32,
    ) -> Result<bool, DrawingErrorKind<Self::ErrorType>> {
        Ok(false)
    }
}

/// A dashed polyline as a plotters element: the backend strokes it natively where it
/// can (SVG's `stroke-dasharray`), else it is cut into segments here. A path that leaves
/// the picture (a projection to a far-off target) is always cut, and then only its
/// visible part costs anything.
struct Dashed<'a> {
    points: &'a [(i32, i32)],
    dash: (u32, u32),
    style: ShapeStyle,
}

impl<'a> PointCollection<'a, (i32, i32)> for &'a Dashed<'_> {
    type Point = &'a (i32, i32);
    type IntoIter = &'a [(i32, i32)];
    fn point_iter(self) -> &'a [(i32, i32)] {
        self.points
    }
}

impl<DB: Backend> Drawable<DB> for Dashed<'_> {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        pos: I,
        backend: &mut DB,
        (w, h): (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        let points: Vec<BackendCoord> = pos.collect();
        let (w, h) = (u32_to_i32(w), u32_to_i32(h));
        let inside = points
            .iter()
            .all(|&(x, y)| (-8..=w + 8).contains(&x) && (-8..=h + 8).contains(&y));
        let color = self.style.color.to_backend_color();
        if inside && backend.dashed(&points, self.dash, color, self.style.stroke_width)? {
            return Ok(());
        }
        let clip = (-8.0, -8.0, f64::from(w) + 8.0, f64::from(h) + 8.0);
        let (on, off) = (f64::from(self.dash.0), f64::from(self.dash.1));
        for [a, b] in dashes(&points, on, off, clip) {
            backend.draw_line(a, b, &self.style)?;
        }
        Ok(())
    }
}

fn shape(c: Rgb, filled: bool, stroke_width: u32) -> ShapeStyle {
    ShapeStyle {
        color: RGBColor(c.0, c.1, c.2).to_rgba(),
        filled,
        stroke_width,
    }
}

/// Drawing failed: only a canvas can refuse a call (see web/canvas.rs).
#[derive(Debug)]
pub struct DrawError;

/// Draws `scene` through plotters' drawing area and elements onto `backend`. Text is
/// plotters' `Text` element with a `TextStyle` that the backend only reads (font, size,
/// colour, anchor): our backends never ask plotters to measure it.
pub fn draw<B: Backend>(scene: &Scene, backend: B) -> Result<(), DrawError> {
    draw_area(scene, &DrawingArea::from(backend)).map_err(|_| DrawError)
}

fn draw_area<B: Backend>(
    scene: &Scene,
    area: &DrawingArea<B, Shift>,
) -> Result<(), DrawingAreaErrorKind<B::ErrorType>> {
    // The host page chooses the font (--ttc-font); it is written into every <text>.
    let family = xml_chars(&scene.font);
    let bg = scene.background;
    area.fill(&RGBColor(bg.0, bg.1, bg.2))?;
    for mark in &scene.marks {
        match mark {
            Mark::Rect {
                x0,
                y0,
                x1,
                y1,
                color,
                fill,
            } => area.draw(&Rectangle::new(
                [(*x0, *y0), (*x1, *y1)],
                shape(*color, *fill, 1),
            ))?,
            Mark::Path {
                points,
                color,
                width,
                dash: Some(dash),
            } => area.draw(&Dashed {
                points,
                dash: *dash,
                style: shape(*color, false, *width),
            })?,
            Mark::Path {
                points,
                color,
                width,
                dash: None,
            } => area.draw(&PathElement::new(
                points.as_slice(),
                shape(*color, false, *width),
            ))?,
            Mark::Circle {
                center,
                radius,
                color,
                fill,
                width,
            } => area.draw(&Circle::new(
                *center,
                u32_to_i32(*radius),
                shape(*color, *fill, *width),
            ))?,
            Mark::Text(t) => {
                let h = match t.anchor {
                    Anchor::Start => HPos::Left,
                    Anchor::Middle => HPos::Center,
                    Anchor::End => HPos::Right,
                };
                let style = if t.font.bold {
                    FontStyle::Bold
                } else {
                    FontStyle::Normal
                };
                let font = FontDesc::new(FontFamily::Name(&family), f64::from(t.font.size), style);
                let c = t.color;
                let style = TextStyle {
                    font,
                    color: RGBColor(c.0, c.1, c.2).to_backend_color(),
                    pos: Pos::new(h, VPos::Top),
                };
                area.draw(&plotters::element::Text::new(
                    xml_chars(&t.text),
                    (t.x, t.y),
                    style,
                ))?;
            }
        }
    }
    area.present()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dashes_alternate_along_the_line() {
        let all = (-1e12, -1e12, 1e12, 1e12);
        let d = dashes(&[(0, 0), (20, 0)], 6.0, 4.0, all);
        assert_eq!(d, vec![[(0, 0), (6, 0)], [(10, 0), (16, 0)]]);
        assert!(dashes(&[(0, 0), (0, 0)], 6.0, 4.0, all).is_empty());
        // Long diagonal polylines accumulate rounding; the walk must still end.
        let long: Vec<(i32, i32)> = (0..200).map(|i| (i * 7, (i * i) % 311)).collect();
        assert!(!dashes(&long, 3.0, 3.0, all).is_empty());
    }

    #[test]
    fn dashes_outside_the_picture_cost_nothing_and_keep_the_pattern() {
        let clip = (0.0, 0.0, 100.0, 100.0);
        // From far above the picture into it: only the visible part is cut into dashes,
        // in the phase it would have had.
        let far = dashes(&[(50, -2_000_000_000), (50, 20)], 6.0, 4.0, clip);
        assert!(far.len() <= 3, "{far:?}");
        let near = dashes(&[(50, -1_999_999_990), (50, 20)], 6.0, 4.0, clip);
        assert_eq!(
            far, near,
            "shifting the start by a whole period changes nothing"
        );
        assert!(dashes(&[(-5, -5), (i32::MAX, i32::MIN)], 3.0, 3.0, clip).len() < 40);
        assert!(dashes(&[(200, 200), (300, 300)], 3.0, 3.0, clip).is_empty());
        // Wholly inside: the same dashes as with no clipping at all.
        let pts = [(10, 10), (90, 40), (20, 80)];
        let unclipped = (-1e12, -1e12, 1e12, 1e12);
        assert_eq!(
            dashes(&pts, 6.0, 4.0, clip),
            dashes(&pts, 6.0, 4.0, unclipped)
        );
    }
}
