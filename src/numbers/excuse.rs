//! Why an unpaired Chinese figure may be right after all: the English writes its digits where
//! no figure was read (`the low 50s` for `50% 出头`), or names a vague range that holds it
//! (`the mid-teens` for `15%`, `high single digits` for `8%`). Used before calling a figure
//! different or missing, never against a scale slip or transposed digits.

use super::Figure;
use super::scan::digit_value;

/// Vague English ranges, lower case, with the numbers they cover.
const VAGUE: &[(&str, f64, f64)] = &[
    ("single digit", 0.0, 10.0),
    ("single-digit", 0.0, 10.0),
    ("double digit", 10.0, 100.0),
    ("double-digit", 10.0, 100.0),
    ("triple digit", 100.0, 1000.0),
    ("triple-digit", 100.0, 1000.0),
    ("teens", 10.0, 20.0),
    ("twenties", 20.0, 30.0),
    ("thirties", 30.0, 40.0),
    ("forties", 40.0, 50.0),
    ("fifties", 50.0, 60.0),
    ("sixties", 60.0, 70.0),
    ("seventies", 70.0, 80.0),
    ("eighties", 80.0, 90.0),
    ("nineties", 90.0, 100.0),
];

/// True when the English may well say what the Chinese figure says, in a form not read.
pub(crate) fn excused(en_text: &str, en: &[Figure], z: &Figure) -> bool {
    let lit = literal(z);
    !lit.is_empty() && (mentioned(en_text, en, &lit) || within_vague(en_text, &lit))
}

/// The digits a figure was written with, without separators (`1557` for `1,557 亿美元`).
fn literal(z: &Figure) -> String {
    let start = z
        .text
        .find(|c: char| digit_value(c).is_some())
        .unwrap_or(z.text.len());
    z.text[start..]
        .chars()
        .take_while(|&c| digit_value(c).is_some() || matches!(c, ',' | '.' | '．'))
        .filter_map(|c| match c {
            '.' | '．' => Some('.'),
            _ => digit_value(c).and_then(|d| char::from_digit(d, 10)),
        })
        .collect::<String>()
        .trim_end_matches('.')
        .to_string()
}

/// True when `lit` stands alone somewhere in the English that no figure covers.
fn mentioned(en_text: &str, en: &[Figure], lit: &str) -> bool {
    let bytes = en_text.as_bytes();
    en_text.match_indices(lit).any(|(at, _)| {
        let end = at + lit.len();
        let open_before =
            at == 0 || !(bytes[at - 1].is_ascii_digit() || matches!(bytes[at - 1], b'.' | b','));
        let decimal_after =
            bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
        let open_after = !bytes.get(end).is_some_and(u8::is_ascii_digit) && !decimal_after;
        let unread = !en.iter().any(|f| f.range.contains(&at));
        open_before && open_after && unread
    })
}

/// True when the number written lies in a vague range the English names: a decade written
/// `50s`, `the teens`, `single digits`.
fn within_vague(en_text: &str, lit: &str) -> bool {
    let Ok(n) = lit.parse::<f64>() else {
        return false;
    };
    let lower = en_text.to_ascii_lowercase();
    let named = VAGUE
        .iter()
        .any(|&(w, lo, hi)| (lo..hi).contains(&n) && lower.contains(w));
    named || decades(&lower).any(|d| (d..d + 10.0).contains(&n))
}

/// Decades written with digits: `50s`, `1990s`, `the 20's`.
fn decades(text: &str) -> impl Iterator<Item = f64> + '_ {
    let bytes = text.as_bytes();
    text.match_indices('s').filter_map(move |(at, _)| {
        let at = if at > 0 && bytes[at - 1] == b'\'' {
            at - 1
        } else {
            at
        };
        let start = text[..at]
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .len();
        let word_end = !bytes
            .get(at + 1 + usize::from(bytes[at] == b'\''))
            .is_some_and(u8::is_ascii_alphanumeric);
        let d: f64 = text[start..at].parse().ok()?;
        (start < at && word_end && d % 10.0 == 0.0).then_some(d)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbers::extract;
    use crate::transcript::model::Lang;

    /// Whether the Chinese figure alone in `zh` is excused by `en`.
    fn ok(en: &str, zh: &str) -> bool {
        let z = extract(zh, Lang::Zh).remove(0);
        excused(en, &extract(en, Lang::En), &z)
    }

    #[test]
    fn digits_written_where_no_figure_was_read() {
        assert!(ok("the low 50s for the year", "50% 出头"));
        assert!(ok("at 5:00 PM", "下午 5 点"));
        assert!(!ok("up 18% in 19 stores", "19%"));
        assert!(!ok("up 150%", "15%"));
    }

    #[test]
    fn numbers_inside_a_vague_range() {
        assert!(ok("margins in the mid-50s", "55%"));
        assert!(ok("grew in the mid-teens", "增长 15%"));
        assert!(ok("high single-digit growth", "增长 8%"));
        assert!(ok("a multiple in the 20's", "25 倍"));
        assert!(!ok("grew in the mid-teens", "增长 25%"));
        assert!(!ok("mid-50s", "65%"));
    }
}
