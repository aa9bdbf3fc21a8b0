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
const VOCABULARY: [&str; 51] = [
    "a",
    "and",
    "back",
    "billion",
    "doubled",
    "dozen",
    "eight",
    "eighteen",
    "eighty",
    "eleven",
    "fifteen",
    "fifty",
    "first",
    "five",
    "forty",
    "four",
    "fourteen",
    "fourth",
    "front",
    "half",
    "hundred",
    "million",
    "nine",
    "nineteen",
    "ninety",
    "of",
    "one",
    "quarter",
    "quarters",
    "second",
    "seven",
    "seventeen",
    "seventy",
    "six",
    "sixteen",
    "sixty",
    "ten",
    "third",
    "thirds",
    "thirteen",
    "thirty",
    "thousand",
    "three",
    "trillion",
    "tripled",
    "twelve",
    "twenty",
    "twice",
    "two",
    "year",
    "zero",
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
    let plus_after =
        |t: &Tok| text[t.end..].starts_with("-plus") || text[t.end..].starts_with(" plus");
    let bare_scale = matches!(first, Word::Hundred | Word::Big(_)) && plus_after(&toks[k]);
    if !matches!(first, Word::Unit(_) | Word::Ten(_) | Word::A) && !bare_scale {
        return None;
    }
    let (mut total, mut current, mut big) = (0.0, 0.0, 1.0);
    let mut last: Option<Word> = None;
    let mut j = k;
    while j < toks.len() {
        if j > k && !joined(text, &toks[j - 1], &toks[j]) {
            break;
        }
        let Some(w) = word(toks[j].word) else { break };
        let fits = match (last, w) {
            (_, Word::A) => j == k,
            (Some(Word::A), w) => matches!(w, Word::Hundred | Word::Big(_) | Word::Dozen),
            (Some(Word::Hundred | Word::Big(_)), Word::And) => true,
            (_, Word::And) => false,
            (Some(Word::Unit(_)), Word::Unit(_) | Word::Ten(_)) => false,
            (Some(Word::Ten(_)), Word::Ten(_)) => false,
            (Some(Word::Ten(_)), Word::Unit(n)) => (1.0..10.0).contains(&n),
            (Some(Word::Big(_)), Word::Hundred) => false,
            _ => true,
        };
        if !fits {
            break;
        }
        match w {
            Word::Unit(n) | Word::Ten(n) => current += n,
            Word::Hundred => current = current.max(1.0) * 100.0,
            Word::Dozen => current = current.max(1.0) * 12.0,
            Word::Big(b) => {
                total += current.max(1.0) * b;
                current = 0.0;
                big = b;
            }
            Word::A => current = 1.0,
            Word::And => {}
        }
        last = Some(w);
        j += 1;
    }
    if matches!(last, Some(Word::And)) {
        j -= 1;
    }
    let and_a_half = j > k
        && toks.get(j..j + 3).is_some_and(|t| {
            let words: Vec<&str> = t.iter().map(|t| t.word).collect();
            words == ["and", "a", "half"] && t.windows(2).all(|p| joined(text, &p[0], &p[1]))
        })
        && joined(text, &toks[j - 1], &toks[j]);
    if and_a_half {
        current += 0.5;
        j += 3;
    }
    if matches!(last, Some(Word::A)) || j == k {
        return fraction(text, toks, k, 1.0);
    }
    let value = total + current;
    if let Some(found) = fraction(text, toks, j - 1, value) {
        return Some(found);
    }
    Some((unit(text, toks[k].start, toks[j - 1].end, value, big), j))
}

/// `a third`, `two-thirds`, `a half`: a count followed by a fraction word.
fn fraction(text: &str, toks: &[Tok], k: usize, n: f64) -> Option<(Option<Draft>, usize)> {
    let next = next_joined(text, toks, k)?;
    let w = next.word;
    let of_follows = || {
        let i = toks.iter().position(|t| t.start == next.start)?;
        toks.get(i + 1).map(|t| t.word == "of")
    };
    if w == "half" && n == 1.0 {
        let i = toks.iter().position(|t| t.start == next.start)?;
        if let Some((d, end)) = half_of_big(text, toks, k, i) {
            return Some((Some(d), end));
        }
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
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<(String, f64, Kind)> {
        extract(text)
            .into_iter()
            .map(|d| (text[d.start..d.end].to_string(), d.number * d.scale, d.kind))
            .collect()
    }

    #[test]
    fn compound_numbers_and_scales() {
        assert_eq!(
            values("twenty-five stores"),
            [("twenty-five".into(), 25.0, Kind::Count)]
        );
        assert_eq!(
            values("two hundred and five"),
            [("two hundred and five".into(), 205.0, Kind::Count)]
        );
        assert_eq!(
            values("two billion devices"),
            [("two billion".into(), 2e9, Kind::Count)]
        );
        assert_eq!(values("a dozen"), [("a dozen".into(), 12.0, Kind::Count)]);
        assert_eq!(
            values("trailing-twelve-month"),
            [("twelve".into(), 12.0, Kind::Count)]
        );
    }

    #[test]
    fn one_alone_is_not_a_figure_but_with_a_unit_it_is() {
        assert!(values("one of our customers, and a few more").is_empty());
        assert_eq!(
            values("one percentage point"),
            [("one percentage point".into(), 1.0, Kind::PercentPoints)]
        );
        assert_eq!(
            values("seventeen percent"),
            [("seventeen percent".into(), 17.0, Kind::Percent)]
        );
    }

    #[test]
    fn fractions_multipliers_and_quarters() {
        let third = values("about a third of it");
        assert_eq!(
            (third[0].0.as_str(), third[0].2),
            ("a third", Kind::Fraction)
        );
        assert!((third[0].1 - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(values("two-thirds")[0].0, "two-thirds");
        assert_eq!(
            values("About half of it"),
            [("half".into(), 0.5, Kind::Fraction)]
        );
        assert!(values("in the second half of the year").is_empty());
        assert_eq!(
            values("it doubled"),
            [("doubled".into(), 2.0, Kind::Multiplier)]
        );
        assert_eq!(
            values("the third quarter"),
            [("third quarter".into(), 3.0, Kind::Quarter)]
        );
        assert!(values("the third time").is_empty());
    }
}
