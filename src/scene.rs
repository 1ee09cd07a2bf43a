//! The Scene: positioned marks and texts in CSS pixels, the hand-off between layout
//! and drawing. Plain data, so layout is testable without rendering and the SVG and
//! canvas pictures come from the same list.

use crate::text::Font;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// Why a text is there; tests and hit-testing find texts by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Title,
    Readout,
    YTick,
    XTick,
    TargetLabel,
    ValueLabel,
    Milestone,
    Legend,
    Footer,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    pub x: i32,
    /// Top of the line box.
    pub y: i32,
    pub text: String,
    pub font: Font,
    pub color: Rgb,
    pub anchor: Anchor,
    pub role: Role,
}

/// An axis-aligned box: x0 <= x1, y0 <= y1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    pub fn inflate(&self, by: f64) -> Rect {
        Rect {
            x0: self.x0 - by,
            y0: self.y0 - by,
            x1: self.x1 + by,
            y1: self.y1 + by,
        }
    }

    pub fn contains_point(&self, (x, y): (f64, f64)) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }

    /// Whether the segment a-b passes through the box (Liang–Barsky clipping).
    pub fn crosses_segment(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let mut t0: f64 = 0.0;
        let mut t1: f64 = 1.0;
        for (p, q) in [
            (-dx, a.0 - self.x0),
            (dx, self.x1 - a.0),
            (-dy, a.1 - self.y0),
            (dy, self.y1 - a.1),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let r = q / p;
                if p < 0.0 {
                    t0 = t0.max(r);
                } else {
                    t1 = t1.min(r);
                }
            }
        }
        t0 <= t1
    }
}

impl Text {
    pub fn bounds(&self) -> Rect {
        let w = self.font.width(&self.text);
        let x0 = match self.anchor {
            Anchor::Start => f64::from(self.x),
            Anchor::Middle => f64::from(self.x) - w / 2.0,
            Anchor::End => f64::from(self.x) - w,
        };
        Rect {
            x0,
            y0: f64::from(self.y),
            x1: x0 + w,
            y1: f64::from(self.y + self.font.line_height()),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    Rect {
        x0: i32,
        y0: i32,
        x1: i32,
        y1: i32,
        color: Rgb,
        fill: bool,
    },
    Path {
        points: Vec<(i32, i32)>,
        color: Rgb,
        width: u32,
        /// Dash and gap lengths in pixels; `None` is solid.
        dash: Option<(u32, u32)>,
    },
    Circle {
        center: (i32, i32),
        radius: u32,
        color: Rgb,
        fill: bool,
        width: u32,
    },
    Text(Text),
}

/// One year's column, for hit-testing and the tooltip.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Column {
    pub year: i32,
    pub x: f64,
    /// The top of the point or bar.
    pub y: f64,
    /// Breakdown bars: where exports end and imports begin.
    pub split: Option<f64>,
    /// Half the width that belongs to this column, for hit-testing.
    pub half: f64,
    /// The y of the value 0.
    pub base: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    pub width: u32,
    pub height: u32,
    pub background: Rgb,
    /// The CSS font stack the backends are told to use.
    pub font: String,
    pub marks: Vec<Mark>,
    /// The accessible name and description of the picture.
    pub title: String,
    pub description: String,
    pub columns: Vec<Column>,
}

impl Scene {
    pub fn texts(&self) -> impl Iterator<Item = &Text> {
        self.marks.iter().filter_map(|m| match m {
            Mark::Text(t) => Some(t),
            _ => None,
        })
    }
}
