//! Tooltips, decided on the layout rather than by DOM elements per point: which year a
//! pointer or key lands on, what the tooltip says, and where the box goes so that it
//! stays inside the chart and never covers the point it describes, the title, the
//! readout, a milestone label or the year labels.

use crate::model::Model;
use crate::scene::{Rect, Role, Scene};
use crate::story::{self, Part};
use crate::text::{wrap, Font};

pub const FONT: Font = Font::new(12, false);
pub const TITLE_FONT: Font = Font::new(12, true);
pub const PAD: f64 = 8.0;
pub const GAP: f64 = 12.0;

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

/// The tooltip for column `index`, placed inside the `scene`. Its lines are as wide as
/// the chart allows; when such a box has no free place (see `place`: on a phone, the
/// year labels, the milestone markers and the point leave no band tall enough across
/// the whole width), the same words are set narrower, and so taller, to fit beside
/// them. If no shape fits, the widest is placed as well as it can be.
pub fn tip(model: &Model, scene: &Scene, index: usize, part: Option<Part>) -> Option<Tip> {
    let col = scene.columns.get(index)?;
    let (w, h) = (f64::from(scene.width), f64::from(scene.height));
    let widest = crate::num::clamp(w - 2.0 * PAD - 8.0, 60.0, 280.0);
    let spoken = story::tooltip(model, index, part);
    let point = (col.x, part.map_or(col.y, |p| segment_mid(col, p)));
    let levels = keep_clear(scene, point);
    let shape = |max_text: f64| {
        let lines = set(&spoken, max_text);
        let size = size(&lines, w, h);
        (lines, size)
    };
    let (lines, size) = shape(widest);
    let narrower = [0.75, 0.6].into_iter().map(|f| (widest * f).floor());
    let free = std::iter::once((lines.clone(), size))
        .chain(narrower.filter(|m| *m >= 60.0).map(shape))
        .find_map(|(lines, size)| {
            let strict = levels.first()?;
            free_place(scene, point, size, strict).map(|rect| (lines, rect))
        });
    let (lines, rect) = match free {
        Some(found) => found,
        None => {
            let rect = place_in(scene, point, size, &levels);
            (lines, rect)
        }
    };
    Some(Tip {
        index,
        lines,
        spoken,
        rect,
        point,
    })
}

