//! CSV with the widget's own columns (what "Get the data" writes: `year,total,exports,
//! imports,estimate,note`) read into the spec's series. The columns may come in any
//! order; `year` and `total` (or `value`) are required; the rest are optional. Quoted
//! fields with `""` escapes, CRLF, LF or CR line ends and a byte order mark are read as
//! spreadsheets write them. A bad file is rejected whole, and the error names the
//! file's line and the column: `csv line 7, column total: expected a number, found
//! "n/a"`. What the values mean (whole years, no duplicates, …) is checked by
//! `validate`; `Rows::locate` says its errors at the line and column too.

use crate::error::SpecError;
use crate::json::Json;
use crate::limits::MAX_POINTS;
use crate::spec::{clip, Point};

/// The columns the reader knows, in the order an error lists them: the spec's point keys,
/// the names a `validate` error gives; a column is its index here. A header names one by
/// its key in any case, or `total` for `value`.
const KEYS: &[&str] = crate::spec::POINT_KEYS;
const YEAR: usize = 0;
const TOTAL: usize = 1;
const EXPORTS: usize = 2;
const ESTIMATE: usize = 4;
const SPLIT_ESTIMATE: usize = 5;
const NOTE: usize = 6;

fn column_named(header: &str) -> Option<usize> {
    if header.eq_ignore_ascii_case("total") {
        return Some(TOTAL);
    }
    KEYS.iter().position(|k| k.eq_ignore_ascii_case(header))
}

const KNOWN: &str = "year, total (or value), exports, imports, estimate, splitEstimate, note";

/// Where the series read from CSV came from: each point's line in the file and each
/// column's header as written, so that an error `validate` finds at `series[3].value`
/// is said as `csv line 5, column total`.
#[derive(Debug, Clone, PartialEq)]
pub struct Rows {
    name: String,
    lines: Vec<usize>,
    columns: Vec<Named>,
}

/// A column the header names: its field's index, the column, the header as written.
type Named = (usize, usize, String);

impl Rows {
    /// `e` (from `validate`, at a `series[i].key` path) at the file's line and column;
    /// any other error as it is.
    pub fn locate(&self, e: SpecError) -> SpecError {
        let Some((index, key)) = series_path(&e.path) else {
            return e;
        };
        let Some(&line) = self.lines.get(index) else {
            return e;
        };
        let column = self
            .columns
            .iter()
            .find(|c| KEYS.get(c.1) == Some(&key))
            .map(|c| c.2.clone());
        // "year 2020 appears twice (first at series[3])": the first one's line instead.
        let first = e.message.strip_suffix("])").and_then(|m| {
            let digits = m.bytes().rev().take_while(u8::is_ascii_digit).count();
            let (head, index) = m.split_at_checked(m.len() - digits)?;
            Some((
                head.strip_suffix(" (first at series[")?,
                self.lines.get(whole(index)?)?,
            ))
        });
        let message = first
            .map(|(head, first)| format!("{head} (first on line {first})"))
            .unwrap_or(e.message);
        SpecError::at(self.name.clone(), line, column, message)
    }
}

/// `series[12].value` → (12, "value").
fn series_path(path: &str) -> Option<(usize, &str)> {
    let rest = path.strip_prefix("series[")?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let (index, key) = rest.split_at_checked(digits)?;
    Some((whole(index)?, key.strip_prefix("].")?))
}

/// Decimal digits as a number (`usize`'s parser costs 300 B of wasm).
fn whole(s: &str) -> Option<usize> {
    let mut n = 0usize;
    for b in s.bytes() {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        n = n.checked_mul(10)?.checked_add(usize::from(d))?;
    }
    (!s.is_empty()).then_some(n)
}

fn blank(fields: &[String]) -> bool {
    fields.iter().all(String::is_empty)
}

/// The header as written of the column at field `i`, if one is named there.
fn written(columns: &[Named], i: usize) -> Option<String> {
    columns.iter().find(|c| c.0 == i).map(|c| c.2.clone())
}

