//! What follows a number in Chinese: approximation marks (`多`), scale characters (`亿`,
//! `万亿`, `百萬`), and units, currencies and measure words (`美元`, `个百分点`, `季度`, `个`).

use super::scan::{Draft, char_at};
use super::zh_numerals::big_unit;
use super::{Currency, Kind, Weak};

/// What a word after a number says about it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Unit {
    /// The kind it gives, and a factor (0.01 for 美分).
    Is(Kind, f64),
    /// 年: a year when the number looks like one, else a count of years.
    Year,
    /// 月: a month (not 个月).
    Month,
    /// 日, 号: a day of the month.
    Day,
    /// 季度 without 个: a quarter label.
    Quarter,
    /// A measure word (个, 位, 家, 个季度): a count of something.
    Measure,
}

const USD: Kind = Kind::Money(Some(Currency::Usd));
const CNY: Kind = Kind::Money(Some(Currency::Cny));
const HKD: Kind = Kind::Money(Some(Currency::Hkd));
const TWD: Kind = Kind::Money(Some(Currency::Twd));

/// Units, longest first where one begins another.
const UNITS: &[(&str, Unit)] = &[
    ("个百分点", Unit::Is(Kind::PercentPoints, 1.0)),
    ("個百分點", Unit::Is(Kind::PercentPoints, 1.0)),
    ("百分点", Unit::Is(Kind::PercentPoints, 1.0)),
    ("百分點", Unit::Is(Kind::PercentPoints, 1.0)),
    ("个基点", Unit::Is(Kind::BasisPoints, 1.0)),
    ("個基點", Unit::Is(Kind::BasisPoints, 1.0)),
    ("基点", Unit::Is(Kind::BasisPoints, 1.0)),
    ("基點", Unit::Is(Kind::BasisPoints, 1.0)),
    ("%", Unit::Is(Kind::Percent, 1.0)),
    ("％", Unit::Is(Kind::Percent, 1.0)),
    ("倍", Unit::Is(Kind::Multiplier, 1.0)),
    ("美元", Unit::Is(USD, 1.0)),
    ("美金", Unit::Is(USD, 1.0)),
    ("美分", Unit::Is(USD, 0.01)),
    ("港元", Unit::Is(HKD, 1.0)),
    ("港币", Unit::Is(HKD, 1.0)),
    ("港幣", Unit::Is(HKD, 1.0)),
    ("新台币", Unit::Is(TWD, 1.0)),
    ("新台幣", Unit::Is(TWD, 1.0)),
    ("台币", Unit::Is(TWD, 1.0)),
    ("台幣", Unit::Is(TWD, 1.0)),
    ("人民币", Unit::Is(CNY, 1.0)),
    ("人民幣", Unit::Is(CNY, 1.0)),
    ("欧元", Unit::Is(Kind::Money(Some(Currency::Eur)), 1.0)),
    ("歐元", Unit::Is(Kind::Money(Some(Currency::Eur)), 1.0)),
    ("英镑", Unit::Is(Kind::Money(Some(Currency::Gbp)), 1.0)),
    ("英鎊", Unit::Is(Kind::Money(Some(Currency::Gbp)), 1.0)),
    ("日元", Unit::Is(Kind::Money(Some(Currency::Jpy)), 1.0)),
    ("日圆", Unit::Is(Kind::Money(Some(Currency::Jpy)), 1.0)),
    ("日圓", Unit::Is(Kind::Money(Some(Currency::Jpy)), 1.0)),
    ("元", Unit::Is(CNY, 1.0)),
    ("个季度", Unit::Measure),
    ("個季度", Unit::Measure),
    ("个月", Unit::Measure),
    ("個月", Unit::Measure),
    ("季度", Unit::Quarter),
    ("财年", Unit::Year),
    ("財年", Unit::Year),
    ("年度", Unit::Year),
    ("年", Unit::Year),
    ("月", Unit::Month),
    ("日", Unit::Day),
    ("号", Unit::Day),
    ("號", Unit::Day),
];

/// Measure words: a number before one counts something.
const MEASURES: &str = "个個位名家度天周週项項款次种種类類条條座国國台臺件份层層代届屆支只张張颗顆户戶人所间間架辆輛场場笔筆";

/// Two-character measure words.
const MEASURES2: &[&str] = &["小时", "小時", "分钟", "分鐘", "星期", "季度"];

