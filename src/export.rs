//! The chart's data as CSV, for "Get the data": one row per drawn year, numbers in the
//! spec's own unit with a plain decimal point (spreadsheets in every locale read them).
//! `csv::read` reads it back to the same series.

use crate::model::Model;

/// A value exactly as given: Rust's shortest form that reads back to the same f64
/// (`240.11`, `0.000001`, `999999999999999`), never an exponent. `format::plain` rounds
/// to six decimals and wrote values from 9.2e12 on wrongly (its fixed point saturates).
fn plain(v: f64) -> String {
    format!("{v}")
}

/// Whether a spreadsheet could take the text (after any apostrophes) for a formula. The
/// export puts an apostrophe before such a text and `csv::read` takes one off, so a
/// note that already begins with `'=` reads back as written too.
pub(crate) fn defused(s: &str) -> bool {
    s.trim_start_matches('\'').starts_with(['=', '+', '-', '@'])
}

/// A CSV field: quoted when it holds a comma, quote or line break or is padded with
/// spaces; a leading `=`, `+`, `-` or `@` is defused so a spreadsheet never runs a note
/// as a formula.
fn field(s: &str) -> String {
    let s = if defused(s) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    // Quoted too when it starts or ends with a space: csv::read trims unquoted fields.
    if s.contains([',', '"', '\n', '\r']) || s.trim() != s {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

pub fn csv(m: &Model) -> String {
    let mut out = String::from("year,total,exports,imports,estimate,note\r\n");
    let num = |v: Option<f64>| v.map(plain).unwrap_or_default();
    for p in m.drawn() {
        let row = [
            p.year.to_string(),
            plain(p.value),
            num(p.exports),
            num(p.imports),
            if p.estimate {
                "yes".into()
            } else {
                String::new()
            },
            field(p.note.as_deref().unwrap_or("")),
        ];
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_rows_follow_the_data_and_defuse_formulas() {
        let m = crate::model(&crate::json::Json::Null).expect("default");
        let csv = csv(&m);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 27);
        assert_eq!(lines[0], "year,total,exports,imports,estimate,note");
        assert_eq!(
            lines[1],
            "2000,8,,,,People's Daily, June 2001"
                .replace("People's Daily, June 2001", "\"People's Daily, June 2001\"")
                .as_str()
        );
        assert!(lines[24].starts_with("2023,240.11,110.9,129.3,,"));
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("-5"), "'-5");
        assert_eq!(field("'=x"), "''=x");
        assert_eq!(field("'quoted'"), "'quoted'");
    }
}
