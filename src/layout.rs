//! Model + size -> Scene: scales, nice ticks, text placement with our own metrics.
//! Pure arithmetic: the same model and size give the same scene everywhere.

use crate::model::{Model, Point};
use crate::num::{round_i32, sat_u32, u32_to_i32};
use crate::scene::{Anchor, Column, Mark, Rect, Rgb, Role, Scene, Text};
use crate::spec::Kind;
use crate::story;
use crate::text::{wrap, Font};
use crate::theme::Theme;

pub const MIN_WIDTH: f64 = 120.0;
pub const MAX_WIDTH: f64 = 4000.0;
/// Below this width milestones become numbered markers explained under the chart.
pub const NARROW: f64 = 480.0;

/// Height when neither the caller nor the spec fixes it: follows width within bounds,
/// and depends on width alone, so a container resized to it settles in one pass.
pub fn auto_height(width: f64) -> f64 {
    crate::num::clamp((width * 0.62).round(), 260.0, 480.0)
}

/// Lays out the chart at `width` CSS pixels. `height` overrides the spec's height.
pub fn layout(model: &Model, width: f64, height: Option<f64>, theme: &Theme) -> Scene {
    layout_stretched(model, width, height, theme, 1.0)
}

/// `layout` for a font that runs `stretch` times as wide as Helvetica/Arial (the host
/// page's font, measured once by the browser edge); 1 gives exactly `layout`.
pub fn layout_stretched(
    model: &Model,
    width: f64,
    height: Option<f64>,
    theme: &Theme,
    stretch: f64,
) -> Scene {
    let width = if width.is_finite() {
        crate::num::clamp(width.round(), MIN_WIDTH, MAX_WIDTH)
    } else {
        640.0
    };
    let height = height.filter(|h| h.is_finite()).or(model.height).map(|h| {
        crate::num::clamp(
            h.round(),
            crate::validate::HEIGHTS.0,
            crate::validate::HEIGHTS.1,
        )
    });
    // Labels go where they read best; when one cannot be placed without a collision,
    // the layout is redone with that label moved out of the plot: milestones become
    // numbered markers explained under the chart, the target label a key above it.
    let mut plan = Plan {
        numbered: width < NARROW,
        target_in_key: false,
    };
    for _ in 0..3 {
        match Layout::new(model, width, height, theme, plan, stretch).build() {
            Ok(scene) => return scene,
            Err(Misfit::Milestones) => plan.numbered = true,
            Err(Misfit::TargetLabel) => plan.target_in_key = true,
        }
    }
    // Numbered markers and the key always fit, so this is not reached in practice.
    empty_scene(width, theme)
}

#[derive(Debug, Clone, Copy)]
struct Plan {
    numbered: bool,
    target_in_key: bool,
}

/// A label the plot had no room for.
enum Misfit {
    Milestones,
    TargetLabel,
}

fn empty_scene(width: f64, theme: &Theme) -> Scene {
    Scene {
        width: sat_u32(width),
        height: sat_u32(auto_height(width)),
        background: theme.background,
        font: crate::text::FAMILY.into(),
        marks: Vec::new(),
        title: String::new(),
        description: String::new(),
        columns: Vec::new(),
    }
}

struct Fonts {
    title: Font,
    readout: Font,
    tick: Font,
    label: Font,
    value: Font,
    footer: Font,
}

struct Layout<'a> {
    model: &'a Model,
    theme: &'a Theme,
    width: f64,
    fixed_height: Option<f64>,
    numbered: bool,
    target_in_key: bool,
    fonts: Fonts,
    marks: Vec<Mark>,
    /// Boxes of texts placed so far; later labels must not overlap them.
    taken: Vec<Rect>,
}

/// Where the plot sits and how values map to pixels.
struct Frame {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    y_max: f64,
    x_min: i32,
    x_max: i32,
}

impl Frame {
    fn y(&self, v: f64) -> f64 {
        self.bottom - (v / self.y_max) * (self.bottom - self.top)
    }

    fn band(&self) -> f64 {
        (self.right - self.left) / f64::from(self.x_max - self.x_min + 1)
    }

