//! Figures in English text written with digits: `$155.7 billion`, `17%`, `120 basis points`,
//! `2x`, `Q1`, `2025`; spelled-out numbers come from [`super::en_words`].

use super::scan::{self, Digits, Draft, char_at, char_before};
use super::{Currency, Figure, Kind, Weak, en_words};

/// Currency signs and codes written before a number, longest first.
const PREFIXES: &[(&str, Option<Currency>)] = &[
    ("US$", Some(Currency::Usd)),
    ("HK$", Some(Currency::Hkd)),
    ("NT$", Some(Currency::Twd)),
    ("USD ", Some(Currency::Usd)),
    ("CNY ", Some(Currency::Cny)),
    ("RMB ", Some(Currency::Cny)),
    ("RMB", Some(Currency::Cny)),
    ("HKD ", Some(Currency::Hkd)),
    ("EUR ", Some(Currency::Eur)),
    ("$", Some(Currency::Usd)),
    ("€", Some(Currency::Eur)),
    ("£", Some(Currency::Gbp)),
    ("¥", None),
    ("￥", None),
];

/// Scale words after a number, with their factor.
const SCALES: &[(&str, f64)] = &[
    ("trillion", 1e12),
    ("billion", 1e9),
    ("million", 1e6),
    ("thousand", 1e3),
    ("tn", 1e12),
    ("bn", 1e9),
    ("mn", 1e6),
];

/// Letters glued to a money amount that scale it: `$5B`, `$10M`.
const SUFFIXES: &[(&str, f64)] = &[
    ("bn", 1e9),
    ("mn", 1e6),
    ("tn", 1e12),
    ("MM", 1e6),
    ("B", 1e9),
    ("M", 1e6),
    ("K", 1e3),
    ("k", 1e3),
    ("T", 1e12),
];

/// Unit words after a number (and its scale), with the kind they give and a factor.
const UNITS: &[(&str, Kind, f64)] = &[
    ("%", Kind::Percent, 1.0),
    ("percentage points", Kind::PercentPoints, 1.0),
    ("percentage point", Kind::PercentPoints, 1.0),
    ("percent", Kind::Percent, 1.0),
    ("per cent", Kind::Percent, 1.0),
    ("pct", Kind::Percent, 1.0),
    ("basis points", Kind::BasisPoints, 1.0),
    ("basis point", Kind::BasisPoints, 1.0),
    ("bps", Kind::BasisPoints, 1.0),
    ("bp", Kind::BasisPoints, 1.0),
    ("times", Kind::Multiplier, 1.0),
    ("fold", Kind::Multiplier, 1.0),
    ("points", Kind::PercentPoints, 1.0),
    ("point", Kind::PercentPoints, 1.0),
    ("ppts", Kind::PercentPoints, 1.0),
    ("pts", Kind::PercentPoints, 1.0),
    ("dollars", Kind::Money(Some(Currency::Usd)), 1.0),
    ("dollar", Kind::Money(Some(Currency::Usd)), 1.0),
    ("cents", Kind::Money(Some(Currency::Usd)), 0.01),
    ("cent", Kind::Money(Some(Currency::Usd)), 0.01),
    ("yuan", Kind::Money(Some(Currency::Cny)), 1.0),
    ("RMB", Kind::Money(Some(Currency::Cny)), 1.0),
    ("euros", Kind::Money(Some(Currency::Eur)), 1.0),
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Aug.",
    "Sep.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
];

/// All figures in an English text, in order.
pub(crate) fn extract(text: &str) -> Vec<Figure> {
    let mut drafts = en_words::extract(text);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() || char_before(text, i).is_some_and(|c| c.is_ascii_digit()) {
            i += 1;
            continue;
        }
        let Some(d) = scan::read_digits(text, i) else {
            i += 1;
            continue;
        };
        if let Some(draft) = classify(text, i, &d) {
            drafts.push(draft);
        }
        i = d.end.max(i + 1);
    }
    let mut drafts = scan::settle(drafts);
    scan::spread_ranges(&mut drafts, text, |gap, a_start| {
        is_connector(text, gap, a_start)
    });
    drafts.into_iter().map(|d| d.finish(text)).collect()
}

/// True when `gap` joins the two ends of a range: `-`, `to`, `between … and`.
fn is_connector(text: &str, gap: &str, a_start: usize) -> bool {
    let g = gap.trim().trim_matches('-');
    match g {
        "" => gap.contains('-'),
        "to" | "–" | "—" | "through" => true,
        "and" => text[..a_start].trim_end().ends_with("between"),
        _ => false,
    }
}

/// The figure that the digits at `start` belong to, if they are one.
fn classify(text: &str, start: usize, d: &Digits) -> Option<Draft> {
    if let Some(draft) = label(text, start, d) {
        return draft;
    }
    let mut draft = Draft::count(start, d.end, d);
    let currency = prefix(text, start);
    if let Some((len, cur)) = currency {
        draft.start -= len;
        draft.kind = Kind::Money(cur);
        draft.united = true;
    }
    if !suffix(text, &mut draft, currency.is_some())? {
        scale_and_unit(text, &mut draft);
    }
    if draft.weak.is_none() && !draft.scaled && !draft.united {
        draft.weak = plain_weakness(text, start, d);
        if draft.weak == Some(Weak::Year) {
            draft.kind = Kind::Year;
        }
    }
    Some(draft)
}

