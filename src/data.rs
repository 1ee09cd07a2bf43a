//! The built-in dataset: China–Russia goods trade (GACC), the $200B-by-2024 target and
//! its milestones, compiled in from src/data/china-russia.json by build.rs.

use crate::error::SpecError;
use crate::json::Json;
use crate::spec::{self, Spec};

include!(concat!(env!("OUT_DIR"), "/default_spec.rs"));

/// The default spec, read through the same reader as any host page's spec (a test
/// checks that it reads and validates, so the error path is for form's sake only).
pub fn default_spec() -> Result<Spec, SpecError> {
    spec::from_json(&default_json())
}
