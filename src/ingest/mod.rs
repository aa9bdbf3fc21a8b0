//! Bytes to clean text: decoding (encoding detection), containers (HTML, see `html.rs`,
//! detected from the content) and cleaning (newlines, control characters).
//!
//! Detection order when no label is given: a BOM (UTF-8, UTF-16LE/BE); BOM-less UTF-16 when
//! NUL bytes sit on one side of most code units; UTF-8 when the bytes are valid UTF-8 (a stray
//! invalid byte among many valid non-ASCII characters is tolerated); otherwise chardetng's guess
//! (GBK widened to GB18030, Big5, ...).
//!
//! Cleaning (see `clean.rs` for the full list): CRLF/CR become LF; terminal escape sequences are
//! removed with their payload; NBSP, U+3000 and similar become a space; zero-width, BOM, soft
//! hyphen and bidi controls are removed, as is every other control character except `\n`. Tabs
//! in a line's leading indentation expand to the next multiple of [`TAB_WIDTH`] columns; other
//! tabs become one space. Trailing whitespace is trimmed; leading spaces are kept.
//!
//! [`read_path`] refuses files over [`MAX_FILE_SIZE`] (64 MB) before reading them.

mod clean;
mod decode;
pub mod html;
pub mod jsdata;
pub mod json;
mod nesting;
pub mod pdf;
pub mod table;

use std::fmt;
use std::io::{self, Read};
use std::path::Path;

pub use clean::TAB_WIDTH;

/// Largest file [`read_path`] accepts, in bytes (64 MB).
pub const MAX_FILE_SIZE: u64 = 64 * 1_000_000;

/// Decoded, cleaned text and the encoding it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// Canonical name of the encoding used (e.g. "UTF-8", "GB18030", "Big5", "UTF-16LE").
    pub encoding: String,
    /// Speakers' names the container itself gives (a JSON transcript's speaker fields): the
    /// parser takes them as labels without further evidence.
    pub speakers: Vec<String>,
    /// The container lays text out in visual lines (a PDF): a line break inside a paragraph
    /// is a wrap, not a paragraph break.
    pub hard_wrapped: bool,
}

/// Why a file could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IngestError {
    NotFound,
    Unreadable(String),
    Empty,
    Binary,
    TooLarge {
        size: u64,
        limit: u64,
    },
    UnknownEncoding(String),
    /// The named encoding left many byte sequences undecodable.
    WrongEncoding {
        encoding: String,
        malformed: usize,
    },
    /// A container (JSON, PDF) that is not well-formed: which, and what is wrong.
    Damaged {
        container: &'static str,
        detail: String,
    },
    /// A well-formed container with no transcript in it.
    NoTranscriptIn(&'static str),
    /// A PDF locked with a password.
    Encrypted,
    /// A PDF of page images, with no text to read.
    NoTextLayer,
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IngestError::NotFound => write!(f, "no such file"),
            IngestError::Unreadable(why) => write!(f, "cannot read: {}", why.escape_debug()),
            IngestError::Empty => write!(f, "the file is empty (no text in it)"),
            IngestError::Binary => write!(f, "this looks like a binary file, not a transcript"),
            IngestError::TooLarge { size, limit } => {
                write!(
                    f,
                    "the file is too large ({}; the limit is {})",
                    human_size(*size),
                    human_size(*limit)
                )
            }
            IngestError::UnknownEncoding(label) => write!(
                f,
                "unknown encoding '{}' (try utf-8, utf-16le, utf-16be, gb18030 or big5)",
                label.escape_debug()
            ),
            IngestError::WrongEncoding {
                encoding,
                malformed: 0,
            } => write!(
                f,
                "this is UTF-8 text, which {encoding} would garble; \
                 leave --encoding out to detect the encoding"
            ),
            IngestError::WrongEncoding {
                encoding,
                malformed,
            } => write!(
                f,
                "this is not {encoding} text ({malformed} characters do not decode); \
                 give another --encoding, or leave it out to detect the encoding"
            ),
            IngestError::Damaged { container, detail } => {
                write!(f, "the {container} is damaged ({})", detail.escape_debug())
            }
            IngestError::Encrypted => write!(
                f,
                "the PDF is encrypted (locked with a password); save an unlocked copy first"
            ),
            IngestError::NoTextLayer => write!(
                f,
                "the PDF has no text in it (scanned pages?); tandem reads text, not images"
            ),
            IngestError::NoTranscriptIn(container) => write!(
                f,
                "this {container} holds no transcript (no list of speakers and what they said)"
            ),
        }
    }
}

impl std::error::Error for IngestError {}

