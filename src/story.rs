//! What the chart says in words, in the chart's language: the title when the spec gives
//! none, the readout under it, the footer, the tooltip and the plain-words description
//! for screen readers. All computed from whatever data the spec holds.

use crate::locale::{builtin, Locale};
use crate::model::{Model, Point};
use crate::spec::Kind;

/// A user string, or the built-in chart's string in the chart's language.
pub fn local(m: &Model, s: &str) -> String {
    builtin(s, m.locale).unwrap_or(s).to_owned()
}

fn year(m: &Model, y: i32) -> String {
    m.locale.year(y)
}

pub fn date(m: &Model, (y, mo, d): (i32, u32, u32)) -> String {
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const RU: [&str; 12] = [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ];
    let i = (mo as usize).saturating_sub(1);
    match m.locale {
        Locale::En => format!("{d} {} {y}", EN.get(i).unwrap_or(&"")),
        Locale::Ru => format!("{d} {} {y}\u{a0}г.", RU.get(i).unwrap_or(&"")),
        Locale::Zh => format!("{y}年{mo}月{d}日"),
    }
}

pub fn title(m: &Model) -> String {
    if let Some(t) = &m.title {
        return local(m, t);
    }
    let l = m.locale;
    let Some(target) = &m.target else {
        let (a, b) = (m.first().year, m.last().year);
        return match l {
            Locale::En => format!("Trade by year, {a}–{b}"),
            Locale::Ru => format!("Товарооборот по годам, {a}–{b}"),
            Locale::Zh => format!("{a}–{b}年贸易额"),
        };
    };
    let goal = m.unit_round(target.value);
    let ty = target.year;
    if let (Some(_), Some((rate, _))) = (m.as_of, m.needed_pace()) {
        let rate = l.rate(rate).trim_start_matches('+').to_owned();
        return match l {
            Locale::En => format!("Trade needs {rate} a year to reach its {goal} target by {ty}"),
            Locale::Ru => format!("Товарообороту нужен рост на {rate} в год, чтобы достичь цели в {goal} к {ty}\u{a0}г."),
            Locale::Zh => format!("贸易额需每年增长{rate}才能在{ty}年达到{goal}目标"),
        };
    }
    match m.reached() {
        Some(p) => {
            let early = ty - p.year;
            let n = early.abs();
            let timing = match (l, early.signum(), n) {
                (_, 0, _) => String::new(),
                (Locale::En, 1, 1) => " a year early".into(),
                (Locale::En, 1, _) => format!(" {n} years early"),
                (Locale::En, _, 1) => " a year late".into(),
                (Locale::En, _, _) => format!(" {n} years late"),
                (Locale::Ru, 1, 1) => ", на год раньше срока".into(),
                (Locale::Ru, 1, _) => format!(", на {n}\u{a0}г. раньше срока"),
                (Locale::Ru, _, 1) => ", на год позже срока".into(),
                (Locale::Ru, _, _) => format!(", на {n}\u{a0}г. позже срока"),
                (Locale::Zh, 1, 1) => "，提前一年".into(),
                (Locale::Zh, 1, _) => format!("，提前{n}年"),
                (Locale::Zh, _, 1) => "，推迟一年".into(),
                (Locale::Zh, _, _) => format!("，推迟{n}年"),
            };
            let y = p.year;
            match l {
                Locale::En => format!("Trade passed its {goal} target in {y}{timing}"),
                Locale::Ru => format!("Товарооборот превысил цель в {goal} в {y}\u{a0}г.{timing}"),
                Locale::Zh => format!("贸易额于{y}年突破{goal}目标{timing}"),
            }
        }
        None => {
            let pct = l.percent(m.last().value / target.value);
            match l {
                Locale::En => format!("Trade is at {pct} of its {goal} target"),
                Locale::Ru => format!("Товарооборот составляет {pct} от цели в {goal}"),
                Locale::Zh => format!("贸易额达到{goal}目标的{pct}"),
            }
        }
    }
}

/// "2025: $228.1B" in the chart's language.
fn year_value(m: &Model, p: &Point) -> String {
    match m.locale {
        Locale::Zh => format!("{}：{}", year(m, p.year), m.unit_value(p.value)),
        _ => format!("{}: {}", year(m, p.year), m.unit_value(p.value)),
    }
}

