//! Text made safe to print to a terminal: nothing from a file, a note, a file name, a setting
//! or a paste may reach the terminal as a control sequence. Every line tandem prints goes
//! through [`text`] (or [`json`] for JSON output), whatever it holds.
//!
//! Control characters become visible stand-ins instead of acting: C0 controls other than a
//! line feed and a tab, DEL and ESC in caret notation (`^[`), C1 controls (U+0080–U+009F, the
//! 8-bit forms of ESC sequences) and the bidirectional overrides and isolates (which reorder
//! what follows on the line) as `<U+XXXX>`.

use std::borrow::Cow;

/// True for a character that would act on a terminal rather than show.
fn acts(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || bidi_control(c)
}

/// The bidirectional embedding, override and isolate controls (and the marks are harmless).
fn bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `s` with every character that would act on a terminal shown instead.
pub fn text(s: &str) -> Cow<'_, str> {
    if !s.chars().any(acts) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            c if !acts(c) => out.push(c),
            '\u{7F}' => out.push_str("^?"),
            c if (c as u32) < 0x20 => {
                out.push('^');
                out.push(char::from(b'@' + c as u8));
            }
            c => out.push_str(&format!("<U+{:04X}>", c as u32)),
        }
    }
    Cow::Owned(out)
}

/// JSON output with every character that would act on a terminal written as a `\uXXXX`
/// escape (serde escapes C0 already; C1 and bidi controls pass through it raw). Outside
/// strings JSON holds none of them, so the data is unchanged.
pub fn json(s: String) -> String {
    if !s.chars().any(acts) {
        return s;
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if acts(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_sequences_are_shown_not_acted_on() {
        let hostile =
            "note \u{1b}]0;owned\u{7}\u{1b}[2J \u{9b}31m \u{202e}evil\u{2069} ok\n\tnext\u{7f}";
        let shown = text(hostile);
        assert_eq!(
            shown,
            "note ^[]0;owned^G^[[2J <U+009B>31m <U+202E>evil<U+2069> ok\n\tnext^?"
        );
        assert!(!shown.chars().any(acts));
        assert!(matches!(text("plain 文字\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn json_keeps_its_data_and_escapes_what_acts() {
        let value = serde_json::json!({"note": "a\u{9b}b\u{1b}c\u{202e}d"});
        let out = json(serde_json::to_string(&value).unwrap());
        assert!(!out.chars().any(acts), "{out}");
        let back: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back, value);
    }
}
