//! Golden SVG files: each spec in tests/specs at each width must render to exactly the
//! reviewed file in tests/golden. After a deliberate change, regenerate with
//! `UPDATE_GOLDEN=1 cargo test --test golden`, look at the PNGs
//! (`node tests/e2e/screenshot.mjs`), and commit the new files with the change.

use std::path::Path;
use trade_target_chart::{json::Json, render_svg};

const CASES: &[(&str, u32)] = &[
    ("default", 320),
    ("default", 640),
    ("default", 1200),
    ("bars", 640),
    ("india-russia", 360),
    ("india-russia", 640),
    ("asof-2021", 640),
    ("asof-2021-reveal", 640),
    ("asof-2021", 320),
    ("breakdown", 640),
    ("breakdown", 320),
    ("ru", 640),
    ("ru", 320),
    ("zh", 640),
    ("zh", 320),
    ("dark", 640),
];

#[test]
fn svg_output_matches_the_reviewed_golden_files() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut mismatches = Vec::new();
    for (name, width) in CASES {
        let spec_text =
            std::fs::read_to_string(format!("tests/specs/{name}.json")).expect("spec file");
        let spec: Json = serde_json::from_str(&spec_text).expect("spec JSON");
        let svg = render_svg(&spec, f64::from(*width), None).expect("spec renders");
        let golden = format!("tests/golden/{name}-{width}.svg");
        if update {
            std::fs::write(&golden, &svg).expect("write golden");
            continue;
        }
        let want = std::fs::read_to_string(Path::new(&golden)).unwrap_or_else(|_| {
            panic!("{golden} is missing: run UPDATE_GOLDEN=1 cargo test --test golden")
        });
        if want != svg {
            mismatches.push(golden);
        }
    }
    assert!(
        mismatches.is_empty(),
        "SVG differs from {mismatches:?}; if the change is intended, regenerate and review"
    );
}

#[test]
fn the_data_file_is_the_default_spec() {
    // src/data/china-russia.json is the documented example: read as a host page's spec it
    // must draw exactly what no spec draws.
    let text = std::fs::read_to_string("src/data/china-russia.json").expect("data file");
    let spec: Json = serde_json::from_str(&text).expect("data JSON");
    assert_eq!(
        render_svg(&spec, 640.0, None).expect("data renders"),
        render_svg(&Json::Null, 640.0, None).expect("default renders")
    );
}
