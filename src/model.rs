//! The validated chart: sorted points with whole years, resolved defaults, and the
//! derived facts the words and the layout both use.

use crate::spec::{Kind, Renderer};

#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub year: i32,
    pub value: f64,
    pub exports: Option<f64>,
    pub imports: Option<f64>,
    pub estimate: bool,
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
}

impl Model {
    pub fn first(&self) -> &Point {
        // `validate` guarantees at least one point; the fallback keeps this panic-free.
        self.points.first().unwrap_or(&FALLBACK)
    }

    pub fn last(&self) -> &Point {
        self.points.last().unwrap_or(&FALLBACK)
    }

    pub fn point_at(&self, year: i32) -> Option<&Point> {
        self.points.iter().find(|p| p.year == year)
    }

    /// The first point at or above the target, if the series ever reached it.
    pub fn reached(&self) -> Option<&Point> {
        let target = self.target.as_ref()?;
        self.points.iter().find(|p| p.value >= target.value)
    }

    pub fn has_estimates(&self) -> bool {
        self.points.iter().any(|p| p.estimate)
    }

    /// The largest value the plot must show: the data and the target line.
    pub fn max_value(&self) -> f64 {
        let data = self.points.iter().map(|p| p.value).fold(0.0, f64::max);
        data.max(self.target.as_ref().map_or(0.0, |t| t.value))
    }

    pub fn unit_value(&self, v: f64) -> String {
        crate::format::value(v, &self.unit.prefix, &self.unit.suffix)
    }

    pub fn unit_round(&self, v: f64) -> String {
        crate::format::round_value(v, &self.unit.prefix, &self.unit.suffix)
    }
}

static FALLBACK: Point = Point {
    year: 2000,
    value: 0.0,
    exports: None,
    imports: None,
    estimate: false,
    note: None,
};