/// Digits that are part of a label: `Q1`, `1Q`, `FY25`, `H2`, `EC2`, `10-K`, `5:00`.
/// `Some(None)` drops them; `Some(Some(d))` is a weak figure; `None` reads on.
pub(crate) fn label(text: &str, start: usize, d: &Digits) -> Option<Option<Draft>> {
    let prev = char_before(text, start);
    let next = char_at(text, d.end);
    let before_prev = prev.and_then(|c| char_before(text, start - c.len_utf8()));
    let free = |c: Option<char>| !c.is_some_and(|c| c.is_ascii_alphanumeric());
    let small = d.decimals == 0 && (1.0..=4.0).contains(&d.value);
    if prev == Some('Q') && small && free(before_prev) && free(next) {
        return Some(Some(Draft::weak(
            start - 1,
            d.end,
            d.value,
            Kind::Quarter,
            Weak::Quarter,
        )));
    }
    if next == Some('Q') && small && free(prev) && free(char_at(text, d.end + 1)) {
        return Some(Some(Draft::weak(
            start,
            d.end + 1,
            d.value,
            Kind::Quarter,
            Weak::Quarter,
        )));
    }
    if text[..start].ends_with("FY") && free(next) && d.decimals == 0 {
        let year = if d.value < 100.0 {
            2000.0 + d.value
        } else {
            d.value
        };
        return Some(Some(Draft::weak(
            start - 2,
            d.end,
            year,
            Kind::Year,
            Weak::Year,
        )));
    }
    if matches!(prev, Some('\'' | '’')) && d.end - start == 2 && free(before_prev) {
        let len = prev.map_or(1, char::len_utf8);
        return Some(Some(Draft::weak(
            start - len,
            d.end,
            2000.0 + d.value,
            Kind::Year,
            Weak::Year,
        )));
    }
    let glued = prev.is_some_and(|c| c.is_ascii_alphabetic())
        || (prev == Some('-') && code_before(&text[..start - 1]))
        || leading_zero(text, start, d)
        || (prev == Some('.') && before_prev.is_some_and(|c| c.is_ascii_digit()))
        || prev == Some(':')
        || next == Some(':') && char_at(text, d.end + 1).is_some_and(|c| c.is_ascii_digit())
        || is_form_code(text, d.end);
    glued.then_some(None)
}

/// True when `before` ends with a code with capitals (`COVID`, `GPT`): `COVID-19`, `GPT-4`.
fn code_before(before: &str) -> bool {
    let word = &before[before
        .trim_end_matches(|c: char| c.is_ascii_alphanumeric())
        .len()..];
    word.starts_with(|c: char| c.is_ascii_alphabetic())
        && word.contains(|c: char| c.is_ascii_uppercase())
}

/// True for an integer written with a leading zero (`007`, `0800`): a code, not a quantity.
fn leading_zero(text: &str, start: usize, d: &Digits) -> bool {
    let b = text.as_bytes();
    b[start] == b'0' && d.decimals == 0 && b.get(start + 1).is_some_and(u8::is_ascii_digit)
}

/// True when `-K` style code letters follow (`10-K`, `8-K`, `10-Q`).
fn is_form_code(text: &str, end: usize) -> bool {
    let rest = &text.as_bytes()[end..];
    rest.first() == Some(&b'-')
        && rest.get(1).is_some_and(u8::is_ascii_uppercase)
        && !rest.get(2).is_some_and(u8::is_ascii_alphabetic)
}

/// The currency written just before `start`, with its length in bytes.
fn prefix(text: &str, start: usize) -> Option<(usize, Option<Currency>)> {
    let before = &text[..start];
    PREFIXES.iter().find_map(|&(p, cur)| {
        let glued = before.ends_with(p);
        let ok = glued
            && (p.len() == 1 || !p.starts_with(|c: char| c.is_ascii_alphabetic()) || {
                let rest = &before[..before.len() - p.len()];
                !rest.ends_with(|c: char| c.is_ascii_alphabetic())
            });
        ok.then_some((p.len(), cur))
    })
}

/// Letters glued to the number: `2x`, `1st`, `$5B`. `Some(true)` when they were taken,
/// `Some(false)` when there are none, `None` when they make the number an identifier.
pub(crate) fn suffix(text: &str, draft: &mut Draft, money: bool) -> Option<bool> {
    let rest = &text[draft.end..];
    let letters = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    if letters == 0 {
        return Some(false);
    }
    let word = &rest[..letters];
    if matches!(word, "x" | "X") {
        draft.kind = Kind::Multiplier;
        draft.united = true;
    } else if matches!(word, "st" | "nd" | "rd" | "th") && draft.step == 1.0 && !money {
        draft.weak = Some(Weak::Ordinal);
    } else if let (true, Some(&(_, f))) = (money, SUFFIXES.iter().find(|(s, _)| *s == word)) {
        draft.scale = f;
        draft.scaled = true;
    } else {
        return None;
    }
    draft.end += letters;
    Some(true)
}

