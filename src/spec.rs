//! The spec exactly as the host page writes it. Every field is optional. Reading a
//! `Json` tree into these types checks only shapes (types, known keys); what the values
//! mean is checked by `validate`.

use crate::error::SpecError;
use crate::json::Json;
pub use crate::locale::Locale;
use schemars::JsonSchema;
use serde::Serialize;

#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[serde(deny_unknown_fields)]
pub struct Spec {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 500))]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 500))]
    pub subtitle: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 10000))]
    pub series: Option<Vec<Point>>,
    /// CSV text whose rows become `series` (instead of giving `series`): a header line
    /// naming the columns, in any order: `year` and `total` (or `value`) required,
    /// `exports`, `imports`, `estimate` (yes/true/1 or empty), `splitEstimate` and `note`
    /// optional. Quoted fields, CRLF and a byte order mark are read. What "Get the
    /// data" downloads reads back.
    // Read into `series` by `from_json`; the field keeps where each row came from, so
    // that `validate`'s errors name the file's line and column.
    #[serde(skip_serializing)]
    #[schemars(with = "Option<String>")]
    pub csv: Option<crate::csv::Rows>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 20))]
    pub milestones: Option<Vec<Milestone>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renderer: Option<Renderer>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 160, max = 2000))]
    pub height: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub theme: Option<ThemeChoice>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<Locale>,
    /// "YYYY-MM-DD": draw the chart as a reader saw it on that date.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    pub as_of: Option<String>,
    /// With `asOf`: draw what happened afterwards, faintly.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reveal: Option<bool>,
    /// Names of the two parts of the breakdown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parts: Option<Parts>,
    /// Show the "Source", "Get the data" and "Download image" links under the chart
    /// (default true).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub links: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Parts {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exports: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub imports: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ThemeChoice {
    /// Follows the reader's `prefers-color-scheme` in a browser; light elsewhere.
    #[default]
    Auto,
    Light,
    Dark,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 12))]
    pub prefix: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 12))]
    pub suffix: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 500))]
    pub label: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Point {
    #[schemars(range(min = 1900, max = 2200), extend("multipleOf" = 1))]
    pub year: f64,
    #[schemars(range(min = 0, max = 1e15))]
    pub value: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = 1e15))]
    pub exports: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = 1e15))]
    pub imports: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub estimate: Option<bool>,
    /// True when the export/import split is derived rather than reported (the total
    /// may still be reported): the breakdown draws the parts outlined and the tooltip
    /// says so. Needs `exports` and `imports`.
    #[serde(rename = "splitEstimate", skip_serializing_if = "Option::is_none")]
    pub split_estimate: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 500))]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    #[schemars(range(max = 1e15), extend("exclusiveMinimum" = 0))]
    pub value: f64,
    #[schemars(range(min = 1900, max = 2200), extend("multipleOf" = 1))]
    pub year: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 500))]
    pub label: Option<String>,
    /// The year the target was set.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1900, max = 2200), extend("multipleOf" = 1))]
    pub set: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    #[schemars(range(min = 1900, max = 2200), extend("multipleOf" = 1))]
    pub year: f64,
    #[schemars(length(max = 500))]
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    #[schemars(length(max = 500))]
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^\s*[hH][tT][tT][pP][sS]?://"), length(max = 500))]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    #[default]
    Line,
    Bars,
    /// Stacked bars of exports and imports.
    Breakdown,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Renderer {
    #[default]
    Svg,
    Canvas,
}

const SPEC_KEYS: &[&str] = &[
    "title",
    "subtitle",
    "unit",
    "series",
    "csv",
    "target",
    "milestones",
    "source",
    "kind",
    "renderer",
    "height",
    "theme",
    "locale",
    "asOf",
    "reveal",
    "parts",
    "links",
];
const PARTS_KEYS: &[&str] = &["exports", "imports"];
const UNIT_KEYS: &[&str] = &["prefix", "suffix", "label"];
/// A series point's keys, in the order an unknown-key error lists them (the CSV reader's
/// columns too, in this order).
pub(crate) const POINT_KEYS: &[&str] = &[
    "year",
    "value",
    "exports",
    "imports",
    "estimate",
    "splitEstimate",
    "note",
];
const TARGET_KEYS: &[&str] = &["value", "year", "label", "set"];
const MILESTONE_KEYS: &[&str] = &["year", "label"];
const SOURCE_KEYS: &[&str] = &["text", "url"];

