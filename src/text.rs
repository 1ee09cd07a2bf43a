//! Text metrics without the DOM, so layout gives the same numbers natively, in a
//! browser, in a worker or in Node. Widths come from the Helvetica/Arial advance
//! tables (Liberation Sans, Arial and Helvetica share them), a per-script estimate
//! beyond Latin, and a small safety margin for fonts that run wider.

/// The font stack every backend is told to use; its metrics are the ones below.
pub const FAMILY: &str = "Helvetica, Arial, sans-serif";

/// Advance widths in 1/1000 em for ASCII 32..=126, regular weight.
const REGULAR: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // ' '../
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0-9
    278, 278, 584, 584, 584, 556, 1015, // :;<=>?@
    667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, // A-M
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, // N-Z
    278, 278, 278, 469, 556, 333, // [\]^_`
    556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, // a-m
    556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, // n-z
    334, 260, 334, 584, // {|}~
];

/// The same for bold.
const BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, //
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, //
    333, 333, 584, 584, 584, 611, 975, //
    722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, //
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, //
    333, 278, 333, 584, 556, 333, //
    556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, //
    611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, //
    389, 280, 389, 584, //
];

/// Extra width allowed for fonts a little wider than Arial.
const SAFETY: f64 = 1.04;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Font {
    /// Pixels.
    pub size: u32,
    pub bold: bool,
    /// How much wider than Helvetica/Arial the font actually drawn runs (1 = as wide):
    /// the browser edge measures it once per font family when the host's font is used.
    pub stretch: f64,
}

impl Font {
    pub const fn new(size: u32, bold: bool) -> Font {
        Font {
            size,
            bold,
            stretch: 1.0,
        }
    }

    pub const fn stretched(self, stretch: f64) -> Font {
        Font { stretch, ..self }
    }

    /// The height of one line of this font, in pixels.
    pub fn line_height(&self) -> i32 {
        crate::num::sat_i32((f64::from(self.size) * 1.25).ceil())
    }

    pub fn width(&self, text: &str) -> f64 {
        self.px(self.units(text))
    }

    /// The advance of `text` in 1/1000 em: widths add up, so a line being filled is
    /// measured a word at a time, not from its start again.
    fn units(&self, text: &str) -> u32 {
        text.chars().map(|c| advance(c, self.bold)).sum()
    }

    fn px(&self, units: u32) -> f64 {
        f64::from(units) * f64::from(self.size) / 1000.0 * SAFETY * self.stretch
    }

    pub fn width_px(&self, text: &str) -> i32 {
        crate::num::sat_i32(self.width(text).ceil())
    }
}

/// Advance of one character in 1/1000 em.
fn advance(c: char, bold: bool) -> u32 {
    let table = if bold { &BOLD } else { &REGULAR };
    let code = c as u32;
    if let Some(w) = code.checked_sub(32).and_then(|i| table.get(i as usize)) {
        return u32::from(*w);
    }
    match code {
        // Combining marks, zero-width spaces and joiners, variation selectors.
        0x0300..=0x036F | 0x200B..=0x200F | 0x2060..=0x2064 | 0xFE00..=0xFE0F => 0,
        0x00B7 | 0x2018 | 0x2019 => 278,
        0x201C | 0x201D => 389,
        0x2013 => 556,
        0x2014 | 0x2026 | 0x2192 => 1000,
        // Latin-1 and Latin Extended letters: about an average lowercase letter.
        0x00A0..=0x024F => 570,
        // Greek and Cyrillic: Arial's Cyrillic averages a little wider than Latin.
        0x0370..=0x04FF => 640,
        // CJK, kana, Hangul, full-width forms: a full em each.
        0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF => 1000,
        // Emoji and other astral symbols draw wider than an em in colour fonts.
        0x1F000..=0x1FAFF => 1250,
        _ => 650,
    }
}

/// Greedy word wrap to `max_width` pixels, at most `max_lines` lines; a word wider
/// than a line (a URL, unspaced CJK) is broken between characters; text beyond the
/// last line is cut with an ellipsis.
pub fn wrap(text: &str, font: Font, max_width: f64, max_lines: usize) -> Vec<String> {
    let max_width = max_width.max(font.width("W…"));
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    // The line's width so far, in font units (see `Font::units`): the same sums, so the
    // same breaks, as measuring each candidate line whole, which a data update did for
    // every word of the title and subtitle (0.15 ms of it before V8 optimised, profiled).
    let mut units = 0u32;
    let space = font.units(" ");
    // Only ASCII whitespace breaks (a newline or tab in a spec's title too): a no-break
    // space (U+00A0) keeps "200 млрд $" together.
    for word in text.split_ascii_whitespace() {
        let word_units = font.units(word);
        let candidate = if line.is_empty() {
            word_units
        } else {
            units.saturating_add(space).saturating_add(word_units)
        };
        if font.px(candidate) <= max_width {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            units = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            units = 0;
        }
        for c in word.chars() {
            let c_units = advance(c, font.bold);
            if font.px(units.saturating_add(c_units)) > max_width {
                lines.push(std::mem::take(&mut line));
                units = 0;
            }
            line.push(c);
            units = units.saturating_add(c_units);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines.max(1) {
        lines.truncate(max_lines.max(1));
        if let Some(last) = lines.last_mut() {
            *last = ellipsize(last, font, max_width);
        }
    }
    lines
}

/// `text` with an ellipsis, shortened until it fits.
pub fn ellipsize(text: &str, font: Font, max_width: f64) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    loop {
        let s: String = chars.iter().collect::<String>() + "…";
        if font.width(&s) <= max_width || chars.is_empty() {
            return s;
        }
        chars.pop();
    }
}

/// `hay.split_once(needle)` for a `&str` needle, by comparing bytes: a `&str` pattern links
/// core's two-way `StrSearcher` (about 2 KB of wasm) for what is here a short, rare search.
pub fn split_once_str<'a>(hay: &'a str, needle: &str) -> Option<(&'a str, &'a str)> {
    let at = hay
        .as_bytes()
        .windows(needle.len().max(1))
        .position(|w| w == needle.as_bytes())?;
    Some((hay.get(..at)?, hay.get(at + needle.len()..)?))
}

