//! The bookmarks panel: opening it (merging what other readers saved), jumping to a
//! bookmark (opening its call when it is another), deleting, undoing and exporting.

use std::path::PathBuf;

use crate::bookmarks::{Bookmark, clock, export, locate};

use super::marks_update::{put, remove};
use super::state::{App, OpenRequest, OpenTarget, Overlay};
use crate::transcript::Transcript;

/// `B`: the panel, with what other readers saved merged in, on the bookmark here if any.
pub(super) fn open_panel(app: &mut App) {
    let outcome = app.marks.store.refresh();
    let msg = app.marks.note_outcome(outcome);
    app.marks.relocate(&app.doc);
    app.marks.build_items(&app.doc);
    let here = app.paragraph_here().and_then(|(t, b)| app.marks.at(t, b));
    let selected = here
        .and_then(|id| app.marks.items.iter().position(|it| it.id == id))
        .unwrap_or(0);
    app.overlay = Overlay::Bookmarks { selected };
    if let Some(msg) = msg {
        app.warn(msg);
    }
}

/// The bookmark selected in the panel.
pub(super) fn selected(app: &App) -> Option<&Bookmark> {
    let Overlay::Bookmarks { selected } = app.overlay else {
        return None;
    };
    let item = app.marks.items.get(selected)?;
    app.marks.store.get(&item.id)
}

/// `Enter`: goes to the selected bookmark, opening its call when it is another.
pub(super) fn jump(app: &mut App) {
    let Overlay::Bookmarks { selected: sel } = app.overlay else {
        return;
    };
    let (Some(item), Some(b)) = (app.marks.items.get(sel).cloned(), selected(app).cloned()) else {
        return;
    };
    if item.here {
        match item.found {
            Some(f) => {
                app.overlay = Overlay::None;
                go_to(app, f.turn, f.block);
            }
            None => app.warn("Not found in this version of the call"),
        }
        return;
    }
    if b.call.files.iter().any(|f| f == "-") {
        app.warn("That call was read from standard input: open its file to go there");
        return;
    }
    let files: Vec<PathBuf> = b.call.files.iter().map(PathBuf::from).collect();
    app.open_request = Some(OpenRequest {
        files,
        target: OpenTarget::Bookmark(Box::new(b)),
    });
}

impl App {
    /// Takes the other call the event loop was asked to open, `loaded` from its files (or
    /// why it could not be), and goes to the requested bookmark or place in it.
    pub fn open_requested(&mut self, request: OpenRequest, loaded: Result<Transcript, String>) {
        let OpenRequest { files, target } = request;
        let name = match &target {
            OpenTarget::Bookmark(b) => b.call.name(),
            OpenTarget::Place(_) => files_name(&files),
        };
        let doc = match loaded {
            Ok(doc) => doc,
            Err(e) => return self.warn(format!("Cannot open {name}: {e}")),
        };
        match target {
            OpenTarget::Bookmark(b) => {
                let Some(f) = locate(&doc, &b) else {
                    return self.warn(format!("Not found in this version of {}", b.call.name()));
                };
                let from = self.place();
                self.switch_call(doc, files);
                go_to(self, f.turn, f.block);
                self.jumps.record(from);
                self.say(format!("Opened {}", b.call.name()));
            }
            OpenTarget::Place(p) => {
                self.switch_call(doc, files);
                if self.index.key != p.key {
                    self.warn("That call has changed since: opened at its start");
                    return;
                }
                self.put_at(&p);
                self.say(format!("Back in {}", self.source));
            }
        }
    }
}

/// The files of a call as the status line names them.
pub(super) fn files_name(files: &[PathBuf]) -> String {
    match files {
        [] => crate::call::SAMPLE_NAME.to_string(),
        f => f
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(" + "),
    }
}

/// Puts paragraph `block` of turn `turn` at the top.
fn go_to(app: &mut App, turn: usize, block: usize) {
    let (row, _) = app.layout.block_span(app.index.block_id(turn, block));
    app.jump_to_row(row);
}

/// `d`: deletes the selected bookmark.
pub(super) fn delete_selected(app: &mut App) {
    if let Some(id) = selected(app).map(|b| b.id.clone()) {
        remove(app, &id, "Bookmark deleted (u brings it back)");
    }
}

/// `u`: brings back the last deleted bookmark.
pub(super) fn undo(app: &mut App) {
    let Some(mut b) = app.marks.undo.pop() else {
        app.say("Nothing to undo");
        return;
    };
    b.updated = clock::now();
    let id = b.id.clone();
    put(app, b, "Bookmark restored");
    if let Some(i) = app.marks.items.iter().position(|it| it.id == id) {
        app.overlay = Overlay::Bookmarks { selected: i };
    }
}

/// `e`: all bookmarks to a new Markdown file in the first export directory that takes it.
pub(super) fn export_markdown(app: &mut App) {
    let marks = app.marks.store.bookmarks();
    if marks.is_empty() {
        return app.say("No bookmarks to export");
    }
    let text = export::markdown(marks);
    let name = format!("tandem-bookmarks-{}", clock::file_stamp(clock::now_ms()));
    let mut errors = Vec::new();
    for dir in app.marks.export_dirs.clone() {
        match crate::persist::write_new(&dir, &name, "md", text.as_bytes()) {
            Ok(path) => {
                let n = app.marks.store.bookmarks().len();
                return app.say(format!("Exported {n} bookmarks to {}", path.display()));
            }
            Err(e) => errors.push(format!("{}: {e}", dir.display())),
        }
    }
    app.warn(format!("Export failed: {}", errors.join("; ")));
}
