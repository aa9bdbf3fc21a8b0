//! Bytes to clean text: decoding (encoding detection) and cleaning (newlines, control characters).
//!
//! PLACEHOLDER API (being implemented): `decode`, `clean`, `read_path`.

use std::fmt;
use std::path::Path;

/// Decoded, cleaned text and the encoding it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// Canonical name of the encoding used (e.g. "UTF-8", "GB18030", "Big5", "UTF-16LE").
    pub encoding: String,
}

/// Why a file could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IngestError {
    NotFound,
    Unreadable(String),
    Empty,
    Binary,
    TooLarge { size: u64, limit: u64 },
    UnknownEncoding(String),
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IngestError::NotFound => write!(f, "no such file"),
            IngestError::Unreadable(why) => write!(f, "cannot read: {why}"),
            IngestError::Empty => write!(f, "the file is empty"),
            IngestError::Binary => write!(f, "this looks like a binary file, not a transcript"),
            IngestError::TooLarge { size, limit } => write!(
                f,
                "the file is too large ({} MB; the limit is {} MB)",
                size / 1_000_000,
                limit / 1_000_000
            ),
            IngestError::UnknownEncoding(label) => write!(f, "unknown encoding '{label}'"),
        }
    }
}

impl std::error::Error for IngestError {}

/// Decodes bytes (detecting the encoding unless `label` names one) and cleans the text.
pub fn decode(bytes: &[u8], label: Option<&str>) -> Result<Decoded, IngestError> {
    let _ = label;
    if bytes.is_empty() {
        return Err(IngestError::Empty);
    }
    let text = String::from_utf8_lossy(bytes);
    Ok(Decoded {
        text: clean(&text),
        encoding: "UTF-8".into(),
    })
}

/// Normalises newlines and strips control characters.
pub fn clean(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect()
}

/// Reads and decodes a file (`-` is standard input).
pub fn read_path(path: &Path, label: Option<&str>) -> Result<Decoded, IngestError> {
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => IngestError::NotFound,
        _ => IngestError::Unreadable(e.to_string()),
    })?;
    decode(&bytes, label)
}
