//! The hostile-spec table: bad and strange specs, each with its exact outcome. A spec is
//! either refused — by the JSON parser (native edge) or with a `SpecError` at an exact
//! path with an exact message — or drawn, safely (well-formed SVG with only the chart's
//! characters, every text inside the picture at every width, layout finishing) and with
//! the property its row states. Crashes found by the fuzzer (tests/fuzz) and the property
//! tests (tests/proptest.rs) are rows here too, marked "regression".

use serde_json::{json, Value};
use std::time::{Duration, Instant};
use trade_target_chart::json::Json;
use trade_target_chart::model::Model;
use trade_target_chart::scene::{Role, Scene};
use trade_target_chart::{export, model, scene, story, svg, tooltip, xml};

/// A chart drawn at 640 px, for the row's property.
struct Drawn {
    model: Model,
    scene: Scene,
    svg: String,
}

impl Drawn {
    fn texts(&self, role: Role) -> Vec<String> {
        self.scene
            .texts()
            .filter(|t| t.role == role)
            .map(|t| t.text.clone())
            .collect()
    }
    fn all_text(&self) -> String {
        self.scene
            .texts()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

enum Want {
    /// The JSON text is refused by the parser with exactly this message.
    NotJson(String),
    /// A `SpecError` at this path with this message.
    Error(String, String),
    /// Drawn; the property is stated in words and checked by the function.
    Draws(&'static str, Box<dyn Fn(&Drawn) -> bool>),
}

struct Case {
    name: String,
    text: String,
    want: Want,
}

fn error(name: impl Into<String>, spec: Value, path: &str, message: impl Into<String>) -> Case {
    Case {
        name: name.into(),
        text: spec.to_string(),
        want: Want::Error(path.into(), message.into()),
    }
}

fn error_text(name: &str, text: impl Into<String>, path: &str, message: impl Into<String>) -> Case {
    Case {
        name: name.into(),
        text: text.into(),
        want: Want::Error(path.into(), message.into()),
    }
}

fn not_json(name: &str, text: impl Into<String>, message: &str) -> Case {
    Case {
        name: name.into(),
        text: text.into(),
        want: Want::NotJson(message.into()),
    }
}

fn draws(
    name: &str,
    text: impl Into<String>,
    property: &'static str,
    check: impl Fn(&Drawn) -> bool + 'static,
) -> Case {
    Case {
        name: name.into(),
        text: text.into(),
        want: Want::Draws(property, Box::new(check)),
    }
}

fn series(n: usize) -> Value {
    Value::Array(
        (0..n)
            .map(|i| json!({ "year": 1900 + (i % 301), "value": i }))
            .collect(),
    )
}

fn nested(depth: usize, open: char, close: char) -> String {
    format!(
        "{}{}",
        open.to_string().repeat(depth),
        close.to_string().repeat(depth)
    )
}

const SPEC_KEYS: &str = "title, subtitle, unit, series, csv, target, milestones, source, kind, renderer, height, theme, locale, asOf, reveal, parts, links";

/// Wrong types at every key of the spec and of its nested objects.
fn wrong_types() -> Vec<Case> {
    #[derive(Clone, Copy)]
    enum T {
        Str,
        Num,
        Bool,
        Obj,
        Arr,
        Choice(&'static str),
    }
    use T::*;
    let keys: &[(&str, &str, T)] = &[
        ("", "title", Str),
        ("", "subtitle", Str),
        ("", "unit", Obj),
        ("", "series", Arr),
        ("", "target", Obj),
        ("", "milestones", Arr),
        ("", "source", Obj),
        ("", "kind", Choice(r#""line", "bars", "breakdown""#)),
        ("", "renderer", Choice(r#""svg", "canvas""#)),
        ("", "height", Num),
        ("", "theme", Choice(r#""auto", "light", "dark""#)),
        ("", "locale", Choice(r#""en", "ru", "zh""#)),
        ("", "asOf", Str),
        ("", "reveal", Bool),
        ("", "parts", Obj),
        ("", "links", Bool),
        ("unit", "prefix", Str),
        ("unit", "suffix", Str),
        ("unit", "label", Str),
        ("series[0]", "year", Num),
        ("series[0]", "value", Num),
        ("series[0]", "exports", Num),
        ("series[0]", "imports", Num),
        ("series[0]", "estimate", Bool),
        ("series[0]", "splitEstimate", Bool),
        ("series[0]", "note", Str),
        ("target", "value", Num),
        ("target", "year", Num),
        ("target", "label", Str),
        ("target", "set", Num),
        ("milestones[0]", "year", Num),
        ("milestones[0]", "label", Str),
        ("source", "text", Str),
        ("source", "url", Str),
        ("parts", "exports", Str),
        ("parts", "imports", Str),
    ];
    let mut out = Vec::new();
    for &(parent, key, t) in keys {
        let (what, wrong): (String, Vec<(Value, &str)>) = match t {
            Str => (
                "a string".into(),
                vec![
                    (json!(5), "a number"),
                    (json!(["x"]), "an array"),
                    (json!(true), "a boolean"),
                ],
            ),
            Num => (
                "a number".into(),
                vec![
                    (json!("NaN"), "a string"),
                    (json!("Infinity"), "a string"),
                    (json!({}), "an object"),
                ],
            ),
            Bool => (
                "true or false".into(),
                vec![(json!("true"), "a string"), (json!(1), "a number")],
            ),
            Obj => (
                "an object".into(),
                vec![
                    (json!("x"), "a string"),
                    (json!([]), "an array"),
                    (json!(0), "a number"),
                ],
            ),
            Arr => (
                "an array".into(),
                vec![(json!({}), "an object"), (json!("[]"), "a string")],
            ),
            Choice(options) => (
                format!("one of {options}"),
                vec![(json!(1), "a number"), (json!(["line"]), "an array")],
            ),
        };
        for (value, found) in wrong {
            let spec = match parent {
                "" => json!({ key: value }),
                "series[0]" => {
                    let mut p = json!({ "year": 2000, "value": 1 });
                    p[key] = value.clone();
                    json!({ "series": [p] })
                }
                "milestones[0]" => {
                    let mut m = json!({ "year": 2000, "label": "x" });
                    m[key] = value.clone();
                    json!({ "series": [{ "year": 2000, "value": 1 }], "milestones": [m] })
                }
                "target" => {
                    let mut t = json!({ "value": 200, "year": 2024 });
                    t[key] = value.clone();
                    json!({ "target": t })
                }
                "source" => {
                    let mut s = json!({ "text": "x" });
                    s[key] = value.clone();
                    json!({ "source": s })
                }
                other => json!({ other: { key: value } }),
            };
            let path = if parent.is_empty() {
                key.to_owned()
            } else {
                format!("{parent}.{key}")
            };
            out.push(error(
                format!("wrong type: {path} = {value}"),
                spec,
                &path,
                format!("expected {what}, found {found}"),
            ));
        }
    }
    out
}

fn table() -> Vec<Case> {
    let mut t = wrong_types();
    let one = |extra: Value| {
        let mut spec = json!({ "series": [{ "year": 2000, "value": 1 }] });
        if let (Some(s), Value::Object(e)) = (spec.as_object_mut(), extra) {
            s.extend(e);
        }
        spec
    };
    let mb = "x".repeat(1 << 20);

    // Numbers that are not numbers, or not sensible ones.
    t.push(error(
        "NaN as a string",
        json!({ "series": [{ "year": 2000, "value": "NaN" }] }),
        "series[0].value",
        "expected a number, found a string",
    ));
    t.push(error(
        "Infinity as a string year",
        json!({ "series": [{ "year": "Infinity", "value": 1 }] }),
        "series[0].year",
        "expected a number, found a string",
    ));
    t.push(error(
        "-Infinity as a string target",
        json!({ "target": { "value": "-Infinity", "year": 2024 } }),
        "target.value",
        "expected a number, found a string",
    ));
    t.push(not_json(
        "a bare NaN literal",
        r#"{"series":[{"year":2000,"value":NaN}]}"#,
        "expected value at line 1 column 33",
    ));
    t.push(not_json(
        "a bare Infinity literal",
        r#"{"height":Infinity}"#,
        "expected value at line 1 column 11",
    ));
    t.push(not_json(
        "1e999 overflows",
        r#"{"height":1e999}"#,
        "number out of range at line 1 column 15",
    ));
    t.push(error(
        "1e308 as a value",
        json!({ "series": [{ "year": 2000, "value": 1e308 }] }),
        "series[0].value",
        "expected a value of at most 1e15, found more than 1e15",
    ));
    t.push(error(
        "-1e308 as a value",
        json!({ "series": [{ "year": 2000, "value": -1e308 }] }),
        "series[0].value",
        "expected a value of 0 or more, found less than -1e15",
    ));
    t.push(error(
        "1e15 + 1 as a value",
        json!({ "series": [{ "year": 2000, "value": 1_000_000_000_000_001u64 }] }),
        "series[0].value",
        "expected a value of at most 1e15, found more than 1e15",
    ));
    t.push(error(
        "1e308 as a year",
        json!({ "series": [{ "year": 1e308, "value": 1 }] }),
        "series[0].year",
        "expected a whole year from 1900 to 2200, found more than 1e15",
    ));
    t.push(error(
        "1e308 as a height",
        json!({ "height": 1e308 }),
        "height",
        "expected a height in pixels from 160 to 2000, found more than 1e15",
    ));
    t.push(error(
        "a negative value",
        json!({ "series": [{ "year": 2000, "value": -1 }] }),
        "series[0].value",
        "expected a value of 0 or more, found -1",
    ));
    t.push(error(
        "a negative import",
        json!({ "series": [{ "year": 2000, "value": 1, "imports": -0.5 }] }),
        "series[0].imports",
        "expected a value of 0 or more, found -0.5",
    ));
    t.push(error(
        "a fractional year",
        json!({ "series": [{ "year": 2000.5, "value": 1 }] }),
        "series[0].year",
        "expected a whole year from 1900 to 2200, found 2000.5",
    ));
    t.push(error(
        "year 0",
        json!({ "series": [{ "year": 0, "value": 1 }] }),
        "series[0].year",
        "expected a whole year from 1900 to 2200, found 0",
    ));
    t.push(error(
        "year -0",
        json!({ "series": [{ "year": -0.0, "value": 1 }] }),
        "series[0].year",
        "expected a whole year from 1900 to 2200, found 0",
    ));
    t.push(error(
        "year 2201",
        json!({ "series": [{ "year": 2201, "value": 1 }] }),
        "series[0].year",
        "expected a whole year from 1900 to 2200, found 2201",
    ));
    t.push(error(
        "height 0",
        json!({ "height": 0 }),
        "height",
        "expected a height in pixels from 160 to 2000, found 0",
    ));
    t.push(error(
        "height 159",
        json!({ "height": 159 }),
        "height",
        "expected a height in pixels from 160 to 2000, found 159",
    ));
    t.push(error(
        "height -1",
        json!({ "height": -1 }),
        "height",
        "expected a height in pixels from 160 to 2000, found -1",
    ));
    t.push(draws(
        "zero values everywhere",
        one(json!({ "series": [{ "year": 2000, "value": 0 }, { "year": 2001, "value": 0 }] }))
            .to_string(),
        "an all-zero series draws on a 0–0.2 axis, its value label 0.0 without a sign",
        |d| d.texts(Role::YTick) == ["0.0", "0.2"] && d.texts(Role::ValueLabel) == ["0.0"],
    ));
    t.push(draws("negative zero", json!({ "series": [{ "year": 2000, "value": -0.0 }], "unit": { "prefix": "$", "suffix": "B" } }).to_string(),
        "-0 reads as $0.0B, never -$0.0B",
        |d| d.texts(Role::ValueLabel) == ["$0.0B"] && !d.all_text().contains('-')));
    t.push(draws("regression (code review, fuzz seed hostile-subnormal): subnormal values", json!({ "series": [{ "year": 2000, "value": 5e-324 }, { "year": 2001, "value": 1e-323 }] }).to_string(),
        "values below 1e-290 used to give a zero tick step (endless ticks, or a loop that never ended); now a 0–1 axis with at most 7 ticks",
        |d| (2..=7).contains(&d.texts(Role::YTick).len())));
    t.push(draws("regression (tests/e2e/isolation.test.mjs): a subnormal last value, asOf and a target", json!({
        "series": [{ "year": 2000, "value": 100 }, { "year": 2001, "value": 5e-324 }, { "year": 2010, "value": 300 }],
        "target": { "value": 1e15, "year": 2050 }, "asOf": "2002-06-01", "kind": "bars"
    }).to_string(),
        "the pace from 5e-324 overflowed and the dashed projection ran billions of pixels off the picture (hundreds of millions of dashes: gigabytes, then a wasm abort that killed every chart on the page); now no pace is claimed and the SVG stays small",
        |d| d.model.needed_pace().is_none() && d.svg.len() < 100_000 && !d.all_text().contains("needs")));
    t.push(draws("regression (same): a target 1e20 times the last value", json!({
        "series": [{ "year": 2000, "value": 1e-5 }], "target": { "value": 1e15, "year": 2001 }, "asOf": "2001-01-01"
    }).to_string(),
        "the projection is drawn within the plot, in a handful of dashes",
        |d| d.model.needed_pace().is_some() && d.svg.matches("<line").count() < 200));
    t.push(draws("regression (proptest): a fixed height too small for the texts", json!({
        "height": 160, "title": "W ".repeat(250), "subtitle": "中 ".repeat(250),
        "source": { "text": "s ".repeat(250) }, "series": [{ "year": 2000, "value": 1, "estimate": true }]
    }).to_string(),
        "the footer and axis were drawn below a 160 px picture; the chart now grows to hold its texts and a 40 px plot",
        |d| d.scene.height > 160));
    t.push(draws("a tiny target", json!({ "series": [{ "year": 2000, "value": 0 }], "target": { "value": 1e-300, "year": 2001 } }).to_string(),
        "a 1e-300 target gets a finite axis of at most 7 ticks",
        |d| (2..=7).contains(&d.texts(Role::YTick).len())));
    t.push(draws("the largest values", json!({ "series": [{ "year": 1900, "value": 1e15, "exports": 1e15, "imports": 1e15 }, { "year": 2200, "value": 0 }], "kind": "breakdown" }).to_string(),
        "1e15 + 1e15 stacked draws, the axis covering 2e15",
        |d| d.model.max_value() == 2e15 && d.scene.columns.len() == 2));

    // Series sizes and order.
    t.push(error(
        "an empty series",
        json!({ "series": [] }),
        "series",
        "expected at least one point, found an empty array",
    ));
    t.push(error(
        "100 000 points",
        json!({ "series": series(100_000) }),
        "series",
        "expected at most 10000 entries, found 100000",
    ));
    t.push(error(
        "10 001 milestones",
        json!({ "milestones": series(10_001) }),
        "milestones",
        "expected at most 10000 entries, found 10001",
    ));
    t.push(error("21 milestones", one(json!({ "milestones": (0..21).map(|_| json!({ "year": 2000, "label": "x" })).collect::<Vec<_>>() })), "milestones", "expected at most 20 milestones, found 21"));
    t.push(error("duplicate years", json!({ "series": [{ "year": 2001, "value": 1 }, { "year": 2000, "value": 1 }, { "year": 2001, "value": 2 }] }), "series[2].year", "year 2001 appears twice (first at series[0])"));
    t.push(draws("unsorted years", json!({ "series": [{ "year": 2003, "value": 3 }, { "year": 2001, "value": 1 }, { "year": 2002, "value": 2 }] }).to_string(),
        "points are sorted by year; columns run left to right",
        |d| d.model.points.iter().map(|p| p.year).collect::<Vec<_>>() == [2001, 2002, 2003]
            && d.scene.columns.windows(2).all(|w| w[0].x < w[1].x)));
    t.push(draws(
        "one point",
        json!({ "series": [{ "year": 2024, "value": 5 }] }).to_string(),
        "a single point draws one column in the middle",
        |d| d.scene.columns.len() == 1,
    ));
    t.push(draws("301 years, 1900 to 2200", json!({ "series": (1900..=2200).map(|y| json!({ "year": y, "value": y - 1900 })).collect::<Vec<_>>() }).to_string(),
        "every year 1900–2200 gets a column",
        |d| d.scene.columns.len() == 301));
    // 10 000 entries read, but only 301 distinct years exist.
    t.push(error("10 000 points with years beyond 2200", json!({ "series": (0..10_000).map(|i| json!({ "year": 1900 + i, "value": 1 })).collect::<Vec<_>>() }), "series[301].year", "expected a whole year from 1900 to 2200, found 2201"));

    // Targets.
    t.push(error(
        "a target below zero",
        json!({ "target": { "value": -5, "year": 2024 } }),
        "target.value",
        "expected a value of 0 or more, found -5",
    ));
    t.push(error(
        "a zero target",
        json!({ "target": { "value": 0, "year": 2024 } }),
        "target.value",
        "expected a target above 0, found 0",
    ));
    t.push(error(
        "a target in the year 1000",
        json!({ "target": { "value": 200, "year": 1000 } }),
        "target.year",
        "expected a whole year from 1900 to 2200, found 1000",
    ));
    t.push(error(
        "a target set after its year",
        json!({ "target": { "value": 200, "year": 2024, "set": 2025 } }),
        "target.set",
        "expected a year no later than target.year (2024), found 2025",
    ));
    t.push(error(
        "a target without a year",
        json!({ "target": { "value": 200 } }),
        "target.year",
        "expected a number, found nothing",
    ));
    t.push(error(
        "a target with a null value",
        json!({ "target": { "value": null, "year": 2024 } }),
        "target.value",
        "expected a number, found nothing",
    ));
    t.push(draws(
        "a target far beyond the data",
        one(json!({ "target": { "value": 1e15, "year": 2200 } })).to_string(),
        "the x axis runs to the target's year and the y axis to its value",
        |d| {
            d.texts(Role::XTick)
                .last()
                .is_some_and(|t| t.contains("2200"))
                && d.model.max_value() == 1e15
        },
    ));

    // Nesting.
    t.push(error_text(
        "nesting 1000 deep (arrays)",
        nested(1000, '[', ']'),
        "",
        "the spec is nested more than 32 levels deep at line 1 column 33",
    ));
    t.push(error_text(
        "nesting 1000 deep inside a key",
        format!(r#"{{"title":{}}}"#, nested(1000, '[', ']')),
        "",
        "the spec is nested more than 32 levels deep at line 1 column 41",
    ));
    t.push(error_text(
        "nesting 32 deep is read, then refused by type",
        format!(r#"{{"title":{}}}"#, nested(31, '[', ']')),
        "title",
        "expected a string, found an array",
    ));
    t.push(error_text(
        "nesting 33 deep",
        format!(r#"{{"title":{}}}"#, nested(32, '[', ']')),
        "",
        "the spec is nested more than 32 levels deep at line 1 column 42",
    ));
    t.push(error_text(
        "objects nested 1000 deep",
        format!("{}1{}", r#"{"a":"#.repeat(1000), "}".repeat(1000)),
        "",
        "the spec is nested more than 32 levels deep at line 1 column 161",
    ));

    // Huge strings and keys.
    t.push(error(
        "a 1 MB title",
        json!({ "title": mb }),
        "title",
        "expected at most 500 characters, found 1048576",
    ));
    t.push(error(
        "a 1 MB note",
        json!({ "series": [{ "year": 2000, "value": 1, "note": mb }] }),
        "series[0].note",
        "expected at most 500 characters, found 1048576",
    ));
    t.push(error(
        "a 1 MB key",
        json!({ mb.clone(): 1 }),
        &format!("{}…", "x".repeat(40)),
        format!(
            "unknown key \"{}…\"; known keys: {SPEC_KEYS}",
            "x".repeat(40)
        ),
    ));
    t.push(error(
        "a 1 MB kind",
        json!({ "kind": mb }),
        "kind",
        format!(
            r#"expected one of "line", "bars", "breakdown", found "{}…""#,
            "x".repeat(40)
        ),
    ));
    t.push(error(
        "501 characters of emoji",
        json!({ "subtitle": "😀".repeat(501) }),
        "subtitle",
        "expected at most 500 characters, found 501",
    ));
    t.push(error(
        "a 13-character prefix",
        json!({ "unit": { "prefix": "ABCDEFGHIJKLM" } }),
        "unit.prefix",
        "expected at most 12 characters, found 13",
    ));
    t.push(error(
        "three family emoji in a suffix",
        json!({ "unit": { "suffix": "👩\u{200D}👩\u{200D}👧".repeat(3) } }),
        "unit.suffix",
        "expected at most 12 characters, found 15",
    ));
    t.push(draws(
        "two family emoji in a suffix",
        json!({ "unit": { "suffix": "👩\u{200D}👩\u{200D}👧".repeat(2) } }).to_string(),
        "characters are counted, joiners included: 2 × 5 = 10 fit in 12",
        |d| d.model.unit.suffix.chars().count() == 10,
    ));
    t.push(draws("500 characters everywhere", json!({
        "title": "W".repeat(500), "subtitle": "中".repeat(500), "unit": { "prefix": "😀".repeat(12), "suffix": "W".repeat(12), "label": "\u{200B}".repeat(500) },
        "series": [{ "year": 2000, "value": 1, "note": "n".repeat(500) }, { "year": 2001, "value": 2 }],
        "target": { "value": 3, "year": 2002, "label": "T".repeat(500) },
        "milestones": [{ "year": 2000, "label": "M".repeat(500) }],
        "source": { "text": "s ".repeat(250), "url": format!("https://example.com/{}", "u".repeat(480)) },
        "parts": { "exports": "E".repeat(500), "imports": "I".repeat(500) }, "kind": "breakdown"
    }).to_string(),
        "regression (proptest): long units, parts and labels are cut with an ellipsis to stay inside the picture",
        |d| d.all_text().contains('…')));

    // Keys that mean something elsewhere.
    t.push(error(
        "__proto__",
        json!({ "__proto__": { "title": "x" } }),
        "__proto__",
        format!(r#"unknown key "__proto__"; known keys: {SPEC_KEYS}"#),
    ));
    t.push(error(
        "constructor",
        json!({ "constructor": { "prototype": {} } }),
        "constructor",
        format!(r#"unknown key "constructor"; known keys: {SPEC_KEYS}"#),
    ));
    t.push(error(
        "prototype",
        json!({ "prototype": 1 }),
        "prototype",
        format!(r#"unknown key "prototype"; known keys: {SPEC_KEYS}"#),
    ));
    t.push(error(
        "__proto__ in a point",
        json!({ "series": [{ "year": 2000, "value": 1, "__proto__": {} }] }),
        "series[0].__proto__",
        r#"unknown key "__proto__"; known keys: year, value, exports, imports, estimate, splitEstimate, note"#,
    ));
    t.push(error(
        "toString in the unit",
        json!({ "unit": { "toString": "x" } }),
        "unit.toString",
        r#"unknown key "toString"; known keys: prefix, suffix, label"#,
    ));
    t.push(error(
        "an empty key",
        json!({ "": 1 }),
        "",
        format!(r#"unknown key ""; known keys: {SPEC_KEYS}"#),
    ));
    t.push(error(
        "a key with a dot",
        json!({ "series.0": 1 }),
        "series.0",
        r#"unknown key "series.0"; did you mean "series"?"#,
    ));
    t.push(draws(
        "a repeated key keeps the last value, as JSON.parse does",
        r#"{"title":"first","kind":"bars","title":"last"}"#,
        "regression (review): the native edge drew \"first\" where the browser drew \"last\"",
        |d| {
            d.texts(Role::Title) == ["last"] && d.model.kind == trade_target_chart::spec::Kind::Bars
        },
    ));
    t.push(draws(
        "a repeated year key in a point",
        r#"{"series":[{"year":1999,"value":1,"year":2001}]}"#,
        "the last year counts",
        |d| d.model.points[0].year == 2001,
    ));

    // Text in every script, and characters that are not text.
    let title_is = |want: &'static str| {
        move |d: &Drawn| {
            d.scene.title == want
                && d.svg
                    .contains(&format!("<title>{}</title>", xml::escape(want)))
        }
    };
    t.push(draws(
        "an emoji title",
        json!({ "title": "Trade 😀🇷🇺🇨🇳👩\u{200D}👩\u{200D}👧" }).to_string(),
        "the title is the accessible name, unchanged",
        title_is("Trade 😀🇷🇺🇨🇳👩\u{200D}👩\u{200D}👧"),
    ));
    t.push(draws(
        "zero-width characters",
        json!({ "title": "a\u{200B}b\u{200C}c\u{200D}d\u{FEFF}e\u{2060}" }).to_string(),
        "zero-width characters pass through untouched",
        title_is("a\u{200B}b\u{200C}c\u{200D}d\u{FEFF}e\u{2060}"),
    ));
    t.push(draws(
        "combining characters",
        json!({ "title": "Z\u{351}\u{34B}\u{35D}a\u{30A}\u{347}l\u{314}g\u{302}o" }).to_string(),
        "combining marks pass through (and measure 0 wide)",
        title_is("Z\u{351}\u{34B}\u{35D}a\u{30A}\u{347}l\u{314}g\u{302}o"),
    ));
    t.push(draws(
        "a Cyrillic title",
        json!({ "title": "Товарооборот России и Китая" }).to_string(),
        "Cyrillic drawn as given",
        title_is("Товарооборот России и Китая"),
    ));
    t.push(draws(
        "a CJK title",
        json!({ "title": "中俄贸易额突破2000亿美元" }).to_string(),
        "CJK drawn as given",
        title_is("中俄贸易额突破2000亿美元"),
    ));
    t.push(draws(
        "a right-to-left title",
        json!({ "title": "التجارة بين الصين وروسيا שלום" }).to_string(),
        "Arabic and Hebrew drawn as given",
        title_is("التجارة بين الصين وروسيا שלום"),
    ));
    t.push(draws(
        "bidi overrides",
        json!({ "title": "\u{202E}gnp.exe\u{202C} \u{2067}x\u{2069}" }).to_string(),
        "direction controls stay inside the text element",
        title_is("\u{202E}gnp.exe\u{202C} \u{2067}x\u{2069}"),
    ));
    t.push(draws("regression (proptest): control characters", json!({ "title": "a\u{1}b\u{8}c\u{1F}d\u{7F}", "unit": { "prefix": "\u{0}$" } }).to_string(),
        "U+0000–U+001F (but tab and newlines) made the SVG unreadable to an XML parser; they are dropped when the SVG is written",
        |d| d.svg.contains("<title>abcd\u{7F}</title>") && !d.svg.contains('\u{1}') && !d.svg.contains('\u{0}')));
    t.push(draws(
        "regression (proptest): noncharacters",
        json!({ "title": "x\u{FFFE}y\u{FFFF}z" }).to_string(),
        "U+FFFE and U+FFFF are dropped from the SVG",
        |d| d.svg.contains("<title>xyz</title>"),
    ));
    t.push(draws(
        "newlines and tabs in a title",
        json!({ "title": "line one\nline two\tand\r\nthree" }).to_string(),
        "whitespace breaks words, never lines of markup",
        |d| d.texts(Role::Title).join(" ") == "line one line two and three",
    ));
    t.push(draws(
        "a blank title",
        json!({ "title": "" }).to_string(),
        "an empty title draws no title line and no crash",
        |d| d.texts(Role::Title).is_empty(),
    ));

    // Markup and script in every text field (the XSS end-to-end test does it in a browser).
    for (field, spec) in [
        ("title", json!({ "title": "<script>alert(1)</script>" })),
        (
            "subtitle",
            json!({ "subtitle": "</text><script>alert(1)</script>" }),
        ),
        (
            "unit.label",
            json!({ "unit": { "label": "<img src=x onerror=alert(1)>" } }),
        ),
        (
            "unit.prefix",
            json!({ "unit": { "prefix": "<b>", "suffix": "</b>" } }),
        ),
        (
            "target.label",
            json!({ "target": { "value": 200, "year": 2024, "label": "\"><svg onload=alert(1)>" } }),
        ),
        (
            "milestones",
            json!({ "milestones": [{ "year": 2018, "label": "<svg><foreignObject>x</foreignObject></svg>" }] }),
        ),
        (
            "source.text",
            json!({ "source": { "text": "&lt;script&gt; & ]]> <!--" } }),
        ),
        (
            "parts",
            json!({ "kind": "breakdown", "parts": { "exports": "<i>", "imports": "url(javascript:alert(1))" } }),
        ),
    ] {
        t.push(draws(&format!("markup in {field}"), spec.to_string(),
            "the markup is text: its < is written &lt; (and no element or on* attribute of its own appears: checked for every drawn row)",
            |d| d.svg.contains("&lt;") || d.svg.contains("url(javascript:alert(1))")));
    }
    t.push(draws(
        "markup in note",
        json!({ "series": [{ "year": 2000, "value": 1, "note": "<script>alert(1)</script>" }] })
            .to_string(),
        "a note is not drawn in the SVG at all (only in the tooltip, as text)",
        |d| !d.svg.contains("script"),
    ));
    t.push(draws("a note with a payload is text in the tooltip", json!({ "series": [{ "year": 2000, "value": 1, "note": "<img src=x onerror=alert(1)>" }] }).to_string(),
        "the tooltip's lines carry the note as plain text (the DOM edge writes them with textContent)",
        |d| tooltip::tip(&d.model, &d.scene, 0, None).is_some_and(|t| t.lines.iter().any(|l| l.contains("<img src=x onerror=alert(1)>")))));
    t.push(draws(
        "a formula in a note",
        json!({ "series": [{ "year": 2000, "value": 1, "note": "=HYPERLINK(\"http://x\")" }] })
            .to_string(),
        "the CSV defuses it",
        |d| export::csv(&d.model).contains("\"'=HYPERLINK(\"\"http://x\"\")\""),
    ));

    // Links.
    for (name, url) in [
        ("javascript: URL", "javascript:alert(1)"),
        (
            "JavaScript: in capitals with spaces",
            "  JavaScript:alert(1)",
        ),
        ("javascript: with a tab", "java\tscript:alert(1)"),
        ("data: URL", "data:text/html,<script>alert(1)</script>"),
        ("vbscript: URL", "vbscript:msgbox(1)"),
        ("a protocol-relative URL", "//evil.example/"),
        ("a relative URL", "/charts/source.html"),
        ("an ftp URL", "ftp://example.com/"),
        ("an http URL with no scheme separator", "https:example.com"),
    ] {
        t.push(error(
            name,
            json!({ "source": { "text": "x", "url": url } }),
            "source.url",
            "expected an http:// or https:// URL",
        ));
    }
    t.push(draws(
        "an HTTPS URL in capitals, padded",
        json!({ "source": { "text": "x", "url": "  HTTPS://EXAMPLE.COM/a?b=<c>&d=\"e\"  " } })
            .to_string(),
        "kept as a link, trimmed; it never appears inside the SVG",
        |d| {
            d.model.source_url.as_deref() == Some("HTTPS://EXAMPLE.COM/a?b=<c>&d=\"e\"")
                && !d.svg.contains("EXAMPLE.COM")
        },
    ));
    t.push(error(
        "a source without text",
        json!({ "source": { "url": "https://example.com" } }),
        "source.text",
        "expected a string, found nothing",
    ));

    // Choices and dates.
    t.push(error(
        "kind in capitals",
        json!({ "kind": "Line" }),
        "kind",
        r#"expected one of "line", "bars", "breakdown", found "Line""#,
    ));
    t.push(error(
        "an empty locale",
        json!({ "locale": "" }),
        "locale",
        r#"expected one of "en", "ru", "zh", found """#,
    ));
    t.push(error(
        "a locale tag",
        json!({ "locale": "ru-RU" }),
        "locale",
        r#"expected one of "en", "ru", "zh", found "ru-RU""#,
    ));
    t.push(error(
        "asOf on 29 February of a common year",
        json!({ "asOf": "2023-02-29" }),
        "asOf",
        r#"expected a date like "2021-06-20", found "2023-02-29""#,
    ));
    t.push(error(
        "asOf with full-width digits",
        json!({ "asOf": "２０２１-０６-２０" }),
        "asOf",
        r#"expected a date like "2021-06-20", found "２０２１-０６-２０""#,
    ));
    t.push(error(
        "asOf with a time",
        json!({ "asOf": "2021-06-20T00:00:00Z" }),
        "asOf",
        r#"expected a date like "2021-06-20", found "2021-06-20T00:00:00Z""#,
    ));
    t.push(error(
        "asOf in the year 1000",
        json!({ "asOf": "1000-01-01" }),
        "asOf",
        r#"expected a date like "2021-06-20", found "1000-01-01""#,
    ));
    t.push(error(
        "asOf before the data",
        json!({ "asOf": "2000-06-01" }),
        "asOf",
        "expected a date after the first complete year of the series (2000)",
    ));
    t.push(draws(
        "asOf on 29 February of a leap year",
        json!({ "asOf": "2020-02-29" }).to_string(),
        "a real day: drawn as of it",
        |d| d.model.as_of == Some((2020, 2, 29)) && d.model.cutoff == Some(2019),
    ));
    t.push(error(
        "a milestone off the series",
        json!({ "milestones": [{ "year": 1999, "label": "x" }] }),
        "milestones[0].year",
        "expected a year that is in the series, found 1999",
    ));

    // Whole documents that are not specs.
    t.push(error_text(
        "a JSON string holding JSON",
        r#""{\"title\": \"x\"}""#,
        "",
        "expected an object, found a string",
    ));
    t.push(error_text(
        "an array",
        "[]",
        "",
        "expected an object, found an array",
    ));
    t.push(error_text(
        "a number",
        "42",
        "",
        "expected an object, found a number",
    ));
    t.push(error_text(
        "true",
        "true",
        "",
        "expected an object, found a boolean",
    ));
    t.push(draws(
        "null",
        "null",
        "no spec at all draws the default chart",
        |d| d.model.points.len() == 26,
    ));
    t.push(draws(
        "series: null",
        r#"{"series":null,"title":null}"#,
        "null counts as absent: the default chart",
        |d| d.model.points.len() == 26,
    ));
    t.push(not_json(
        "text that is not JSON",
        "not json at all {",
        "expected ident at line 1 column 2",
    ));
    t.push(not_json(
        "a trailing comma",
        r#"{"title":"x",}"#,
        "trailing comma at line 1 column 14",
    ));
    t.push(not_json(
        "an empty document",
        "",
        "EOF while parsing a value at line 1 column 0",
    ));
    t.push(not_json(
        "a byte-order mark",
        "\u{FEFF}{}",
        "expected value at line 1 column 1",
    ));
    // CSV text in the spec's `csv` key: read by src/csv.rs, refused whole or drawn.
    let csv = |text: String| json!({ "csv": text });
    t.push(error(
        "csv: a 1 MB note",
        csv(format!("year,total,note\n2000,1,{mb}\n")),
        "csv",
        "expected at most 500 characters, found 1048576",
    ));
    t.push(error(
        "csv: a 1 MB number",
        csv(format!("year,total\n2000,{mb}\n")),
        "csv",
        format!("expected a number, found \"{}…\"", "x".repeat(40)),
    ));
    t.push(error(
        "csv: a 1 MB run of quotes",
        csv(format!(
            "year,total,note\n2000,1,\"{}\n",
            "\"".repeat(1 << 20)
        )),
        "csv",
        "a quoted field is not closed (a quote inside one is written \"\")",
    ));
    t.push(error(
        "csv: only a byte order mark",
        csv("\u{feff}".into()),
        "csv",
        "expected a header line (year,total,…) and rows, found nothing",
    ));
    t.push(error(
        "csv: a second byte order mark and a zero-width space in the header",
        csv("\u{feff}\u{feff}year,to\u{200b}tal\n2000,1\n".into()),
        "csv",
        "unknown column \"\u{feff}year\"; the first line must name the columns: year, total (or value), exports, imports, estimate, splitEstimate, note",
    ));
    t.push(error(
        "csv: NaN, inf and a hex number",
        csv("year,total,exports,imports\n2000,1,NaN,inf\n".into()),
        "csv",
        "expected a number, found \"NaN\"",
    ));
    t.push(error(
        "csv: csv and series together",
        json!({ "csv": "year,total\n2000,1\n", "series": [{ "year": 2000, "value": 1 }] }),
        "csv",
        "expected csv or series, found both (the csv's rows are the series)",
    ));
    t.push(draws(
        "csv: control characters, RTL and a NUL in notes; CR line ends",
        csv("year,total,note\r2000,1,\u{0}\u{7}\u{202e}evil\r2001,2,\"<script>\"\r".into())
            .to_string(),
        "the notes are kept as written (escaped where they are shown)",
        |d| {
            d.model.points.first().and_then(|p| p.note.as_deref()) == Some("\u{0}\u{7}\u{202e}evil")
                && d.model.points.get(1).and_then(|p| p.note.as_deref()) == Some("<script>")
        },
    ));
    // Only 301 years exist, so 10 000 rows must repeat one; the error says where.
    t.push(error(
        "csv: 10 000 rows (the most a series may have)",
        csv(std::iter::once("year,total".to_owned())
            .chain((0..10_000).map(|i| format!("{},{i}", 1900 + i % 301)))
            .collect::<Vec<_>>()
            .join("\n")),
        "csv",
        "year 1900 appears twice (first on line 2)",
    ));
    t.push(not_json(
        "a lone surrogate escape",
        r#"{"title":"\ud800"}"#,
        "unexpected end of hex escape at line 1 column 17",
    ));
    t.push(not_json(
        "single quotes",
        "{'title':'x'}",
        "key must be a string at line 1 column 2",
    ));
    t.push(not_json(
        "a comment",
        "{/* c */}",
        "key must be a string at line 1 column 2",
    ));
    t
}

const WIDTHS: &[f64] = &[
    1.0,
    120.0,
    320.0,
    640.0,
    1200.0,
    4000.0,
    f64::NAN,
    f64::INFINITY,
    -5.0,
    1e308,
];

/// The safety every drawn spec must have, at every width: the SVG is a well-formed document
/// of the chart's own elements with only XML characters, and every text is inside.
fn safe(m: &Model, width: f64) -> Result<(), String> {
    let s = scene(m, width, None);
    let svg = svg::document(&s);
    if !svg.starts_with("<svg") || !svg.ends_with("</svg>\n") {
        return Err("not an SVG document".into());
    }
    if let Some(c) = svg.chars().find(|&c| !xml::xml_char(c)) {
        return Err(format!("U+{:04X} in the SVG", u32::from(c)));
    }
    for tag in svg.split('<').skip(1) {
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if ![
            "svg", "title", "desc", "rect", "line", "polyline", "circle", "text",
        ]
        .contains(&name.as_str())
        {
            return Err(format!("element <{name}>"));
        }
        // Attribute names: what follows a space inside the tag, up to `=`.
        let inside = tag.split('>').next().unwrap_or("");
        let mut quoted = false;
        let mut at_name = false;
        let mut attr = String::new();
        for c in inside.chars() {
            match c {
                '"' => quoted = !quoted,
                ' ' if !quoted => {
                    at_name = true;
                    attr.clear();
                }
                '=' if !quoted && at_name => {
                    if attr.to_ascii_lowercase().starts_with("on")
                        || attr == "href"
                        || attr == "style"
                    {
                        return Err(format!("attribute {attr} on <{name}>"));
                    }
                    at_name = false;
                }
                c if !quoted && at_name => attr.push(c),
                _ => {}
            }
        }
    }
    let (w, h) = (f64::from(s.width), f64::from(s.height));
    for t in s.texts() {
        let b = t.bounds();
        if b.x0 < 0.0 || b.y0 < 0.0 || b.x1 > w || b.y1 > h {
            return Err(format!(
                "{:?} {:?} at {b:?} leaves the {w}x{h} picture",
                t.role, t.text
            ));
        }
    }
    for i in 0..s.columns.len() {
        if let Some(tip) = tooltip::tip(m, &s, i, None) {
            if tip.rect.x0 < 0.0
                || tip.rect.y0 < 0.0
                || tip.rect.x1 > w + 0.5
                || tip.rect.y1 > h + 0.5
            {
                return Err(format!("tooltip {i} at {:?} leaves the picture", tip.rect));
            }
        }
    }
    let _ = story::description(m);
    let _ = export::csv(m);
    Ok(())
}

fn check(case: &Case) -> Result<(), String> {
    let parsed: Result<Json, String> = serde_json::from_str(&case.text).map_err(|e| e.to_string());
    let result = parsed.clone().map(|json| model(&json));
    match (&case.want, parsed, result) {
        (Want::NotJson(msg), Err(e), _) if &e == msg => Ok(()),
        (Want::Error(path, msg), Err(e), _) if path.is_empty() && &e == msg => Ok(()),
        (Want::Error(path, msg), _, Ok(Err(e))) if &e.path == path && &e.message == msg => Ok(()),
        (Want::Draws(property, check), _, Ok(Ok(m))) => {
            for &w in WIDTHS {
                safe(&m, w).map_err(|e| format!("at {w} px: {e}"))?;
            }
            let s = scene(&m, 640.0, None);
            let d = Drawn {
                svg: svg::document(&s),
                scene: s,
                model: m,
            };
            if check(&d) {
                Ok(())
            } else {
                Err(format!("drawn, but not so: {property}"))
            }
        }
        (_, Err(e), _) => Err(format!("the JSON was refused: {e}")),
        (_, _, Ok(Err(e))) => Err(format!("refused at {:?}: {:?}", e.path, e.message)),
        (_, _, Ok(Ok(_))) => Err("drawn, but should have been refused".into()),
        (_, Ok(_), Err(e)) => Err(e),
    }
}

#[test]
fn every_hostile_spec_has_its_exact_outcome() {
    let cases = table();
    let started = Instant::now();
    let mut failures = Vec::new();
    let (mut refused, mut drawn) = (0, 0);
    for case in &cases {
        match &case.want {
            Want::Draws(..) => drawn += 1,
            _ => refused += 1,
        }
        if let Err(e) = check(case) {
            failures.push(format!("{}: {e}", case.name));
        }
    }
    println!(
        "hostile table: {} specs ({refused} refused, {drawn} drawn) in {:?}",
        cases.len(),
        started.elapsed()
    );
    assert!(
        failures.is_empty(),
        "{} of {} rows fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    assert!(cases.len() >= 100, "the table has {} rows", cases.len());
}

/// serde_json's own limit (128) is never reached: `Json` stops at 32, with a clean error.
#[test]
fn deep_nesting_errors_cleanly_at_both_limits() {
    let deep = nested(1000, '[', ']');
    let e = serde_json::from_str::<Value>(&deep)
        .map(|_| ())
        .map_err(|e| e.to_string());
    assert_eq!(
        e,
        Err("recursion limit exceeded at line 1 column 128".into())
    );
    let e = serde_json::from_str::<Json>(&deep)
        .map(|_| ())
        .map_err(|e| e.to_string());
    assert_eq!(
        e,
        Err("the spec is nested more than 32 levels deep at line 1 column 33".into())
    );
    // The depth count is left at zero after an error: a normal spec still reads.
    let ok = serde_json::from_str::<Json>(r#"{"series":[{"year":2000,"value":1}]}"#);
    assert!(ok.is_ok());
}

/// Layout finishes quickly at every width even for the largest valid spec.
#[test]
fn the_largest_valid_spec_lays_out_in_time() {
    let spec = json!({
        "series": (1900..=2200).map(|y| json!({ "year": y, "value": f64::from(y - 1899) * 1e12, "exports": 1e12, "imports": 2e12, "estimate": y % 2 == 0, "note": "n".repeat(500) })).collect::<Vec<_>>(),
        "milestones": (0..20).map(|i| json!({ "year": 1900 + i * 15, "label": "M".repeat(500) })).collect::<Vec<_>>(),
        "target": { "value": 1e15, "year": 2200, "label": "T".repeat(500) },
        "kind": "breakdown", "asOf": "2200-12-31", "reveal": true
    });
    let m = model(&serde_json::from_value::<Json>(spec).expect("json")).expect("valid");
    let started = Instant::now();
    for w in [1.0, 320.0, 640.0, 4000.0] {
        safe(&m, w).unwrap_or_else(|e| panic!("at {w}: {e}"));
    }
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
}
