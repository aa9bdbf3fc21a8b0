//! The bookmarks store: `bookmarks.json` in the data directory.
//!
//! Every change is saved at once: under an exclusive lock on the sibling `bookmarks.json.lock`
//! the file is read, merged with what this reader holds (by bookmark id, deletions kept as
//! tombstones), and written to a temporary file that is synced and renamed over it. So two
//! readers running at once never lose each other's bookmarks. A file that cannot be parsed is
//! moved aside (never overwritten) and reported; a file that cannot be read, or that a newer
//! tandem wrote, is left alone and nothing is written over it. When saving fails, the
//! bookmarks stay in memory and the next change tries again.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::clock;
use super::merge::merge;
use super::model::{Bookmark, FORMAT, StoreFile};
use crate::persist::{lock, quarantine, write_atomically};

/// File name of the store in the data directory.
pub const FILE: &str = "bookmarks.json";
/// How long to wait for another reader to release the lock.
const LOCK_WAIT: Duration = Duration::from_secs(1);

/// Ok: saved (or read), with a notice to show when something was repaired; Err: why not.
pub type Outcome = Result<Option<String>, String>;

/// A handle on the store: the bookmarks as last merged, and whether some are unsaved.
#[derive(Debug, Clone)]
pub struct Store {
    /// The store's file; None keeps bookmarks in memory only.
    path: Option<PathBuf>,
    data: StoreFile,
    dirty: bool,
    /// Changes made through this handle so far.
    changes: u64,
    /// The file's modification time and length when it was last read or written (None:
    /// missing), to tell when another reader changed it.
    seen: Option<(SystemTime, u64)>,
    /// Opened only to read (`tandem bookmarks list`): nothing on disk is changed, not even
    /// an unreadable file moved aside.
    read_only: bool,
    /// How long a save waits for another reader's lock.
    lock_wait: Duration,
}

impl Store {
    /// A store kept in memory only.
    pub fn memory() -> Self {
        Store::at(None, false)
    }

    /// A store of `path`, nothing read yet.
    fn at(path: Option<PathBuf>, read_only: bool) -> Self {
        Store {
            path,
            data: empty(),
            dirty: false,
            changes: 0,
            seen: None,
            read_only,
            lock_wait: LOCK_WAIT,
        }
    }

    /// Opens the store in `dir` and reads it; a notice or error says what was wrong with it.
    pub fn open(dir: &Path) -> (Self, Outcome) {
        let mut store = Store::at(Some(dir.join(FILE)), false);
        let outcome = store.sync(false).map_err(|e| {
            format!("Bookmarks: {e}; new ones are kept until the file can be written")
        });
        (store, outcome)
    }

    /// The store in `dir`, only to read: an unreadable file is reported and left as it is,
    /// and nothing is ever written.
    pub fn open_read_only(dir: &Path) -> (Self, Outcome) {
        let mut store = Store::at(Some(dir.join(FILE)), true);
        let outcome = store.sync(false).map_err(|e| format!("Bookmarks: {e}"));
        (store, outcome)
    }

    /// From now on a save waits only a moment for another reader's lock (the program is
    /// being ended: better a rescue copy now than a save cut short).
    pub fn hurry(&mut self) {
        self.lock_wait = Duration::from_millis(300);
    }

    /// The store's file, if it has one.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// True when some change is not saved yet.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// How many changes were made through this handle (to tell whether something changed).
    pub fn changes(&self) -> u64 {
        self.changes
    }

    /// All bookmarks, oldest first.
    pub fn bookmarks(&self) -> &[Bookmark] {
        &self.data.bookmarks
    }

    /// The bookmark with `id`.
    pub fn get(&self, id: &str) -> Option<&Bookmark> {
        self.data.bookmarks.iter().find(|b| b.id == id)
    }

    /// Adds `b` or replaces the bookmark with its id, and saves.
    pub fn put(&mut self, b: Bookmark) -> Outcome {
        self.data.deleted.remove(&b.id);
        match self.data.bookmarks.iter_mut().find(|x| x.id == b.id) {
            Some(old) => *old = b,
            None => self.data.bookmarks.push(b),
        }
        self.dirty = true;
        self.changes += 1;
        self.save()
    }

    /// Deletes the bookmark with `id` (leaving a tombstone) and saves.
    pub fn remove(&mut self, id: &str) -> Outcome {
        let Some(i) = self.data.bookmarks.iter().position(|b| b.id == id) else {
            return Ok(None);
        };
        let gone = self.data.bookmarks.remove(i);
        let at = clock::now().max(gone.updated);
        self.data.deleted.insert(gone.id, at);
        self.dirty = true;
        self.changes += 1;
        self.save()
    }

    /// Saves unsaved changes (merging what other readers saved meanwhile).
    pub fn save(&mut self) -> Outcome {
        self.sync(true).map_err(not_saved)
    }

