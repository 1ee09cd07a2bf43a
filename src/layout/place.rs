//! Geometry the label placement asks about: whether a text box stays inside the
//! picture, and whether a candidate box would cross the series or the target line.

use super::scale::{px, Frame};
use crate::model::Model;
use crate::scene::{Anchor, Rect, Rgb, Role, Text};
use crate::spec::Kind;
use crate::text::Font;

/// The last word on a text's place across: the x (whole pixels) nearest `x` that keeps
/// the whole text inside `0..width`, shortening it with an ellipsis when it is wider than
/// the picture. Labels placed with care come through as they were; this only catches the
/// extremes (a 12-character unit of emoji at 120 px, say).
pub(super) fn inside(
    x: f64,
    text: String,
    font: Font,
    anchor: Anchor,
    width: f64,
) -> (i32, String) {
    let range = |w: f64| {
        let (lo, hi) = match anchor {
            Anchor::Start => (0.0, width - w),
            Anchor::Middle => (w / 2.0, width - w / 2.0),
            Anchor::End => (w, width),
        };
        let (lo, hi) = (lo.ceil(), hi.floor());
        (lo <= hi).then_some((lo, hi))
    };
    let w = font.width(&text);
    let x0 = match anchor {
        Anchor::Start => x.round(),
        Anchor::Middle => x.round() - w / 2.0,
        Anchor::End => x.round() - w,
    };
    let fits = x0 >= 0.0 && x0 + w <= width;
    if fits {
        return (px(x), text);
    }
    if let Some((lo, hi)) = range(w) {
        return (px(crate::num::clamp(x.round(), lo, hi)), text);
    }
    let short = crate::text::ellipsize(&text, font, width - 2.0);
    let (lo, hi) = range(font.width(&short)).unwrap_or((0.0, 0.0));
    (px(crate::num::clamp(x.round(), lo, hi)), short)
}

/// A text that is not placed yet, to measure a candidate position's box.
pub(super) fn probe(x: f64, y: f64, text: &str, font: Font, anchor: Anchor) -> Text {
    Text {
        x: px(x),
        y: px(y),
        text: text.to_owned(),
        font,
        color: Rgb(0, 0, 0),
        anchor,
        role: Role::Milestone,
    }
}

pub(super) fn crosses_series(b: &Rect, series: &[(f64, f64)], kind: Kind, frame: &Frame) -> bool {
    match kind {
        Kind::Line => {
            series.iter().any(|&p| b.contains_point(p))
                || series.windows(2).any(|w| match w {
                    [a, c] => b.crosses_segment(*a, *c),
                    _ => false,
                })
        }
        Kind::Bars | Kind::Breakdown => {
            let half = frame.band() / 2.0;
            let base = frame.y(0.0);
            series.iter().any(|&(x, y)| {
                b.overlaps(&Rect {
                    x0: x - half,
                    y0: y,
                    x1: x + half,
                    y1: base,
                })
            })
        }
    }
}

/// Whether a box crosses the target line or the line dropped at the target year.
pub(super) fn crosses_target(b: &Rect, m: &Model, frame: &Frame) -> bool {
    let line = m.target.as_ref().is_some_and(|t| {
        let y = frame.y(t.value);
        b.crosses_segment((frame.left, y), (frame.right, y))
    });
    line || target_year_drop(m, frame).is_some_and(|(top, bottom)| b.crosses_segment(top, bottom))
}

/// The line dropped at the target year, from the target line to the baseline, in
/// whole pixels as drawn: (top, bottom).
pub(super) fn target_year_drop(m: &Model, frame: &Frame) -> Option<((f64, f64), (f64, f64))> {
    let t = m.target.as_ref()?;
    let x = f64::from(px(frame.x(t.year, m.kind)));
    let (top, bottom) = (f64::from(px(frame.y(t.value))), f64::from(px(frame.y(0.0))));
    Some(((x, top), (x, bottom)))
}
