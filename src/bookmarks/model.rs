//! What a bookmark is: a paragraph of a call, anchored to its content, with a note.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::transcript::{Block, Section, Transcript};

use super::anchor::{call_hash, fingerprint};
use super::clock;

/// The version of the store's file format this build reads and writes.
pub const FORMAT: u32 = 1;

/// Which call a bookmark belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallRef {
    /// Hash of the call's normalised text (see [`call_hash`]).
    pub hash: String,
    /// Absolute paths it was read from (two for a translation aligned with its original);
    /// empty for the built-in sample.
    #[serde(default)]
    pub files: Vec<String>,
    pub title: Option<String>,
    pub company: Option<String>,
    pub period: Option<String>,
}

impl CallRef {
    /// The identity of `t`, read from `files`.
    pub fn new(t: &Transcript, files: &[PathBuf]) -> Self {
        CallRef::with_hash(t, files, call_hash(t))
    }

    /// As [`CallRef::new`], with `t`'s [`call_hash`] already computed.
    pub fn with_hash(t: &Transcript, files: &[PathBuf], hash: String) -> Self {
        CallRef {
            hash,
            files: files.iter().map(|f| absolute(f)).collect(),
            title: t.title.clone(),
            company: t.company.clone(),
            period: t.period.clone(),
        }
    }

    /// True when `other` names the same call: the same text, or the same files.
    pub fn same_call(&self, other: &CallRef) -> bool {
        self.hash == other.hash || (!self.files.is_empty() && self.files == other.files)
    }

    /// A human name: title (with the period when it is not in it), company, or file name.
    pub fn name(&self) -> String {
        let base = self
            .title
            .clone()
            .or_else(|| self.company.clone())
            .or_else(|| self.files.first().map(|f| file_name(f)))
            .unwrap_or_else(|| crate::call::SAMPLE_NAME.to_string());
        match &self.period {
            Some(p) if !base.contains(p.as_str()) => format!("{base} · {p}"),
            _ => base,
        }
    }
}

/// `path` made absolute (canonical when it exists); `-` (standard input) stays as it is.
fn absolute(path: &Path) -> String {
    if path.as_os_str() == "-" {
        return "-".into();
    }
    let abs = std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf());
    abs.display().to_string()
}

/// The last component of a path.
fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map_or_else(|| path.to_string(), |n| n.to_string_lossy().into_owned())
}

/// Where in the call a bookmark points: a paragraph by position and by content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spot {
    pub turn: usize,
    pub block: usize,
    /// Hash of the paragraph's normalised text.
    pub fingerprint: String,
}

/// A bookmarked paragraph with its context and the reader's note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    /// Unique across readers and machines.
    pub id: String,
    pub call: CallRef,
    pub spot: Spot,
    pub en: Option<String>,
    pub zh: Option<String>,
    pub speaker: String,
    pub speaker_alt: Option<String>,
    pub role: Option<String>,
    pub firm: Option<String>,
    pub section: Section,
    /// The question number (from 1) in the Q&A.
    pub question: Option<usize>,
    pub analyst: Option<String>,
    pub analyst_firm: Option<String>,
    #[serde(default)]
    pub note: String,
    /// RFC 3339 UTC.
    pub created: String,
    /// RFC 3339 UTC; the later of two versions of one bookmark wins a merge.
    pub updated: String,
}

impl Bookmark {
    /// A new bookmark on paragraph `block` of turn `turn`; None unless that is a paragraph.
    pub fn new(t: &Transcript, call: &CallRef, turn: usize, block: usize) -> Option<Self> {
        let tr = t.turns.get(turn)?;
        let Some(Block::Para { en, zh }) = tr.blocks.get(block) else {
            return None;
        };
        let sp = t.speakers.get(tr.speaker).cloned().unwrap_or_default();
        let q = tr
            .question
            .and_then(|n| t.questions.iter().find(|q| q.number == n));
        let analyst = q.and_then(|q| t.speakers.get(q.analyst));
        let now = clock::now();
        Some(Bookmark {
            id: clock::new_id(),
            call: call.clone(),
            spot: Spot {
                turn,
                block,
                fingerprint: fingerprint(en.as_deref(), zh.as_deref()),
            },
            en: en.clone(),
            zh: zh.clone(),
            speaker: sp.name,
            speaker_alt: sp.name_alt,
            role: sp.role,
            firm: sp.firm,
            section: tr.section,
            question: tr.question,
            analyst: analyst.map(|a| a.name.clone()),
            analyst_firm: q
                .and_then(|q| q.firm.clone())
                .or_else(|| analyst.and_then(|a| a.firm.clone())),
            note: String::new(),
            created: now.clone(),
            updated: now,
        })
    }

    /// The English text, else the Chinese.
    pub fn text(&self) -> &str {
        self.en.as_deref().or(self.zh.as_deref()).unwrap_or("")
    }

    /// `Prepared remarks`, or `Q&A · Q2 · Eric Sheridan, Goldman Sachs`; on the analyst's own
    /// paragraph the name is the speaker's, shown before it, so it is left out:
    /// `Q&A · Q2 · Goldman Sachs`.
    pub fn context(&self) -> String {
        let mut s = match self.section {
            Section::Prepared => "Prepared remarks".to_string(),
            Section::Qa => "Q&A".to_string(),
        };
        if let Some(q) = self.question {
            s.push_str(&format!(" · Q{q}"));
        }
        let analyst = self.analyst.as_deref().filter(|a| *a != self.speaker);
        let firm = self.analyst_firm.as_deref();
        match (analyst, firm) {
            (Some(a), Some(f)) => s.push_str(&format!(" · {a}, {f}")),
            (Some(who), None) | (None, Some(who)) => s.push_str(&format!(" · {who}")),
            (None, None) => {}
        }
        s
    }

    /// The speaker with role and firm: `Jane Doe, Chief Executive Officer, Brightkeel`.
    pub fn who(&self) -> String {
        let mut parts = vec![self.speaker.clone()];
        parts.extend(self.role.iter().chain(&self.firm).cloned());
        parts.join(", ")
    }
}

/// The store's file: the bookmarks and the ids deleted (with when), so that a deletion
/// survives a merge with a reader that still has the bookmark.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoreFile {
    pub version: u32,
    pub bookmarks: Vec<Bookmark>,
    /// Tombstones: id → RFC 3339 time of deletion.
    #[serde(default)]
    pub deleted: BTreeMap<String, String>,
}
