//! XML text rules shared by everything that writes markup (the SVG document, the
//! widget's HTML): which characters a document may hold, and escaping.

/// Whether XML 1.0 allows `c` in a document. A spec's text may hold control characters
/// (U+0001 pasted from a CMS) or the noncharacters U+FFFE/U+FFFF; one of them in the SVG
/// makes the whole file unreadable to an XML parser (an `<img>`, the CLI's output).
pub fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r')
        || ('\u{20}'..='\u{D7FF}').contains(&c)
        || ('\u{E000}'..='\u{FFFD}').contains(&c)
        || c >= '\u{10000}'
}

/// `s` without the characters XML does not allow (plotters escapes markup, not these).
pub fn xml_chars(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().all(xml_char) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.chars().filter(|&c| xml_char(c)).collect())
    }
}

/// XML/HTML escaping for text and attribute values; characters XML does not allow are
/// dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_escaped(&mut out, s);
    out
}

/// `escape`, appended to `out`.
pub fn push_escaped(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            c if !xml_char(c) => {}
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
}
