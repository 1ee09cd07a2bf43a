//! The widget's HTML, written by the core so that the browser edge only applies it: the
//! skeleton a chart lives in, the screen readers' data table, the tooltip's lines, and
//! the plan that turns one SVG document into the next with a few attribute writes
//! instead of a new document (`patch`). Every text that came from a spec is escaped
//! here, once; the edge never builds markup of its own.

use crate::model::Model;
use crate::xml::push_escaped;

/// The element the chart's skeleton is written into holds, in this order: the frame (the
/// one tab stop, with the picture, the focus ring and the tooltip), the row of links
/// under it, and the visually hidden words for screen readers. `id` makes the
/// description's id unique on the page.
pub fn skeleton(id: u32) -> String {
    let mut out = String::with_capacity(512);
    out.push_str("<div class=\"ttc\" tabindex=\"0\" role=\"group\" aria-describedby=\"ttc-desc-");
    crate::num::push_int(&mut out, id.into());
    out.push_str(
        "\"><div></div><div aria-hidden=\"true\"></div><div class=\"ttc-tip\" aria-hidden=\"true\"></div></div>",
    );
    push_after_frame(&mut out, id);
    out
}

/// What follows the frame in `skeleton`: the links row and the words for screen readers
/// (a pre-rendered chart keeps its own frame and gets these after it).
pub fn after_frame(id: u32) -> String {
    let mut out = String::with_capacity(320);
    push_after_frame(&mut out, id);
    out
}

fn push_after_frame(out: &mut String, id: u32) {
    out.push_str(
        "<div class=\"ttc-links\"><a rel=\"noopener noreferrer\" target=\"_blank\"></a>\
         <button type=\"button\" data-ttc=\"csv\"></button><button type=\"button\" data-ttc=\"png\"></button></div>\
         <div><p id=\"ttc-desc-",
    );
    crate::num::push_int(out, id.into());
    out.push_str("\"></p><table></table><div aria-live=\"polite\" role=\"status\"></div></div>");
}

/// The canvas the canvas renderer draws on (its size and accessible name are set as it
/// is drawn).
pub const CANVAS: &str = "<canvas role=\"img\" class=\"ttc-chart\"></canvas>";

/// The box that stands in for a chart whose spec was refused.
pub fn error(e: &crate::error::SpecError) -> String {
    let mut out =
        String::from("<div class=\"ttc-error\" role=\"alert\">This chart could not be drawn. ");
    push_escaped(&mut out, &e.to_string());
    out.push_str("</div>");
    out
}

/// The data table's texts, for the widget's hidden table (src/web/describe.rs) and the
/// pre-rendered one (src/fragment.rs): the caption (the title), the column heads, then
/// five cells a year. Returns them with the number of heads.
pub fn table_texts(m: &Model, title: &str) -> (Vec<String>, usize) {
    let (heads, yes) = crate::story::table_words(m);
    let opt = |v: Option<f64>| v.map(|v| m.unit_value(v)).unwrap_or_default();
    let mut texts = vec![title.to_owned()];
    for h in heads {
        texts.push((*h).to_owned());
    }
    for p in m.drawn() {
        let mut year = String::new();
        crate::num::push_int(&mut year, p.year.into());
        texts.extend([
            year,
            m.unit_value(p.value),
            opt(p.exports),
            opt(p.imports),
            if p.estimate { yes } else { "" }.to_owned(),
        ]);
    }
    (texts, heads.len())
}

/// The data table: a caption, a row of column heads, then one row per year whose first
/// cell heads the row. `texts` is the caption, the `heads`, then `heads` cells a row.
pub fn table(texts: &[String], heads: usize) -> String {
    let mut out = String::with_capacity(64 * texts.len());
    let (head, rows) = texts.split_at(texts.len().min(1 + heads));
    cells(
        &mut out,
        head,
        ("<caption>", "</caption><tr>"),
        ("<th scope=\"col\">", "</th>"),
    );
    out.push_str("</tr>");
    for row in rows.chunks(heads.max(1)) {
        cells(
            &mut out,
            row,
            ("<tr><th scope=\"row\">", "</th>"),
            ("<td>", "</td>"),
        );
        out.push_str("</tr>");
    }
    out
}

