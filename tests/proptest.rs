//! Random valid-looking specs through the whole pipeline (JSON text -> Json -> Model ->
//! Scene -> SVG) at random sizes: nothing panics, layout finishes, the SVG is well formed
//! with every user string escaped (no element or attribute a string could smuggle in),
//! and every text box stays inside the picture.
//!
//! Cases are kept modest so this runs in seconds in a debug build on 2 cores;
//! `PROPTEST_CASES=5000 cargo test --release --test proptest` for a longer run.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::sample::{subsequence, Index};
use serde_json::{json, Map, Value};
use std::sync::mpsc;
use std::time::{Duration, Instant};
use trade_target_chart::json::Json;
use trade_target_chart::scene::Scene;
use trade_target_chart::{export, model, scene, svg};

/// Pieces that random texts are made of: scripts, emoji, combining marks, zero-width and
/// direction controls, markup and entities.
const PIECES: &[&str] = &[
    "Trade",
    "passed",
    " ",
    " ",
    "  ",
    "\t",
    "\n",
    "торговля",
    "Товарооборот",
    "中俄贸易",
    "贸易额突破目标",
    "مرحبا بالعالم",
    "שלום",
    "\u{202E}override\u{202C}",
    "\u{2067}isolate\u{2069}",
    "😀",
    "👩\u{200D}👩\u{200D}👧",
    "🇷🇺🇨🇳",
    "e\u{301}\u{302}\u{303}",
    "\u{200B}",
    "\u{200D}",
    "\u{FEFF}",
    "\u{1}",
    "\u{1F}",
    "\u{7F}",
    "\u{FFFE}",
    "<script>alert(1)</script>",
    "</text><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"><svg onload=alert(1)>",
    "<svg><foreignObject><div>x</div></foreignObject></svg>",
    "javascript:alert(1)",
    "url(javascript:alert(1))",
    "&lt;script&gt;",
    "&amp;",
    "&",
    "'\"",
    "]]>",
    "<!--",
    "$",
    "1,234.5",
    "%",
    "—",
    "…",
];

const ASCII: [char; 12] = ['a', 'Z', 'q', '0', '9', ' ', '.', ',', '-', '/', '?', '='];

fn text(max: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => proptest::sample::select(PIECES).prop_map(str::to_owned),
        1 => (proptest::sample::select(&["W", "i", "中", "😀", "\u{301}", "a "][..]), 1usize..=500)
            .prop_map(|(c, n)| c.repeat(n)),
        2 => proptest::collection::vec(proptest::sample::select(&ASCII[..]), 0..20)
            .prop_map(|cs| cs.into_iter().collect::<String>()),
    ];
    proptest::collection::vec(piece, 0..12)
        .prop_map(move |parts| parts.concat().chars().take(max).collect())
}

fn opt_text(max: usize) -> impl Strategy<Value = Option<String>> {
    proptest::option::weighted(0.6, text(max))
}

fn amount() -> impl Strategy<Value = f64> {
    prop_oneof![
        1 => Just(0.0),
        4 => 0.0..1e12f64,
        3 => 0.0..1000.0f64,
        1 => 0.0..1e-6f64,
        1 => prop_oneof![Just(5e-324), Just(1e-310), 0.0..1e-300f64],
    ]
}

#[derive(Debug, Clone)]
struct Case {
    spec: Value,
    /// Every string the spec carries, for the report when a case fails.
    strings: Vec<String>,
    sizes: Vec<(f64, Option<f64>)>,
}

fn put(obj: &mut Map<String, Value>, strings: &mut Vec<String>, key: &str, v: Option<String>) {
    if let Some(s) = v {
        strings.push(s.clone());
        obj.insert(key.into(), Value::String(s));
    }
}

