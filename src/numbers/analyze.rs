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

/// Finds, pairs and checks the figures of every paragraph of a call.
pub fn analyze(t: &Transcript) -> Analysis {
    let mut analysis = Analysis {
        blocks: Vec::with_capacity(t.turns.len()),
        ..Analysis::default()
    };
    for (ti, turn) in t.turns.iter().enumerate() {
        let mut row = Vec::with_capacity(turn.blocks.len());
        for (bi, block) in turn.blocks.iter().enumerate() {
            let figures = match block {
                Block::Para { en, zh } => {
                    paragraph(en.as_deref(), zh.as_deref(), (ti, bi), &mut analysis)
                }
                Block::Note { .. } => BlockFigures::default(),
            };
            row.push(figures);
        }
        analysis.blocks.push(row);
    }
    analysis
}

/// The marks of one paragraph; pairs and mismatches are numbered on from `analysis`.
fn paragraph(
    en: Option<&str>,
    zh: Option<&str>,
    at: (usize, usize),
    analysis: &mut Analysis,
) -> BlockFigures {
    let en_figs = en.map(|s| extract(s, Lang::En)).unwrap_or_default();
    let zh_figs = zh.map(|s| extract(s, Lang::Zh)).unwrap_or_default();
    let outcome = match (en, zh) {
        (Some(e), Some(z)) => pair::pair(&en_figs, e, &zh_figs, z.len()),
        _ => pair::Outcome::default(),
    };
    let marks = |figures: Vec<Figure>| -> Vec<Mark> {
        figures
            .into_iter()
            .map(|figure| Mark {
                figure,
                pair: None,
                mismatch: None,
            })
            .collect()
    };
    let mut out = BlockFigures {
        en: marks(en_figs),
        zh: marks(zh_figs),
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