/// The readout's parts, joined with " · " (layout may break lines between parts).
pub fn readout(m: &Model) -> Vec<String> {
    if let Some(s) = &m.subtitle {
        return vec![local(m, s)];
    }
    let l = m.locale;
    let mut parts: Vec<String> = m.unit.label.iter().map(|s| local(m, s)).collect();
    let last = m.last();
    if let Some(d) = m.as_of {
        let d = date(m, d);
        parts.push(match l {
            Locale::En => format!("As of {d}"),
            Locale::Ru => format!("На {d}"),
            Locale::Zh => format!("截至{d}"),
        });
    }
    if let (Some(_), Some((rate, from))) = (m.as_of, m.needed_pace()) {
        let (r, y, v) = (l.rate(rate), from.year, m.unit_value(from.value));
        parts.push(match l {
            Locale::En => format!("needs {r} a year from {y}'s {v}"),
            Locale::Ru => format!("нужно {r} в год от {v} ({y}\u{a0}г.)"),
            Locale::Zh => format!("需在{y}年{v}的基础上每年增长{r}"),
        });
        return parts;
    }
    match (&m.target, m.reached()) {
        (Some(target), Some(p)) => {
            let (y, v, pct) = (
                p.year,
                m.unit_value(p.value),
                l.percent(p.value / target.value),
            );
            parts.push(match l {
                Locale::En => format!("Target met in {y}: {v}, {pct} of the goal"),
                Locale::Ru => format!("Цель достигнута в {y}\u{a0}г.: {v}, {pct} от цели"),
                Locale::Zh => format!("{y}年达成目标：{v}，为目标的{pct}"),
            });
            if last.year != p.year {
                parts.push(year_value(m, last));
            }
        }
        (Some(target), None) => {
            let (yv, pct, goal) = (
                year_value(m, last),
                l.percent(last.value / target.value),
                m.unit_round(target.value),
            );
            parts.push(match l {
                Locale::En => format!("{yv}, {pct} of the {goal} target"),
                Locale::Ru => format!("{yv}, {pct} от цели в {goal}"),
                Locale::Zh => format!("{yv}，为{goal}目标的{pct}"),
            });
            if let Some((rate, _)) = m.needed_pace() {
                let (r, ty) = (l.rate(rate), target.year);
                parts.push(match l {
                    Locale::En => format!("needs {r} a year to {ty}"),
                    Locale::Ru => format!("нужно {r} в год до {ty}\u{a0}г."),
                    Locale::Zh => format!("至{ty}年需每年增长{r}"),
                });
            }
        }
        (None, _) => parts.push(year_value(m, last)),
    }
    parts
}

pub fn target_label(m: &Model) -> Option<String> {
    let t = m.target.as_ref()?;
    if let Some(label) = &t.label {
        return Some(local(m, label));
    }
    let (goal, y) = (m.unit_round(t.value), t.year);
    Some(match m.locale {
        Locale::En => format!("{goal} target ({y})"),
        Locale::Ru => format!("Цель: {goal} к {y}\u{a0}г."),
        Locale::Zh => format!("{y}年目标：{goal}"),
    })
}

/// The names of the breakdown's two parts.
pub fn parts(m: &Model) -> (String, String) {
    let (e, i) = match m.locale {
        Locale::En => ("Exports", "Imports"),
        Locale::Ru => ("Экспорт", "Импорт"),
        Locale::Zh => ("出口", "进口"),
    };
    (
        m.parts.0.as_deref().map_or(e.to_owned(), |s| local(m, s)),
        m.parts.1.as_deref().map_or(i.to_owned(), |s| local(m, s)),
    )
}