/// A byte count for people: "512 bytes", "3.5 MB".
fn human_size(bytes: u64) -> String {
    if bytes < 1_000_000 {
        return format!("{bytes} bytes");
    }
    let tenths = bytes / 100_000;
    match tenths % 10 {
        0 => format!("{} MB", tenths / 10),
        d => format!("{}.{d} MB", tenths / 10),
    }
}

/// Decodes bytes (detecting the encoding unless `label` names one) and cleans the text.
pub fn decode(bytes: &[u8], label: Option<&str>) -> Result<Decoded, IngestError> {
    decode_owned(bytes.to_vec(), label)
}

/// [`decode`], taking the bytes: valid UTF-8 is cleaned in the buffer it was read into, and
/// each copy a cleaning pass makes replaces the text before (a long call is held twice at
/// most, not three times).
pub fn decode_owned(bytes: Vec<u8>, label: Option<&str>) -> Result<Decoded, IngestError> {
    if pdf::looks_like_pdf(&bytes) {
        return from_pdf(&bytes);
    }
    let (encoding, skip) = decode::choose(&bytes, label)?;
    // UTF-8 read under a legacy label would turn into mojibake (`â€™`): told after the
    // binary check, found while the bytes are still here.
    let utf8 = encoding == encoding_rs::UTF_8 || decode::is_utf16(encoding);
    let utf8_under_legacy_label = label.is_some() && !utf8 && decode::is_utf8_text(&bytes);
    let raw = decode::decode_with(bytes, encoding, skip)?;
    if decode::looks_binary(&raw.text, label.is_some()) {
        return Err(IngestError::Binary);
    }
    if label.is_some() {
        if utf8_under_legacy_label {
            return Err(IngestError::WrongEncoding {
                encoding: decode::canonical_name(raw.encoding),
                malformed: 0,
            });
        }
        let malformed = decode::malformed(&raw.text);
        if malformed > decode::MALFORMED_ALLOWED.max(raw.text.len() / 1000) {
            return Err(IngestError::WrongEncoding {
                encoding: decode::canonical_name(raw.encoding),
                malformed,
            });
        }
    }
    // The container, read from the content (never from the file's extension): JSON, a web
    // page or HTML inside Markdown, or plain text.
    let mut speakers = Vec::new();
    let text = if json::looks_like_json(&raw.text) {
        let found = json::to_text(&raw.text).map_err(|e| match e {
            json::JsonError::Damaged(detail) => IngestError::Damaged {
                container: "JSON",
                detail,
            },
            json::JsonError::NoTranscript => IngestError::NoTranscriptIn("JSON"),
        })?;
        speakers = found.speakers;
        clean(&found.text)
    } else if jsdata::looks_like_js_data(&raw.text)
        && let Some(value) = jsdata::to_value(&raw.text)
        && let Ok(found) = json::value_to_text(&value)
    {
        // A script's data literals (`export const call = [{ speaker: …, en: … }]`): read
        // as the JSON they spell; a module with no transcript in it stays text.
        speakers = found.speakers;
        clean(&found.text)
    } else if let Some(delimiter) = table::delimiter(&raw.text)
        && let Some(rows) = table::to_value(&raw.text, delimiter)
        && let Ok(found) = json::value_to_text(&rows)
    {
        // A table of turns (`Speaker<TAB>Title<TAB>Content` rows): read as the list of
        // objects its rows spell; a table that is no transcript stays text.
        speakers = found.speakers;
        clean(&found.text)
    } else if html::looks_like_html(&raw.text) {
        let page = html::read(&raw.text);
        speakers = page.speakers;
        clean(&page.text)
    } else {
        // Text copied out of a PDF keeps its page numbers as lines.
        let unfurnished = match pdf::drop_copied_furniture(&raw.text) {
            std::borrow::Cow::Owned(text) => Some(text),
            std::borrow::Cow::Borrowed(_) => None,
        };
        clean::normalize_owned(unfurnished.unwrap_or(raw.text))
    };
    if text.trim().is_empty() {
        return Err(IngestError::Empty);
    }
    Ok(Decoded {
        text,
        encoding: decode::canonical_name(raw.encoding),
        speakers,
        hard_wrapped: false,
    })
}

/// The text of a PDF's pages, cleaned of what the PDF added.
fn from_pdf(bytes: &[u8]) -> Result<Decoded, IngestError> {
    let pages = pdf::pages(bytes).map_err(|e| match e {
        pdf::PdfError::Encrypted => IngestError::Encrypted,
        pdf::PdfError::Damaged(detail) => IngestError::Damaged {
            container: "PDF",
            detail,
        },
    })?;
    let text = clean(&pdf::to_text(&pages));
    if text.trim().is_empty() {
        return Err(IngestError::NoTextLayer);
    }
    Ok(Decoded {
        text,
        encoding: "PDF".into(),
        speakers: Vec::new(),
        hard_wrapped: true,
    })
}

