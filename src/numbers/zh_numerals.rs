//! Chinese numerals, Simplified and Traditional: `两千亿`, `兩千億`, `十三`, `一点五`,
//! `一百零五`, `二〇二五`.
//!
//! The `chinese-number` crate parses whole integer numerals, but not decimals (`一点五亿`),
//! and tandem also needs to know where a numeral ends inside running text, so this small
//! parser is written here instead.

/// The digit a character stands for.
pub(crate) fn digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' | '兩' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// The factor of a unit inside a section: 十, 百, 千.
fn small_unit(c: char) -> Option<f64> {
    match c {
        '十' => Some(10.0),
        '百' => Some(100.0),
        '千' => Some(1000.0),
        _ => None,
    }
}

/// The factor of a section unit: 万/萬, 亿/億, 兆 (a trillion, as in Taiwan's financial press).
pub(crate) fn big_unit(c: char) -> Option<f64> {
    match c {
        '万' | '萬' => Some(1e4),
        '亿' | '億' => Some(1e8),
        '兆' => Some(1e12),
        _ => None,
    }
}

/// True for a character that can be part of a numeral.
pub(crate) fn is_numeral(c: char) -> bool {
    digit(c).is_some() || small_unit(c).is_some() || big_unit(c).is_some()
}

/// True for a character that can start a numeral (not 百, 千, 万: `百度`, `千万不要`).
pub(crate) fn starts_numeral(c: char) -> bool {
    digit(c).is_some() || c == '十'
}

/// The byte length of the numeral at the start of `s`, a decimal part (`点五`) included.
pub(crate) fn run_len(s: &str) -> usize {
    let mut len = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let decimal_point =
            matches!(c, '点' | '點') && chars.peek().is_some_and(|&(_, n)| digit(n).is_some());
        if !is_numeral(c) && !decimal_point {
            break;
        }
        len = i + c.len_utf8();
    }
    len
}

/// The value of a whole numeral, and one unit in its last written place.
pub(crate) fn parse(s: &str) -> Option<(f64, f64)> {
    if s.is_empty() {
        return None;
    }
    if let Some((int, rest)) = s.split_once(['点', '點']) {
        return parse_decimal(int, rest);
    }
    if s.chars().count() == 4 && s.chars().all(|c| digit(c).is_some()) {
        let value = s
            .chars()
            .try_fold(0.0, |acc, c| Some(acc * 10.0 + f64::from(digit(c)?)))?;
        return Some((value, 1.0));
    }
    let value = parse_int(s)?;
    Some((value, place(value)))
}

/// `一点五亿`: an integer, decimal digits, then section units.
fn parse_decimal(int: &str, rest: &str) -> Option<(f64, f64)> {
    let int = parse_int(int)?;
    let digits: Vec<u32> = rest.chars().map_while(digit).collect();
    if digits.is_empty() {
        return None;
    }
    // Every Chinese digit is three bytes in UTF-8.
    let units = &rest[digits.len() * 3..];
    let scale = units
        .chars()
        .try_fold(1.0, |acc, c| Some(acc * big_unit(c)?))?;
    let frac: f64 = digits
        .iter()
        .rev()
        .fold(0.0, |acc, &d| (acc + f64::from(d)) / 10.0);
    let step = 10f64.powi(-(digits.len() as i32));
    Some(((int + frac) * scale, step * scale))
}

/// An integer numeral: sections of digits and 十百千, closed by 万, 亿 or 兆.
fn parse_int(s: &str) -> Option<f64> {
    let (mut total, mut section, mut num) = (0.0, 0.0, None::<f64>);
    let mut after_zero = false;
    for c in s.chars() {
        if let Some(d) = digit(c) {
            if num.is_some() && !after_zero {
                return None;
            }
            after_zero = d == 0;
            num = if d == 0 { num } else { Some(f64::from(d)) };
        } else if let Some(u) = small_unit(c) {
            let n = num.take().or((u == 10.0).then_some(1.0))?;
            section += n * u;
            after_zero = false;
        } else if let Some(b) = big_unit(c) {
            section += num.take().unwrap_or(0.0);
            if section == 0.0 && total == 0.0 {
                return None;
            }
            if b == 1e4 {
                section *= b;
            } else {
                total = (total + section) * b;
                section = 0.0;
            }
            after_zero = false;
        } else {
            return None;
        }
    }
    let value = total + section + num.unwrap_or(0.0);
    (value > 0.0 || s.chars().all(|c| digit(c) == Some(0))).then_some(value)
}

/// The largest power of ten that divides an integer value: the place of its last digit.
fn place(value: f64) -> f64 {
    let mut step = 1.0;
    while value >= step * 10.0 && (value / (step * 10.0)).fract() == 0.0 {
        step *= 10.0;
    }
    step
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The value of a numeral, if it is one.
    fn value(s: &str) -> Option<f64> {
        parse(s).map(|(v, _)| v)
    }

    #[test]
    fn integers_in_both_scripts() {
        assert_eq!(value("十三"), Some(13.0));
        assert_eq!(value("二十"), Some(20.0));
        assert_eq!(value("一百零五"), Some(105.0));
        assert_eq!(value("两千亿"), Some(2e11));
        assert_eq!(value("兩千億"), Some(2e11));
        assert_eq!(value("一千五百五十七亿"), Some(1557e8));
        assert_eq!(value("一万亿"), Some(1e12));
        assert_eq!(value("一萬億"), Some(1e12));
        assert_eq!(value("三亿五千万"), Some(3.5e8));
        assert_eq!(value("二〇二五"), Some(2025.0));
    }

    #[test]
    fn decimals_take_their_place_as_the_step() {
        assert_eq!(parse("一点五亿"), Some((1.5e8, 1e7)));
        assert_eq!(parse("三點七"), Some((3.7, 0.1)));
        assert_eq!(parse("一千五百五十七亿"), Some((1557e8, 1e8)));
    }

    #[test]
    fn runs_of_bare_digits_are_not_numbers() {
        assert_eq!(value("一两"), None);
        assert_eq!(value("三四"), None);
        assert_eq!(value("万"), None);
        assert_eq!(value(""), None);
    }

    #[test]
    fn run_length_stops_at_other_characters() {
        assert_eq!(run_len("两千亿美元"), "两千亿".len());
        assert_eq!(run_len("一点五亿元"), "一点五亿".len());
        assert_eq!(run_len("三点钟"), "三".len());
    }
}