/// The tooltip's words as lines at most `max_text` wide.
fn set(spoken: &[String], max_text: f64) -> Vec<String> {
    let mut lines = Vec::new();
    for (i, line) in spoken.iter().enumerate() {
        let font = if i == 0 { TITLE_FONT } else { FONT };
        if font.width(line) <= max_text {
            lines.push(line.clone());
            continue;
        }
        // Too long: break at the " · " between facts before breaking inside one.
        let mut current = String::new();
        let mut rest = Some(line.as_str());
        while let Some(left) = rest {
            let (fact, after) = match crate::text::split_once_str(left, " · ") {
                Some((fact, after)) => (fact, Some(after)),
                None => (left, None),
            };
            rest = after;
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
    lines
}

/// The box around `lines`, at most the chart's `w` × `h`.
fn size(lines: &[String], w: f64, h: f64) -> (f64, f64) {
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
    (
        (text_w + 2.0 * PAD).ceil().min(w),
        (f64::from(FONT.line_height()) * lines.len() as f64 + 2.0 * PAD).min(h),
    )
}

/// Where a `size` box goes for the point at `point`: beside it (above right, above
/// left, below right, below left, centred above, centred below, in that order), else
/// the free place nearest to it; always inside the chart. Free means clear of the
/// point (6 px around it) and of every text a reader needs while the tip is open: the
/// title, the readout, the milestone labels and the year labels under the plot (the
/// reader finds the year pointed at against them). The value axis, the legend, the
/// footer and the other labels may be covered, as any tooltip covers the chart under it.
///
/// When no place is free (a box nearly as big as a narrow chart), the least bad one
/// is taken, giving way in this order: the year labels may be covered first, then the
/// milestone labels, then the readout, then the title; the point stays clear whenever
/// any place can.
#[cfg(test)]
fn place(scene: &Scene, point: (f64, f64), size: (f64, f64)) -> Rect {
    place_in(scene, point, size, &keep_clear(scene, point))
}

/// `place` with the boxes to keep clear already gathered (`keep_clear`).
fn place_in(scene: &Scene, point: (f64, f64), size: (f64, f64), levels: &[Vec<Rect>]) -> Rect {
    levels
        .iter()
        .find_map(|avoid| free_place(scene, point, size, avoid))
        .unwrap_or_else(|| near(scene, point, size)[0])
}

/// What a tooltip keeps clear, strictest first, then giving way one role at a time (see
/// `place`); the point (6 px around it) in each.
fn keep_clear(scene: &Scene, (px, py): (f64, f64)) -> [Vec<Rect>; 5] {
    let point = Rect {
        x0: px - 6.0,
        y0: py - 6.0,
        x1: px + 6.0,
        y1: py + 6.0,
    };
    let boxes = |roles: &[Role]| -> Vec<Rect> {
        scene
            .texts()
            .filter(|t| roles.contains(&t.role))
            .map(|t| t.bounds().inflate(1.0))
            .chain([point])
            .collect()
    };
    [
        boxes(&[Role::Title, Role::Readout, Role::Milestone, Role::XTick]),
        boxes(&[Role::Title, Role::Readout, Role::Milestone]),
        boxes(&[Role::Title, Role::Readout]),
        boxes(&[Role::Title]),
        boxes(&[]),
    ]
}

/// The box at (x, y), moved inside the chart.
fn at(scene: &Scene, (bw, bh): (f64, f64), x: f64, y: f64) -> Rect {
    let (w, h) = (f64::from(scene.width), f64::from(scene.height));
    let x0 = crate::num::clamp(x, 0.0, (w - bw).max(0.0));
    let y0 = crate::num::clamp(y, 0.0, (h - bh).max(0.0));
    Rect {
        x0,
        y0,
        x1: x0 + bw,
        y1: y0 + bh,
    }
}

/// The places beside the point, in the order they are preferred.
fn near(scene: &Scene, (px, py): (f64, f64), size: (f64, f64)) -> [Rect; 6] {
    let (bw, bh) = size;
    [
        at(scene, size, px + GAP, py - bh - GAP),
        at(scene, size, px - GAP - bw, py - bh - GAP),
        at(scene, size, px + GAP, py + GAP),
        at(scene, size, px - GAP - bw, py + GAP),
        at(scene, size, px - bw / 2.0, py - bh - GAP),
        at(scene, size, px - bw / 2.0, py + GAP),
    ]
}

/// The first place beside the point clear of `avoid`, else the nearest clear one
/// anywhere: every place across (beside the point, centred on it, at either edge) and
/// down (in 2 px steps).
fn free_place(
    scene: &Scene,
    (px, py): (f64, f64),
    size: (f64, f64),
    avoid: &[Rect],
) -> Option<Rect> {
    let (w, h) = (f64::from(scene.width), f64::from(scene.height));
    let (bw, bh) = size;
    let free = |r: &Rect| !avoid.iter().any(|a| a.overlaps(r));
    let distance = |r: &Rect| {
        let dx = (r.x0 - px).max(px - r.x1).max(0.0);
        let dy = (r.y0 - py).max(py - r.y1).max(0.0);
        dx * dx + dy * dy
    };
    let xs = [px + GAP, px - GAP - bw, px - bw / 2.0, 0.0, w - bw];
    let steps = crate::num::sat_u32(((h - bh).max(0.0) / 2.0).floor());
    near(scene, (px, py), size)
        .into_iter()
        .find(free)
        .or_else(|| {
            xs.iter()
                .flat_map(|&x| (0..=steps).map(move |i| at(scene, size, x, f64::from(i) * 2.0)))
                .filter(free)
                .min_by(|a, b| distance(a).total_cmp(&distance(b)))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::{Anchor, Mark, Rgb, Text};

    fn line(y: i32, role: Role) -> Mark {
        Mark::Text(Text {
            x: 0,
            y,
            text: "M".repeat(40),
            font: FONT,
            color: Rgb(0, 0, 0),
            anchor: Anchor::Start,
            role,
        })
    }

    /// A 180×50 box in a 200×120 chart with a title and readout at the top, a milestone
    /// label across the middle and the point near the bottom: no place clears them all,
    /// so the milestone label gives way and the title, readout and point stay clear.
    #[test]
    fn when_nothing_is_free_a_milestone_label_gives_way_first() {
        let scene = Scene {
            width: 200,
            height: 120,
            background: Rgb(255, 255, 255),
            font: String::new(),
            marks: vec![
                line(0, Role::Title),
                line(15, Role::Readout),
                line(70, Role::Milestone),
            ],
            title: String::new(),
            description: String::new(),
            columns: Vec::new(),
        };
        let r = place(&scene, (100.0, 100.0), (180.0, 50.0));
        let bounds = |role: Role| {
            scene
                .texts()
                .find(|t| t.role == role)
                .map(Text::bounds)
                .expect("text")
        };
        assert!(!r.overlaps(&bounds(Role::Title)), "{r:?}");
        assert!(!r.overlaps(&bounds(Role::Readout)), "{r:?}");
        assert!(r.overlaps(&bounds(Role::Milestone)), "{r:?}");
        assert!(r.y1 <= 94.0, "clear of the point: {r:?}");
        assert!(r.x0 >= 0.0 && r.x1 <= 200.0 && r.y0 >= 0.0 && r.y1 <= 120.0);
    }
}
