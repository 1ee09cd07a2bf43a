//! The widget's own words in English, Russian and Chinese, and numbers written the
//! local way: "$244.8B", "244,8 млрд $", "2448亿美元". User-supplied strings are never
//! translated; the built-in chart's strings are (see `builtin`).

use crate::format;
use serde::Serialize;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    Ru,
    Zh,
}

/// How the chart writes an amount: the spec's prefix and suffix, except that the
/// common "US$ billions" ($…B) is written the way each language writes money.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Money<'a> {
    UsdBillions,
    Affixes(&'a str, &'a str),
}

impl Locale {
    pub fn parse(tag: &str) -> Option<Locale> {
        let lang = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match lang.as_str() {
            "en" => Some(Locale::En),
            "ru" => Some(Locale::Ru),
            "zh" => Some(Locale::Zh),
            _ => None,
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Ru => "ru",
            Locale::Zh => "zh",
        }
    }

    /// `format::fixed` with this language's separators.
    pub fn number(self, v: f64, decimals: u32) -> String {
        let en = format::fixed(v, decimals);
        match self {
            Locale::Ru => en
                .chars()
                .map(|c| match c {
                    ',' => '\u{a0}',
                    '.' => ',',
                    c => c,
                })
                .collect(),
            // Chinese figures counted in 万 and 亿 are written without separators.
            Locale::Zh => en.replace(',', ""),
            Locale::En => en,
        }
    }

    /// A data value: one decimal below 1,000.
    pub fn amount(self, v: f64, money: Money) -> String {
        self.money(v, money, None)
    }

    /// A round figure such as a target: no ".0".
    pub fn round_amount(self, v: f64, money: Money) -> String {
        let whole = (v - v.round()).abs() < 1e-9;
        self.money(v, money, whole.then_some(0))
    }

    fn money(self, v: f64, money: Money, decimals: Option<u32>) -> String {
        match (money, self) {
            (Money::UsdBillions, Locale::En) => {
                format!(
                    "${}B",
                    self.number(v, decimals.unwrap_or(format::value_decimals(v)))
                )
            }
            (Money::UsdBillions, Locale::Ru) => format!(
                "{}\u{a0}млрд\u{a0}$",
                self.number(v, decimals.unwrap_or(format::value_decimals(v)))
            ),
            // 亿 is 10^8: a billion is 10亿. Whole 亿 are precise enough above 1亿.
            (Money::UsdBillions, Locale::Zh) => {
                let yi = v * 10.0;
                let d = if yi.abs() >= 10.0 || yi == 0.0 { 0 } else { 1 };
                format!("{}亿美元", self.number(yi, d))
            }
            (Money::Affixes(prefix, suffix), _) => format!(
                "{prefix}{}{suffix}",
                self.number(v, decimals.unwrap_or(format::value_decimals(v)))
            ),
        }
    }

    /// What the y axis counts in: ticks are multiplied by this before they are written.
    pub fn tick_scale(self, money: Money) -> f64 {
        match (money, self) {
            (Money::UsdBillions, Locale::Zh) => 10.0,
            _ => 1.0,
        }
    }

    /// The top tick, which carries the unit once ("$250B", "250 млрд $", "2500亿美元").
    pub fn top_tick(self, v: f64, decimals: u32, money: Money) -> String {
        let n = self.number(v * self.tick_scale(money), decimals);
        match (money, self) {
            (Money::UsdBillions, Locale::En) => format!("${n}B"),
            (Money::UsdBillions, Locale::Ru) => format!("{n}\u{a0}млрд\u{a0}$"),
            (Money::UsdBillions, Locale::Zh) => format!("{n}亿美元"),
            (Money::Affixes(p, s), _) => format!("{p}{n}{s}"),
        }
    }

    pub fn percent(self, share: f64) -> String {
        let n = self.number(share * 100.0, 0);
        match self {
            Locale::Ru => format!("{n}\u{a0}%"),
            _ => format!("{n}%"),
        }
    }

