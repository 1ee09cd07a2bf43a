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
    fn clamp_never_panics() {
        assert_eq!(super::clamp(5.0, 0.0, 3.0), 3.0);
        assert_eq!(super::clamp(-1.0, 0.0, 3.0), 0.0);
        assert_eq!(super::clamp(f64::NAN, 0.0, 3.0), 0.0);
        // lo > hi (f64::clamp panics here): hi.
        assert_eq!(super::clamp(1.0, 4.0, 3.0), 3.0);
    }
}
