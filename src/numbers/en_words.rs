//! Numbers spelled out in English: `twelve`, `two billion`, `a third`, `half`, `twice`,
//! `seventeen percent`, `third quarter`.

use super::scan::{Draft, exact};
use super::{Kind, Weak, en};

/// What one word contributes to a spelled number.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Word {
    Unit(f64),
    Ten(f64),
    Hundred,
    Big(f64),
    Dozen,
    A,
    And,
}

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const ORDINALS: [&str; 4] = ["first", "second", "third", "fourth"];

/// Every word the spelled-number reader looks at, lower case, sorted.
#[rustfmt::skip]
const VOCABULARY: [&str; 51] = [
    "a", "and", "back", "billion", "doubled", "dozen", "eight", "eighteen", "eighty", "eleven",
    "fifteen", "fifty", "first", "five", "forty", "four", "fourteen", "fourth", "front", "half",
    "hundred", "million", "nine", "nineteen", "ninety", "of", "one", "quarter", "quarters",
    "second", "seven", "seventeen", "seventy", "six", "sixteen", "sixty", "ten", "third", "thirds",
    "thirteen", "thirty", "thousand", "three", "trillion", "tripled", "twelve", "twenty", "twice",
    "two", "year", "zero",
];

/// A word of the vocabulary in the text (lower case) and where it is.
#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    word: &'static str,
}

/// The vocabulary entry for a word of any case, if it is one.
fn lookup(w: &str) -> Option<&'static str> {
    let first = w.as_bytes()[0].to_ascii_lowercase();
    if !b"abdefhmnoqstyz".contains(&first) {
        return None;
    }
    let mut buf = [0u8; 9];
    let lower = buf.get_mut(..w.len())?;
    lower.copy_from_slice(w.as_bytes());
    lower.make_ascii_lowercase();
    let lower = std::str::from_utf8(lower).ok()?;
    VOCABULARY.binary_search(&lower).ok().map(|i| VOCABULARY[i])
}

/// The vocabulary words of `text`; other words are left out, and since tokens are joined
/// only by one space or hyphen of text, a word left out between two keeps them apart.
fn tokens(text: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_alphabetic() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            if let Some(word) = lookup(&text[start..i]) {
                out.push(Tok {
                    start,
                    end: i,
                    word,
                });
            }
        } else {
            i += 1;
        }
    }
    out
}

/// What a word is worth in a spelled number.
fn word(w: &str) -> Option<Word> {
    let is = |s: &str| w == s;
    if let Some(n) = UNITS.iter().position(|u| is(u)) {
        return Some(Word::Unit(n as f64));
    }
    if let Some(n) = TENS.iter().position(|t| is(t)) {
        return Some(Word::Ten(20.0 + 10.0 * n as f64));
    }
    Some(match () {
        _ if is("hundred") => Word::Hundred,
        _ if is("thousand") => Word::Big(1e3),
        _ if is("million") => Word::Big(1e6),
        _ if is("billion") => Word::Big(1e9),
        _ if is("trillion") => Word::Big(1e12),
        _ if is("dozen") => Word::Dozen,
        _ if is("a") => Word::A,
        _ if is("and") => Word::And,
        _ => return None,
    })
}

/// Spelled numbers in `text` as drafts.
pub(crate) fn extract(text: &str) -> Vec<Draft> {
    let toks = tokens(text);
    let mut out = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        match special(text, &toks, k).or_else(|| phrase(text, &toks, k)) {
            Some((draft, next)) => {
                out.extend(draft);
                k = next;
            }
            None => k += 1,
        }
    }
    out
}

/// True when tokens `a` and `b` are joined by one space or hyphen.
fn joined(text: &str, a: &Tok, b: &Tok) -> bool {
    matches!(&text[a.end..b.start], " " | "-")
}

