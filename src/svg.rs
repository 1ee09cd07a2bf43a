//! Our SVG `DrawingBackend`: began as the markup plotters' SVG backend wrote for the
//! marks we draw (the golden files did not change by a byte), without its costs; since
//! then it writes filled circles as dots and leaves out `opacity="1"` (see
//! `draw_circle` and `opacity`: cheaper for a data update, the same picture). plotters-svg
//! formats every colour's alpha and every font size as an `f64` with `Display`, which
//! links core's float formatting (flt2dec, Grisu and Dragon: 15 KB of wasm) and writes
//! font sizes divided by 1.24. Here every number is an integer; alpha is only ever 0 or
//! 1 in our scenes, and any other alpha is written in thousandths by integer code.

use crate::num::{push_hex2, push_int};
use crate::scene::Scene;
use crate::xml::{escape, push_escaped};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle,
};

/// The scene as a standalone SVG document: the root element carries the accessible
/// name and description, then plotters draws the marks onto an `SvgWriter`.
pub fn document(scene: &Scene) -> String {
    let mut out = String::with_capacity(8192);
    write(&mut out, scene, false);
    out.push('\n');
    out
}

/// `document` made to fit a column without CSS, appended to `out` (a static fragment's
/// picture): as wide as the column (`width="100%"`), its own height, drawn from the top
/// left at most at its size, and a block (no line box, so no gap under it). Everything
/// after the root's opening tag is the document's, byte for byte, but the last newline.
pub fn fitting(out: &mut String, scene: &Scene) {
    write(out, scene, true);
}

fn write(out: &mut String, scene: &Scene, fit: bool) {
    let (w, h) = (scene.width, scene.height);
    let title = escape(&scene.title);
    out.push_str("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"");
    if fit {
        out.push_str("100%");
    } else {
        push_int(out, w.into());
    }
    out.push_str("\" height=\"");
    push_int(out, h.into());
    out.push_str("\" viewBox=\"0 0 ");
    push_int(out, w.into());
    out.push(' ');
    push_int(out, h.into());
    out.push_str("\" role=\"img\" aria-label=\"");
    out.push_str(&title);
    out.push_str("\" class=\"ttc-chart\"");
    if fit {
        out.push_str(" preserveAspectRatio=\"xMinYMin meet\" display=\"block\"");
    }
    out.push_str(">\n<title>");
    out.push_str(&title);
    out.push_str("</title>\n<desc>");
    push_escaped(out, &scene.description);
    out.push_str("</desc>\n");
    // Writing into a String cannot fail.
    let _ = crate::draw::draw(scene, &mut SvgWriter::new(out, (w, h)));
    out.push_str("</svg>");
}

/// Writing into a String cannot fail.
type Never = std::convert::Infallible;

type Drawn = Result<(), DrawingErrorKind<Never>>;

/// Appends SVG elements for the marks drawn on it to `out` (no root element: `svg::document`
/// writes that, with the chart's accessible name).
pub struct SvgWriter<'a> {
    out: &'a mut String,
    size: (u32, u32),
    /// The dot written last, while nothing has been written after it: an outline
    /// drawn next at the same place (plotters fills and strokes a shape in two calls)
    /// turns it into a ring (see `draw_circle`).
    dot: Option<Dot>,
}

/// A filled circle as written: where it starts and ends in the document, and what an
/// outline must match to ring it.
struct Dot {
    start: usize,
    end: usize,
    center: BackendCoord,
    radius: u32,
    color: BackendColor,
}

impl<'a> SvgWriter<'a> {
    pub fn new(out: &'a mut String, size: (u32, u32)) -> Self {
        SvgWriter {
            out,
            size,
            dot: None,
        }
    }

    /// ` name="value"` for a value of our own (a keyword): nothing to escape.
    fn keyword(&mut self, name: &str, value: &'static str) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        self.out.push_str(value);
        self.out.push('"');
    }

