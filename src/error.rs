//! The one error type of the core: what was wrong with the spec, and where.

use std::fmt;

/// A spec the chart cannot draw. `path` is the JSON path of the offending value
/// (`"series[3].value"`, or `""` for the spec as a whole); `message` says what was
/// expected, in words an editor can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecError {
    pub path: String,
    pub message: String,
}

impl SpecError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        SpecError {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for SpecError {}

/// Goes out to JS as a plain `{ path, message }` object (serde-wasm-bindgen). Written as
/// a map, not a derived struct: serde-wasm-bindgen caches struct field names in a hash
/// map, which would link hashbrown into the wasm for two keys.
impl serde::Serialize for SpecError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry("path", &self.path)?;
        map.serialize_entry("message", &self.message)?;
        map.end()
    }
}
