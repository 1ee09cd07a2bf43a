//! What a reader gets beyond the picture: tooltips (hit-testing, words, placement), the
//! plain-words description and number formats in each language, the asOf vantage point.

use trade_target_chart::scene::Role;
use trade_target_chart::story::{self, Part};
use trade_target_chart::tooltip::{nearest, part_at, tip};
use trade_target_chart::{json::Json, model, scene};

fn spec(text: &str) -> Json {
    serde_json::from_str(text).expect("test JSON")
}

#[test]
fn the_tooltip_tells_value_change_share_split_and_note() {
    let m = model(&Json::Null).expect("default");
    let i = m.points.iter().position(|p| p.year == 2022).expect("2022");
    let lines = story::tooltip(&m, i, None);
    assert_eq!(lines[0], "2022");
    assert_eq!(lines[1], "$190.3B · +29.5% · 95% of the $200B target");
    assert!(
        lines[2]
            .starts_with("China's exports to Russia $76.1B · China's imports from Russia $114."),
        "{lines:?}"
    );
    assert_eq!(
        lines.last().map(String::as_str),
        Some("Vestnik Kavkaza, citing GACC")
    );
    let est = m.points.iter().position(|p| p.year == 2015).expect("2015");
    assert!(story::tooltip(&m, est, None).contains(&"Estimate".to_string()));
    // The first year has no change to show.
    assert_eq!(
        story::tooltip(&m, 0, None)[1],
        "$8.0B · 4% of the $200B target"
    );
}

#[test]
fn hit_testing_finds_the_nearest_year_on_the_layout() {
    let m = model(&Json::Null).expect("default");
    for width in [320.0, 640.0, 1200.0] {
        let s = scene(&m, width, None);
        for (i, c) in s.columns.iter().enumerate() {
            assert_eq!(nearest(&s, c.x), Some(i));
            assert_eq!(
                nearest(&s, c.x + c.half * 0.9),
                Some(i),
                "right half of {}",
                c.year
            );
        }
        assert_eq!(nearest(&s, -50.0), None);
    }
}

#[test]
fn tooltips_stay_inside_the_chart_and_off_their_point() {
    for json in ["{}", r#"{"kind":"breakdown"}"#, r#"{"locale":"ru"}"#] {
        let m = model(&spec(json)).expect("valid");
        for width in [280.0, 320.0, 640.0, 1200.0] {
            let s = scene(&m, width, None);
            for i in 0..s.columns.len() {
                for part in [None, Some(Part::Exports), Some(Part::Imports)] {
                    let t = tip(&m, &s, i, part).expect("a tip");
                    let r = t.rect;
                    assert!(r.x0 >= 0.0 && r.y0 >= 0.0, "{json} {width} {i}: {r:?}");
                    assert!(
                        r.x1 <= f64::from(s.width) && r.y1 <= f64::from(s.height),
                        "{json} {width} {i}: {r:?}"
                    );
                    let (px, py) = t.point;
                    assert!(
                        !(px > r.x0 && px < r.x1 && py > r.y0 && py < r.y1),
                        "{json} {width} {i} covers its point"
                    );
                }
            }
        }
    }
}

