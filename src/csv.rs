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
use crate::spec::{clip, Point, Spec};

/// The columns the reader knows, in the order an error lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Year,
    Total,
    Exports,
    Imports,
    Estimate,
    SplitEstimate,
    Note,
}

impl Column {
    fn named(header: &str) -> Option<Column> {
        Some(match header.to_ascii_lowercase().as_str() {
            "year" => Column::Year,
            "total" | "value" => Column::Total,
            "exports" => Column::Exports,
            "imports" => Column::Imports,
            "estimate" => Column::Estimate,
            "splitestimate" => Column::SplitEstimate,
            "note" => Column::Note,
            _ => return None,
        })
    }

    /// The series key a `validate` error names for this column.
    fn key(self) -> &'static str {
        match self {
            Column::Year => "year",
            Column::Total => "value",
            Column::Exports => "exports",
            Column::Imports => "imports",
            Column::Estimate => "estimate",
            Column::SplitEstimate => "splitEstimate",
            Column::Note => "note",
        }
    }
}

const KNOWN: &str = "year, total (or value), exports, imports, estimate, splitEstimate, note";

/// Where the series read from CSV came from: each point's line in the file and each
/// column's header as written, so that an error `validate` finds at `series[3].value`
/// is said as `csv line 5, column total`.
#[derive(Debug, Clone, PartialEq)]
pub struct Rows {
    name: String,
    lines: Vec<usize>,
    headers: Vec<(Column, String)>,
}

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
            .headers
            .iter()
            .find(|(c, _)| c.key() == key)
            .map(|(_, h)| h.clone());
        // "year 2020 appears twice (first at series[3])": the first one's line instead.
        let message = match e.message.split_once(" (first at series[") {
            Some((head, rest)) => {
                let first = rest
                    .split(']')
                    .next()
                    .and_then(|i| i.parse::<usize>().ok())
                    .and_then(|i| self.lines.get(i));
                match first {
                    Some(first) => format!("{head} (first on line {first})"),
                    None => e.message,
                }
            }
            None => e.message,
        };
        SpecError::at(self.name.clone(), line, column, message)
    }
}

/// `series[12].value` → (12, "value").
fn series_path(path: &str) -> Option<(usize, &str)> {
    let rest = path.strip_prefix("series[")?;
    let (index, key) = rest.split_once("].")?;
    Some((index.parse().ok()?, key))
}

