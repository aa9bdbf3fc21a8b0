//! Finding a call's translation among the library's calls: an English call and a Chinese
//! call of one company, of the same period (or days apart when a period is missing), whose
//! figures agree — the test `tandem parse EN ZH` applies to paragraphs, here on the whole
//! call's figures, so that the list can pair files without aligning them.

use std::hash::{DefaultHasher, Hash, Hasher};

use super::meta::{Meta, period_key};
use crate::transcript::{Block, Lang, Transcript};

/// Figures kept per call at most (the smallest keys: the same sample on both sides).
const KEEP: usize = 400;
/// Below this many figures on either side, the figures cannot tell.
const FEW: usize = 8;
/// Share of the smaller side's figures the other must have.
const AGREE: f32 = 0.3;

/// The distinct strong figures of a call in one language (values to three significant
/// digits, so `$155.7 billion` meets `1,557 亿美元`), as sorted keys; empty for a call in
/// both languages (it is its own translation).
pub fn signature(t: &Transcript) -> Vec<u32> {
    if t.languages.len() != 1 {
        return Vec::new();
    }
    let lang = t.languages[0];
    let mut keys: Vec<u32> = Vec::new();
    for b in t.turns.iter().flat_map(|x| &x.blocks) {
        let text = match (b, lang) {
            (Block::Para { en: Some(e), .. }, Lang::En) => e,
            (Block::Para { zh: Some(z), .. }, Lang::Zh) => z,
            _ => continue,
        };
        for f in crate::numbers::extract(text, lang) {
            if f.is_strong() && f.value.is_finite() && f.value != 0.0 {
                keys.push(figure_key(f.value));
            }
        }
    }
    keys.sort_unstable();
    keys.dedup();
    keys.truncate(KEEP);
    keys
}

/// A figure's key: its value to three significant digits, hashed.
fn figure_key(value: f64) -> u32 {
    let mut h = DefaultHasher::new();
    format!("{value:.2e}").hash(&mut h);
    h.finish() as u32
}

/// True when `a` and `b` (two calls of one company) look like one call in two languages:
/// one English and one Chinese, the same period (or dates at most three days apart when a
/// period is missing), and figures that agree when both have enough to tell.
pub fn same_call(a: &Meta, b: &Meta) -> bool {
    let langs = (a.languages.as_slice(), b.languages.as_slice());
    if !matches!(langs, ([Lang::En], [Lang::Zh]) | ([Lang::Zh], [Lang::En])) {
        return false;
    }
    let periods = (
        a.period.as_deref().and_then(period_key),
        b.period.as_deref().and_then(period_key),
    );
    let when = match periods {
        (Some(p), Some(q)) => p == q,
        _ => match (
            a.date.as_deref().and_then(day),
            b.date.as_deref().and_then(day),
        ) {
            (Some(x), Some(y)) => x.abs_diff(y) <= 3,
            _ => false,
        },
    };
    if !when {
        return false;
    }
    let (fa, fb) = (&a.figures, &b.figures);
    if fa.len() < FEW || fb.len() < FEW {
        // Too few figures to tell: the same period is all there is.
        return periods.0.is_some() && periods.1.is_some();
    }
    agreement(fa, fb) >= AGREE
}

/// The share of the smaller signature's figures the other has too (both sorted).
pub fn agreement(a: &[u32], b: &[u32]) -> f32 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if small.is_empty() {
        return 0.0;
    }
    // A signature cut at KEEP holds its smallest keys: compare within the range both cover.
    let top = if large.len() >= KEEP || small.len() >= KEEP {
        small
            .last()
            .copied()
            .min(large.last().copied())
            .unwrap_or(0)
    } else {
        u32::MAX
    };
    let small: Vec<u32> = small.iter().copied().filter(|&k| k <= top).collect();
    let shared = small
        .iter()
        .filter(|k| large.binary_search(k).is_ok())
        .count();
    shared as f32 / small.len().max(1) as f32
}

