//! Text cleaning: newlines, spacing characters, invisible and control characters, terminal escapes.
//!
//! Rules, in order of application:
//! - CRLF and lone CR become LF; vertical tab, NEL, U+2028 and U+2029 become LF too.
//! - Terminal escape sequences are removed whole, payload included: CSI (`ESC [` … final byte),
//!   OSC/DCS/SOS/PM/APC strings (`ESC ]` … BEL or `ESC \`, cut short at a newline), two- and
//!   three-character escapes (`ESC 7`, `ESC ( B`), and their C1 forms (U+009B, U+009D, ...).
//! - Spacing characters (NBSP, figure space, narrow NBSP, en/em/thin spaces, ideographic space
//!   U+3000) become a plain space.
//! - Invisible characters are removed: zero-width space/non-joiner/joiner, word joiner, BOM
//!   (U+FEFF) anywhere, soft hyphen, LRM/RLM/ALM and the bidi embedding, override and isolate
//!   controls (U+202A–U+202E, U+2066–U+2069), which could reorder terminal output.
//! - Every other control character except `\n` is removed (C0, DEL, C1, form feed).
//! - Tabs: those in a line's leading indentation expand to the next multiple of
//!   [`TAB_WIDTH`] columns; any other tab becomes one space.
//! - Trailing whitespace is trimmed from every line; leading spaces are kept (layout).

use std::borrow::Cow;
use std::iter::Peekable;
use std::str::Chars;

/// Tab stop width used for tabs in leading indentation.
pub const TAB_WIDTH: usize = 4;

/// [`normalize`], taking the text: when no pass changes it, it is returned as it came, no
/// copy made; a pass that changes it lets the text before go.
pub fn normalize_owned(text: String) -> String {
    let stripped = match strip_chars(&text) {
        Cow::Owned(changed) => Some(changed),
        Cow::Borrowed(_) => None,
    };
    let mut text = stripped.unwrap_or(text);
    if has_live_quote(&text) {
        text = drop_live_quotes(&text);
    }
    let tidied = match tidy_lines(&text) {
        Cow::Owned(tidy) => Some(tidy),
        Cow::Borrowed(_) => None,
    };
    tidied.unwrap_or(text)
}

/// Applies every cleaning rule (see the module docs).
pub fn normalize(text: &str) -> String {
    // One pass at a time, each copy dropped before the next is made, and no copy made by a
    // pass that changes nothing: a 20 MB file is held twice over (three times at most).
    let text = strip_chars(text);
    let text = match has_live_quote(&text) {
        true => Cow::Owned(drop_live_quotes(&text)),
        false => text,
    };
    match tidy_lines(&text) {
        Cow::Owned(tidy) => tidy,
        Cow::Borrowed(_) => text.into_owned(),
    }
}

