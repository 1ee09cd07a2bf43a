//! Model + size -> Scene: scales, nice ticks, text placement with our own metrics.
//! Pure arithmetic: the same model and size give the same scene everywhere.
//!
//! This file holds the entry points, the retry when a label does not fit, and `build`,
//! which runs the phases in order. Each phase lives in the file named after what it
//! draws: `header` (title, readout, legend, footer), `scale` (the frame and pixel
//! mapping), `axes` (ticks, grid, years), `marks` (line, bars, projection, last value),
//! `target`, `milestones`, and `place` (the collision tests labels are placed with).

mod axes;
mod header;
mod marks;
mod milestones;
mod place;
mod scale;
mod target;

pub use scale::nice_step;

use crate::limits::HEIGHTS;
use crate::model::Model;
use crate::num::sat_u32;
use crate::scene::{Column, Mark, Rect, Scene};
use crate::spec::Kind;
use crate::story;
use crate::text::Font;
use crate::theme::Theme;
use scale::Frame;

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
    let height = height
        .filter(|h| h.is_finite())
        .or(model.height)
        .map(|h| crate::num::clamp(h.round(), HEIGHTS.0, HEIGHTS.1));
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

    /// Lays the chart out from the top down; the numbers are the order marks are
    /// pushed in, which is also the order they are painted.
    fn build(mut self) -> Result<Scene, Misfit> {
        let m = self.model;
        let w = self.width;

        // 1. Header: title, readout, the breakdown's legend, the target's key.
        let (title, header_bottom) = self.header();

        // 2. Heights: the footer first, the plot takes what is left.
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

        // 3. Scales: y ticks from zero over data and target, then the plot's frame.
        let ticks = self.y_ticks(top, bottom);
        let frame = self.frame(&ticks, top, bottom);

        // 4. Axes: grid lines with their labels, years under the plot.
        self.grid(&frame, ticks);
        self.x_labels(&frame);

        // 5. Marks: the series before the target line, so the line is drawn over bars,
        // not hidden behind them; then the projection and the last value's label.
        let under_series = self.marks.len();
        let series = self.series_points(&frame);
        self.series(&frame, &series);
        if !self.target(&frame, &series) {
            return Err(Misfit::TargetLabel);
        }
        self.projection(&frame);
        self.value_label(&frame, &series, height);

        // 6. Milestones, around everything placed so far.
        if !self.milestones(&frame, &series, header_bottom) {
            return Err(Misfit::Milestones);
        }
        // The target year's line goes under the series, around the texts placed.
        self.target_year(&frame, under_series);

        // 7. Footer, at the bottom of the picture.
        let footer_top = height - footer_h;
        self.block(
            footer,
            footer_top,
            self.fonts.footer,
            self.theme.muted,
            crate::scene::Role::Footer,
        );

        // 8. Columns, for hit-testing and the tooltip.
        let columns = self.columns(&frame, &series);
        Ok(Scene {
            width: sat_u32(w),
            height: sat_u32(height.max(1.0)),
            background: self.theme.background,
            font: crate::text::FAMILY.into(),
            marks: self.marks,
            title,
            description: story::description(m),
            columns,
        })
    }

    /// One column per drawn point: where it is and how wide it reads for the pointer.
    fn columns(&self, frame: &Frame, series: &[(f64, f64)]) -> Vec<Column> {
        let m = self.model;
        let half = match m.kind {
            Kind::Line => {
                (frame.right - frame.left) / f64::from((frame.x_max - frame.x_min).max(1)) / 2.0
            }
            _ => frame.band() / 2.0,
        };
        m.drawn()
            .iter()
            .zip(series)
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
            .collect()
    }
}
