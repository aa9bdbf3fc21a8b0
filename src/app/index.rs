//! Facts about a transcript computed once when it opens: block numbering, the turn list,
//! the analysts, and the key under which the reading position is remembered.

use crate::transcript::{Block, Section, Transcript};

/// One line of the turn list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The turn the entry jumps to; for [`EntryKind::After`], the number of turns (the
    /// material after the call follows every turn), so that entries stay sorted by turn.
    pub turn: usize,
    pub kind: EntryKind,
}

/// What a turn-list line stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    /// The heading of the material before the call.
    Before,
    /// The heading of prepared remarks or Q&A.
    Section(Section),
    /// A turn outside any question.
    Turn,
    /// A question (index into `Transcript::questions`): operator's introduction or the question.
    Question(usize),
    /// A turn that follows a question's asking (an answer or a follow-up), or a turn of the
    /// closing remarks, shown indented.
    Answer,
    /// The heading of the closing remarks: the Q&A turns after the last question.
    Closing,
    /// The heading of the material after the call (comments, disclaimers, page chrome).
    After,
}

/// An analyst who asked questions, for the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analyst {
    /// Index into `Transcript::speakers`.
    pub speaker: usize,
    pub firm: Option<String>,
    /// Indices into `Transcript::questions`, in call order.
    pub questions: Vec<usize>,
}

/// Everything derived from the transcript that does not depend on the screen.
#[derive(Debug, Clone, Default)]
pub struct DocIndex {
    /// Global number of each turn's first block; one extra entry holds the total.
    pub block_base: Vec<u32>,
    /// For each turn, the question (index into `questions`) it opens.
    pub opens_question: Vec<Option<usize>>,
    /// (first turn, question index) of every question, sorted by turn.
    pub question_starts: Vec<(usize, usize)>,
    /// The first turn of the closing remarks (Q&A turns after the last question), if any.
    pub closing: Option<usize>,
    /// The turn list, in reading order.
    pub entries: Vec<Entry>,
    pub analysts: Vec<Analyst>,
    /// True when both languages occur, so paragraphs can be shown side by side.
    pub bilingual: bool,
    /// Stable hash of the transcript's text, keying the remembered reading position.
    pub key: String,
    /// The length of every block's texts, by global block number: what a layout estimates
    /// heights from without touching the text.
    pub extents: Vec<Extent>,
    /// The number of commentary notes.
    pub notes: usize,
}

/// The lengths in bytes of a block's texts ([`Extent::ABSENT`] for a language it lacks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extent {
    Para { en: u32, zh: u32 },
    Note(u32),
}

impl Extent {
    /// The length of a text a paragraph does not have.
    pub const ABSENT: u32 = u32::MAX;

    /// The extent of `block`.
    pub fn of(block: &Block) -> Self {
        let len = |s: &Option<String>| s.as_ref().map_or(Self::ABSENT, |s| s.len() as u32);
        match block {
            Block::Para { en, zh } => Extent::Para {
                en: len(en),
                zh: len(zh),
            },
            Block::Note { note } => Extent::Note(note.len() as u32),
        }
    }
}

/// A turn's part in the turn list.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Plain,
    Opens(usize),
    Asking,
    Answer,
}

impl DocIndex {
    /// Computes the index of `t`.
    pub fn new(t: &Transcript) -> Self {
        let mut block_base = Vec::with_capacity(t.turns.len() + 1);
        let mut total = 0u32;
        for turn in &t.turns {
            block_base.push(total);
            total += turn.blocks.len() as u32;
        }
        block_base.push(total);
        let roles = roles(t);
        let opens_question = roles
            .iter()
            .map(|r| match r {
                Role::Opens(q) => Some(*q),
                _ => None,
            })
            .collect::<Vec<_>>();
        let question_starts = opens_question
            .iter()
            .enumerate()
            .filter_map(|(turn, q)| q.map(|q| (turn, q)))
            .collect();
        let closing = closing_start(t);
        let extents: Vec<Extent> = t
            .turns
            .iter()
            .flat_map(|turn| turn.blocks.iter().map(Extent::of))
            .collect();
        let notes = extents
            .iter()
            .filter(|e| matches!(e, Extent::Note(_)))
            .count();
        DocIndex {
            block_base,
            opens_question,
            question_starts,
            closing,
            entries: entries(t, &roles, closing),
            analysts: analysts(t),
            bilingual: has_both_languages(t),
            key: content_key(t),
            extents,
            notes,
        }
    }

    /// The global number of block `b` of turn `turn`.
    pub fn block_id(&self, turn: usize, b: usize) -> u32 {
        self.block_base[turn] + b as u32
    }

