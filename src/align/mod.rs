//! Aligning an English transcript with a separately published Chinese translation: turns
//! first, then paragraphs inside each pair of turns, by dynamic programming over a score built
//! from length (the English-to-Chinese character ratio is estimated from the data) and anchors
//! (figures normalised across languages, Latin tokens the Chinese keeps, speakers' names).

pub mod dp;
pub mod eval;
mod features;
mod merge;

use std::collections::HashSet;
use std::fmt;

use crate::transcript::names::same_person;
use crate::transcript::{Block, Lang, SpeakerKind, Transcript, Turn};
use dp::{Bead, Step};
use features::Unit;

/// Why two transcripts cannot be aligned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AlignError {
    /// Both files are in one language.
    SameLanguage(Lang),
    /// One file already carries both languages.
    AlreadyBilingual,
    /// The two files do not look like the same call.
    DifferentCalls(String),
}

impl AlignError {
    /// The reason in a few words, for a status line.
    pub fn brief(&self) -> String {
        match self {
            AlignError::SameLanguage(Lang::En) => "both files in English".into(),
            AlignError::SameLanguage(Lang::Zh) => "both files in Chinese".into(),
            AlignError::AlreadyBilingual => "a file already has both languages".into(),
            AlignError::DifferentCalls(why) => format!("not the same call ({why})"),
        }
    }
}

impl fmt::Display for AlignError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AlignError::SameLanguage(Lang::En) => write!(
                f,
                "both files are in English; give an English and a Chinese file"
            ),
            AlignError::SameLanguage(Lang::Zh) => write!(
                f,
                "both files are in Chinese; give an English and a Chinese file"
            ),
            AlignError::AlreadyBilingual => {
                write!(
                    f,
                    "a file already has both English and Chinese; open it on its own"
                )
            }
            AlignError::DifferentCalls(why) => {
                write!(f, "these two files do not look like the same call ({why})")
            }
        }
    }
}

impl std::error::Error for AlignError {}

/// A paragraph of an input transcript: turn index and index among the turn's paragraphs.
pub type ParaRef = (usize, usize);

/// One link of the alignment: English paragraphs and the Chinese paragraphs they translate to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Link {
    pub en: Vec<ParaRef>,
    pub zh: Vec<ParaRef>,
}

/// The merged transcript and the paragraph links it was built from.
#[derive(Debug, Clone)]
pub struct Aligned {
    pub transcript: Transcript,
    pub links: Vec<Link>,
}

/// The paragraphs of one turn, in one language.
fn paragraphs(turn: &Turn, lang: Lang) -> Vec<&str> {
    turn.blocks
        .iter()
        .filter_map(|b| match (b, lang) {
            (Block::Para { en: Some(t), .. }, Lang::En)
            | (Block::Para { zh: Some(t), .. }, Lang::Zh) => Some(t.as_str()),
            _ => None,
        })
        .collect()
}

/// Both sides' units: per turn, its paragraphs' units.
struct Sides {
    en: Vec<Vec<Unit>>,
    zh: Vec<Vec<Unit>>,
    /// Chinese characters per English character.
    ratio: f64,
}

impl Sides {
    fn new(en: &Transcript, zh: &Transcript) -> Self {
        let vocab: HashSet<String> = zh
            .turns
            .iter()
            .flat_map(|t| paragraphs(t, Lang::Zh))
            .flat_map(features::latin_tokens)
            .collect();
        let en_units: Vec<Vec<Unit>> = en
            .turns
            .iter()
            .map(|t| {
                paragraphs(t, Lang::En)
                    .iter()
                    .map(|p| features::en_unit(p, &vocab))
                    .collect()
            })
            .collect();
        let zh_units: Vec<Vec<Unit>> = zh
            .turns
            .iter()
            .map(|t| {
                paragraphs(t, Lang::Zh)
                    .iter()
                    .map(|p| features::zh_unit(p))
                    .collect()
            })
            .collect();
        let total =
            |u: &Vec<Vec<Unit>>| u.iter().flatten().map(|x| x.len).sum::<usize>().max(1) as f64;
        let ratio = (total(&zh_units) / total(&en_units)).clamp(0.1, 3.0);
        Sides {
            en: en_units,
            zh: zh_units,
            ratio,
        }
    }
}