fn case() -> impl Strategy<Value = Case> {
    let years = subsequence((1900..=2200).collect::<Vec<i32>>(), 1..=300).prop_shuffle();
    let points = years.prop_flat_map(|years| {
        let n = years.len();
        (
            Just(years),
            proptest::collection::vec(
                (
                    amount(),
                    proptest::option::weighted(0.3, (amount(), amount())),
                    proptest::option::of(any::<bool>()),
                    proptest::option::weighted(0.2, text(500)),
                ),
                n,
            ),
        )
    });
    let texts = (
        opt_text(500),
        opt_text(500),
        opt_text(12),
        opt_text(12),
        opt_text(500),
        opt_text(500),
        opt_text(500),
        opt_text(500),
        opt_text(500),
    );
    let target = proptest::option::weighted(
        0.7,
        (
            prop_oneof![1e-6..1e12f64, 1.0..1000.0f64],
            1900..=2200i32,
            proptest::option::of(0..=300i32),
            opt_text(500),
        ),
    );
    let milestones = proptest::collection::vec((any::<Index>(), text(500)), 0..=20);
    let choices = (
        proptest::option::of(proptest::sample::select(&["line", "bars", "breakdown"][..])),
        proptest::option::of(proptest::sample::select(&["svg", "canvas"][..])),
        proptest::option::of(proptest::sample::select(&["auto", "light", "dark"][..])),
        proptest::option::of(proptest::sample::select(&["en", "ru", "zh"][..])),
        proptest::option::weighted(0.3, (any::<u16>(), 1u32..=12, 1u32..=28)),
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<bool>()),
        proptest::option::weighted(0.2, 160.0..=2000.0f64),
    );
    let sizes = proptest::collection::vec(
        (
            prop_oneof![8 => 1.0..=4000.0f64, 1 => Just(1.0), 1 => Just(4000.0), 1 => 120.0..=480.0f64],
            proptest::option::weighted(0.3, 1.0..=3000.0f64),
        ),
        1..=3,
    );
    (points, texts, target, milestones, choices, sizes).prop_map(
        |((years, values), texts, target, milestones, choices, sizes)| {
            let mut strings = Vec::new();
            let mut spec = Map::new();
            let (title, subtitle, prefix, suffix, label, source, exports, imports, url_tail) =
                texts;
            put(&mut spec, &mut strings, "title", title);
            put(&mut spec, &mut strings, "subtitle", subtitle);
            let mut unit = Map::new();
            put(&mut unit, &mut strings, "prefix", prefix);
            put(&mut unit, &mut strings, "suffix", suffix);
            put(&mut unit, &mut strings, "label", label);
            spec.insert("unit".into(), Value::Object(unit));
            let series: Vec<Value> = years
                .iter()
                .zip(&values)
                .map(|(year, (value, parts, estimate, note))| {
                    let mut p = Map::new();
                    p.insert("year".into(), json!(year));
                    p.insert("value".into(), json!(value));
                    if let Some((e, i)) = parts {
                        p.insert("exports".into(), json!(e));
                        p.insert("imports".into(), json!(i));
                    }
                    if let Some(b) = estimate {
                        p.insert("estimate".into(), json!(b));
                    }
                    put(&mut p, &mut strings, "note", note.clone());
                    Value::Object(p)
                })
                .collect();
            spec.insert("series".into(), Value::Array(series));
            if let Some((value, year, set_back, label)) = target {
                let mut t = Map::new();
                t.insert("value".into(), json!(value));
                t.insert("year".into(), json!(year));
                if let Some(back) = set_back {
                    t.insert("set".into(), json!((year - back).max(1900)));
                }
                put(&mut t, &mut strings, "label", label);
                spec.insert("target".into(), Value::Object(t));
            }
            let ms: Vec<Value> = milestones
                .into_iter()
                .map(|(i, label)| {
                    strings.push(label.clone());
                    json!({ "year": years[i.index(years.len())], "label": label })
                })
                .collect();
            spec.insert("milestones".into(), Value::Array(ms));
            if let Some(text) = source {
                strings.push(text.clone());
                let mut s = Map::new();
                s.insert("text".into(), json!(text));
                if let Some(tail) = url_tail {
                    let url: String = format!("https://example.com/{tail}")
                        .chars()
                        .take(500)
                        .collect();
                    strings.push(url.clone());
                    s.insert("url".into(), json!(url));
                }
                spec.insert("source".into(), Value::Object(s));
            }
            let (kind, renderer, theme, locale, as_of, reveal, links, height) = choices;
            for (key, v) in [
                ("kind", kind),
                ("renderer", renderer),
                ("theme", theme),
                ("locale", locale),
            ] {
                if let Some(v) = v {
                    spec.insert(key.into(), json!(v));
                }
            }
            let first = years.iter().copied().min().unwrap_or(1900);
            if let (Some((k, month, day)), true) = (as_of, first < 2200) {
                // A date after the first complete year, so the spec stays valid.
                let year = first + 1 + i32::from(k) % (2200 - first);
                spec.insert(
                    "asOf".into(),
                    json!(format!("{year:04}-{month:02}-{day:02}")),
                );
            }
            if let Some(b) = reveal {
                spec.insert("reveal".into(), json!(b));
            }
            if let Some(b) = links {
                spec.insert("links".into(), json!(b));
            }
            if let Some(h) = height {
                spec.insert("height".into(), json!(h.round()));
            }
            let mut parts = Map::new();
            put(&mut parts, &mut strings, "exports", exports);
            put(&mut parts, &mut strings, "imports", imports);
            spec.insert("parts".into(), Value::Object(parts));
            Case {
                spec: Value::Object(spec),
                strings,
                sizes,
            }
        },
    )
}

