//! What the library shows about a call, read from its file, and the order of calls.

use std::cmp::{Ordering, Reverse};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::transcript::{Lang, Transcript};

/// The facts about a call the library lists, filters and sorts by.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub title: Option<String>,
    pub company: Option<String>,
    pub period: Option<String>,
    pub date: Option<String>,
    pub languages: Vec<Lang>,
    /// The call's identity for bookmarks (`bookmarks::anchor::call_hash`).
    pub call_hash: String,
    /// The company's names as the call gives them (its own first, then other scripts').
    #[serde(default)]
    pub names: Vec<String>,
    /// The company's tickers (`AMZN`, `9988.HK`).
    #[serde(default)]
    pub tickers: Vec<String>,
    /// The figures of a call in one language, for finding its translation ([`super::pairs`]).
    #[serde(default)]
    pub figures: Vec<u32>,
    /// The analysts who asked questions, in order of their first.
    #[serde(default)]
    pub analysts: Vec<Asker>,
}

/// An analyst of a call and the questions they asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Asker {
    pub name: String,
    /// The name in the other script, when the call gives it.
    #[serde(default)]
    pub name_alt: Option<String>,
    pub firm: Option<String>,
    /// Question numbers (from 1).
    pub questions: Vec<u32>,
}

impl Meta {
    /// The facts of a parsed call.
    pub fn of(t: &Transcript) -> Self {
        let id = super::identity::of(t);
        Meta {
            title: t.title.clone(),
            company: t.company.clone(),
            period: t.period.clone(),
            date: t.date.clone(),
            languages: t.languages.clone(),
            call_hash: crate::bookmarks::anchor::call_hash(t),
            names: id.names,
            tickers: id.tickers,
            figures: super::pairs::signature(t),
            analysts: askers(t),
        }
    }

    /// What the call tells of its company.
    pub fn identity(&self) -> super::identity::Identity {
        match (
            &self.company,
            self.names.is_empty() && self.tickers.is_empty(),
        ) {
            (Some(c), true) => super::identity::from_company(c),
            _ => super::identity::Identity {
                names: self.names.clone(),
                tickers: self.tickers.clone(),
            },
        }
    }

    /// `EN+ZH`, `EN`, `ZH`.
    pub fn languages_label(&self) -> String {
        let names: Vec<&str> = self
            .languages
            .iter()
            .map(|l| match l {
                Lang::En => "EN",
                Lang::Zh => "ZH",
            })
            .collect();
        names.join("+")
    }
}

/// The analysts of `t` with the questions each asked, in order of their first question.
fn askers(t: &Transcript) -> Vec<Asker> {
    let mut out: Vec<(usize, Asker)> = Vec::new();
    for q in &t.questions {
        let s = &t.speakers[q.analyst];
        let firm = q.firm.clone().or_else(|| s.firm.clone());
        match out.iter_mut().find(|(i, _)| *i == q.analyst) {
            Some((_, a)) => {
                a.questions.push(q.number as u32);
                if a.firm.is_none() {
                    a.firm = firm;
                }
            }
            None => out.push((
                q.analyst,
                Asker {
                    name: s.name.clone(),
                    name_alt: s.name_alt.clone(),
                    firm,
                    questions: vec![q.number as u32],
                },
            )),
        }
    }
    out.into_iter().map(|(_, a)| a).collect()
}

/// The metadata of the call in `path`; None when the file is not a transcript (unreadable,
/// binary, empty, too large, or without speaker turns).
pub fn read(path: &Path, encoding: Option<&str>) -> Option<Meta> {
    read_and_index(path, encoding, None)
}

/// [`read`], also writing the call's search index in the cache directory `index` when one is
/// given (an index that cannot be written is built again when a search needs it).
pub fn read_and_index(path: &Path, encoding: Option<&str>, index: Option<&Path>) -> Option<Meta> {
    let t = crate::call::load(path, &crate::call::Options::with_encoding(encoding)).ok()?;
    let m = Meta::of(&t);
    if let Some(dir) = index {
        let _ = super::search::write(dir, &m.call_hash, &t);
    }
    Some(m)
}

/// `Q3 2025` as (2025, 3); a bare year as (year, 0).
pub fn period_key(period: &str) -> Option<(u32, u32)> {
    let mut words = period.split_whitespace();
    let (first, second) = (words.next()?, words.next());
    let quarter = first.strip_prefix('Q').and_then(|q| q.parse().ok());
    match (quarter, second) {
        (Some(q), Some(y)) => Some((y.parse().ok()?, q)),
        _ => first.parse().ok().map(|y| (y, 0)),
    }
}

/// The company as the library sorts it: case and Chinese script aside, so that 亞馬遜 and
/// 亚马逊 sort together.
pub fn company_key(m: &Meta) -> Option<String> {
    m.company.as_deref().map(|c| {
        let c = c.to_lowercase();
        if c.is_ascii() {
            c
        } else {
            crate::script::fold_script(&c).into_owned()
        }
    })
}

/// Library order: by company (case-insensitive, unknown last), then newest period first,
/// then newest date first (unknown last in both), then by file.
pub fn compare(a: &Meta, a_file: &str, b: &Meta, b_file: &str) -> Ordering {
    let (ka, kb) = (company_key(a), company_key(b));
    compare_keyed((a, ka.as_deref(), a_file), (b, kb.as_deref(), b_file))
}

