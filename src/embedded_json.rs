//! Reads the JSON text build.rs embeds for the default chart. Not a general JSON parser
//! (host specs arrive as JS objects in the browser and through serde_json natively):
//! it takes serde_json's compact output, and numbers written as plain decimals, which it
//! converts exactly (an integer mantissa divided once by a power of ten is the correctly
//! rounded value), so core's float parser stays out of the wasm. Embedding the text and
//! this reader instead of code that builds the tree saved 9 KB of wasm (and the first
//! mount's time to run that code).

use crate::json::Json;

/// Exact powers of ten as f64 (10^22 is the largest exact one).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

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

    /// `-?digits(.digits)?`, exactly: at most 15 significant digits, 22 decimals.
    fn number(&mut self) -> Option<f64> {
        let negative = self.peek()? == b'-';
        if negative {
            self.at += 1;
        }
        let (mut mantissa, mut decimals, mut digits, mut fraction) = (0u64, 0usize, 0, false);
        while let Some(b) = self.peek() {
            match b {
                b'0'..=b'9' => {
                    mantissa = mantissa.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
                    digits += 1;
                    decimals += usize::from(fraction);
                }
                b'.' if !fraction => fraction = true,
                _ => break,
            }
            self.at += 1;
        }
        if digits == 0 || digits > 15 {
            return None;
        }
        #[allow(clippy::cast_precision_loss)] // < 10^15 < 2^53: exact
        let v = mantissa as f64 / POW10.get(decimals)?;
        Some(if negative { -v } else { v })
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
    fn refuses_what_it_cannot_read_exactly() {
        for bad in [
            "",
            "{",
            "[1,]",
            "1e5",
            "12345678901234567",
            "\"open",
            "{} x",
            "tru",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
