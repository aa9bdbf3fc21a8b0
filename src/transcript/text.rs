//! Character and line classification shared by the parsers.

/// The dominant script of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Latin letters, no (or almost no) Han characters.
    En,
    /// Han characters dominate.
    Zh,
    /// Neither: digits, punctuation, symbols.
    None,
}

/// True for a Han (CJK ideograph) character.
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Classifies a line by the characters it is written in.
pub fn script(text: &str) -> Script {
    let bytes = text.as_bytes();
    let latin = bytes.iter().filter(|b| b.is_ascii_alphabetic()).count();
    // Han characters begin with a byte from E3 on (U+3000 and up): an English line has none.
    let han = if bytes.iter().any(|&b| b >= 0xE3) {
        text.chars().filter(|&c| is_han(c)).count()
    } else {
        0
    };
    if han > 0 && han * 4 >= latin {
        Script::Zh
    } else if latin > 0 {
        Script::En
    } else {
        Script::None
    }
}

/// Characters that end a sentence in either language.
pub fn is_terminal_punct(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '。'
            | '！'
            | '？'
            | '…'
            | ';'
            | '；'
            | '"'
            | '”'
            | '」'
            | '』'
            | ')'
            | '）'
    )
}

/// Punctuation that never occurs inside a person's name.
pub fn is_sentence_punct(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '。'
            | '！'
            | '？'
            | ','
            | '，'
            | '、'
            | ';'
            | '；'
            | ':'
            | '：'
            | '"'
            | '“'
            | '”'
            | '「'
            | '」'
            | '《'
            | '》'
            | '%'
            | '$'
            | '('
            | ')'
            | '（'
            | '）'
            | '['
            | ']'
            | '【'
            | '】'
            | '/'
            | '='
            | '+'
            | '*'
            | '#'
            | '|'
            | '>'
            | '<'
            | '…'
    )
}

/// The middle dots used between the parts of a transliterated name.
pub fn is_name_dot(c: char) -> bool {
    matches!(c, '·' | '・' | '•' | '‧' | '∙' | '･' | '.')
}

/// True when `text` ends with a colon (ASCII or full width).
pub fn ends_with_colon(text: &str) -> bool {
    text.ends_with(':') || text.ends_with('：')
}

/// Strips a trailing colon (ASCII or full width) and the spaces before it.
pub fn strip_colon(text: &str) -> &str {
    text.trim_end().trim_end_matches([':', '：']).trim_end()
}

/// Collapses runs of white space into single spaces and trims.
pub fn squash_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Number of Han characters in `text`.
pub fn han_count(text: &str) -> usize {
    text.chars().filter(|&c| is_han(c)).count()
}

/// Character length (not bytes).
pub fn char_len(text: &str) -> usize {
    text.chars().count()
}

/// True when `text` holds `word` (ASCII letters), in any case: a quick test before a
/// case-insensitive pattern is run.
pub fn contains_ignoring_case(text: &str, word: &str) -> bool {
    text.as_bytes()
        .windows(word.len())
        .any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
}

/// True when each named group of `c` that matched is at most so many characters long. Patterns
/// leave such bounds to this check: a counted repetition (`[^:：]{1,60}`) multiplies the states
/// a pattern tracks at every character it reads.
pub fn within(c: &regex_lite::Captures<'_>, limits: &[(&str, usize)]) -> bool {
    limits.iter().all(|&(group, most)| {
        c.name(group)
            .is_none_or(|m| m.as_str().chars().count() <= most)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Lines of Han (every block), Latin and other characters: counting by first bytes
        /// classifies them as reading each character does.
        #[test]
        fn a_line_is_classified_as_reading_every_character_does(
            chars in proptest::collection::vec(proptest::sample::select(vec![
                'a', 'Z', ' ', '1', 'é', '\u{3000}', '\u{33ff}', '\u{3400}', '\u{4dbf}', '\u{4dc0}',
                '中', '\u{9fff}', '\u{a000}', '\u{f8ff}', '\u{f900}', '\u{faff}', '\u{ff0c}',
                '\u{1f600}', '\u{20000}', '\u{2fa1f}', '\u{2fa20}', '\u{30000}',
            ]), 0..30),
        ) {
            let text: String = chars.into_iter().collect();
            let han = text.chars().filter(|&c| is_han(c)).count();
            let latin = text.chars().filter(char::is_ascii_alphabetic).count();
            let plainly = if han > 0 && han * 4 >= latin {
                Script::Zh
            } else if latin > 0 {
                Script::En
            } else {
                Script::None
            };
            proptest::prop_assert_eq!(script(&text), plainly);
        }
    }

    #[test]
    fn scripts() {
        assert_eq!(script("Thanks, Dave. Revenue grew 12%."), Script::En);
        assert_eq!(
            script("謝謝,Dave。我們本季度的營收為 2,134 億美元"),
            Script::Zh
        );
        assert_eq!(script("AWS 的增长持续加速至 24%"), Script::Zh);
        assert_eq!(script("2,134 — 12%"), Script::None);
        assert_eq!(script("戴夫·菲尔兹"), Script::Zh);
    }

    #[test]
    fn colon_helpers() {
        assert!(ends_with_colon("作者說明:"));
        assert!(ends_with_colon("Note："));
        assert_eq!(strip_colon("作者說明 ："), "作者說明");
        assert_eq!(squash_spaces("  a \t b  "), "a b");
    }
}