/// Reads CSV text into points, in the file's order, and where each came from. `name`
/// starts every error (`csv` for the spec's key, or the file's name).
pub fn read(text: &str, name: &str) -> Result<(Vec<Point>, Rows), SpecError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Records {
        chars: text.chars().peekable(),
        line: 1,
    };
    let fail = |line: usize, column: Option<&str>, message: String| {
        SpecError::at(name, line, column.map(str::to_owned), message)
    };

    let mut first = records.next_record();
    while matches!(&first, Some(Ok((_, f))) if f.iter().all(String::is_empty)) {
        first = records.next_record(); // blank lines before the header
    }
    let Some(header) = first else {
        return Err(SpecError::new(
            name,
            "expected a header line (year,total,…) and rows, found nothing",
        ));
    };
    let (header_line, header) = header.map_err(|(line, _, m)| fail(line, None, m))?;
    let mut headers: Vec<Option<(Column, String)>> = Vec::with_capacity(header.len());
    for raw in &header {
        let h = raw.trim();
        if h.is_empty() {
            headers.push(None); // a trailing comma; its cells must be empty
            continue;
        }
        let Some(column) = Column::named(h) else {
            return Err(fail(
                header_line,
                Some(&clip(h)),
                format!(
                    "unknown column \"{}\"; the first line must name the columns: {KNOWN}",
                    clip(h)
                ),
            ));
        };
        if headers.iter().flatten().any(|(c, _)| *c == column) {
            return Err(fail(
                header_line,
                Some(&clip(h)),
                "the column appears twice (total and value are the same column)".into(),
            ));
        }
        headers.push(Some((column, h.to_owned())));
    }
    for needed in [Column::Year, Column::Total] {
        if !headers.iter().flatten().any(|(c, _)| *c == needed) {
            return Err(fail(
                header_line,
                None,
                format!(
                    "expected a {} column, found {}",
                    if needed == Column::Year {
                        "year"
                    } else {
                        "total (or value)"
                    },
                    describe_header(&headers)
                ),
            ));
        }
    }

    let named: Vec<(usize, Column, &str)> = headers
        .iter()
        .enumerate()
        .filter_map(|(i, h)| h.as_ref().map(|(c, written)| (i, *c, written.as_str())))
        .collect();
    let mut points = Vec::new();
    let mut lines = Vec::new();
    while let Some(record) = records.next_record() {
        let column_of = |i: usize| -> Option<String> {
            headers
                .get(i)
                .and_then(|h| h.as_ref())
                .map(|(_, h)| h.clone())
        };
        let (line, fields) =
            record.map_err(|(line, i, m)| SpecError::at(name, line, column_of(i), m))?;
        if fields.iter().all(String::is_empty) {
            continue; // a blank line, or a spreadsheet's empty row (",,,,")
        }
        if fields.len() > headers.len() {
            return Err(fail(
                line,
                None,
                format!(
                    "expected {} fields as in the header, found {} (a note with a comma must be in double quotes)",
                    headers.len(),
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
        let mut point = Point {
            year: f64::NAN,
            value: f64::NAN,
            exports: None,
            imports: None,
            estimate: None,
            split_estimate: None,
            note: None,
        };
        // Only the cells the row has are looked at, and the named columns (at most seven):
        // a header of a million commas costs nothing per row.
        for (i, cell) in fields.iter().enumerate() {
            if !cell.is_empty() && matches!(headers.get(i), Some(None)) {
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
        for (i, column, written) in &named {
            let cell = fields.get(*i).map_or("", String::as_str);
            let bad = |message: String| fail(line, Some(written), message);
            match column {
                Column::Year => point.year = number(cell).map_err(bad)?,
                Column::Total => point.value = number(cell).map_err(bad)?,
                Column::Exports => point.exports = optional_number(cell).map_err(bad)?,
                Column::Imports => point.imports = optional_number(cell).map_err(bad)?,
                Column::Estimate => point.estimate = flag(cell).map_err(bad)?,
                Column::SplitEstimate => point.split_estimate = flag(cell).map_err(bad)?,
                Column::Note => point.note = note(cell),
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
    let headers = headers.into_iter().flatten().collect();
    Ok((
        points,
        Rows {
            name: name.to_owned(),
            lines,
            headers,
        },
    ))
}

/// Reads and checks CSV text as a series on its own (what `parseCSV` gives JS): every
/// error a spec's `csv` would meet in its rows, said at the line and column.
pub fn parse(text: &str, name: &str) -> Result<Vec<Point>, SpecError> {
    let (points, rows) = read(text, name)?;
    let spec = Spec {
        series: Some(points),
        ..Spec::default()
    };
    crate::validate::validate(&spec, &Spec::default()).map_err(|e| rows.locate(e))?;
    Ok(spec.series.unwrap_or_default())
}

/// Points as the spec's JSON (`[{ year, value, … }]`), leaving out what a cell left
/// empty.
pub fn to_json(points: &[Point]) -> Json {
    let items = points.iter().map(|p| {
        let mut obj = vec![
            ("year".to_owned(), Json::Num(p.year)),
            ("value".to_owned(), Json::Num(p.value)),
        ];
        let mut put = |key: &str, v: Option<Json>| {
            if let Some(v) = v {
                obj.push((key.to_owned(), v));
            }
        };
        put("exports", p.exports.map(Json::Num));
        put("imports", p.imports.map(Json::Num));
        put("estimate", p.estimate.map(Json::Bool));
        put("splitEstimate", p.split_estimate.map(Json::Bool));
        put("note", p.note.clone().map(Json::Str));
        Json::Obj(obj)
    });
    Json::Arr(items.collect())
}

fn describe_header(headers: &[Option<(Column, String)>]) -> String {
    let names: Vec<String> = headers.iter().flatten().map(|(_, h)| clip(h)).collect();
    if names.is_empty() {
        "no column names in the first line".into()
    } else {
        format!("only {} in the first line", names.join(", "))
    }
}

/// A plain decimal number (`1234.5`, `-3`, `2e3`): no thousands separators, no `NaN`
/// or `inf`.
fn number(cell: &str) -> Result<f64, String> {
    let s = cell.trim();
    if s.is_empty() {
        return Err("expected a number, found an empty cell".into());
    }
    decimal(s).ok_or_else(|| format!("expected a number, found \"{}\"", clip(s)))
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
/// few units in the last place.
fn decimal(s: &str) -> Option<f64> {
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let (mantissa_text, exponent_text) = match body.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e)),
        None => (body, None),
    };
    let (whole, frac) = mantissa_text.split_once('.').unwrap_or((mantissa_text, ""));
    if whole.is_empty() && frac.is_empty() {
        return None;
    }
    // The significant digits as an integer (up to 19 of them; later ones only move the
    // decimal point) and the power of ten that scales it.
    let (mut mantissa, mut exp10) = (0u64, 0i64);
    for (i, c) in whole.chars().chain(frac.chars()).enumerate() {
        let d = u64::from(c.to_digit(10)?);
        let in_fraction = i >= whole.len();
        match mantissa.checked_mul(10).and_then(|m| m.checked_add(d)) {
            Some(m) => {
                mantissa = m;
                exp10 -= i64::from(in_fraction);
            }
            None => exp10 += i64::from(!in_fraction),
        }
    }
    if let Some(e) = exponent_text {
        let (sign, digits) = match e.strip_prefix('-') {
            Some(rest) => (-1, rest),
            None => (1, e.strip_prefix('+').unwrap_or(e)),
        };
        if digits.is_empty() {
            return None;
        }
        let mut n = 0i64;
        for c in digits.chars() {
            // Beyond ±10^6 every value is 0 or overflows anyway; stop counting there.
            n = (n * 10 + i64::from(c.to_digit(10)?)).min(1_000_000);
        }
        exp10 += sign * n;
    }
    let v = exact(mantissa, exp10).unwrap_or_else(|| approximate(mantissa, exp10));
    Some(if negative { -v } else { v })
}

/// `m` × 10^`e`, correctly rounded, where u128 arithmetic can hold it: `e` from -31 to
/// the power that overflows. Rust's integer to float cast rounds to nearest, ties to
/// even. A fraction is m / 5^k × 2^-k: the quotient keeps at least 55 significant bits
/// and a nonzero remainder sets its lowest bit, so that its one rounding is the right
/// one, and the power of two is exact.
fn exact(m: u64, e: i64) -> Option<f64> {
    let m = u128::from(m);
    if m == 0 {
        return Some(0.0);
    }
    if e >= 0 {
        let p = 10u128.checked_pow(u32::try_from(e).ok()?)?;
        #[allow(clippy::cast_precision_loss)] // rounds once, to nearest
        return Some(m.checked_mul(p)? as f64);
    }
    let k = u32::try_from(-e).ok().filter(|k| *k <= 31)?;
    let shift = m.leading_zeros(); // m << shift has its top bit set: ≥ 2^127
    let (n, p) = (m << shift, 5u128.pow(k)); // p < 2^72, so n / p ≥ 2^55
    let q = (n / p) | u128::from(n % p != 0);
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
        let step = e.unsigned_abs().min(22);
        let p = POW10
            .get(usize::try_from(step).unwrap_or(22))
            .copied()
            .unwrap_or(1e22);
        if e > 0 {
            v *= p;
            e -= i64::try_from(step).unwrap_or(22);
        } else {
            v /= p;
            e += i64::try_from(step).unwrap_or(22);
        }
    }
    v
}

fn optional_number(cell: &str) -> Result<Option<f64>, String> {
    if cell.trim().is_empty() {
        Ok(None)
    } else {
        number(cell).map(Some)
    }
}

/// `yes`, `true` or `1` mark the row; an empty cell, `no`, `false` or `0` do not.
fn flag(cell: &str) -> Result<Option<bool>, String> {
    match cell.trim().to_ascii_lowercase().as_str() {
        "yes" | "true" | "1" => Ok(Some(true)),
        "" | "no" | "false" | "0" => Ok(None),
        _ => Err(format!(
            "expected yes, true, 1 or an empty cell, found \"{}\"",
            clip(cell.trim())
        )),
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

/// A tokenizer over CSV text: one record (the fields of a line, a quoted field may
/// span lines) at a time, with the line it starts on. An error is (line, field index,
/// message).
struct Records<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    line: usize,
}

type Record = Result<(usize, Vec<String>), (usize, usize, String)>;

impl Records<'_> {
    /// A line end: LF, CRLF or a lone CR (older spreadsheets on a Mac).
    fn line_end(&mut self, c: char) -> bool {
        match c {
            '\n' => {}
            '\r' => {
                self.chars.next_if_eq(&'\n');
            }
            _ => return false,
        }
        self.line += 1;
        true
    }

    /// The next record; unquoted fields come trimmed (spreadsheets and hand-written
    /// files pad them), quoted ones exactly as written.
    fn next_record(&mut self) -> Option<Record> {
        self.chars.peek()?;
        let start = self.line;
        let mut fields = Vec::new();
        loop {
            while self.chars.next_if(|c| *c == ' ' || *c == '\t').is_some() {}
            let mut field = String::new();
            let quoted = self.chars.next_if_eq(&'"').is_some();
            if quoted {
                // Up to the closing quote; `""` is one quote.
                let opened = self.line;
                loop {
                    match self.chars.next() {
                        None => {
                            return Some(Err((
                                opened,
                                fields.len(),
                                "a quoted field is not closed (a quote inside one is written \"\")"
                                    .into(),
                            )))
                        }
                        Some('"') if self.chars.next_if_eq(&'"').is_some() => field.push('"'),
                        Some('"') => break,
                        // Line breaks inside stay as written (a note read back is the
                        // note written); the file's lines are still counted.
                        Some(c) => {
                            field.push(c);
                            if c == '\r' {
                                if let Some(lf) = self.chars.next_if_eq(&'\n') {
                                    field.push(lf);
                                }
                                self.line += 1;
                            } else if c == '\n' {
                                self.line += 1;
                            }
                        }
                    }
                }
                while self.chars.next_if(|c| *c == ' ' || *c == '\t').is_some() {}
            }
            // What ends the field: a comma (another follows), a line end, the end.
            let end = loop {
                match self.chars.next() {
                    None => break None,
                    Some(',') => break Some(','),
                    Some(c) if self.line_end(c) => break Some('\n'),
                    Some(_) if quoted => {
                        return Some(Err((
                            self.line,
                            fields.len(),
                            "expected a comma after the closing quote (a quote inside a quoted field is written \"\")"
                                .into(),
                        )))
                    }
                    Some(c) => field.push(c),
                }
            };
            if !quoted && field.trim() != field {
                field = field.trim().to_owned();
            }
            fields.push(field);
            if end != Some(',') {
                return Some(Ok((start, fields)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
