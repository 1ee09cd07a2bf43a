//! Our SVG `DrawingBackend`: the markup plotters' SVG backend wrote for the marks we
//! draw (the golden files did not change by a byte), without its costs. plotters-svg
//! formats every colour's alpha and every font size as an `f64` with `Display`, which
//! links core's float formatting (flt2dec, Grisu and Dragon: 15 KB of wasm) and writes
//! font sizes divided by 1.24. Here every number is an integer; alpha is only ever 0 or
//! 1 in our scenes, and any other alpha is written in thousandths by integer code.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle,
};
use std::fmt::Write as _;

/// Writing into a String cannot fail.
#[derive(Debug)]
pub enum Never {}

impl std::fmt::Display for Never {
    fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {}
    }
}

impl std::error::Error for Never {}

type Drawn = Result<(), DrawingErrorKind<Never>>;

/// Appends SVG elements for the marks drawn on it to `out` (no root element: `draw::svg`
/// writes that, with the chart's accessible name).
pub struct SvgWriter<'a> {
    out: &'a mut String,
    size: (u32, u32),
}

impl<'a> SvgWriter<'a> {
    pub fn new(out: &'a mut String, size: (u32, u32)) -> Self {
        SvgWriter { out, size }
    }

    /// ` name="value"` with the value escaped.
    fn attr(&mut self, name: &str, value: &str) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        self.out.push_str(&crate::draw::escape(value));
        self.out.push('"');
    }

    /// ` name="n"` for an integer.
    fn num(&mut self, name: &str, n: impl std::fmt::Display) {
        let _ = write!(self.out, " {name}=\"{n}\"");
    }

    fn opacity(&mut self, c: BackendColor) {
        self.out.push_str(" opacity=\"");
        push_alpha(self.out, c.alpha);
        self.out.push('"');
    }

    fn color(&mut self, name: &str, c: BackendColor) {
        let (r, g, b) = c.rgb;
        let _ = write!(self.out, " {name}=\"#{r:02X}{g:02X}{b:02X}\"");
    }

    /// The stroke of a line or polyline, dashed or not.
    fn stroke(&mut self, c: BackendColor, width: u32, dash: Option<(u32, u32)>) {
        self.opacity(c);
        self.color("stroke", c);
        self.num("stroke-width", width);
        if let Some((on, off)) = dash {
            let _ = write!(self.out, " stroke-dasharray=\"{on} {off}\"");
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
            self.attr("stroke", "none");
        } else {
            self.attr("fill", "none");
            self.color("stroke", c);
        }
    }

    /// ` points="x,y x,y "` (plotters' format, trailing space included).
    fn points(&mut self, path: impl IntoIterator<Item = BackendCoord>) {
        self.out.push_str(" points=\"");
        for (x, y) in path {
            let _ = write!(self.out, "{x},{y} ");
        }
        self.out.push('"');
    }
}

/// An alpha in [0, 1] as plotters wrote the ones we use ("1", "0"), in at most three
/// decimals otherwise ("0.25"), with no float formatting code.
pub fn push_alpha(out: &mut String, alpha: f64) {
    let milli = crate::num::sat_u32((crate::num::clamp(alpha, 0.0, 1.0) * 1000.0).round());
    let _ = write!(out, "{}", milli / 1000);
    let mut frac = milli % 1000;
    if frac > 0 {
        out.push('.');
        let mut digits = 3;
        while frac.is_multiple_of(10) {
            frac /= 10;
            digits -= 1;
        }
        let _ = write!(out, "{frac:0digits$}");
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
        self.out.push_str("<circle");
        self.num("cx", center.0);
        self.num("cy", center.1);
        self.num("r", radius);
        self.opacity(c);
        self.fill_or_stroke(c, fill);
        self.num("stroke-width", s.stroke_width());
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
        self.attr(
            "dy",
            match anchor.v_pos {
                VPos::Top => "0.76em",
                VPos::Center => "0.5ex",
                VPos::Bottom => "-0.5ex",
            },
        );
        self.attr(
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
            FontStyle::Bold => self.attr("font-weight", "bold"),
            other => self.attr("font-style", other.as_str()),
        }
        self.out.push_str(">\n");
        self.out.push_str(&crate::draw::escape(text));
        self.out.push_str("\n</text>\n");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::push_alpha;

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
