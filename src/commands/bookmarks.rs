//! `tandem bookmarks list|export`: the bookmarks in the data directory, on the command line.

use std::error::Error;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::write_stdout;
use crate::bookmarks::anchor::call_hash;
use crate::bookmarks::export;
use crate::bookmarks::model::Bookmark;
use crate::bookmarks::store::Store;
use crate::call::{self, Options};
use crate::cli::BookmarksCommand;
use crate::wrap::truncate;

/// Runs `tandem bookmarks ...`.
pub(super) fn run(
    cmd: &BookmarksCommand,
    encoding: Option<&str>,
) -> Result<ExitCode, Box<dyn Error>> {
    match cmd {
        BookmarksCommand::List(args) => {
            let marks = selected(&args.transcript, encoding)?;
            write_stdout(&list(&marks))?;
        }
        BookmarksCommand::Export(args) => {
            let marks = selected(&args.transcript, encoding)?;
            let text = export::render(&marks, args.format);
            match &args.output {
                // `--output -` is standard output, as everywhere else.
                None => write_stdout(&text)?,
                Some(path) if path.as_os_str() == "-" => write_stdout(&text)?,
                Some(path) => {
                    write_file(path, &text, args.force)?;
                    let path = crate::printable::text(&path.display().to_string()).into_owned();
                    eprintln!("Exported {} bookmarks to {path}", marks.len());
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The stored bookmarks; when `transcript` names a call (one file, or two aligned as the
/// reader aligns them), only its bookmarks: the same text, or made on one of its files.
fn selected(
    transcript: &[PathBuf],
    encoding: Option<&str>,
) -> Result<Vec<Bookmark>, Box<dyn Error>> {
    let opts = Options::with_encoding(encoding);
    let t = match transcript {
        [] => None,
        [one] => Some(call::load(one, &opts)?),
        // Refused, as `parse` refuses it, when the two cannot be aligned.
        [a, b] => Some(call::load_pair(a, b, &opts)?),
        more => {
            return Err(format!(
                "--transcript takes one file, or an English transcript and its Chinese translation ({} given)",
                more.len()
            )
            .into());
        }
    };
    let dir =
        crate::config::data_dir().ok_or("no data directory on this system; set TANDEM_DATA_DIR")?;
    // Listing and exporting change nothing on disk.
    let (store, outcome) = Store::open_read_only(&dir);
    if let Some(notice) = outcome? {
        crate::reader::warn(&notice.to_string());
    }
    let Some(t) = t else {
        return Ok(store.bookmarks().to_vec());
    };
    let hash = call_hash(&t);
    let files: Vec<PathBuf> = transcript.iter().map(|f| canonical(f)).collect();
    Ok(store
        .bookmarks()
        .iter()
        .filter(|b| {
            b.call.hash == hash
                || b.call
                    .files
                    .iter()
                    .any(|f| f != "-" && files.contains(&canonical(Path::new(f))))
        })
        .cloned()
        .collect())
}

/// `path` canonicalised when it exists, else made absolute.
fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// A readable list: each call, then its bookmarks with context, text and note.
fn list(marks: &[Bookmark]) -> String {
    if marks.is_empty() {
        return "No bookmarks.\n".into();
    }
    let mut s = String::new();
    for (call, group) in export::by_call(marks) {
        let files = match call.files.as_slice() {
            [] => call::SAMPLE_NAME.to_string(),
            f => f.join(" + "),
        };
        let _ = writeln!(s, "{} — {files}", call.name());
        for b in group {
            let _ = writeln!(s, "  {} · {}", b.speaker, b.context());
            let _ = writeln!(s, "    {}", truncate(b.text(), 76));
            if !b.note.trim().is_empty() {
                let note = b.note.trim().replace('\n', " / ");
                let _ = writeln!(s, "    Note: {}", truncate(&note, 70));
            }
        }
    }
    s
}

/// Writes `text` to `path`: a new file, or over an existing one only with `force`.
fn write_file(path: &Path, text: &str, force: bool) -> Result<(), Box<dyn Error>> {
    let shown = path.display().to_string();
    let shown = shown.escape_debug();
    if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) {
        return Err(format!("{shown}: is a directory; give a file name").into());
    }
    if force {
        return crate::persist::write_atomically(path, text.as_bytes())
            .map_err(|e| format!("{shown}: {e}").into());
    }
    let mut f = std::fs::File::options()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => {
                format!("{shown}: already exists; use --force to overwrite it")
            }
            _ => format!("{shown}: {e}"),
        })?;
    // A write that fails (a full disk) leaves no partial file behind.
    let written = f.write_all(text.as_bytes()).and_then(|()| f.sync_all());
    if let Err(e) = written {
        drop(f);
        let _ = std::fs::remove_file(path);
        return Err(format!("{shown}: {e}; nothing was written").into());
    }
    Ok(())
}
