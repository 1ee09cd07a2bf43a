//! The texts around the plot: the title and readout above it, the breakdown's legend,
//! the footer below it, and `text`, through which every text of the chart is placed.

use super::place::inside;
use super::scale::px;
use super::Layout;
use crate::scene::{Anchor, Mark, Rgb, Role, Text};
use crate::spec::Kind;
use crate::story;
use crate::text::{wrap, Font};

impl Layout<'_> {
    /// The texts above the plot: title, readout, the breakdown's legend and the
    /// target's key when it has one. Returns the title and the y below the header.
    pub(super) fn header(&mut self) -> (String, f64) {
        let m = self.model;
        let theme = *self.theme;
        let title = story::title(m);
        let title_lines = wrap(&title, self.fonts.title, self.width, 4);
        let mut y = self.block(title_lines, 0.0, self.fonts.title, theme.title, Role::Title);
        y += 2.0;
        let readout = self.readout_lines();
        y = self.block(readout, y, self.fonts.readout, theme.muted, Role::Readout);
        if m.kind == Kind::Breakdown {
            y = self.legend(y + 6.0);
        }
        if self.target_in_key {
            y = self.target_key(y + 6.0);
        }
        (title, y + 8.0)
    }

    /// Places a text whose line box starts at `(x, y)` (for `Anchor::Start`).
    pub(super) fn text(
        &mut self,
        (x, y): (f64, f64),
        text: String,
        font: Font,
        color: Rgb,
        anchor: Anchor,
        role: Role,
    ) {
        let (x, text) = inside(x, text, font, anchor, self.width);
        let t = Text {
            x,
            y: px(y),
            text,
            font,
            color,
            anchor,
            role,
        };
        self.taken.push(t.bounds());
        self.marks.push(Mark::Text(t));
    }

    /// Writes wrapped lines from the top at `y`; returns the y below them.
    pub(super) fn block(
        &mut self,
        lines: Vec<String>,
        y: f64,
        font: Font,
        color: Rgb,
        role: Role,
    ) -> f64 {
        let mut y = y;
        for line in lines {
            self.text((0.0, y), line, font, color, Anchor::Start, role);
            y += f64::from(font.line_height());
        }
        y
    }

    pub(super) fn readout_lines(&self) -> Vec<String> {
        let parts = story::readout(self.model);
        let joined = parts.join(" · ");
        let font = self.fonts.readout;
        if font.width(&joined) <= self.width {
            return vec![joined];
        }
        // Too long for one line: each part starts its own line, so no part is split
        // across a line break when it can be avoided.
        parts
            .iter()
            .flat_map(|p| wrap(p, font, self.width, 3))
            .take(5)
            .collect()
    }

    pub(super) fn footer_lines(&self) -> Vec<String> {
        let mut sentences: Vec<String> = Vec::new();
        if self.numbered {
            for (i, m) in self.model.milestones.iter().enumerate() {
                let label = story::local(self.model, &m.label);
                sentences.push(format!("{}: {label} ({})", i + 1, m.year));
            }
        }
        sentences.extend(story::footer(self.model));
        sentences
            .iter()
            .flat_map(|s| wrap(s, self.fonts.footer, self.width, 3))
            .collect()
    }

    /// The breakdown's legend: a swatch and a name for each part, in one row if it fits.
    pub(super) fn legend(&mut self, y: f64) -> f64 {
        let (exports, imports) = story::parts(self.model);
        let font = self.fonts.label;
        let lh = f64::from(font.line_height());
        let (mut x, mut y) = (0.0, y);
        for (name, color) in [(exports, self.theme.series), (imports, self.theme.imports)] {
            let w = 16.0 + font.width(&name);
            if x > 0.0 && x + w > self.width {
                x = 0.0;
                y += lh + 2.0;
            }
            let top = px(y + (lh - 10.0) / 2.0);
            self.marks.push(Mark::Rect {
                x0: px(x),
                y0: top,
                x1: px(x) + 10,
                y1: top + 10,
                color,
                fill: true,
            });
            self.text(
                (x + 14.0, y),
                name,
                font,
                self.theme.text,
                Anchor::Start,
                Role::Legend,
            );
            x += w + 14.0;
        }
        y + lh
    }
}
