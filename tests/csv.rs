//! CSV in the core: the spec's `csv` key and `csv::parse` (what `parseCSV` runs) read the
//! widget's own columns, "Get the data" reads back to the same series, and every bad file
//! is rejected whole with the file's line and column.

use trade_target_chart::{csv, export, json::Json, model, spec::Point, SpecError};

fn json(text: &str) -> Json {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("test JSON {text}: {e}"))
}

/// A spec `{ "csv": text, …rest }`.
fn csv_spec(text: &str, rest: &[(&str, Json)]) -> Json {
    let mut obj = vec![("csv".to_owned(), Json::Str(text.to_owned()))];
    obj.extend(rest.iter().map(|(k, v)| ((*k).to_owned(), v.clone())));
    Json::Obj(obj)
}

fn point(year: f64, value: f64) -> Point {
    Point {
        year,
        value,
        exports: None,
        imports: None,
        estimate: None,
        split_estimate: None,
        note: None,
    }
}

#[test]
fn columns_in_any_order_with_value_for_total_quotes_crlf_and_a_bom() {
    let text = "\u{feff}Note,estimate,VALUE,year,imports,exports\r\n\
                \"Customs, \"\"final\"\"\",,10.5,2020,4,6.5\r\n\
                \"two\r\nlines\",yes,12,2021,,\r\n\
                \r\n\
                ,TRUE,1e1,2022,,\r\n";
    let points = csv::parse(text, "csv").expect("reads");
    let mut a = point(2020.0, 10.5);
    a.exports = Some(6.5);
    a.imports = Some(4.0);
    a.note = Some("Customs, \"final\"".into());
    let mut b = point(2021.0, 12.0);
    b.estimate = Some(true);
    b.note = Some("two\r\nlines".into());
    let mut c = point(2022.0, 10.0);
    c.estimate = Some(true);
    assert_eq!(points, vec![a, b, c]);
}

#[test]
fn only_year_and_total_are_needed_and_lf_or_cr_end_lines() {
    for text in ["year,total\n2001,1\n2000,2", "total,year\r2,2000\r1,2001\r"] {
        let p = csv::parse(text, "csv").expect(text);
        assert_eq!(p.len(), 2, "{text}");
    }
}

#[test]
fn padding_blank_lines_and_empty_rows_are_skipped_as_an_inline_script_has_them() {
    // What a <script type="text/csv"> child holds, indented in the page's HTML.
    let text =
        "\n    year, total , note\n    2020, 1.5 , first  \n    ,,\n\n    2021,2,\" kept \"\n  ";
    let mut a = point(2020.0, 1.5);
    a.note = Some("first".into());
    let mut b = point(2021.0, 2.0);
    b.note = Some(" kept ".into());
    assert_eq!(csv::parse(text, "csv").expect("reads"), vec![a, b]);
}

#[test]
fn the_csv_key_becomes_the_series_and_the_rest_of_the_spec_lays_over_it() {
    let text = "year,total,estimate,note\n2019,50,,a\n2020,80,yes,\"b, c\"\n";
    let from_csv = model(&csv_spec(
        text,
        &[
            ("title", Json::Str("Trade".into())),
            ("kind", Json::Str("bars".into())),
        ],
    ))
    .expect("draws");
    let from_series = model(&json(
        r#"{"title":"Trade","kind":"bars","series":[{"year":2019,"value":50,"note":"a"},{"year":2020,"value":80,"estimate":true,"note":"b, c"}]}"#,
    ))
    .expect("draws");
    assert_eq!(from_csv, from_series);
    // Like a spec with `series`, it stands alone: no built-in target leaks in.
    assert!(from_csv.target.is_none());
    assert_eq!(
        trade_target_chart::render_svg(&csv_spec(text, &[]), 640.0, None),
        trade_target_chart::render_svg(
            &json(
                r#"{"series":[{"year":2019,"value":50,"note":"a"},{"year":2020,"value":80,"estimate":true,"note":"b, c"}]}"#
            ),
            640.0,
            None
        )
    );
}

