//! The built-in dataset: China–Russia goods trade (GACC), the $200B-by-2024 target and
//! its milestones, compiled in from src/data/china-russia.json by build.rs.

use crate::error::SpecError;
use crate::json::Json;
use crate::spec::{self, Spec};

// DEFAULT_JSON: the file as compact JSON text (build.rs checks it reads back exactly).
include!(concat!(env!("OUT_DIR"), "/default_spec.rs"));

/// The default spec as a JSON tree (what `defaultSpec()` hands to JS). Tests check that
/// it reads; an error here would be a build mistake, and is reported, not panicked.
pub fn default_json() -> Result<Json, SpecError> {
    crate::embedded_json::parse(DEFAULT_JSON)
        .ok_or_else(|| SpecError::new("", "the built-in data could not be read"))
}

/// The default spec, read through the same reader as any host page's spec (a test
/// checks that it reads and validates, so the error path is for form's sake only).
pub fn default_spec() -> Result<Spec, SpecError> {
    spec::from_json(&default_json()?)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_embedded_text_reads_back_as_the_file() {
        let file: crate::json::Json =
            serde_json::from_str(include_str!("data/china-russia.json")).expect("valid JSON");
        assert_eq!(super::default_json().expect("reads"), file);
    }
}
