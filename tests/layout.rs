//! Layout invariants over widths and specs: nothing overlaps or leaves the picture,
//! ticks cover the data and the target, the story's key texts are all there.

use trade_target_chart::scene::{Role, Scene};
use trade_target_chart::{json::Json, model, scene};

fn spec(name: &str) -> Json {
    let text = std::fs::read_to_string(format!("tests/specs/{name}.json")).expect("spec file");
    serde_json::from_str(&text).expect("spec JSON")
}

fn layout(json: &Json, width: f64) -> Scene {
    scene(&model(json).expect("valid spec"), width, None)
}

fn texts(s: &Scene, role: Role) -> Vec<String> {
    s.texts()
        .filter(|t| t.role == role)
        .map(|t| t.text.clone())
        .collect()
}

const WIDTHS: &[f64] = &[280.0, 320.0, 375.0, 480.0, 640.0, 800.0, 1200.0];

#[test]
fn no_text_overlaps_another_or_leaves_the_picture() {
    for name in ["default", "bars", "india-russia"] {
        for &w in WIDTHS {
            let s = layout(&spec(name), w);
            let boxes: Vec<_> = s.texts().map(|t| (t.text.clone(), t.bounds())).collect();
            for (i, (a, ba)) in boxes.iter().enumerate() {
                assert!(
                    ba.x0 >= 0.0
                        && ba.x1 <= f64::from(s.width)
                        && ba.y0 >= 0.0
                        && ba.y1 <= f64::from(s.height),
                    "{name} at {w}: {a:?} {ba:?} outside {}x{}",
                    s.width,
                    s.height
                );
                for (b, bb) in boxes.iter().skip(i + 1) {
                    assert!(!ba.overlaps(bb), "{name} at {w}: {a:?} overlaps {b:?}");
                }
            }
        }
    }
}

#[test]
fn y_ticks_cover_the_data_and_the_target() {
    for name in ["default", "india-russia"] {
        let m = model(&spec(name)).expect("valid");
        for &w in WIDTHS {
            let s = scene(&m, w, None);
            let ticks = texts(&s, Role::YTick);
            assert!(ticks.len() >= 3, "{name} at {w}: {ticks:?}");
            let top = ticks.last().cloned().unwrap_or_default();
            // The unit appears once, on the top tick.
            assert!(top.starts_with('$') && top.ends_with('B'), "{top}");
            assert!(
                ticks.iter().rev().skip(1).all(|t| !t.contains('$')),
                "{ticks:?}"
            );
            let top_value: f64 = top
                .trim_matches(|c| c == '$' || c == 'B')
                .replace(',', "")
                .parse()
                .expect("number");
            assert!(
                top_value >= m.max_value(),
                "{name} at {w}: top tick {top_value} < {}",
                m.max_value()
            );
        }
    }
}

#[test]
fn the_default_chart_tells_its_story_at_every_width() {
    for &w in WIDTHS {
        let s = layout(&Json::Null, w);
        let all: Vec<String> = s.texts().map(|t| t.text.clone()).collect();
        let joined = all.join(" | ");
        assert!(joined.contains("China–Russia trade"), "{joined}");
        assert_eq!(
            texts(&s, Role::TargetLabel),
            vec!["$200B target (2024)".to_string()]
        );
        assert_eq!(texts(&s, Role::ValueLabel), vec!["$228.1B".to_string()]);
        let readout = texts(&s, Role::Readout).join(" ");
        assert!(
            readout.contains("Target met in 2023: $240.1B, 120% of the goal"),
            "{readout}"
        );
        assert!(readout.contains("2025: $228.1B"), "{readout}");
        let footer = texts(&s, Role::Footer).join(" ");
        assert!(
            footer.contains("General Administration of Customs"),
            "{footer}"
        );
        assert!(footer.contains("Hollow points are estimates."), "{footer}");
        // The last year is always labelled.
        let years = texts(&s, Role::XTick);
        assert!(
            years.last().is_some_and(|y| y == "2025" || y == "'25"),
            "{years:?}"
        );
        assert!(years.first().is_some_and(|y| y == "2000"), "{years:?}");
        // Milestones: labelled when wide, numbered and explained under the chart when narrow.
        let milestones = texts(&s, Role::Milestone);
        if w < 480.0 {
            assert_eq!(milestones, vec!["1", "2"], "at {w}");
            assert!(
                footer.contains("1: First year over $100B (2018)"),
                "{footer}"
            );
        } else {
            assert_eq!(
                milestones,
                vec!["First year over $100B", "$200B passed in November"],
                "at {w}"
            );
        }
    }
}