/// Skips one space, ASCII or ideographic.
pub(crate) fn skip_space(text: &str, at: usize) -> usize {
    match char_at(text, at) {
        Some(c @ (' ' | '\u{3000}')) => at + c.len_utf8(),
        _ => at,
    }
}

/// Skips an approximation mark after a number: 多, 余, 餘.
fn skip_approx(text: &str, at: usize) -> usize {
    match char_at(text, at) {
        Some(c @ ('多' | '余' | '餘')) => at + c.len_utf8(),
        _ => at,
    }
}

/// Reads scale characters after digits (`亿`, `万亿`, `百万`, `千`): the factor and the end.
pub(crate) fn scale_after(text: &str, at: usize) -> Option<(f64, usize)> {
    let mut factor = 1.0;
    let mut i = at;
    while let Some(c) = char_at(text, i) {
        let next = char_at(text, i + c.len_utf8());
        let f = match c {
            '百' if next != Some('分') => 100.0,
            '千' if !matches!(next, Some('米' | '克' | '瓦' | '字' | '卡')) => 1000.0,
            _ => match big_unit(c) {
                Some(f) => f,
                None => break,
            },
        };
        factor *= f;
        i += c.len_utf8();
    }
    (i > at).then_some((factor, i))
}

/// The unit at `at` and its byte length.
pub(crate) fn unit_at(text: &str, at: usize) -> Option<(Unit, usize)> {
    let rest = &text[at..];
    if let Some(&(w, u)) = UNITS.iter().find(|(w, _)| rest.starts_with(w)) {
        return Some((u, w.len()));
    }
    if MEASURES2.iter().any(|m| rest.starts_with(m)) || rest.starts_with(|c| MEASURES.contains(c)) {
        return Some((Unit::Measure, 0));
    }
    None
}

/// Reads what follows the number of `draft` (approximation, scale when `scales`, unit) and
/// applies it. Returns the unit found, if any, and where it ends.
pub(crate) fn read_tail(text: &str, draft: &mut Draft, scales: bool) -> Option<(Unit, usize)> {
    let mut at = skip_approx(text, skip_space(text, draft.end));
    if scales && let Some((f, end)) = scale_after(text, at) {
        draft.scale = f;
        draft.scaled = true;
        draft.end = end;
        at = skip_approx(text, end);
    }
    let start = skip_space(text, at);
    let (unit, len) = unit_at(text, start)?;
    apply(draft, unit, start + len);
    Some((unit, start + len))
}

/// Applies a unit to a draft: its kind, and the text it covers.
fn apply(draft: &mut Draft, unit: Unit, unit_end: usize) {
    match unit {
        Unit::Is(kind, f) => {
            draft.kind = kind;
            draft.scale *= f;
            draft.united = true;
            draft.end = unit_end;
        }
        Unit::Quarter
            if draft.number.fract() == 0.0
                && (1.0..=4.0).contains(&draft.number)
                && !draft.scaled =>
        {
            draft.kind = Kind::Quarter;
            draft.weak = Some(Weak::Quarter);
            draft.end = unit_end;
        }
        Unit::Month if draft.number.fract() == 0.0 && draft.number <= 12.0 && !draft.scaled => {
            draft.weak = Some(Weak::Date);
            draft.end = unit_end;
        }
        Unit::Day if draft.number.fract() == 0.0 && draft.number <= 31.0 && !draft.scaled => {
            draft.weak = Some(Weak::Date);
            draft.end = unit_end;
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_multiply_and_stop_before_units() {
        assert_eq!(scale_after("万亿美元", 0), Some((1e12, "万亿".len())));
        assert_eq!(scale_after("百萬", 0), Some((1e6, "百萬".len())));
        assert_eq!(scale_after("百分点", 0), None);
        assert_eq!(scale_after("千米", 0), None);
    }

    #[test]
    fn units_longest_first() {
        assert_eq!(
            unit_at("个百分点", 0),
            Some((Unit::Is(Kind::PercentPoints, 1.0), "个百分点".len()))
        );
        assert_eq!(unit_at("个季度", 0), Some((Unit::Measure, "个季度".len())));
        assert_eq!(
            unit_at("日元", 0).map(|u| u.0),
            Some(Unit::Is(Kind::Money(Some(Currency::Jpy)), 1.0))
        );
        assert_eq!(unit_at("家门店", 0), Some((Unit::Measure, 0)));
        assert_eq!(unit_at("的", 0), None);
    }
}
