//! Recently opened transcripts: `recent.json` in the state directory, most recent first,
//! for `tandem --recent`.
//!
//! Each file the reader opens is recorded by its absolute path. The list is changed under a
//! lock on `recent.json.lock` (read, change, write to a temporary file, rename), so readers
//! running at once do not lose each other's entries. A file that cannot be parsed is moved
//! aside and the list starts again; one that cannot be read is left alone.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::persist::{lock, now, read_json, write_atomically};

/// File name of the list in the state directory.
pub const FILE: &str = "recent.json";
/// Files remembered at most (the oldest are dropped).
pub const KEEP: usize = 100;
/// How long recording waits for another reader to finish.
const LOCK_WAIT: Duration = Duration::from_secs(2);

/// One remembered file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub path: PathBuf,
    /// Seconds since the Unix epoch when it was last opened.
    pub opened: u64,
}

/// The file's content.
#[derive(Debug, Default, Serialize, Deserialize)]
struct List {
    version: u32,
    files: Vec<Entry>,
}

/// The remembered files in `dir`, most recently opened first; Err says why the list could
/// not be read (an unparsable one has been moved aside).
pub fn list(dir: &Path) -> Result<Vec<Entry>, String> {
    read(&dir.join(FILE)).map(|l| l.files)
}

/// Records that `file` was opened now: it moves to the front of the list in `dir`.
pub fn record(dir: &Path, file: &Path) -> Result<(), String> {
    let file = fs::canonicalize(file).map_err(|e| format!("{}: {e}", file.display()))?;
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let path = dir.join(FILE);
    let _lock = lock(&path, LOCK_WAIT)?;
    let mut list = match read(&path) {
        Ok(list) => list,
        Err(e) if path.exists() => return Err(e),
        Err(_) => List::default(),
    };
    list.version = 1;
    list.files.retain(|e| e.path != file);
    list.files.insert(
        0,
        Entry {
            path: file,
            opened: now(),
        },
    );
    list.files.truncate(KEEP);
    let text = serde_json::to_string_pretty(&list).map_err(|e| e.to_string())?;
    write_atomically(&path, text.as_bytes())
        .map_err(|e| format!("cannot save {}: {e}", path.display()))
}

/// Reads the list; missing is empty, unparsable is moved aside.
fn read(path: &Path) -> Result<List, String> {
    read_json(path)
}

/// Adds `file` to the recent files (standard input is not a file to reopen).
pub fn remember(file: &Path) -> Result<(), String> {
    if file == Path::new("-") {
        return Ok(());
    }
    match crate::config::state_dir() {
        Some(dir) => record(&dir, file),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The remembered paths' file names, in order.
    fn names(dir: &Path) -> Vec<String> {
        list(dir)
            .unwrap()
            .iter()
            .map(|e| e.path.file_name().unwrap().to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn the_last_opened_file_comes_first_once() {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config");
        for f in ["a.txt", "b.txt"] {
            fs::write(dir.path().join(f), "x").unwrap();
        }
        assert!(list(&config).unwrap().is_empty(), "none before the first");
        record(&config, &dir.path().join("a.txt")).unwrap();
        record(&config, &dir.path().join("b.txt")).unwrap();
        assert_eq!(names(&config), ["b.txt", "a.txt"]);
        record(&config, &dir.path().join("a.txt")).unwrap();
        assert_eq!(names(&config), ["a.txt", "b.txt"], "moved, not repeated");
        assert!(list(&config).unwrap().iter().all(|e| e.path.is_absolute()));
    }

    #[test]
    fn the_list_is_capped_and_a_missing_file_is_not_recorded() {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config");
        for i in 0..KEEP + 5 {
            let f = dir.path().join(format!("{i}.txt"));
            fs::write(&f, "x").unwrap();
            record(&config, &f).unwrap();
        }
        let names = names(&config);
        assert_eq!(names.len(), KEEP);
        assert_eq!(names[0], format!("{}.txt", KEEP + 4), "newest first");
        assert!(record(&config, &dir.path().join("gone.txt")).is_err());
        assert_eq!(list(&config).unwrap().len(), KEEP);
    }

    #[test]
    fn a_corrupt_list_is_moved_aside_and_started_again() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(FILE), "[not json").unwrap();
        let err = list(dir.path()).unwrap_err();
        assert!(err.contains("moved to"), "{err}");
        let f = dir.path().join("a.txt");
        fs::write(&f, "x").unwrap();
        record(dir.path(), &f).unwrap();
        assert_eq!(names(dir.path()), ["a.txt"]);
        let aside = fs::read_dir(dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().contains(".corrupt-"))
            .count();
        assert_eq!(aside, 1, "the old file is kept");
    }

    #[test]
    fn two_processes_recording_at_once_keep_every_file() {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config");
        let files: Vec<PathBuf> = (0..40)
            .map(|i| {
                let f = dir.path().join(format!("{i}.txt"));
                fs::write(&f, "x").unwrap();
                f
            })
            .collect();
        std::thread::scope(|s| {
            for half in files.chunks(20) {
                let config = &config;
                s.spawn(move || {
                    for f in half {
                        record(config, f).unwrap();
                    }
                });
            }
        });
        assert_eq!(list(&config).unwrap().len(), 40);
    }
}
