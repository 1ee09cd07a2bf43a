//! Where the plot sits and how values map to pixels: the `Frame`, whole-pixel rounding,
//! and the "nice" tick step the y axis counts in.

use super::Layout;
use crate::num::{round_i32, sat_u32, u32_to_i32};
use crate::spec::Kind;

/// Where the plot sits and how values map to pixels.
pub(super) struct Frame {
    pub(super) left: f64,
    pub(super) right: f64,
    pub(super) top: f64,
    pub(super) bottom: f64,
    pub(super) y_max: f64,
    pub(super) x_min: i32,
    pub(super) x_max: i32,
}

impl Frame {
    pub(super) fn y(&self, v: f64) -> f64 {
        self.bottom - (v / self.y_max) * (self.bottom - self.top)
    }

    pub(super) fn band(&self) -> f64 {
        (self.right - self.left) / f64::from(self.x_max - self.x_min + 1)
    }

    pub(super) fn x(&self, year: i32, kind: Kind) -> f64 {
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

impl Layout<'_> {
    /// The plot's frame: left of it the widest plain tick label, right of it room for
    /// the last value's label; across, the drawn years and the target year.
    pub(super) fn frame(&self, ticks: &[(f64, String)], top: f64, bottom: f64) -> Frame {
        let m = self.model;
        let w = self.width;
        let y_max = ticks.last().map_or(1.0, |(v, _)| *v);
        // The unit rides on the top tick only, above the highest grid line, where the
        // data rarely reaches the left edge: the plain labels set the left margin.
        let label_w = ticks
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
        Frame {
            left,
            right: right.max(left + 20.0),
            top,
            bottom,
            y_max,
            x_min,
            x_max,
        }
    }
}

pub(super) fn px(v: f64) -> i32 {
    // Saturating; layout values are bounded by the clamped width and height.
    round_i32(v)
}

/// Decimals needed to write multiples of `step` exactly (0 to 6).
pub(super) fn decimals_of(step: f64) -> u32 {
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
    // powi, not powf: the exponent is whole, and powf links libm's pow (2.1 KB of wasm).
    let mut magnitude = 10f64.powi(crate::num::sat_i32(raw.log10().floor()));
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

#[cfg(test)]
mod tests {
    use super::{decimals_of, nice_step, Frame};
    use crate::spec::Kind;

    #[test]
    fn nice_steps_are_one_two_two_and_a_half_or_five_times_a_power_of_ten() {
        assert_eq!(nice_step(250.0, 5), (50.0, 0));
        assert_eq!(nice_step(244.81, 6), (50.0, 0));
        assert_eq!(nice_step(1.0, 4), (0.25, 2));
        assert_eq!(nice_step(9.0, 5), (2.0, 0));
        assert_eq!(nice_step(0.0, 5), (0.2, 1));
    }

    #[test]
    fn a_nice_step_never_needs_more_than_the_count_asked_for() {
        for max in [1e-12, 0.3, 7.0, 99.9, 101.0, 1234.5, 1e15] {
            for count in 1..=6 {
                let (step, _) = nice_step(max, count);
                assert!(step > 0.0, "max={max} count={count}");
                assert!(
                    (max / step).ceil() <= f64::from(count) + 1e-9,
                    "max={max} count={count} step={step}"
                );
            }
        }
    }

    #[test]
    fn subnormal_and_non_finite_maxima_fall_back_to_the_unit_scale() {
        for max in [5e-324, f64::NAN, f64::INFINITY, -3.0] {
            let (step, decimals) = nice_step(max, 4);
            assert_eq!((step, decimals), (0.25, 2), "max={max}");
        }
    }

    #[test]
    fn decimals_are_those_the_step_needs() {
        assert_eq!(decimals_of(50.0), 0);
        assert_eq!(decimals_of(2.5), 1);
        assert_eq!(decimals_of(0.25), 2);
        assert_eq!(decimals_of(0.125), 3);
        // At most six: a step finer than that is written rounded.
        assert_eq!(decimals_of(0.1234567), 6);
    }

    #[test]
    fn the_frame_maps_values_and_years_to_pixels() {
        let f = Frame {
            left: 40.0,
            right: 240.0,
            top: 10.0,
            bottom: 110.0,
            y_max: 200.0,
            x_min: 2000,
            x_max: 2004,
        };
        assert_eq!(f.y(0.0), 110.0);
        assert_eq!(f.y(200.0), 10.0);
        assert_eq!(f.x(2000, Kind::Line), 40.0);
        assert_eq!(f.x(2004, Kind::Line), 240.0);
        // Bars sit in the middle of their band: 5 years share 200 px.
        assert_eq!(f.band(), 40.0);
        assert_eq!(f.x(2000, Kind::Bars), 60.0);
    }
}