/// How far a Chinese length is from what the English length predicts (0 when as expected).
fn length_cost(en_len: usize, zh_len: usize, ratio: f64) -> f64 {
    ((zh_len as f64 + 8.0) / (en_len as f64 * ratio + 8.0))
        .ln()
        .abs()
}

/// The paragraph beads allowed, with their fixed costs.
const PARA_BEADS: [(Bead, f64); 7] = [
    ((1, 1), 0.0),
    ((1, 2), 2.0),
    ((2, 1), 2.0),
    ((1, 3), 2.6),
    ((3, 1), 2.6),
    ((1, 0), 2.5),
    ((0, 1), 2.5),
];

/// Units taken together: one as it is (the common case, without copying), several combined.
fn joined(units: &[Unit]) -> std::borrow::Cow<'_, Unit> {
    match units {
        [one] => std::borrow::Cow::Borrowed(one),
        more => std::borrow::Cow::Owned(features::combine(&more.iter().collect::<Vec<_>>())),
    }
}

/// Aligns the paragraphs of one pair of turns.
fn align_paragraphs(en: &[Unit], zh: &[Unit], ratio: f64) -> Vec<Step> {
    let beads: Vec<Bead> = PARA_BEADS.iter().map(|b| b.0).collect();
    dp::align(en.len(), zh.len(), &beads, |a, b, bead| {
        let fixed = PARA_BEADS.iter().find(|x| x.0 == bead).map_or(0.0, |x| x.1);
        if bead.0 == 0 || bead.1 == 0 {
            return fixed;
        }
        // One paragraph a side (the common bead) is compared as it is, without copying.
        let (e, z) = (joined(&en[a..a + bead.0]), joined(&zh[b..b + bead.1]));
        let (shared, alone) = features::overlap(&e, &z);
        fixed + 3.0 * length_cost(e.len, z.len, ratio) - 2.0 * f64::from(shared)
            + 0.4 * f64::from(alone)
    })
}

/// Prices pairing an English turn with a Chinese turn.
fn turn_cost(en: &Transcript, zh: &Transcript, sides: &Sides, i: usize, j: usize) -> f64 {
    let (se, sz) = (
        &en.speakers[en.turns[i].speaker],
        &zh.speakers[zh.turns[j].speaker],
    );
    let op = |k: SpeakerKind| k == SpeakerKind::Operator;
    let mut cost = 0.0;
    if op(se.kind) != op(sz.kind) {
        cost += 4.0;
    } else if se.kind == sz.kind && se.kind != SpeakerKind::Other {
        cost -= 1.0;
    }
    let names = [Some(sz.name.as_str()), sz.name_alt.as_deref()];
    if names
        .into_iter()
        .flatten()
        .any(|n| same_person(&se.name, n))
    {
        cost -= 3.0;
    }
    let e = features::combine(&sides.en[i].iter().collect::<Vec<_>>());
    let z = features::combine(&sides.zh[j].iter().collect::<Vec<_>>());
    let (shared, alone) = features::overlap(&e, &z);
    cost + 1.5 * length_cost(e.len, z.len, sides.ratio) - f64::from(shared) + 0.1 * f64::from(alone)
}

