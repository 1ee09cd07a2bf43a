//! Scene -> any plotters `DrawingBackend`. The only module that knows plotters. Text is
//! drawn with our own `BackendTextStyle`, so plotters never measures text (its wasm font
//! code would put a <span> into the page for every label).

use crate::num::{round_i32, u32_to_i32};
use crate::scene::{Anchor, Mark, Rgb, Scene, Text};
use crate::svg::SvgWriter;
use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontFamily, FontStyle,
};
use std::fmt;

fn color(c: Rgb) -> BackendColor {
    BackendColor {
        alpha: 1.0,
        rgb: (c.0, c.1, c.2),
    }
}

struct Stroke {
    color: BackendColor,
    width: u32,
}

impl BackendStyle for Stroke {
    fn color(&self) -> BackendColor {
        self.color
    }
    fn stroke_width(&self) -> u32 {
        self.width
    }
}

/// Never raised: our text style rasterises nothing and measures with our own tables.
#[derive(Debug)]
pub struct NoFontError;

impl fmt::Display for NoFontError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("no font")
    }
}

impl std::error::Error for NoFontError {}

struct TextStyle<'a> {
    text: &'a Text,
    size: f64,
    family: &'a str,
}

impl BackendTextStyle for TextStyle<'_> {
    type FontError = NoFontError;

    fn color(&self) -> BackendColor {
        color(self.text.color)
    }
    fn size(&self) -> f64 {
        self.size
    }
    fn style(&self) -> FontStyle {
        if self.text.font.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        }
    }
    fn anchor(&self) -> Pos {
        let h = match self.text.anchor {
            Anchor::Start => HPos::Left,
            Anchor::Middle => HPos::Center,
            Anchor::End => HPos::Right,
        };
        Pos::new(h, VPos::Top)
    }
    fn family(&self) -> FontFamily<'_> {
        FontFamily::Name(self.family)
    }
    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), NoFontError> {
        let w = self.text.font.width_px(text);
        Ok(((0, 0), (w, self.text.font.line_height())))
    }
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        _text: &str,
        _pos: BackendCoord,
        _draw: F,
    ) -> Result<Result<(), E>, NoFontError> {
        // Only reached by pixel backends without native text; ours all draw text natively.
        Ok(Ok(()))
    }
}

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
            let p = (phase + by) % period;
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

pub fn draw<B: Backend>(
    scene: &Scene,
    backend: &mut B,
) -> Result<(), DrawingErrorKind<B::ErrorType>> {
    let (w, h) = (u32_to_i32(scene.width), u32_to_i32(scene.height));
    // The host page chooses the font (--ttc-font); it is written into every <text>.
    let family = xml_chars(&scene.font);
    backend.draw_rect((0, 0), (w, h), &color(scene.background), true)?;
    for mark in &scene.marks {
        match mark {
            Mark::Rect {
                x0,
                y0,
                x1,
                y1,
                color: c,
                fill,
            } => {
                backend.draw_rect(
                    (*x0, *y0),
                    (*x1, *y1),
                    &Stroke {
                        color: color(*c),
                        width: 1,
                    },
                    *fill,
                )?;
            }
            Mark::Path {
                points,
                color: c,
                width,
                dash,
            } => {
                let style = Stroke {
                    color: color(*c),
                    width: *width,
                };
                // A path that leaves the picture (a projection to a far-off target) is
                // always cut here, where only its visible part costs anything.
                let inside = points
                    .iter()
                    .all(|&(x, y)| (-8..=w + 8).contains(&x) && (-8..=h + 8).contains(&y));
                let native = match dash {
                    Some(d) if inside => backend.dashed(points, *d, style.color, style.width)?,
                    _ => false,
                };
                match dash {
                    _ if native => {}
                    Some((on, off)) => {
                        let clip = (-8.0, -8.0, f64::from(w) + 8.0, f64::from(h) + 8.0);
                        for [a, b] in dashes(points, f64::from(*on), f64::from(*off), clip) {
                            backend.draw_line(a, b, &style)?;
                        }
                    }
                    None => match points.as_slice() {
                        [a, b] => backend.draw_line(*a, *b, &style)?,
                        _ => backend.draw_path(points.iter().copied(), &style)?,
                    },
                }
            }
            Mark::Circle {
                center,
                radius,
                color: c,
                fill,
                width,
            } => {
                backend.draw_circle(
                    *center,
                    *radius,
                    &Stroke {
                        color: color(*c),
                        width: *width,
                    },
                    *fill,
                )?;
            }
            Mark::Text(t) => {
                let style = TextStyle {
                    text: t,
                    size: f64::from(t.font.size),
                    family: &family,
                };
                backend.draw_text(&xml_chars(&t.text), &style, (t.x, t.y))?;
            }
        }
    }
    backend.present()
}

/// Whether XML 1.0 allows `c` in a document. A spec's text may hold control characters
/// (U+0001 pasted from a CMS) or the noncharacters U+FFFE/U+FFFF; one of them in the SVG
/// makes the whole file unreadable to an XML parser (an `<img>`, the CLI's output).
pub fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r')
        || ('\u{20}'..='\u{D7FF}').contains(&c)
        || ('\u{E000}'..='\u{FFFD}').contains(&c)
        || c >= '\u{10000}'
}

/// `s` without the characters XML does not allow (plotters escapes markup, not these).
fn xml_chars(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().all(xml_char) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.chars().filter(|&c| xml_char(c)).collect())
    }
}

/// XML/HTML escaping for text and attribute values; characters XML does not allow are
/// dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            c if !xml_char(c) => {}
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// The scene as a standalone SVG document: the root element carries the accessible
/// name and description, then `SvgWriter` draws the marks.
pub fn svg(scene: &Scene) -> String {
    let (w, h) = (scene.width, scene.height);
    let title = escape(&scene.title);
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{title}\" class=\"ttc-chart\">\n<title>{title}</title>\n<desc>{}</desc>\n",
        escape(&scene.description)
    );
    // Writing into a String cannot fail.
    let _ = draw(scene, &mut SvgWriter::new(&mut out, (w, h)));
    out.push_str("</svg>\n");
    out
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
