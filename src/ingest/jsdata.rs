//! JavaScript and TypeScript data modules: a site's transcript kept as object literals in
//! source (`export const call: Section[] = [{ speaker: "…", en: "…", cn: "…" }, …]`).
//!
//! Each literal a module declares (`const`/`let`/`var`, `export default`, `module.exports`) is
//! read into a JSON value under its variable's name, so the JSON reader takes the module as
//! it takes a JSON file. Literals are read as JSON5 reads them: keys without quotes, strings
//! in single or double quotes or backticks, trailing commas, comments. A value that is code
//! (a reference, a call) becomes `null`. Reading is one pass over the text.

use serde_json::{Map, Number, Value};

/// Deepest nesting read.
const MAX_DEPTH: usize = 64;

/// True when the text is a module whose first statement (after imports and comments)
/// declares a literal: `export const x = [`, `const x: T[] = {`, `module.exports = [`.
pub fn looks_like_js_data(text: &str) -> bool {
    let mut in_comment = false;
    for line in text.lines().take(200) {
        let l = line.trim();
        if in_comment {
            in_comment = !l.contains("*/");
            continue;
        }
        if l.is_empty() || l.starts_with("//") || l.starts_with("\"use ") || l.starts_with("'use ")
        {
            continue;
        }
        if l.starts_with("/*") {
            in_comment = !l.contains("*/");
            continue;
        }
        if l.starts_with("import ") {
            continue;
        }
        let decl = ["export ", "const ", "let ", "var ", "module.exports"]
            .iter()
            .any(|w| l.starts_with(w));
        return decl
            && l.split_once('=')
                .is_some_and(|(_, v)| v.trim_start().starts_with(['[', '{']));
    }
    false
}

/// The module's literals as one JSON object (variable name → value), or `None` when no
/// literal could be read.
pub fn to_value(text: &str) -> Option<Value> {
    let mut r = Reader {
        s: text.as_bytes(),
        text,
        at: 0,
    };
    let mut out = Map::new();
    while r.skip_space() {
        let start = r.at;
        let word = r.word().to_string();
        match word.as_str() {
            "import" | "type" | "interface" => r.skip_statement(),
            "export" | "const" | "let" | "var" | "default" | "module" => {
                let (name, value) = r.declaration(&word)?;
                if let Some(v) = value {
                    out.insert(name, v);
                }
            }
            _ => {
                if r.at == start {
                    r.at += 1;
                }
                r.skip_statement();
            }
        }
    }
    (!out.is_empty()).then_some(Value::Object(out))
}

