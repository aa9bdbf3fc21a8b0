//! Figures in Chinese text, Simplified or Traditional: digits with 万/亿 (`1,557 亿美元`,
//! `2.75 亿`), Chinese numerals (`两千亿美元`, `十三个季度`), `百分之十七`, `三分之一`, `一半`,
//! `个基点`, `个百分点`, years, quarters and dates.

use super::scan::{self, Digits, Draft, char_at, char_before, exact};
use super::zh_numerals as numerals;
use super::zh_units::{self, Unit};
use super::{Currency, Figure, Kind, Weak, en};

/// Currency signs written before a number.
const PREFIXES: &[(&str, Option<Currency>)] = &[
    ("US$", Some(Currency::Usd)),
    ("HK$", Some(Currency::Hkd)),
    ("NT$", Some(Currency::Twd)),
    ("$", Some(Currency::Usd)),
    ("¥", None),
    ("￥", None),
];

/// Characters before a numeral that make it vague or part of a word: `数百`, `几千`, `好几`.
const VAGUE_BEFORE: &str = "数數几幾多好上成";

/// All figures in a Chinese text, in order.
pub(crate) fn extract(text: &str) -> Vec<Figure> {
    let mut drafts = Vec::new();
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        let found = if scan::digit_value(c).is_some() {
            let inside = char_before(text, i).and_then(scan::digit_value).is_some();
            if inside { None } else { digits(text, i) }
        } else if let Some(found) = matches!(c, '百' | '千' | '万' | '萬')
            .then(|| per_part(text, i))
            .flatten()
        {
            Some(found)
        } else if numerals::starts_numeral(c)
            && !char_before(text, i).is_some_and(numerals::is_numeral)
        {
            numeral(text, i)
        } else {
            None
        };
        match found {
            Some((draft, next)) => {
                drafts.extend(draft);
                i = next.max(i + c.len_utf8());
            }
            None => i += c.len_utf8(),
        }
    }
    let mut drafts = scan::settle(drafts);
    scan::spread_ranges(&mut drafts, text, |gap, _| is_connector(gap));
    drafts.into_iter().map(|d| d.finish(text)).collect()
}

/// True when `gap` joins the two ends of a range or a pair sharing a unit: `-`, `至`, `到`,
/// `~`, `和` (`90 个和 70 个基点`).
fn is_connector(gap: &str) -> bool {
    let g = gap.trim();
    let g = g.strip_prefix(['个', '個']).unwrap_or(g).trim();
    matches!(
        g,
        "-" | "－" | "–" | "—" | "~" | "～" | "至" | "到" | "和" | "与" | "與" | "及"
    )
}

/// The figure that starts with digits at `start`, and where to read on.
fn digits(text: &str, start: usize) -> Option<(Option<Draft>, usize)> {
    let d = scan::read_digits(text, start)?;
    if let Some(found) = en::label(text, start, &d) {
        return Some((found, d.end));
    }
    let mut draft = Draft::count(start, d.end, &d);
    let currency = PREFIXES.iter().find(|(p, _)| text[..start].ends_with(p));
    if let Some(&(p, cur)) = currency {
        draft.start -= p.len();
        draft.kind = Kind::Money(cur);
        draft.united = true;
    }
    if en::suffix(text, &mut draft, currency.is_some())? {
        return Some((Some(draft), d.end));
    }
    let tail = zh_units::read_tail(text, &mut draft, true);
    let unit = tail.map(|(u, _)| u);
    let ordinal = text[..start].trim_end().ends_with('第');
    if ordinal && draft.weak.is_none() {
        draft.start = text[..start].trim_end().len() - '第'.len_utf8();
        draft.weak = Some(Weak::Ordinal);
    }
    if draft.weak.is_none() && !draft.scaled && !draft.united {
        draft.weak = plain_weakness(text, start, &d, unit);
        if draft.weak == Some(Weak::Year) {
            draft.kind = Kind::Year;
            if let Some((Unit::Year, end)) = tail {
                draft.end = end;
            }
        }
    }
    Some((Some(draft), d.end))
}

/// Why bare digits are weak: a year, a list marker, a date, a product's version.
fn plain_weakness(text: &str, start: usize, d: &Digits, unit: Option<Unit>) -> Option<Weak> {
    let int = d.decimals == 0 && !d.grouped;
    let year_like = int && d.end - start == 4 && (1900.0..=2100.0).contains(&d.value);
    if year_like && matches!(unit, Some(Unit::Year) | None) {
        return Some(Weak::Year);
    }
    let next = char_at(text, d.end);
    if int && (next == Some('/') || char_before(text, start) == Some('/')) {
        return Some(Weak::Date);
    }
    let before = text[..start].trim_end_matches([' ', '\u{3000}']);
    let line_start = before.is_empty() || before.ends_with('\n');
    if int && line_start && matches!(next, Some('、' | '.' | '．' | ')' | '）')) {
        return Some(Weak::ListMarker);
    }
    let after_latin_word =
        before.len() < start && before.ends_with(|c: char| c.is_ascii_alphanumeric());
    (after_latin_word && unit.is_none()).then_some(Weak::Label)
}