/// The token after `k` when it is joined to it.
fn next_joined(text: &str, toks: &[Tok], k: usize) -> Option<Tok> {
    toks.get(k + 1)
        .filter(|n| joined(text, &toks[k], n))
        .copied()
}

/// Words that are figures by themselves: `half`, `twice`, `third quarter`.
fn special(text: &str, toks: &[Tok], k: usize) -> Option<(Option<Draft>, usize)> {
    let t = toks[k];
    let is = |s: &str| t.word == s;
    let next = next_joined(text, toks, k).map(|n| n.word);
    if let Some(q) = ORDINALS.iter().position(|o| is(o)) {
        if next == Some("quarter") {
            let end = toks[k + 1].end;
            let d = Draft::weak(t.start, end, q as f64 + 1.0, Kind::Quarter, Weak::Quarter);
            return Some((Some(spelled(d)), k + 2));
        }
        return None;
    }
    let prev = k.checked_sub(1).map(|p| toks[p].word);
    let (value, kind) = match () {
        _ if is("half") => {
            let part_of_year = matches!(prev, Some("first" | "second" | "back" | "front"));
            if part_of_year || next == Some("year") {
                return Some((None, k + 1));
            }
            if next == Some("a") {
                return half_of_big(text, toks, k, k + 1).map(|found| (Some(found.0), found.1));
            }
            (0.5, Kind::Fraction)
        }
        _ if is("twice") || is("doubled") => (2.0, Kind::Multiplier),
        _ if is("tripled") => (3.0, Kind::Multiplier),
        _ => return None,
    };
    let mut d = Draft::count(t.start, t.end, &exact(value));
    d.kind = kind;
    d.united = true;
    Some((Some(spelled(d)), k + 1))
}

/// `half a billion`, `a half billion`: from token `k`, when the token after `last` is a scale.
fn half_of_big(text: &str, toks: &[Tok], k: usize, last: usize) -> Option<(Draft, usize)> {
    let scale = next_joined(text, toks, last)?;
    let Some(Word::Big(big)) = word(scale.word) else {
        return None;
    };
    let mut d = Draft::count(toks[k].start, scale.end, &exact(0.5));
    d.scale = big;
    d.scaled = true;
    d.step = 0.5;
    Some((spelled(d), last + 2))
}

/// Marks a draft as spelled out.
fn spelled(mut d: Draft) -> Draft {
    d.spelled = true;
    d
}

/// A run of number words from token `k`, with a fraction or unit after it.
fn phrase(text: &str, toks: &[Tok], k: usize) -> Option<(Option<Draft>, usize)> {
    let first = word(toks[k].word)?;
    let plus = ["-plus", " plus"]
        .iter()
        .any(|p| text[toks[k].end..].starts_with(p));
    let bare_scale = matches!(first, Word::Hundred | Word::Big(_)) && plus;
    if !matches!(first, Word::Unit(_) | Word::Ten(_) | Word::A) && !bare_scale {
        return None;
    }
    let mut sum = Sum::default();
    let mut j = k;
    while j < toks.len() && (j == k || joined(text, &toks[j - 1], &toks[j])) {
        match word(toks[j].word) {
            Some(w) if fits(sum.last, w, j == k) => sum.add(w),
            _ => break,
        }
        j += 1;
    }
    if matches!(sum.last, Some(Word::And)) {
        j -= 1;
    }
    if j > k && and_a_half(text, toks, j) {
        sum.current += 0.5;
        j += 3;
    }
    if matches!(sum.last, Some(Word::A)) || j == k {
        return fraction(text, toks, k, 1.0);
    }
    let value = sum.total + sum.current;
    if let Some(found) = fraction(text, toks, j - 1, value) {
        return Some(found);
    }
    Some((
        unit(text, toks[k].start, toks[j - 1].end, value, sum.big),
        j,
    ))
}