struct Reader<'a> {
    s: &'a [u8],
    text: &'a str,
    at: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.at).copied()
    }

    /// Skips whitespace and comments; false at the end of the text.
    fn skip_space(&mut self) -> bool {
        loop {
            match self.peek() {
                Some(b) if b.is_ascii_whitespace() => self.at += 1,
                Some(b'/') if self.s.get(self.at + 1) == Some(&b'/') => {
                    while self.peek().is_some_and(|b| b != b'\n') {
                        self.at += 1;
                    }
                }
                Some(b'/') if self.s.get(self.at + 1) == Some(&b'*') => {
                    self.at += 2;
                    while self.at < self.s.len() && !self.s[self.at..].starts_with(b"*/") {
                        self.at += 1;
                    }
                    self.at = (self.at + 2).min(self.s.len());
                }
                Some(_) => return true,
                None => return false,
            }
        }
    }

    /// An identifier (letters, digits, `_`, `$`, and `.` for `module.exports`).
    fn word(&mut self) -> &'_ str {
        let start = self.at;
        while self
            .peek()
            .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b == b'.')
        {
            self.at += 1;
        }
        // Bytes, not the text: `start` may sit inside a character when nothing was read.
        std::str::from_utf8(&self.s[start..self.at]).unwrap_or("")
    }

    /// The word that starts here; None when none does.
    fn some_word(&mut self) -> Option<String> {
        let before = self.at;
        let w = self.word().to_string();
        (self.at != before).then_some(w)
    }

    /// Skips to the end of the statement: a `;` or a line end outside brackets and strings.
    fn skip_statement(&mut self) {
        let mut depth = 0usize;
        while let Some(b) = self.peek() {
            match b {
                b'"' | b'\'' | b'`' => {
                    self.string(b);
                    continue;
                }
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => depth = depth.saturating_sub(1),
                b';' if depth == 0 => {
                    self.at += 1;
                    return;
                }
                b'\n' if depth == 0 => return,
                _ => {}
            }
            self.at += 1;
        }
    }

    /// `export const name: Type = literal;` and its kin, after the first word: the name and
    /// the value (none when the declaration is not of a literal).
    fn declaration(&mut self, first: &str) -> Option<(String, Option<Value>)> {
        let mut name = if first == "module" || first == "default" {
            "default".to_string()
        } else {
            String::new()
        };
        // The words up to `=`: `export`, `default`, `const`, the name, a type annotation.
        loop {
            if !self.skip_space() {
                return Some((name, None));
            }
            match self.peek()? {
                b'=' if self.s.get(self.at + 1) != Some(&b'>') => {
                    self.at += 1;
                    break;
                }
                b':' => {
                    // A type annotation: skipped to the `=` (brackets and generics included).
                    let mut depth = 0usize;
                    while let Some(b) = self.peek() {
                        match b {
                            b'<' | b'(' | b'[' | b'{' => depth += 1,
                            b'>' | b')' | b']' | b'}' => depth = depth.saturating_sub(1),
                            b'=' if depth == 0 && self.s.get(self.at + 1) != Some(&b'>') => break,
                            b';' | b'\n' if depth == 0 => return Some((name, None)),
                            _ => {}
                        }
                        self.at += 1;
                    }
                }
                b'[' | b'{' if first == "export" || first == "default" => break,
                _ => {
                    let before = self.at;
                    let w = self.word().to_string();
                    if self.at == before {
                        self.skip_statement();
                        return Some((name, None));
                    }
                    match w.as_str() {
                        "export" | "const" | "let" | "var" | "module.exports" | "exports" => {}
                        "default" => name = "default".into(),
                        "function" | "class" | "async" | "enum" | "interface" | "type" => {
                            self.skip_statement();
                            return Some((name, None));
                        }
                        _ => name = w,
                    }
                }
            }
        }
        self.skip_space();
        if !matches!(self.peek(), Some(b'[' | b'{')) {
            self.skip_statement();
            return Some((name, None));
        }
        let value = self.value(0)?;
        // `as const`, `satisfies T`, `;`.
        self.skip_statement();
        Some((name, Some(value)))
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        if depth > MAX_DEPTH || !self.skip_space() {
            return None;
        }
        match self.peek()? {
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_space();
                    match self.peek()? {
                        b']' => {
                            self.at += 1;
                            return Some(Value::Array(items));
                        }
                        b',' => self.at += 1,
                        _ => items.push(self.value(depth + 1)?),
                    }
                }
            }
            b'{' => {
                self.at += 1;
                let mut map = Map::new();
                loop {
                    self.skip_space();
                    let key = match self.peek()? {
                        b'}' => {
                            self.at += 1;
                            return Some(Value::Object(map));
                        }
                        b',' => {
                            self.at += 1;
                            continue;
                        }
                        q @ (b'"' | b'\'' | b'`') => self.string(q),
                        _ => self.some_word()?,
                    };
                    self.skip_space();
                    if self.peek() == Some(b':') {
                        self.at += 1;
                        let v = self.value(depth + 1)?;
                        map.insert(key, v);
                    } else {
                        // Shorthand `{ name }`: a reference, not data.
                        map.insert(key, Value::Null);
                    }
                }
            }
            q @ (b'"' | b'\'' | b'`') => Some(Value::String(self.string(q))),
            b'-' | b'+' | b'.' | b'0'..=b'9' => Some(self.number()),
            _ => {
                let w = self.some_word()?;
                // A call's arguments go with it.
                self.skip_space();
                if self.peek() == Some(b'(') {
                    let mut depth = 0usize;
                    while let Some(b) = self.peek() {
                        self.at += 1;
                        match b {
                            b'(' => depth += 1,
                            b')' => {
                                depth -= 1;
                                if depth == 0 {
                                    break;
                                }
                            }
                            _ => {}
                        }
                    }
                }
                Some(match w.as_str() {
                    "true" => Value::Bool(true),
                    "false" => Value::Bool(false),
                    _ => Value::Null,
                })
            }
        }
    }

    fn number(&mut self) -> Value {
        let start = self.at;
        while self
            .peek()
            .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'+' | b'_'))
        {
            self.at += 1;
        }
        let raw = self.text[start..self.at].replace('_', "");
        let raw = raw.trim_start_matches('+');
        raw.parse::<i64>()
            .ok()
            .map(Number::from)
            .or_else(|| raw.parse::<f64>().ok().and_then(Number::from_f64))
            .map_or(Value::Null, Value::Number)
    }

    /// A string in `quote`s, its escapes read (`${…}` in a backtick string is kept as written).
    fn string(&mut self, quote: u8) -> String {
        self.at += 1;
        let mut out = String::new();
        let mut run = self.at;
        while let Some(b) = self.peek() {
            if b == quote {
                out.push_str(&self.text[run..self.at]);
                self.at += 1;
                return out;
            }
            if b == b'\n' && quote != b'`' {
                break;
            }
            if b != b'\\' {
                self.at += 1;
                continue;
            }
            out.push_str(&self.text[run..self.at]);
            self.at += 1;
            let Some(c) = self.text[self.at..].chars().next() else {
                break;
            };
            self.at += c.len_utf8();
            match c {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' | '\n' => {}
                'b' | 'f' | 'v' | '0' => {}
                'x' => {
                    let hex = self.text.get(self.at..self.at + 2).unwrap_or("");
                    if let Some(ch) = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
                        out.push(ch);
                        self.at += 2;
                    }
                }
                'u' => {
                    let rest = &self.text[self.at..];
                    let (hex, used) = if let Some(inner) = rest.strip_prefix('{') {
                        let end = inner.find('}').unwrap_or(0);
                        (&inner[..end], end + 2)
                    } else {
                        (rest.get(..4).unwrap_or(""), 4)
                    };
                    if let Some(ch) = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
                        out.push(ch);
                        self.at += used;
                    }
                }
                other => out.push(other),
            }
            run = self.at;
        }
        out.push_str(&self.text[run..self.at]);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MODULE: &str = r#"import type { Row } from "./types";

