//! Bookmarks in the reader: the store, this call's identity, where its bookmarks are in the
//! transcript shown, the panel's entries, the note editor and the undo list.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

use ratatui_textarea::TextArea;

use crate::bookmarks::store::Outcome;
use crate::bookmarks::{Bookmark, CallRef, Located, Store, locate_all};
use crate::transcript::Transcript;

use super::state::Anchor;

/// One entry of the bookmarks panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    /// True for a bookmark of the call shown.
    pub here: bool,
    /// Where it is in the call shown (None: another call, or not in this version).
    pub found: Option<Located>,
}

/// What the note editor writes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The note of this bookmark (kept whole, so a deletion elsewhere meanwhile loses nothing).
    Existing(Box<Bookmark>),
    /// A new bookmark on this paragraph (turn, block), made when the note is saved.
    New(usize, usize),
}

/// The note editor: a multi-line text area and what it edits.
#[derive(Debug)]
pub struct NoteEditor {
    pub text: TextArea<'static>,
    pub target: Target,
    /// Who said the paragraph and how it starts, shown above the text.
    pub about: String,
    /// The note as it was when the editor opened.
    pub original: String,
    /// The text when cancelling last warned that it would be lost: cancelling again with
    /// the same text discards it.
    pub warned: Option<String>,
}

impl NoteEditor {
    /// The text as it would be saved.
    pub fn note(&self) -> String {
        self.text.lines().join("\n").trim_end().to_string()
    }

    /// True when saving would change the note.
    pub fn changed(&self) -> bool {
        self.note() != self.original.trim_end()
    }

    /// True when cancelling warned about this very text: cancelling again discards it.
    pub fn armed(&self) -> bool {
        self.warned
            .as_ref()
            .is_some_and(|w| *w == self.text.lines().join("\n"))
    }
}

/// Bookmarks that could not be saved, and the rescue copy of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsaved {
    /// Why saving failed.
    pub why: String,
    /// How many bookmarks the copy holds (all of them).
    pub count: usize,
    /// Where the copy was written; Err: every place tried, with why each failed.
    pub copy: Result<PathBuf, String>,
}

impl Unsaved {
    /// The whole story, for standard error on exit.
    pub fn message(&self) -> String {
        match &self.copy {
            Ok(path) => format!(
                "Bookmarks not saved ({}); all {} are in {}",
                self.why,
                self.count,
                path.display()
            ),
            Err(tried) => format!(
                "Bookmarks not saved ({}); no copy could be written either ({tried})",
                self.why
            ),
        }
    }

    /// For the status line on quitting (`quit_key`): what the key does now first, where the copy is last (what a
    /// status line cut short keeps); the reason was shown when saving failed, and all of it
    /// is printed on exit.
    pub fn status(&self, quit_key: &str) -> String {
        match &self.copy {
            Ok(path) => format!(
                "{quit_key} again quits: bookmarks not saved, all {} copied to {}",
                self.count,
                path.display()
            ),
            Err(tried) => format!(
                "{quit_key} again quits and loses them: bookmarks not saved ({}), nor copied ({tried})",
                self.why
            ),
        }
    }
}

/// The reader's bookmarks state.
#[derive(Debug)]
pub struct Marks {
    pub store: Store,
    /// The call shown.
    pub call: CallRef,
    /// The files it was read from (empty for the built-in sample).
    pub files: Vec<PathBuf>,
    /// The call's bookmarks found in it: (turn, block, id), sorted.
    pub placed: Vec<(usize, usize, String)>,
    /// The panel's entries while it is open.
    pub items: Vec<Item>,
    pub editor: Option<NoteEditor>,
    /// Deleted bookmarks, the latest last, for undo.
    pub undo: Vec<Bookmark>,
    /// Why the last save failed, on view in the panel until a save succeeds.
    pub problem: Option<String>,
    /// What was repaired in the store (a corrupt file moved aside), on view in the panel.
    pub notice: Option<String>,
    /// Directories an export is written to, the first that works.
    pub export_dirs: Vec<PathBuf>,
    /// The call left for another from the panel: its position key and where the reader was,
    /// for the reading position to be saved.
    pub left: Option<(String, Anchor)>,
    /// The store's change count when unsaved bookmarks were last copied to a rescue file.
    pub rescued: Option<u64>,
    /// Bookmarks that could not be saved: why, and where a copy went (the latest try).
    pub unsaved: Option<Unsaved>,
    /// What was repaired in the store this session (a file moved aside), to be printed in
    /// full when tandem quits: the status line may cut a path short.
    pub repaired: Vec<String>,
    /// The store's change count when `q` last warned that bookmarks were not saved.
    pub warned: Option<u64>,
    /// When bookmarks merged in on an idle tick (another reader's) first showed here: one
    /// that appeared a moment before `b` was pressed counts as not seen yet.
    pub arrived: HashMap<String, Instant>,
}