/// Source and notes, as separate sentences for the footer.
pub fn footer(m: &Model) -> Vec<String> {
    let l = m.locale;
    let mut lines: Vec<String> = m.source.iter().map(|s| local(m, s)).collect();
    if m.has_estimates() {
        lines.push(
            match (l, m.kind) {
                (Locale::En, Kind::Line) => "Hollow points are estimates.",
                (Locale::En, _) => "Outlined bars are estimates.",
                (Locale::Ru, Kind::Line) => "Полые точки — оценки.",
                (Locale::Ru, _) => "Незакрашенные столбцы — оценки.",
                (Locale::Zh, Kind::Line) => "空心点为估计值。",
                (Locale::Zh, _) => "空心柱为估计值。",
            }
            .into(),
        );
    }
    if m.kind == Kind::Breakdown && m.has_split_estimates() {
        lines.push(
            match l {
                Locale::En => "Outlined parts: estimated split.",
                Locale::Ru => "Незакрашенные части столбцов — оценка разбивки.",
                Locale::Zh => "空心分段为估计的进出口拆分。",
            }
            .into(),
        );
    }
    if m.kind == Kind::Breakdown
        && m.drawn()
            .iter()
            .any(|p| p.exports.is_none() || p.imports.is_none())
    {
        lines.push(
            match l {
                Locale::En => "Grey bars: total only, no split reported.",
                Locale::Ru => "Серые столбцы: только общий объём, без разбивки.",
                Locale::Zh => "灰色柱：仅有总额，无分项数据。",
            }
            .into(),
        );
    }
    if m.as_of.is_some() && m.needed_pace().is_some() {
        lines.push(
            match l {
                Locale::En => "Dashed blue line: the pace needed to reach the target.",
                Locale::Ru => "Синий пунктир: темп, нужный для достижения цели.",
                Locale::Zh => "蓝色虚线：达到目标所需的增速。",
            }
            .into(),
        );
    }
    if let (true, Some(d)) = (m.reveal, m.as_of) {
        let d = date(m, d);
        lines.push(match l {
            Locale::En if m.kind == Kind::Line => format!("Faint line: what happened after {d}."),
            Locale::En => format!("Faint bars: what happened after {d}."),
            Locale::Ru if m.kind == Kind::Line => format!("Бледная линия: что было после {d}."),
            Locale::Ru => format!("Бледные столбцы: что было после {d}."),
            Locale::Zh if m.kind == Kind::Line => format!("浅色线：{d}之后的实际情况。"),
            Locale::Zh => format!("浅色柱：{d}之后的实际情况。"),
        });
    }
    lines
}

/// One part of a breakdown bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Exports,
    Imports,
}

/// The tooltip's lines for the point at `index` of the drawn points: the year, the part
/// pointed at (breakdown), the value with its change and share of the target, the
/// split, "split estimated", "estimate", the note.
pub fn tooltip(m: &Model, index: usize, part: Option<Part>) -> Vec<String> {
    let points = m.drawn();
    let Some(p) = points.get(index) else {
        return Vec::new();
    };
    let l = m.locale;
    let mut main = vec![m.unit_value(p.value)];
    if let Some(prev) = index.checked_sub(1).and_then(|i| points.get(i)) {
        if prev.value > 0.0 {
            main.push(l.rate(p.value / prev.value - 1.0));
        }
    }
    if let Some(t) = &m.target {
        let (pct, goal) = (l.percent(p.value / t.value), m.unit_round(t.value));
        main.push(match l {
            Locale::En => format!("{pct} of the {goal} target"),
            Locale::Ru => format!("{pct} от цели в {goal}"),
            Locale::Zh => format!("达{goal}目标的{pct}"),
        });
    }
    let mut lines = vec![year(m, p.year)];
    let (en, im) = parts(m);
    match (part, p.exports, p.imports) {
        (Some(Part::Exports), Some(e), Some(_)) => lines.push(format!("{en}: {}", m.unit_value(e))),
        (Some(Part::Imports), Some(_), Some(i)) => lines.push(format!("{im}: {}", m.unit_value(i))),
        _ => {}
    }
    lines.push(main.join(" · "));
    if let (None, Some(e), Some(i)) = (part, p.exports, p.imports) {
        lines.push(format!(
            "{en} {} · {im} {}",
            m.unit_value(e),
            m.unit_value(i)
        ));
    }
    if p.split_estimate && p.exports.is_some() && p.imports.is_some() {
        lines.push(
            match l {
                Locale::En => "Split estimated",
                Locale::Ru => "Разбивка — оценка",
                Locale::Zh => "进出口拆分为估计值",
            }
            .into(),
        );
    }
    if p.estimate {
        lines.push(
            match l {
                Locale::En => "Estimate",
                Locale::Ru => "Оценка",
                Locale::Zh => "估计值",
            }
            .into(),
        );
    }
    lines.extend(p.note.clone());
    lines
}