/// Days since 0000-03-01 of an ISO date (`2025-05-01`), for telling how far apart two are.
fn day(iso: &str) -> Option<u32> {
    let mut parts = iso.get(..10)?.split('-');
    let y: u32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let d: u32 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    Some(365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + d - 1)
}

/// The pairs among `calls` (indices with their metadata, all of one company): each English
/// call with the Chinese call that agrees with it best, each call in one pair at most.
pub fn find(calls: &[(usize, &Meta)]) -> Vec<(usize, usize)> {
    let mut candidates: Vec<(f32, usize, usize)> = Vec::new();
    for (x, &(i, a)) in calls.iter().enumerate() {
        for &(j, b) in &calls[x + 1..] {
            if same_call(a, b) {
                let (en, zh) = if a.languages == [Lang::En] {
                    (i, j)
                } else {
                    (j, i)
                };
                candidates.push((agreement(&a.figures, &b.figures), en, zh));
            }
        }
    }
    // Best agreement first; ties by position, so the result does not depend on the order
    // the files were read in.
    candidates.sort_by(|p, q| q.0.total_cmp(&p.0).then((p.1, p.2).cmp(&(q.1, q.2))));
    let mut used: Vec<usize> = Vec::new();
    let mut pairs = Vec::new();
    for (_, en, zh) in candidates {
        if !used.contains(&en) && !used.contains(&zh) {
            used.extend([en, zh]);
            pairs.push((en, zh));
        }
    }
    pairs.sort_unstable();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(lang: Lang, period: Option<&str>, date: Option<&str>, figures: &[u32]) -> Meta {
        let mut f = figures.to_vec();
        f.sort_unstable();
        Meta {
            period: period.map(Into::into),
            date: date.map(Into::into),
            languages: vec![lang],
            figures: f,
            ..Meta::default()
        }
    }

    #[test]
    fn one_call_in_two_languages_pairs_by_period_and_figures() {
        let figs: Vec<u32> = (1..=40).collect();
        let en = call(Lang::En, Some("Q1 2025"), None, &figs);
        // An abridged translation: a third of the figures, all of them the English ones.
        let zh = call(Lang::Zh, Some("Q1 2025"), Some("2025-05-02"), &figs[..14]);
        assert!(same_call(&en, &zh));
        assert!(same_call(&zh, &en), "either order");
        let other_quarter = call(Lang::Zh, Some("Q4 2024"), None, &figs);
        assert!(!same_call(&en, &other_quarter));
        let other_figures: Vec<u32> = (100..140).collect();
        let wrong = call(Lang::Zh, Some("Q1 2025"), None, &other_figures);
        assert!(!same_call(&en, &wrong), "same period, figures disagree");
        let english = call(Lang::En, Some("Q1 2025"), None, &figs);
        assert!(!same_call(&en, &english), "two English files are no pair");
    }

    #[test]
    fn without_a_period_dates_days_apart_decide() {
        let figs: Vec<u32> = (1..=20).collect();
        let en = call(Lang::En, None, Some("2025-02-06"), &figs);
        assert!(same_call(
            &en,
            &call(Lang::Zh, Some("Q4 2024"), Some("2025-02-07"), &figs)
        ));
        assert!(!same_call(
            &en,
            &call(Lang::Zh, None, Some("2025-03-07"), &figs)
        ));
        assert!(!same_call(&en, &call(Lang::Zh, None, None, &figs)));
        assert_eq!(day("2024-03-01").unwrap() - day("2024-02-28").unwrap(), 2);
    }

    #[test]
    fn each_call_pairs_once_with_the_best_agreeing() {
        let figs: Vec<u32> = (1..=30).collect();
        let en = call(Lang::En, Some("Q2 2025"), None, &figs);
        let close = call(Lang::Zh, Some("Q2 2025"), None, &figs[..20]);
        let looser: Vec<u32> = (1..=10).chain(200..220).collect();
        let loose = call(Lang::Zh, Some("Q2 2025"), None, &looser);
        let pairs = find(&[(0, &loose), (1, &en), (2, &close)]);
        assert_eq!(pairs, [(1, 2)]);
    }
}