    /// A growth rate with its sign and one decimal: "+16.7%".
    pub fn rate(self, r: f64) -> String {
        let sign = if r > 0.0 {
            "+"
        } else if r < 0.0 {
            "−"
        } else {
            ""
        };
        let n = self.number((r * 100.0).abs(), 1);
        match self {
            Locale::Ru => format!("{sign}{n}\u{a0}%"),
            _ => format!("{sign}{n}%"),
        }
    }

    pub fn year(self, y: i32) -> String {
        match self {
            Locale::Zh => format!("{y}年"),
            Locale::Ru => format!("{y}\u{a0}г."),
            Locale::En => y.to_string(),
        }
    }
}

/// The built-in chart's own strings in Russian and Chinese (the data file is English).
pub fn builtin(s: &str, locale: Locale) -> Option<&'static str> {
    const TABLE: &[(&str, &str, &str)] = &[
        (
            "China–Russia trade passed its $200B goal a year early",
            "Товарооборот России и Китая превысил цель в 200\u{a0}млрд\u{a0}$ на год раньше срока",
            "中俄贸易额提前一年突破2000亿美元目标",
        ),
        (
            "Yearly goods trade, US$ billions",
            "Товарооборот за год, млрд долларов США",
            "年度货物贸易额，亿美元",
        ),
        (
            "First year over $100B",
            "Впервые больше 100\u{a0}млрд\u{a0}$",
            "首次突破1000亿美元",
        ),
        (
            "$200B passed in November",
            "200\u{a0}млрд\u{a0}$ пройдено в ноябре",
            "11月突破2000亿美元",
        ),
        (
            "$200B target (2024)",
            "Цель: 200\u{a0}млрд\u{a0}$ к 2024\u{a0}г.",
            "2024年目标：2000亿美元",
        ),
        (
            "Source: China's General Administration of Customs (GACC), via news reports.",
            "Источник: Главное таможенное управление КНР, по сообщениям СМИ.",
            "来源：中国海关总署，据新闻报道。",
        ),
        (
            "China's exports to Russia",
            "Экспорт Китая в Россию",
            "中国对俄出口",
        ),
        (
            "China's imports from Russia",
            "Импорт Китая из России",
            "中国自俄进口",
        ),
    ];
    TABLE
        .iter()
        .find(|(en, _, _)| *en == s)
        .and_then(|(_, ru, zh)| match locale {
            Locale::En => None,
            Locale::Ru => Some(*ru),
            Locale::Zh => Some(*zh),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_written_the_local_way() {
        let usd = Money::UsdBillions;
        assert_eq!(Locale::En.amount(244.81, usd), "$244.8B");
        assert_eq!(Locale::Ru.amount(244.81, usd), "244,8\u{a0}млрд\u{a0}$");
        assert_eq!(Locale::Zh.amount(244.81, usd), "2448亿美元");
        assert_eq!(Locale::Zh.amount(0.05, usd), "0.5亿美元");
        assert_eq!(Locale::En.round_amount(200.0, usd), "$200B");
        assert_eq!(Locale::Ru.round_amount(200.0, usd), "200\u{a0}млрд\u{a0}$");
        assert_eq!(Locale::Zh.round_amount(200.0, usd), "2000亿美元");
        assert_eq!(
            Locale::Ru.amount(1234.5, Money::Affixes("", " т")),
            "1\u{a0}235 т"
        );
        assert_eq!(Locale::En.top_tick(250.0, 0, usd), "$250B");
        assert_eq!(Locale::Zh.top_tick(250.0, 0, usd), "2500亿美元");
    }

    #[test]
    fn percents_and_rates() {
        assert_eq!(Locale::En.percent(1.2005), "120%");
        assert_eq!(Locale::Ru.percent(0.95), "95\u{a0}%");
        assert_eq!(Locale::En.rate(0.16715), "+16.7%");
        assert_eq!(Locale::Ru.rate(-0.069), "−6,9\u{a0}%");
    }

    #[test]
    fn locale_tags() {
        assert_eq!(Locale::parse("ru-RU"), Some(Locale::Ru));
        assert_eq!(Locale::parse("zh-Hans-CN"), Some(Locale::Zh));
        assert_eq!(Locale::parse("EN"), Some(Locale::En));
        assert_eq!(Locale::parse("de"), None);
    }
}