/// Column headers of the data table for screen readers, and the word for "yes".
pub fn table_words(m: &Model) -> ([&'static str; 5], &'static str) {
    match m.locale {
        Locale::En => (["Year", "Total", "Exports", "Imports", "Estimate"], "yes"),
        Locale::Ru => (["Год", "Всего", "Экспорт", "Импорт", "Оценка"], "да"),
        Locale::Zh => (["年份", "总额", "出口", "进口", "估计值"], "是"),
    }
}

/// One paragraph a screen reader can read instead of looking at the chart.
pub fn description(m: &Model) -> String {
    let l = m.locale;
    let (first, last) = (m.first(), m.last());
    let peak = m
        .visible()
        .iter()
        .fold(first, |best, p| if p.value > best.value { p } else { best });
    let v = |p: &Point| m.unit_value(p.value);
    let (y0, y1, yp) = (first.year, last.year, peak.year);
    let rose = last.value >= first.value;
    let mut s = if peak.year != last.year && peak.year != first.year {
        match l {
            Locale::En => format!(
                "Trade rose from {} in {y0} to a peak of {} in {yp}, then {} to {} in {y1}",
                v(first),
                v(peak),
                if last.value < peak.value { "fell" } else { "rose" },
                v(last)
            ),
            Locale::Ru => format!(
                "Товарооборот вырос с {} в {y0}\u{a0}г. до пика {} в {yp}\u{a0}г., затем снизился до {} в {y1}\u{a0}г.",
                v(first),
                v(peak),
                v(last)
            ),
            Locale::Zh => format!(
                "贸易额从{y0}年的{}增至{yp}年的峰值{}，随后降至{y1}年的{}",
                v(first),
                v(peak),
                v(last)
            ),
        }
    } else {
        match l {
            Locale::En => format!(
                "Trade {} from {} in {y0} to {} in {y1}",
                if rose { "rose" } else { "fell" },
                v(first),
                v(last)
            ),
            Locale::Ru => format!(
                "Товарооборот {} с {} в {y0}\u{a0}г. до {} в {y1}\u{a0}г.",
                if rose {
                    "вырос"
                } else {
                    "снизился"
                },
                v(first),
                v(last)
            ),
            Locale::Zh => format!(
                "贸易额从{y0}年的{}{}{y1}年的{}",
                v(first),
                if rose { "增至" } else { "降至" },
                v(last)
            ),
        }
    };
    if let Some(t) = &m.target {
        let (goal, ty) = (m.unit_round(t.value), t.year);
        s.push_str(&match (l, m.reached()) {
            (Locale::En, Some(p)) => {
                format!("; it passed the {goal} target for {ty} in {}", p.year)
            }
            (Locale::En, None) => format!("; the {goal} target for {ty} is not yet reached"),
            (Locale::Ru, Some(p)) => format!(
                "; цель в {goal} к {ty}\u{a0}г. превышена в {}\u{a0}г.",
                p.year
            ),
            (Locale::Ru, None) => format!("; цель в {goal} к {ty}\u{a0}г. пока не достигнута"),
            (Locale::Zh, Some(p)) => format!("；{}年突破{ty}年{goal}的目标", p.year),
            (Locale::Zh, None) => format!("；{ty}年{goal}的目标尚未达成"),
        });
    }
    // "2023 г." already ends with a full stop.
    if l == Locale::Zh {
        s.push('。');
    } else if !s.ends_with('.') {
        s.push('.');
    }
    if let Some((rate, _)) = m.needed_pace() {
        let r = l.rate(rate);
        s.push_str(&match l {
            Locale::En => format!(" Reaching it needs {r} a year."),
            Locale::Ru => format!(" Для этого нужен рост на {r} в год."),
            Locale::Zh => format!("需每年增长{r}才能达成。"),
        });
    }
    s
}

/// The words of the links under the chart: source, data, image.
pub fn link_words(m: &Model) -> [&'static str; 3] {
    match m.locale {
        Locale::En => ["Source", "Get the data", "Download image"],
        Locale::Ru => ["Источник", "Получить данные", "Скачать изображение"],
        Locale::Zh => ["来源", "获取数据", "下载图片"],
    }
}
