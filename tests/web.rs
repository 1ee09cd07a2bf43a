//! The web edge in headless Chromium (wasm-bindgen-test): mount, update, destroy,
//! error paths, canvas resolution, and SVG identical to the native golden file.
#![cfg(target_arch = "wasm32")]

use trade_target_chart::web::{default_spec, render_svg, Chart};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{HtmlCanvasElement, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn host(width: u32) -> HtmlElement {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let el: HtmlElement = document
        .create_element("div")
        .expect("div")
        .dyn_into()
        .expect("html element");
    el.style()
        .set_property("width", &format!("{width}px"))
        .expect("style");
    document
        .body()
        .expect("body")
        .append_child(&el)
        .expect("append");
    el
}

/// Resolves after the page's next idle moment (and at most 1 s).
async fn idle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window().expect("window");
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(1000);
        window
            .request_idle_callback_with_options(&resolve, &options)
            .expect("requestIdleCallback");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("idle");
}

fn spec(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("test JSON")
}

fn error_parts(e: JsValue) -> (String, String) {
    let get = |k: &str| {
        js_sys::Reflect::get(&e, &k.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    (get("path"), get("message"))
}

#[wasm_bindgen_test]
fn mount_draws_the_default_chart_at_the_element_width() {
    let el = host(500);
    let chart = Chart::new(el.clone(), JsValue::UNDEFINED).expect("default mounts");
    let svg = el
        .query_selector(".ttc svg")
        .ok()
        .flatten()
        .expect("an svg in the frame");
    let html = svg.outer_html();
    assert!(html.starts_with("<svg"), "{}", &html[..80.min(html.len())]);
    assert!(html.contains("China–Russia trade passed its $200B goal a year early"));
    assert!(html.contains("$200B target (2024)"));
    assert_eq!(chart.width(), 500.0);
    assert!(html.contains("width=\"500\""));
}

#[wasm_bindgen_test]
fn update_redraws_and_a_bad_update_keeps_the_chart() {
    let el = host(640);
    let mut chart = Chart::new(el.clone(), JsValue::UNDEFINED).expect("mounts");
    chart
        .update(spec(r#"{"title":"A new title"}"#))
        .expect("valid update");
    assert!(el.inner_html().contains("A new title"));
    let before = el.inner_html();
    let err = chart
        .update(spec(r#"{"series":[{"year":2000,"value":"abc"}]}"#))
        .expect_err("bad spec");
    assert_eq!(
        error_parts(err),
        (
            "series[0].value".into(),
            "expected a number, found a string".into()
        )
    );
    assert_eq!(el.inner_html(), before, "the chart on screen is unchanged");
}

#[wasm_bindgen_test]
fn a_bad_spec_shows_a_readable_error_box_and_throws() {
    let el = host(640);
    let err = Chart::new(
        el.clone(),
        spec(r#"{"titel":"<img src=x onerror=alert(1)>"}"#),
    )
    .err()
    .expect("bad spec");
    assert_eq!(error_parts(err).0, "titel");
    let text = el.text_content().unwrap_or_default();
    assert!(
        text.contains("titel: unknown key \"titel\"; did you mean \"title\"?"),
        "{text}"
    );
    assert!(
        el.query_selector("img").ok().flatten().is_none(),
        "no markup from the spec"
    );
    assert!(el.query_selector("[role=alert]").ok().flatten().is_some());
}

#[wasm_bindgen_test]
fn destroy_empties_the_element() {
    let el = host(640);
    let mut chart = Chart::new(el.clone(), JsValue::UNDEFINED).expect("mounts");
    chart.destroy();
    assert_eq!(el.inner_html(), "");
}

#[wasm_bindgen_test]
fn canvas_backing_store_is_css_size_times_device_pixel_ratio() {
    let el = host(480);
    let chart = Chart::new(el.clone(), spec(r#"{"renderer":"canvas"}"#)).expect("mounts");
    let canvas: HtmlCanvasElement = el
        .query_selector("canvas")
        .ok()
        .flatten()
        .expect("a canvas")
        .dyn_into()
        .expect("canvas");
    let dpr = web_sys::window().expect("window").device_pixel_ratio();
    assert_eq!(canvas.width(), (480.0 * dpr).round() as u32);
    assert_eq!(
        canvas.style().get_property_value("width").ok().as_deref(),
        Some("480px")
    );
    assert_eq!(
        canvas.get_attribute("aria-label").as_deref(),
        Some("China–Russia trade passed its $200B goal a year early")
    );
    assert!(chart.to_svg().starts_with("<svg"));
}

#[wasm_bindgen_test]
fn svg_in_the_browser_is_byte_identical_to_the_native_golden_file() {
    let golden = include_str!("golden/default-640.svg");
    assert_eq!(
        render_svg(JsValue::UNDEFINED, 640.0, None).expect("renders"),
        golden
    );
    let golden = include_str!("golden/default-320.svg");
    assert_eq!(
        render_svg(JsValue::NULL, 320.0, None).expect("renders"),
        golden
    );
}

#[wasm_bindgen_test]
fn default_spec_round_trips_through_js() {
    let spec = default_spec().expect("default spec");
    let json = js_sys::JSON::stringify(&spec)
        .expect("stringify")
        .as_string()
        .unwrap_or_default();
    assert!(
        json.contains("\"year\":2023") && json.contains("\"value\":240.11"),
        "{json}"
    );
    let same = render_svg(spec, 640.0, None).expect("renders");
    assert_eq!(same, include_str!("golden/default-640.svg"));
}

#[wasm_bindgen_test]
fn a_padded_host_gets_a_chart_as_wide_as_its_content_box() {
    let el = host(500);
    el.style().set_property("padding", "0 20px").expect("style");
    el.style()
        .set_property("border", "3px solid black")
        .expect("style");
    el.style()
        .set_property("box-sizing", "border-box")
        .expect("style");
    let chart = Chart::new(el.clone(), JsValue::UNDEFINED).expect("mounts");
    assert_eq!(chart.width(), 500.0 - 40.0 - 6.0);
}

fn key(el: &HtmlElement, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let e =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    let frame = el.query_selector(".ttc").ok().flatten().expect("frame");
    frame.dispatch_event(&e).expect("dispatch");
}

#[wasm_bindgen_test]
fn the_keyboard_moves_a_tooltip_that_is_announced() {
    let el = host(640);
    let _chart = Chart::new(el.clone(), JsValue::UNDEFINED).expect("mounts");
    let frame = el.query_selector(".ttc").ok().flatten().expect("frame");
    assert_eq!(frame.get_attribute("tabindex").as_deref(), Some("0"));
    key(&el, "End");
    let live = el
        .query_selector("[aria-live]")
        .ok()
        .flatten()
        .expect("live region");
    let said = live.text_content().unwrap_or_default();
    assert!(
        said.starts_with("2025. $228.1B · −6.8% · 114% of the $200B target"),
        "{said}"
    );
    key(&el, "ArrowLeft");
    let said = live.text_content().unwrap_or_default();
    assert!(said.starts_with("2024. $244.8B"), "{said}");
    let tip = el.query_selector(".ttc-tip").ok().flatten().expect("tip");
    assert!(tip
        .text_content()
        .unwrap_or_default()
        .starts_with("2024$244.8B"));
    key(&el, "Escape");
    let tip: HtmlElement = tip.dyn_into().expect("html");
    assert_eq!(
        tip.style().get_property_value("display").ok().as_deref(),
        Some("none")
    );
}

#[wasm_bindgen_test]
fn screen_readers_get_a_description_and_a_data_table() {
    let el = host(640);
    let _chart = Chart::new(el.clone(), JsValue::UNDEFINED).expect("mounts");
    let frame = el.query_selector(".ttc").ok().flatten().expect("frame");
    let desc_id = frame
        .get_attribute("aria-describedby")
        .expect("describedby");
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let desc = document
        .get_element_by_id(&desc_id)
        .expect("description element");
    assert!(desc
        .text_content()
        .unwrap_or_default()
        .starts_with("Trade rose from $8.0B in 2000"));
    let rows = el.query_selector_all("table tr").expect("rows");
    assert_eq!(rows.length(), 27, "a header and 26 years");
}

#[wasm_bindgen_test]
fn the_host_page_language_picks_the_words() {
    let el = host(640);
    el.set_attribute("lang", "ru").expect("lang");
    let _chart = Chart::new(el.clone(), JsValue::UNDEFINED).expect("mounts");
    let html = el.inner_html();
    assert!(
        html.contains("Товарооборот России и Китая"),
        "built-in title in Russian"
    );
    let el = host(640);
    el.set_attribute("lang", "ru").expect("lang");
    let _chart = Chart::new(el.clone(), spec(r#"{"locale":"zh"}"#)).expect("mounts");
    assert!(
        el.inner_html().contains("2281亿美元"),
        "the spec's locale wins"
    );
}

#[wasm_bindgen_test]
fn css_custom_properties_recolour_the_chart() {
    let el = host(640);
    el.style()
        .set_property("--ttc-accent", "#ff0000")
        .expect("style");
    let _chart = Chart::new(el.clone(), spec(r#"{"theme":"light"}"#)).expect("mounts");
    assert!(
        el.inner_html().contains("stroke=\"#FF0000\""),
        "series drawn in the accent colour"
    );
    let dark = host(640);
    let _chart = Chart::new(dark.clone(), spec(r#"{"theme":"dark"}"#)).expect("mounts");
    assert!(
        dark.inner_html().contains("fill=\"#161618\""),
        "dark background"
    );
}

#[wasm_bindgen_test]
async fn links_export_the_data_and_the_picture() {
    let el = host(640);
    let chart = Chart::new(
        el.clone(),
        spec(r#"{"source":{"text":"Customs","url":"https://example.org/data"}}"#),
    )
    .expect("mounts");
    let links = el
        .query_selector(".ttc-links")
        .ok()
        .flatten()
        .expect("links row");
    let text = links.text_content().unwrap_or_default();
    assert_eq!(text, "SourceGet the dataDownload image");
    let a = el
        .query_selector(".ttc-links a")
        .ok()
        .flatten()
        .expect("source link");
    assert_eq!(
        a.get_attribute("href").as_deref(),
        Some("https://example.org/data")
    );
    assert!(chart
        .to_csv()
        .starts_with("year,total,exports,imports,estimate,note\r\n2000,8,"));
    let blob = wasm_bindgen_futures::JsFuture::from(chart.to_png(Some(1.0)))
        .await
        .expect("a png");
    let blob: web_sys::Blob = blob.dyn_into().expect("a Blob");
    assert_eq!(blob.type_(), "image/png");
    assert!(blob.size() > 5_000.0, "{}", blob.size());

    let off = host(640);
    let _chart = Chart::new(off.clone(), spec(r#"{"links":false}"#)).expect("mounts");
    let row: HtmlElement = off
        .query_selector(".ttc-links")
        .ok()
        .flatten()
        .expect("row")
        .dyn_into()
        .expect("html");
    assert_eq!(
        row.style().get_property_value("display").ok().as_deref(),
        Some("none")
    );
}

#[wasm_bindgen_test]
fn text_uses_the_host_font_measured_once_and_our_stack_on_a_bare_page() {
    let el = host(640);
    el.style()
        .set_property("font-family", "Verdana, sans-serif")
        .expect("style");
    let _chart = Chart::new(el.clone(), JsValue::UNDEFINED).expect("mounts");
    let html = el.inner_html();
    assert!(
        html.contains("font-family=\"Verdana, sans-serif\""),
        "the host's font"
    );
    // A page that sets no font gets our sans stack, not the browser's default serif.
    let bare = host(640);
    bare.style()
        .set_property("font-family", "serif")
        .expect("style");
    let _chart = Chart::new(bare.clone(), JsValue::UNDEFINED).expect("mounts");
    assert!(bare
        .inner_html()
        .contains("font-family=\"Helvetica, Arial, sans-serif\""));
    // --ttc-font wins over the inherited font.
    let own = host(640);
    own.style()
        .set_property("font-family", "Verdana")
        .expect("style");
    own.style()
        .set_property("--ttc-font", "Georgia, serif")
        .expect("style");
    let _chart = Chart::new(own.clone(), JsValue::UNDEFINED).expect("mounts");
    assert!(own.inner_html().contains("font-family=\"Georgia, serif\""));
}

#[wasm_bindgen_test]
fn the_js_reader_keeps_values_and_refuses_depth_and_non_json_values() {
    let nested = |n: usize| format!(r#"{{"title":{}{}}}"#, "[".repeat(n), "]".repeat(n));
    // 31 arrays inside the spec object: within the limit, so the reader gets to the key.
    let (path, _) = error_parts(render_svg(spec(&nested(31)), 640.0, None).unwrap_err());
    assert_eq!(path, "title");
    let (path, message) = error_parts(render_svg(spec(&nested(32)), 640.0, None).unwrap_err());
    assert_eq!(
        (path.as_str(), message.as_str()),
        ("", "the spec is nested more than 32 levels deep")
    );
    // NaN stays a number (JSON text cannot say it; a JS object can) and is refused where it is.
    let obj = spec(r#"{"series":[{"year":2020,"value":1}]}"#);
    let point = js_sys::Reflect::get(
        &js_sys::Reflect::get(&obj, &"series".into()).unwrap(),
        &0.into(),
    )
    .unwrap();
    js_sys::Reflect::set(&point, &"value".into(), &JsValue::from_f64(f64::NAN)).unwrap();
    let (path, _) = error_parts(render_svg(obj, 640.0, None).unwrap_err());
    assert_eq!(path, "series[0].value");
    // A function (never in JSON) is named, not dropped.
    let obj = spec("{}");
    js_sys::Reflect::set(&obj, &"title".into(), &js_sys::Function::new_no_args("")).unwrap();
    let (path, message) = error_parts(render_svg(obj, 640.0, None).unwrap_err());
    assert_eq!(
        (path.as_str(), message.as_str()),
        (
            "",
            "the spec holds a function value, which JSON has no form for"
        )
    );
}

#[wasm_bindgen_test]
async fn an_update_rewrites_the_table_cells_that_changed_and_a_new_shape_rebuilds_it() {
    let el = host(640);
    let mut chart = Chart::new(
        el.clone(),
        spec(r#"{"title":"A","series":[{"year":2020,"value":1},{"year":2021,"value":2}]}"#),
    )
    .expect("mounts");
    let table = |el: &HtmlElement| {
        let cells = el.query_selector_all("caption, th, td").expect("cells");
        (0..cells.length())
            .map(|i| {
                cells
                    .get(i)
                    .and_then(|c| c.text_content())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
    };
    let first_row = el
        .query_selector("table tr:nth-child(2) td")
        .ok()
        .flatten()
        .expect("cell");
    assert_eq!(table(&el)[..3], ["A", "Year", "Total"]);
    chart
        .update(spec(
            r#"{"title":"B <i>","series":[{"year":2020,"value":1},{"year":2021,"value":3.5}]}"#,
        ))
        .expect("updates");
    // The table catches up in the next idle moment, not in the update itself.
    assert_eq!(table(&el)[0], "A", "not yet");
    idle().await;
    let cells = table(&el);
    assert_eq!(cells[0], "B <i>", "caption as text");
    assert_eq!(cells[cells.len() - 4], "3.5");
    let same = el
        .query_selector("table tr:nth-child(2) td")
        .ok()
        .flatten()
        .expect("cell");
    assert!(
        same.is_same_node(Some(&first_row)),
        "same shape: cells kept, text rewritten"
    );
    chart
        .update(spec(r#"{"series":[{"year":2019,"value":0.5},{"year":2020,"value":1},{"year":2021,"value":3}]}"#))
        .expect("updates");
    idle().await;
    assert_eq!(el.query_selector_all("table tr").expect("rows").length(), 4);
    let cells = table(&el);
    assert_eq!(cells[cells.len() - 4], "3.0");
    assert_eq!(cells.len(), 1 + 5 + 3 * 5);
}

#[wasm_bindgen_test]
async fn an_update_rewrites_the_words_and_the_links_only_as_they_change() {
    let el = host(640);
    let mut chart = Chart::new(
        el.clone(),
        spec(r#"{"title":"First","series":[{"year":2020,"value":1},{"year":2021,"value":2}]}"#),
    )
    .expect("mounts");
    let frame = el.query_selector(".ttc").ok().flatten().expect("frame");
    let text = |sel: &str| {
        el.query_selector(sel)
            .ok()
            .flatten()
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    };
    let desc_before = text("p");
    assert_eq!(text(".ttc-links button"), "Get the data");
    // New data, same look: the name and the description follow the data.
    chart
        .update(spec(
            r#"{"title":"Second","series":[{"year":2020,"value":1},{"year":2021,"value":9}]}"#,
        ))
        .expect("updates");
    assert_eq!(frame.get_attribute("aria-label").as_deref(), Some("Second"));
    // The description follows the data in the next idle moment.
    assert_eq!(text("p"), desc_before, "not yet");
    idle().await;
    assert_ne!(text("p"), desc_before, "the description follows the data");
    assert_eq!(text(".ttc-links button"), "Get the data");
    // A new language: the links and `lang` change too.
    chart
        .update(spec(
            r#"{"title":"Second","locale":"ru","links":true,"series":[{"year":2020,"value":1},{"year":2021,"value":9}]}"#,
        ))
        .expect("updates");
    assert_eq!(text(".ttc-links button"), "Получить данные");
    assert_eq!(frame.get_attribute("lang").as_deref(), Some("ru"));
    // No links: the row is hidden.
    chart
        .update(spec(
            r#"{"title":"Second","locale":"ru","links":false,"series":[{"year":2020,"value":1},{"year":2021,"value":9}]}"#,
        ))
        .expect("updates");
    let links: HtmlElement = el
        .query_selector(".ttc-links")
        .ok()
        .flatten()
        .expect("links")
        .dyn_into()
        .expect("html");
    assert_eq!(
        links.style().get_property_value("display").ok().as_deref(),
        Some("none")
    );
}

/// The `<svg>` on screen, compared with a fresh parse of `svg` (attribute order aside:
/// `isEqualNode` compares attributes as sets).
fn same_picture(el: &HtmlElement, svg: &str) -> bool {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let fresh = document.create_element("div").expect("div");
    fresh.set_inner_html(svg);
    let (Some(a), Some(b)) = (
        el.query_selector(".ttc svg").ok().flatten(),
        fresh.first_element_child(),
    ) else {
        return false;
    };
    a.is_equal_node(Some(&b))
}

#[wasm_bindgen_test]
fn an_update_patches_the_svg_on_screen_into_the_new_picture() {
    let el = host(640);
    let mut chart = Chart::new(el.clone(), JsValue::UNDEFINED).expect("mounts");
    let svg_before = el.query_selector(".ttc svg").ok().flatten().expect("svg");
    let title_before = el
        .query_selector(".ttc svg text")
        .ok()
        .flatten()
        .expect("a text");
    let scaled = r#"{"series":[{"year":2016,"value":69.6},{"year":2017,"value":84.1},{"year":2018,"value":107.1},{"year":2019,"value":110.8},{"year":2020,"value":107.8},{"year":2021,"value":146.9},{"year":2022,"value":190.3},{"year":2023,"value":240.1},{"year":2024,"value":231.2}]}"#;
    for next in [
        r#"{"subtitle":"Yearly totals, with a new subtitle"}"#,
        scaled,
        r#"{"kind":"bars"}"#,
        r#"{"kind":"breakdown","locale":"ru"}"#,
        r#"{"milestones":[{"year":2010,"label":"<b>one</b> & \"two\""}]}"#,
        "{}",
    ] {
        chart.update(spec(next)).expect("valid update");
        let want = render_svg(spec(next), 640.0, None).expect("renders");
        assert!(same_picture(&el, &want), "after {next}");
    }
    // Same size and title: the document on screen was patched, not replaced, and a
    // label that did not change is the same element it was.
    let svg_after = el.query_selector(".ttc svg").ok().flatten().expect("svg");
    assert!(svg_before.is_same_node(Some(&svg_after)));
    let title_after = el
        .query_selector(".ttc svg text")
        .ok()
        .flatten()
        .expect("a text");
    assert!(title_before.is_same_node(Some(&title_after)));
    // No markup from the spec: the milestone's label is text.
    chart
        .update(spec(
            r#"{"milestones":[{"year":2010,"label":"<img src=x>"}]}"#,
        ))
        .expect("valid update");
    assert!(el.query_selector(".ttc svg img").ok().flatten().is_none());
}

/// Resolves after `n` animation frames.
async fn frames(n: usize) {
    for _ in 0..n {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .expect("window")
                .request_animation_frame(&resolve)
                .expect("requestAnimationFrame");
        });
        wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .expect("frame");
    }
}

/// A chart dropped (freed) without `destroy()`, say by a framework that forgets, leaves
/// no observer or listener behind to call its freed closures: a resize afterwards raises
/// nothing on window.onerror (it raised "closure invoked ... after being dropped").
#[wasm_bindgen_test]
async fn a_chart_dropped_without_destroy_leaves_nothing_to_call() {
    let window = web_sys::window().expect("window");
    let errors = js_sys::Array::new();
    let seen = errors.clone();
    let on_error = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
        seen.push(&js_sys::Reflect::get(&e, &"message".into()).unwrap_or_default());
    });
    window
        .add_event_listener_with_callback("error", on_error.as_ref().unchecked_ref())
        .expect("listen");
    let el = host(640);
    let chart = Chart::new(el.clone(), JsValue::UNDEFINED).expect("mounts");
    frames(2).await;
    drop(chart);
    el.style().set_property("width", "320px").expect("style");
    frames(3).await;
    window
        .remove_event_listener_with_callback("error", on_error.as_ref().unchecked_ref())
        .expect("unlisten");
    assert_eq!(errors.to_vec(), Vec::<JsValue>::new());
}
