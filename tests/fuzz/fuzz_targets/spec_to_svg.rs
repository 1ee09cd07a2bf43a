//! Arbitrary bytes as a spec: JSON text (serde_json) -> `Json` -> `model` -> `scene` at a
//! width (and height) taken from the input -> `svg::document`, plus everything else the page
//! derives from a model (tooltips for every column, CSV read back through the `csv` key,
//! description). Any panic, hang or broken invariant is a crash.
//!
//! Input layout: one JSON value, then optional trailing bytes that pick the size:
//! 1–7 bytes: width = their little-endian value; 8–15 bytes: width = that f64 (NaN,
//! infinities and 1e308 included); 16+ bytes: width and height as two f64s. No tail:
//! 640 px. The seeds are plain spec files, so they start at 640 px.
#![no_main]

use libfuzzer_sys::fuzz_target;
use trade_target_chart::json::Json;
use trade_target_chart::{export, story, svg, tooltip, xml};

fn size(tail: &[u8]) -> (f64, Option<f64>) {
    let f = |b: &[u8]| {
        let mut a = [0u8; 8];
        for (d, s) in a.iter_mut().zip(b) {
            *d = *s;
        }
        f64::from_le_bytes(a)
    };
    match tail.len() {
        0 => (640.0, None),
        1..=7 => {
            let mut a = [0u8; 8];
            for (d, s) in a.iter_mut().zip(tail) {
                *d = *s;
            }
            (u64::from_le_bytes(a) as f64, None)
        }
        8..=15 => (f(tail), None),
        _ => (f(tail), Some(f(tail.get(8..).unwrap_or(&[])))),
    }
}

fuzz_target!(|data: &[u8]| {
    let mut stream = serde_json::Deserializer::from_slice(data).into_iter::<Json>();
    let json = match stream.next() {
        Some(Ok(json)) => json,
        _ => return,
    };
    let rest = data.get(stream.byte_offset()..).unwrap_or(&[]);
    let tail = match rest.iter().position(|b| !b.is_ascii_whitespace()) {
        Some(i) => rest.get(i..).unwrap_or(&[]),
        None => &[],
    };
    let (width, height) = size(tail);

    let Ok(model) = trade_target_chart::model(&json) else {
        return;
    };
    let scene = trade_target_chart::scene(&model, width, height);
    assert!(
        scene.width >= 120 && scene.width <= 4000,
        "width {}",
        scene.width
    );
    assert!(
        scene.height >= 1 && scene.height <= 100_000,
        "height {}",
        scene.height
    );
    let svg = svg::document(&scene);
    assert!(svg.starts_with("<svg"), "svg start");
    assert!(svg.ends_with("</svg>\n"), "svg end");
    assert!(!svg.contains("<script"), "raw <script in the SVG");
    assert!(
        svg.chars().all(xml::xml_char),
        "a character XML does not allow"
    );
    let (w, h) = (f64::from(scene.width), f64::from(scene.height));
    for t in scene.texts() {
        let b = t.bounds();
        assert!(
            b.x0 >= 0.0 && b.y0 >= 0.0 && b.x1 <= w && b.y1 <= h,
            "{:?} {:?} at {b:?} leaves the {w}x{h} picture",
            t.role,
            t.text
        );
    }
    for i in 0..scene.columns.len() {
        let _ = tooltip::tip(&model, &scene, i, None);
        let _ = tooltip::tip(&model, &scene, i, Some(story::Part::Exports));
    }
    let _ = tooltip::nearest(&scene, width);
    // "Get the data" reads back through the spec's csv key to the points drawn (values
    // whose digits reach below 1e-31 may move by a few units in the last place).
    let file = export::csv(&model);
    let back = trade_target_chart::model(&Json::Obj(vec![("csv".into(), Json::Str(file))]))
        .expect("toCSV output reads back");
    let same = |a: f64, b: f64| a == b || (a.max(b) < 1e-14 && (a - b).abs() <= 1e-12 * a.max(b));
    assert_eq!(back.points.len(), model.drawn().len(), "points read back");
    for (a, b) in model.drawn().iter().zip(&back.points) {
        assert!(
            a.year == b.year
                && same(a.value, b.value)
                && a.exports.zip(b.exports).is_none_or(|(x, y)| same(x, y))
                && a.exports.is_some() == b.exports.is_some()
                && a.imports.zip(b.imports).is_none_or(|(x, y)| same(x, y))
                && a.imports.is_some() == b.imports.is_some()
                && a.estimate == b.estimate
                && a.note.as_deref().filter(|n| !n.is_empty()) == b.note.as_deref(),
            "{a:?} read back as {b:?}"
        );
    }
    let _ = story::description(&model);
});
