//! The target: the dashed line with its label (or the key above the plot when the
//! label finds no room) and the mark at the target year.

use super::place::{crosses_series, probe};
use super::scale::{px, Frame};
use super::Layout;
use crate::scene::{Anchor, Mark, Role};
use crate::story;
use crate::text::wrap;

impl Layout<'_> {
    /// The dashed target line and its label; false when the label finds no clear place.
    pub(super) fn target(&mut self, frame: &Frame, series: &[(f64, f64)]) -> bool {
        let Some(target) = &self.model.target else {
            return true;
        };
        let theme = *self.theme;
        let ty = px(frame.y(target.value));
        let tx = px(frame.x(target.year, self.model.kind));
        self.marks.push(Mark::Path {
            points: vec![(px(frame.left), ty), (px(frame.right), ty)],
            color: theme.target,
            width: 2,
            dash: Some((6, 4)),
        });
        let label = match story::target_label(self.model) {
            Some(label) if !self.target_in_key => label,
            // Labelled in the key above the plot instead.
            _ => {
                self.target_tick(tx, ty, 1);
                return true;
            }
        };
        let font = self.fonts.value;
        let lh = f64::from(font.line_height());
        let above = f64::from(ty) - lh - 2.0;
        let below = f64::from(ty) + 3.0;
        // At the right end above the line if it is clear there; else below it, else at
        // the left end (where a rising series usually leaves room).
        let candidates = [
            (frame.right, above, Anchor::End),
            (frame.right, below, Anchor::End),
            (frame.left, above, Anchor::Start),
            (frame.left, below, Anchor::Start),
        ];
        let fits = |&(x, y, anchor): &(f64, f64, Anchor)| {
            let mut t = probe(x, y, &label, font, anchor);
            t.role = Role::TargetLabel;
            let b = t.bounds().inflate(1.0);
            !crosses_series(&b, series, self.model.kind, frame)
                && !self.taken.iter().any(|o| o.overlaps(&b))
        };
        let Some((x, y, anchor)) = candidates.iter().find(|c| fits(c)).copied() else {
            return false;
        };
        self.text((x, y), label, font, theme.target, anchor, Role::TargetLabel);
        self.target_tick(tx, ty, if y < f64::from(ty) { 1 } else { -1 });
        true
    }

    /// The target's key above the plot: a dashed swatch and the label.
    pub(super) fn target_key(&mut self, y: f64) -> f64 {
        let Some(label) = story::target_label(self.model) else {
            return y;
        };
        let font = self.fonts.value;
        let lh = f64::from(font.line_height());
        let mid = px(y + lh / 2.0);
        self.marks.push(Mark::Path {
            points: vec![(0, mid), (16, mid)],
            color: self.theme.target,
            width: 2,
            dash: Some((6, 4)),
        });
        let lines = wrap(&label, font, self.width - 22.0, 2);
        let mut y = y;
        for line in lines {
            self.text(
                (22.0, y),
                line,
                font,
                self.theme.target,
                Anchor::Start,
                Role::TargetLabel,
            );
            y += lh;
        }
        y
    }

    /// The target year: a short solid tick on the dashed line, on the side away from
    /// its label (`side` 1 = below the line, -1 = above).
    pub(super) fn target_tick(&mut self, x: i32, y: i32, side: i32) {
        self.marks.push(Mark::Path {
            points: vec![(x, y), (x, y + side * 7)],
            color: self.theme.target,
            width: 2,
            dash: None,
        });
    }
}
