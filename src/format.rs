//! Number formats written by hand: the chart needs only a few, and `f64`'s Display
//! costs about 9.5 KB of wasm (toolchain.md). Integer formatting is cheap.

use std::fmt::Write;

/// `v` rounded half away from zero to `decimals` places (0..=6), with thousands
/// separators: `fixed(1234.56, 1) == "1,234.6"`. Out-of-range values saturate rather
/// than panic; the validator keeps real inputs far inside `i64`.
pub fn fixed(v: f64, decimals: u32) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    let decimals = decimals.min(6);
    let scale = 10_i64.pow(decimals);
    // `as` from f64 to i64 saturates; round() is half away from zero.
    let scaled = crate::num::sat_i64((v.abs() * scale as f64).round());
    let (int, frac) = (scaled / scale, scaled % scale);
    let mut out = String::new();
    if v < 0.0 && scaled != 0 {
        out.push('-');
    }
    push_grouped(&mut out, int);
    if decimals > 0 {
        out.push('.');
        let digits = format!("{frac}");
        for _ in digits.len()..decimals as usize {
            out.push('0');
        }
        out.push_str(&digits);
    }
    out
}

fn push_grouped(out: &mut String, int: i64) {
    let digits = format!("{int}");
    let len = digits.len();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
}

/// The shortest plain form up to 6 decimals, for error messages: `2018`, `2018.5`, `1e308`
/// reads as a long number but never as scientific notation.
pub fn plain(v: f64) -> String {
    if !v.is_finite() {
        return fixed(v, 0);
    }
    if v.abs() >= 1e15 {
        return if v > 0.0 {
            "more than 1e15".into()
        } else {
            "less than -1e15".into()
        };
    }
    let mut s = fixed(v, 6).replace(',', "");
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    s
}

/// Decimals for a data value: one below 1,000 (`240.1`), none above (`1,234`).
pub fn value_decimals(v: f64) -> u32 {
    if v.abs() < 1000.0 {
        1
    } else {
        0
    }
}

/// A data value in the chart's unit: `$240.1B`.
pub fn value(v: f64, prefix: &str, suffix: &str) -> String {
    let mut out = String::new();
    let _ = write!(out, "{prefix}{}{suffix}", fixed(v, value_decimals(v)));
    out
}

/// A round figure such as a target: `$200B`, but `$62.5B` when it has a fraction.
pub fn round_value(v: f64, prefix: &str, suffix: &str) -> String {
    let whole = (v - v.round()).abs() < 1e-9;
    let decimals = if whole { 0 } else { value_decimals(v) };
    format!("{prefix}{}{suffix}", fixed(v, decimals))
}

/// A share as a whole percentage: `120%`.
pub fn percent(share: f64) -> String {
    format!("{}%", fixed(share * 100.0, 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_rounds_half_away_and_groups() {
        assert_eq!(fixed(240.11, 1), "240.1");
        assert_eq!(fixed(228.105, 1), "228.1");
        assert_eq!(fixed(0.05, 1), "0.1");
        assert_eq!(fixed(1234.56, 1), "1,234.6");
        assert_eq!(fixed(1_000_000.0, 0), "1,000,000");
        assert_eq!(fixed(-2.25, 1), "-2.3");
        assert_eq!(fixed(-0.01, 1), "0.0");
        assert_eq!(fixed(8.0, 1), "8.0");
        assert_eq!(fixed(3.007, 2), "3.01");
    }

    #[test]
    fn plain_trims_and_never_goes_scientific() {
        assert_eq!(plain(2018.0), "2018");
        assert_eq!(plain(2018.5), "2018.5");
        assert_eq!(plain(-5.0), "-5");
        assert_eq!(plain(1e308), "more than 1e15");
        assert_eq!(plain(f64::NAN), "NaN");
    }

    #[test]
    fn values_in_units() {
        assert_eq!(value(240.11, "$", "B"), "$240.1B");
        assert_eq!(value(8.0, "$", "B"), "$8.0B");
        assert_eq!(round_value(200.0, "$", "B"), "$200B");
        assert_eq!(round_value(62.5, "$", "B"), "$62.5B");
        assert_eq!(percent(240.11 / 200.0), "120%");
        assert_eq!(percent(228.105 / 200.0), "114%");
    }
}
