//! What the chart says in words: the title when the spec gives none, the readout
//! under it, the footnote and the plain-words description for screen readers. All
//! computed from whatever data the spec holds.

use crate::format::percent;
use crate::model::Model;

pub fn title(m: &Model) -> String {
    if let Some(t) = &m.title {
        return t.clone();
    }
    let Some(target) = &m.target else {
        return format!("Trade by year, {}–{}", m.first().year, m.last().year);
    };
    let goal = m.unit_round(target.value);
    match m.reached() {
        Some(p) => {
            let timing = match target.year - p.year {
                0 => String::new(),
                1 => " a year early".into(),
                n if n > 1 => format!(" {n} years early"),
                -1 => " a year late".into(),
                n => format!(" {} years late", -n),
            };
            format!("Trade passed its {goal} target in {}{timing}", p.year)
        }
        None => format!(
            "Trade is at {} of its {goal} target",
            percent(m.last().value / target.value)
        ),
    }
}

/// The readout's parts, joined with " · " (layout may break lines between parts).
pub fn readout(m: &Model) -> Vec<String> {
    if let Some(s) = &m.subtitle {
        return vec![s.clone()];
    }
    let mut parts: Vec<String> = m.unit.label.iter().cloned().collect();
    let last = m.last();
    match (&m.target, m.reached()) {
        (Some(target), Some(p)) => {
            parts.push(format!(
                "Target met in {}: {}, {} of the goal",
                p.year,
                m.unit_value(p.value),
                percent(p.value / target.value)
            ));
            if last.year != p.year {
                parts.push(format!("{}: {}", last.year, m.unit_value(last.value)));
            }
        }
        (Some(target), None) => parts.push(format!(
            "{}: {}, {} of the {} target",
            last.year,
            m.unit_value(last.value),
            percent(last.value / target.value),
            m.unit_round(target.value)
        )),
        (None, _) => parts.push(format!("{}: {}", last.year, m.unit_value(last.value))),
    }
    parts
}

pub fn target_label(m: &Model) -> Option<String> {
    let t = m.target.as_ref()?;
    Some(
        t.label
            .clone()
            .unwrap_or_else(|| format!("{} target ({})", m.unit_round(t.value), t.year)),
    )
}

/// Source and notes, as separate sentences for the footer.
pub fn footer(m: &Model) -> Vec<String> {
    let mut lines: Vec<String> = m.source.iter().cloned().collect();
    if m.has_estimates() {
        lines.push("Hollow points are estimates.".into());
    }
    lines
}

/// One paragraph a screen reader can read instead of looking at the chart.
pub fn description(m: &Model) -> String {
    let (first, last) = (m.first(), m.last());
    let peak = m
        .points
        .iter()
        .fold(first, |best, p| if p.value > best.value { p } else { best });
    let mut s = format!(
        "{} from {} in {} to {} in {}",
        if last.value >= first.value {
            "Rose"
        } else {
            "Fell"
        },
        m.unit_value(first.value),
        first.year,
        m.unit_value(last.value),
        last.year
    );
    if peak.year != last.year && peak.year != first.year {
        s = format!(
            "Rose from {} in {} to a peak of {} in {}, then {} to {} in {}",
            m.unit_value(first.value),
            first.year,
            m.unit_value(peak.value),
            peak.year,
            if last.value < peak.value {
                "fell"
            } else {
                "rose"
            },
            m.unit_value(last.value),
            last.year
        );
    }
    if let Some(t) = &m.target {
        let goal = m.unit_round(t.value);
        match m.reached() {
            Some(p) => s.push_str(&format!(
                "; it passed the {goal} target for {} in {}",
                t.year, p.year
            )),
            None => s.push_str(&format!(
                "; the {goal} target for {} is not yet reached",
                t.year
            )),
        }
    }
    s.push('.');
    s
}
