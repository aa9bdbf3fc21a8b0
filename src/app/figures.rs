//! Figures in the reader: the call's numbers analysed once when it is opened, whether they
//! are highlighted, and stepping through the ones the translation gets wrong.

use crate::numbers::{Analysis, BlockFigures, Mismatch, analyze};
use crate::transcript::Transcript;

use super::state::App;

/// The figures of the call being read and how the reader shows them.
#[derive(Debug, Clone, Default)]
pub struct Figures {
    /// Every figure, paired and checked (computed once per call).
    pub analysis: Analysis,
    /// True while figures are highlighted (`#`).
    pub on: bool,
    /// Index into the analysis' mismatches of the one last jumped to.
    pub current: Option<usize>,
    /// True until the call is analysed (the reader does it just after its first frame).
    pub pending: bool,
}

impl Figures {
    /// Analyses `doc`; highlighting starts off.
    pub fn new(doc: &Transcript) -> Self {
        Figures {
            analysis: analyze(doc),
            on: false,
            current: None,
            pending: false,
        }
    }

    /// No analysis yet: [`App::analyse_figures`] does it when asked.
    pub fn later() -> Self {
        Figures {
            pending: true,
            ..Figures::default()
        }
    }

    /// The figures of another call, `doc`, highlighted as these are.
    pub fn for_call(&self, doc: &Transcript) -> Self {
        Figures {
            on: self.on,
            ..Figures::new(doc)
        }
    }

    /// The figures of block `block` of turn `turn`, while highlighting is on.
    pub fn shown(&self, turn: usize, block: usize) -> Option<&BlockFigures> {
        self.on.then(|| self.analysis.block(turn, block)).flatten()
    }

    /// How many figures the Chinese gets wrong.
    pub fn mismatch_count(&self) -> usize {
        self.analysis.mismatches.len()
    }
}

impl App {
    /// Analyses the call's figures if that was left for later; true when it did.
    pub fn analyse_figures(&mut self) -> bool {
        if !self.figures.pending {
            return false;
        }
        self.figures = Figures {
            on: self.figures.on,
            ..Figures::new(&self.doc)
        };
        true
    }

    /// The row a jump to mismatch `i` puts at the top: its paragraph's first row, or the
    /// start of its turn (speaker and banners) when nothing of the turn comes before it.
    fn mismatch_row(&self, i: usize) -> usize {
        let m = &self.figures.analysis.mismatches[i];
        let id = self.index.block_id(m.turn, m.block);
        let start = self.layout.block_span(id).0;
        if self.layout.first_shown(id, m.turn) {
            self.layout.turn_row(m.turn)
        } else {
            start
        }
    }

    /// The mismatch the reader is at: the one last jumped to while its paragraph is still at
    /// the top, else the first one in the paragraph at the top.
    pub fn mismatch_here(&self) -> Option<usize> {
        let current = self.figures.current;
        if let Some(c) = current.filter(|&c| self.mismatch_row(c) == self.top) {
            return Some(c);
        }
        let (turn, block) = self.paragraph_here()?;
        let all = &self.figures.analysis.mismatches;
        all.iter().position(|m| (m.turn, m.block) == (turn, block))
    }

    /// The mismatch after (or before) the reading position, wrapping round; the second value
    /// is true when it wrapped.
    fn mismatch_step(&self, forward: bool) -> Option<(usize, bool)> {
        let n = self.figures.mismatch_count();
        if n == 0 {
            return None;
        }
        let at_current = self
            .figures
            .current
            .filter(|&c| self.mismatch_row(c) == self.top);
        let rows: Vec<usize> = (0..n).map(|i| self.mismatch_row(i)).collect();
        let step = match (at_current, forward) {
            (Some(c), true) => (c + 1 < n).then_some(c + 1),
            (Some(c), false) => c.checked_sub(1),
            (None, true) => rows.iter().position(|&r| r > self.top),
            (None, false) => rows.iter().rposition(|&r| r < self.top),
        };
        Some(match (step, forward) {
            (Some(i), _) => (i, false),
            (None, true) => (0, true),
            (None, false) => (n - 1, true),
        })
    }

    /// `!` / `Alt-!`: goes to the next (or previous) mismatch, turning highlighting on.
    pub fn goto_mismatch(&mut self, forward: bool) {
        self.analyse_figures();
        let Some((i, wrapped)) = self.mismatch_step(forward) else {
            self.say("No figure mismatches in this call");
            return;
        };
        self.figures.on = true;
        self.figures.current = Some(i);
        self.jump_to_row(self.mismatch_row(i));
        let m = &self.figures.analysis.mismatches[i];
        let mut msg = describe(&self.figures.analysis, m);
        if wrapped {
            msg.push_str(if forward {
                " (wrapped to the start)"
            } else {
                " (wrapped to the end)"
            });
        }
        self.say(msg);
    }

    /// `#`: figures highlighted or plain.
    pub fn toggle_figures(&mut self) {
        self.analyse_figures();
        self.figures.on = !self.figures.on;
        let a = &self.figures.analysis;
        let n = self.figures.mismatch_count();
        self.say(match (self.figures.on, n) {
            (false, _) => "Figures plain".to_string(),
            (true, 0) => format!("Figures highlighted: {} pairs, no mismatch", a.pairs),
            (true, n) => format!(
                "Figures highlighted: {} pairs, {n} mismatched (! to go there)",
                a.pairs
            ),
        });
    }
}

/// `“$812 million” → “81.2 亿美元”` for a status message (the position beside it says why).
fn describe(a: &Analysis, m: &Mismatch) -> String {
    let (en, zh) = a.figures(m);
    match en {
        Some(en) => format!("“{}” → “{}”", en.text, zh.text),
        None => format!("“{}”", zh.text),
    }
}
