//! Spec -> Model: every value checked for meaning, with the JSON path of the first
//! problem. The spec is laid over a base the caller chooses: `crate::model` passes the
//! built-in data for a spec without `series`, and an empty base for one with `series`,
//! which stands alone (no China–Russia target or milestones leak into another
//! country's chart).

use crate::error::SpecError;
use crate::format::plain;
use crate::limits::{HEIGHTS, MAX_AFFIX, MAX_MILESTONES, MAX_TEXT, MAX_VALUE, YEARS};
use crate::model::{self, Model};
use crate::spec::{self, Spec};

/// Checks `spec` laid over `base`: each field the spec leaves out is taken from `base`
/// (the caller passes the built-in chart's spec when `series` is absent, and
/// `Spec::default()` otherwise). Taking the base as an argument keeps this module
/// below the data it would otherwise have to load.
pub fn validate(spec: &Spec, base: &Spec) -> Result<Model, SpecError> {
    let pick = |own: &Option<String>, fallback: &Option<String>| own.clone().or(fallback.clone());
    let series = spec.series.as_ref().or(base.series.as_ref());
    let unit = spec.unit.as_ref().or(base.unit.as_ref());
    let target = spec.target.as_ref().or(base.target.as_ref());
    let milestones = spec.milestones.as_ref().or(base.milestones.as_ref());
    let source = spec.source.as_ref().or(base.source.as_ref());

    // A chart drawn as of a past date tells that date's story: the built-in title and
    // readout (written with hindsight) give way to generated ones.
    let (title, subtitle) = if spec.as_of.is_some() {
        (spec.title.clone(), spec.subtitle.clone())
    } else {
        (
            pick(&spec.title, &base.title),
            pick(&spec.subtitle, &base.subtitle),
        )
    };
    text("title", title.as_deref())?;
    text("subtitle", subtitle.as_deref())?;

    let unit = match unit {
        Some(u) => model::Unit {
            prefix: affix("unit.prefix", u.prefix.as_deref())?,
            suffix: affix("unit.suffix", u.suffix.as_deref())?,
            label: text("unit.label", u.label.as_deref())?,
        },
        None => model::Unit::default(),
    };

    let points = points(series.map(Vec::as_slice).unwrap_or_default())?;
    let target = target.map(target_model).transpose()?;
    let milestones = milestones_model(milestones.map(Vec::as_slice).unwrap_or_default(), &points)?;

    let (source, source_url) = match source {
        Some(s) => (
            text("source.text", Some(&s.text))?,
            url("source.url", s.url.as_deref())?,
        ),
        None => (None, None),
    };

    let height = match spec.height {
        Some(h) if !h.is_finite() || h < HEIGHTS.0 || h > HEIGHTS.1 => {
            return Err(SpecError::new(
                "height",
                format!(
                    "expected a height in pixels from {} to {}, found {}",
                    plain(HEIGHTS.0),
                    plain(HEIGHTS.1),
                    plain(h)
                ),
            ))
        }
        h => h,
    };

    let as_of = spec.as_of.as_deref().map(date).transpose()?;
    let cutoff = as_of.map(|(y, _, _)| y - 1);
    if let (Some(c), Some(first)) = (cutoff, points.first()) {
        if first.year > c {
            return Err(SpecError::new(
                "asOf",
                format!(
                    "expected a date after the first complete year of the series ({})",
                    first.year
                ),
            ));
        }
    }
    let parts = spec
        .parts
        .clone()
        .or(base.parts.clone())
        .unwrap_or_default();
    Ok(Model {
        title,
        subtitle,
        unit,
        points,
        target,
        milestones,
        source,
        source_url,
        kind: spec.kind.unwrap_or_default(),
        renderer: spec.renderer.unwrap_or_default(),
        height,
        theme: spec.theme.unwrap_or_default(),
        locale: spec.locale.unwrap_or_default(),
        locale_given: spec.locale.is_some(),
        as_of,
        cutoff,
        reveal: spec.reveal.unwrap_or(false),
        links: spec.links.unwrap_or(true),
        parts: (
            text("parts.exports", parts.exports.as_deref())?,
            text("parts.imports", parts.imports.as_deref())?,
        ),
    })
}

