//! Every kind of bad spec gives a SpecError with the exact JSON path and message.

use trade_target_chart::{json::Json, model, SpecError};

fn parse(text: &str) -> Json {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("test JSON {text}: {e}"))
}

fn error_of(json: &Json) -> SpecError {
    match model(json) {
        Ok(_) => panic!("expected an error for {json:?}"),
        Err(e) => e,
    }
}

#[test]
fn each_bad_spec_names_its_path_and_what_was_expected() {
    let long = "x".repeat(501);
    let many: Vec<String> = (0..10_001)
        .map(|i| format!("{{\"year\":2000,\"value\":{i}}}"))
        .collect();
    let cases: Vec<(String, &str, String)> = vec![
        ("[1]".into(), "", "expected an object, found an array".into()),
        (r#"{"titel":"x"}"#.into(), "titel", r#"unknown key "titel"; did you mean "title"?"#.into()),
        (r#"{"serie":[]}"#.into(), "serie", r#"unknown key "serie"; did you mean "series"?"#.into()),
        (
            r#"{"zzzzzzzz":1}"#.into(),
            "zzzzzzzz",
            r#"unknown key "zzzzzzzz"; known keys: title, subtitle, unit, series, csv, target, milestones, source, kind, renderer, height, theme, locale, asOf, reveal, parts, links"#.into(),
        ),
        (r#"{"target":{"value":1,"year":2024,"lable":"x"}}"#.into(), "target.lable", r#"unknown key "lable"; did you mean "label"?"#.into()),
        (r#"{"title":5}"#.into(), "title", "expected a string, found a number".into()),
        (format!(r#"{{"title":"{long}"}}"#), "title", "expected at most 500 characters, found 501".into()),
        (r#"{"series":{}}"#.into(), "series", "expected an array, found an object".into()),
        (r#"{"series":[]}"#.into(), "series", "expected at least one point, found an empty array".into()),
        (format!(r#"{{"series":[{}]}}"#, many.join(",")), "series", "expected at most 10000 entries, found 10001".into()),
        (r#"{"series":[{"year":2000,"value":1},{"year":2001,"value":2},{"year":2002,"value":3},{"year":2003,"value":"abc"}]}"#.into(), "series[3].value", "expected a number, found a string".into()),
        (r#"{"series":[5]}"#.into(), "series[0]", "expected an object, found a number".into()),
        (r#"{"series":[{"year":2000}]}"#.into(), "series[0].value", "expected a number, found nothing".into()),
        (r#"{"series":[{"year":2000,"value":-1}]}"#.into(), "series[0].value", "expected a value of 0 or more, found -1".into()),
        (r#"{"series":[{"year":2000,"value":1e308}]}"#.into(), "series[0].value", "expected a value of at most 1e15, found more than 1e15".into()),
        (r#"{"series":[{"year":2000.5,"value":1}]}"#.into(), "series[0].year", "expected a whole year from 1900 to 2200, found 2000.5".into()),
        (r#"{"series":[{"year":1000,"value":1}]}"#.into(), "series[0].year", "expected a whole year from 1900 to 2200, found 1000".into()),
        (r#"{"series":[{"year":2000,"value":1},{"year":2001,"value":1},{"year":2000,"value":2}]}"#.into(), "series[2].year", "year 2000 appears twice (first at series[0])".into()),
        (r#"{"series":[{"year":2000,"value":1,"estimate":"yes"}]}"#.into(), "series[0].estimate", "expected true or false, found a string".into()),
        (r#"{"series":[{"year":2000,"value":1,"exports":-2}]}"#.into(), "series[0].exports", "expected a value of 0 or more, found -2".into()),
        (r#"{"series":[{"year":2000,"value":1,"splitEstimate":"yes"}]}"#.into(), "series[0].splitEstimate", "expected true or false, found a string".into()),
        (r#"{"series":[{"year":2000,"value":1,"exports":1,"splitEstimate":true}]}"#.into(), "series[0].splitEstimate", "expected exports and imports to go with it, found no split".into()),
        (r#"{"target":{"value":0,"year":2024}}"#.into(), "target.value", "expected a target above 0, found 0".into()),
        (r#"{"target":{"value":-5,"year":2024}}"#.into(), "target.value", "expected a value of 0 or more, found -5".into()),
        (r#"{"target":{"value":200}}"#.into(), "target.year", "expected a number, found nothing".into()),
        (r#"{"target":{"value":200,"year":2024,"set":2030}}"#.into(), "target.set", "expected a year no later than target.year (2024), found 2030".into()),
        (r#"{"milestones":[{"year":1999,"label":"x"}]}"#.into(), "milestones[0].year", "expected a year that is in the series, found 1999".into()),
        (r#"{"milestones":[{"year":2018}]}"#.into(), "milestones[0].label", "expected a string, found nothing".into()),
        (r#"{"source":{"text":"x","url":"javascript:alert(1)"}}"#.into(), "source.url", "expected an http:// or https:// URL".into()),
        (r#"{"unit":{"prefix":"a very long prefix"}}"#.into(), "unit.prefix", "expected at most 12 characters, found 18".into()),
        (r#"{"kind":"pie"}"#.into(), "kind", r#"expected one of "line", "bars", "breakdown", found "pie""#.into()),
        (r#"{"locale":"de"}"#.into(), "locale", r#"expected one of "en", "ru", "zh", found "de""#.into()),
        (r#"{"theme":"blue"}"#.into(), "theme", r#"expected one of "auto", "light", "dark", found "blue""#.into()),
        (r#"{"asOf":"2021-02-30"}"#.into(), "asOf", r#"expected a date like "2021-06-20", found "2021-02-30""#.into()),
        (r#"{"asOf":"June 2021"}"#.into(), "asOf", r#"expected a date like "2021-06-20", found "June 2021""#.into()),
        (r#"{"asOf":"2000-06-01"}"#.into(), "asOf", "expected a date after the first complete year of the series (2000)".into()),
        (r#"{"reveal":"yes"}"#.into(), "reveal", "expected true or false, found a string".into()),
        (r#"{"parts":{"export":"x"}}"#.into(), "parts.export", r#"unknown key "export"; did you mean "exports"?"#.into()),
        (r#"{"renderer":3}"#.into(), "renderer", r#"expected one of "svg", "canvas", found a number"#.into()),
        (r#"{"height":10}"#.into(), "height", "expected a height in pixels from 160 to 2000, found 10".into()),
    ];
    for (json, path, message) in cases {
        let e = error_of(&parse(&json));
        assert_eq!(
            (e.path.as_str(), e.message.as_str()),
            (path, message.as_str()),
            "for {}",
            &json[..json.len().min(120)]
        );
    }
}

#[test]
fn non_finite_numbers_from_js_are_rejected() {
    // JSON text cannot hold NaN, but a JS object passed to the wasm can.
    for (v, shown) in [(f64::NAN, "NaN"), (f64::INFINITY, "Infinity")] {
        let json = Json::Obj(vec![(
            "series".into(),
            Json::Arr(vec![Json::Obj(vec![
                ("year".into(), Json::Num(2000.0)),
                ("value".into(), Json::Num(v)),
            ])]),
        )]);
        let e = error_of(&json);
        assert_eq!(e.path, "series[0].value");
        assert_eq!(
            e.message,
            format!("expected a finite number, found {shown}")
        );
    }
}

#[test]
fn nesting_deeper_than_the_limit_is_refused_not_overflowed() {
    let deep = format!("{{\"title\":{}1{}}}", "[".repeat(40), "]".repeat(40));
    let err = serde_json::from_str::<Json>(&deep)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.starts_with("the spec is nested more than 32 levels deep"),
        "{err}"
    );
    // Depth is counted per read: a later shallow spec still reads.
    assert!(serde_json::from_str::<Json>("[[1]]").is_ok());
}

#[test]
fn error_display_joins_path_and_message() {
    let e = error_of(&parse(r#"{"title":5}"#));
    assert_eq!(e.to_string(), "title: expected a string, found a number");
}

#[test]
fn null_and_empty_spec_give_the_default_chart() {
    let a = model(&Json::Null).expect("null is the default");
    let b = model(&parse("{}")).expect("{} is the default");
    assert_eq!(a, b);
    assert_eq!(a.points.len(), 26);
}