    /// Saves unsaved changes; Err says only why it failed (for a message of one's own).
    pub fn save_or_why(&mut self) -> Result<(), String> {
        self.sync(true).map(|_| ())
    }

    /// Merges in what other readers saved, saving this reader's changes if there are any.
    pub fn refresh(&mut self) -> Outcome {
        let dirty = self.dirty;
        self.sync(dirty)
            .map_err(|e| if dirty { not_saved(e) } else { e })
    }

    /// True when the file changed since this handle last read or wrote it (another reader
    /// saved): one `stat`, cheap enough for an idle tick.
    pub fn changed_on_disk(&self) -> bool {
        self.path.as_deref().is_some_and(|p| stamp(p) != self.seen)
    }

    /// Under the lock: read the file, merge, and write when `write` and something changed;
    /// Err says why not.
    fn sync(&mut self, write: bool) -> Outcome {
        let Some(path) = self.path.clone() else {
            return Ok(None);
        };
        // Taken first: a file that cannot be read or written is not tried again by
        // [`Store::changed_on_disk`] until it changes.
        self.seen = stamp(&path);
        let dir = path.parent().unwrap_or(Path::new("."));
        if write {
            fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        // Writes are atomic renames, so a read-only handle reads without the lock (and
        // creates no lock file).
        let _lock = match (!self.read_only).then(|| lock(&path, self.lock_wait)) {
            None => None,
            Some(Ok(f)) => Some(f),
            Some(Err(e)) if write => return Err(e),
            Some(Err(_)) => None,
        };
        if self.read_only && write {
            return Err("opened only to read".into());
        }
        let (disk, notice) = read(&path, !self.read_only)?;
        self.seen = stamp(&path);
        self.data = merge(&self.data, &disk);
        if write && self.dirty {
            if _lock.is_some() {
                crate::persist::clean_stale_temps(&path);
            }
            super::merge::prune(&mut self.data, clock::now_ms());
            let text = serde_json::to_string_pretty(&self.data).map_err(|e| e.to_string())?;
            write_atomically(&path, text.as_bytes())
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            self.dirty = false;
            self.seen = stamp(&path);
        }
        Ok(notice)
    }
}

/// The modification time and length of the file at `path`, None when it cannot be read.
fn stamp(path: &Path) -> Option<(SystemTime, u64)> {
    let meta = fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// The message for a save that failed because of `why`.
fn not_saved(why: String) -> String {
    format!("Bookmarks not saved: {why}; they are kept in memory and saved on the next change")
}

/// An empty store file of the current format.
fn empty() -> StoreFile {
    StoreFile {
        version: FORMAT,
        ..StoreFile::default()
    }
}

/// Reads the store file: missing is empty; unparsable is moved aside when `aside` (with a
/// notice); unreadable, or of a newer format (whatever its shape), is an error and must not
/// be written over.
fn read(path: &Path, aside: bool) -> Result<(StoreFile, Option<String>), String> {
    let bytes = match crate::persist::read_regular(path, crate::persist::MAX_DATA_FILE) {
        Ok(b) => b,
        Err(e) if matches!(e.kind(), ErrorKind::NotFound | ErrorKind::NotADirectory) => {
            return Ok((empty(), None));
        }
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    };
    match serde_json::from_slice::<StoreFile>(&bytes) {
        Ok(f) if f.version > FORMAT => Err(format!(
            "{} was written by a newer tandem (format {}); it is left as it is",
            path.display(),
            f.version
        )),
        Ok(f) => Ok((f, None)),
        Err(e) => {
            // A newer tandem may have changed the file's shape: its version says so.
            let newer = serde_json::from_slice::<serde_json::Value>(&bytes)
                .ok()
                .and_then(|v| v.get("version")?.as_u64())
                .filter(|&v| v > u64::from(FORMAT));
            if let Some(v) = newer {
                return Err(format!(
                    "{} was written by a newer tandem (format {v}); it is left as it is",
                    path.display()
                ));
            }
            if !aside {
                return Err(format!(
                    "{} is unreadable ({e}); it is left as it is",
                    path.display()
                ));
            }
            unreadable(path, &e)
        }
    }
}

/// Moves an unparsable store file aside: the notice to show, or why it could not be moved.
fn unreadable(path: &Path, e: &serde_json::Error) -> Result<(StoreFile, Option<String>), String> {
    match quarantine(path) {
        Ok(aside) => Ok((
            empty(),
            Some(format!(
                "Unreadable bookmarks file moved to {}; bookmarks start afresh ({e})",
                aside.display(),
            )),
        )),
        Err(e2) => Err(format!(
            "{} could not be read ({e}) nor moved aside ({e2}); it is left as it is",
            path.display()
        )),
    }
}
