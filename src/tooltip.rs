//! Tooltips, decided on the layout rather than by DOM elements per point: which year a
//! pointer or key lands on, what the tooltip says, and where the box goes so that it
//! stays inside the chart and never covers the point it describes.

use crate::model::Model;
use crate::scene::{Rect, Scene};
use crate::story::{self, Part};
use crate::text::{wrap, Font};

pub const FONT: Font = Font::new(12, false);
pub const TITLE_FONT: Font = Font::new(12, true);
pub const PAD: f64 = 8.0;
const GAP: f64 = 12.0;

#[derive(Debug, Clone, PartialEq)]
pub struct Tip {
    /// Index into the drawn points (and the scene's columns).
    pub index: usize,
    pub lines: Vec<String>,
    /// The same words unwrapped, for the live region (a screen reader should not hear
    /// the line breaks).
    pub spoken: Vec<String>,
    /// The box, in CSS pixels from the chart's top left.
    pub rect: Rect,
    /// The point described (centre of the marker ring).
    pub point: (f64, f64),
}

/// The column nearest to `x`, if the pointer is within the plot's columns.
pub fn nearest(scene: &Scene, x: f64) -> Option<usize> {
    let (first, last) = (scene.columns.first()?, scene.columns.last()?);
    if x < first.x - first.half - GAP || x > last.x + last.half + GAP {
        return None;
    }
    scene
        .columns
        .iter()
        .enumerate()
        .min_by(|(_, a), (_, b)| (a.x - x).abs().total_cmp(&(b.x - x).abs()))
        .map(|(i, _)| i)
}

/// Which part of a breakdown bar `y` points at (None for other kinds or no split).
pub fn part_at(scene: &Scene, index: usize, y: f64) -> Option<Part> {
    let split = scene.columns.get(index)?.split?;
    Some(if y >= split {
        Part::Exports
    } else {
        Part::Imports
    })
}

/// The tooltip for column `index`, placed inside the `scene`.
pub fn tip(model: &Model, scene: &Scene, index: usize, part: Option<Part>) -> Option<Tip> {
    let col = scene.columns.get(index)?;
    let (w, h) = (f64::from(scene.width), f64::from(scene.height));
    let max_text = crate::num::clamp(w - 2.0 * PAD - 8.0, 60.0, 280.0);
    let spoken = story::tooltip(model, index, part);
    let mut lines = Vec::new();
    for (i, line) in spoken.iter().enumerate() {
        let font = if i == 0 { TITLE_FONT } else { FONT };
        if font.width(line) <= max_text {
            lines.push(line.clone());
            continue;
        }
        // Too long: break at the " · " between facts before breaking inside one.
        let mut current = String::new();
        for fact in line.split(" · ") {
            let joined = if current.is_empty() {
                fact.to_owned()
            } else {
                format!("{current} · {fact}")
            };
            if font.width(&joined) <= max_text || current.is_empty() {
                current = joined;
            } else {
                lines.extend(wrap(&current, font, max_text, 4));
                current = fact.to_owned();
            }
        }
        lines.extend(wrap(&current, font, max_text, 4));
    }
    let text_w = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                TITLE_FONT.width(l)
            } else {
                FONT.width(l)
            }
        })
        .fold(0.0, f64::max);
    let (bw, bh) = (
        (text_w + 2.0 * PAD).ceil().min(w),
        (f64::from(FONT.line_height()) * lines.len() as f64 + 2.0 * PAD).min(h),
    );
    let point = (col.x, part.map_or(col.y, |p| segment_mid(col, p)));
    let (px, py) = point;
    let clamp = |x: f64, y: f64| Rect {
        x0: crate::num::clamp(x, 0.0, (w - bw).max(0.0)),
        y0: crate::num::clamp(y, 0.0, (h - bh).max(0.0)),
        x1: crate::num::clamp(x, 0.0, (w - bw).max(0.0)) + bw,
        y1: crate::num::clamp(y, 0.0, (h - bh).max(0.0)) + bh,
    };
    let candidates = [
        clamp(px + GAP, py - bh - GAP),
        clamp(px - GAP - bw, py - bh - GAP),
        clamp(px + GAP, py + GAP),
        clamp(px - GAP - bw, py + GAP),
        clamp(px - bw / 2.0, py - bh - GAP),
        clamp(px - bw / 2.0, py + GAP),
    ];
    let keep_clear = Rect {
        x0: px - 6.0,
        y0: py - 6.0,
        x1: px + 6.0,
        y1: py + 6.0,
    };
    let rect = candidates
        .iter()
        .find(|r| !r.overlaps(&keep_clear))
        .copied()
        .unwrap_or(clamp(px + GAP, py - bh - GAP));
    Some(Tip {
        index,
        lines,
        spoken,
        rect,
        point,
    })
}

/// The middle of one segment of a breakdown bar: the tooltip points at it.
fn segment_mid(col: &crate::scene::Column, part: Part) -> f64 {
    match (col.split, part) {
        (Some(split), Part::Imports) => (col.y + split) / 2.0,
        (Some(split), Part::Exports) => (split + col.base) / 2.0,
        _ => col.y,
    }
}