/// `texts` escaped, the first between `first`'s tags, the others between `rest`'s.
fn cells(out: &mut String, texts: &[String], first: (&str, &str), rest: (&str, &str)) {
    for (k, t) in texts.iter().enumerate() {
        let (open, close) = if k == 0 { first } else { rest };
        out.push_str(open);
        push_escaped(out, t);
        out.push_str(close);
    }
}

/// The tooltip's lines, the first in bold (the year).
pub fn tip(lines: &[String]) -> String {
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        out.push_str(if i == 0 { "<div><b>" } else { "<div>" });
        push_escaped(&mut out, line);
        out.push_str(if i == 0 { "</b></div>" } else { "</div>" });
    }
    out
}

/// An SVG document as `svg::document` writes it, cut into its elements: the root's
/// opening tag, then one piece per child. Each element starts a line with `<`; a text
/// from a spec never does (its `<` is escaped), so a line that does not, or a closing
/// tag, continues the element before it (`<text>` spans three lines).
pub fn elements(svg: &str) -> Vec<&str> {
    let body = svg.trim_end().strip_suffix("</svg>").unwrap_or(svg);
    let mut starts = Vec::new();
    let mut at = 0;
    for line in body.split_inclusive('\n') {
        if line.starts_with('<') && !line.starts_with("</") {
            starts.push(at);
        }
        at += line.len();
    }
    let mut pieces = Vec::with_capacity(starts.len());
    for (k, &s) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(body.len());
        pieces.push(body.get(s..end).unwrap_or("").trim_end_matches('\n'));
    }
    pieces
}

/// One step that turns the SVG on screen into the next. Children are named by their
/// place in the document on screen *before* any step (`<title>` is 0), so the edge can
/// take them all first and then apply the steps in any order. Names and markup are
/// borrowed from the documents; values and texts are unescaped copies.
#[derive(Debug, PartialEq)]
pub enum Patch<'a> {
    /// Set these attributes of the `<svg>` element itself (a new size or title).
    Root { set: Vec<(&'a str, String)> },
    /// Set these attributes, remove those, and set the text if it changed.
    Attributes {
        child: usize,
        set: Vec<(&'a str, String)>,
        remove: Vec<&'a str>,
        text: Option<String>,
    },
    /// Replace the child with this markup (its element changed kind).
    Replace { child: usize, html: &'a str },
    /// Remove the child.
    Remove { child: usize },
    /// Insert this markup before the child (None: at the end).
    Insert { before: Option<usize>, html: String },
}

/// The steps from `old` to `new` (both as cut by `elements`), or None when `old` is not
/// a document our writer wrote (nothing on screen yet): then the whole document is
/// written. Elements are matched by kind from both ends, so a data update or a resize
/// (the same kinds of marks, new numbers; an axis with a tick more or less in the
/// middle) becomes attribute writes, and a label that did not change is not parsed or
/// laid out again.
pub fn patch<'a>(old: &[&'a str], new: &[&'a str]) -> Option<Vec<Patch<'a>>> {
    let (old_root, old_kids) = old.split_first()?;
    let (new_root, new_kids) = new.split_first()?;
    let mut steps = Vec::new();
    if old_root != new_root {
        let (a, b) = (parse_open(old_root)?, parse_open(new_root)?);
        if a.len() != b.len() || a.iter().zip(&b).any(|(x, y)| x.0 != y.0) {
            return None;
        }
        steps.push(Patch::Root {
            set: changed(&a, &b),
        });
    }
    // Kinds only here; an element is parsed in full only where it changed.
    let (olds, news) = (kinds(old_kids)?, kinds(new_kids)?);
    let same_kind = |i: usize, j: usize| match (olds.get(i), news.get(j)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    };
    let (n, m) = (olds.len(), news.len());
    // Plain loops: an iterator chain here was a larger function (wasm bytes).
    let mut head = 0;
    while head < n.min(m) && same_kind(head, head) {
        head += 1;
    }
    let mut tail = 0;
    while tail < n.min(m) - head && same_kind(n - 1 - tail, m - 1 - tail) {
        tail += 1;
    }
    // Both ends pair up kind for kind; in the middle, pairs by position, then the rest
    // of the longer side is removed or inserted.
    let (mid_old, mid_new) = (n - head - tail, m - head - tail);
    // The head and the paired middle keep their places; the tail's are counted from the
    // ends.
    let kept = head + mid_old.min(mid_new);
    for k in 0..kept + tail {
        let (i, j) = if k < kept {
            (k, k)
        } else {
            (n - tail + k - kept, m - tail + k - kept)
        };
        let (Some(old), Some(html)) = (old_kids.get(i), new_kids.get(j)) else {
            continue;
        };
        if old == html {
            continue;
        }
        if !same_kind(i, j) {
            steps.push(Patch::Replace { child: i, html });
            continue;
        }
        steps.push(attribute_step(i, &parse(old)?, &parse(html)?));
    }
    for k in mid_new..mid_old {
        steps.push(Patch::Remove { child: head + k });
    }
    if mid_new > mid_old {
        let before = (tail > 0).then_some(n - tail);
        // Each element is followed by a line break, as in the document written whole.
        let mut html = String::new();
        for piece in new_kids.get(head + mid_old..head + mid_new).unwrap_or(&[]) {
            html.push_str(piece);
            html.push('\n');
        }
        steps.push(Patch::Insert { before, html });
    }
    Some(steps)
}

/// Each piece's element name, or None if one is not an element.
fn kinds<'a>(pieces: &[&'a str]) -> Option<Vec<&'a str>> {
    let mut out = Vec::with_capacity(pieces.len());
    for piece in pieces {
        out.push(tag(piece)?);
    }
    Some(out)
}