#[test]
fn breakdown_tooltips_name_the_segment() {
    let m = model(&spec(r#"{"kind":"breakdown"}"#)).expect("valid");
    let s = scene(&m, 640.0, None);
    let i = m.points.iter().position(|p| p.year == 2024).expect("2024");
    let c = s.columns[i];
    let split = c.split.expect("2024 has a split");
    assert_eq!(part_at(&s, i, split + 5.0), Some(Part::Exports));
    assert_eq!(part_at(&s, i, split - 5.0), Some(Part::Imports));
    let lines = story::tooltip(&m, i, Some(Part::Imports));
    assert_eq!(lines[1], "China's imports from Russia: $129.3B");
    let no_split = m.points.iter().position(|p| p.year == 2005).expect("2005");
    assert_eq!(part_at(&s, no_split, 0.0), None);
}

#[test]
fn description_and_numbers_in_each_language() {
    let d = |json: &str| scene(&model(&spec(json)).expect("valid"), 640.0, None).description;
    assert_eq!(
        d(r#"{"locale":"ru"}"#),
        "Товарооборот вырос с 8,0\u{a0}млрд\u{a0}$ в 2000\u{a0}г. до пика 244,8\u{a0}млрд\u{a0}$ в 2024\u{a0}г., затем снизился до 228,1\u{a0}млрд\u{a0}$ в 2025\u{a0}г.; цель в 200\u{a0}млрд\u{a0}$ к 2024\u{a0}г. превышена в 2023\u{a0}г."
    );
    assert_eq!(
        d(r#"{"locale":"zh"}"#),
        "贸易额从2000年的80亿美元增至2024年的峰值2448亿美元，随后降至2025年的2281亿美元；2023年突破2024年2000亿美元的目标。"
    );
    let zh = scene(
        &model(&spec(r#"{"locale":"zh"}"#)).expect("valid"),
        640.0,
        None,
    );
    let value: Vec<_> = zh
        .texts()
        .filter(|t| t.role == Role::ValueLabel)
        .map(|t| t.text.clone())
        .collect();
    assert_eq!(value, vec!["2281亿美元"]);
    let ticks: Vec<_> = zh
        .texts()
        .filter(|t| t.role == Role::YTick)
        .map(|t| t.text.clone())
        .collect();
    assert_eq!(ticks.last().map(String::as_str), Some("2500亿美元"));
    let ru = scene(
        &model(&spec(r#"{"locale":"ru"}"#)).expect("valid"),
        640.0,
        None,
    );
    assert!(
        ru.texts()
            .any(|t| t.text == "Впервые больше 100\u{a0}млрд\u{a0}$"),
        "built-in milestone translated"
    );
    // User strings are shown as given.
    let own = scene(
        &model(&spec(r#"{"locale":"ru","title":"My own title"}"#)).expect("valid"),
        640.0,
        None,
    );
    assert_eq!(own.title, "My own title");
}

#[test]
fn as_of_2021_shows_what_a_reader_saw_then() {
    let m = model(&spec(r#"{"asOf":"2021-06-20"}"#)).expect("valid");
    assert_eq!(m.last().year, 2020);
    let (rate, from) = m.needed_pace().expect("the target is ahead");
    assert_eq!(from.year, 2020);
    assert!((rate - 0.1672).abs() < 0.0005, "{rate}");
    let s = scene(&m, 640.0, None);
    let readout: String = s
        .texts()
        .filter(|t| t.role == Role::Readout)
        .map(|t| t.text.clone())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        readout.contains("needs +16.7% a year from 2020's $107.8B"),
        "{readout}"
    );
    assert_eq!(
        s.title,
        "Trade needs 16.7% a year to reach its $200B target by 2024"
    );
    assert_eq!(
        s.columns.last().map(|c| c.year),
        Some(2020),
        "later years hidden"
    );
    let revealed = scene(
        &model(&spec(r#"{"asOf":"2021-06-20","reveal":true}"#)).expect("valid"),
        640.0,
        None,
    );
    assert_eq!(
        revealed.columns.last().map(|c| c.year),
        Some(2025),
        "later years drawn faintly"
    );
}

/// With `asOf` and `reveal`, a reader sees what was known on the vantage date at full
/// strength and everything that happened later faintly: the line or bars, the points,
/// and the later milestone's dot, leader and label. What was known on that date stays
/// as it is even where it reaches past it: the target (set in 2018), the needed pace
/// (dashed, computed on that date), the last known value's label, grid and axes.
#[test]
fn with_reveal_everything_after_the_vantage_date_is_faint() {
    use trade_target_chart::scene::Mark;
    use trade_target_chart::theme::{DARK, LIGHT};
    for kind in ["line", "bars", "breakdown"] {
        for (theme_name, th) in [("light", LIGHT), ("dark", DARK)] {
            let json = format!(
                r#"{{"asOf":"2021-06-20","reveal":true,"kind":"{kind}","theme":"{theme_name}"}}"#
            );
            let m = model(&spec(&json)).expect("valid");
            for width in [320.0, 640.0, 1200.0] {
                let s = scene(&m, width, None);
                let at = |what: &str| format!("{kind} {theme_name} {width}: {what}");
                // The vantage x: the last complete year before asOf (2020), its bar's
                // right edge for bars.
                let seen = s.columns.iter().find(|c| c.year == 2020).expect("2020");
                let vantage = seen.x + if kind == "line" { 0.5 } else { seen.half };
                let base = seen.base.round() as i32;
                let known = [th.grid, th.baseline, th.target];
                let mut later_marks = 0;
                for mark in &s.marks {
                    match mark {
                        Mark::Circle { center, color, .. } if f64::from(center.0) > vantage => {
                            later_marks += 1;
                            assert!(
                                *color == th.faint || *color == th.background,
                                "{}",
                                at(&format!("circle at {center:?} is {color:?}"))
                            );
                        }
                        Mark::Path {
                            points,
                            color,
                            dash: None,
                            ..
                        } if !known.contains(color)
                            && points.iter().any(|p| f64::from(p.0) > vantage) =>
                        {
                            later_marks += 1;
                            assert_eq!(*color, th.faint, "{}", at(&format!("path {points:?}")));
                        }
                        // Bars stand on the baseline; the legend's swatches do not.
                        Mark::Rect { x0, y1, color, .. }
                            if f64::from(*x0) > vantage && *y1 == base =>
                        {
                            later_marks += 1;
                            assert_eq!(*color, th.faint, "{}", at(&format!("bar at {x0}")));
                        }
                        _ => {}
                    }
                }
                // At least the later line or bars and the 2023 milestone's dot.
                assert!(later_marks >= 2, "{}", at("later marks are drawn"));
                // The 2023 milestone ("2" when numbered) is later; 2018's is not.
                let milestones: Vec<_> = s.texts().filter(|t| t.role == Role::Milestone).collect();
                assert_eq!(milestones.len(), 2, "{}", at("both milestones"));
                for t in milestones {
                    let later = t.text == "2" || t.text.contains("November");
                    if later {
                        assert_eq!(t.color, th.faint_text, "{}", at(&t.text));
                    } else {
                        assert_eq!(t.color, th.milestone, "{}", at(&t.text));
                    }
                }
            }
        }
    }
}

/// A derived split says so in the tooltip, in each language, whether the reader points
/// at the whole year or at one part of the bar; a reported split does not.
#[test]
fn tooltips_say_when_a_split_is_estimated() {
    for (locale, words) in [
        ("en", "Split estimated"),
        ("ru", "Разбивка — оценка"),
        ("zh", "进出口拆分为估计值"),
    ] {
        let m = model(&spec(&format!(r#"{{"locale":"{locale}"}}"#))).expect("valid");
        for (year, estimated) in [(2021, true), (2022, false), (2023, true), (2024, false)] {
            let i = m.points.iter().position(|p| p.year == year).expect("year");
            for part in [None, Some(Part::Exports), Some(Part::Imports)] {
                let lines = story::tooltip(&m, i, part);
                assert_eq!(
                    lines.iter().any(|l| l == words),
                    estimated,
                    "{locale} {year} {part:?}: {lines:?}"
                );
            }
        }
    }
}

/// A tooltip never covers the headline, the readout, a milestone label, the x-axis labels
/// or the point it describes, and stays inside the chart: for every year, by keyboard (no
/// part) and by mouse over each part of a bar, at three widths, for each kind and for
/// asOf/reveal. (With the keyboard on 2024 at 640 px the box used to sit over the title;
/// with the mouse on 2017 it covered "First year over $100B"; the 2015 tip hid the year
/// labels 2020 and 2025, which the reader reads it against.)
#[test]
fn tooltips_cover_no_headline_readout_milestone_year_label_or_their_point() {
    for json in [
        "{}",
        r#"{"kind":"bars"}"#,
        r#"{"kind":"breakdown"}"#,
        r#"{"asOf":"2021-06-20","reveal":true}"#,
    ] {
        let m = model(&spec(json)).expect("valid");
        for width in [320.0, 640.0, 1200.0] {
            let s = scene(&m, width, None);
            let keep_clear: Vec<_> = s
                .texts()
                .filter(|t| {
                    matches!(
                        t.role,
                        Role::Title | Role::Readout | Role::Milestone | Role::XTick
                    )
                })
                .map(|t| (t.text.clone(), t.bounds()))
                .collect();
            assert!(keep_clear.len() >= 3, "{json} {width}: texts found");
            for (i, c) in s.columns.iter().enumerate() {
                for part in [None, Some(Part::Exports), Some(Part::Imports)] {
                    let at = format!("{json} at {width}, {} {part:?}", c.year);
                    let t = tip(&m, &s, i, part).expect("a tip");
                    let r = t.rect;
                    assert!(
                        r.x0 >= 0.0
                            && r.y0 >= 0.0
                            && r.x1 <= f64::from(s.width)
                            && r.y1 <= f64::from(s.height),
                        "{at}: {r:?} leaves the {}x{} chart",
                        s.width,
                        s.height
                    );
                    for (text, b) in &keep_clear {
                        assert!(!r.overlaps(b), "{at}: the tip {r:?} covers {text:?} {b:?}");
                    }
                    let (px, py) = t.point;
                    assert!(
                        !(px >= r.x0 - 6.0
                            && px <= r.x1 + 6.0
                            && py >= r.y0 - 6.0
                            && py <= r.y1 + 6.0),
                        "{at}: the tip {r:?} covers its point {:?}",
                        t.point
                    );
                }
            }
        }
    }
}
