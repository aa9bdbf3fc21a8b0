//! What the English and Chinese extractors share: digit runs, draft figures, ranges.

use super::{Figure, Kind, Weak};

/// A number written in digits: its value, how many decimals, where it ends.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Digits {
    pub value: f64,
    pub decimals: i32,
    /// Thousands separators were written (`1,557`): never a year.
    pub grouped: bool,
    pub end: usize,
}

/// The ASCII value of a digit, full-width digits included.
pub(crate) fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// The character at byte `i`, if any.
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// The character just before byte `i`, if any.
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// Reads a run of digits starting at `start` (ASCII or full-width), with `,` groups of three
/// and one decimal point.
pub(crate) fn read_digits(text: &str, start: usize) -> Option<Digits> {
    let mut literal = Literal::default();
    let mut grouped = false;
    let mut i = start;
    while let Some(c) = char_at(text, i) {
        if let Some(d) = digit_value(c) {
            literal.push(d)?;
            i += c.len_utf8();
        } else if c == ',' && literal.len > 0 && group_follows(text, i + 1) {
            grouped = true;
            i += 1;
        } else {
            break;
        }
    }
    if literal.len == 0 {
        return None;
    }
    let int_len = literal.len;
    if let Some(c @ ('.' | '．')) = char_at(text, i) {
        let mut j = i + c.len_utf8();
        let mut fraction = literal;
        fraction.point()?;
        while let Some(c) = char_at(text, j).filter(|&c| digit_value(c).is_some()) {
            fraction.push(digit_value(c)?)?;
            j += c.len_utf8();
        }
        if fraction.len > int_len + 1 {
            literal = fraction;
            i = j;
        }
    }
    let decimals = literal.len.saturating_sub(int_len + 1) as i32;
    Some(Digits {
        value: literal.as_str().parse().ok()?,
        decimals,
        grouped,
        end: i,
    })
}

/// A number's digits as plain ASCII, kept on the stack (numbers longer than this are not
/// figures).
#[derive(Debug, Clone, Copy, Default)]
struct Literal {
    bytes: [u8; 32],
    len: usize,
}

impl Literal {
    /// Appends a digit; `None` when the number is too long.
    fn push(&mut self, d: u32) -> Option<()> {
        *self.bytes.get_mut(self.len)? = b'0' + d as u8;
        self.len += 1;
        Some(())
    }

    /// Appends a decimal point.
    fn point(&mut self) -> Option<()> {
        *self.bytes.get_mut(self.len)? = b'.';
        self.len += 1;
        Some(())
    }

    /// The literal as text.
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or("")
    }
}

/// True when exactly three ASCII digits start at `i` (a thousands group).
fn group_follows(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    (0..3).all(|k| bytes.get(i + k).is_some_and(u8::is_ascii_digit))
        && !bytes.get(i + 3).is_some_and(u8::is_ascii_digit)
}

/// A figure being built: the number as written, then its scale and unit.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Draft {
    pub start: usize,
    pub end: usize,
    pub number: f64,
    /// One unit in the last written digit, before scale (0.1 for `155.7`).
    pub step: f64,
    pub scale: f64,
    pub kind: Kind,
    pub weak: Option<Weak>,
    pub spelled: bool,
    /// A scale word or character was written (`billion`, `亿`).
    pub scaled: bool,
    /// A unit or currency was written (`%`, `$`, `美元`).
    pub united: bool,
}

impl Draft {
    /// A bare count read from digits between `start` and `end`.
    pub fn count(start: usize, end: usize, d: &Digits) -> Self {
        Draft {
            start,
            end,
            number: d.value,
            step: 10f64.powi(-d.decimals),
            scale: 1.0,
            kind: Kind::Count,
            weak: None,
            spelled: false,
            scaled: false,
            united: false,
        }
    }

    /// A weak figure of `kind` with an exact value.
    pub fn weak(start: usize, end: usize, value: f64, kind: Kind, weak: Weak) -> Self {
        Draft {
            kind,
            weak: Some(weak),
            ..Draft::count(start, end, &exact(value))
        }
    }

    /// True when nothing but the number was written.
    fn is_bare(&self) -> bool {
        !self.scaled && !self.united && self.kind == Kind::Count && self.weak.is_none()
    }

    /// The finished figure, its text cut from `text`.
    pub fn finish(self, text: &str) -> Figure {
        Figure {
            text: text[self.start..self.end].to_string(),
            range: self.start..self.end,
            value: self.number * self.scale,
            kind: self.kind,
            weak: self.weak,
            spelled: self.spelled,
            ulp: self.step * self.scale,
        }
    }
}

/// Digits standing for an exact integer value (no decimals).
pub(crate) fn exact(value: f64) -> Digits {
    Digits {
        value,
        decimals: 0,
        grouped: false,
        end: 0,
    }
}

/// Gives the first end of a range the scale and unit written only on the second:
/// `$15.1 to $15.6 billion`, `30-60%`, `1,590 亿至 1,640 亿美元`.
pub(crate) fn spread_ranges(
    drafts: &mut [Draft],
    text: &str,
    is_connector: impl Fn(&str, usize) -> bool,
) {
    for i in 1..drafts.len() {
        let (head, tail) = drafts.split_at_mut(i);
        let (a, b) = (&mut head[i - 1], &tail[0]);
        if a.weak.is_some() || b.weak.is_some() || a.spelled != b.spelled {
            continue;
        }
        if !is_connector(&text[a.end..b.start], a.start) {
            continue;
        }
        let bare = a.is_bare();
        if !a.scaled && b.scaled && (bare || a.kind == b.kind) {
            a.scale = b.scale;
            a.scaled = true;
        }
        if a.kind == Kind::Count && !a.united && b.united {
            a.kind = b.kind;
        }
    }
}

/// Sorts drafts by position and drops any that overlap an earlier one.
pub(crate) fn settle(mut drafts: Vec<Draft>) -> Vec<Draft> {
    drafts.sort_by_key(|d| (d.start, std::cmp::Reverse(d.end)));
    let mut out: Vec<Draft> = Vec::with_capacity(drafts.len());
    for d in drafts {
        if out.last().is_none_or(|p| d.start >= p.end) {
            out.push(d);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_with_groups_decimals_and_full_width() {
        let d = read_digits("1,557.25 亿", 0).unwrap();
        assert_eq!(
            (d.value, d.decimals, d.grouped, d.end),
            (1557.25, 2, true, 8)
        );
        let d = read_digits("１２．５%", 0).unwrap();
        assert_eq!((d.value, d.decimals, d.end), (12.5, 1, 12));
        let d = read_digits("12,34", 0).unwrap();
        assert_eq!((d.value, d.end), (12.0, 2));
        let d = read_digits("3. Next", 0).unwrap();
        assert_eq!((d.value, d.decimals, d.end), (3.0, 0, 1));
        assert!(read_digits("abc", 0).is_none());
        assert!(read_digits(&"7".repeat(40), 0).is_none());
        let d = read_digits("0.10 per", 0).unwrap();
        assert_eq!((d.value, d.decimals, d.end), (0.1, 2, 4));
    }

    #[test]
    fn ranges_take_the_scale_and_unit_of_their_second_end() {
        let text = "30-60";
        let d = |s, e, n| Draft::count(s, e, &exact(n));
        let mut v = vec![d(0, 2, 30.0), d(3, 5, 60.0)];
        v[1].kind = Kind::Percent;
        v[1].united = true;
        spread_ranges(&mut v, text, |gap, _| gap == "-");
        assert_eq!(v[0].kind, Kind::Percent);
    }
}
