//! Scene -> plotters: the one module that turns a `Scene` into plotters calls (a drawing
//! area and its elements), onto any backend that implements `Backend` (ours: `svg` and
//! the browser's canvas), through one `DrawingBackend` of this module's (`Dyn`) so that
//! the drawing code is compiled once, not once per backend. Text goes through plotters'
//! `Text` element, but no backend of ours asks plotters to measure it: its wasm font code
//! would put a `<span>` into the page for every label. Layout has measured every text already (`text.rs`).

use crate::num::{round_i32, u32_to_i32};
use crate::scene::{Anchor, Mark, Rgb, Scene};
use crate::xml::xml_chars;
use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind};
use plotters::element::{Circle, Drawable, PointCollection, Rectangle};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontDesc, FontFamily, FontStyle, RGBColor, ShapeStyle, TextStyle};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};

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

/// Drawing failed: only a canvas can refuse a call (web/canvas.rs, whose error this is too).
#[derive(Debug)]
pub struct DrawError;

impl std::fmt::Display for DrawError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("drawing failed")
    }
}

impl std::error::Error for DrawError {}

/// What a `Surface` call returns: a failed call is only counted (see `Dyn`).
type Done = Result<(), DrawError>;

/// What plotters sees of a `Dyn` call: it never fails.
type Drawn = Result<(), DrawingErrorKind<std::convert::Infallible>>;

fn failed<E: std::error::Error + Send + Sync>(_: DrawingErrorKind<E>) -> DrawError {
    DrawError
}

/// A colour and a stroke width: the whole of a `BackendStyle`.
#[derive(Clone, Copy)]
pub struct Stroke {
    pub color: BackendColor,
    pub width: u32,
}

impl Stroke {
    fn of(s: &impl BackendStyle) -> Self {
        Stroke {
            color: s.color(),
            width: s.stroke_width(),
        }
    }
}

impl BackendStyle for Stroke {
    fn color(&self) -> BackendColor {
        self.color
    }
    fn stroke_width(&self) -> u32 {
        self.width
    }
}

/// What a backend is told of a text's style (plotters' `TextStyle` read once). No backend
/// of ours measures or rasterizes text through its style, so those two ask in vain.
pub struct Label<'a> {
    family: FontFamily<'a>,
    size: f64,
    style: plotters_backend::FontStyle,
    color: BackendColor,
    anchor: Pos,
}

impl BackendTextStyle for Label<'_> {
    type FontError = DrawError;
    fn color(&self) -> BackendColor {
        self.color
    }
    fn size(&self) -> f64 {
        self.size
    }
    fn style(&self) -> plotters_backend::FontStyle {
        self.style
    }
    fn anchor(&self) -> Pos {
        self.anchor
    }
    fn family(&self) -> FontFamily<'_> {
        self.family
    }
    fn layout_box(&self, _: &str) -> Result<((i32, i32), (i32, i32)), DrawError> {
        Err(DrawError)
    }
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        _: &str,
        _: BackendCoord,
        _: F,
    ) -> Result<Result<(), E>, DrawError> {
        Err(DrawError)
    }
}

/// The drawing calls our charts make of a `Backend`, with no generic parameters, so that
/// it can be a trait object: plotters draws the chart once, onto `Dyn`, whatever backend
/// is under it. Drawn onto each backend's own type, the drawing code was in the wasm
/// twice (SVG and canvas). A line is drawn as a two-point path (both our backends draw
/// one as that line), and no element of ours fills a polygon, so neither is here.
pub trait Surface {
    fn size(&self) -> (u32, u32);
    fn rect(&mut self, ul: BackendCoord, br: BackendCoord, s: Stroke, fill: bool) -> Done;
    fn path(&mut self, points: &[BackendCoord], s: Stroke) -> Done;
    fn circle(&mut self, center: BackendCoord, radius: u32, s: Stroke, fill: bool) -> Done;
    fn text(&mut self, text: &str, s: &Label, pos: BackendCoord) -> Done;
    /// See `Backend::dashed`.
    fn dash(
        &mut self,
        points: &[BackendCoord],
        dash: (u32, u32),
        s: Stroke,
    ) -> Result<bool, DrawError>;
    fn finish(&mut self) -> Done;
}