    /// The turn that owns global block `id`.
    pub fn turn_of_block(&self, id: u32) -> usize {
        self.block_base
            .partition_point(|&base| base <= id)
            .saturating_sub(1)
    }

    /// The turn-list entry that contains turn `turn` (the last entry at or before it).
    pub fn entry_of_turn(&self, turn: usize) -> usize {
        self.entries
            .partition_point(|e| e.turn <= turn)
            .saturating_sub(1)
    }
}

/// Each turn's part in the turn list, from the questions' turn lists.
fn roles(t: &Transcript) -> Vec<Role> {
    let mut roles = vec![Role::Plain; t.turns.len()];
    for (qi, q) in t.questions.iter().enumerate() {
        let valid: Vec<usize> = q
            .turns
            .iter()
            .copied()
            .filter(|&i| i < t.turns.len())
            .collect();
        let Some(&first) = valid.first() else {
            continue;
        };
        let asked = valid
            .iter()
            .position(|&i| t.turns[i].speaker == q.analyst)
            .unwrap_or(0);
        for (pos, &i) in valid.iter().enumerate() {
            roles[i] = if i == first {
                Role::Opens(qi)
            } else if pos <= asked {
                Role::Asking
            } else {
                Role::Answer
            };
        }
    }
    roles
}

/// The turn list: the material before the call, section headings, turns, questions and their
/// answers, the closing remarks, the material after the call.
fn entries(t: &Transcript, roles: &[Role], closing: Option<usize>) -> Vec<Entry> {
    let mut out = Vec::new();
    if !t.front_matter.is_empty() && !t.turns.is_empty() {
        out.push(Entry {
            turn: 0,
            kind: EntryKind::Before,
        });
    }
    let mut section = None;
    for (i, turn) in t.turns.iter().enumerate() {
        if section != Some(turn.section) {
            section = Some(turn.section);
            out.push(Entry {
                turn: i,
                kind: EntryKind::Section(turn.section),
            });
        }
        if closing == Some(i) {
            out.push(Entry {
                turn: i,
                kind: EntryKind::Closing,
            });
        }
        let closes = closing.is_some_and(|c| i >= c) && turn.section == Section::Qa;
        let kind = match roles[i] {
            Role::Plain if closes => EntryKind::Answer,
            Role::Plain => EntryKind::Turn,
            Role::Opens(q) => EntryKind::Question(q),
            Role::Answer => EntryKind::Answer,
            Role::Asking => continue,
        };
        out.push(Entry { turn: i, kind });
    }
    if !t.back_matter.is_empty() && !t.turns.is_empty() {
        out.push(Entry {
            turn: t.turns.len(),
            kind: EntryKind::After,
        });
    }
    out
}

/// The first turn of the closing remarks: a Q&A turn after every question's turns.
fn closing_start(t: &Transcript) -> Option<usize> {
    let last = t
        .questions
        .iter()
        .flat_map(|q| &q.turns)
        .copied()
        .filter(|&i| i < t.turns.len())
        .max()?;
    (last + 1..t.turns.len()).find(|&i| t.turns[i].section == Section::Qa)
}

/// Analysts in order of their first question, with firm and question list.
fn analysts(t: &Transcript) -> Vec<Analyst> {
    let mut out: Vec<Analyst> = Vec::new();
    for (qi, q) in t.questions.iter().enumerate() {
        if q.analyst >= t.speakers.len() {
            continue;
        }
        match out.iter_mut().find(|a| a.speaker == q.analyst) {
            Some(a) => a.questions.push(qi),
            None => out.push(Analyst {
                speaker: q.analyst,
                firm: q
                    .firm
                    .clone()
                    .or_else(|| t.speakers[q.analyst].firm.clone()),
                questions: vec![qi],
            }),
        }
    }
    out
}

/// True when some paragraph has English and some has Chinese.
fn has_both_languages(t: &Transcript) -> bool {
    let paras = t.turns.iter().flat_map(|x| &x.blocks);
    let (mut en, mut zh) = (false, false);
    for b in paras {
        if let Block::Para { en: e, zh: z } = b {
            en |= e.is_some();
            zh |= z.is_some();
        }
        if en && zh {
            return true;
        }
    }
    false
}

/// FNV-1a hash of speakers and block texts: stable across runs and Rust versions.
pub fn content_key(t: &Transcript) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |s: &str| {
        for b in s.bytes().chain([0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for turn in &t.turns {
        feed(t.speakers.get(turn.speaker).map_or("", |s| s.name.as_str()));
        for b in &turn.blocks {
            match b {
                Block::Para { en, zh } => {
                    feed(en.as_deref().unwrap_or(""));
                    feed(zh.as_deref().unwrap_or(""));
                }
                Block::Note { note } => feed(note),
            }
        }
    }
    format!("{h:016x}")
}