    fn x(&self, year: i32, kind: Kind) -> f64 {
        let offset = f64::from(year - self.x_min);
        match kind {
            Kind::Bars | Kind::Breakdown => self.left + (offset + 0.5) * self.band(),
            Kind::Line if self.x_max == self.x_min => (self.left + self.right) / 2.0,
            Kind::Line => {
                self.left + offset / f64::from(self.x_max - self.x_min) * (self.right - self.left)
            }
        }
    }
}

fn px(v: f64) -> i32 {
    // Saturating; layout values are bounded by the clamped width and height.
    round_i32(v)
}

/// Decimals needed to write multiples of `step` exactly (0 to 6).
fn decimals_of(step: f64) -> u32 {
    (0u32..6)
        .find(|d| {
            let scaled = step * 10f64.powi(u32_to_i32(*d));
            (scaled - scaled.round()).abs() < 1e-6 * scaled.abs().max(1.0)
        })
        .unwrap_or(6)
}

/// A "nice" step (1, 2, 2.5 or 5 times a power of ten) giving at most `count` steps to
/// cover `max`, and the number of decimals its labels need.
pub fn nice_step(max: f64, count: u32) -> (f64, u32) {
    // Below TINY the step's power of ten underflows to 0 (subnormal data such as 5e-324
    // gave a zero step: endless ticks, or a loop that never ended). Values that small
    // are drawn on the 0–1 scale of an all-zero series.
    const TINY: f64 = 1e-290;
    let max = if max.is_finite() && max >= TINY {
        max
    } else {
        1.0
    };
    let raw = max / f64::from(count.max(1));
    let mut magnitude = 10f64.powf(raw.log10().floor());
    let mut decimals = sat_u32(-raw.log10().floor());
    // magnitude <= raw < 10 × magnitude (up to rounding), so the first or second decade
    // has a step; the bound only keeps a float surprise from looping for ever.
    for _ in 0..4 {
        for (m, extra) in [(1.0, 0), (2.0, 0), (2.5, 1), (5.0, 0)] {
            let step = m * magnitude;
            if step > 0.0 && step >= raw * (1.0 - 1e-9) {
                let needs_extra = extra > 0 && magnitude < 10.0;
                return (step, (decimals + u32::from(needs_extra)).min(6));
            }
        }
        magnitude *= 10.0;
        decimals = decimals.saturating_sub(1);
    }
    (raw, 6)
}

impl<'a> Layout<'a> {
    fn new(
        model: &'a Model,
        width: f64,
        fixed_height: Option<f64>,
        theme: &'a Theme,
        plan: Plan,
        stretch: f64,
    ) -> Self {
        let narrow = width < NARROW;
        Layout {
            model,
            theme,
            width,
            fixed_height,
            numbered: plan.numbered,
            target_in_key: plan.target_in_key,
            fonts: Fonts {
                title: Font::new(if narrow { 18 } else { 20 }, true).stretched(stretch),
                readout: Font::new(14, false).stretched(stretch),
                tick: Font::new(12, false).stretched(stretch),
                label: Font::new(12, false).stretched(stretch),
                value: Font::new(12, true).stretched(stretch),
                footer: Font::new(if narrow { 11 } else { 12 }, false).stretched(stretch),
            },
            marks: Vec::new(),
            taken: Vec::new(),
        }
    }

