//! The validated chart: sorted points with whole years, resolved defaults, and the
//! derived facts the words and the layout both use.

use crate::locale::{Locale, Money};
use crate::spec::{Kind, Renderer, ThemeChoice};

#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub year: i32,
    pub value: f64,
    pub exports: Option<f64>,
    pub imports: Option<f64>,
    pub estimate: bool,
    /// The export/import split is derived, not reported (validated to have both parts).
    pub split_estimate: bool,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub value: f64,
    pub year: i32,
    pub label: Option<String>,
    pub set: Option<i32>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Milestone {
    pub year: i32,
    pub label: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Unit {
    pub prefix: String,
    pub suffix: String,
    pub label: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub unit: Unit,
    /// Sorted by year, never empty.
    pub points: Vec<Point>,
    pub target: Option<Target>,
    pub milestones: Vec<Milestone>,
    pub source: Option<String>,
    pub source_url: Option<String>,
    pub kind: Kind,
    pub renderer: Renderer,
    pub height: Option<f64>,
    pub theme: ThemeChoice,
    pub locale: Locale,
    /// False when the spec left the language to the host page.
    pub locale_given: bool,
    /// `asOf` as (year, month, day), and the last complete year before it.
    pub as_of: Option<(i32, u32, u32)>,
    pub cutoff: Option<i32>,
    pub reveal: bool,
    /// Names for exports and imports in the breakdown (None: the words of the locale).
    pub parts: (Option<String>, Option<String>),
    /// Whether the browser edge shows the source, data and image links.
    pub links: bool,
}

impl Model {
    /// The points a reader on the `asOf` date could have seen (all of them without it).
    /// `validate` guarantees at least one.
    pub fn visible(&self) -> &[Point] {
        let n = match self.cutoff {
            Some(c) => self.points.partition_point(|p| p.year <= c),
            None => self.points.len(),
        };
        self.points.get(..n).unwrap_or(&[])
    }

    /// The points drawn: the visible ones, plus the later ones when revealed.
    pub fn drawn(&self) -> &[Point] {
        if self.reveal {
            &self.points
        } else {
            self.visible()
        }
    }

    pub fn first(&self) -> &Point {
        // The fallback keeps this panic-free; it is never reached after `validate`.
        self.visible().first().unwrap_or(&FALLBACK)
    }

    pub fn last(&self) -> &Point {
        self.visible().last().unwrap_or(&FALLBACK)
    }

    pub fn money(&self) -> Money<'_> {
        if self.unit.prefix == "$" && self.unit.suffix == "B" {
            Money::UsdBillions
        } else {
            Money::Affixes(&self.unit.prefix, &self.unit.suffix)
        }
    }

    /// The yearly growth needed from the last visible point to reach the target in its
    /// year, when the target is still ahead: (rate, from point).
    pub fn needed_pace(&self) -> Option<(f64, &Point)> {
        let t = self.target.as_ref()?;
        let last = self.visible().last()?;
        if self.reached().is_some() || t.year <= last.year || last.value <= 0.0 {
            return None;
        }
        // From a subnormal value (5e-324) the ratio overflows: no pace to speak of.
        let rate = crate::num::root(t.value / last.value, t.year - last.year) - 1.0;
        rate.is_finite().then_some((rate, last))
    }

    pub fn point_at(&self, year: i32) -> Option<&Point> {
        self.points.iter().find(|p| p.year == year)
    }

    /// The first point at or above the target, if the series ever reached it.
    pub fn reached(&self) -> Option<&Point> {
        let target = self.target.as_ref()?;
        self.visible().iter().find(|p| p.value >= target.value)
    }

    pub fn has_estimates(&self) -> bool {
        self.drawn().iter().any(|p| p.estimate)
    }

    /// Whether any drawn point has a derived export/import split.
    pub fn has_split_estimates(&self) -> bool {
        self.drawn().iter().any(|p| p.split_estimate)
    }

    /// The largest value the plot must show: the drawn data (stacked parts included)
    /// and the target line.
    pub fn max_value(&self) -> f64 {
        let data = self
            .drawn()
            .iter()
            .map(|p| {
                p.value
                    .max(p.exports.unwrap_or(0.0) + p.imports.unwrap_or(0.0))
            })
            .fold(0.0, f64::max);
        data.max(self.target.as_ref().map_or(0.0, |t| t.value))
    }

    pub fn unit_value(&self, v: f64) -> String {
        self.locale.amount(v, self.money())
    }

    pub fn unit_round(&self, v: f64) -> String {
        self.locale.round_amount(v, self.money())
    }
}

static FALLBACK: Point = Point {
    year: 2000,
    value: 0.0,
    exports: None,
    imports: None,
    estimate: false,
    split_estimate: false,
    note: None,
};
