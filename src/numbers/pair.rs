//! Pairing the figures of one paragraph's English and Chinese, and naming what is left over.
//!
//! Two figures agree when they measure the same family of thing (an amount, a share, a
//! multiple, a year, a quarter) and one is a rounding of the other: `$1.557 trillion` and
//! `1.56 万亿`, `120 basis points` and `1.2 个百分点`, `a third` and `33%`. A Chinese figure
//! left unpaired is a mismatch when an unpaired English figure of its family is off by a
//! power of ten or has the same digits in another order, or (for figures written in digits)
//! when the English has a different value or none at all. Weak figures, and small counts in
//! Chinese numerals (`两个`, often a rendering of English words), never raise one.

use std::fmt;

use super::{Figure, Kind, excuse};

/// Why a Chinese figure disagrees with the English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reason {
    /// The Chinese is the English times ten to this power: a 万/亿 or million/billion slip.
    Scale(i32),
    /// The same digits in another order.
    Transposed,
    /// Another value of the same family.
    Differs,
    /// Nothing in the English paragraph measures the same thing.
    Missing,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Reason::Scale(n) if n > 0 => write!(
                f,
                "scale: the Chinese is {} times the English",
                10u64.pow(n as u32)
            ),
            Reason::Scale(n) => write!(
                f,
                "scale: the Chinese is 1/{} of the English",
                10u64.pow(n.unsigned_abs())
            ),
            Reason::Transposed => f.write_str("digits transposed"),
            Reason::Differs => f.write_str("different value"),
            Reason::Missing => f.write_str("not in the English"),
        }
    }
}

/// What pairing one paragraph found: indices into its English and Chinese figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Outcome {
    pub pairs: Vec<(usize, usize)>,
    pub mismatches: Vec<(Option<usize>, usize, Reason)>,
}

/// What a figure measures, for comparison across languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Amount,
    Share,
    Multiple,
    Year,
    Quarter,
}

/// A figure's family, with its value and rounding step in that family's unit
/// (percentage points for shares).
fn measure(f: &Figure) -> (Family, f64, f64) {
    match f.kind {
        Kind::Money(_) | Kind::Count => (Family::Amount, f.value, f.ulp),
        Kind::Percent | Kind::PercentPoints => (Family::Share, f.value, f.ulp),
        Kind::BasisPoints => (Family::Share, f.value / 100.0, f.ulp / 100.0),
        Kind::Fraction => (Family::Share, f.value * 100.0, f.ulp * 100.0),
        Kind::Multiplier => (Family::Multiple, f.value, f.ulp),
        Kind::Year => (Family::Year, f.value, f.ulp),
        Kind::Quarter => (Family::Quarter, f.value, f.ulp),
    }
}

/// True when one value is a rounding of the other.
fn close(a: f64, ua: f64, b: f64, ub: f64) -> bool {
    (a - b).abs() <= 0.5 * ua.max(ub) + 1e-9 * a.abs().max(b.abs())
}

/// True when an English and a Chinese figure say the same thing. A Chinese multiple may
/// count the increase (`增长两倍` for `tripled`, `增长 1 倍` for `up 100%`).
pub(crate) fn agree(e: &Figure, z: &Figure) -> bool {
    let ((fe, ve, ue), (fz, vz, uz)) = (measure(e), measure(z));
    match (fe, fz) {
        (Family::Multiple, Family::Multiple) => {
            close(ve, ue, vz, uz) || close(ve, ue, vz + 1.0, uz)
        }
        (Family::Share, Family::Multiple) => close(ve, ue, vz * 100.0, uz * 100.0),
        _ => fe == fz && close(ve, ue, vz, uz),
    }
}

/// True when two figures have the same value, not merely one a rounding of the other.
fn exact(e: &Figure, z: &Figure) -> bool {
    let ((_, ve, _), (_, vz, _)) = (measure(e), measure(z));
    (ve - vz).abs() <= 1e-9 * ve.abs().max(vz.abs())
}

