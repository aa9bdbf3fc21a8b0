//! Opening a call: read → decode → parse (→ align, for an English file and its Chinese
//! translation). The one way every part of tandem — the commands, the reader, the library,
//! the bookmarks — turns files into a [`Transcript`].

use std::path::{Path, PathBuf};

use crate::ingest;
use crate::transcript::{self, Lang, Transcript};

/// The built-in sample call, shown when no file is given.
pub const SAMPLE: &str = include_str!("../assets/sample.txt");

/// Name shown for the built-in sample.
pub const SAMPLE_NAME: &str = "(built-in sample)";

/// How to read the files of a call.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Decode with this encoding label instead of detecting it.
    pub encoding: Option<String>,
}

impl Options {
    /// Options with `encoding` (none: detect it).
    pub fn with_encoding(encoding: Option<&str>) -> Self {
        Options {
            encoding: encoding.map(str::to_string),
        }
    }
}

/// A failure tied to one input file (or a pair: `a + b`).
#[derive(Debug)]
pub struct LoadError {
    pub path: PathBuf,
    pub reason: String,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = self.path.display().to_string();
        write!(f, "{}: {}", path.escape_debug(), self.reason)
    }
}

impl std::error::Error for LoadError {}

/// A call opened from files: its transcript (aligned when two files were given), the files
/// it was read from (none: the built-in sample), and a banner when fewer files are shown
/// than were given.
#[derive(Debug, Clone)]
pub struct Call {
    pub transcript: Transcript,
    pub files: Vec<PathBuf>,
    pub banner: Option<String>,
}

impl Call {
    /// The call `files` name: the sample (no file), one transcript, or an English transcript
    /// and its Chinese translation aligned (either order). Two files that cannot be aligned
    /// are an error.
    pub fn open(files: &[PathBuf], opts: &Options) -> Result<Call, LoadError> {
        let transcript = match files {
            [] => load_sample(),
            [one] => load(one, opts)?,
            [a, b] => load_pair(a, b, opts)?,
            [a, ..] => return Err(too_many(a, files.len())),
        };
        Ok(Call {
            banner: unlabelled_banner(&transcript),
            transcript,
            files: files.to_vec(),
        })
    }

    /// As [`Call::open`], but two files that cannot be aligned still open: the one that
    /// makes sense alone (the bilingual one, the English one, else the first), with a banner
    /// saying why.
    pub fn open_to_read(files: &[PathBuf], opts: &Options) -> Result<Call, LoadError> {
        let [a, b] = files else {
            return Call::open(files, opts);
        };
        let (ta, tb) = (load(a, opts)?, load(b, opts)?);
        let rank = |t: &Transcript| match (t.is_bilingual(), t.languages.first()) {
            (true, _) => 2,
            (false, Some(Lang::En)) => 1,
            _ => 0,
        };
        let first_alone = rank(&ta) >= rank(&tb);
        let err = match crate::align::align(ta.clone(), tb.clone()) {
            Ok(aligned) => {
                return Ok(Call {
                    banner: unlabelled_banner(&aligned.transcript),
                    transcript: aligned.transcript,
                    files: files.to_vec(),
                });
            }
            Err(e) => e,
        };
        let (transcript, shown) = if first_alone { (ta, a) } else { (tb, b) };
        let name = shown
            .file_name()
            .unwrap_or(shown.as_os_str())
            .to_string_lossy();
        Ok(Call {
            transcript,
            files: vec![shown.clone()],
            banner: Some(format!("Showing {name} alone: {}", err.brief())),
        })
    }

    /// The built-in sample.
    pub fn sample() -> Call {
        Call {
            transcript: load_sample(),
            files: Vec::new(),
            banner: None,
        }
    }

    /// How the call is named to the user: its files joined with ` + `, or the sample's name.
    pub fn name(&self) -> String {
        name_of(&self.files)
    }
}

/// How a call read from `files` is named: the files joined with ` + `, or the sample's name.
pub fn name_of(files: &[PathBuf]) -> String {
    match files {
        [] => SAMPLE_NAME.to_string(),
        _ => files
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(" + "),
    }
}

/// The error for more than two files.
fn too_many(first: &Path, n: usize) -> LoadError {
    LoadError {
        path: first.to_path_buf(),
        reason: format!(
            "{n} files given; give one transcript, or an English transcript and its Chinese translation"
        ),
    }
}

/// The clean text of one file (`-` is standard input): decoded and out of its container.
pub fn read_text(path: &Path, opts: &Options) -> Result<String, LoadError> {
    read(path, opts).map(|d| d.text)
}

/// Reads and decodes one file.
fn read(path: &Path, opts: &Options) -> Result<ingest::Decoded, LoadError> {
    ingest::read_path(path, opts.encoding.as_deref()).map_err(|e| LoadError {
        path: path.into(),
        reason: e.to_string(),
    })
}

/// The banner of a call whose speakers no line names: what the reader can and cannot tell.
fn unlabelled_banner(t: &Transcript) -> Option<String> {
    t.unlabelled.then(|| {
        // Short enough for an 80-column status line.
        "No speaker labels: turns split at each hand-off, answers not told apart".to_string()
    })
}

/// Reads, decodes and parses one transcript file (`-` is standard input).
pub fn load(path: &Path, opts: &Options) -> Result<Transcript, LoadError> {
    let decoded = read(path, opts)?;
    let hints = transcript::Hints {
        speakers: decoded.speakers,
        hard_wrapped: decoded.hard_wrapped,
    };
    let mut t = transcript::parse_owned(decoded.text, &hints);
    t.encoding = decoded.encoding;
    if t.turns.is_empty() {
        return Err(LoadError {
            path: path.into(),
            reason: "no speaker turns found: no line names who is speaking, and no operator hands the floor to questioners by name (a news report is not a call)".into(),
        });
    }
    Ok(t)
}

/// Parses the built-in sample.
pub fn load_sample() -> Transcript {
    let mut t = transcript::parse(&ingest::clean(SAMPLE));
    t.encoding = "UTF-8".into();
    t
}

/// Loads an English file and its Chinese translation (either order) as one aligned call.
pub fn load_pair(a: &Path, b: &Path, opts: &Options) -> Result<Transcript, LoadError> {
    let (ta, tb) = (load(a, opts)?, load(b, opts)?);
    crate::align::align(ta, tb)
        .map(|aligned| aligned.transcript)
        .map_err(|e| LoadError {
            path: PathBuf::from(format!("{} + {}", a.display(), b.display())),
            reason: e.to_string(),
        })
}