#[test]
fn to_csv_reads_back_to_the_same_series() {
    // Notes with commas, quotes, line breaks and formula signs (defused on export).
    let spec = json(
        r#"{"series":[
            {"year":2017,"value":0.30000000000000004,"note":"'=already defused"},
            {"year":2018,"value":107.06,"exports":47.98,"imports":59.08,"note":"GACC, January 2019"},
            {"year":2019,"value":110.757,"estimate":true,"note":"He said \"about\", then \"\"more\"\""},
            {"year":2020,"value":0.000001,"exports":0,"imports":0.5,"note":"=HYPERLINK(\"http://x\")"},
            {"year":2021,"value":146.887,"note":"-5% on a year\r\nsecond line, ok"},
            {"year":2022,"value":190.271,"note":"@user +1 'quoted'"},
            {"year":2023,"value":999999999999999},
            {"year":2024,"value":1e15,"note":"  padded  "}
        ]}"#,
    );
    let m = model(&spec).expect("draws");
    let text = export::csv(&m);
    assert!(text.contains("'=HYPERLINK"), "defused on export: {text}");
    let back = csv::parse(&text, "data.csv").expect("reads back");
    let Json::Obj(entries) = &spec else {
        unreachable!()
    };
    let series = &entries[0].1;
    assert_eq!(&csv::to_json(&back), series);
    // And the chart drawn from the file is the chart it came from.
    assert_eq!(
        model(&csv_spec(&text, &[])).expect("draws").points,
        m.points
    );
}