/// The power of ten (±1 to ±4) by which the Chinese is off the English, if it is.
fn scale_slip(e: &Figure, z: &Figure) -> Option<i32> {
    let ((fe, ve, ue), (fz, vz, uz)) = (measure(e), measure(z));
    if fe != fz || ve == 0.0 {
        return None;
    }
    [1, -1, 2, -2, 3, -3, 4, -4].into_iter().find(|&n| {
        let f = 10f64.powi(n);
        close(ve * f, ue * f, vz, uz)
    })
}

/// The digits of a value at a rounding step (`1657` for 165.7e9 at 1e8).
fn digits(value: f64, step: f64) -> String {
    format!("{:.0}", (value / step).round())
}

/// True when the two figures have the same digits in another order, read at the coarser
/// of their two precisions (`184,000` and `14.8 万` are `184` and `148`).
fn transposed(e: &Figure, z: &Figure) -> bool {
    let ((fe, ve, ue), (fz, vz, uz)) = (measure(e), measure(z));
    let step = ue.max(uz);
    let (de, dz) = (digits(ve, step), digits(vz, step));
    let sorted = |s: &str| {
        let mut c: Vec<char> = s.chars().collect();
        c.sort_unstable();
        c
    };
    fe == fz && de.len() >= 2 && de != dz && sorted(&de) == sorted(&dz)
}

/// True when an unpaired Chinese figure may raise a mismatch.
fn assertive(z: &Figure) -> bool {
    z.is_strong() && !(z.spelled && z.kind == Kind::Count && z.value < 1e4)
}

/// Where a figure sits in its text, from 0 to 1.
fn position(f: &Figure, len: usize) -> f64 {
    f.range.start as f64 / len.max(1) as f64
}

/// A test of whether two figures may pair, in one pass of [`pair`].
type Fits = fn(&Figure, &Figure) -> bool;

/// The passes of [`pair`], strictest first: strong figures of the same kind, figures of the
/// same strength, then any that agree.
const PASSES: [Fits; 3] = [same_kind, same_strength, agree];

/// Strong figures of one kind that agree.
fn same_kind(e: &Figure, z: &Figure) -> bool {
    e.is_strong() && z.is_strong() && e.kind == z.kind && agree(e, z)
}

/// Figures that agree and are both strong or both weak.
fn same_strength(e: &Figure, z: &Figure) -> bool {
    e.is_strong() == z.is_strong() && agree(e, z)
}

/// Figure pairs compared exhaustively in one paragraph (64 figures a side).
const ALL_PAIRS: usize = 64 * 64;

/// Past that, how many English figures on each side of the same place a Chinese figure is
/// compared with.
const NEAR: usize = 48;

/// The two sides of a paragraph being paired.
struct Sides<'a> {
    en: &'a [Figure],
    en_len: usize,
    zh: &'a [Figure],
    zh_len: usize,
}

impl Sides<'_> {
    /// How far apart two figures sit in their texts, from 0 to 1.
    fn distance(&self, e: usize, z: usize) -> f64 {
        (position(&self.en[e], self.en_len) - position(&self.zh[z], self.zh_len)).abs()
    }

    /// The English figures Chinese figure `z` is compared with: all of them in a paragraph
    /// of ordinary size; in one with thousands of figures, those around the same place, so
    /// that pairing stays linear in the number of figures.
    fn window(&self, z: usize) -> std::ops::Range<usize> {
        let (n, m) = (self.en.len(), self.zh.len());
        if n.saturating_mul(m) <= ALL_PAIRS {
            return 0..n;
        }
        let centre = (z * n).checked_div(m).unwrap_or(0);
        centre.saturating_sub(NEAR)..(centre + NEAR).min(n)
    }

    /// The English partner for Chinese figure `z` among those unused that fit: an exact
    /// value first, then the nearest.
    fn best(&self, z: usize, used: &[bool], fits: Fits) -> Option<usize> {
        let rank = |e: usize| (!exact(&self.en[e], &self.zh[z]), self.distance(e, z));
        self.window(z)
            .filter(|&e| !used[e] && fits(&self.en[e], &self.zh[z]))
            .min_by(|&a, &b| {
                let ((xa, da), (xb, db)) = (rank(a), rank(b));
                xa.cmp(&xb).then(da.total_cmp(&db))
            })
    }
}