/* header */
export const cards: Card[] = [
  { label: 'Revenue', value: "$1.2B", },
];

// the call
export const call: Section[] = [
  {
    heading: "Prepared remarks",
    paragraphs: [
      { speaker: "Ada Quist", en: "It's a \"good\" quarter.\nThanks.", cn: "这是\u4e00个好季度。", highlight: true, },
      { speaker: `Bo Lind`, en: 'Thank you, Ada.', n: 1_000, ref: other, f: make(1, 2) },
    ],
  },
] as const;
"#;

    #[test]
    fn a_module_of_literals_reads_as_json() {
        assert!(looks_like_js_data(MODULE));
        let v = to_value(MODULE).unwrap();
        assert_eq!(v["cards"][0]["value"], "$1.2B");
        let p = &v["call"][0]["paragraphs"];
        assert_eq!(p[0]["en"], "It's a \"good\" quarter.\nThanks.");
        assert_eq!(p[0]["cn"], "这是一个好季度。");
        assert_eq!(p[0]["highlight"], true);
        assert_eq!(p[1]["speaker"], "Bo Lind");
        assert_eq!(p[1]["en"], "Thank you, Ada.");
        assert_eq!(p[1]["n"], 1000);
        assert!(p[1]["ref"].is_null() && p[1]["f"].is_null());
    }

    #[test]
    fn code_and_prose_are_not_data_modules() {
        assert!(!looks_like_js_data(
            "Operator: Welcome = good.\nconst x = [1]"
        ));
        assert!(!looks_like_js_data("function f() { return [1]; }"));
        assert!(!looks_like_js_data("export function f() {}"));
        assert!(looks_like_js_data("module.exports = {\n  a: 1\n};"));
    }

    #[test]
    fn broken_literals_end_the_reading_without_panicking() {
        for text in [
            "export const a = [",
            "export const a = [{ b: ",
            "const a = {'x",
            "const a = [1, }",
        ] {
            let _ = to_value(text);
        }
    }
}