/// The families of a CSS `font-family` list that other programs know too: vendor
/// keywords (`-webkit-standard`, WebKit's name for its default font; `-apple-system`,
/// `-moz-…`) and Chrome's `BlinkMacSystemFont` alias are dropped, since an exported SVG
/// that names them is drawn in some fallback anywhere else. The rest are kept as written
/// (quotes included), comma-separated. None when nothing is left.
pub fn portable_families(list: &str) -> Option<String> {
    let mut out = String::new();
    for family in split_families(list) {
        let vendor = family.starts_with('-') || family.eq_ignore_ascii_case("BlinkMacSystemFont");
        if vendor || family.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(family);
    }
    (!out.is_empty()).then_some(out)
}

/// The page's font (its computed `font-family`) as the chart's, in portable families
/// (`portable_families`), unless it is a browser's default, which a page that set no font
/// computes to: Firefox's `serif`, Chromium's `Times New Roman` or `Times`, WebKit's
/// `-webkit-standard` (Times on a Mac). Then our own sans stack reads better, and the
/// chart looks and measures the same in every engine.
pub fn host_family(list: &str) -> Option<String> {
    let families = portable_families(list)?;
    let first = split_families(&families).next().unwrap_or_default();
    let name = first.trim_matches(|c| c == '"' || c == '\'');
    let default = ["serif", "times", "times new roman"]
        .iter()
        .any(|d| name.eq_ignore_ascii_case(d));
    (!default).then_some(families)
}

/// The entries of a `font-family` list, trimmed; a comma inside quotes is part of a name.
fn split_families(list: &str) -> impl Iterator<Item = &str> {
    let mut quote = None;
    list.split(move |c: char| {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if q == c => quote = None,
            _ => {}
        }
        quote.is_none() && c == ','
    })
    .map(str::trim)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_once_str_is_str_split_once() {
        for (hay, needle) in [
            ("a · b · c", " · "),
            ("<svg width=\"5\">", " width=\""),
            ("no match", " · "),
            ("", "x"),
            ("·x", "·"),
            ("ends ·", " ·"),
        ] {
            assert_eq!(
                split_once_str(hay, needle),
                hay.split_once(needle),
                "{hay:?} {needle:?}"
            );
        }
    }

    #[test]
    fn widths_follow_the_tables() {
        let f = Font::new(10, false);
        // "Hi" = 722 + 222 units at 10 px, plus the margin.
        assert!((f.width("Hi") - 9.44 * SAFETY).abs() < 1e-9);
        assert!(Font::new(10, true).width("Hi") > f.width("Hi"));
        assert_eq!(f.width("e\u{301}"), f.width("e"));
        assert!(f.width("Пекин") > f.width("Pekin"));
        assert!((f.width("北京") - 20.0 * SAFETY).abs() < 1e-9);
    }

    #[test]
    fn wrap_breaks_words_and_long_runs() {
        let f = Font::new(12, false);
        let lines = wrap("the quick brown fox jumps over the lazy dog", f, 80.0, 10);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| f.width(l) <= 80.0));
        assert_eq!(
            lines.join(" "),
            "the quick brown fox jumps over the lazy dog"
        );
        let cjk = wrap(&"贸易".repeat(20), f, 60.0, 10);
        assert!(cjk.len() > 1 && cjk.iter().all(|l| f.width(l) <= 60.0));
    }

    #[test]
    fn wrap_cuts_with_an_ellipsis() {
        let f = Font::new(12, false);
        let lines = wrap(&"word ".repeat(100), f, 100.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines.last().is_some_and(|l| l.ends_with('…')));
        assert!(lines.iter().all(|l| f.width(l) <= 100.0));
    }

    /// A page that set no font computes to its browser's default, which never becomes the
    /// chart's; what a page chose does, in names other programs know.
    #[test]
    fn a_browser_default_font_is_not_the_host_font_and_vendor_names_are_dropped() {
        for default in [
            "-webkit-standard",
            "serif",
            "Times",
            "\"Times New Roman\"",
            "\"Times New Roman\", serif",
            "'Times New Roman'",
            " -webkit-body, serif",
            "",
            " ",
        ] {
            assert_eq!(host_family(default), None, "{default:?}");
        }
        assert_eq!(
            host_family("Verdana, sans-serif").as_deref(),
            Some("Verdana, sans-serif")
        );
        assert_eq!(
            host_family("-apple-system, BlinkMacSystemFont, \"Segoe UI\", Roboto, sans-serif")
                .as_deref(),
            Some("\"Segoe UI\", Roboto, sans-serif")
        );
        assert_eq!(
            host_family("Georgia, -webkit-standard").as_deref(),
            Some("Georgia")
        );
        assert_eq!(
            host_family("\"Font, with comma\", serif").as_deref(),
            Some("\"Font, with comma\", serif")
        );
        assert_eq!(portable_families("-webkit-standard"), None);
        assert_eq!(
            portable_families("Georgia, serif").as_deref(),
            Some("Georgia, serif")
        );
    }
}