/// Unifies newlines and spaces, expands indentation tabs (others become one space), strips controls, escapes, invisible marks and line-end whitespace.
pub fn clean(text: &str) -> String {
    clean::normalize(text)
}

/// Reads and decodes a file (`-` is standard input), refusing files over [`MAX_FILE_SIZE`].
pub fn read_path(path: &Path, label: Option<&str>) -> Result<Decoded, IngestError> {
    read_capped(path, label, MAX_FILE_SIZE)
}

/// [`read_path`] with the size limit as a parameter.
fn read_capped(path: &Path, label: Option<&str>, limit: u64) -> Result<Decoded, IngestError> {
    let bytes = if path == Path::new("-") {
        read_limited(io::stdin().lock(), limit)?
    } else {
        read_file(path, limit)?
    };
    decode_owned(bytes, label)
}

/// Reads a regular file after checking what it is (a pipe, socket or device is refused
/// without blocking: `-` reads a pipe) and how big it is.
fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, IngestError> {
    crate::persist::read_regular(path, limit).map_err(|e| match e.kind() {
        io::ErrorKind::FileTooLarge => IngestError::TooLarge {
            size: std::fs::metadata(path).map_or(limit + 1, |m| m.len()),
            limit,
        },
        io::ErrorKind::InvalidInput => IngestError::Unreadable(
            "it is a pipe, socket or device, not a file (give `-` to read standard input)".into(),
        ),
        _ => io_error(e),
    })
}

/// Reads at most `limit` bytes, failing with `TooLarge` if there is more (pipes, growing files).
fn read_limited(reader: impl Read, limit: u64) -> Result<Vec<u8>, IngestError> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    let size = bytes.len() as u64;
    if size > limit {
        return Err(IngestError::TooLarge { size, limit });
    }
    Ok(bytes)
}

/// Maps an I/O error to `NotFound` or `Unreadable` with a short reason.
fn io_error(err: io::Error) -> IngestError {
    let reason = match err.kind() {
        io::ErrorKind::NotFound => return IngestError::NotFound,
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::IsADirectory => "it is a directory".to_string(),
        io::ErrorKind::NotADirectory => "a parent in the path is not a directory".to_string(),
        _ => short_reason(&err),
    };
    IngestError::Unreadable(reason)
}

/// The OS message without the "(os error N)" suffix, lower-case first.
fn short_reason(err: &io::Error) -> String {
    let text = err.to_string();
    let text = text.split(" (os error").next().unwrap_or_default();
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => "unknown error".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn temp_file(bytes: &[u8]) -> tempfile::NamedTempFile {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(bytes).unwrap();
        file
    }

    #[test]
    fn files_over_the_cap_are_refused_before_reading() {
        let file = temp_file(b"Operator: hello there\n");
        let err = read_capped(file.path(), None, 10).unwrap_err();
        assert_eq!(
            err,
            IngestError::TooLarge {
                size: 22,
                limit: 10
            }
        );
        assert_eq!(
            err.to_string(),
            "the file is too large (22 bytes; the limit is 10 bytes)"
        );
    }

    #[test]
    fn files_at_the_cap_are_read() {
        let file = temp_file(b"Operator: hi");
        assert_eq!(
            read_capped(file.path(), None, 12).unwrap().text,
            "Operator: hi"
        );
    }

    #[test]
    fn streams_over_the_cap_are_refused() {
        let err = read_limited(&b"0123456789abc"[..], 10).unwrap_err();
        assert_eq!(
            err,
            IngestError::TooLarge {
                size: 11,
                limit: 10
            }
        );
        assert_eq!(read_limited(&b"0123456789"[..], 10).unwrap().len(), 10);
    }

    #[test]
    fn sizes_read_well() {
        assert_eq!(human_size(512), "512 bytes");
        assert_eq!(human_size(64_000_000), "64 MB");
        assert_eq!(human_size(3_560_000), "3.5 MB");
        assert_eq!(
            IngestError::TooLarge {
                size: 70_000_000,
                limit: MAX_FILE_SIZE
            }
            .to_string(),
            "the file is too large (70 MB; the limit is 64 MB)"
        );
    }

    #[test]
    fn os_reasons_are_short_and_lower_case() {
        let err = io::Error::from_raw_os_error(5);
        assert_eq!(short_reason(&err), "input/output error");
        assert_eq!(
            io_error(io::Error::from(io::ErrorKind::NotFound)),
            IngestError::NotFound
        );
    }

    #[test]
    fn messages_are_single_lines() {
        let label = IngestError::UnknownEncoding("bad\nlabel".into()).to_string();
        assert_eq!(label.lines().count(), 1, "{label}");
        let why = IngestError::Unreadable("a\nb".into()).to_string();
        assert_eq!(why.lines().count(), 1, "{why}");
    }
}
