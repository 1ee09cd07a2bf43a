//! The target: the dashed line with its label (or the key above the plot when the
//! label finds no room) and the dotted line dropped at the target year.

use super::place::{crosses_series, probe, target_year_drop};
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
        self.marks.push(Mark::Path {
            points: vec![(px(frame.left), ty), (px(frame.right), ty)],
            color: theme.target,
            width: 2,
            dash: Some((6, 4)),
        });
        let label = match story::target_label(self.model) {
            Some(label) if !self.target_in_key => label,
            // Labelled in the key above the plot instead.
            _ => return true,
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
                && !target_year_drop(self.model, frame)
                    .is_some_and(|(a, c)| b.crosses_segment(a, c))
                && !self.taken.iter().any(|o| o.overlaps(&b))
        };
        let Some((x, y, anchor)) = candidates.iter().find(|c| fits(c)).copied() else {
            return false;
        };
        self.text((x, y), label, font, theme.target, anchor, Role::TargetLabel);
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

    /// The target year: a thin dotted line from the target line down to the baseline,
    /// so the goal reads as a corner, "this much by then", and a series crossing the
    /// target left of it visibly came early. (A short tick under the dashed line read
    /// as a stray "r" at every width.) Placed last, when every text is known, so it
    /// can break around any label it would run through, and inserted at `under` (the
    /// marks before the series): a line passes over it, and a bar at the target year
    /// hides it, the bar standing at that year itself.
    pub(super) fn target_year(&mut self, frame: &Frame, under: usize) {
        let Some(((x, top), (_, bottom))) = target_year_drop(self.model, frame) else {
            return;
        };
        // The y ranges of texts the line would run through, with a 2 px margin.
        let gaps: Vec<(f64, f64)> = self
            .taken
            .iter()
            .map(|r| r.inflate(2.0))
            .filter(|r| r.x0 <= x && x <= r.x1 && r.y0 < bottom && top < r.y1)
            .map(|r| (r.y0, r.y1))
            .collect();
        let mut pieces = Vec::new();
        let mut from = top;
        // Down the line, gap by gap (the nearest first; a handful, so no sort: the
        // standard sorts would cost the wasm 3 KB gzipped). Each step moves `from`
        // past one more gap, so this ends.
        loop {
            let next = gaps
                .iter()
                .filter(|g| g.1 > from)
                .min_by(|a, b| a.0.total_cmp(&b.0))
                .copied();
            let end = next.map_or(bottom, |g| g.0.min(bottom));
            // Pieces shorter than a dot and a gap would read as specks.
            if end - from >= 6.0 {
                pieces.push(Mark::Path {
                    points: vec![(px(x), px(from)), (px(x), px(end))],
                    color: self.theme.target,
                    width: 1,
                    dash: Some((2, 3)),
                });
            }
            match next {
                Some((_, g1)) if g1 < bottom => from = from.max(g1),
                _ => break,
            }
        }
        let at = under.min(self.marks.len());
        self.marks.splice(at..at, pieces);
    }
}