#[test]
fn the_default_charts_get_the_data_file_reads_back_to_its_points() {
    let m = model(&Json::Null).expect("default");
    let back = model(&csv_spec(&export::csv(&m), &[])).expect("reads back");
    // splitEstimate is not in "Get the data"; everything else is.
    let strip = |ps: &[trade_target_chart::model::Point]| {
        ps.iter()
            .map(|p| {
                let mut p = p.clone();
                p.split_estimate = false;
                p
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(strip(&back.points), strip(&m.points));
}

fn error(text: &str) -> SpecError {
    match csv::parse(text, "data.csv") {
        Ok(p) => panic!("expected an error for {text:?}, got {p:?}"),
        Err(e) => e,
    }
}

#[test]
fn every_bad_file_names_the_line_and_the_column() {
    let cases: &[(&str, &str)] = &[
        ("", "data.csv: expected a header line (year,total,…) and rows, found nothing"),
        ("year,total\n", "data.csv line 1: expected at least one row under the header, found none"),
        ("year,exports\n2000,1\n", "data.csv line 1: expected a total (or value) column, found only year, exports in the first line"),
        ("total\n1\n", "data.csv line 1: expected a year column, found only total in the first line"),
        ("2000,5\n2001,6\n", "data.csv line 1, column 2000: unknown column \"2000\"; the first line must name the columns: year, total (or value), exports, imports, estimate, splitEstimate, note"),
        ("year,total,value\n2000,1,1\n", "data.csv line 1, column value: the column appears twice (total and value are the same column)"),
        ("year,total\n2000,1\n2001,2\n2002,3\n2003,4\n2004,5\n2005,n/a\n", "data.csv line 7, column total: expected a number, found \"n/a\""),
        ("year,total\n2000,\n", "data.csv line 2, column total: expected a number, found an empty cell"),
        ("year,total\n2000\n", "data.csv line 2, column total: expected a number, found an empty cell"),
        ("year,total\n2000,1 234\n", "data.csv line 2, column total: expected a number, found \"1 234\""),
        ("Year,Total,Exports\n2000,1,lots\n", "data.csv line 2, column Exports: expected a number, found \"lots\""),
        ("year,total,estimate\n2000,1,maybe\n", "data.csv line 2, column estimate: expected yes, true, 1 or an empty cell, found \"maybe\""),
        ("year,total,note\n2000,1,a, b\n", "data.csv line 2: expected 3 fields as in the header, found 4 (a note with a comma must be in double quotes)"),
        ("year,total,note\n2000,1,\"open\n2001,2,x\n", "data.csv line 2, column note: a quoted field is not closed (a quote inside one is written \"\")"),
        ("year,total,note\n2000,1,\"a\"b\n", "data.csv line 2, column note: expected a comma after the closing quote (a quote inside a quoted field is written \"\")"),
        ("year,total,\n2000,1,x\n", "data.csv line 2: field 3 has no column name in the header, found \"x\" in it"),
        // What validate finds, said at the line and the column as the header wrote it.
        ("year,value\n2000,1\n2000.5,2\n", "data.csv line 3, column year: expected a whole year from 1900 to 2200, found 2000.5"),
        ("year,value\n2000,1\n2001,-2\n", "data.csv line 3, column value: expected a value of 0 or more, found -2"),
        ("year,total\n2000,1\n2001,2\n\n2000,3\n", "data.csv line 5, column year: year 2000 appears twice (first on line 2)"),
        ("year,total,exports,splitEstimate\n2000,1,1,yes\n", "data.csv line 2, column splitEstimate: expected exports and imports to go with it, found no split"),
    ];
    for (text, expected) in cases {
        assert_eq!(error(text).to_string(), *expected, "for {text:?}");
    }
    let long_note = format!("year,total,note\n2000,1,{}\n", "x".repeat(501));
    assert_eq!(
        error(&long_note).to_string(),
        "data.csv line 2, column note: expected at most 500 characters, found 501"
    );
    let many: String = (0..=10_000)
        .map(|i| format!("{},1\n", 1900 + i % 300))
        .collect();
    assert_eq!(
        error(&format!("year,total\n{many}")).to_string(),
        "data.csv line 10002: expected at most 10000 rows, found more"
    );
    // A hostile header: a million empty columns cost nothing per row (a reader walking
    // every column for every row would take 10^10 steps here).
    let wide = format!(
        "year,total{}\n{}",
        ",".repeat(1_000_000),
        "2000,1\n".repeat(10_001)
    );
    assert_eq!(
        error(&wide).to_string(),
        "data.csv line 10002: expected at most 10000 rows, found more"
    );
    // The parts an edge hands on (JS `e.line`, `e.column`).
    let e = error("year,total\n2000,1\n2001,n/a\n");
    assert_eq!(
        (e.path.as_str(), e.line, e.column.as_deref()),
        ("data.csv", Some(3), Some("total"))
    );
    assert_eq!(e.message, "expected a number, found \"n/a\"");
}

#[test]
fn the_spec_key_says_csv_and_a_bad_file_is_rejected_whole() {
    let e = model(&csv_spec("year,total\n2000,1\n2001,n/a\n", &[])).expect_err("bad");
    assert_eq!(
        e.to_string(),
        "csv line 3, column total: expected a number, found \"n/a\""
    );
    let e = model(&json(
        r#"{"csv":"year,total\n2000,1\n","series":[{"year":2000,"value":1}]}"#,
    ))
    .expect_err("both");
    assert_eq!(
        e.to_string(),
        "csv: expected csv or series, found both (the csv's rows are the series)"
    );
    let e = model(&json(r#"{"csv":5}"#)).expect_err("not text");
    assert_eq!(e.to_string(), "csv: expected a string, found a number");
    // An error outside the rows keeps its JSON path.
    let e = model(&csv_spec(
        "year,total\n2000,1\n",
        &[("milestones", json(r#"[{"year":1999,"label":"x"}]"#))],
    ))
    .expect_err("milestone");
    assert_eq!((e.path.as_str(), e.line), ("milestones[0].year", None));
}
