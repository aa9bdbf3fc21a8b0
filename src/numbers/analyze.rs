//! The figures of a whole call, paired and checked paragraph by paragraph: what the reader
//! highlights and `tandem check` reports.

use super::{Figure, Reason, extract, pair};
use crate::transcript::model::{Block, Lang, Transcript};

/// A figure in a paragraph, with its pairing.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub figure: Figure,
    /// Shared by the two figures of a matched pair, unique in the call (colour by it).
    pub pair: Option<usize>,
    /// Index into [`Analysis::mismatches`] when this figure is part of one.
    pub mismatch: Option<usize>,
}

/// The figures of one block: empty for notes and paragraphs without figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BlockFigures {
    pub en: Vec<Mark>,
    pub zh: Vec<Mark>,
}

/// A Chinese figure that disagrees with the English of its paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Mismatch {
    /// Index into [`Transcript::turns`].
    pub turn: usize,
    /// Index into that turn's blocks.
    pub block: usize,
    /// Index into the block's English marks: the figure it should have matched, if any.
    pub en: Option<usize>,
    /// Index into the block's Chinese marks.
    pub zh: usize,
    pub reason: Reason,
}

/// Every figure of a call, paired and checked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    /// Indexed like the transcript: `blocks[turn][block]`.
    pub blocks: Vec<Vec<BlockFigures>>,
    /// Number of matched pairs.
    pub pairs: usize,
    /// In reading order.
    pub mismatches: Vec<Mismatch>,
}

impl Analysis {
    /// The figures of one block, if it exists.
    pub fn block(&self, turn: usize, block: usize) -> Option<&BlockFigures> {
        self.blocks.get(turn)?.get(block)
    }

    /// The English figure (if any) and the Chinese figure of a mismatch.
    pub fn figures(&self, m: &Mismatch) -> (Option<&Figure>, &Figure) {
        let b = &self.blocks[m.turn][m.block];
        (m.en.map(|e| &b.en[e].figure), &b.zh[m.zh].figure)
    }

    /// The first mismatch in a block after `(turn, block)`, wrapping to the start.
    pub fn next_mismatch(&self, turn: usize, block: usize) -> Option<&Mismatch> {
        let after = |m: &&Mismatch| (m.turn, m.block) > (turn, block);
        self.mismatches
            .iter()
            .find(after)
            .or(self.mismatches.first())
    }

    /// The last mismatch in a block before `(turn, block)`, wrapping to the end.
    pub fn prev_mismatch(&self, turn: usize, block: usize) -> Option<&Mismatch> {
        let before = |m: &&Mismatch| (m.turn, m.block) < (turn, block);
        self.mismatches
            .iter()
            .rev()
            .find(before)
            .or(self.mismatches.last())
    }
}

/// The figures of one block, English then Chinese, before pairing.
type Found = (Vec<Figure>, Vec<Figure>);

/// Finds, pairs and checks the figures of every paragraph of a call.
pub fn analyze(t: &Transcript) -> Analysis {
    let found: Vec<Vec<Found>> = t
        .turns
        .iter()
        .map(|turn| turn.blocks.iter().map(find).collect())
        .collect();
    let paras: Vec<(usize, usize)> = t
        .turns
        .iter()
        .enumerate()
        .flat_map(|(ti, turn)| (0..turn.blocks.len()).map(move |bi| (ti, bi)))
        .filter(|&(ti, bi)| !t.turns[ti].blocks[bi].is_note())
        .collect();
    let mut outcomes: Vec<Vec<pair::Outcome>> = found
        .iter()
        .map(|row| vec![pair::Outcome::default(); row.len()])
        .collect();
    for &(ti, bi) in &paras {
        if let Block::Para {
            en: Some(en),
            zh: Some(zh),
        } = &t.turns[ti].blocks[bi]
        {
            let (en_figs, zh_figs) = &found[ti][bi];
            outcomes[ti][bi] = pair::pair(en_figs, en, zh_figs, zh.len());
        }
    }
    for (k, &(ti, bi)) in paras.iter().enumerate() {
        let near = [k.checked_sub(1), Some(k + 1)].into_iter().flatten();
        let loose: Vec<&Figure> = near
            .filter_map(|n| paras.get(n))
            .flat_map(|&(nt, nb)| unpaired_english(&found[nt][nb], &outcomes[nt][nb]))
            .collect();
        let zh_figs = &found[ti][bi].1;
        let moved = |z: usize| loose.iter().any(|e| pair::agree(e, &zh_figs[z]));
        outcomes[ti][bi].mismatches.retain(|&(_, z, _)| !moved(z));
    }
    let mut analysis = Analysis::default();
    for (ti, (row, outs)) in found.into_iter().zip(outcomes).enumerate() {
        let marked = row.into_iter().zip(outs).enumerate();
        let marked = marked.map(|(bi, (figs, out))| mark(figs, out, (ti, bi), &mut analysis));
        let marked: Vec<BlockFigures> = marked.collect();
        analysis.blocks.push(marked);
    }
    analysis
}

/// The English figures of a block that found no partner in its own Chinese: the ones a
/// sentence moved across a paragraph boundary (or a merged paragraph) may have left behind.
fn unpaired_english<'a>(
    found: &'a Found,
    outcome: &pair::Outcome,
) -> impl Iterator<Item = &'a Figure> {
    let paired: Vec<usize> = outcome.pairs.iter().map(|&(e, _)| e).collect();
    found
        .0
        .iter()
        .enumerate()
        .filter(move |(e, _)| !paired.contains(e))
        .map(|(_, f)| f)
}

/// The figures of a block (none in a note).
fn find(block: &Block) -> Found {
    match block {
        Block::Para { en, zh } => (
            en.as_deref()
                .map(|s| extract(s, Lang::En))
                .unwrap_or_default(),
            zh.as_deref()
                .map(|s| extract(s, Lang::Zh))
                .unwrap_or_default(),
        ),
        Block::Note { .. } => Found::default(),
    }
}

/// A block's figures as marks; its pairs and mismatches are numbered on from `analysis`.
fn mark(
    figs: Found,
    outcome: pair::Outcome,
    at: (usize, usize),
    analysis: &mut Analysis,
) -> BlockFigures {
    let marks = |figures: Vec<Figure>| -> Vec<Mark> {
        let unmarked = |figure| Mark {
            figure,
            pair: None,
            mismatch: None,
        };
        figures.into_iter().map(unmarked).collect()
    };
    let mut out = BlockFigures {
        en: marks(figs.0),
        zh: marks(figs.1),
    };
    for (e, z) in outcome.pairs {
        out.en[e].pair = Some(analysis.pairs);
        out.zh[z].pair = Some(analysis.pairs);
        analysis.pairs += 1;
    }
    let (turn, block) = at;
    for (e, z, reason) in outcome.mismatches {
        let id = analysis.mismatches.len();
        if let Some(e) = e {
            out.en[e].mismatch = Some(id);
        }
        out.zh[z].mismatch = Some(id);
        analysis.mismatches.push(Mismatch {
            turn,
            block,
            en: e,
            zh: z,
            reason,
        });
    }
    out
}

#[cfg(test)]
#[path = "analyze_tests.rs"]
mod tests;