/// [`compare`] with each call's [`company_key`] worked out beforehand (a sort compares each
/// call many times).
pub fn compare_keyed(a: (&Meta, Option<&str>, &str), b: (&Meta, Option<&str>, &str)) -> Ordering {
    let ((a, a_company, a_file), (b, b_company, b_file)) = (a, b);
    let period = |m: &Meta| m.period.as_deref().and_then(period_key);
    known_first(a_company, b_company)
        .then_with(|| known_first(period(a).map(Reverse), period(b).map(Reverse)))
        .then_with(|| known_first(a.date.as_ref().map(Reverse), b.date.as_ref().map(Reverse)))
        .then_with(|| natural(a_file, b_file))
}

/// File names in natural order: runs of digits compare by value (`c9` < `c10` < `c100`).
pub fn natural(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (a.chars().peekable(), b.chars().peekable());
    loop {
        match (x.peek().copied(), y.peek().copied()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(c), Some(d)) if c.is_ascii_digit() && d.is_ascii_digit() => {
                let run = |it: &mut std::iter::Peekable<std::str::Chars>| {
                    let mut digits = String::new();
                    while let Some(c) = it.next_if(char::is_ascii_digit) {
                        digits.push(c);
                    }
                    digits.trim_start_matches('0').to_string()
                };
                let (m, n) = (run(&mut x), run(&mut y));
                let by_value = m.len().cmp(&n.len()).then_with(|| m.cmp(&n));
                if by_value != Ordering::Equal {
                    return by_value;
                }
            }
            (Some(c), Some(d)) => {
                let (lc, ld) = (c.to_lowercase().next(), d.to_lowercase().next());
                if lc != ld {
                    return lc.cmp(&ld);
                }
                x.next();
                y.next();
            }
        }
    }
}

/// Ascending order with None after every value.
fn known_first<T: Ord>(a: Option<T>, b: Option<T>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A call of `company` in `period` on `date`.
    fn call(company: Option<&str>, period: Option<&str>, date: Option<&str>) -> Meta {
        Meta {
            title: None,
            company: company.map(Into::into),
            period: period.map(Into::into),
            date: date.map(Into::into),
            languages: vec![Lang::En],
            call_hash: String::new(),
            ..Meta::default()
        }
    }

    #[test]
    fn periods_order_by_year_then_quarter() {
        assert_eq!(period_key("Q3 2025"), Some((2025, 3)));
        assert_eq!(period_key("2024"), Some((2024, 0)));
        assert_eq!(period_key("soon"), None);
        assert!(period_key("Q1 2026") > period_key("Q4 2025"));
    }

    #[test]
    fn companies_ascending_then_newest_period_then_newest_date_unknowns_last() {
        let mut calls = [
            (call(Some("beta"), Some("Q4 2025"), None), "1"),
            (call(None, Some("Q1 2026"), None), "2"),
            (call(Some("Acme"), Some("Q4 2025"), None), "3"),
            (call(Some("acme"), Some("Q1 2026"), None), "4"),
            (call(Some("Acme"), None, Some("2026-01-01")), "5"),
            (call(Some("Acme"), None, Some("2026-03-01")), "6"),
            (call(Some("Acme"), None, None), "7"),
        ];
        calls.sort_by(|a, b| compare(&a.0, a.1, &b.0, b.1));
        let order: Vec<&str> = calls.iter().map(|c| c.1).collect();
        assert_eq!(order, ["4", "3", "6", "5", "7", "1", "2"]);
    }

    #[test]
    fn a_company_in_either_chinese_script_sorts_as_one() {
        let mut calls = [
            (call(Some("亚马逊"), Some("Q4 2024"), None), "1"),
            (call(Some("亚洲"), Some("Q4 2025"), None), "2"),
            (call(Some("亞馬遜"), Some("Q4 2025"), None), "3"),
        ];
        calls.sort_by(|a, b| compare(&a.0, a.1, &b.0, b.1));
        let order: Vec<&str> = calls.iter().map(|c| c.1).collect();
        let amazon = order.iter().position(|&c| c == "3").unwrap();
        assert_eq!(
            order[amazon + 1],
            "1",
            "the two 亚马逊 calls together: {order:?}"
        );
    }

    #[test]
    fn file_names_sort_naturally() {
        let mut names = [
            "c100_x.txt",
            "c10_x.txt",
            "c9_x.txt",
            "b.txt",
            "c010_x.txt",
            "C2.txt",
        ];
        names.sort_by(|a, b| natural(a, b));
        assert_eq!(
            names,
            [
                "b.txt",
                "C2.txt",
                "c9_x.txt",
                "c010_x.txt",
                "c10_x.txt",
                "c100_x.txt"
            ],
            "by value, in any case"
        );
        assert_eq!(natural("a", "a"), Ordering::Equal);
    }

    #[test]
    fn languages_label_joins_codes() {
        let mut m = call(None, None, None);
        m.languages = vec![Lang::En, Lang::Zh];
        assert_eq!(m.languages_label(), "EN+ZH");
    }
}