/// Reads a spec; `null` (no spec at all) reads as `{}`.
pub fn from_json(json: &Json) -> Result<Spec, SpecError> {
    if let Json::Null = json {
        return Ok(Spec::default());
    }
    let obj = Obj::new(json, "", SPEC_KEYS)?;
    let (series, csv) = match obj.string("csv")? {
        None => (series(&obj)?, None),
        Some(_) if obj.get("series").is_some() => {
            return Err(SpecError::new(
                "csv",
                "expected csv or series, found both (the csv's rows are the series)",
            ))
        }
        Some(text) => {
            let (points, rows) = crate::csv::read(&text, "csv")?;
            (Some(points), Some(rows))
        }
    };
    Ok(Spec {
        title: obj.string("title")?,
        subtitle: obj.string("subtitle")?,
        unit: obj.object("unit", UNIT_KEYS, |u| {
            Ok(Unit {
                prefix: u.string("prefix")?,
                suffix: u.string("suffix")?,
                label: u.string("label")?,
            })
        })?,
        series,
        csv,
        target: obj.object("target", TARGET_KEYS, |t| {
            Ok(Target {
                value: t.required_number("value")?,
                year: t.required_number("year")?,
                label: t.string("label")?,
                set: t.number("set")?,
            })
        })?,
        milestones: obj.array(
            "milestones",
            |m| {
                Ok(Milestone {
                    year: m.required_number("year")?,
                    label: m.required_string("label")?,
                })
            },
            MILESTONE_KEYS,
        )?,
        source: obj.object("source", SOURCE_KEYS, |s| {
            Ok(Source {
                text: s.required_string("text")?,
                url: s.string("url")?,
            })
        })?,
        kind: obj.choice(
            "kind",
            &[
                ("line", Kind::Line),
                ("bars", Kind::Bars),
                ("breakdown", Kind::Breakdown),
            ],
        )?,
        renderer: obj.choice(
            "renderer",
            &[("svg", Renderer::Svg), ("canvas", Renderer::Canvas)],
        )?,
        height: obj.number("height")?,
        theme: obj.choice(
            "theme",
            &[
                ("auto", ThemeChoice::Auto),
                ("light", ThemeChoice::Light),
                ("dark", ThemeChoice::Dark),
            ],
        )?,
        locale: obj.choice(
            "locale",
            &[("en", Locale::En), ("ru", Locale::Ru), ("zh", Locale::Zh)],
        )?,
        as_of: obj.string("asOf")?,
        reveal: obj.boolean("reveal")?,
        links: obj.boolean("links")?,
        parts: obj.object("parts", PARTS_KEYS, |p| {
            Ok(Parts {
                exports: p.string("exports")?,
                imports: p.string("imports")?,
            })
        })?,
    })
}

fn series(obj: &Obj) -> Result<Option<Vec<Point>>, SpecError> {
    obj.array(
        "series",
        |p| {
            Ok(Point {
                year: p.required_number("year")?,
                value: p.required_number("value")?,
                exports: p.number("exports")?,
                imports: p.number("imports")?,
                estimate: p.boolean("estimate")?,
                split_estimate: p.boolean("splitEstimate")?,
                note: p.string("note")?,
            })
        },
        POINT_KEYS,
    )
}

/// An object being read at `path`, already checked for unknown keys.
struct Obj<'a> {
    entries: &'a [(String, Json)],
    path: String,
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn expected(path: &str, what: &str, found: &Json) -> SpecError {
    SpecError::new(path, format!("expected {what}, found {}", found.kind()))
}

impl<'a> Obj<'a> {
    fn new(json: &'a Json, path: &str, known: &[&str]) -> Result<Obj<'a>, SpecError> {
        let Json::Obj(entries) = json else {
            return Err(expected(path, "an object", json));
        };
        for (key, _) in entries {
            if !known.contains(&key.as_str()) {
                // The key is quoted cut short in the path too: a 1 MB key must not make
                // a 1 MB error message.
                return Err(unknown_key(&join(path, &clip(key)), key, known));
            }
        }
        Ok(Obj {
            entries,
            path: path.to_owned(),
        })
    }

    /// The value at `key`; JSON `null` counts as absent, like a missing key.
    fn get(&self, key: &str) -> Option<&'a Json> {
        self.entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
            .filter(|v| !matches!(v, Json::Null))
    }

    fn string(&self, key: &str) -> Result<Option<String>, SpecError> {
        match self.get(key) {
            None => Ok(None),
            Some(Json::Str(s)) => Ok(Some(s.clone())),
            Some(other) => Err(expected(&join(&self.path, key), "a string", other)),
        }
    }

    fn required_string(&self, key: &str) -> Result<String, SpecError> {
        self.string(key)?
            .ok_or_else(|| self.missing(key, "a string"))
    }