/// Reads CSV text into points, in the file's order, and where each came from. `name`
/// starts every error (`csv` for the spec's key, or the file's name).
pub fn read(text: &str, name: &str) -> Result<(Vec<Point>, Rows), SpecError> {
    let fail = |line: usize, column: Option<String>, message: String| {
        SpecError::at(name, line, column, message)
    };
    let mut records = Records {
        text: text.strip_prefix('\u{feff}').unwrap_or(text),
        at: 0,
        line: 1,
    };

    let mut first = records.next_record();
    while matches!(&first, Some(Ok((_, f))) if blank(f)) {
        first = records.next_record(); // blank lines before the header
    }
    let Some(header) = first else {
        return Err(SpecError::new(
            name,
            "expected a header line (year,total,…) and rows, found nothing",
        ));
    };
    let (header_line, header) = header.map_err(|(line, _, m)| fail(line, None, m.into()))?;
    let mut columns: Vec<Named> = Vec::new();
    for (i, raw) in header.iter().enumerate() {
        let h = raw.trim();
        if h.is_empty() {
            continue; // a trailing comma; its cells must be empty
        }
        let Some(column) = column_named(h) else {
            let c = clip(h);
            let message = [
                "unknown column \"",
                &c,
                "\"; the first line must name the columns: ",
                KNOWN,
            ]
            .concat();
            return Err(fail(header_line, Some(c), message));
        };
        if columns.iter().any(|c| c.1 == column) {
            return Err(fail(
                header_line,
                Some(clip(h)),
                "the column appears twice (total and value are the same column)".into(),
            ));
        }
        columns.push((i, column, h.to_owned()));
    }
    for (needed, what) in [(YEAR, "year"), (TOTAL, "total (or value)")] {
        if !columns.iter().any(|c| c.1 == needed) {
            let mut message = ["expected a ", what, " column, found "].concat();
            if columns.is_empty() {
                message.push_str("no column names");
            } else {
                message.push_str("only ");
                for (n, c) in columns.iter().enumerate() {
                    if n > 0 {
                        message.push_str(", ");
                    }
                    message.push_str(&clip(&c.2));
                }
            }
            message.push_str(" in the first line");
            return Err(fail(header_line, None, message));
        }
    }

    let mut points = Vec::new();
    let mut lines = Vec::new();
    while let Some(record) = records.next_record() {
        let (line, fields) =
            record.map_err(|(line, i, m)| fail(line, written(&columns, i), m.into()))?;
        if blank(&fields) {
            continue; // a blank line, or a spreadsheet's empty row (",,,,")
        }
        if fields.len() > header.len() {
            return Err(fail(
                line,
                None,
                format!(
                    "expected {} fields as in the header, found {} (a note with a comma must be in double quotes)",
                    header.len(),
                    fields.len()
                ),
            ));
        }
        if points.len() == MAX_POINTS {
            return Err(fail(
                line,
                None,
                format!("expected at most {MAX_POINTS} rows, found more"),
            ));
        }
        // Only the cells the row has are looked at, and the named columns (at most seven):
        // a header of a million commas costs nothing per row.
        for (i, cell) in fields.iter().enumerate() {
            if !cell.is_empty() && !columns.iter().any(|c| c.0 == i) {
                return Err(fail(
                    line,
                    None,
                    format!(
                        "field {} has no column name in the header, found \"{}\" in it",
                        i + 1,
                        clip(cell)
                    ),
                ));
            }
        }
        let mut point = Point {
            year: f64::NAN,
            value: f64::NAN,
            exports: None,
            imports: None,
            estimate: None,
            split_estimate: None,
            note: None,
        };
        for (i, column, written) in &columns {
            let cell = fields.get(*i).map_or("", String::as_str);
            if let Err(message) = put(&mut point, *column, cell) {
                return Err(fail(line, Some(written.clone()), message));
            }
        }
        points.push(point);
        lines.push(line);
    }
    if points.is_empty() {
        return Err(fail(
            header_line,
            None,
            "expected at least one row under the header, found none".into(),
        ));
    }
    Ok((
        points,
        Rows {
            name: name.to_owned(),
            lines,
            columns,
        },
    ))
}

/// Reads and checks CSV text as a series on its own (what `parseCSV` gives JS): every
/// error a spec's `csv` would meet in its rows, said at the line and column.
pub fn parse(text: &str, name: &str) -> Result<Vec<Point>, SpecError> {
    let (points, rows) = read(text, name)?;
    // All that `validate` checks in a spec of rows alone (no Spec built and dropped).
    crate::validate::points(&points).map_err(|e| rows.locate(e))?;
    Ok(points)
}

