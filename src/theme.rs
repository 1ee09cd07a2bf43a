//! Colours. Text colours keep at least 4.5:1 against the background and lines at least
//! 3:1 (checked in tests), and two things are never told apart by colour alone: the
//! target is dashed, estimates are hollow.

use crate::scene::Rgb;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub background: Rgb,
    pub title: Rgb,
    pub text: Rgb,
    pub muted: Rgb,
    pub grid: Rgb,
    pub baseline: Rgb,
    pub series: Rgb,
    pub target: Rgb,
    pub milestone: Rgb,
    /// The second part of the breakdown (imports).
    pub imports: Rgb,
    /// Breakdown bars with no split: the total only.
    pub total_only: Rgb,
    /// What happened after an `asOf` date, drawn faintly.
    pub faint: Rgb,
    /// Text about what happened after an `asOf` date (a later milestone's label): the
    /// faint line's hue, dark enough to keep 4.5:1, lighter than any other label.
    pub faint_text: Rgb,
}

pub const LIGHT: Theme = Theme {
    background: Rgb(0xFF, 0xFF, 0xFF),
    title: Rgb(0x1A, 0x1A, 0x1A),
    text: Rgb(0x33, 0x33, 0x33),
    muted: Rgb(0x5E, 0x5E, 0x5E),
    grid: Rgb(0xE3, 0xE3, 0xE3),
    baseline: Rgb(0x8A, 0x8A, 0x8A),
    series: Rgb(0x1F, 0x5F, 0xA6),
    target: Rgb(0xB8, 0x3D, 0x0B),
    milestone: Rgb(0x1A, 0x1A, 0x1A),
    imports: Rgb(0x00, 0x7A, 0x78),
    total_only: Rgb(0x8A, 0x8A, 0x8A),
    faint: Rgb(0xA9, 0xC0, 0xDC),
    faint_text: Rgb(0x5A, 0x78, 0x98),
};

pub const DARK: Theme = Theme {
    background: Rgb(0x16, 0x16, 0x18),
    title: Rgb(0xF2, 0xF2, 0xF2),
    text: Rgb(0xDD, 0xDD, 0xDD),
    muted: Rgb(0xAD, 0xAD, 0xAD),
    grid: Rgb(0x33, 0x33, 0x36),
    baseline: Rgb(0x80, 0x80, 0x84),
    series: Rgb(0x6F, 0xA8, 0xEE),
    target: Rgb(0xFF, 0x8F, 0x5A),
    milestone: Rgb(0xF2, 0xF2, 0xF2),
    imports: Rgb(0x3F, 0xC4, 0xBF),
    total_only: Rgb(0x86, 0x86, 0x8A),
    faint: Rgb(0x3E, 0x55, 0x72),
    faint_text: Rgb(0x6F, 0x8A, 0xAB),
};

/// WCAG relative luminance contrast ratio.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    fn channel(c: u8) -> f64 {
        let c = f64::from(c) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }
    fn luminance(c: Rgb) -> f64 {
        0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_themes_meet_wcag_aa() {
        for t in [LIGHT, DARK] {
            for c in [
                t.title,
                t.text,
                t.muted,
                t.series,
                t.target,
                t.milestone,
                t.faint_text,
            ] {
                assert!(
                    contrast(c, t.background) >= 4.5,
                    "{c:?} on {:?}",
                    t.background
                );
            }
            for c in [t.baseline, t.imports, t.total_only] {
                assert!(
                    contrast(c, t.background) >= 3.0,
                    "{c:?} on {:?}",
                    t.background
                );
            }
        }
    }
}
