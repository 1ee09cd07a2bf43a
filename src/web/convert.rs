//! JS values in and out of the wasm, through serde-wasm-bindgen: the spec a page gives
//! (into the core's `Json` tree, then a `Model`), and what goes back as plain objects
//! (`defaultSpec()`, the `{ path, message }` of a `SpecError`).

use crate::error::SpecError;
use crate::json::Json;
use crate::model::Model;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The error the JS entry turns into a `SpecError`: a plain `{ path, message }` object
/// (with `line` and `column` for a CSV file). Written as a `Json` value, so it goes out
/// through the serializer `from_json` uses anyway: `SpecError`'s own `Serialize`, the
/// same object, was a second copy of it in the wasm.
pub(super) fn js_error(e: &SpecError) -> JsValue {
    let text = |k: &str, v: &String| (k.to_owned(), Json::Str(v.clone()));
    let mut pairs = vec![text("path", &e.path), text("message", &e.message)];
    if let Some(line) = e.line {
        // A JS number either way (lines are far below 2^53).
        #[allow(clippy::cast_precision_loss)]
        pairs.push(("line".to_owned(), Json::Num(line as f64)));
    }
    if let Some(column) = &e.column {
        pairs.push(text("column", column));
    }
    from_json(&Json::Obj(pairs)).unwrap_or_else(|_| JsValue::from_str(&e.message))
}

/// Reads a JS value (already a plain structured clone, see index.js) into our `Json`
/// tree through serde-wasm-bindgen and `Json`'s own `Deserialize` (src/json.rs), which
/// carries the nesting depth down with it: a throw midway cannot leave a counter raised.
pub(super) fn to_json(v: JsValue) -> Result<Json, SpecError> {
    serde_wasm_bindgen::from_value(v).map_err(|e| {
        // The error's `message` read as a property (it is a JS `Error` made by the
        // serializer): an `instanceof` check and a typed getter were two imports more.
        let message = js_sys::Reflect::get(&e.into(), &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_default();
        SpecError::new("", not_json(message))
    })
}

/// serde's "invalid type: JsValue(Function), expected a JSON value" for a value JSON
/// cannot hold, in the words the rest of the spec errors use.
fn not_json(message: String) -> String {
    let Some(what) = message
        .strip_prefix("invalid type: ")
        .and_then(|m| m.split(", expected").next())
    else {
        return message;
    };
    let what = what.strip_prefix("JsValue(").unwrap_or(what);
    let what = what
        .split(['(', ')'])
        .next()
        .unwrap_or(what)
        .to_ascii_lowercase();
    let mut out = String::from("the spec holds a ");
    out.push_str(&what);
    out.push_str(" value, which JSON has no form for");
    out
}

/// A `Json` value as a plain JS value (objects, not Maps), for `defaultSpec()` and
/// `parseCSV()`.
pub(super) fn from_json(j: &Json) -> Result<JsValue, SpecError> {
    j.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|_| SpecError::new("", "the value could not be copied out to JavaScript"))
}

/// One of the DOM's option dictionaries, written as JSON: one `JSON.parse` import for
/// all of them, where web-sys's typed setters cost an import each.
pub(super) fn options(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap_or_default()
}

pub(super) fn read(spec: JsValue) -> Result<Model, SpecError> {
    crate::model(&to_json(spec)?)
}