impl<B: Backend> Surface for B {
    fn size(&self) -> (u32, u32) {
        self.get_size()
    }
    fn rect(&mut self, ul: BackendCoord, br: BackendCoord, s: Stroke, fill: bool) -> Done {
        self.draw_rect(ul, br, &s, fill).map_err(failed)
    }
    fn path(&mut self, points: &[BackendCoord], s: Stroke) -> Done {
        self.draw_path(points.iter().copied(), &s).map_err(failed)
    }
    fn circle(&mut self, center: BackendCoord, radius: u32, s: Stroke, fill: bool) -> Done {
        self.draw_circle(center, radius, &s, fill).map_err(failed)
    }
    fn text(&mut self, text: &str, s: &Label, pos: BackendCoord) -> Done {
        self.draw_text(text, s, pos).map_err(failed)
    }
    fn dash(
        &mut self,
        points: &[BackendCoord],
        dash: (u32, u32),
        s: Stroke,
    ) -> Result<bool, DrawError> {
        self.dashed(points, dash, s.color, s.width).map_err(failed)
    }
    fn finish(&mut self) -> Done {
        self.present().map_err(failed)
    }
}

/// The one `DrawingBackend` plotters draws our charts on: every call goes to the
/// backend under it. A call the backend refuses is counted, not returned: plotters sees a
/// backend that never fails, so the drawing code carries no error paths, and `draw`
/// reports the refusal once the picture is done.
pub struct Dyn<'a> {
    surface: &'a mut dyn Surface,
    failed: &'a mut bool,
}

impl Dyn<'_> {
    fn done(&mut self, r: Done) -> Drawn {
        *self.failed |= r.is_err();
        Ok(())
    }
}

impl DrawingBackend for Dyn<'_> {
    type ErrorType = std::convert::Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.surface.size()
    }
    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }
    fn present(&mut self) -> Drawn {
        let r = self.surface.finish();
        self.done(r)
    }
    fn draw_pixel(&mut self, p: BackendCoord, color: BackendColor) -> Drawn {
        let r = self
            .surface
            .rect(p, (p.0 + 1, p.1 + 1), Stroke { color, width: 1 }, true);
        self.done(r)
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, s: &S) -> Drawn {
        let r = self.surface.path(&[from, to], Stroke::of(s));
        self.done(r)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        ul: BackendCoord,
        br: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Drawn {
        let r = self.surface.rect(ul, br, Stroke::of(s), fill);
        self.done(r)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Drawn {
        let path: Vec<BackendCoord> = path.into_iter().collect();
        let r = self.surface.path(&path, Stroke::of(s));
        self.done(r)
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        s: &S,
        fill: bool,
    ) -> Drawn {
        let r = self.surface.circle(center, radius, Stroke::of(s), fill);
        self.done(r)
    }
    // fill_polygon: plotters' own, through draw_pixel (no element of ours calls it).

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, s: &S, pos: BackendCoord) -> Drawn {
        let label = Label {
            family: s.family(),
            size: s.size(),
            style: s.style(),
            color: s.color(),
            anchor: s.anchor(),
        };
        let r = self.surface.text(text, &label, pos);
        self.done(r)
    }
}

/// A polyline as a plotters element, solid or dashed. A dashed one the backend strokes
/// natively where it can (SVG's `stroke-dasharray`), else it is cut into segments here.
/// A path that leaves the picture (a projection to a far-off target) is always cut, and
/// then only its visible part costs anything. Not plotters' `PathElement`, which copies
/// the points into a `Vec` of its own: one element for both kinds of path is one copy of
/// plotters' drawing code for them in the wasm, not two.
struct Polyline<'a> {
    points: &'a [(i32, i32)],
    dash: Option<(u32, u32)>,
    stroke: Stroke,
}

impl<'a> PointCollection<'a, (i32, i32)> for &'a Polyline<'_> {
    type Point = &'a (i32, i32);
    type IntoIter = &'a [(i32, i32)];
    fn point_iter(self) -> &'a [(i32, i32)] {
        self.points
    }
}