/// The writes that turn element `a` into `b` (of the same kind).
fn attribute_step<'a>(child: usize, a: &Element<'a>, b: &Element<'a>) -> Patch<'a> {
    let mut remove = Vec::new();
    for (n, _) in &a.attrs {
        if !b.attrs.iter().any(|(m, _)| m == n) {
            remove.push(*n);
        }
    }
    let text = (a.text != b.text).then(|| unescape(b.text));
    Patch::Attributes {
        child,
        set: changed(&a.attrs, &b.attrs),
        remove,
        text,
    }
}

/// The attributes of `b` that `a` does not have with the same value, unescaped.
fn changed<'a>(a: &[(&str, &str)], b: &[(&'a str, &str)]) -> Vec<(&'a str, String)> {
    let mut set = Vec::new();
    for (n, v) in b {
        if !a.contains(&(*n, *v)) {
            set.push((*n, unescape(v)));
        }
    }
    set
}

/// One element as our writers emit it: `<tag a="v" b="w"/>` or `<tag a="v">text</tag>`.
struct Element<'a> {
    attrs: Vec<(&'a str, &'a str)>,
    text: &'a str,
}

/// An element's name: `<name …`.
fn tag(piece: &str) -> Option<&str> {
    let rest = piece.strip_prefix('<')?;
    rest.get(..name_end(rest)?)
}

/// Where a tag's name ends. Byte by byte (our names are ASCII): a set-of-characters
/// pattern decodes every character, and this runs for every element of both documents
/// on each data update (profiled).
fn name_end(rest: &str) -> Option<usize> {
    rest.bytes().position(|b| matches!(b, b' ' | b'>' | b'/'))
}

/// The attributes of an opening tag that stands alone (`<svg a="v">`).
fn parse_open(piece: &str) -> Option<Vec<(&str, &str)>> {
    let rest = piece.strip_prefix('<')?;
    let (_, rest) = rest.split_at(rest.find(' ')?);
    let (attrs, end) = attributes(rest)?;
    (end == ">").then_some(attrs)
}

fn parse(piece: &str) -> Option<Element<'_>> {
    let rest = piece.strip_prefix('<')?;
    let (tag, rest) = rest.split_at(name_end(rest)?);
    let (attrs, end) = attributes(rest)?;
    if end == "/>" {
        return Some(Element { attrs, text: "" });
    }
    let body = end.strip_prefix('>')?;
    let text = body.get(..body.len().checked_sub(tag.len() + 3)?)?;
    let close = body.get(text.len()..)?;
    (close.strip_prefix("</")?.strip_suffix('>')? == tag).then_some(Element { attrs, text })
}

/// ` a="v" b="w"` up to the end of the tag: the pairs, and the rest from `>` or `/>` on.
fn attributes(mut rest: &str) -> Option<(Vec<(&str, &str)>, &str)> {
    let mut attrs = Vec::new();
    loop {
        rest = rest.get(rest.bytes().take_while(u8::is_ascii_whitespace).count()..)?;
        if rest.starts_with('>') || rest.starts_with("/>") {
            return Some((attrs, rest));
        }
        // By the character: a two-character pattern takes str's Two-Way searcher, whose
        // set-up per call cost more than these short scans (profiled). Names hold no
        // `=`; values are escaped, so `"` ends them.
        let eq = rest.find('=')?;
        let name = rest.get(..eq)?;
        let after = rest.get(eq + 1..)?.strip_prefix('"')?;
        let end = after.find('"')?;
        attrs.push((name, after.get(..end)?));
        rest = after.get(end + 1..)?;
    }
}

