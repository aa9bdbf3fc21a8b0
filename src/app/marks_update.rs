//! Bookmark actions: toggling, notes and switching to another call (the panel's are in
//! `marks_panel`). Every change goes to the store at once; failures are reported, never fatal.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use ratatui_textarea::{CursorMove, TextArea};

use crate::app::layout::Layout;
use crate::bookmarks::store::Outcome;
use crate::bookmarks::{Bookmark, CallRef, Store, clock};
use crate::transcript::{Block, Transcript};
use crate::wrap::truncate;

use super::action::Action;
use super::index::DocIndex;
use super::keymap::Context;
use super::marks::{NoteEditor, Target};
use super::marks_panel::{delete_selected, export_markdown, jump, open_panel, selected, undo};
use super::state::{App, Focus, Overlay, SearchState, shape};

impl App {
    /// Keeps bookmarks in `store` (reporting how opening it went) for a call read from `files`.
    pub fn attach_bookmarks(&mut self, store: Store, outcome: Outcome, files: Vec<PathBuf>) {
        self.marks.store = store;
        // The same call as when the marks were made: its hash is known.
        let hash = std::mem::take(&mut self.marks.call.hash);
        self.marks.call = CallRef::with_hash(&self.doc, &files, hash);
        self.marks.files = files;
        self.marks.relocate(&self.doc);
        if self.view.mark_notes {
            self.apply_view();
        }
        if let Some(msg) = self.marks.note_outcome(outcome) {
            self.warn(msg);
        }
    }

    /// Shows `doc` (read from `files`) instead of the current call, keeping the view options.
    pub fn switch_call(&mut self, doc: Transcript, files: Vec<PathBuf>) {
        self.marks.left = Some((self.index.key.clone(), self.anchor()));
        self.source = super::marks_panel::files_name(&files);
        self.index = DocIndex::new(&doc);
        self.figures = self.figures.for_call(&doc);
        self.doc = Arc::new(doc);
        if !self.index.bilingual {
            self.view.lang = crate::app::layout::LangView::Both;
        }
        self.marks.call = CallRef::new(&self.doc, &files);
        self.marks.files = files;
        self.marks.relocate(&self.doc);
        self.spare_layouts.clear();
        self.layout = Layout::build(
            &self.doc,
            &self.index,
            shape(self.view, self.layout.shape.width),
            &self.mark_notes(),
        );
        (self.top, self.cursor, self.focus, self.list_sel) = (0, 0, Focus::Reader, 0);
        self.settle();
        self.overlay = Overlay::None;
        self.search = SearchState::default();
        self.haystack = None;
        self.haystack_job = None;
        self.areas.list_offset = 0;
    }
}

/// Applies a bookmark action.
pub(super) fn apply(app: &mut App, action: Action) {
    match action {
        Action::ToggleBookmark => toggle(app),
        Action::EditNote => edit_here(app),
        Action::OpenBookmarks => open_panel(app),
        Action::PanelMove(n) => {
            let last = app.marks.items.len().saturating_sub(1);
            if let Overlay::Bookmarks { selected } = &mut app.overlay {
                *selected = selected.saturating_add_signed(n as isize).min(last);
            }
        }
        Action::PanelJump => jump(app),
        Action::PanelNote => edit_selected(app),
        Action::PanelDelete => delete_selected(app),
        Action::PanelUndo => undo(app),
        Action::PanelExport => export_markdown(app),
        Action::NoteEdit(input) => {
            if let Some(ed) = app.marks.editor.as_mut() {
                ed.text.input(input);
            }
        }
        Action::NotePaste(text) => {
            if let Some(ed) = app.marks.editor.as_mut() {
                ed.text
                    .insert_str(text.replace("\r\n", "\n").replace('\r', "\n"));
            }
        }
        Action::NoteSave => save_note(app),
        Action::NoteCancel => cancel_note(app),
        _ => {}
    }
}

impl App {
    /// The paragraph under the reading cursor: its block, else the first paragraph below it
    /// in its turn (under a header, or after a note), else the one before.
    pub fn paragraph_here(&self) -> Option<(usize, usize)> {
        let a = self.anchor_at(self.cursor);
        let blocks = &self.doc.turns.get(a.turn)?.blocks;
        let para = |b: &usize| matches!(blocks[*b], Block::Para { .. });
        let b = match a.block {
            Some(b) => (b..blocks.len())
                .find(para)
                .or_else(|| (0..b).rev().find(para)),
            None => (0..blocks.len()).find(para),
        }?;
        Some((a.turn, b))
    }
}

