//! The native edge: spec.json -> the same SVG the browser draws at that width.
//!
//!     trade-target-chart render [spec.json | -] [--width 640] [--height 400] [-o chart.svg]
//!     trade-target-chart schema [-o schema.json]
//!
//! With no spec file it draws the default chart. Errors name the JSON path. `schema`
//! writes the JSON Schema of the spec, generated from the Rust types.

use std::io::Read;
use std::process::ExitCode;
use trade_target_chart::{json::Json, render_svg};

const USAGE: &str =
    "usage: trade-target-chart render [spec.json | -] [--width N] [--height N] [-o out.svg]";

struct Args {
    spec: Option<String>,
    width: f64,
    height: Option<f64>,
    out: Option<String>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    if args.next().as_deref() != Some("render") {
        return Err(USAGE.into());
    }
    let mut parsed = Args {
        spec: None,
        width: 640.0,
        height: None,
        out: None,
    };
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value\n{USAGE}"));
        match arg.as_str() {
            "--width" => {
                parsed.width = value("--width")?
                    .parse()
                    .map_err(|_| "--width takes a number")?
            }
            "--height" => {
                parsed.height = Some(
                    value("--height")?
                        .parse()
                        .map_err(|_| "--height takes a number")?,
                )
            }
            "-o" | "--output" => parsed.out = Some(value("-o")?),
            "-h" | "--help" => return Err(USAGE.into()),
            s if parsed.spec.is_none() && (s == "-" || !s.starts_with('-')) => {
                parsed.spec = Some(s.into())
            }
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    Ok(parsed)
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

fn run() -> Result<(), String> {
    let mut all = std::env::args().skip(1).peekable();
    if all.peek().map(String::as_str) == Some("schema") {
        all.next();
        return schema(all);
    }
    let args = parse_args(all)?;
    let spec = read_spec(args.spec.as_deref())?;
    let svg = render_svg(&spec, args.width, args.height).map_err(|e| e.to_string())?;
    match args.out {
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