/// Points as the spec's JSON (`[{ year, value, … }]`), leaving out what a cell left
/// empty.
pub fn to_json(points: &[Point]) -> Json {
    let mut items = Vec::with_capacity(points.len());
    for p in points {
        let mut obj = Vec::new();
        let mut put = |key: &str, v: Json| obj.push((key.to_owned(), v));
        put("year", Json::Num(p.year));
        put("value", Json::Num(p.value));
        if let Some(v) = p.exports {
            put("exports", Json::Num(v));
        }
        if let Some(v) = p.imports {
            put("imports", Json::Num(v));
        }
        if let Some(v) = p.estimate {
            put("estimate", Json::Bool(v));
        }
        if let Some(v) = p.split_estimate {
            put("splitEstimate", Json::Bool(v));
        }
        if let Some(v) = &p.note {
            put("note", Json::Str(v.clone()));
        }
        items.push(Json::Obj(obj));
    }
    Json::Arr(items)
}

/// A cell into its column of the point, or what is wrong with it.
fn put(point: &mut Point, column: usize, cell: &str) -> Result<(), String> {
    let s = cell.trim();
    match column {
        NOTE => point.note = note(cell),
        ESTIMATE | SPLIT_ESTIMATE => {
            let v = flag(s)?;
            if column == ESTIMATE {
                point.estimate = v;
            } else {
                point.split_estimate = v;
            }
        }
        _ => {
            let v = number(s)?;
            match column {
                YEAR | TOTAL => {
                    let v = v.ok_or("expected a number, found an empty cell")?;
                    if column == YEAR {
                        point.year = v;
                    } else {
                        point.value = v;
                    }
                }
                EXPORTS => point.exports = v,
                _ => point.imports = v,
            }
        }
    }
    Ok(())
}

/// A plain decimal number (`1234.5`, `-3`, `2e3`), or None for an empty (trimmed)
/// cell: no thousands separators, no `NaN` or `inf`.
fn number(s: &str) -> Result<Option<f64>, String> {
    if s.is_empty() {
        return Ok(None);
    }
    match decimal(s.as_bytes()) {
        Some(v) => Ok(Some(v)),
        None => Err(["expected a number, found \"", &clip(s), "\""].concat()),
    }
}

/// Exact powers of ten as f64 (10^22 is the largest exact one).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// `[+-]digits[.digits][e[+-]digits]` as an f64, without core's float parser (14 KB of
/// gzipped wasm): correctly rounded (what Rust's parser gives) for up to 19 significant
/// digits none of which is below 1e-31, which holds every number a spreadsheet writes
/// (15 significant digits) and every value "Get the data" writes (Rust's shortest form,
/// at most 17 digits) from 1e-14 to the 1e15 a series allows; others are read to within a
/// few units in the last place. The embedded default chart's JSON numbers are read here too.
pub(crate) fn decimal(b: &[u8]) -> Option<f64> {
    let negative = b.first() == Some(&b'-');
    let mut at = usize::from(negative || b.first() == Some(&b'+'));
    // The significant digits as an integer (up to 19 of them; later ones only move the
    // decimal point) and the power of ten that scales it.
    let (mut mantissa, mut exp10, mut digits, mut fraction) = (0u64, 0i64, 0, false);
    while let Some(&c) = b.get(at) {
        match c {
            b'0'..=b'9' => {
                digits += 1;
                match mantissa
                    .checked_mul(10)
                    .and_then(|m| m.checked_add(u64::from(c - b'0')))
                {
                    Some(m) => {
                        mantissa = m;
                        exp10 -= i64::from(fraction);
                    }
                    None => exp10 += i64::from(!fraction),
                }
            }
            b'.' if !fraction => fraction = true,
            _ => break,
        }
        at += 1;
    }
    if digits == 0 {
        return None;
    }
    if matches!(b.get(at), Some(b'e' | b'E')) {
        at += 1;
        let sign = match b.get(at) {
            Some(b'-') => -1,
            _ => 1,
        };
        at += usize::from(matches!(b.get(at), Some(b'-' | b'+')));
        let (mut n, from) = (0i64, at);
        while let Some(&c @ b'0'..=b'9') = b.get(at) {
            // Beyond ±10^6 every value is 0 or overflows anyway; stop counting there.
            n = (n * 10 + i64::from(c - b'0')).min(1_000_000);
            at += 1;
        }
        if at == from {
            return None;
        }
        exp10 += sign * n;
    }
    if at != b.len() {
        return None;
    }
    let v = exact(mantissa, exp10).unwrap_or_else(|| approximate(mantissa, exp10));
    Some(if negative { -v } else { v })
}