    /// Places a text whose line box starts at `(x, y)` (for `Anchor::Start`).
    fn text(
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
    fn block(&mut self, lines: Vec<String>, y: f64, font: Font, color: Rgb, role: Role) -> f64 {
        let mut y = y;
        for line in lines {
            self.text((0.0, y), line, font, color, Anchor::Start, role);
            y += f64::from(font.line_height());
        }
        y
    }

    fn readout_lines(&self) -> Vec<String> {
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

    fn footer_lines(&self) -> Vec<String> {
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

    fn build(mut self) -> Result<Scene, Misfit> {
        let m = self.model;
        let theme = *self.theme;
        let w = self.width;

        // Header: title, then the readout.
        let title = story::title(m);
        let title_lines = wrap(&title, self.fonts.title, w, 4);
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
        let header_bottom = y + 8.0;

        // Footer height first: the plot takes what is left.
        let footer = self.footer_lines();
        let footer_h = f64::from(self.fonts.footer.line_height()) * footer.len() as f64;
        let tick_h = f64::from(self.fonts.tick.line_height());
        let x_axis_h = tick_h + 6.0;
        let min_plot = 170.0;
        let chrome = header_bottom + tick_h + x_axis_h + 10.0 + footer_h;
        // A fixed height (the spec's or the caller's) is kept unless the texts need more:
        // then the chart grows to hold them and a 40 px plot rather than drawing the
        // footer over the plot or below the picture.
        let height = match self.fixed_height {
            Some(h) => h.max((chrome + 40.0).ceil()),
            None => auto_height(w).max((chrome + min_plot).ceil()),
        };
        let top = header_bottom + tick_h;
        let bottom = (height - footer_h - 10.0 - x_axis_h).max(top + 40.0);

        // Y scale: nice ticks from zero to cover the data and the target.
        let max_count = sat_u32(crate::num::clamp(((bottom - top) / 34.0).floor(), 2.0, 6.0));
        let (step, _) = nice_step(m.max_value(), max_count);
        // nice_step gives at most max_count steps; the clamp keeps a float surprise from
        // asking for billions of tick labels.
        let steps = sat_u32(crate::num::clamp((m.max_value() / step).ceil(), 1.0, 12.0));
        let y_max = f64::from(steps) * step;
        let (money, locale) = (m.money(), m.locale);
        // Ticks are written in the locale's counting unit (亿 count ten to a billion).
        let decimals = decimals_of(step * locale.tick_scale(money));
        let tick_labels: Vec<(f64, String)> = (0..=steps)
            .map(|i| {
                let v = f64::from(i) * step;
                let label = if i == steps {
                    locale.top_tick(v, decimals, money)
                } else {
                    locale.number(v * locale.tick_scale(money), decimals)
                };
                (v, label)
            })
            .collect();
        // The unit rides on the top tick only, above the highest grid line, where the
        // data rarely reaches the left edge: the plain labels set the left margin.
        let label_w = tick_labels
            .iter()
            .rev()
            .skip(1)
            .map(|(_, l)| self.fonts.tick.width(l))
            .fold(0.0, f64::max);
        let left = (label_w + 8.0).min(w / 3.0);
        let value_label = m.unit_value(m.last().value);
        let target_year = m.target.as_ref().map(|t| t.year);
        let drawn = m.drawn();
        let (first_year, last_year) = (
            drawn.first().map_or(m.first().year, |p| p.year),
            drawn.last().map_or(m.last().year, |p| p.year),
        );
        let (x_min, x_max) = (
            first_year.min(target_year.unwrap_or(i32::MAX)),
            last_year.max(target_year.unwrap_or(i32::MIN)),
        );
        // Room on the right for the last value's label; bars also need half a band,
        // since the label starts at the bar's edge, not its centre.
        let reserve = self.fonts.value.width(&value_label) + 10.0;
        let half_band = match m.kind {
            Kind::Line => 0.0,
            _ => (w - reserve - left).max(0.0) / f64::from(x_max - x_min + 1) / 2.0,
        };
        let right = w - reserve - half_band;
        let frame = Frame {
            left,
            right: right.max(left + 20.0),
            top,
            bottom,
            y_max,
            x_min,
            x_max,
        };

        // Grid: horizontal lines only, labels above them at the left.
        for (v, label) in tick_labels {
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

        self.x_labels(&frame);
        let series = self.series_points(&frame);
        // The series first, so the target line is drawn over bars, not hidden behind them.
        self.series(&frame, &series);
        if !self.target(&frame, &series) {
            return Err(Misfit::TargetLabel);
        }
        self.projection(&frame);

        // The last value a reader could see, labelled to the right of its point.
        if let Some(&(lx, ly)) = series.get(m.visible().len().saturating_sub(1)) {
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
                value_label,
                self.fonts.value,
                color,
                Anchor::Start,
                Role::ValueLabel,
            );
        }

        if !self.milestones(&frame, &series, header_bottom) {
            return Err(Misfit::Milestones);
        }

        let footer_top = height - footer_h;
        self.block(
            footer,
            footer_top,
            self.fonts.footer,
            theme.muted,
            Role::Footer,
        );

        let half = match m.kind {
            Kind::Line => {
                (frame.right - frame.left) / f64::from((frame.x_max - frame.x_min).max(1)) / 2.0
            }
            _ => frame.band() / 2.0,
        };
        let columns = drawn
            .iter()
            .zip(&series)
            .map(|(p, &(x, y))| Column {
                year: p.year,
                x,
                y,
                split: match (m.kind, p.exports, p.imports) {
                    (Kind::Breakdown, Some(e), Some(_)) => Some(frame.y(e)),
                    _ => None,
                },
                half,
                base: frame.y(0.0),
            })
            .collect();
        Ok(Scene {
            width: sat_u32(w),
            height: sat_u32(height.max(1.0)),
            background: theme.background,
            font: crate::text::FAMILY.into(),
            marks: self.marks,
            title,
            description: story::description(m),
            columns,
        })
    }

    /// Pixel positions of each drawn point (for bars, the top centre of the bar).
    fn series_points(&self, frame: &Frame) -> Vec<(f64, f64)> {
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
    fn projection(&mut self, frame: &Frame) {
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

    fn x_labels(&mut self, frame: &Frame) {
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

    /// The dashed target line and its label; false when the label finds no clear place.
    fn target(&mut self, frame: &Frame, series: &[(f64, f64)]) -> bool {
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
    fn target_key(&mut self, y: f64) -> f64 {
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
    fn target_tick(&mut self, x: i32, y: i32, side: i32) {
        self.marks.push(Mark::Path {
            points: vec![(x, y), (x, y + side * 7)],
            color: self.theme.target,
            width: 2,
            dash: None,
        });
    }

    fn series(&mut self, frame: &Frame, series: &[(f64, f64)]) {
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

    fn line(&mut self, series: &[(f64, f64)], seen: usize) {
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
    /// apart); stacked exports and imports for the breakdown when the split is known.
    fn bar(&mut self, frame: &Frame, p: &Point, x: f64, later: bool) {
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
            (Kind::Breakdown, Some(e), Some(i)) => {
                let imports = if later { theme.faint } else { theme.imports };
                rect(0.0, e, main, !p.estimate);
                rect(e, e + i, imports, !p.estimate);
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

    /// The breakdown's legend: a swatch and a name for each part, in one row if it fits.
    fn legend(&mut self, y: f64) -> f64 {
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

    /// Places milestone labels with leader lines, or numbered markers. Returns false
    /// when a label cannot be placed without a collision (the caller then numbers them).
    fn milestones(&mut self, frame: &Frame, series: &[(f64, f64)], header_bottom: f64) -> bool {
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
            self.marks.push(Mark::Circle {
                center: (px(x), px(y)),
                radius: 4,
                color: theme.milestone,
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
                self.text((cx, cy), text, nf, theme.milestone, a, Role::Milestone);
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
                color: theme.milestone,
                width: 1,
                dash: None,
            });
            self.text(
                (f64::from(t.x), f64::from(t.y)),
                t.text,
                font,
                theme.milestone,
                t.anchor,
                Role::Milestone,
            );
        }
        true
    }
}

/// The last word on a text's place across: the x (whole pixels) nearest `x` that keeps
/// the whole text inside `0..width`, shortening it with an ellipsis when it is wider than
/// the picture. Labels placed with care come through as they were; this only catches the
/// extremes (a 12-character unit of emoji at 120 px, say).
fn inside(x: f64, text: String, font: Font, anchor: Anchor, width: f64) -> (i32, String) {
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

fn probe(x: f64, y: f64, text: &str, font: Font, anchor: Anchor) -> Text {
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

fn crosses_series(b: &Rect, series: &[(f64, f64)], kind: Kind, frame: &Frame) -> bool {
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

fn crosses_target(b: &Rect, m: &Model, frame: &Frame) -> bool {
    m.target.as_ref().is_some_and(|t| {
        let y = frame.y(t.value);
        b.crosses_segment((frame.left, y), (frame.right, y))
    })
}
