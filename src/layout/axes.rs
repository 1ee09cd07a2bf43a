//! The axes: y ticks (nice steps from zero, the unit on the top one) with their
//! horizontal grid lines, and the year labels under the plot, thinned to fit.

use super::scale::{decimals_of, nice_step, px, Frame};
use super::{Layout, NARROW};
use crate::num::sat_u32;
use crate::scene::{Anchor, Mark, Role};

impl Layout<'_> {
    /// Y ticks: nice steps from zero to cover the data and the target, as (value,
    /// label) from the bottom up; the last is the top of the scale.
    pub(super) fn y_ticks(&self, top: f64, bottom: f64) -> Vec<(f64, String)> {
        let m = self.model;
        let max_count = sat_u32(crate::num::clamp(((bottom - top) / 34.0).floor(), 2.0, 6.0));
        let (step, _) = nice_step(m.max_value(), max_count);
        // nice_step gives at most max_count steps; the clamp keeps a float surprise from
        // asking for billions of tick labels.
        let steps = sat_u32(crate::num::clamp((m.max_value() / step).ceil(), 1.0, 12.0));
        let (money, locale) = (m.money(), m.locale);
        // Ticks are written in the locale's counting unit (亿 count ten to a billion).
        let decimals = decimals_of(step * locale.tick_scale(money));
        (0..=steps)
            .map(|i| {
                let v = f64::from(i) * step;
                let label = if i == steps {
                    locale.top_tick(v, decimals, money)
                } else {
                    locale.number(v * locale.tick_scale(money), decimals)
                };
                (v, label)
            })
            .collect()
    }

    /// Grid: horizontal lines only, labels above them at the left.
    pub(super) fn grid(&mut self, frame: &Frame, ticks: Vec<(f64, String)>) {
        let theme = *self.theme;
        let tick_h = f64::from(self.fonts.tick.line_height());
        for (v, label) in ticks {
            let gy = px(frame.y(v));
            let color = if v == 0.0 { theme.baseline } else { theme.grid };
            self.marks.push(Mark::Path {
                points: vec![(0, gy), (px(frame.right), gy)],
                color,
                width: 1,
                dash: None,
            });
            let ty = f64::from(gy) - tick_h;
            self.text(
                (0.0, ty),
                label,
                self.fonts.tick,
                theme.muted,
                Anchor::Start,
                Role::YTick,
            );
        }
    }

    pub(super) fn x_labels(&mut self, frame: &Frame) {
        let narrow = self.width < NARROW;
        let font = self.fonts.tick;
        let kind = self.model.kind;
        let label = |year: i32, first: bool| {
            if narrow && !first {
                format!("'{:02}", year.rem_euclid(100))
            } else {
                year.to_string()
            }
        };
        let widest = font.width(&label(frame.x_max, false));
        let per_year = if frame.x_max > frame.x_min {
            (frame.x(frame.x_max, kind) - frame.x(frame.x_min, kind))
                / f64::from(frame.x_max - frame.x_min)
        } else {
            f64::INFINITY
        };
        let step = [1, 2, 5, 10, 20, 25, 50, 100]
            .into_iter()
            .find(|s| f64::from(*s) * per_year >= (widest * 2.2).max(widest + 10.0))
            .unwrap_or(100);
        // Every other year reads as clutter on a long span: count in fives instead.
        let step = if step == 2 && frame.x_max - frame.x_min > 12 {
            5
        } else {
            step
        };
        let mut years: Vec<i32> = (frame.x_min..=frame.x_max)
            .filter(|y| y.rem_euclid(step) == 0)
            .collect();
        if years.is_empty() {
            years.push(frame.x_min);
        }
        // The last year is always shown; a regular label too close to it gives way.
        let last = frame.x_max;
        if years.last() != Some(&last) {
            let last_x = frame.x(last, kind);
            let last_w = font.width(&label(last, false));
            years.retain(|y| {
                let y_w = font.width(&label(*y, false));
                (last_x - frame.x(*y, kind)) >= (last_w + y_w) / 2.0 + 6.0
            });
            years.push(last);
        }
        let y = frame.bottom + 6.0;
        for (i, year) in years.iter().enumerate() {
            let text = label(*year, i == 0);
            let half = font.width(&text) / 2.0;
            let x = crate::num::clamp(frame.x(*year, kind), half, self.width - half);
            self.text(
                (x, y),
                text,
                font,
                self.theme.muted,
                Anchor::Middle,
                Role::XTick,
            );
        }
    }
}
