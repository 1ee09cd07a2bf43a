//! The data marks: where each point sits, the line (with its points) or the bars, the
//! `asOf` projection to the target, and the label of the last value.

use super::scale::{px, Frame};
use super::Layout;
use crate::model::Point;
use crate::scene::{Anchor, Mark, Rgb, Role};
use crate::spec::Kind;

impl Layout<'_> {
    /// The last value a reader could see, labelled to the right of its point.
    pub(super) fn value_label(&mut self, frame: &Frame, series: &[(f64, f64)], height: f64) {
        let m = self.model;
        let theme = *self.theme;
        let Some(&(lx, ly)) = series.get(m.visible().len().saturating_sub(1)) else {
            return;
        };
        let lh = f64::from(self.fonts.value.line_height());
        let y = crate::num::clamp(ly - lh / 2.0, 0.0, height - lh);
        // Beside the point, or beside the bar's right edge.
        let (dx, color) = match m.kind {
            Kind::Line => (7.0, theme.series),
            Kind::Bars => (frame.band() / 2.0 + 4.0, theme.series),
            Kind::Breakdown => (frame.band() / 2.0 + 4.0, theme.text),
        };
        self.text(
            (lx + dx, y),
            m.unit_value(m.last().value),
            self.fonts.value,
            color,
            Anchor::Start,
            Role::ValueLabel,
        );
    }

    /// Pixel positions of each drawn point (for bars, the top centre of the bar).
    pub(super) fn series_points(&self, frame: &Frame) -> Vec<(f64, f64)> {
        let kind = self.model.kind;
        self.model
            .drawn()
            .iter()
            .map(|p| {
                let top = match (kind, p.exports, p.imports) {
                    (Kind::Breakdown, Some(e), Some(i)) => e + i,
                    _ => p.value,
                };
                (frame.x(p.year, kind), frame.y(top))
            })
            .collect()
    }

    /// With `asOf`: a dashed line from the last value a reader could see to the target,
    /// at the yearly growth it needed.
    pub(super) fn projection(&mut self, frame: &Frame) {
        let m = self.model;
        let (Some(_), Some((rate, from)), Some(t)) = (m.as_of, m.needed_pace(), &m.target) else {
            return;
        };
        let points: Vec<(i32, i32)> = (from.year..=t.year)
            .map(|y| {
                // Between the last value and the target, both on the axis; the clamp keeps
                // float overflow from sending the line off the picture.
                let v = from.value * (1.0 + rate).powi(y - from.year);
                let v = if v.is_finite() {
                    crate::num::clamp(v, 0.0, frame.y_max)
                } else {
                    frame.y_max
                };
                (px(frame.x(y, m.kind)), px(frame.y(v)))
            })
            .collect();
        self.marks.push(Mark::Path {
            points,
            color: self.theme.series,
            width: 2,
            dash: Some((3, 3)),
        });
    }

    pub(super) fn series(&mut self, frame: &Frame, series: &[(f64, f64)]) {
        let m = self.model;
        let seen = m.visible().len();
        match m.kind {
            Kind::Line => self.line(series, seen),
            Kind::Bars | Kind::Breakdown => {
                for (i, (p, &(x, _))) in m.drawn().iter().zip(series).enumerate() {
                    self.bar(frame, p, x, i >= seen);
                }
            }
        }
    }

    pub(super) fn line(&mut self, series: &[(f64, f64)], seen: usize) {
        let theme = *self.theme;
        let m = self.model;
        let pts: Vec<(i32, i32)> = series.iter().map(|&(x, y)| (px(x), px(y))).collect();
        // What happened after the `asOf` date: faint, from the last visible point on.
        if let Some(later) = pts.get(seen.saturating_sub(1)..).filter(|r| r.len() > 1) {
            self.marks.push(Mark::Path {
                points: later.to_vec(),
                color: theme.faint,
                width: 2,
                dash: None,
            });
        }
        self.marks.push(Mark::Path {
            points: pts.get(..seen).unwrap_or(&pts).to_vec(),
            color: theme.series,
            width: 2,
            dash: None,
        });
        let ring = |marks: &mut Vec<Mark>, center, radius, color| {
            marks.push(Mark::Circle {
                center,
                radius,
                color: theme.background,
                fill: true,
                width: 1,
            });
            marks.push(Mark::Circle {
                center,
                radius,
                color,
                fill: false,
                width: 2,
            });
        };
        for (i, (p, &center)) in m.drawn().iter().zip(&pts).enumerate() {
            let color = if i < seen { theme.series } else { theme.faint };
            let last = i + 1 == seen;
            match (p.estimate, last) {
                // Estimates are hollow; the last visible point is marked, filled if real.
                (true, _) => ring(&mut self.marks, center, if last { 4 } else { 3 }, color),
                (false, true) => self.marks.push(Mark::Circle {
                    center,
                    radius: 4,
                    color,
                    fill: true,
                    width: 1,
                }),
                (false, false) => {}
            }
        }
    }

    /// One bar: solid, or outlined when an estimate (shape, not colour, tells them
    /// apart); stacked exports and imports for the breakdown when the split is known,
    /// outlined when the split is only estimated.
    pub(super) fn bar(&mut self, frame: &Frame, p: &Point, x: f64, later: bool) {
        let theme = *self.theme;
        let band = frame.band();
        let gap = if band > 6.0 {
            2.0
        } else if band > 3.0 {
            1.0
        } else {
            0.0
        };
        let half = ((band - gap) / 2.0).max(0.5);
        let (x0, x1) = (px(x - half), px(x + half).max(px(x - half) + 1));
        let main = if later { theme.faint } else { theme.series };
        let mut rect = |lo: f64, hi: f64, color: Rgb, fill: bool| {
            let (y0, y1) = (px(frame.y(hi)), px(frame.y(lo)));
            self.marks.push(Mark::Rect {
                x0,
                y0,
                x1,
                y1,
                color,
                fill,
            });
        };
        match (self.model.kind, p.exports, p.imports) {
            // A derived split is outlined like an estimated total: the parts are
            // no more certain than a total that was never reported.
            (Kind::Breakdown, Some(e), Some(i)) => {
                let imports = if later { theme.faint } else { theme.imports };
                let solid = !(p.estimate || p.split_estimate);
                rect(0.0, e, main, solid);
                rect(e, e + i, imports, solid);
            }
            (Kind::Breakdown, _, _) => rect(
                0.0,
                p.value,
                if later { theme.faint } else { theme.total_only },
                !p.estimate,
            ),
            _ => rect(0.0, p.value, main, !p.estimate),
        }
    }
}
