//! The native edge: spec.json -> the same SVG the browser draws at that width.
//!
//!     trade-target-chart render [spec.json | data.csv | -] [--data data.csv] [--width 640] [--height 400] [--scale 2] [-o chart.svg|chart.png]
//!     trade-target-chart render [spec.json | data.csv | -] [--width N] --html [-o chart.html]
//!     trade-target-chart schema [-o schema.json]
//!
//! With no spec file it draws the default chart. A CSV file (`--data`, or in place of the
//! spec: a name ending in `.csv`) is the series, read by the core as `parseCSV` reads it;
//! the spec lays over it, and its errors name the file, line and column. `--html` (or an `-o` file ending in
//! `.html`) writes the pre-rendered fragment instead: a `<trade-target-chart>` holding the
//! SVG, the data table and the spec, the same bytes as `renderHTML` in JS: without
//! `--width` the one that fits every column (a layout per width band), with it one layout
//! at that width. Errors name the JSON path. `schema`
//! writes the JSON Schema of the spec, generated from the Rust types.

use std::io::Read;
use std::process::ExitCode;
use trade_target_chart::{fragment, json::Json, render_svg};

const USAGE: &str = "\
usage: trade-target-chart render [spec.json | data.csv | -] [--data data.csv] [--width N] [--height N] [--scale N] [--html] [-o FILE]
       trade-target-chart schema [-o schema.json]
       trade-target-chart --help

render   draws the spec (no file: the default chart; -: read stdin) as SVG on stdout, or
         into FILE: .svg, .png (rasterised with the system's fonts; Liberation Sans or
         DejaVu Sans stand in for Helvetica), or .html (the pre-rendered fragment)
  data.csv     a CSV file in place of the spec: its rows are the series
  --data F     a CSV file whose rows are the series, under the spec's other keys
  --width N    CSS pixels, default 640; drawn at 120-4000 (a width outside is clamped);
               --html without it: one fragment that fits every column (280-1200 px and up)
  --height N   CSS pixels; default: the spec's height, else one that follows the width
  --scale N    pixels per CSS pixel for PNG output, 0.25-8, default 2
  --html       the pre-rendered HTML fragment (as renderHTML in JS) instead of the SVG
schema   writes the JSON Schema of the spec
";

/// What the command line asked for: run a command, or print the usage and succeed.
enum Request {
    Render(Args),
    Help,
}

struct Args {
    spec: Option<String>,
    /// A CSV file whose rows are the series.
    data: Option<String>,
    /// None: 640 for SVG and PNG; for --html, the fragment that fits every column.
    width: Option<f64>,
    height: Option<f64>,
    /// Pixels per CSS pixel for PNG output.
    scale: f32,
    out: Option<String>,
    /// The pre-rendered HTML fragment instead of the SVG.
    html: bool,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Request, String> {
    match args.next().as_deref() {
        Some("render") => {}
        Some("-h" | "--help" | "help") => return Ok(Request::Help),
        Some(other) => return Err(format!("unknown command {other}\n{USAGE}")),
        None => return Err(USAGE.into()),
    }
    let mut parsed = Args {
        spec: None,
        data: None,
        width: None,
        height: None,
        scale: 2.0,
        out: None,
        html: false,
    };
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value\n{USAGE}"));
        match arg.as_str() {
            "--width" => parsed.width = Some(size("--width", &value("--width")?)?),
            "--height" => parsed.height = Some(size("--height", &value("--height")?)?),
            "--scale" => {
                parsed.scale = value("--scale")?
                    .parse()
                    .map_err(|_| "--scale takes a number")?
            }
            "-o" | "--output" => parsed.out = Some(value("-o")?),
            "--data" => parsed.data = Some(value("--data")?),
            "--html" => parsed.html = true,
            "-h" | "--help" => return Ok(Request::Help),
            s if parsed.spec.is_none() && (s == "-" || !s.starts_with('-')) => {
                parsed.spec = Some(s.into())
            }
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    // A spec file named .csv is the data alone (like any series, it stands alone).
    if parsed.data.is_none() && parsed.spec.as_deref().is_some_and(is_csv) {
        parsed.data = parsed.spec.take();
    }
    Ok(Request::Render(parsed))
}

/// A width or height as `renderSVG` takes it: a positive, finite number of CSS pixels
/// (0 used to draw 120 px quietly, where `renderSVG` refuses it).
fn size(flag: &str, text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(v) if v.is_finite() && v > 0.0 => Ok(v),
        _ => Err(format!("{flag} must be a positive number, not {text:?}")),
    }
}

fn is_csv(path: &str) -> bool {
    path.to_ascii_lowercase().ends_with(".csv")
}

/// The spec with the CSV file's rows as its series (in place of any `series` or `csv`).
fn with_data(spec: Json, path: &str) -> Result<Json, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let name = std::path::Path::new(path)
        .file_name()
        .map_or(path.into(), |n| n.to_string_lossy());
    let points = trade_target_chart::csv::parse(&text, &name).map_err(|e| e.to_string())?;
    let mut entries = match spec {
        Json::Null => Vec::new(),
        Json::Obj(entries) => entries,
        other => return Ok(other), // not an object: the spec's own error says so
    };
    entries.retain(|(k, _)| k != "series" && k != "csv");
    entries.push(("series".into(), trade_target_chart::csv::to_json(&points)));
    Ok(Json::Obj(entries))
}

