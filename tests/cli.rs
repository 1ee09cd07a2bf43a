//! The native CLI: the same SVG as the golden files, PNG output, errors with paths.

use std::io::Write;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_trade-target-chart");

fn run(args: &[&str], stdin: &str) -> std::process::Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write");
    child.wait_with_output().expect("output")
}

#[test]
fn render_writes_the_golden_svg() {
    let out = run(&["render", "--width", "640"], "");
    assert!(out.status.success());
    let golden = std::fs::read("tests/golden/default-640.svg").expect("golden");
    assert_eq!(out.stdout, golden);
    let dark = run(&["render", "-", "--width", "640"], r#"{"theme":"dark"}"#);
    assert_eq!(
        dark.stdout,
        std::fs::read("tests/golden/dark-640.svg").expect("golden")
    );
}

#[test]
fn render_writes_a_png_at_the_asked_scale() {
    let path = std::env::temp_dir().join(format!("ttc-cli-{}.png", std::process::id()));
    let p = path.to_str().expect("utf-8 path");
    let out = run(&["render", "--width", "640", "--scale", "2", "-o", p], "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let png = std::fs::read(&path).expect("png written");
    let _ = std::fs::remove_file(&path);
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let be = |i: usize| u32::from_be_bytes([png[i], png[i + 1], png[i + 2], png[i + 3]]);
    // IHDR: width and height at bytes 16 and 20; the 640 px chart at scale 2.
    assert_eq!(be(16), 1280);
    assert_eq!(be(20), 2 * 397);
}

#[test]
fn a_bad_spec_fails_with_its_path() {
    let out = run(
        &["render", "-"],
        r#"{"series":[{"year":2000,"value":"abc"}]}"#,
    );
    assert!(!out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "trade-target-chart: series[0].value: expected a number, found a string"
    );
    let out = run(&["render", "-"], "{not json");
    assert!(String::from_utf8_lossy(&out.stderr).contains("the spec is not valid JSON"));
}

#[test]
fn a_csv_file_is_the_series_and_its_errors_name_the_file_line_and_column() {
    let dir = std::env::temp_dir().join(format!("ttc-cli-csv-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let good = dir.join("trade.csv");
    std::fs::write(
        &good,
        "note,year,total\r\n\"a, \"\"b\"\"\",2020,1.5\r\n,2021,2\r\n",
    )
    .expect("write");
    let bad = dir.join("data.csv");
    std::fs::write(&bad, "year,total\n2020,1\n2021,n/a\n").expect("write");
    let (good, bad) = (good.to_str().expect("utf-8"), bad.to_str().expect("utf-8"));
    let series = r#"{"title":"T","series":[{"year":2020,"value":1.5,"note":"a, \"b\""},{"year":2021,"value":2}]}"#;
    let expected = run(&["render", "-"], series);
    assert!(expected.status.success());
    // --data under a spec (whose series it replaces), and a .csv in place of the spec.
    let over = run(
        &["render", "-", "--data", good],
        r#"{"title":"T","series":[{"year":1999,"value":9}]}"#,
    );
    assert_eq!(String::from_utf8_lossy(&over.stderr), "");
    assert_eq!(over.stdout, expected.stdout);
    let alone = run(&["render", good], "");
    assert!(alone.status.success());
    assert_eq!(
        alone.stdout,
        run(&["render", "-"], &series.replace(r#""title":"T","#, "")).stdout
    );
    let out = run(&["render", bad], "");
    assert!(!out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        r#"trade-target-chart: data.csv line 3, column total: expected a number, found "n/a""#
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn schema_is_json_that_names_every_spec_key() {
    let out = run(&["schema"], "");
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let props = schema["properties"].as_object().expect("properties");
    for key in [
        "title",
        "series",
        "target",
        "milestones",
        "asOf",
        "locale",
        "theme",
        "links",
    ] {
        assert!(props.contains_key(key), "{key}");
    }
    assert_eq!(
        schema["additionalProperties"],
        serde_json::Value::Bool(false)
    ); // Per-point fields, splitEstimate among them, come from the Rust types too.
    let text = String::from_utf8_lossy(&out.stdout);
    for key in ["estimate", "splitEstimate", "note"] {
        assert!(text.contains(&format!("\"{key}\"")), "{key}");
    }
}

#[test]
fn render_html_writes_the_golden_fragment_as_renderhtml_does() {
    // tests/golden/fragment-*.html are also what renderHTML gives in Node and in the
    // browser (tests/e2e/static-first.test.mjs): the same bytes from both edges.
    let out = run(&["render", "--width", "640", "--html"], "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let golden = std::fs::read("tests/golden/fragment-default-640.html").expect("golden");
    assert_eq!(out.stdout, golden);
    let text = std::fs::read_to_string("tests/golden/fragments.json").expect("cases");
    let cases: serde_json::Value = serde_json::from_str(&text).expect("cases JSON");
    for case in cases.as_array().expect("cases") {
        let name = case["name"].as_str().expect("name");
        let width = case["width"].to_string();
        let spec = case["spec"].to_string();
        let out = run(&["render", "-", "--width", &width, "--html"], &spec);
        let golden = std::fs::read(format!("tests/golden/{name}.html")).expect("golden");
        assert!(out.stdout == golden, "{name}: the CLI's fragment differs");
    }
    // `-o chart.html` writes the fragment too, without --html.
    let path = std::env::temp_dir().join(format!("ttc-cli-{}.html", std::process::id()));
    let p = path.to_str().expect("utf-8 path");
    let out = run(&["render", "--width", "640", "-o", p], "");
    assert!(out.status.success());
    let written = std::fs::read(&path).expect("html written");
    let _ = std::fs::remove_file(&path);
    assert_eq!(written, golden_default());
}

fn golden_default() -> Vec<u8> {
    std::fs::read("tests/golden/fragment-default-640.html").expect("golden")
}

#[test]
fn help_succeeds_and_names_every_command_and_option() {
    for args in [
        &["--help"][..],
        &["-h"],
        &["render", "--width", "640", "--help"],
    ] {
        let out = run(args, "");
        assert!(out.status.success(), "{args:?} exits 0");
        let usage = String::from_utf8_lossy(&out.stdout);
        for word in [
            "render", "schema", "--width", "--height", "--scale", "--html", "-o", "120-4000",
        ] {
            assert!(usage.contains(word), "{args:?}: usage names {word}");
        }
        assert!(out.stderr.is_empty());
    }
}

#[test]
fn a_size_that_is_not_a_positive_number_is_refused_as_rendersvg_refuses_it() {
    for (flag, value) in [
        ("--width", "0"),
        ("--width", "-5"),
        ("--width", "abc"),
        ("--width", "inf"),
        ("--height", "0"),
        ("--height", "NaN"),
    ] {
        let out = run(&["render", flag, value], "");
        assert!(!out.status.success(), "{flag} {value} fails");
        assert!(out.stdout.is_empty(), "{flag} {value} draws nothing");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            err.trim_end(),
            format!("trade-target-chart: {flag} must be a positive number, not \"{value}\"")
        );
    }
    let unknown = run(&["draw"], "");
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("unknown command draw"));
}

#[test]
fn render_html_without_a_width_writes_the_fragment_that_fits_every_column() {
    // The README's build step without Node: the same bytes as renderHTML(spec).
    let out = run(&["render", "--html"], "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let golden = std::fs::read("tests/golden/fragment-default-fit.html").expect("golden");
    assert!(
        out.stdout == golden,
        "differs from tests/golden/fragment-default-fit.html"
    );
    // SVG output keeps its 640 px default.
    let svg = run(&["render"], "");
    assert!(String::from_utf8_lossy(&svg.stdout)
        .starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\""));
}
