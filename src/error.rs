//! The one error type of the core: what was wrong with the spec, and where.

use std::fmt;

/// A spec the chart cannot draw. `path` is the JSON path of the offending value
/// (`"series[3].value"`, or `""` for the spec as a whole); `message` says what was
/// expected, in words an editor can act on. An error in CSV text (the spec's `csv`, or
/// a file read by `parseCSV`) also names the file's `line` (1-based) and, when one cell
/// is at fault, its `column` as the header wrote it; `path` is then `csv` or the file's
/// name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecError {
    pub path: String,
    pub message: String,
    pub line: Option<usize>,
    pub column: Option<String>,
}

impl SpecError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        SpecError {
            path: path.into(),
            message: message.into(),
            line: None,
            column: None,
        }
    }

    /// An error at a line (and a column) of CSV text named `path`.
    pub fn at(
        path: impl Into<String>,
        line: usize,
        column: Option<String>,
        message: impl Into<String>,
    ) -> Self {
        SpecError {
            line: Some(line),
            column,
            ..SpecError::new(path, message)
        }
    }
}

/// `series[3].value: expected …`, or for CSV `data.csv line 7, column total: expected …`.
impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path)?;
        if let Some(line) = self.line {
            write!(f, " line {line}")?;
        }
        if let Some(column) = &self.column {
            write!(f, ", column {column}")?;
        }
        if !self.path.is_empty() {
            f.write_str(": ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for SpecError {}

/// Goes out to JS as a plain `{ path, message }` object (serde-wasm-bindgen), with
/// `line` and `column` when the error is in CSV text. Written as a map, not a derived
/// struct: serde-wasm-bindgen caches struct field names in a hash map, which would link
/// hashbrown into the wasm for these few keys.
impl serde::Serialize for SpecError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("path", &self.path)?;
        map.serialize_entry("message", &self.message)?;
        if let Some(line) = self.line {
            // As an f64 (a JS number either way): a u64 would link serde-wasm-bindgen's
            // BigInt path. Lines are far below 2^53.
            #[allow(clippy::cast_precision_loss)]
            map.serialize_entry("line", &(line as f64))?;
        }
        if let Some(column) = &self.column {
            map.serialize_entry("column", column)?;
        }
        map.end()
    }
}