/// True when [`drop_live_quotes`] would drop something (its first drop is found in the text
/// as it is, nothing having been dropped before it).
fn has_live_quote(text: &str) -> bool {
    let mut from = 0;
    while let Some(at) = next_open(&text[from..]) {
        let open_at = from + at;
        if quote_may_follow(&text[..open_at]) && quote_len(&text[open_at..]).is_some() {
            return true;
        }
        from = open_at + text[open_at..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// Removes the live stock quotes Chinese news sites insert after a company's name, even
/// inside a word: `微软(406.32, 7.28, 1.82%)发布` → `微软发布`. A quote is three numbers, the
/// last a percentage, in parentheses right after a Han character, or right after a Latin
/// name in a line of Chinese (`SAP(186.18, 1.09, 0.59%)，`).
fn drop_live_quotes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = next_open(rest) {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        match quote_len(from).filter(|_| quote_may_follow(&out)) {
            Some(len) => rest = &from[len..],
            None => {
                let open = from.chars().next().map_or(1, char::len_utf8);
                out.push_str(&from[..open]);
                rest = &from[open..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Where the first opening parenthesis, `(` or `（`, is in `text`.
fn next_open(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    // `（` is EF BC 88 in UTF-8.
    memchr::memchr2_iter(b'(', 0xEF, bytes)
        .find(|&i| bytes[i] == b'(' || bytes[i..].starts_with("（".as_bytes()))
}

/// True when a live quote may follow `before`: it ends with a Han character, or with a
/// letter or digit (no space) on a line that has Han characters.
fn quote_may_follow(before: &str) -> bool {
    if ends_with_han(before) {
        return true;
    }
    if !before.ends_with(|c: char| c.is_ascii_alphanumeric()) {
        return false;
    }
    // The line so far, no more than its last 600 bytes (each parenthesis looks back a
    // bounded way, however long the line).
    let start = before.len().saturating_sub(600);
    let start = (start..before.len())
        .find(|&i| before.is_char_boundary(i))
        .unwrap_or(before.len());
    let tail = &before[start..];
    let line = &tail[tail.rfind('\n').map_or(0, |i| i + 1)..];
    line.chars().any(han)
}

/// True when `text` ends with a Han character.
fn ends_with_han(text: &str) -> bool {
    text.chars().next_back().is_some_and(han)
}

/// True for a Han character (the unified block and extension A).
fn han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// The longest text between a quote's parentheses, in bytes: three numbers with their
/// separators fit many times over, and a parenthesis never closed is not read to the end of
/// the text (which made a text of many such parentheses take quadratic time).
const QUOTE_MAX: usize = 80;

/// The length of the live quote `text` starts with (parentheses included), if it starts
/// with one.
fn quote_len(text: &str) -> Option<usize> {
    let open = text
        .chars()
        .next()
        .filter(|c| matches!(c, '(' | '（'))?
        .len_utf8();
    let (end, close) = text[open..]
        .char_indices()
        .take_while(|&(i, _)| i <= QUOTE_MAX)
        .find(|&(_, c)| matches!(c, ')' | '）'))?;
    is_quote(&text[open..open + end]).then_some(open + end + close.len_utf8())
}

/// True for `406.32, 7.28, 1.82%` (signs allowed): a price, a change, a percentage.
fn is_quote(inner: &str) -> bool {
    let parts: Vec<&str> = inner.split([',', '，']).map(str::trim).collect();
    let number = |p: &str| {
        let p = p.trim_start_matches(['+', '-', '−']);
        !p.is_empty() && p.contains('.') && p.chars().all(|c| c.is_ascii_digit() || c == '.')
    };
    matches!(parts.as_slice(), [price, change, pct]
        if number(price) && number(change) && pct.strip_suffix('%').is_some_and(number))
}

/// Where the first character that [`strip_plain`] changes starts, if one does (Chinese text
/// has many bytes to look at closely and, as a rule, nothing to change).
fn first_change(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(|&b| LOOK_CLOSER[usize::from(b)]) {
        let at = i + off;
        let c = text[at..].chars().next()?;
        if c == '\r' || map_char(c) != Some(c) {
            return Some(at);
        }
        i = at + c.len_utf8();
    }
    None
}

/// Character pass: newlines, escapes, spaces, invisible and control characters.
fn strip_chars(text: &str) -> Cow<'_, str> {
    if has_escape(text) {
        Cow::Owned(strip_escaped(text))
    } else {
        strip_plain(text)
    }
}

/// [`strip_chars`] character by character, escape sequences and control strings included.
fn strip_escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\u{1B}' => skip_escape(&mut chars),
            '\u{9B}' => skip_csi(&mut chars),
            '\u{90}' | '\u{98}' | '\u{9D}' | '\u{9E}' | '\u{9F}' => skip_string(&mut chars),
            _ => out.extend(map_char(c)),
        }
    }
    out
}

/// True when `text` holds an ESC or a C1 control that starts an escape sequence or a control
/// string (those need [`strip_chars`]'s character-by-character reading).
fn has_escape(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr(0x1B, bytes).is_some()
        || memchr::memchr_iter(0xC2, bytes)
            .any(|i| matches!(bytes.get(i + 1), Some(0x90 | 0x98 | 0x9B | 0x9D..=0x9F)))
}

/// The bytes [`strip_plain`] looks at closely (see there).
const LOOK_CLOSER: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(b, 0x00..=0x08 | 0x0B..=0x1F | 0x7F | 0xC2 | 0xD8 | 0xE2 | 0xE3 | 0xEF);
        b += 1;
    }
    table
};

/// [`strip_chars`] for a text without escapes: runs of characters that stay as they are are
/// copied whole, and only bytes that may start a character to change are looked at closely
/// (ASCII controls, and the lead bytes of U+0080–U+00BF, U+0600–U+063F, U+2000–U+3FFF and
/// U+F000–U+FFFF, where every character [`map_char`] changes lies).
fn strip_plain(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let Some(first) = first_change(text) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    let (mut run, mut i) = (0, first);
    while i < bytes.len() {
        if !LOOK_CLOSER[usize::from(bytes[i])] {
            i += 1;
            continue;
        }
        out.push_str(&text[run..i]);
        let c = text[i..].chars().next().unwrap_or_default();
        i += c.len_utf8();
        if c == '\r' {
            out.push('\n');
            if bytes.get(i) == Some(&b'\n') {
                i += 1;
            }
        } else {
            out.extend(map_char(c));
        }
        run = i;
    }
    out.push_str(&text[run..]);
    Cow::Owned(out)
}

/// What a single character becomes: itself, a replacement, or nothing.
fn map_char(c: char) -> Option<char> {
    match c {
        '\n' | '\t' => Some(c),
        '\u{0B}' | '\u{85}' | '\u{2028}' | '\u{2029}' => Some('\n'),
        '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => Some(' '),
        _ if is_invisible(c) || c.is_control() => None,
        _ => Some(c),
    }
}

/// Zero-width, BOM, soft hyphen and bidirectional formatting characters.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{61C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// Skips what follows an ESC: a CSI, a control string, or a short escape.
fn skip_escape(chars: &mut Peekable<Chars<'_>>) {
    match chars.peek() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string(chars);
        }
        Some(' '..='/') => {
            while chars.next_if(|c| matches!(c, ' '..='/')).is_some() {}
            chars.next_if(|c| matches!(c, '0'..='~'));
        }
        Some('0'..='~') => {
            chars.next();
        }
        _ => {}
    }
}