/// How long a bookmark another reader made must have been on screen for `b` to remove it.
const SEEN: Duration = Duration::from_secs(1);

/// `b` toggles the bookmark on the paragraph at the reading position. What other readers
/// saved is merged first: a bookmark there that this reader did not show (or that an idle
/// tick showed less than [`SEEN`] ago) is kept: never a second one made, never one deleted
/// unseen.
fn toggle(app: &mut App) {
    let Some((turn, block)) = app.paragraph_here() else {
        app.say("No paragraph here to bookmark");
        return;
    };
    // One that an idle tick brought in a moment ago was not seen yet: the key was meant
    // for the paragraph as it looked before.
    let seen = |id: &&str| {
        app.marks
            .arrived
            .get(*id)
            .is_none_or(|at| at.elapsed() >= SEEN)
    };
    let shown = app.marks.at(turn, block).filter(seen).map(str::to_owned);
    let merged = app.marks.store.refresh();
    let notice = merged.as_ref().ok().cloned().flatten();
    app.marks.relocate(&app.doc);
    app.marks.note_outcome(merged);
    let placed = |app: &App, id: &str| {
        let spot = (turn, block, id.to_string());
        app.marks.placed.contains(&spot)
    };
    match (shown, app.marks.at(turn, block).map(str::to_owned)) {
        (Some(id), _) if placed(app, &id) => {
            remove(app, &id, "Bookmark removed (B, then u, brings it back)");
        }
        (_, Some(_)) => app.say("Already bookmarked (by another tandem)"),
        (Some(_), None) => app.say("Bookmark already removed (by another tandem)"),
        (None, None) => {
            if let Some(b) = Bookmark::new(&app.doc, &app.marks.call, turn, block) {
                let id = b.id.clone();
                put(app, b, "Bookmarked: m adds a note, B lists bookmarks");
                if app.marks.store.get(&id).is_none() && app.marks.at(turn, block).is_some() {
                    // Another reader's, saved at the same moment: its bookmark is kept.
                    app.say("Already bookmarked (by another tandem)");
                }
            }
        }
    }
    // A store file moved aside matters more than what `b` did (the gutter shows that).
    if let Some(msg) = notice.filter(|_| app.marks.problem.is_none()) {
        app.warn(msg);
    }
}

/// Saves `b` and reports `ok`, or what went wrong.
pub(super) fn put(app: &mut App, b: Bookmark, ok: &str) {
    let outcome = app.marks.store.put(b);
    finish(app, outcome, ok);
}

/// Deletes bookmark `id` (undo keeps it) and reports `ok`, or what went wrong.
pub(super) fn remove(app: &mut App, id: &str, ok: &str) {
    if let Some(b) = app.marks.store.get(id).cloned() {
        app.marks.undo.push(b);
    }
    let outcome = app.marks.store.remove(id);
    finish(app, outcome, ok);
}

/// After a change: find the bookmarks again, refresh the panel, and report.
fn finish(app: &mut App, outcome: Outcome, ok: &str) {
    app.marks.relocate(&app.doc);
    if let Overlay::Bookmarks { selected } = app.overlay {
        app.marks.build_items(&app.doc);
        let last = app.marks.items.len().saturating_sub(1);
        app.overlay = Overlay::Bookmarks {
            selected: selected.min(last),
        };
    }
    match app.marks.note_outcome(outcome) {
        None => app.say(ok),
        Some(msg) => app.warn(msg),
    }
}

/// `m`: the note editor on the paragraph at the reading position.
fn edit_here(app: &mut App) {
    let Some((turn, block)) = app.paragraph_here() else {
        app.say("No paragraph here to write a note on");
        return;
    };
    // Another reader may have bookmarked it meanwhile: then its note is the one to edit.
    let shown = app.marks.at(turn, block).is_some();
    let merged = app.marks.store.refresh();
    app.marks.relocate(&app.doc);
    let msg = app.marks.note_outcome(merged);
    let existing = app
        .marks
        .at(turn, block)
        .and_then(|id| app.marks.store.get(id));
    match existing.cloned() {
        Some(b) => {
            open_editor(app, Target::Existing(Box::new(b)));
            if !shown {
                app.say("Already bookmarked (by another tandem): this is its note");
            }
        }
        None => open_editor(app, Target::New(turn, block)),
    }
    if let Some(msg) = msg {
        app.warn(msg);
    }
}

