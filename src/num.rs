//! Float -> integer conversions, in one place. Rust's `as` from a float saturates (NaN
//! gives 0), which is what the chart wants everywhere: a value out of range lands on
//! the edge of the picture instead of panicking or wrapping. Naming each conversion
//! keeps `clippy::cast_possible_truncation` meaningful for the rest of the crate.

/// `v` to the nearest `i32`, saturating; NaN is 0.
pub fn round_i32(v: f64) -> i32 {
    sat_i32(v.round())
}

/// `v`'s integer part as an `i32`, saturating; NaN is 0.
#[allow(clippy::cast_possible_truncation)]
pub fn sat_i32(v: f64) -> i32 {
    v as i32
}

/// `v`'s integer part as a `u32`, saturating (negative numbers and NaN are 0).
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
pub fn sat_u32(v: f64) -> u32 {
    v as u32
}

/// `v`'s integer part as an `i64`, saturating; NaN is 0.
#[allow(clippy::cast_possible_truncation)]
pub fn sat_i64(v: f64) -> i64 {
    v as i64
}

/// A `u32` as an `i32`, saturating at `i32::MAX`.
pub fn u32_to_i32(v: u32) -> i32 {
    i32::try_from(v).unwrap_or(i32::MAX)
}

/// `v` limited to [lo, hi]; never panics. `f64::clamp` panics when lo > hi (a picture
/// narrower than a label could ask for that, and a panic aborts every chart on the
/// page) and its panic message links core's float formatting into the wasm. Here lo > hi
/// gives hi, and NaN gives lo.
pub fn clamp(v: f64, lo: f64, hi: f64) -> f64 {
    v.max(lo).min(hi)
}

/// Appends `v` in decimal: the SVG and HTML writers' one number format, without
/// `core::fmt` (its machinery is several KB of wasm, and every number we write is an
/// integer).
pub fn push_int(out: &mut String, v: i64) {
    if v < 0 {
        out.push('-');
    }
    let mut n = v.unsigned_abs();
    let mut digits = [0u8; 20];
    let mut len = 0;
    loop {
        if let Some(d) = digits.get_mut(len) {
            *d = b'0' + u8::try_from(n % 10).unwrap_or(0);
        }
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for d in digits.iter().take(len).rev() {
        out.push(char::from(*d));
    }
}

/// Appends `v` as two upper-case hex digits.
pub fn push_hex2(out: &mut String, v: u8) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for d in [v >> 4, v & 15] {
        out.push(char::from(HEX.get(usize::from(d)).copied().unwrap_or(b'0')));
    }
}

/// `a`'s `n`th root for a finite `a >= 1` and `1 <= n <= 1000` (NaN otherwise): the
/// yearly growth a target needs. Not `powf(1.0 / n)`, which links libm's `pow` (2.1 KB of
/// wasm) for the chart's one fractional power. `a = m·2^e` with `e = q·n + r` gives the
/// root `2^q · (m·2^r)^(1/n)`; the second factor lies in [1, 2), where Newton's method
/// from 2 falls monotonically onto it and no power can overflow.
pub fn root(a: f64, n: i32) -> f64 {
    if !(a >= 1.0 && a.is_finite() && (1..=1000).contains(&n)) {
        return f64::NAN;
    }
    let bits = a.to_bits();
    // a >= 1 is normal: its biased exponent is 1023 or more.
    let e = i32::try_from(bits >> 52).unwrap_or(0) - 1023;
    let (q, r) = (e / n, e % n);
    let m = f64::from_bits((bits & ((1 << 52) - 1)) | (1023 << 52));
    let b = m * 2f64.powi(r);
    let nf = f64::from(n);
    let mut x = 2.0_f64;
    // Far above the root each step takes about 1/n of x off: n·ln 2 steps, then a few.
    for _ in 0..2000 {
        let next = x - (x.powi(n) - b) / (nf * x.powi(n - 1));
        // Stops where the fall stops (or on NaN, which no valid input reaches).
        if next.partial_cmp(&x) != Some(std::cmp::Ordering::Less) {
            break;
        }
        x = next;
    }
    x * 2f64.powi(q)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions_saturate() {
        assert_eq!(round_i32(2.5), 3);
        assert_eq!(round_i32(-2.5), -3);
        assert_eq!(round_i32(1e300), i32::MAX);
        assert_eq!(round_i32(-1e300), i32::MIN);
        assert_eq!(round_i32(f64::NAN), 0);
        assert_eq!(sat_u32(-5.0), 0);
        assert_eq!(sat_u32(f64::INFINITY), u32::MAX);
        assert_eq!(sat_u32(7.9), 7);
        assert_eq!(sat_i64(1e30), i64::MAX);
        assert_eq!(u32_to_i32(u32::MAX), i32::MAX);
    }

    #[test]
    fn integers_are_written_without_core_fmt() {
        for v in [0, 7, -7, 10, 1234567890, i64::MIN, i64::MAX] {
            let mut s = String::new();
            push_int(&mut s, v);
            assert_eq!(s, v.to_string());
        }
        let mut s = String::new();
        push_hex2(&mut s, 0x0A);
        push_hex2(&mut s, 0xFF);
        assert_eq!(s, "0AFF");
    }

    #[test]
    fn root_matches_powf() {
        for a in [
            1.0,
            1.5,
            2.0,
            7.3,
            8.0,
            200.0 / 107.0,
            1e3,
            123_456.789,
            1e15,
            1e300,
        ] {
            for n in [1, 2, 3, 5, 7, 12, 50, 300] {
                let (got, near) = (root(a, n), a.powf(1.0 / f64::from(n)));
                // powf's 1/n is itself rounded: near, not equal (1e300's cube root is 1e100).
                assert!(((got - near) / near).abs() < 1e-13, "{a} {n}: {got} {near}");
                // The root itself: got^n within n roundings of a.
                let back = got.powi(n);
                assert!(
                    ((back - a) / a).abs() <= 2.0 * f64::from(n) * f64::EPSILON,
                    "{a} {n}: {back}"
                );
            }
        }
        assert_eq!(root(8.0, 3), 2.0);
        for (a, n) in [
            (0.5, 2),
            (f64::NAN, 2),
            (f64::INFINITY, 2),
            (4.0, 0),
            (4.0, -1),
        ] {
            assert!(root(a, n).is_nan(), "{a} {n}");
        }
    }

    #[test]
    fn clamp_never_panics() {
        assert_eq!(super::clamp(5.0, 0.0, 3.0), 3.0);
        assert_eq!(super::clamp(-1.0, 0.0, 3.0), 0.0);
        assert_eq!(super::clamp(f64::NAN, 0.0, 3.0), 0.0);
        // lo > hi (f64::clamp panics here): hi.
        assert_eq!(super::clamp(1.0, 4.0, 3.0), 3.0);
    }
}