/// Skips a CSI body: parameter and intermediate bytes, then one final byte.
fn skip_csi(chars: &mut Peekable<Chars<'_>>) {
    while chars.next_if(|c| matches!(c, ' '..='?')).is_some() {}
    chars.next_if(|c| matches!(c, '@'..='~'));
}

/// Skips a control string up to BEL or ST; stops before ESC (the `ESC \` is skipped next) or a newline.
fn skip_string(chars: &mut Peekable<Chars<'_>>) {
    while let Some(c) = chars.next_if(|c| !matches!(c, '\u{1B}' | '\n' | '\r')) {
        if matches!(c, '\u{07}' | '\u{9C}') {
            return;
        }
    }
}

/// Line pass: expands indentation tabs, turns other tabs into spaces, trims line ends.
fn tidy_lines(text: &str) -> Cow<'_, str> {
    let untidy = |l: &str| l.contains('\t') || l.len() != l.trim_end().len();
    if !text.split('\n').any(untidy) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        push_line(&mut out, line);
    }
    Cow::Owned(out)
}

/// Appends one cleaned line (no newline) to `out`.
fn push_line(out: &mut String, line: &str) {
    if !line.contains('\t') {
        out.push_str(line.trim_end());
        return;
    }
    let body = line.trim_start_matches([' ', '\t']);
    let indent = &line[..line.len() - body.len()];
    let start = out.len();
    let mut column = 0;
    for c in indent.chars() {
        let next = if c == '\t' {
            (column / TAB_WIDTH + 1) * TAB_WIDTH
        } else {
            column + 1
        };
        out.extend(std::iter::repeat_n(' ', next - column));
        column = next;
    }
    out.extend(body.chars().map(|c| if c == '\t' { ' ' } else { c }));
    let kept = out[start..].trim_end().len();
    out.truncate(start + kept);
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    /// Characters around every one the character pass changes, and plain ones.
    fn tricky() -> impl Strategy<Value = String> {
        let chars: Vec<char> =
            "a Z\n\t\r\u{0}\u{7}\u{b}\u{c}\u{7f}\u{80}\u{85}\u{9c}\u{a0}\u{ad}\u{bf}\
             \u{600}\u{61c}\u{1fff}\u{2000}\u{200b}\u{200f}\u{2014}\u{201c}\u{2028}\u{202e}\
             \u{202f}\u{205f}\u{2060}\u{2069}\u{3000}\u{3001}\u{3002}\u{4e2d}\u{e000}\u{feff}\
             \u{ff1a}\u{fffd}\u{1f600}"
                .chars()
                .collect();
        proptest::collection::vec(proptest::sample::select(chars), 0..40)
            .prop_map(|v| v.into_iter().collect())
    }

    proptest! {
        #[test]
        fn the_quick_pass_reads_as_the_careful_one(text in tricky()) {
            prop_assert!(!super::has_escape(&text));
            let careful = super::strip_escaped(&text);
            let quick = super::strip_plain(&text);
            // A copy is made only when something changes.
            prop_assert_eq!(matches!(quick, std::borrow::Cow::Borrowed(_)), careful == text);
            prop_assert_eq!(quick, careful.as_str());
        }

        #[test]
        fn cleaning_a_taken_text_gives_what_cleaning_a_borrowed_one_does(
            text in tricky(),
            tail in proptest::sample::select(vec!["", "  \n", "微软(1.0, 2.0, 3.0%)", "\u{1b}[1m"]),
        ) {
            let text = format!("{text}{tail}");
            prop_assert_eq!(super::normalize_owned(text.clone()), super::normalize(&text));
        }
    }

    #[test]
    fn a_quote_is_looked_for_only_near_its_opening_parenthesis() {
        assert_eq!(super::quote_len("(1.0, 2.0, 3.0%)发布"), Some(16));
        assert_eq!(super::quote_len("（1.0，2.0，3.0%）"), Some(22));
        let spaced = format!("({}1.0, 2.0, 3.0%)", " ".repeat(super::QUOTE_MAX));
        assert_eq!(super::quote_len(&spaced), None);
        // Parentheses never closed: each is read no further than the window.
        let open = "微软(".repeat(10_000);
        assert!(!has_live_quote(&open));
        assert_eq!(normalize(&open), open);
    }

    #[test]
    fn escapes_take_the_careful_pass() {
        assert!(super::has_escape("a\u{1b}[0m"));
        assert!(super::has_escape("a\u{9b}31m"));
        assert!(super::has_escape("\u{9d}0;t\u{7}"));
        assert!(!super::has_escape("\u{a0}\u{85}\u{9c}"));
    }
    #[test]
    fn live_quotes_go_and_other_brackets_stay() {
        assert_eq!(
            normalize("微软(406.32, 7.28, 1.82%)发布，MSFT (406.32, 7.28, 1.82%) 不变"),
            "微软发布，MSFT (406.32, 7.28, 1.82%) 不变"
        );
        assert_eq!(
            normalize("瑞银（1.5，-0.1，-0.4%）（2.5, 1.0, 3.0%）分析师"),
            "瑞银分析师"
        );
        let plain = "增长(约 15%)与收入（年度）";
        assert_eq!(normalize(plain), plain);
        assert!(!has_live_quote(plain));
    }

    use super::{has_live_quote, normalize};

    #[test]
    fn live_stock_quotes_are_removed_even_inside_a_word() {
        assert_eq!(
            normalize(
                "微软(406.32, 7.28, 1.82%)发布了财报，检索增强生(146.14, -0.68, -0.46%)成。\n"
            ),
            "微软发布了财报，检索增强生成。\n"
        );
        let kept = "Margin (12.5, 3.1, 2.0%) held; 微软（首席执行官）说。\n";
        assert_eq!(normalize(kept), kept);
        // After a Latin name in a line of Chinese, with no space before it.
        assert_eq!(
            normalize("例如SAP(186.18, 1.09, 0.59%)，Salesforce(274.29, 1.15, 0.42%)等。\n"),
            "例如SAP，Salesforce等。\n"
        );
        let english = "Margin(12.5, 3.1, 2.0%) held.\n";
        assert_eq!(normalize(english), english, "a line without Chinese");
    }

    #[test]
    fn newlines_are_unified() {
        assert_eq!(normalize("a\r\nb\rc\nd"), "a\nb\nc\nd");
        assert_eq!(normalize("a\r\r\nb"), "a\n\nb");
        assert_eq!(normalize("a\u{2028}b\u{85}c"), "a\nb\nc");
    }

    #[test]
    fn csi_sequences_vanish() {
        assert_eq!(normalize("\u{1b}[1;31mRed\u{1b}[0m text"), "Red text");
        assert_eq!(normalize("\u{1b}[?25lhidden cursor"), "hidden cursor");
        assert_eq!(normalize("\u{9b}31mC1 form"), "C1 form");
    }

    #[test]
    fn osc_payloads_do_not_leak() {
        let link = "\u{1b}]8;;https://evil.example/\u{1b}\\click\u{1b}]8;;\u{1b}\\ here";
        assert_eq!(normalize(link), "click here");
        assert_eq!(normalize("a\u{1b}]52;c;ZXZpbA==\u{7}b"), "ab");
        assert_eq!(normalize("\u{1b}]0;title\u{9c}text"), "text");
    }

    #[test]
    fn unterminated_osc_stops_at_newline() {
        assert_eq!(normalize("x\u{1b}]2;never ends\nnext line"), "x\nnext line");
    }

    #[test]
    fn short_escapes_vanish() {
        assert_eq!(normalize("\u{1b}(Bplain\u{1b}7\u{1b}c"), "plain");
        assert_eq!(normalize("lone\u{1b}"), "lone");
        assert_eq!(normalize("\u{1b}\u{1b}[0mx"), "x");
    }

    #[test]
    fn spacing_characters_become_spaces() {
        assert_eq!(normalize("a\u{a0}b\u{2007}c\u{202f}d"), "a b c d");
        assert_eq!(
            normalize("\u{3000}\u{3000}各位好，欢迎参加。"),
            "  各位好，欢迎参加。"
        );
    }

    #[test]
    fn invisible_characters_are_removed() {
        assert_eq!(
            normalize("\u{feff}zero\u{200b}width\u{200d}join\u{ad}er"),
            "zerowidthjoiner"
        );
        assert_eq!(
            normalize("\u{202e}evil\u{202c} \u{2066}iso\u{2069}"),
            "evil iso"
        );
    }

    #[test]
    fn controls_other_than_newline_are_removed() {
        assert_eq!(
            normalize("a\u{0}b\u{7}c\u{7f}d\u{80}e\u{9c}f\u{c}g"),
            "abcdefg"
        );
    }

    #[test]
    fn tabs_expand_only_in_indentation() {
        assert_eq!(normalize("\tQ1"), "    Q1");
        assert_eq!(normalize("  \tQ1"), "    Q1");
        assert_eq!(normalize("Name\tTitle"), "Name Title");
    }

    #[test]
    fn trailing_whitespace_goes_leading_stays() {
        assert_eq!(normalize("  keep  \t\u{a0}\nnext \u{3000}"), "  keep\nnext");
    }

    #[test]
    fn meaningful_punctuation_is_untouched() {
        let text = "问：（第三季度）收入如何？答：增长12%，谢谢！";
        assert_eq!(normalize(text), text);
    }
}