/// Which file is English and which Chinese.
fn order(a: Transcript, b: Transcript) -> Result<(Transcript, Transcript), AlignError> {
    if a.is_bilingual() || b.is_bilingual() {
        return Err(AlignError::AlreadyBilingual);
    }
    match (a.languages.first(), b.languages.first()) {
        (Some(Lang::En), Some(Lang::Zh)) => Ok((a, b)),
        (Some(Lang::Zh), Some(Lang::En)) => Ok((b, a)),
        (Some(l), _) => Err(AlignError::SameLanguage(*l)),
        (None, _) => Err(AlignError::DifferentCalls("a file has no speech".into())),
    }
}

/// Aligns two transcripts of one call (English and Chinese, in either order) into one.
pub fn align(a: Transcript, b: Transcript) -> Result<Aligned, AlignError> {
    let (en, zh) = order(a, b)?;
    if let (Some(pe), Some(pz)) = (&en.period, &zh.period)
        && pe != pz
    {
        return Err(AlignError::DifferentCalls(format!("{pe} and {pz}")));
    }
    let sides = Sides::new(&en, &zh);
    let turn_steps = dp::align(
        en.turns.len(),
        zh.turns.len(),
        &[(1, 1), (1, 0), (0, 1)],
        |i, j, bead| {
            if bead == (1, 1) {
                turn_cost(&en, &zh, &sides, i, j)
            } else {
                5.0
            }
        },
    );
    let mut links = Vec::new();
    let mut pairs = Vec::new();
    for s in &turn_steps {
        let step_links: Vec<Link> = match s.bead {
            (1, 1) => align_paragraphs(&sides.en[s.a], &sides.zh[s.b], sides.ratio)
                .into_iter()
                .map(|p| Link {
                    en: (p.a..p.a + p.bead.0).map(|k| (s.a, k)).collect(),
                    zh: (p.b..p.b + p.bead.1).map(|k| (s.b, k)).collect(),
                })
                .collect(),
            (1, 0) => (0..sides.en[s.a].len())
                .map(|k| Link {
                    en: vec![(s.a, k)],
                    zh: vec![],
                })
                .collect(),
            _ => (0..sides.zh[s.b].len())
                .map(|k| Link {
                    en: vec![],
                    zh: vec![(s.b, k)],
                })
                .collect(),
        };
        pairs.push((*s, step_links.clone()));
        links.extend(step_links);
    }
    check_same_call(&sides, &links)?;
    let transcript = merge::merge(&en, &zh, &pairs);
    Ok(Aligned { transcript, links })
}

/// Refuses an alignment whose linked paragraphs share few of their figures, or almost none
/// of their anchors.
fn check_same_call(sides: &Sides, links: &[Link]) -> Result<(), AlignError> {
    let (mut shared, mut total) = (0.0f32, 0.0f32);
    let (mut fig_shared, mut fig_total) = (0.0f32, 0.0f32);
    // Only paragraphs linked on both sides tell: an abridged translation leaves much of the
    // English unlinked, which says nothing about whether it is the same call.
    for l in links
        .iter()
        .filter(|l| !l.en.is_empty() && !l.zh.is_empty())
    {
        let e = features::combine(
            &l.en
                .iter()
                .map(|&(t, p)| &sides.en[t][p])
                .collect::<Vec<_>>(),
        );
        let z = features::combine(
            &l.zh
                .iter()
                .map(|&(t, p)| &sides.zh[t][p])
                .collect::<Vec<_>>(),
        );
        let (s, _) = features::overlap(&e, &z);
        shared += s;
        total += e.anchors.iter().map(|a| a.1).sum::<f32>();
        let (t, s) = features::figure_overlap(&e, &z);
        fig_total += t;
        fig_shared += s;
    }
    // Figures tell calls apart best (two calls of one company share its names and terms):
    // in linked paragraphs of one call nearly all of them agree, in different calls few do.
    let figures_differ = fig_total >= 10.0 && fig_shared / fig_total < 0.2;
    if figures_differ || (total >= 20.0 && shared / total < 0.1) {
        return Err(AlignError::DifferentCalls(
            "their figures and names do not match".into(),
        ));
    }
    Ok(())
}