/// A spelled number being added up: `two hundred and five million`.
#[derive(Debug, Clone, Copy)]
struct Sum {
    total: f64,
    current: f64,
    /// The last scale word (1e6 for `million`): the number's rounding step.
    big: f64,
    last: Option<Word>,
}

impl Default for Sum {
    fn default() -> Self {
        Sum {
            total: 0.0,
            current: 0.0,
            big: 1.0,
            last: None,
        }
    }
}

impl Sum {
    /// Adds one word.
    fn add(&mut self, w: Word) {
        match w {
            Word::Unit(n) | Word::Ten(n) => self.current += n,
            Word::Hundred => self.current = self.current.max(1.0) * 100.0,
            Word::Dozen => self.current = self.current.max(1.0) * 12.0,
            Word::Big(b) => {
                self.total += self.current.max(1.0) * b;
                self.current = 0.0;
                self.big = b;
            }
            Word::A => self.current = 1.0,
            Word::And => {}
        }
        self.last = Some(w);
    }
}

/// True when word `w` can follow `last` in one number (`twenty-five`, not `five twenty`).
fn fits(last: Option<Word>, w: Word, first: bool) -> bool {
    match (last, w) {
        (_, Word::A) => first,
        (Some(Word::A), w) => matches!(w, Word::Hundred | Word::Big(_) | Word::Dozen),
        (Some(Word::Hundred | Word::Big(_)), Word::And) => true,
        (_, Word::And) => false,
        (Some(Word::Unit(_)), Word::Unit(_) | Word::Ten(_)) => false,
        (Some(Word::Ten(_)), Word::Ten(_)) => false,
        (Some(Word::Ten(_)), Word::Unit(n)) => (1.0..10.0).contains(&n),
        (Some(Word::Big(_)), Word::Hundred) => false,
        _ => true,
    }
}

/// True when `and a half` follows token `j - 1`, joined to it.
fn and_a_half(text: &str, toks: &[Tok], j: usize) -> bool {
    let Some(t) = toks.get(j..j + 3) else {
        return false;
    };
    let words: Vec<&str> = t.iter().map(|t| t.word).collect();
    words == ["and", "a", "half"]
        && joined(text, &toks[j - 1], &toks[j])
        && t.windows(2).all(|p| joined(text, &p[0], &p[1]))
}

/// `a third`, `two-thirds`, `a half`: a count followed by a fraction word.
fn fraction(text: &str, toks: &[Tok], k: usize, n: f64) -> Option<(Option<Draft>, usize)> {
    let next = next_joined(text, toks, k)?;
    let w = next.word;
    let of_follows = || toks.get(k + 2).map(|t| t.word == "of");
    if w == "half"
        && n == 1.0
        && let Some((d, end)) = half_of_big(text, toks, k, k + 1)
    {
        return Some((Some(d), end));
    }
    let value = match w {
        "third" | "thirds" => n / 3.0,
        "half" if n == 1.0 => 0.5,
        "quarter" | "quarters" if (n == 1.0 || n == 3.0) && of_follows() == Some(true) => n / 4.0,
        _ => return None,
    };
    let mut d = Draft::count(toks[k].start, next.end, &exact(value));
    d.kind = Kind::Fraction;
    d.step = 1e-3;
    d.united = true;
    Some((Some(spelled(d)), k + 2))
}

/// The figure a spelled number makes with the unit after it, if it is worth keeping.
fn unit(text: &str, start: usize, end: usize, value: f64, big: f64) -> Option<Draft> {
    let mut d = Draft::count(start, end, &exact(value / big));
    d.scale = big;
    d.scaled = big > 1.0;
    if let Some((len, kind, f)) = en::unit_after(text, end) {
        d.end += len;
        d.kind = kind;
        d.scale *= f;
        d.united = true;
    }
    let worth = value >= 2.0 || value.fract() != 0.0 || d.scaled || d.united;
    worth.then(|| spelled(d))
}

#[cfg(test)]
#[path = "en_words_tests.rs"]
mod tests;