    /// ` name="value"` with the value escaped.
    fn attr(&mut self, name: &str, value: &str) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        push_escaped(self.out, value);
        self.out.push('"');
    }

    /// ` name="n"` for an integer.
    fn num(&mut self, name: &str, n: impl Into<i64>) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        push_int(self.out, n.into());
        self.out.push('"');
    }

    /// ` opacity="a"`, left out when opaque (the default; opacity is not inherited, so
    /// nothing around the picture can change that): 60 attributes fewer to write, cut,
    /// compare and parse for each drawing of the default chart.
    fn opacity(&mut self, c: BackendColor) {
        if c.alpha >= 1.0 {
            return;
        }
        self.out.push_str(" opacity=\"");
        push_alpha(self.out, c.alpha);
        self.out.push('"');
    }

    fn color(&mut self, name: &str, c: BackendColor) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"#");
        for v in <[u8; 3]>::from(c.rgb) {
            push_hex2(self.out, v);
        }
        self.out.push('"');
    }

    /// The stroke of a line or polyline, dashed or not.
    fn stroke(&mut self, c: BackendColor, width: u32, dash: Option<(u32, u32)>) {
        self.opacity(c);
        self.color("stroke", c);
        self.num("stroke-width", width);
        if let Some((on, off)) = dash {
            self.out.push_str(" stroke-dasharray=\"");
            push_int(self.out, on.into());
            self.out.push(' ');
            push_int(self.out, off.into());
            self.out.push('"');
        }
    }

    fn line(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        c: BackendColor,
        width: u32,
        dash: Option<(u32, u32)>,
    ) {
        self.out.push_str("<line");
        self.stroke(c, width, dash);
        self.num("x1", a.0);
        self.num("y1", a.1);
        self.num("x2", b.0);
        self.num("y2", b.1);
        self.out.push_str("/>\n");
    }

    /// A filled shape has no stroke; an outlined one no fill.
    fn fill_or_stroke(&mut self, c: BackendColor, fill: bool) {
        if fill {
            self.color("fill", c);
            self.keyword("stroke", "none");
        } else {
            self.keyword("fill", "none");
            self.color("stroke", c);
        }
    }

    /// Dots at `center`, each `(colour, diameter)` over the one before (see
    /// `draw_circle`); a zero diameter is left out.
    fn dots(&mut self, center: BackendCoord, dots: &[(BackendColor, u32)]) {
        for &(c, diameter) in dots {
            if diameter == 0 {
                continue;
            }
            self.out.push_str("<polyline fill=\"none\"");
            self.stroke(c, diameter, None);
            self.out.push_str(" stroke-linecap=\"round\"");
            self.points([center, center]);
            self.out.push_str("/>\n");
        }
    }

    /// ` points="x,y x,y "` (plotters' format, trailing space included).
    fn points(&mut self, path: impl IntoIterator<Item = BackendCoord>) {
        self.out.push_str(" points=\"");
        for (x, y) in path {
            push_int(self.out, x.into());
            self.out.push(',');
            push_int(self.out, y.into());
            self.out.push(' ');
        }
        self.out.push('"');
    }
}

/// An alpha in [0, 1] as plotters wrote the ones we use ("1", "0"), in at most three
/// decimals otherwise ("0.25"), with no float formatting code.
pub fn push_alpha(out: &mut String, alpha: f64) {
    let milli = crate::num::sat_u32((crate::num::clamp(alpha, 0.0, 1.0) * 1000.0).round());
    push_int(out, (milli / 1000).into());
    let mut frac = milli % 1000;
    if frac > 0 {
        out.push('.');
        // The digits from tenths down, until none but zeros are left.
        let mut unit = 100;
        while frac > 0 && unit > 0 {
            out.push(char::from(b'0' + u8::try_from(frac / unit).unwrap_or(0)));
            frac %= unit;
            unit /= 10;
        }
    }
}

impl crate::draw::Backend for SvgWriter<'_> {
    /// A `<line>` (two points) or `<polyline>` with `stroke-dasharray`.
    fn dashed(
        &mut self,
        points: &[BackendCoord],
        dash: (u32, u32),
        c: BackendColor,
        width: u32,
    ) -> Result<bool, DrawingErrorKind<Never>> {
        match points {
            [] | [_] => {}
            [a, b] => self.line(*a, *b, c, width, Some(dash)),
            _ => {
                self.out.push_str("<polyline fill=\"none\"");
                self.stroke(c, width, Some(dash));
                self.points(points.iter().copied());
                self.out.push_str("/>\n");
            }
        }
        Ok(true)
    }
}