fn text(path: &str, s: Option<&str>) -> Result<Option<String>, SpecError> {
    limited(path, s, MAX_TEXT)
}

fn affix(path: &str, s: Option<&str>) -> Result<String, SpecError> {
    Ok(limited(path, s, MAX_AFFIX)?.unwrap_or_default())
}

fn limited(path: &str, s: Option<&str>, max: usize) -> Result<Option<String>, SpecError> {
    match s {
        Some(s) if s.chars().count() > max => Err(SpecError::new(
            path,
            format!(
                "expected at most {max} characters, found {}",
                s.chars().count()
            ),
        )),
        s => Ok(s.map(str::to_owned)),
    }
}

/// Only http(s) links: a `javascript:` URL from a CMS field must never become a link.
fn url(path: &str, s: Option<&str>) -> Result<Option<String>, SpecError> {
    let Some(u) = text(path, s)? else {
        return Ok(None);
    };
    let lower = u.trim().to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        Ok(Some(u.trim().to_owned()))
    } else {
        Err(SpecError::new(path, "expected an http:// or https:// URL"))
    }
}

/// "YYYY-MM-DD", checked strictly (a real calendar day), as (year, month, day).
fn date(s: &str) -> Result<(i32, u32, u32), SpecError> {
    let bad = || {
        SpecError::new(
            "asOf",
            format!(
                "expected a date like \"2021-06-20\", found \"{}\"",
                s.chars().take(40).collect::<String>()
            ),
        )
    };
    let mut parts = s.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad());
    };
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
        return Err(bad());
    }
    let (y, m, d): (i32, u32, u32) = (
        y.parse().map_err(|_| bad())?,
        m.parse().map_err(|_| bad())?,
        d.parse().map_err(|_| bad())?,
    );
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(bad()),
    };
    if d == 0 || d > days || y < YEARS.0 || y > YEARS.1 {
        return Err(bad());
    }
    Ok((y, m, d))
}

fn year(path: &str, y: f64) -> Result<i32, SpecError> {
    if y.is_finite() && y.fract() == 0.0 && y >= f64::from(YEARS.0) && y <= f64::from(YEARS.1) {
        // Range-checked above, so the conversion is exact.
        Ok(crate::num::sat_i32(y))
    } else {
        Err(SpecError::new(
            path,
            format!(
                "expected a whole year from {} to {}, found {}",
                YEARS.0,
                YEARS.1,
                plain(y)
            ),
        ))
    }
}

fn amount(path: &str, v: f64) -> Result<f64, SpecError> {
    if !v.is_finite() {
        Err(SpecError::new(
            path,
            format!("expected a finite number, found {}", plain(v)),
        ))
    } else if v < 0.0 {
        Err(SpecError::new(
            path,
            format!("expected a value of 0 or more, found {}", plain(v)),
        ))
    } else if v > MAX_VALUE {
        Err(SpecError::new(
            path,
            format!("expected a value of at most 1e15, found {}", plain(v)),
        ))
    } else {
        Ok(v)
    }
}

pub(crate) fn points(series: &[spec::Point]) -> Result<Vec<model::Point>, SpecError> {
    if series.is_empty() {
        return Err(SpecError::new(
            "series",
            "expected at least one point, found an empty array",
        ));
    }
    let mut out: Vec<model::Point> = Vec::with_capacity(series.len());
    for (i, p) in series.iter().enumerate() {
        let at = |key: &str| format!("series[{i}].{key}");
        let y = year(&at("year"), p.year)?;
        let split_estimate = p.split_estimate.unwrap_or(false);
        // An estimated split without the split would mark nothing, and most likely
        // means a part was left out by mistake.
        if split_estimate && (p.exports.is_none() || p.imports.is_none()) {
            return Err(SpecError::new(
                at("splitEstimate"),
                "expected exports and imports to go with it, found no split",
            ));
        }
        out.push(model::Point {
            year: y,
            value: amount(&at("value"), p.value)?,
            exports: p.exports.map(|v| amount(&at("exports"), v)).transpose()?,
            imports: p.imports.map(|v| amount(&at("imports"), v)).transpose()?,
            estimate: p.estimate.unwrap_or(false),
            split_estimate,
            note: text(&at("note"), p.note.as_deref())?,
        });
    }
    // Sorting positions by (year, position) finds duplicates in O(n log n) and still
    // names the second occurrence's index.
    let mut order: Vec<usize> = (0..out.len()).collect();
    heap_sort_by_key(&mut order, |&i| (out.get(i).map_or(0, |p| p.year), i));
    for pair in order.windows(2) {
        if let [first, second] = *pair {
            let (a, b) = (out.get(first), out.get(second));
            if let (Some(a), Some(b)) = (a, b) {
                if a.year == b.year {
                    return Err(SpecError::new(
                        format!("series[{second}].year"),
                        format!("year {} appears twice (first at series[{first}])", b.year),
                    ));
                }
            }
        }
    }
    Ok(order.iter().filter_map(|&i| out.get(i).cloned()).collect())
}