/// Checks the SVG is well formed with only the chart's own elements and attributes, and
/// returns the unescaped contents of its <title>, <desc> and <text> elements in order.
fn check_svg(svg: &str) -> Result<Vec<String>, String> {
    const TAGS: &[&str] = &[
        "svg", "title", "desc", "rect", "line", "polyline", "polygon", "circle", "text",
    ];
    if !svg.starts_with("<svg") || !svg.ends_with("</svg>\n") {
        return Err("not an <svg> document".into());
    }
    let bytes: Vec<char> = svg.chars().collect();
    let mut i = 0;
    let mut stack: Vec<String> = Vec::new();
    let mut contents = Vec::new();
    let xml_char = |c: char| {
        matches!(c, '\t' | '\n' | '\r')
            || ('\u{20}'..='\u{D7FF}').contains(&c)
            || ('\u{E000}'..='\u{FFFD}').contains(&c)
            || c >= '\u{10000}'
    };
    let entity = |at: usize| -> Result<(char, usize), String> {
        let rest: String = bytes[at..bytes.len().min(at + 8)].iter().collect();
        for (name, c) in [
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&amp;", '&'),
            ("&quot;", '"'),
            ("&apos;", '\''),
        ] {
            if rest.starts_with(name) {
                return Ok((c, name.len()));
            }
        }
        Err(format!("a raw & at {at}: {rest:?}"))
    };
    while i < bytes.len() {
        if bytes[i] == '<' {
            i += 1;
            let closing = bytes.get(i) == Some(&'/');
            if closing {
                i += 1;
            }
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_lowercase() {
                i += 1;
            }
            let name: String = bytes[start..i].iter().collect();
            if !TAGS.contains(&name.as_str()) {
                return Err(format!(
                    "element <{name}> at {start} is not the chart's own"
                ));
            }
            if closing {
                if bytes.get(i) != Some(&'>') || stack.pop().as_deref() != Some(name.as_str()) {
                    return Err(format!("unbalanced </{name}> at {start}"));
                }
                i += 1;
                continue;
            }
            loop {
                while bytes.get(i) == Some(&' ') {
                    i += 1;
                }
                match bytes.get(i) {
                    Some('>') => {
                        i += 1;
                        if bytes.get(i) == Some(&'<')
                            && matches!(name.as_str(), "text" | "title" | "desc")
                        {
                            contents.push(String::new());
                        }
                        stack.push(name.clone());
                        break;
                    }
                    Some('/') if bytes.get(i + 1) == Some(&'>') => {
                        i += 2;
                        break;
                    }
                    Some(_) => {}
                    None => return Err("unterminated tag".into()),
                }
                let a = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == '-') {
                    i += 1;
                }
                let attr: String = bytes[a..i].iter().collect();
                if attr.is_empty() || attr.to_ascii_lowercase().starts_with("on") {
                    return Err(format!("attribute {attr:?} at {a}"));
                }
                if bytes.get(i) != Some(&'=') || bytes.get(i + 1) != Some(&'"') {
                    return Err(format!("attribute {attr} at {a} has no quoted value"));
                }
                i += 2;
                while i < bytes.len() && bytes[i] != '"' {
                    match bytes[i] {
                        '<' => return Err(format!("a raw < in attribute {attr}")),
                        '&' => i += entity(i)?.1,
                        c if !xml_char(c) => {
                            return Err(format!("U+{:04X} in an attribute", c as u32))
                        }
                        _ => i += 1,
                    }
                }
                if attr == "href" {
                    return Err("a link inside the SVG".into());
                }
                i += 1;
            }
        } else {
            let mut content = String::new();
            while i < bytes.len() && bytes[i] != '<' {
                match bytes[i] {
                    '>' => return Err(format!("a raw > in text at {i}")),
                    '&' => {
                        let (c, n) = entity(i)?;
                        content.push(c);
                        i += n;
                    }
                    c if !xml_char(c) => {
                        return Err(format!("U+{:04X} is not allowed in XML", c as u32))
                    }
                    c => {
                        content.push(c);
                        i += 1;
                    }
                }
            }
            if matches!(
                stack.last().map(String::as_str),
                Some("text" | "title" | "desc")
            ) {
                contents.push(content);
            } else if !content.trim().is_empty() {
                return Err(format!("stray text {content:?}"));
            }
        }
    }
    if !stack.is_empty() {
        return Err(format!("unclosed {stack:?}"));
    }
    Ok(contents)
}