impl Drawable<Dyn<'_>> for Polyline<'_> {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        pos: I,
        backend: &mut Dyn,
        (w, h): (u32, u32),
    ) -> Drawn {
        let points: Vec<BackendCoord> = pos.collect();
        let Some(dash) = self.dash else {
            let r = backend.surface.path(&points, self.stroke);
            return backend.done(r);
        };
        let (w, h) = (u32_to_i32(w), u32_to_i32(h));
        let inside = points
            .iter()
            .all(|&(x, y)| (-8..=w + 8).contains(&x) && (-8..=h + 8).contains(&y));
        if inside {
            match backend.surface.dash(&points, dash, self.stroke) {
                Ok(false) => {}
                r => return backend.done(r.map(|_| ())),
            }
        }
        let clip = (-8.0, -8.0, f64::from(w) + 8.0, f64::from(h) + 8.0);
        let (on, off) = (f64::from(dash.0), f64::from(dash.1));
        for [a, b] in dashes(&points, on, off, clip) {
            backend.draw_line(a, b, &self.stroke)?;
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

/// Draws `scene` through plotters' drawing area and elements onto `surface` (any
/// `Backend`). A call the backend refused fails it once the picture is done. Text is
/// plotters' `Text` element with a `TextStyle` that the backend only reads (font, size,
/// colour, anchor): our backends never ask plotters to measure it.
pub fn draw(scene: &Scene, surface: &mut dyn Surface) -> Result<(), DrawError> {
    let mut failed = false;
    let area = DrawingArea::from(Dyn {
        surface,
        failed: &mut failed,
    });
    // Dyn never fails (see there); only sharing its RefCell could, and nothing shares it.
    let drawn = draw_area(scene, &area);
    drop(area);
    if drawn.is_err() || failed {
        return Err(DrawError);
    }
    Ok(())
}

fn draw_area(
    scene: &Scene,
    area: &DrawingArea<Dyn, Shift>,
) -> Result<(), DrawingAreaErrorKind<std::convert::Infallible>> {
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
                dash,
            } => area.draw(&Polyline {
                points,
                dash: *dash,
                stroke: Stroke {
                    color: BackendColor {
                        alpha: 1.0,
                        rgb: (color.0, color.1, color.2),
                    },
                    width: *width,
                },
            })?,
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
    use crate::scene::{Role, Text};
    use crate::text::Font;

    /// Counts the calls that reach it; refuses texts when `refuse` is set.
    struct Calls {
        refuse: bool,
        made: Vec<&'static str>,
    }

    impl DrawingBackend for Calls {
        type ErrorType = DrawError;
        fn get_size(&self) -> (u32, u32) {
            (100, 100)
        }
        fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<DrawError>> {
            Ok(())
        }
        fn present(&mut self) -> Result<(), DrawingErrorKind<DrawError>> {
            self.made.push("present");
            Ok(())
        }
        fn draw_pixel(
            &mut self,
            _: BackendCoord,
            _: BackendColor,
        ) -> Result<(), DrawingErrorKind<DrawError>> {
            self.made.push("pixel");
            Ok(())
        }
        fn draw_rect<S: BackendStyle>(
            &mut self,
            _: BackendCoord,
            _: BackendCoord,
            _: &S,
            _: bool,
        ) -> Result<(), DrawingErrorKind<DrawError>> {
            self.made.push("rect");
            Ok(())
        }
        fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
            &mut self,
            _: I,
            _: &S,
        ) -> Result<(), DrawingErrorKind<DrawError>> {
            self.made.push("path");
            Ok(())
        }
        fn draw_text<S: BackendTextStyle>(
            &mut self,
            _: &str,
            _: &S,
            _: BackendCoord,
        ) -> Result<(), DrawingErrorKind<DrawError>> {
            self.made.push("text");
            if self.refuse {
                return Err(DrawingErrorKind::DrawingError(DrawError));
            }
            Ok(())
        }
    }

    impl Backend for Calls {}

    fn scene() -> Scene {
        let black = Rgb(0, 0, 0);
        Scene {
            width: 100,
            height: 100,
            background: Rgb(255, 255, 255),
            font: "serif".into(),
            marks: vec![
                Mark::Text(Text {
                    x: 1,
                    y: 2,
                    text: "a".into(),
                    font: Font::new(12, false),
                    color: black,
                    anchor: Anchor::Start,
                    role: Role::Title,
                }),
                Mark::Path {
                    points: vec![(0, 0), (10, 10), (20, 0)],
                    color: black,
                    width: 1,
                    dash: None,
                },
            ],
            title: String::new(),
            description: String::new(),
            columns: Vec::new(),
        }
    }

    #[test]
    fn a_refused_call_fails_the_drawing_once_it_is_done() {
        let mut ok = Calls {
            refuse: false,
            made: Vec::new(),
        };
        assert!(draw(&scene(), &mut ok).is_ok());
        assert_eq!(ok.made, ["rect", "text", "path", "present"]);
        let mut refusing = Calls {
            refuse: true,
            made: Vec::new(),
        };
        assert!(draw(&scene(), &mut refusing).is_err());
        assert_eq!(refusing.made, ok.made);
    }

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