/// Heap sort: O(n log n) at any input (100 000 points in reverse order included) in a
/// few hundred bytes of wasm; the standard library's sorts cost 7 KB raw, 3 KB gzipped.
fn heap_sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    let less = |v: &[T], a: usize, b: usize| match (v.get(a), v.get(b)) {
        (Some(x), Some(y)) => key(x) < key(y),
        _ => false,
    };
    // Moves v[root] down the max-heap held in v[..end].
    let sift = |v: &mut [T], mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            break;
        }
        if child + 1 < end && less(v, child, child + 1) {
            child += 1;
        }
        if !less(v, root, child) {
            break;
        }
        v.swap(root, child);
        root = child;
    };
    let n = v.len();
    for root in (0..n / 2).rev() {
        sift(v, root, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift(v, 0, end);
    }
}

fn target_model(t: &spec::Target) -> Result<model::Target, SpecError> {
    let value = amount("target.value", t.value)?;
    if value <= 0.0 {
        return Err(SpecError::new(
            "target.value",
            "expected a target above 0, found 0",
        ));
    }
    let target_year = year("target.year", t.year)?;
    let set = t.set.map(|s| year("target.set", s)).transpose()?;
    if let Some(s) = set {
        if s > target_year {
            return Err(SpecError::new(
                "target.set",
                format!("expected a year no later than target.year ({target_year}), found {s}"),
            ));
        }
    }
    Ok(model::Target {
        value,
        year: target_year,
        label: text("target.label", t.label.as_deref())?,
        set,
    })
}

fn milestones_model(
    milestones: &[spec::Milestone],
    points: &[model::Point],
) -> Result<Vec<model::Milestone>, SpecError> {
    if milestones.len() > MAX_MILESTONES {
        return Err(SpecError::new(
            "milestones",
            format!(
                "expected at most {MAX_MILESTONES} milestones, found {}",
                milestones.len()
            ),
        ));
    }
    milestones
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let path = format!("milestones[{i}].year");
            let y = year(&path, m.year)?;
            if !points.iter().any(|p| p.year == y) {
                return Err(SpecError::new(
                    path,
                    format!("expected a year that is in the series, found {y}"),
                ));
            }
            let label = text(&format!("milestones[{i}].label"), Some(&m.label))?;
            Ok(model::Milestone {
                year: y,
                label: label.unwrap_or_default(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::heap_sort_by_key;

    #[test]
    fn heap_sort_orders_any_input() {
        for n in [0usize, 1, 2, 3, 10, 101, 1000] {
            for seed in 0..5u64 {
                let mut v: Vec<u64> = (0..n as u64)
                    .map(|i| (i * 2_654_435_761 + seed * 97) % 37)
                    .collect();
                let mut want = v.clone();
                want.sort();
                heap_sort_by_key(&mut v, |&x| x);
                assert_eq!(v, want, "n={n} seed={seed}");
            }
        }
        let mut rev: Vec<i32> = (0..100_000).rev().collect();
        heap_sort_by_key(&mut rev, |&x| x);
        assert!(rev.windows(2).all(|w| w[0] < w[1]));
    }
}