/// What the SVG says a text is: XML-invalid characters are dropped when it is written.
fn xml_clean(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r')
                || ('\u{20}'..='\u{D7FF}').contains(&c)
                || ('\u{E000}'..='\u{FFFD}').contains(&c)
                || c >= '\u{10000}'
        })
        .collect()
}

fn check_scene(s: &Scene, svg: &str) -> Result<(), String> {
    let contents = check_svg(svg)?;
    let (w, h) = (f64::from(s.width), f64::from(s.height));
    for t in s.texts() {
        let b = t.bounds();
        if b.x0 < 0.0 || b.y0 < 0.0 || b.x1 > w || b.y1 > h {
            return Err(format!(
                "{:?} text {:?} at {:?} leaves the {w}x{h} picture",
                t.role, t.text, b
            ));
        }
    }
    // <title>, <desc>, then each text mark in order, exactly as the scene has them.
    let mut want = vec![xml_clean(&s.title), xml_clean(&s.description)];
    want.extend(s.texts().map(|t| format!("\n{}\n", xml_clean(&t.text))));
    let got: Vec<String> = contents;
    for (g, w) in got.iter().zip(&want) {
        if g != w {
            return Err(format!("SVG text {g:?} is not the scene's {w:?}"));
        }
    }
    if got.len() != want.len() {
        return Err(format!(
            "{} texts in the SVG, {} in the scene",
            got.len(),
            want.len()
        ));
    }
    Ok(())
}

/// Runs the pipeline in its own thread and fails if it takes longer than `limit`
/// (proptest's own timeout needs fork; a thread left running is the failure).
fn within<T: Send + 'static>(
    limit: Duration,
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)));
    });
    match rx.recv_timeout(limit) {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(p)) => Err(format!(
            "panicked: {}",
            p.downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default()
        )),
        Err(_) => Err(format!("did not finish within {limit:?}")),
    }
}

