//! Milestones: a dot on the series and a label at the end of a short leader line, or,
//! when narrow or crowded, a number explained in the footer.

use super::place::{crosses_series, crosses_target, probe};
use super::scale::{px, Frame};
use super::Layout;
use crate::scene::{Anchor, Mark, Rect, Role};
use crate::story;

impl Layout<'_> {
    /// Places milestone labels with leader lines, or numbered markers. Returns false
    /// when a label cannot be placed without a collision (the caller then numbers them).
    pub(super) fn milestones(
        &mut self,
        frame: &Frame,
        series: &[(f64, f64)],
        header_bottom: f64,
    ) -> bool {
        let theme = *self.theme;
        let m = self.model;
        let font = self.fonts.label;
        let lh = f64::from(font.line_height());
        let area = Rect {
            x0: 0.0,
            y0: header_bottom,
            x1: self.width,
            y1: frame.bottom,
        };
        for (i, ms) in m.milestones.iter().enumerate() {
            let Some(index) = m.drawn().iter().position(|p| p.year == ms.year) else {
                continue;
            };
            let label = story::local(m, &ms.label);
            let Some(&(x, y)) = series.get(index) else {
                continue;
            };
            let (x, y) = (f64::from(px(x)), f64::from(px(y)));
            // A milestone after the `asOf` date (drawn only with `reveal`) was not known
            // on that date: faint like the later line, its label in the faint hue that
            // still reads as text.
            let later = m.cutoff.is_some_and(|c| ms.year > c);
            let (mark_color, text_color) = if later {
                (theme.faint, theme.faint_text)
            } else {
                (theme.milestone, theme.milestone)
            };
            self.marks.push(Mark::Circle {
                center: (px(x), px(y)),
                radius: 4,
                color: mark_color,
                fill: true,
                width: 1,
            });
            let free = |b: Rect, this: &Self| {
                let b2 = b.inflate(2.0);
                b.x0 >= area.x0
                    && b.x1 <= area.x1
                    && b.y0 >= area.y0
                    && b.y1 <= area.y1
                    && !this.taken.iter().any(|o| o.overlaps(&b2))
                    && !crosses_series(&b2, series, m.kind, frame)
                    && !crosses_target(&b2, this.model, frame)
            };
            if self.numbered {
                let text = (i + 1).to_string();
                let nf = self.fonts.value;
                let nh = f64::from(nf.line_height());
                let candidates = [
                    (x, y - 8.0 - nh, Anchor::Middle),
                    (x, y + 8.0, Anchor::Middle),
                    (x - 8.0, y - nh / 2.0, Anchor::End),
                    (x + 8.0, y - nh / 2.0, Anchor::Start),
                    (x - 8.0, y - 8.0 - nh, Anchor::End),
                    (x + 8.0, y + 6.0, Anchor::Start),
                ];
                let fit = candidates
                    .iter()
                    .find(|(cx, cy, a)| free(probe(*cx, *cy, &text, nf, *a).bounds(), self))
                    .copied();
                let (cx, cy, a) = fit.unwrap_or((x, y - 8.0 - nh, Anchor::Middle));
                self.text((cx, cy), text, nf, text_color, a, Role::Milestone);
                continue;
            }
            // Candidates in order of preference: a leader up, then sideways, then down;
            // the label beside the leader's far end.
            let mut candidates: Vec<(f64, f64)> = vec![(0.0, -28.0)];
            candidates.extend([(-10.0, 0.0), (10.0, 0.0)]);
            candidates.extend([-44.0, -60.0, -76.0, 28.0, 44.0, 60.0, 76.0].map(|dy| (0.0, dy)));
            let fit = candidates
                .iter()
                .flat_map(|&(dx, dy)| {
                    let anchors: &[Anchor] = match dx {
                        d if d < 0.0 => &[Anchor::End],
                        d if d > 0.0 => &[Anchor::Start],
                        _ => &[Anchor::End, Anchor::Start],
                    };
                    anchors.iter().map(move |a| (dx, dy, *a))
                })
                .find_map(|(dx, dy, anchor)| {
                    let (lx, ly) = (x + dx, y + dy);
                    let tx = match anchor {
                        Anchor::End => lx - 4.0,
                        _ => lx + 4.0,
                    };
                    let t = probe(tx, ly - lh / 2.0, &label, font, anchor);
                    free(t.bounds(), self).then_some((dx, dy, t))
                });
            let Some((dx, dy, t)) = fit else {
                return false;
            };
            // Not f64::signum: it gives 1 for 0, which would slant a vertical leader.
            let sign = |d: f64| {
                if d > 0.0 {
                    1.0
                } else if d < 0.0 {
                    -1.0
                } else {
                    0.0
                }
            };
            let start = (x + sign(dx) * 6.0, y + sign(dy) * 6.0);
            self.marks.push(Mark::Path {
                points: vec![(px(start.0), px(start.1)), (px(x + dx), px(y + dy))],
                color: mark_color,
                width: 1,
                dash: None,
            });
            self.text(
                (f64::from(t.x), f64::from(t.y)),
                t.text,
                font,
                text_color,
                t.anchor,
                Role::Milestone,
            );
        }
        true
    }
}