#[test]
fn height_follows_width_within_bounds_unless_fixed() {
    let m = model(&Json::Null).expect("default");
    let h = |w: f64| scene(&m, w, None).height;
    assert!(h(1200.0) <= 480 && h(640.0) >= 260 && h(320.0) >= 260);
    assert!(h(640.0) <= h(1200.0));
    assert_eq!(scene(&m, 640.0, Some(300.0)).height, 300);
    let fixed: Json = serde_json::from_str(r#"{"height": 420}"#).expect("json");
    assert_eq!(layout(&fixed, 900.0).height, 420);
}

#[test]
fn text_sizes_do_not_grow_past_640() {
    let max_size = |w| {
        layout(&Json::Null, w)
            .texts()
            .map(|t| t.font.size)
            .max()
            .unwrap_or(0)
    };
    assert_eq!(max_size(1200.0), max_size(640.0));
    assert!(max_size(320.0) <= max_size(640.0));
}

#[test]
fn estimates_are_hollow_and_the_last_point_is_filled() {
    use trade_target_chart::scene::Mark;
    let s = layout(&Json::Null, 640.0);
    let hollow = s
        .marks
        .iter()
        .filter(|m| {
            matches!(
                m,
                Mark::Circle {
                    fill: false,
                    radius: 3,
                    ..
                }
            )
        })
        .count();
    assert_eq!(hollow, 4, "2001, 2004, 2012 and 2015 are estimates");
    let dashed = s
        .marks
        .iter()
        .filter(|m| matches!(m, Mark::Path { dash: Some(_), .. }))
        .count();
    assert_eq!(
        dashed, 2,
        "the dashed target line and the dotted line at its year, no projection"
    );
}

#[test]
fn widths_out_of_range_are_clamped_not_broken() {
    for w in [0.0, 1.0, -5.0, f64::NAN, f64::INFINITY, 1e9] {
        let s = layout(&Json::Null, w);
        assert!(s.width >= 120 && s.width <= 4000, "{w} -> {}", s.width);
        assert!(!s.marks.is_empty());
    }
}

#[test]
fn words_follow_the_data() {
    let s = layout(&spec("india-russia"), 640.0);
    let readout = texts(&s, Role::Readout).join(" ");
    assert!(
        readout.contains("2024: $68.7B, 69% of the $100B target"),
        "{readout}"
    );
    assert!(
        s.description
            .contains("the $100B target for 2030 is not yet reached"),
        "{}",
        s.description
    );
    let d = layout(&Json::Null, 640.0).description;
    assert_eq!(
        d,
        "Trade rose from $8.0B in 2000 to a peak of $244.8B in 2024, then fell to $228.1B in 2025; it passed the $200B target for 2024 in 2023."
    );
}

/// The target year is marked by a thin dotted line dropped from the target line to the
/// baseline, which reads as "the goal, by this year"; it breaks around a label in its
/// way. The old mark, a 7 px solid tick under the dashed line, read as a stray "r": no
/// short solid stub of the target's colour remains.
#[test]
fn the_target_year_is_a_dotted_drop_line_not_a_stray_tick() {
    use trade_target_chart::scene::Mark;
    use trade_target_chart::theme::{DARK, LIGHT};
    for name in [
        "default",
        "bars",
        "breakdown",
        "dark",
        "asof-2021",
        "asof-2021-reveal",
        "ru",
        "zh",
        "india-russia",
    ] {
        let json = spec(name);
        let m = model(&json).expect("valid");
        let th = if name == "dark" { DARK } else { LIGHT };
        let target = m.target.as_ref().expect("a target");
        for &w in WIDTHS {
            let s = layout(&json, w);
            let at = format!("{name} at {w}");
            for mk in &s.marks {
                if let Mark::Path {
                    points,
                    color,
                    dash: None,
                    ..
                } = mk
                {
                    if *color == th.target {
                        let (a, b) = (points[0], points[points.len() - 1]);
                        let length = (b.0 - a.0).abs() + (b.1 - a.1).abs();
                        assert!(length >= 20, "{at}: a {length} px stub {points:?}");
                    }
                }
            }
            let baseline = s
                .marks
                .iter()
                .find_map(|mk| match mk {
                    Mark::Path { points, color, .. } if *color == th.baseline => Some(points[0].1),
                    _ => None,
                })
                .expect("a baseline");
            let target_y = s
                .marks
                .iter()
                .find_map(|mk| match mk {
                    Mark::Path {
                        points,
                        color,
                        dash: Some((6, 4)),
                        ..
                    } if *color == th.target => Some(points[0].1),
                    _ => None,
                })
                .expect("the target line");
            let drops: Vec<_> = s
                .marks
                .iter()
                .filter_map(|mk| match mk {
                    Mark::Path {
                        points,
                        color,
                        dash: Some((2, 3)),
                        ..
                    } if *color == th.target => Some(points),
                    _ => None,
                })
                .collect();
            assert!(!drops.is_empty(), "{at}: a line at the target year");
            let x = drops[0][0].0;
            for d in &drops {
                assert!(d.iter().all(|p| p.0 == x), "{at}: vertical, {d:?}");
            }
            let top = drops.iter().map(|d| d[0].1).min();
            let bottom = drops.iter().map(|d| d[1].1).max();
            assert_eq!(bottom, Some(baseline), "{at}: reaches the baseline");
            assert!(top.is_some_and(|t| t < baseline && t >= target_y), "{at}");
            if let Some(col) = s.columns.iter().find(|c| c.year == target.year) {
                assert!(
                    (f64::from(x) - col.x).abs() <= 0.5,
                    "{at}: at the target year"
                );
            }
            // It breaks around labels instead of running through them.
            for d in &drops {
                let (a, b) = (
                    (f64::from(d[0].0), f64::from(d[0].1)),
                    (f64::from(d[1].0), f64::from(d[1].1)),
                );
                for t in s.texts() {
                    assert!(
                        !t.bounds().crosses_segment(a, b),
                        "{at}: {:?} crosses the target year's line",
                        t.text
                    );
                }
            }
        }
    }
}

/// The 2021 and 2023 export/import splits are derived, not reported: the breakdown draws
/// their parts outlined, like an estimated total, and the footer says what outlines mean.
#[test]
fn estimated_splits_are_outlined_and_footnoted() {
    use trade_target_chart::scene::Mark;
    for (locale, note) in [
        ("en", "Outlined parts: estimated split."),
        ("ru", "Незакрашенные части столбцов — оценка разбивки."),
        ("zh", "空心分段为估计的进出口拆分。"),
    ] {
        let json: Json =
            serde_json::from_str(&format!(r#"{{"kind":"breakdown","locale":"{locale}"}}"#))
                .expect("JSON");
        for &w in WIDTHS {
            let s = layout(&json, w);
            let footer = texts(&s, Role::Footer).join(" ");
            assert!(footer.contains(note), "{locale} at {w}: {footer}");
            for c in &s.columns {
                let base = c.base.round() as i32;
                let parts: Vec<bool> = s
                    .marks
                    .iter()
                    .filter_map(|m| match m {
                        // The column's bar: from its top down to the baseline (the
                        // legend's swatches sit above the plot).
                        Mark::Rect {
                            x0,
                            y0,
                            x1,
                            y1,
                            fill,
                            ..
                        } if *y1 <= base
                            && f64::from(*y0) >= c.y - 1.0
                            && f64::from(*x0) <= c.x
                            && c.x <= f64::from(*x1)
                            && f64::from(*x1 - *x0) < 2.0 * c.half + 1.0 =>
                        {
                            Some(*fill)
                        }
                        _ => None,
                    })
                    .collect();
                let want = match c.year {
                    2021 | 2023 => vec![false, false],
                    2010 | 2016..=2024 => vec![true, true],
                    _ => continue,
                };
                assert_eq!(
                    parts, want,
                    "{locale} at {w}: {} (fill of each part)",
                    c.year
                );
            }
        }
    }
}