fn run(c: &Case) -> Result<(), String> {
    let text = serde_json::to_string(&c.spec).map_err(|e| e.to_string())?;
    let json: Json = serde_json::from_str(&text).map_err(|e| format!("JSON: {e}"))?;
    let m = model(&json).map_err(|e| format!("a valid-looking spec was rejected: {e}"))?;
    for &(width, height) in &c.sizes {
        let m = m.clone();
        let (s, svg) = within(Duration::from_secs(20), move || {
            let s = scene(&m, width, height);
            let svg = svg::document(&s);
            (s, svg)
        })
        .map_err(|e| format!("at {width}x{height:?}: {e}"))?;
        check_scene(&s, &svg).map_err(|e| format!("at {width}x{height:?}: {e}"))?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 96,
        max_shrink_iters: 2000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_specs_render_safely_inside_the_picture(c in case()) {
        let started = Instant::now();
        let result = run(&c);
        prop_assert!(result.is_ok(), "{}\nspec: {}\nstrings: {:?}", result.unwrap_err(), c.spec, c.strings);
        prop_assert!(started.elapsed() < Duration::from_secs(30), "took {:?}", started.elapsed());
    }
}

/// "Get the data" (export::csv) read back through the spec's `csv` key: the chart's drawn
/// points again, notes (any text: quotes, commas, line breaks, formulas, padding, controls)
/// and values exact. An empty note is no note; values whose digits reach below 1e-31
/// (the generator's subnormals) may move by a few units in the last place.
fn csv_round_trip(c: &Case) -> Result<(), String> {
    let text = serde_json::to_string(&c.spec).map_err(|e| e.to_string())?;
    let json: Json = serde_json::from_str(&text).map_err(|e| format!("JSON: {e}"))?;
    let m = model(&json).map_err(|e| format!("a valid-looking spec was rejected: {e}"))?;
    let file = export::csv(&m);
    let back = model(&Json::Obj(vec![("csv".into(), Json::Str(file.clone()))]))
        .map_err(|e| format!("its CSV was rejected: {e}\n{file}"))?;
    let same = |a: f64, b: f64| a == b || (a.max(b) < 1e-14 && (a - b).abs() <= 1e-12 * a.max(b));
    let same_opt = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => same(a, b),
        (a, b) => a == b,
    };
    let drawn = m.drawn();
    if drawn.len() != back.points.len() {
        return Err(format!(
            "{} points drawn, {} read back",
            drawn.len(),
            back.points.len()
        ));
    }
    for (a, b) in drawn.iter().zip(&back.points) {
        let note = |p: &trade_target_chart::model::Point| p.note.clone().filter(|n| !n.is_empty());
        if a.year != b.year
            || !same(a.value, b.value)
            || !same_opt(a.exports, b.exports)
            || !same_opt(a.imports, b.imports)
            || a.estimate != b.estimate
            || note(a) != note(b)
        {
            return Err(format!("{a:?}\nread back as\n{b:?}\nfrom\n{file}"));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        max_shrink_iters: 2000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn get_the_data_reads_back_to_the_drawn_series(c in case()) {
        let result = csv_round_trip(&c);
        prop_assert!(result.is_ok(), "{}\nspec: {}", result.unwrap_err(), c.spec);
    }
}

/// Every width from 1 to 4000 px, for one spec with long, mixed-script texts.
#[test]
fn every_width_from_1_to_4000() {
    let spec = json!({
        "title": "Товарооборот 中俄贸易 <script>alert(1)</script> 😀 e\u{301} \u{202E}rtl",
        "subtitle": "</text><script>alert(1)</script> & more",
        "unit": { "prefix": "<$>", "suffix": "&B", "label": "\"quoted\" 'unit'" },
        "series": (2000..2026).map(|y| json!({ "year": y, "value": f64::from((y - 1999) * 9), "note": "<b>x</b>" })).collect::<Vec<_>>(),
        "target": { "value": 200, "year": 2030, "label": "<i>goal</i>" },
        "milestones": [{ "year": 2010, "label": "<img src=x onerror=alert(1)>" }, { "year": 2020, "label": "中俄" }],
        "source": { "text": "Source: \"><svg onload=alert(1)>", "url": "https://example.com/?a=<b>&c=\"d\"" }
    });
    let json: Json = serde_json::from_value::<Json>(spec).expect("spec");
    let m = model(&json).expect("valid");
    let started = Instant::now();
    for w in 1..=4000 {
        let s = scene(&m, f64::from(w), None);
        // Every width for the boxes (cheap); the full SVG check at every 25th and at
        // the edges of the clamp.
        let (sw, sh) = (f64::from(s.width), f64::from(s.height));
        for t in s.texts() {
            let b = t.bounds();
            assert!(
                b.x0 >= 0.0 && b.y0 >= 0.0 && b.x1 <= sw && b.y1 <= sh,
                "at {w} px: {:?} {:?} at {b:?} leaves the {sw}x{sh} picture",
                t.role,
                t.text
            );
        }
        if w % 25 == 0 || w <= 121 || w >= 3999 {
            let svg = svg::document(&s);
            if let Err(e) = check_scene(&s, &svg) {
                panic!("at {w} px: {e}");
            }
        }
    }
    eprintln!("4000 widths in {:?}", started.elapsed());
}
