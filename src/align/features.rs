//! What alignment compares: lengths and anchors (figures normalised across languages by
//! [`crate::numbers::extract`], Latin tokens the Chinese keeps).

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};

/// The Latin words of a text, as `[A-Za-z][A-Za-z0-9]*(?:[+\-.][A-Za-z0-9]+)*\+?` would find
/// them (`GPT-4o`, `C++` as `C+`, `3Q24` as `Q24`), read in one pass over the bytes.
fn latin_words(text: &str) -> impl Iterator<Item = &str> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + bytes[at..].iter().position(u8::is_ascii_alphabetic)?;
        let word_end = |from: usize| {
            from + bytes[from..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count()
        };
        let mut end = word_end(start + 1);
        while end + 1 < bytes.len()
            && matches!(bytes[end], b'+' | b'-' | b'.')
            && bytes[end + 1].is_ascii_alphanumeric()
        {
            end = word_end(end + 1);
        }
        if bytes.get(end) == Some(&b'+') {
            end += 1;
        }
        at = end;
        Some(&text[start..end])
    })
}

/// One alignment unit (a paragraph, or a whole turn): its length and its anchors.
#[derive(Debug, Clone, Default)]
pub struct Unit {
    /// Characters of text.
    pub len: usize,
    /// Anchor keys with weights, sorted by key.
    pub anchors: Vec<(u64, f32)>,
}

/// The bit that marks a figure's anchor key (words have it clear).
const FIGURE: u64 = 1 << 63;

/// Hashes an anchor's normalised form; figures' keys carry [`FIGURE`].
fn key(kind: &str, value: &str) -> u64 {
    let mut h = DefaultHasher::new();
    (kind, value).hash(&mut h);
    let k = h.finish();
    if kind == "n" { k | FIGURE } else { k & !FIGURE }
}

/// The weight of `a`'s figures, and of those `b` has too.
pub fn figure_overlap(a: &Unit, b: &Unit) -> (f32, f32) {
    let figures = |u: &Unit| -> Vec<(u64, f32)> {
        u.anchors
            .iter()
            .copied()
            .filter(|x| x.0 & FIGURE != 0)
            .collect()
    };
    let (fa, fb) = (figures(a), figures(b));
    let total = fa.iter().map(|x| x.1).sum();
    let shared = fa
        .iter()
        .filter(|x| fb.binary_search_by_key(&x.0, |y| y.0).is_ok())
        .map(|x| x.1)
        .sum();
    (total, shared)
}

/// The figures of `text` as anchors: the value to three significant digits (so `$1.557
/// trillion` meets `1.56 万亿`), weak figures (years, quarters, list markers) weighing less.
fn figure_anchors(text: &str, lang: crate::Lang) -> Vec<(u64, f32)> {
    crate::numbers::extract(text, lang)
        .into_iter()
        .filter(|f| f.value != 0.0 && f.value.is_finite())
        .map(|f| {
            let small = f.kind == crate::numbers::Kind::Count && f.value < 10.0;
            let weight = if f.is_strong() && !small { 1.0 } else { 0.3 };
            (key("n", &format!("{:.2e}", f.value)), weight)
        })
        .collect()
}

/// Sorts anchors by key.
fn finish(len: usize, mut anchors: Vec<(u64, f32)>) -> Unit {
    anchors.sort_unstable_by_key(|a| a.0);
    Unit { len, anchors }
}

/// Latin tokens of a Chinese text (the names and terms a translation keeps), lower-cased.
pub fn latin_tokens(zh: &str) -> impl Iterator<Item = String> + '_ {
    latin_words(zh)
        .map(str::to_lowercase)
        .filter(|t| t.len() >= 2)
}

/// An English unit; `vocab` holds the Latin tokens the Chinese side uses.
pub fn en_unit(text: &str, vocab: &HashSet<String>) -> Unit {
    let mut anchors = figure_anchors(text, crate::Lang::En);
    for t in latin_words(text) {
        let t = t.to_lowercase();
        if vocab.contains(&t) {
            anchors.push((key("w", &t), 0.6));
        }
    }
    finish(text.chars().count(), anchors)
}

/// A Chinese unit.
pub fn zh_unit(text: &str) -> Unit {
    let mut anchors = figure_anchors(text, crate::Lang::Zh);
    anchors.extend(latin_tokens(text).map(|t| (key("w", &t), 0.6)));
    finish(text.chars().count(), anchors)
}

/// Several units taken together.
pub fn combine(units: &[&Unit]) -> Unit {
    let len = units.iter().map(|u| u.len).sum();
    finish(
        len,
        units
            .iter()
            .flat_map(|u| u.anchors.iter().copied())
            .collect(),
    )
}

/// Weight of anchors found on both sides, and weight found on one side only.
pub fn overlap(a: &Unit, b: &Unit) -> (f32, f32) {
    let (mut i, mut j) = (0, 0);
    let (mut shared, mut alone) = (0.0, 0.0);
    while i < a.anchors.len() && j < b.anchors.len() {
        let (ka, wa) = a.anchors[i];
        let (kb, wb) = b.anchors[j];
        match ka.cmp(&kb) {
            std::cmp::Ordering::Equal => {
                shared += wa.min(wb);
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => {
                alone += wa;
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                alone += wb;
                j += 1;
            }
        }
    }
    alone += a.anchors[i..].iter().map(|x| x.1).sum::<f32>();
    alone += b.anchors[j..].iter().map(|x| x.1).sum::<f32>();
    (shared, alone)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn latin_words_are_the_pattern_s_matches(text in "[a-zA-Z0-9+.\\- 中。]{0,30}") {
            let re = regex::Regex::new(r"[A-Za-z][A-Za-z0-9]*(?:[+\-.][A-Za-z0-9]+)*\+?").unwrap();
            let want: Vec<&str> = re.find_iter(&text).map(|m| m.as_str()).collect();
            let got: Vec<&str> = super::latin_words(&text).collect();
            prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn latin_words_keep_versions_and_plus_signs() {
        let got: Vec<&str> = super::latin_words("用GPT-4o和C++，3Q24 Azure.").collect();
        assert_eq!(got, ["GPT-4o", "C+", "Q24", "Azure"]);
    }

    use super::*;

    #[test]
    fn figures_match_across_scales() {
        let vocab: HashSet<String> = ["aws".to_string()].into();
        let en = en_unit(
            "AWS is now a $142 billion run rate business, up 24%.",
            &vocab,
        );
        let zh = zh_unit("AWS 年化营收规模达 1,420 亿美元,同比增长 24%。");
        let (shared, alone) = overlap(&en, &zh);
        assert!(shared >= 2.5, "{shared}");
        assert!(alone < 0.5, "{alone}");
    }

    #[test]
    fn figures_in_chinese_numerals_and_rounded_match_too() {
        let en = en_unit(
            "We plan to invest $200 billion, about a third of it in the $1.557 trillion market.",
            &HashSet::new(),
        );
        let zh = zh_unit("我们计划投资两千亿美元，其中约三分之一投向 1.56 万亿美元的市场。");
        let (shared, alone) = overlap(&en, &zh);
        assert!(shared >= 2.5, "all three figures: {shared}");
        assert!(alone < 0.5, "{alone}");
    }

    #[test]
    fn different_figures_do_not_match() {
        let en = en_unit("Revenue was $155.7 billion.", &HashSet::new());
        let zh = zh_unit("营收为 1,557 万美元。");
        assert_eq!(overlap(&en, &zh).0, 0.0);
    }
}