/// Pairs the figures of an English text with those of its Chinese text of `zh_len` bytes.
pub(crate) fn pair(en: &[Figure], en_text: &str, zh: &[Figure], zh_len: usize) -> Outcome {
    let sides = Sides {
        en,
        en_len: en_text.len(),
        zh,
        zh_len,
    };
    let mut used_en = vec![false; en.len()];
    let mut used_zh = vec![false; zh.len()];
    let mut out = Outcome::default();
    for fits in PASSES {
        for (z, paired) in used_zh.iter_mut().enumerate() {
            if *paired {
                continue;
            }
            if let Some(e) = sides.best(z, &used_en, fits) {
                used_en[e] = true;
                *paired = true;
                out.pairs.push((e, z));
            }
        }
    }
    out.pairs.sort_unstable_by_key(|&(_, z)| z);
    for z in (0..zh.len()).filter(|&z| !used_zh[z] && assertive(&zh[z])) {
        let distance = |e| sides.distance(e, z);
        let near = sides.window(z);
        if let Some((e, reason)) = explain(en, en_text, &used_en, near, &zh[z], distance) {
            if let Some(e) = e {
                used_en[e] = true;
            }
            out.mismatches.push((e, z, reason));
        }
    }
    out
}

/// The stretch of `text` that holds `figures` (and a little on each side), with the
/// figures' ranges made relative to it.
fn around<'t>(text: &'t str, figures: &[Figure]) -> (&'t str, Vec<Figure>) {
    let (Some(first), Some(last)) = (figures.first(), figures.last()) else {
        return ("", Vec::new());
    };
    let mut start = first.range.start.saturating_sub(256);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (last.range.end + 256).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let shifted = figures
        .iter()
        .map(|f| Figure {
            range: f.range.start - start..f.range.end - start,
            ..f.clone()
        })
        .collect();
    (&text[start..end], shifted)
}

/// Why an unpaired Chinese figure is a mismatch, with the English figure it should have
/// matched; `None` when it is not one.
fn explain(
    en: &[Figure],
    en_text: &str,
    used: &[bool],
    near: std::ops::Range<usize>,
    z: &Figure,
    distance: impl Fn(usize) -> f64,
) -> Option<(Option<usize>, Reason)> {
    let family = measure(z).0;
    let mut open: Vec<usize> = near
        .clone()
        .filter(|&e| !used[e] && en[e].is_strong() && measure(&en[e]).0 == family)
        .collect();
    open.sort_by(|&a, &b| distance(a).total_cmp(&distance(b)));
    if let Some((e, n)) = open
        .iter()
        .find_map(|&e| scale_slip(&en[e], z).map(|n| (e, n)))
    {
        return Some((Some(e), Reason::Scale(n)));
    }
    if let Some(&e) = open.iter().find(|&&e| transposed(&en[e], z)) {
        return Some((Some(e), Reason::Transposed));
    }
    if z.spelled {
        return None;
    }
    // In a paragraph with thousands of figures, the English around the same place.
    let excused = if near.len() == en.len() {
        excuse::excused(en_text, en, z)
    } else {
        let (text, figures) = around(en_text, &en[near]);
        excuse::excused(text, &figures, z)
    };
    if excused {
        return None;
    }
    match open.first() {
        Some(&e) => Some((Some(e), Reason::Differs)),
        None => Some((None, Reason::Missing)),
    }
}

#[cfg(test)]
#[path = "pair_tests.rs"]
mod tests;
