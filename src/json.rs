//! A plain JSON value tree, filled from whatever the edge has: a JS object (through
//! serde-wasm-bindgen in web.rs) in the browser, serde_json text natively, generated constants
//! for the built-in data. The spec reader walks this tree by hand so that every error
//! can name its JSON path and suggest the closest key, which serde's derive cannot.

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use std::fmt;

/// Deeper nesting than this is refused before it can exhaust the wasm stack
/// (a stack overflow there would abort every chart on the page).
pub const MAX_DEPTH: u32 = 32;

#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    /// Keys in document order, each once (a repeated key keeps its last value, as
    /// JSON.parse does).
    Obj(Vec<(String, Json)>),
}

impl Json {
    /// How the value reads in an error message ("found a string").
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Num(_) => "a number",
            Json::Str(_) => "a string",
            Json::Arr(_) => "an array",
            Json::Obj(_) => "an object",
        }
    }
}

/// The message the edges turn into a `SpecError` at the root.
pub struct TooDeep;

impl fmt::Display for TooDeep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the spec is nested more than {MAX_DEPTH} levels deep")
    }
}

/// Reads one value `depth` containers deep. The depth travels with the seed rather than
/// in a global counter, which an error (or, in a browser, a JS exception unwinding
/// through the wasm without running destructors) could leave raised for good.
#[derive(Clone, Copy)]
struct Seed {
    depth: u32,
}

impl Seed {
    fn inner<E: de::Error>(self) -> Result<Seed, E> {
        let depth = self.depth + 1;
        if depth > MAX_DEPTH {
            return Err(E::custom(TooDeep));
        }
        Ok(Seed { depth })
    }
}

impl<'de> DeserializeSeed<'de> for Seed {
    type Value = Json;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        self.deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Num(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Num(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
        Ok(Json::Num(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::Str(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let inner = self.inner()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(inner)? {
            items.push(item);
        }
        Ok(Json::Arr(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let inner = self.inner()?;
        let mut entries: Vec<(String, Json)> = Vec::new();
        #[cfg(not(target_arch = "wasm32"))]
        let mut seen: std::collections::HashMap<String, usize> = Default::default();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(inner)?;
            // JSON text may repeat a key; JSON.parse keeps the last value (in the first
            // key's place), so the native edge (serde_json) must too, or the CLI and the
            // browser would draw different charts. A JS object (the wasm edge) never
            // repeats a key, so the wasm build does without the map.
            #[cfg(not(target_arch = "wasm32"))]
            {
                if let Some(entry) = seen.get(&key).and_then(|&i| entries.get_mut(i)) {
                    entry.1 = value;
                    continue;
                }
                seen.insert(key.clone(), entries.len());
            }
            entries.push((key, value));
        }
        Ok(Json::Obj(entries))
    }
}

/// Written back out as the JSON it was read from (object keys in their order): how
/// `defaultSpec()` hands the built-in spec to JS through serde-wasm-bindgen.
impl Serialize for Json {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Null => s.serialize_unit(),
            Json::Bool(b) => s.serialize_bool(*b),
            Json::Num(n) => s.serialize_f64(*n),
            Json::Str(v) => s.serialize_str(v),
            Json::Arr(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Json::Obj(entries) => {
                let mut map = s.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        Seed { depth: 0 }.deserialize(d)
    }
}