/// The inverse of `xml::escape` for what it writes.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(rest.get(..at).unwrap_or(""));
        rest = rest.get(at..).unwrap_or("");
        let (c, len) = [
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&apos;", '\''),
            ("&amp;", '&'),
        ]
        .iter()
        .find(|(e, _)| rest.starts_with(e))
        .map_or(('&', 1), |(e, c)| (*c, e.len()));
        out.push(c);
        rest = rest.get(len..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "<svg width=\"10\">\n<title>T</title>\n<desc>D</desc>\n<rect x=\"0\" y=\"0\"/>\n<text x=\"1\" y=\"2\">\nHello &amp; bye\n</text>\n<circle cx=\"1\"/>\n</svg>\n";

    #[test]
    fn a_document_is_cut_into_its_elements() {
        assert_eq!(
            elements(A),
            vec![
                "<svg width=\"10\">",
                "<title>T</title>",
                "<desc>D</desc>",
                "<rect x=\"0\" y=\"0\"/>",
                "<text x=\"1\" y=\"2\">\nHello &amp; bye\n</text>",
                "<circle cx=\"1\"/>",
            ]
        );
    }

    #[test]
    fn new_numbers_become_attribute_writes_and_text() {
        let b = A
            .replace("y=\"0\"", "y=\"5\"")
            .replace("Hello &amp; bye", "Hi &lt;you&gt;");
        let steps = patch(&elements(A), &elements(&b)).expect("same root");
        assert_eq!(
            steps,
            vec![
                Patch::Attributes {
                    child: 2,
                    set: vec![("y", "5".into())],
                    remove: vec![],
                    text: None,
                },
                Patch::Attributes {
                    child: 3,
                    set: vec![],
                    remove: vec![],
                    text: Some("\nHi <you>\n".into()),
                },
            ]
        );
    }

    #[test]
    fn a_new_root_a_new_kind_and_a_new_count_are_handled() {
        let resized = A.replace("width=\"10\"", "width=\"20\"");
        assert_eq!(
            patch(&elements(A), &elements(&resized)),
            Some(vec![Patch::Root {
                set: vec![("width", "20".into())]
            }])
        );
        let other = A.replace("width=\"10\"", "height=\"20\"");
        assert_eq!(patch(&elements(A), &elements(&other)), None);
        assert_eq!(patch(&[], &elements(A)), None);
        let kind = A.replace("<circle cx=\"1\"/>", "<line x1=\"1\"/>");
        assert_eq!(
            patch(&elements(A), &elements(&kind)),
            Some(vec![Patch::Replace {
                child: 4,
                html: "<line x1=\"1\"/>"
            }])
        );
        let more = A.replace("</svg>", "<circle cx=\"2\"/>\n<circle cx=\"3\"/>\n</svg>");
        assert_eq!(
            patch(&elements(A), &elements(&more)),
            Some(vec![Patch::Insert {
                before: None,
                html: "<circle cx=\"2\"/>\n<circle cx=\"3\"/>\n".into()
            }])
        );
        assert_eq!(
            patch(&elements(&more), &elements(A)),
            Some(vec![Patch::Remove { child: 5 }, Patch::Remove { child: 6 }])
        );
        // A tick more in the middle: the elements after it are matched from the end,
        // not shifted by one and rewritten.
        let tick = A.replace("<rect", "<line x1=\"9\"/>\n<rect");
        assert_eq!(
            patch(&elements(A), &elements(&tick)),
            Some(vec![Patch::Insert {
                before: Some(2),
                html: "<line x1=\"9\"/>\n".into()
            }])
        );
    }

    #[test]
    fn every_text_is_escaped_in_the_table_and_the_tooltip() {
        let texts: Vec<String> = ["<cap>", "Year", "Value", "2020", "<b>1</b>"]
            .map(String::from)
            .to_vec();
        let html = table(&texts, 2);
        assert_eq!(
            html,
            "<caption>&lt;cap&gt;</caption><tr><th scope=\"col\">Year</th><th scope=\"col\">Value</th></tr>\
             <tr><th scope=\"row\">2020</th><td>&lt;b&gt;1&lt;/b&gt;</td></tr>"
        );
        assert_eq!(
            tip(&["2020".into(), "<img src=x>".into()]),
            "<div><b>2020</b></div><div>&lt;img src=x&gt;</div>"
        );
        assert!(skeleton(7).contains("id=\"ttc-desc-7\""));
        assert!(skeleton(7).ends_with(&after_frame(7)));
        assert!(after_frame(7).starts_with("<div class=\"ttc-links\">"));
        assert_eq!(
            unescape("a &lt;b&gt; &amp;amp; &quot;&apos; & z"),
            "a <b> &amp; \"' & z"
        );
    }

    /// An element as a set: kind, attributes by name, text (what `isEqualNode` compares).
    type Model = (String, std::collections::BTreeMap<String, String>, String);

    fn model(piece: &str) -> Model {
        let e = parse(piece).expect("our markup");
        (
            tag(piece).expect("a tag").to_owned(),
            e.attrs
                .iter()
                .map(|(n, v)| ((*n).to_owned(), unescape(v)))
                .collect(),
            unescape(e.text),
        )
    }

    /// Carries out `steps` on the elements of `old` as the browser edge does: children
    /// named by their place before any step.
    fn simulate(old: &[&str], steps: Vec<Patch<'_>>) -> (Vec<(String, String)>, Vec<Model>) {
        let mut root = parse_open(old[0])
            .expect("root")
            .into_iter()
            .map(|(n, v)| (n.to_owned(), unescape(v)))
            .collect::<Vec<_>>();
        // (element, removed) in document order, with inserts kept beside their anchor.
        let mut kids: Vec<Vec<Model>> = old[1..].iter().map(|p| vec![model(p)]).collect();
        let mut tail = Vec::new();
        for step in steps {
            match step {
                Patch::Root { set } => {
                    for (n, v) in set {
                        match root.iter_mut().find(|(m, _)| m == n) {
                            Some(slot) => slot.1 = v,
                            None => root.push((n.to_owned(), v)),
                        }
                    }
                }
                Patch::Attributes {
                    child,
                    set,
                    remove,
                    text,
                } => {
                    let e = kids[child].last_mut().expect("there");
                    for (n, v) in set {
                        e.1.insert(n.to_owned(), v);
                    }
                    for n in remove {
                        e.1.remove(n);
                    }
                    if let Some(t) = text {
                        e.2 = t;
                    }
                }
                Patch::Replace { child, html } => {
                    *kids[child].last_mut().expect("there") = model(html)
                }
                Patch::Remove { child } => {
                    kids[child].pop();
                }
                Patch::Insert { before, html } => {
                    let new: Vec<Model> = elements(&format!("<svg x=\"1\">\n{html}</svg>"))[1..]
                        .iter()
                        .map(|p| model(p))
                        .collect();
                    match before {
                        Some(i) => {
                            let at = kids[i].len() - 1;
                            kids[i].splice(at..at, new);
                        }
                        None => tail.extend(new),
                    }
                }
            }
        }
        let mut all: Vec<Model> = kids.into_iter().flatten().collect();
        all.extend(tail);
        (root, all)
    }

    #[test]
    fn every_golden_picture_patches_into_every_other_of_the_same_root_kind() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
        let docs: Vec<String> = std::fs::read_dir(dir)
            .expect("tests/golden")
            .filter_map(|e| e.ok())
            .filter(|e| e.path().extension().is_some_and(|x| x == "svg"))
            .map(|e| std::fs::read_to_string(e.path()).expect("readable"))
            .collect();
        assert!(docs.len() >= 10);
        let mut patched = 0;
        for a in &docs {
            for b in &docs {
                let (old, new) = (elements(a), elements(b));
                let Some(steps) = patch(&old, &new) else {
                    continue;
                };
                patched += 1;
                let (root, kids) = simulate(&old, steps);
                let want_root: Vec<(String, String)> = parse_open(new[0])
                    .expect("root")
                    .into_iter()
                    .map(|(n, v)| (n.to_owned(), unescape(v)))
                    .collect();
                assert_eq!(root, want_root);
                let want: Vec<Model> = new[1..].iter().map(|p| model(p)).collect();
                assert_eq!(kids, want);
            }
        }
        assert_eq!(patched, docs.len() * docs.len(), "every pair patches");
    }
}