/// `百分之十七`, `千分之五`, `萬分之三` at `start`.
fn per_part(text: &str, start: usize) -> Option<(Option<Draft>, usize)> {
    let rest = &text[start..];
    let (head, factor, kind) = [
        ("百分之", 1.0, Kind::Percent),
        ("千分之", 0.1, Kind::Percent),
        ("万分之", 1.0, Kind::BasisPoints),
        ("萬分之", 1.0, Kind::BasisPoints),
    ]
    .into_iter()
    .find(|(h, _, _)| rest.starts_with(h))?;
    let at = start + head.len();
    let len = numerals::run_len(&text[at..]);
    let run = &text[at..at + len];
    let (value, step) = if run == "百" {
        (100.0, 1.0)
    } else {
        numerals::parse(run)?
    };
    let mut draft = spelled(start, at + len, value * factor, step * factor, kind);
    draft.united = true;
    Some((Some(draft), at + len))
}

/// A figure in Chinese numerals at `start`: `两千亿美元`, `十三个季度`, `三分之一`, `一半`.
fn numeral(text: &str, start: usize) -> Option<(Option<Draft>, usize)> {
    let len = numerals::run_len(&text[start..]);
    let end = start + len;
    let run = &text[start..end];
    if char_before(text, start).is_some_and(|c| VAGUE_BEFORE.contains(c)) {
        return Some((None, end));
    }
    if let Some(found) = fraction(text, start, end) {
        return Some(found);
    }
    if matches!(char_at(text, end), Some('几' | '幾')) {
        return Some((None, end));
    }
    let (value, step) = numerals::parse(run)?;
    let mut draft = spelled(start, end, value, step, Kind::Count);
    if char_before(text, start) == Some('第') {
        return Some((ordinal_quarter(text, draft), end));
    }
    let big = run.chars().any(|c| numerals::big_unit(c).is_some());
    let tail = zh_units::read_tail(text, &mut draft, false);
    let unit = tail.map(|(u, _)| u);
    if let Some((Unit::Year, year_end)) = tail
        && run.chars().count() == 4
        && (1900.0..=2100.0).contains(&value)
    {
        draft.kind = Kind::Year;
        draft.weak = Some(Weak::Year);
        draft.end = year_end;
    }
    let worth =
        draft.weak.is_some() || (value >= 2.0 || big || draft.united) && (big || unit.is_some());
    let next = draft.end.max(end);
    Some((worth.then_some(draft), next))
}

/// `第一季度`, `第四季`: a quarter label; other ordinals in numerals are not kept.
fn ordinal_quarter(text: &str, mut draft: Draft) -> Option<Draft> {
    let rest = &text[draft.end..];
    let season = ["季度", "季"].into_iter().find(|s| rest.starts_with(s))?;
    if !(1.0..=4.0).contains(&draft.number) || rest.starts_with("季节") || rest.starts_with("季節")
    {
        return None;
    }
    draft.start -= '第'.len_utf8();
    draft.end += season.len();
    draft.kind = Kind::Quarter;
    draft.weak = Some(Weak::Quarter);
    Some(draft)
}

/// `三分之一` (a run, 分之, a run) and `一半`.
fn fraction(text: &str, start: usize, end: usize) -> Option<(Option<Draft>, usize)> {
    let run = &text[start..end];
    if run == "一" && char_at(text, end) == Some('半') {
        let stop = end + '半'.len_utf8();
        return Some((
            Some(share(spelled(start, stop, 0.5, 1e-3, Kind::Fraction))),
            stop,
        ));
    }
    let at = end + "分之".len();
    if !text[end..].starts_with("分之") {
        return None;
    }
    let len = numerals::run_len(&text[at..]);
    let (den, _) = numerals::parse(run).filter(|&(d, _)| d > 0.0)?;
    let (num, _) = numerals::parse(&text[at..at + len])?;
    let draft = spelled(start, at + len, num / den, 1e-3, Kind::Fraction);
    Some((Some(share(draft)), at + len))
}

/// Marks a fraction as carrying its own unit.
fn share(mut d: Draft) -> Draft {
    d.united = true;
    d
}

/// A draft for a figure written in Chinese numerals.
fn spelled(start: usize, end: usize, value: f64, step: f64, kind: Kind) -> Draft {
    Draft {
        step,
        kind,
        spelled: true,
        ..Draft::count(start, end, &exact(value))
    }
}

#[cfg(test)]
#[path = "zh_tests.rs"]
mod tests;