/// `m` × 10^`e`, correctly rounded, where u128 arithmetic can hold it: `e` from -31 to
/// the power that overflows. Rust's integer to float cast rounds to nearest, ties to
/// even. A fraction is m / 5^k × 2^-k: the quotient keeps at least 55 significant bits
/// and a nonzero remainder sets its lowest bit, so that its one rounding is the right
/// one, and the power of two is exact. Only shifts, adds and compares: u128's `*` and
/// `/` link kilobytes of compiler-builtins.
fn exact(m: u64, e: i64) -> Option<f64> {
    let mut n = u128::from(m);
    if n == 0 {
        return Some(0.0);
    }
    if e >= 0 {
        for _ in 0..e {
            if n > u128::MAX / 10 {
                return None;
            }
            n = (n << 3) + (n << 1);
        }
        #[allow(clippy::cast_precision_loss)] // rounds once, to nearest
        return Some(n as f64);
    }
    let k = u32::try_from(-e).ok().filter(|k| *k <= 31)?;
    let mut p = 1u128;
    for _ in 0..k {
        p += p << 2;
    }
    let shift = n.leading_zeros(); // n << shift has its top bit set: ≥ 2^127
    n <<= shift; // p < 2^72, so n / p ≥ 2^55
                 // n / p and its remainder by long division, a bit at a time.
    let (mut q, mut r) = (0u128, 0u128);
    for _ in 0..128 {
        r = r << 1 | n >> 127;
        n <<= 1;
        let fits = r >= p;
        if fits {
            r -= p;
        }
        q = q << 1 | u128::from(fits);
    }
    let q = q | u128::from(r != 0);
    // 2^-(shift + k), exactly (at most 2^-158); the product is normal, so exact too.
    let scale = f64::from_bits(u64::from(1023 - shift - k) << 52);
    #[allow(clippy::cast_precision_loss)] // rounds once, to nearest
    Some(q as f64 * scale)
}

/// Beyond what `exact` holds (a value whose digits reach below 1e-31, one over about
/// 1e38, or more than 19 significant digits): within a few units in the last place.
fn approximate(m: u64, mut e: i64) -> f64 {
    #[allow(clippy::cast_precision_loss)]
    let mut v = m as f64;
    while e != 0 && v != 0.0 && v.is_finite() {
        let step = e.clamp(-22, 22);
        let p = usize::try_from(step.unsigned_abs())
            .ok()
            .and_then(|i| POW10.get(i))
            .copied()
            .unwrap_or(1e22);
        if e > 0 {
            v *= p;
        } else {
            v /= p;
        }
        e -= step;
    }
    v
}

/// `yes`, `true` or `1` mark the row; an empty cell, `no`, `false` or `0` do not.
fn flag(s: &str) -> Result<Option<bool>, String> {
    let is = |words: &[&str]| words.iter().any(|w| w.eq_ignore_ascii_case(s));
    if is(&["yes", "true", "1"]) {
        Ok(Some(true))
    } else if is(&["", "no", "false", "0"]) {
        Ok(None)
    } else {
        Err([
            "expected yes, true, 1 or an empty cell, found \"",
            &clip(s),
            "\"",
        ]
        .concat())
    }
}

/// The note as written, with the export's formula defusing undone (`'=x` was `=x`,
/// `''=x` was `'=x`), so "Get the data" reads back to the same notes.
fn note(cell: &str) -> Option<String> {
    match cell.strip_prefix('\'') {
        _ if cell.is_empty() => None,
        Some(rest) if crate::export::defused(cell) => Some(rest.to_owned()),
        _ => Some(cell.to_owned()),
    }
}

const UNCLOSED: &str = "a quoted field is not closed (a quote inside one is written \"\")";
const NO_COMMA: &str =
    "expected a comma after the closing quote (a quote inside a quoted field is written \"\")";

/// A tokenizer over CSV text, byte by byte (every byte it stops at is ASCII, so every
/// field is whole UTF-8): one record (the fields of a line, a quoted field may span
/// lines) at a time, with the line it starts on. An error is (line, field index,
/// message).
struct Records<'a> {
    text: &'a str,
    at: usize,
    line: usize,
}