impl Marks {
    /// Bookmarks of `doc` (read from `files`), kept in memory until a store is attached.
    pub fn new(doc: &Transcript, files: Vec<PathBuf>) -> Self {
        let mut export_dirs: Vec<PathBuf> = std::env::current_dir().into_iter().collect();
        export_dirs.extend(crate::config::data_dir());
        Marks {
            store: Store::memory(),
            call: CallRef::new(doc, &files),
            files,
            placed: Vec::new(),
            items: Vec::new(),
            editor: None,
            undo: Vec::new(),
            problem: None,
            notice: None,
            export_dirs,
            left: None,
            rescued: None,
            unsaved: None,
            repaired: Vec::new(),
            warned: None,
            arrived: HashMap::new(),
        }
    }

    /// Finds this call's bookmarks in `doc` again.
    pub fn relocate(&mut self, doc: &Transcript) {
        let mine: Vec<&Bookmark> = self.mine().collect();
        let found = locate_all(doc, mine.iter().copied());
        let mut placed: Vec<(usize, usize, String)> = mine
            .iter()
            .zip(found)
            .filter_map(|(b, f)| f.map(|f| (f.turn, f.block, b.id.clone())))
            .collect();
        placed.sort();
        self.placed = placed;
    }

    /// The bookmarks of the call shown.
    pub fn mine(&self) -> impl Iterator<Item = &Bookmark> {
        self.store
            .bookmarks()
            .iter()
            .filter(|b| b.call.same_call(&self.call))
    }

    /// The id of the bookmark on paragraph `block` of turn `turn`, if any.
    pub fn at(&self, turn: usize, block: usize) -> Option<&str> {
        let i = self.placed.partition_point(|p| (p.0, p.1) < (turn, block));
        self.placed
            .get(i)
            .filter(|p| (p.0, p.1) == (turn, block))
            .map(|p| p.2.as_str())
    }

    /// True when some paragraph of the turns in `turns` is bookmarked.
    pub fn any_in(&self, turns: std::ops::Range<usize>) -> bool {
        let i = self.placed.partition_point(|p| p.0 < turns.start);
        self.placed.get(i).is_some_and(|p| p.0 < turns.end)
    }

    /// The panel's entries: the call shown first (in reading order, those not found last),
    /// then the other calls' (by call, in reading order).
    pub fn build_items(&mut self, doc: &Transcript) {
        let all = self.store.bookmarks();
        let found = locate_all(doc, all.iter().filter(|b| b.call.same_call(&self.call)));
        let mut found = found.into_iter();
        let mut items: Vec<(Item, &Bookmark)> = all
            .iter()
            .map(|b| {
                let here = b.call.same_call(&self.call);
                let found = if here { found.next().flatten() } else { None };
                (
                    Item {
                        id: b.id.clone(),
                        here,
                        found,
                    },
                    b,
                )
            })
            .collect();
        items.sort_by_cached_key(|(it, b)| {
            let place = it.found.map_or((usize::MAX, 0), |f| (f.turn, f.block));
            let call = if it.here {
                String::new()
            } else {
                b.call.name()
            };
            (!it.here, call, place, b.spot.turn, b.spot.block)
        });
        self.items = items.into_iter().map(|(it, _)| it).collect();
    }

    /// Records the outcome of a store operation (a failure until a save succeeds, a repair
    /// for the session); returns the text for the status line, if any.
    pub fn note_outcome(&mut self, outcome: Outcome) -> Option<String> {
        match outcome {
            Ok(None) => {
                self.problem = None;
                None
            }
            Ok(Some(notice)) => {
                self.problem = None;
                self.notice = Some(notice.clone());
                if !self.repaired.contains(&notice) {
                    self.repaired.push(notice.clone());
                }
                Some(notice)
            }
            Err(e) => {
                self.problem = Some(e.clone());
                Some(e)
            }
        }
    }
}