    fn number(&self, key: &str) -> Result<Option<f64>, SpecError> {
        match self.get(key) {
            None => Ok(None),
            Some(Json::Num(n)) => Ok(Some(*n)),
            Some(other) => Err(expected(&join(&self.path, key), "a number", other)),
        }
    }

    fn required_number(&self, key: &str) -> Result<f64, SpecError> {
        self.number(key)?
            .ok_or_else(|| self.missing(key, "a number"))
    }

    fn boolean(&self, key: &str) -> Result<Option<bool>, SpecError> {
        match self.get(key) {
            None => Ok(None),
            Some(Json::Bool(b)) => Ok(Some(*b)),
            Some(other) => Err(expected(&join(&self.path, key), "true or false", other)),
        }
    }

    fn missing(&self, key: &str, what: &str) -> SpecError {
        SpecError::new(
            join(&self.path, key),
            format!("expected {what}, found nothing"),
        )
    }

    fn object<T>(
        &self,
        key: &str,
        known: &[&str],
        read: impl Fn(&Obj) -> Result<T, SpecError>,
    ) -> Result<Option<T>, SpecError> {
        match self.get(key) {
            None => Ok(None),
            Some(json) => read(&Obj::new(json, &join(&self.path, key), known)?).map(Some),
        }
    }

    fn array<T>(
        &self,
        key: &str,
        read: impl Fn(&Obj) -> Result<T, SpecError>,
        known: &[&str],
    ) -> Result<Option<Vec<T>>, SpecError> {
        let path = join(&self.path, key);
        match self.get(key) {
            None => Ok(None),
            Some(Json::Arr(items)) => {
                if items.len() > crate::limits::MAX_POINTS {
                    return Err(SpecError::new(
                        path,
                        format!(
                            "expected at most {} entries, found {}",
                            crate::limits::MAX_POINTS,
                            items.len()
                        ),
                    ));
                }
                items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| read(&Obj::new(item, &format!("{path}[{i}]"), known)?))
                    .collect::<Result<Vec<T>, SpecError>>()
                    .map(Some)
            }
            Some(other) => Err(expected(&path, "an array", other)),
        }
    }

    fn choice<T: Copy>(&self, key: &str, options: &[(&str, T)]) -> Result<Option<T>, SpecError> {
        let names: Vec<String> = options.iter().map(|(n, _)| format!("\"{n}\"")).collect();
        let what = format!("one of {}", names.join(", "));
        let path = join(&self.path, key);
        match self.get(key) {
            None => Ok(None),
            Some(Json::Str(s)) => options
                .iter()
                .find(|(name, _)| name == s)
                .map(|(_, v)| Some(*v))
                .ok_or_else(|| {
                    SpecError::new(path, format!("expected {what}, found \"{}\"", clip(s)))
                }),
            Some(other) => Err(expected(&path, &what, other)),
        }
    }
}

/// User text quoted in an error message is cut short so the message stays readable.
pub(crate) fn clip(s: &str) -> String {
    const MAX: usize = 40;
    if s.chars().count() <= MAX {
        s.to_owned()
    } else {
        let head: String = s.chars().take(MAX).collect();
        format!("{head}…")
    }
}

fn unknown_key(path: &str, key: &str, known: &[&str]) -> SpecError {
    // A suggestion needs a distance of at most a third of the known key's length, and the
    // distance is at least the difference in lengths: a key longer than 32 characters
    // can never get one. Skipping it keeps a 1 MB key from costing seconds of
    // edit-distance tables (found by tests/hostile.rs).
    const LONGEST: usize = 32;
    let lower = key.to_ascii_lowercase();
    let closest = known
        .iter()
        .filter(|_| key.len() <= LONGEST)
        .map(|k| (edit_distance(&lower, k), *k))
        .min_by_key(|(d, _)| *d);
    let message = match closest {
        Some((d, k)) if d <= 2.max(k.len() / 3) => {
            format!("unknown key \"{}\"; did you mean \"{k}\"?", clip(key))
        }
        _ => format!(
            "unknown key \"{}\"; known keys: {}",
            clip(key),
            known.join(", ")
        ),
    };
    SpecError::new(path, message)
}

/// Levenshtein distance over chars; keys are short, so the O(n·m) table is fine.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row.first().copied().unwrap_or(0);
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let above = row.get(j + 1).copied().unwrap_or(usize::MAX);
            let left = row.get(j).copied().unwrap_or(usize::MAX);
            let best = (diag + usize::from(ca != *cb)).min(above + 1).min(left + 1);
            diag = above;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = best;
            }
        }
    }
    row.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::edit_distance;

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("titel", "title"), 2);
        assert_eq!(edit_distance("serie", "series"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kind", "kind"), 0);
    }
}