impl DrawingBackend for SvgWriter<'_> {
    type ErrorType = Never;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }
    fn present(&mut self) -> Drawn {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn {
        self.draw_rect(point, (point.0 + 1, point.1 + 1), &color, true)
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, s: &S) -> Drawn {
        let c = s.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        self.line(from, to, c, s.stroke_width(), None);
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Drawn {
        let c = s.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        self.out.push_str("<rect");
        self.num("x", upper_left.0);
        self.num("y", upper_left.1);
        self.num("width", i64::from(bottom_right.0) - i64::from(upper_left.0));
        self.num(
            "height",
            i64::from(bottom_right.1) - i64::from(upper_left.1),
        );
        self.opacity(c);
        self.fill_or_stroke(c, fill);
        self.out.push_str("/>\n");
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Drawn {
        let c = s.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        // plotters' PathElement always comes here; a two-point path is written as the
        // `<line>` it is.
        let path: Vec<BackendCoord> = path.into_iter().collect();
        if let [a, b] = path.as_slice() {
            self.line(*a, *b, c, s.stroke_width(), None);
            return Ok(());
        }
        self.out.push_str("<polyline fill=\"none\"");
        self.stroke(c, s.stroke_width(), None);
        self.points(path);
        self.out.push_str("/>\n");
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Drawn {
        let c = s.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        self.out.push_str("<polygon");
        self.opacity(c);
        self.color("fill", c);
        self.points(path);
        self.out.push_str("/>\n");
        Ok(())
    }

    /// A filled circle is written as a dot: a zero-length polyline with a round cap as
    /// wide as the circle. It looks the same (browsers and resvg draw the cap), and it
    /// is cheaper where it counts: a circle's `cx`/`cy` are CSS properties in Chromium,
    /// so every circle a data update moves is restyled, where a polyline's `points` is
    /// not. The default chart's data update took 0.19 ms less with its markers as dots
    /// (1.63 -> 1.44 ms with forced layout, A/B measured). An outline over the dot just
    /// written (a ring: an estimate) becomes a dot of the outline's colour as wide as
    /// the ring's outer edge, then one of the fill's colour as wide as its inner edge.
    /// An outline on its own, or over a translucent fill, stays a `<circle>`.
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        s: &S,
        fill: bool,
    ) -> Drawn {
        let c = s.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let width = s.stroke_width();
        if fill {
            let start = self.out.len();
            self.dots(center, &[(c, 2 * radius)]);
            self.dot = Some(Dot {
                start,
                end: self.out.len(),
                center,
                radius,
                color: c,
            });
            return Ok(());
        }
        let under = self.dot.take().filter(|d| {
            d.end == self.out.len()
                && d.center == center
                && d.radius == radius
                && d.color.alpha == 1.0
                && c.alpha == 1.0
        });
        if let Some(d) = under {
            self.out.truncate(d.start);
            let inner = (2 * radius).saturating_sub(width);
            self.dots(center, &[(c, 2 * radius + width), (d.color, inner)]);
            return Ok(());
        }
        self.out.push_str("<circle");
        self.num("cx", center.0);
        self.num("cy", center.1);
        self.num("r", radius);
        self.opacity(c);
        self.fill_or_stroke(c, false);
        self.num("stroke-width", width);
        self.out.push_str("/>\n");
        Ok(())
    }

    /// The font size is taken as whole CSS pixels (our layout only uses whole sizes).
    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, s: &S, pos: BackendCoord) -> Drawn {
        let c = s.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let anchor = s.anchor();
        self.out.push_str("<text");
        self.num("x", pos.0);
        self.num("y", pos.1);
        self.keyword(
            "dy",
            match anchor.v_pos {
                VPos::Top => "0.76em",
                VPos::Center => "0.5ex",
                VPos::Bottom => "-0.5ex",
            },
        );
        self.keyword(
            "text-anchor",
            match anchor.h_pos {
                HPos::Left => "start",
                HPos::Right => "end",
                HPos::Center => "middle",
            },
        );
        self.attr("font-family", s.family().as_str());
        self.num("font-size", crate::num::sat_u32(s.size().round()));
        self.opacity(c);
        self.color("fill", c);
        match s.style() {
            FontStyle::Normal => {}
            FontStyle::Bold => self.keyword("font-weight", "bold"),
            other => self.attr("font-style", other.as_str()),
        }
        self.out.push_str(">\n");
        push_escaped(self.out, text);
        self.out.push_str("\n</text>\n");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{push_alpha, SvgWriter};
    use plotters_backend::{BackendColor, BackendStyle, DrawingBackend};

    struct Style(BackendColor, u32);
    impl BackendStyle for Style {
        fn color(&self) -> BackendColor {
            self.0
        }
        fn stroke_width(&self) -> u32 {
            self.1
        }
    }
    const BLUE: BackendColor = BackendColor {
        alpha: 1.0,
        rgb: (0x1F, 0x5F, 0xA6),
    };
    const WHITE: BackendColor = BackendColor {
        alpha: 1.0,
        rgb: (255, 255, 255),
    };

    fn written(draw: impl FnOnce(&mut SvgWriter)) -> String {
        let mut out = String::new();
        draw(&mut SvgWriter::new(&mut out, (100, 100)));
        out
    }

    #[test]
    fn circles_are_written_as_dots_and_rings_as_two() {
        let dot = |color: &str, d: u32, at: &str| {
            format!("<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"{d}\" stroke-linecap=\"round\" points=\"{at} {at} \"/>\n")
        };
        let filled = written(|w| {
            let _ = w.draw_circle((5, 6), 4, &Style(BLUE, 1), true);
        });
        assert_eq!(filled, dot("#1F5FA6", 8, "5,6"));
        // A ring: white inside, a 2 px blue outline centred on r = 3.
        let ring = written(|w| {
            let _ = w.draw_circle((5, 6), 3, &Style(WHITE, 1), true);
            let _ = w.draw_circle((5, 6), 3, &Style(BLUE, 2), false);
        });
        assert_eq!(ring, dot("#1F5FA6", 8, "5,6") + &dot("#FFFFFF", 4, "5,6"));
        // An outline elsewhere, or over a translucent fill, cannot be dots.
        let apart = written(|w| {
            let _ = w.draw_circle((5, 6), 3, &Style(WHITE, 1), true);
            let _ = w.draw_circle((9, 6), 3, &Style(BLUE, 2), false);
        });
        assert!(apart.ends_with("<circle cx=\"9\" cy=\"6\" r=\"3\" fill=\"none\" stroke=\"#1F5FA6\" stroke-width=\"2\"/>\n"), "{apart}");
        let faint = BackendColor {
            alpha: 0.5,
            ..WHITE
        };
        let translucent = written(|w| {
            let _ = w.draw_circle((5, 6), 3, &Style(faint, 1), true);
            let _ = w.draw_circle((5, 6), 3, &Style(BLUE, 2), false);
        });
        assert!(translucent.contains("<circle"), "{translucent}");
    }

    #[test]
    fn the_fitting_root_fits_the_column_and_the_rest_is_the_document() {
        let json = crate::json::Json::Obj(Vec::new());
        let model = crate::model(&json).expect("the default chart");
        let scene = crate::scene(&model, 640.0, None);
        let doc = super::document(&scene);
        let mut fit = String::from("before");
        super::fitting(&mut fit, &scene);
        let fit = fit.strip_prefix("before").expect("appended");
        let (root, rest) = doc.split_once('\n').expect("a root line");
        let (fit_root, fit_rest) = fit.split_once('\n').expect("a root line");
        let want = root
            .replacen(" width=\"640\"", " width=\"100%\"", 1)
            .replacen(
                '>',
                " preserveAspectRatio=\"xMinYMin meet\" display=\"block\">",
                1,
            );
        assert_eq!(fit_root, want);
        assert_eq!(Some(fit_rest), rest.strip_suffix('\n'));
        assert!(fit_rest.ends_with("</svg>"));
    }

    #[test]
    fn alpha_is_written_without_float_formatting() {
        for (a, want) in [
            (1.0, "1"),
            (0.0, "0"),
            (0.25, "0.25"),
            (0.5, "0.5"),
            (0.1234, "0.123"),
            (0.0005, "0.001"),
            (2.0, "1"),
            (f64::NAN, "0"),
        ] {
            let mut s = String::new();
            push_alpha(&mut s, a);
            assert_eq!(s, want, "{a}");
        }
    }
}
