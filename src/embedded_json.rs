//! Reads the JSON text build.rs embeds for the default chart. Not a general JSON parser
//! (host specs arrive as JS objects in the browser and through serde_json natively):
//! it takes serde_json's compact output, and reads its numbers with the CSV reader's
//! `csv::decimal` (correctly rounded for every number serde_json writes), so core's
//! float parser stays out of the wasm. Embedding the text and
//! this reader instead of code that builds the tree saved 9 KB of wasm (and the first
//! mount's time to run that code).

use crate::json::Json;

struct Reader<'a> {
    s: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.at).copied()
    }
    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        Some(b)
    }
    fn eat(&mut self, word: &str) -> Option<()> {
        let end = self.at + word.len();
        (self.s.get(self.at..end)? == word.as_bytes()).then(|| self.at = end)
    }

    fn value(&mut self) -> Option<Json> {
        match self.peek()? {
            b'{' => {
                self.at += 1;
                let mut entries = Vec::new();
                if self.peek()? == b'}' {
                    self.at += 1;
                    return Some(Json::Obj(entries));
                }
                loop {
                    let key = self.string()?;
                    self.eat(":")?;
                    entries.push((key, self.value()?));
                    match self.next()? {
                        b',' => {}
                        b'}' => return Some(Json::Obj(entries)),
                        _ => return None,
                    }
                }
            }
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                if self.peek()? == b']' {
                    self.at += 1;
                    return Some(Json::Arr(items));
                }
                loop {
                    items.push(self.value()?);
                    match self.next()? {
                        b',' => {}
                        b']' => return Some(Json::Arr(items)),
                        _ => return None,
                    }
                }
            }
            b'"' => self.string().map(Json::Str),
            b't' => self.eat("true").map(|()| Json::Bool(true)),
            b'f' => self.eat("false").map(|()| Json::Bool(false)),
            b'n' => self.eat("null").map(|()| Json::Null),
            _ => self.number().map(Json::Num),
        }
    }

    /// A string with serde_json's escapes (`\"`, `\\`, `\n`, `\t`, `\uXXXX` in the BMP).
    fn string(&mut self) -> Option<String> {
        self.eat("\"")?;
        let mut out = Vec::new();
        loop {
            match self.next()? {
                b'"' => return String::from_utf8(out).ok(),
                b'\\' => {
                    let c = match self.next()? {
                        b'n' => '\n',
                        b't' => '\t',
                        b'r' => '\r',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'u' => {
                            let hex = self.s.get(self.at..self.at + 4)?;
                            self.at += 4;
                            let code =
                                u32::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
                            char::from_u32(code)?
                        }
                        other => char::from(other),
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                b => out.push(b),
            }
        }
    }

    /// A number as serde_json writes it, read exactly by the CSV reader's `decimal`.
    fn number(&mut self) -> Option<f64> {
        let start = self.at;
        while let Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E') = self.peek() {
            self.at += 1;
        }
        crate::csv::decimal(self.s.get(start..self.at)?)
    }
}

/// The tree the text describes; None if it is not the kind of JSON described above.
pub fn parse(text: &str) -> Option<Json> {
    let mut r = Reader {
        s: text.as_bytes(),
        at: 0,
    };
    let v = r.value()?;
    (r.at == text.len()).then_some(v)
}

#[cfg(test)]
mod tests {
    use super::parse;
    use crate::json::Json;

    #[test]
    fn reads_what_serde_json_writes() {
        let text = r#"{"a":[1,-2.5,240.11,0.1,true,false,null],"b":"x\"y\\z\n\u00e9–","c":{}}"#;
        let want = Json::Obj(vec![
            (
                "a".into(),
                Json::Arr(vec![
                    Json::Num(1.0),
                    Json::Num(-2.5),
                    Json::Num(240.11),
                    Json::Num(0.1),
                    Json::Bool(true),
                    Json::Bool(false),
                    Json::Null,
                ]),
            ),
            ("b".into(), Json::Str("x\"y\\z\né–".into())),
            ("c".into(), Json::Obj(vec![])),
        ]);
        assert_eq!(parse(text), Some(want));
    }

    #[test]
    fn reads_numbers_as_rusts_parser_does() {
        for text in ["1e5", "12345678901234567", "-0.30000000000000004", "2.5e-8"] {
            assert_eq!(
                parse(text),
                Some(Json::Num(text.parse().unwrap())),
                "{text}"
            );
        }
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        for bad in ["", "{", "[1,]", "1e", "1.2.3", "\"open", "{} x", "tru"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
