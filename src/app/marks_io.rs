//! Bookmarks at the reader's start and end: the store in the data directory, and at exit
//! the last try to save, with a rescue copy of the bookmarks when that fails.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::bookmarks::model::FORMAT;
use crate::bookmarks::{Store, StoreFile, clock};

use super::marks::Unsaved;
use super::state::{App, Overlay};

impl App {
    /// Keeps bookmarks in the data directory's store, for a call read from `files`.
    pub fn open_bookmarks(&mut self, files: Vec<PathBuf>) {
        match crate::config::data_dir() {
            Some(dir) => {
                let (store, outcome) = Store::open(&dir);
                self.attach_bookmarks(store, outcome, files);
            }
            None => {
                let why = "No data directory: bookmarks are kept only until tandem quits";
                self.attach_bookmarks(Store::memory(), Err(why.into()), files);
            }
        }
    }

    /// Saves bookmarks not saved yet; when that fails, writes them all to a rescue file (once
    /// for the same changes). Returns what to tell the user on leaving, if anything new.
    pub fn close_bookmarks(&mut self) -> Option<String> {
        if !self.marks.store.is_dirty() {
            self.marks.unsaved = None;
            return None;
        }
        let why = match self.marks.store.path() {
            Some(_) => match self.marks.store.save_or_why() {
                Ok(()) => {
                    self.marks.unsaved = None;
                    return None;
                }
                Err(e) => e,
            },
            None => "there is no data directory".to_string(),
        };
        let changes = self.marks.store.changes();
        if self.marks.rescued == Some(changes) {
            return None;
        }
        let copy = StoreFile {
            version: FORMAT,
            bookmarks: self.marks.store.bookmarks().to_vec(),
            deleted: Default::default(),
        };
        let text = serde_json::to_string_pretty(&copy).unwrap_or_default();
        let stamp = clock::file_stamp(clock::now_ms());
        let mut tried = Vec::new();
        let mut written = None;
        for dir in self.marks.export_dirs.iter().chain([&std::env::temp_dir()]) {
            match write_new(dir, &stamp, &text) {
                Ok(path) => {
                    written = Some(absolute(&path));
                    break;
                }
                Err(e) => tried.push(format!("{}: {e}", dir.display())),
            }
        }
        if written.is_some() {
            self.marks.rescued = Some(changes);
        }
        let unsaved = Unsaved {
            why,
            count: copy.bookmarks.len(),
            copy: written.ok_or_else(|| tried.join("; ")),
        };
        let msg = unsaved.message();
        self.marks.unsaved = Some(unsaved);
        Some(msg)
    }

    /// On an idle tick: when another reader changed the store's file, merges it, so that
    /// its bookmarks show without a keypress (the open panel too). True when the screen
    /// may have changed.
    pub fn poll_bookmarks(&mut self) -> bool {
        if !self.marks.store.changed_on_disk() {
            return false;
        }
        let merged = self.marks.store.refresh();
        let before: HashSet<String> = self.marks.placed.iter().map(|p| p.2.clone()).collect();
        self.marks.relocate(&self.doc);
        let now = Instant::now();
        for (_, _, id) in &self.marks.placed {
            if !before.contains(id) {
                self.marks.arrived.insert(id.clone(), now);
            }
        }
        if let Overlay::Bookmarks { selected } = self.overlay {
            let id = self.marks.items.get(selected).map(|it| it.id.clone());
            self.marks.build_items(&self.doc);
            let same = id.and_then(|id| self.marks.items.iter().position(|it| it.id == id));
            let last = self.marks.items.len().saturating_sub(1);
            self.overlay = Overlay::Bookmarks {
                selected: same.unwrap_or(selected).min(last),
            };
        }
        if let Some(msg) = self.marks.note_outcome(merged) {
            self.warn(msg);
        }
        if self.view.mark_notes {
            self.apply_view();
        }
        true
    }

    /// The last try to save bookmarks, then what must still be said when the reader is gone
    /// (printed on standard error, where a path is never cut short): bookmarks not saved and
    /// where their copy is, files moved aside. Each once.
    pub fn leave_bookmarks(&mut self) -> Vec<String> {
        // A note being written when the reader is ended (a signal, the terminal gone) is kept.
        if self
            .marks
            .editor
            .as_ref()
            .is_some_and(|ed| ed.note().trim() != ed.original.trim())
        {
            super::marks_update::save_note(self);
        }
        self.close_bookmarks();
        let mut out = self.marks.repaired.clone();
        if self.marks.store.is_dirty() {
            out.extend(self.marks.unsaved.as_ref().map(Unsaved::message));
        }
        out
    }
}

/// Writes `text` to a new rescue file `tandem-bookmarks-unsaved-STAMP-PID[-N].json` in
/// `dir` (created exclusively: never over another reader's copy or a planted link).
fn write_new(dir: &Path, stamp: &str, text: &str) -> std::io::Result<PathBuf> {
    let stem = format!("tandem-bookmarks-unsaved-{stamp}-{}", std::process::id());
    crate::persist::write_new(dir, &stem, "json", text.as_bytes())
}

/// `path` made absolute, so that a message names it wherever it is read.
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// `q`: quits, unless bookmarks could not be saved: then says where a copy went, and the
/// next `q` quits.
pub(super) fn quit(app: &mut App) {
    let changes = app.marks.store.changes();
    if app.marks.warned != Some(changes)
        && app.close_bookmarks().is_some()
        && let Some(unsaved) = &app.marks.unsaved
    {
        app.marks.warned = Some(changes);
        let keys = (app.prefs.keys).keys_of(super::keymap::Context::Reader, &super::Action::Quit);
        let key = keys
            .split(' ')
            .next()
            .filter(|k| !k.is_empty())
            .unwrap_or("q");
        let text = unsaved.status(key);
        app.warn(text);
        return;
    }
    app.quit = true;
}

#[cfg(test)]
mod rescue_tests {
    use super::*;

    #[test]
    fn rescue_copies_never_collide_nor_follow_a_planted_link() {
        let dir = tempfile::tempdir().unwrap();
        let first = write_new(dir.path(), "20261130-150000", "one").unwrap();
        let second = write_new(dir.path(), "20261130-150000", "two").unwrap();
        assert_ne!(first, second);
        assert_eq!(std::fs::read_to_string(&first).unwrap(), "one");
        assert_eq!(std::fs::read_to_string(&second).unwrap(), "two");
        // A link planted under the next name is left alone, and its target untouched.
        #[cfg(unix)]
        {
            let target = dir.path().join("victim");
            std::fs::write(&target, "keep").unwrap();
            let pid = std::process::id();
            let planted = dir.path().join(format!(
                "tandem-bookmarks-unsaved-20261130-150001-{pid}.json"
            ));
            std::os::unix::fs::symlink(&target, &planted).unwrap();
            let third = write_new(dir.path(), "20261130-150001", "three").unwrap();
            assert_ne!(third, planted);
            assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep");
        }
    }
}
