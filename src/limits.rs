//! The limits a spec must keep: how many points, how long a text, which years, how tall
//! a chart. A leaf module: `spec` checks array sizes against them while reading,
//! `validate` checks values, `layout` clamps heights, and none of them has to import
//! another to share a number.

/// At most this many entries in any array (`series` above all).
pub const MAX_POINTS: usize = 10_000;
/// Characters in any text (title, labels, notes, source).
pub const MAX_TEXT: usize = 500;
/// Characters in the unit's prefix or suffix.
pub const MAX_AFFIX: usize = 12;
pub const MAX_MILESTONES: usize = 20;
/// The largest value, exports or imports (a quadrillion of any unit).
pub const MAX_VALUE: f64 = 1e15;
/// The first and last year a point, target or `asOf` date may have.
pub const YEARS: (i32, i32) = (1900, 2200);
/// The smallest and largest height in pixels.
pub const HEIGHTS: (f64, f64) = (160.0, 2000.0);
