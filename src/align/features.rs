//! What alignment compares: lengths and anchors (figures normalised across languages, Latin
//! tokens the Chinese keeps).

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::LazyLock;

use regex::Regex;

static EN_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(trillion|billion|million|thousand|%|percent|basis points?|bps)?")
        .unwrap()
});
static ZH_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(万亿|萬億|亿|億|万|萬|%|％|个基点|個基點|个百分点|個百分點)?").unwrap()
});
static LATIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[A-Za-z][A-Za-z0-9]*(?:[+\-.][A-Za-z0-9]+)*\+?").unwrap());

/// One alignment unit (a paragraph, or a whole turn): its length and its anchors.
#[derive(Debug, Clone, Default)]
pub struct Unit {
    /// Characters of text.
    pub len: usize,
    /// Anchor keys with weights, sorted by key.
    pub anchors: Vec<(u64, f32)>,
}

/// Hashes an anchor's normalised form.
fn key(kind: &str, value: &str) -> u64 {
    let mut h = DefaultHasher::new();
    (kind, value).hash(&mut h);
    h.finish()
}

/// A number's canonical form (three significant digits) and its weight (years and small
/// integers are weak anchors).
fn number_anchor(digits: &str, frac: Option<&str>, scale: f64, marked: bool) -> Option<(u64, f32)> {
    let whole: f64 = digits.replace(',', "").parse().ok()?;
    let value = (whole
        + frac
            .and_then(|f| format!("0{f}").parse::<f64>().ok())
            .unwrap_or(0.0))
        * scale;
    if value == 0.0 {
        return None;
    }
    let year = !marked && frac.is_none() && (1900.0..=2100.0).contains(&value);
    let small = !marked && frac.is_none() && value < 10.0;
    let weight = if year || small { 0.3 } else { 1.0 };
    Some((key("n", &format!("{value:.2e}")), weight))
}

/// The scale an English unit word gives.
fn en_scale(unit: &str) -> (f64, bool) {
    match unit.to_lowercase().as_str() {
        "trillion" => (1e12, true),
        "billion" => (1e9, true),
        "million" => (1e6, true),
        "thousand" => (1e3, true),
        "" => (1.0, false),
        _ => (1.0, true),
    }
}

/// The scale a Chinese unit gives.
fn zh_scale(unit: &str) -> (f64, bool) {
    match unit {
        "万亿" | "萬億" => (1e12, true),
        "亿" | "億" => (1e8, true),
        "万" | "萬" => (1e4, true),
        "" => (1.0, false),
        _ => (1.0, true),
    }
}

/// Sorts anchors by key.
fn finish(len: usize, mut anchors: Vec<(u64, f32)>) -> Unit {
    anchors.sort_unstable_by_key(|a| a.0);
    Unit { len, anchors }
}

/// Latin tokens of a Chinese text (the names and terms a translation keeps), lower-cased.
pub fn latin_tokens(zh: &str) -> impl Iterator<Item = String> + '_ {
    LATIN
        .find_iter(zh)
        .map(|m| m.as_str().to_lowercase())
        .filter(|t| t.len() >= 2)
}

/// An English unit; `vocab` holds the Latin tokens the Chinese side uses.
pub fn en_unit(text: &str, vocab: &HashSet<String>) -> Unit {
    let mut anchors: Vec<(u64, f32)> = EN_NUMBER
        .captures_iter(text)
        .filter_map(|c| {
            let (scale, marked) = en_scale(c.get(3).map_or("", |m| m.as_str()));
            number_anchor(&c[1], c.get(2).map(|m| m.as_str()), scale, marked)
        })
        .collect();
    for t in LATIN.find_iter(text) {
        let t = t.as_str().to_lowercase();
        if vocab.contains(&t) {
            anchors.push((key("w", &t), 0.6));
        }
    }
    finish(text.chars().count(), anchors)
}

/// A Chinese unit.
pub fn zh_unit(text: &str) -> Unit {
    let mut anchors: Vec<(u64, f32)> = ZH_NUMBER
        .captures_iter(text)
        .filter_map(|c| {
            let (scale, marked) = zh_scale(c.get(3).map_or("", |m| m.as_str()));
            number_anchor(&c[1], c.get(2).map(|m| m.as_str()), scale, marked)
        })
        .collect();
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
    fn different_figures_do_not_match() {
        let en = en_unit("Revenue was $155.7 billion.", &HashSet::new());
        let zh = zh_unit("营收为 1,557 万美元。");
        assert_eq!(overlap(&en, &zh).0, 0.0);
    }
}
