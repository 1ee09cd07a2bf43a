//! trade-target-chart: a chart of bilateral trade on its way to a target.
//!
//! The core is pure: JSON value -> `Spec` (shapes) -> `Model` (validated meaning) ->
//! `Scene` (layout with our own text metrics) -> any plotters `DrawingBackend`. It uses
//! no DOM and no I/O, so the same spec and size give the same SVG natively and in a
//! browser. `web` (wasm32 only) is the one module that touches the page; the native
//! CLI in src/bin is the other edge.
//!
//! Panic-free by lint: the core may not unwrap, expect, panic, index or slice with `[]`,
//! or cast a float to an integer with a bare `as` (`num` holds the saturating
//! conversions). Tests, the CLI and build.rs are separate crates and may.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::cast_possible_truncation,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented
    )
)]

pub mod csv;
pub mod data;
pub mod draw;
pub mod embedded_json;
pub mod error;
pub mod export;
pub mod format;
pub mod fragment;
pub mod json;
pub mod layout;
pub mod limits;
pub mod locale;
pub mod markup;
pub mod model;
pub mod num;
pub mod scene;
pub mod spec;
pub mod story;
pub mod svg;
pub mod text;
pub mod theme;
pub mod tooltip;
pub mod validate;
pub mod xml;

#[cfg(target_arch = "wasm32")]
pub mod web;

// A free-list allocator that coalesces neighbours, 3 KB of gzipped wasm smaller than
// dlmalloc. The widget allocates a few thousand small blocks per draw and frees them
// all; tests/e2e/isolation.test.mjs holds the wasm memory flat over 10 000 cycles.
// SAFETY: the wasm build is single-threaded (no shared memory, no atomics feature).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

pub use error::SpecError;
pub use json::Json;
pub use model::Model;
pub use scene::Scene;

/// Reads and validates a spec given as a JSON value tree (`Json::Null` = no spec).
/// A spec without `series` is laid over the built-in chart; one with `series` stands
/// alone.
pub fn model(json: &Json) -> Result<Model, SpecError> {
    let spec = spec::from_json(json)?;
    let base = if spec.series.is_none() {
        data::default_spec()?
    } else {
        spec::Spec::default()
    };
    validate::validate(&spec, &base).map_err(|e| match &spec.csv {
        Some(rows) => rows.locate(e),
        None => e,
    })
}

/// Lays out a validated model at `width` CSS pixels (`height` overrides the spec's).
/// `theme: "auto"` is light here; the browser edge resolves it from the reader's
/// colour scheme.
pub fn scene(model: &Model, width: f64, height: Option<f64>) -> Scene {
    let theme = match model.theme {
        spec::ThemeChoice::Dark => theme::DARK,
        _ => theme::LIGHT,
    };
    layout::layout(model, width, height, &theme)
}

/// The whole pipeline: spec -> SVG document.
pub fn render_svg(json: &Json, width: f64, height: Option<f64>) -> Result<String, SpecError> {
    let model = model(json)?;
    Ok(svg::document(&scene(&model, width, height)))
}
