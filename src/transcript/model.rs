//! The transcript model: what a parsed earnings call is, independent of its source layout.

use serde::{Deserialize, Serialize};

/// A language tandem reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Zh,
}

/// What part a speaker plays in the call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    Executive,
    Analyst,
    Operator,
    #[default]
    Other,
}

impl SpeakerKind {
    /// The lower-case name used in JSON and outlines.
    pub fn label(self) -> &'static str {
        match self {
            SpeakerKind::Executive => "executive",
            SpeakerKind::Analyst => "analyst",
            SpeakerKind::Operator => "operator",
            SpeakerKind::Other => "other",
        }
    }
}

/// One person (or the operator), across all the ways the file spells their name.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Speaker {
    /// The name as the file gives it first (the fullest Latin form when there is one).
    pub name: String,
    /// The name in the other script, when the file gives it.
    pub name_alt: Option<String>,
    pub role: Option<String>,
    pub firm: Option<String>,
    pub kind: SpeakerKind,
}

/// The two parts of an earnings call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    #[default]
    Prepared,
    Qa,
}

/// A unit of a turn: a paragraph (in one or both languages) or a commentator's note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Block {
    /// Speech: the English and/or the Chinese of one paragraph.
    Para {
        en: Option<String>,
        zh: Option<String>,
    },
    /// Commentary by a translator, blogger or reader: shown apart, never aligned or counted.
    Note { note: String },
}

impl Block {
    /// A paragraph with only English text.
    pub fn en(text: impl Into<String>) -> Self {
        Block::Para {
            en: Some(text.into()),
            zh: None,
        }
    }

    /// A paragraph with only Chinese text.
    pub fn zh(text: impl Into<String>) -> Self {
        Block::Para {
            en: None,
            zh: Some(text.into()),
        }
    }

    /// A note block.
    pub fn note(text: impl Into<String>) -> Self {
        Block::Note { note: text.into() }
    }

    /// The English and the Chinese of a paragraph that has both.
    pub fn both(&self) -> Option<(&str, &str)> {
        match self {
            Block::Para {
                en: Some(e),
                zh: Some(z),
            } => Some((e.as_str(), z.as_str())),
            _ => None,
        }
    }

    /// True for a commentator's note.
    pub fn is_note(&self) -> bool {
        matches!(self, Block::Note { .. })
    }
}

/// One speaker's uninterrupted contribution.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Turn {
    /// Index into [`Transcript::speakers`].
    pub speaker: usize,
    pub section: Section,
    /// The 1-based number of the question this turn belongs to, in the Q&A.
    pub question: Option<usize>,
    pub blocks: Vec<Block>,
}

/// One analyst's question and the answers that follow it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Question {
    /// Numbered from 1 in call order.
    pub number: usize,
    /// Index into [`Transcript::speakers`].
    pub analyst: usize,
    pub firm: Option<String>,
    /// Indices into [`Transcript::turns`]: the operator's introduction (if any), the question, the answers.
    pub turns: Vec<usize>,
}

/// A whole earnings call.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Transcript {
    pub title: Option<String>,
    pub company: Option<String>,
    /// Normalised as `Q1 2025`.
    pub period: Option<String>,
    /// ISO `YYYY-MM-DD` when the file gives a full date.
    pub date: Option<String>,
    pub languages: Vec<Lang>,
    /// The encoding the file was decoded from.
    pub encoding: String,
    pub speakers: Vec<Speaker>,
    pub turns: Vec<Turn>,
    pub questions: Vec<Question>,
    /// Material before the call (article, summary, foreword), one paragraph per entry.
    pub front_matter: Vec<String>,
    /// Material after the call (page chrome, disclaimers), one paragraph per entry.
    pub back_matter: Vec<String>,
    /// No line names a speaker: the turns were split where the call hands the floor over
    /// aloud, and the speech after each question's introduction is not told apart.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unlabelled: bool,
}

impl Transcript {
    /// The speaker of a turn.
    pub fn speaker_of(&self, turn: &Turn) -> &Speaker {
        &self.speakers[turn.speaker]
    }

    /// Number of speech paragraphs (notes excluded).
    pub fn paragraph_count(&self) -> usize {
        self.turns
            .iter()
            .flat_map(|t| &t.blocks)
            .filter(|b| !b.is_note())
            .count()
    }

    /// Number of notes.
    pub fn note_count(&self) -> usize {
        self.turns
            .iter()
            .flat_map(|t| &t.blocks)
            .filter(|b| b.is_note())
            .count()
    }

    /// True when some paragraph carries both languages.
    pub fn is_bilingual(&self) -> bool {
        self.languages.len() > 1
    }
}
