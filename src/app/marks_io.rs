//! Bookmarks at the reader's start and end: the store in the config directory, and at exit
//! the last try to save, with a rescue copy of the bookmarks when that fails.

use std::path::PathBuf;

use crate::bookmarks::model::FORMAT;
use crate::bookmarks::{Store, StoreFile, clock};

use super::state::App;

impl App {
    /// Keeps bookmarks in the config directory's store, for a call read from `files`.
    pub fn open_bookmarks(&mut self, files: Vec<PathBuf>) {
        match crate::config::config_dir() {
            Some(dir) => {
                let (store, outcome) = Store::open(&dir);
                self.attach_bookmarks(store, outcome, files);
            }
            None => {
                let why = "No config directory: bookmarks are kept only until tandem quits";
                self.attach_bookmarks(Store::memory(), Err(why.into()), files);
            }
        }
    }

    /// Saves bookmarks not saved yet; when that fails, writes them all to a rescue file.
    /// Returns what to tell the user on leaving, if anything.
    pub fn close_bookmarks(&mut self) -> Option<String> {
        let changes = self.marks.store.changes();
        if !self.marks.store.is_dirty() || self.marks.rescued == Some(changes) {
            return None;
        }
        let why = match self.marks.store.path() {
            Some(_) => match self.marks.store.save_or_why() {
                Ok(()) => return None,
                Err(e) => e,
            },
            None => "there is no config directory".to_string(),
        };
        let copy = StoreFile {
            version: FORMAT,
            bookmarks: self.marks.store.bookmarks().to_vec(),
            deleted: Default::default(),
        };
        let text = serde_json::to_string_pretty(&copy).unwrap_or_default();
        let name = format!(
            "tandem-bookmarks-unsaved-{}.json",
            clock::file_stamp(clock::now_ms())
        );
        let mut tried = Vec::new();
        for dir in self.marks.export_dirs.iter().chain([&std::env::temp_dir()]) {
            let path = dir.join(&name);
            match std::fs::write(&path, &text) {
                Ok(()) => {
                    self.marks.rescued = Some(changes);
                    return Some(format!(
                        "bookmarks not saved ({why}); all {} are in {}",
                        copy.bookmarks.len(),
                        path.display()
                    ));
                }
                Err(e) => tried.push(format!("{}: {e}", path.display())),
            }
        }
        Some(format!(
            "bookmarks not saved ({why}); no copy could be written either ({})",
            tried.join("; ")
        ))
    }
}

/// `q`: quits, unless bookmarks could not be saved: then says where a copy went, and the
/// next `q` quits.
pub(super) fn quit(app: &mut App) {
    let changes = app.marks.store.changes();
    if app.marks.warned != Some(changes)
        && let Some(msg) = app.close_bookmarks()
    {
        app.marks.warned = Some(changes);
        app.warn(format!("{msg}; q again quits"));
        return;
    }
    app.quit = true;
}