fn read_spec(path: Option<&str>) -> Result<Json, String> {
    let text = match path {
        None => return Ok(Json::Null),
        Some("-") => {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .map_err(|e| format!("stdin: {e}"))?;
            s
        }
        Some(p) => std::fs::read_to_string(p).map_err(|e| format!("{p}: {e}"))?,
    };
    serde_json::from_str(&text).map_err(|e| format!("the spec is not valid JSON: {e}"))
}

fn schema(mut args: impl Iterator<Item = String>) -> Result<(), String> {
    let mut schema = schemars::schema_for!(trade_target_chart::spec::Spec);
    schema.insert("title".into(), "trade-target-chart spec".into());
    let text = serde_json::to_string_pretty(&schema).map_err(|e| e.to_string())? + "\n";
    match (args.next().as_deref(), args.next()) {
        (None, _) => {
            print!("{text}");
            Ok(())
        }
        (Some("-o"), Some(path)) => std::fs::write(&path, text).map_err(|e| format!("{path}: {e}")),
        _ => Err(USAGE.into()),
    }
}

/// Rasterises the chart's SVG (the same bytes the browser draws) with resvg.
#[cfg(not(target_arch = "wasm32"))]
fn png(svg: &str, scale: f32) -> Result<Vec<u8>, String> {
    use resvg::{tiny_skia, usvg};
    if !(scale.is_finite() && (0.25..=8.0).contains(&scale)) {
        return Err("--scale takes a number from 0.25 to 8".into());
    }
    let mut options = usvg::Options::default();
    let db = options.fontdb_mut();
    db.load_system_fonts();
    // Helvetica and Arial are rarely installed on Linux; Liberation Sans has their
    // metrics (which our layout assumes), so it stands in for the whole stack.
    let families: Vec<String> = db
        .faces()
        .flat_map(|f| f.families.iter().map(|(name, _)| name.clone()))
        .collect();
    if let Some(sans) = [
        "Helvetica",
        "Arial",
        "Liberation Sans",
        "Arimo",
        "DejaVu Sans",
    ]
    .iter()
    .find(|want| families.iter().any(|f| f == *want))
    {
        db.set_sans_serif_family(*sans);
        options.font_family = (*sans).to_owned();
    }
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| format!("svg: {e}"))?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(scale)
        .ok_or("the picture is empty")?;
    let mut pixmap =
        tiny_skia::Pixmap::new(size.width(), size.height()).ok_or("the picture is too large")?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| format!("png: {e}"))
}

#[cfg(target_arch = "wasm32")]
fn png(_svg: &str, _scale: f32) -> Result<Vec<u8>, String> {
    Err("PNG output is native only".into())
}

fn run() -> Result<(), String> {
    let mut all = std::env::args().skip(1).peekable();
    if all.peek().map(String::as_str) == Some("schema") {
        all.next();
        return schema(all);
    }
    let args = match parse_args(all)? {
        Request::Render(args) => args,
        Request::Help => {
            print!("{USAGE}");
            return Ok(());
        }
    };
    let mut spec = read_spec(args.spec.as_deref())?;
    if let Some(data) = &args.data {
        spec = with_data(spec, data)?;
    }
    if args.html || args.out.as_deref().is_some_and(|p| p.ends_with(".html")) {
        let html = match args.width {
            Some(width) => fragment::html(&spec, width, args.height),
            None => fragment::html_fit(&spec),
        }
        .map_err(|e| e.to_string())?;
        return match args.out {
            Some(path) => std::fs::write(&path, html).map_err(|e| format!("{path}: {e}")),
            None => {
                print!("{html}");
                Ok(())
            }
        };
    }
    let svg =
        render_svg(&spec, args.width.unwrap_or(640.0), args.height).map_err(|e| e.to_string())?;
    match args.out {
        Some(path) if path.ends_with(".png") => {
            let png = png(&svg, args.scale)?;
            std::fs::write(&path, png).map_err(|e| format!("{path}: {e}"))
        }
        Some(path) => std::fs::write(&path, svg).map_err(|e| format!("{path}: {e}")),
        None => {
            print!("{svg}");
            Ok(())
        }
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("trade-target-chart: {e}");
            ExitCode::FAILURE
        }
    }
}