/// Reads a scale word and a unit after the number: `billion`, `%`, `basis points`.
fn scale_and_unit(text: &str, draft: &mut Draft) {
    if let Some((len, f)) = word_after(text, draft.end, SCALES.iter().map(|&(w, f)| (w, f))) {
        draft.end += len;
        draft.scale = f;
        draft.scaled = true;
    }
    let plus = plus_after(text, draft.end);
    if let Some((len, kind, f)) = unit_after(text, draft.end + plus) {
        draft.end += plus;
        let money_word = matches!(kind, Kind::Money(_));
        if money_word && matches!(draft.kind, Kind::Money(Some(_))) && f == 1.0 {
            return;
        }
        draft.end += len;
        draft.kind = kind;
        draft.scale *= f;
        draft.united = true;
    }
}

/// The length of a `-plus`, ` plus` or `+` after a number, 0 when there is none.
fn plus_after(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    ["-plus", " plus", "+"]
        .into_iter()
        .find(|p| rest.starts_with(p))
        .map_or(0, str::len)
}

/// A unit word after `at` (`%`, `percent`, `basis points`, `dollars`): length, kind, factor.
/// `times` counts occasions before `a day`, `in a row` or the end of a clause, else it is a
/// multiple (`3 times faster`, `2 times the size`, `1.5 times increase`).
pub(crate) fn unit_after(text: &str, at: usize) -> Option<(usize, Kind, f64)> {
    let units = UNITS.iter().map(|&(w, k, f)| (w, (k, f)));
    let (len, (kind, f)) = word_after(text, at, units)?;
    let times = text[at..at + len].ends_with("times");
    if times && occasions_after(&text[at + len..]) {
        return Some((len, Kind::Count, f));
    }
    Some((len, kind, f))
}

/// True when `rest`, after `times`, makes it a count of occasions: no word follows, or a
/// word of frequency (`a day`, `per year`, `in a row`, `since`).
fn occasions_after(rest: &str) -> bool {
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    let word: String = rest.chars().take_while(char::is_ascii_alphabetic).collect();
    let word = word.to_ascii_lowercase();
    word.is_empty()
        || matches!(
            word.as_str(),
            "a" | "an"
                | "per"
                | "each"
                | "every"
                | "in"
                | "this"
                | "that"
                | "since"
                | "already"
                | "before"
                | "now"
                | "so"
                | "during"
                | "when"
                | "and"
                | "or"
                | "on"
                | "at"
                | "last"
                | "over"
        )
}

/// The first of `words` after `at` (past one space or hyphen) that ends at a word boundary,
/// with the length taken from `at`.
fn word_after<T>(
    text: &str,
    at: usize,
    words: impl Iterator<Item = (&'static str, T)>,
) -> Option<(usize, T)> {
    let rest = &text[at..];
    let skip = match rest.as_bytes().first() {
        Some(b' ' | b'-') => 1,
        _ => 0,
    };
    let rest = &rest[skip..];
    words.into_iter().find_map(|(w, t)| {
        let hit = rest
            .get(..w.len())
            .is_some_and(|r| r.eq_ignore_ascii_case(w));
        let tail = rest.get(w.len()..).unwrap_or_default();
        let bounded = w == "%" || !tail.starts_with(|c: char| c.is_ascii_alphanumeric());
        (hit && bounded).then_some((skip + w.len(), t))
    })
}

/// Why a bare number is weak: a year, a day after a month name, a list marker.
fn plain_weakness(text: &str, start: usize, d: &Digits) -> Option<Weak> {
    let int = d.decimals == 0 && !d.grouped;
    if int && d.end - start == 4 && (1900.0..=2100.0).contains(&d.value) {
        return Some(Weak::Year);
    }
    let before = text[..start].trim_end_matches(' ');
    if int && d.value <= 31.0 && MONTHS.iter().any(|m| before.ends_with(m)) {
        return Some(Weak::Date);
    }
    if int && char_at(text, d.end) == Some('/') || char_before(text, start) == Some('/') {
        return Some(Weak::Date);
    }
    let line_start = before.is_empty() || before.ends_with('\n');
    let marker = matches!(char_at(text, d.end), Some('.' | ')'))
        && matches!(char_at(text, d.end + 1), Some(' ') | None);
    if int && line_start && marker {
        return Some(Weak::ListMarker);
    }
    let word = &before[before
        .trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .len()..];
    let named = before.len() + 1 == start
        && word.len() >= 2
        && word.starts_with(|c: char| c.is_ascii_uppercase());
    named.then_some(Weak::Label)
}

#[cfg(test)]
#[path = "en_tests.rs"]
mod tests;