type Record = Result<(usize, Vec<String>), (usize, usize, &'static str)>;

impl Records<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn eat(&mut self, b: u8) -> bool {
        let yes = self.peek() == Some(b);
        self.at += usize::from(yes);
        yes
    }

    fn from(&self, start: usize) -> &str {
        self.text.get(start..self.at).unwrap_or_default()
    }

    /// A line end: LF, CRLF or a lone CR (older spreadsheets on a Mac).
    fn line_end(&mut self) -> bool {
        let end = if self.eat(b'\r') {
            self.eat(b'\n');
            true
        } else {
            self.eat(b'\n')
        };
        self.line += usize::from(end);
        end
    }

    /// The next record; unquoted fields come trimmed (spreadsheets and hand-written
    /// files pad them), quoted ones exactly as written.
    fn next_record(&mut self) -> Option<Record> {
        self.peek()?;
        let start = self.line;
        let mut fields = Vec::new();
        loop {
            while self.eat(b' ') || self.eat(b'\t') {}
            let mut field = String::new();
            let quoted = self.eat(b'"');
            if quoted {
                // Up to the closing quote; `""` is one quote.
                let opened = self.line;
                let mut from = self.at;
                loop {
                    match self.peek() {
                        None => return Some(Err((opened, fields.len(), UNCLOSED))),
                        Some(b'"') => {
                            field.push_str(self.from(from));
                            self.at += 1;
                            if !self.eat(b'"') {
                                break;
                            }
                            from = self.at - 1; // the second quote starts the next piece
                        }
                        // Line breaks inside stay as written (a note read back is the
                        // note written); the file's lines are still counted.
                        Some(_) => {
                            if !self.line_end() {
                                self.at += 1;
                            }
                        }
                    }
                }
                while self.eat(b' ') || self.eat(b'\t') {}
            }
            // What ends the field: a comma (another follows), a line end, the end.
            let from = self.at;
            while !matches!(self.peek(), None | Some(b',' | b'\n' | b'\r')) {
                if quoted {
                    return Some(Err((self.line, fields.len(), NO_COMMA)));
                }
                self.at += 1;
            }
            if !quoted {
                field = self.from(from).trim().to_owned();
            }
            fields.push(field);
            if !self.eat(b',') {
                self.line_end();
                return Some(Ok((start, fields)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A cell as a required column reads it.
    fn number(cell: &str) -> Result<f64, String> {
        super::number(cell.trim())?.ok_or_else(|| "an empty cell".to_owned())
    }

    #[test]
    fn numbers_are_plain_decimals() {
        assert_eq!(number(" 12.5 "), Ok(12.5));
        assert_eq!(number("-3"), Ok(-3.0));
        assert_eq!(number("2e3"), Ok(2000.0));
        assert_eq!(number(".5"), Ok(0.5));
        assert_eq!(number("1."), Ok(1.0));
        assert_eq!(number("+7E-1"), Ok(0.7));
        assert_eq!(number("999999999999999"), Ok(999_999_999_999_999.0));
        assert_eq!(number("1e400"), Ok(f64::INFINITY));
        assert_eq!(number("1e-400"), Ok(0.0));
        // Every value as Rust writes it (shortest form, up to 17 significant digits) reads
        // back to itself, across magnitudes; and what a spreadsheet writes (15 digits)
        // reads as Rust's own parser reads it.
        let mut x = 1.234_567_890_123_456_7e-14_f64;
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        while x < 1e19 {
            for _ in 0..200 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let v = x * (1.0 + (seed >> 11) as f64 / (1u64 << 53) as f64);
                assert_eq!(number(&format!("{v}")), Ok(v), "{v}");
                let fifteen = format!("{v:.14e}");
                assert_eq!(
                    number(&fifteen),
                    Ok(fifteen.parse::<f64>().unwrap()),
                    "{fifteen}"
                );
            }
            x *= 7.3;
        }
        assert_eq!(number("0.30000000000000004"), Ok(0.1 + 0.2));
        assert_eq!(number("9007199254740993"), Ok(9_007_199_254_740_992.0)); // a tie: to even
        for bad in [
            "n/a", "inf", "NaN", "1,234", "1 234", ".", "1e", "--1", "0x10",
        ] {
            assert!(number(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn defusing_is_undone_only_before_a_formula_sign() {
        assert_eq!(note("'=SUM(A1)").as_deref(), Some("=SUM(A1)"));
        assert_eq!(note("'-5").as_deref(), Some("-5"));
        assert_eq!(note("'quoted'").as_deref(), Some("'quoted'"));
        assert_eq!(note("''=x").as_deref(), Some("'=x"));
        assert_eq!(note(""), None);
    }
}