/// `m` in the panel: the note editor on the selected bookmark.
fn edit_selected(app: &mut App) {
    if let Some(b) = selected(app).cloned() {
        open_editor(app, Target::Existing(Box::new(b)));
    }
}

/// Opens the note editor on `target`, with its note so far.
fn open_editor(app: &mut App, target: Target) {
    let (note, about) = match &target {
        Target::Existing(b) => (b.note.clone(), about(&b.speaker, b.text())),
        Target::New(turn, block) => {
            let t = &app.doc.turns[*turn];
            let speaker = app
                .doc
                .speakers
                .get(t.speaker)
                .map_or("", |s| s.name.as_str());
            let text = match &t.blocks[*block] {
                Block::Para { en, zh } => en.as_deref().or(zh.as_deref()).unwrap_or(""),
                Block::Note { note } => note,
            };
            (String::new(), about(speaker, text))
        }
    };
    let mut text = TextArea::new(note.lines().map(String::from).collect());
    text.set_placeholder_text("Your note (Enter starts a new line)");
    // Long lines wrap in the box (at words, or between characters in Chinese).
    text.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
    text.move_cursor(CursorMove::Bottom);
    text.move_cursor(CursorMove::End);
    app.marks.editor = Some(NoteEditor {
        text,
        target,
        about,
        original: note,
        warned: None,
    });
}

/// `Speaker: the start of the text`.
fn about(speaker: &str, text: &str) -> String {
    format!("{speaker}: {}", truncate(text, 200))
}

/// `Ctrl-s`: saves the note, making the bookmark if it is new.
pub(super) fn save_note(app: &mut App) {
    let Some(ed) = app.marks.editor.take() else {
        return;
    };
    let mut note = ed.note();
    let mut joined = false;
    let b = match ed.target {
        Target::Existing(b) => {
            // Another reader may have changed this note since the editor opened: keep both.
            let _ = app.marks.store.refresh();
            let theirs = app
                .marks
                .store
                .get(&b.id)
                .map(|d| d.note.trim().to_string());
            if let Some(theirs) = theirs
                && theirs != ed.original.trim()
                && !theirs.is_empty()
                && theirs != note
            {
                note = crate::bookmarks::merge::join_notes(&theirs, &note).unwrap_or(theirs);
                joined = true;
            }
            Some(*b)
        }
        Target::New(turn, block) => Bookmark::new(&app.doc, &app.marks.call, turn, block),
    };
    if let Some(mut b) = b {
        b.note = note;
        b.updated = clock::now();
        let id = b.id.clone();
        put(app, b, "Note saved");
        if app.marks.problem.is_none() && app.marks.store.get(&id).is_none() {
            // Joined with a bookmark another reader made on the paragraph meanwhile.
            app.say("Note saved, joined with another tandem's bookmark on this paragraph");
        } else if app.marks.problem.is_none() && joined {
            app.say("Note saved, joined with the note another tandem saved meanwhile");
        }
    }
}

impl App {
    /// The first keys that save and cancel a note (the defaults: `Ctrl-s`, `Esc`).
    pub fn note_keys(&self) -> (String, String) {
        let hints = self.prefs.keys.hints(Context::Note);
        let key = |action: Action, default: &str| {
            hints
                .iter()
                .find(|(_, b)| b.action == action)
                .map_or_else(|| default.to_string(), |(k, _)| k.clone())
        };
        (
            key(Action::NoteSave, "Ctrl-s"),
            key(Action::NoteCancel, "Esc"),
        )
    }
}

/// `Esc` (or `Ctrl-c`) in the note editor: closes it when the note is unchanged; a changed
/// note is only discarded by a second `Esc` (Vim users press it to leave insert mode), the
/// first one warns.
fn cancel_note(app: &mut App) {
    let (save, cancel) = app.note_keys();
    let Some(ed) = app.marks.editor.as_mut() else {
        return;
    };
    let changed = ed.changed();
    if changed && !ed.armed() {
        ed.warned = Some(ed.text.lines().join("\n"));
        app.warn(format!(
            "Note not saved: {cancel} again discards it, {save} saves"
        ));
        return;
    }
    let new = matches!(ed.target, Target::New(..));
    app.marks.editor = None;
    app.say(match (changed, new) {
        (true, _) => "Note discarded",
        (false, true) => "No note written",
        (false, false) => "Note unchanged",
    });
}
