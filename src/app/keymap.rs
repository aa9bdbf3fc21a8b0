//! The key map as data: each binding names a key, the action it triggers, where it applies,
//! its help section and description. Key lookup, the help overlay and the status-line hints
//! are all generated from [`BINDINGS`], so they cannot drift apart.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The reading pane has focus (also the fallback when the turn list has focus).
    Reader,
    /// The turn list has focus.
    List,
    /// The analyst picker is open.
    Picker,
    /// The help overlay is open.
    Help,
    /// The search input is open.
    Search,
    /// The bookmarks panel is open.
    Marks,
    /// The note editor is open.
    Note,
    /// The call overview or the figure list is open.
    Sheet,
}

impl Context {
    /// The sub-heading the help puts above this context's keys within a section: keys that
    /// work only inside a panel, picker or input say so. None for the reading pane.
    pub fn help_heading(self) -> Option<&'static str> {
        match self {
            Context::Reader => None,
            Context::List => Some("In the turn list:"),
            Context::Search => Some("While typing a search:"),
            Context::Picker => Some("In the analyst picker:"),
            Context::Help => Some("In this help:"),
            Context::Marks => Some("In the bookmarks panel:"),
            Context::Note => Some("In the note editor:"),
            Context::Sheet => Some("In the overview and the figure list:"),
        }
    }
}

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

/// One line of the key map.
#[derive(Debug, Clone)]
pub struct Binding {
    pub key: Key,
    pub action: Action,
    pub context: Context,
    /// The help-overlay section.
    pub section: &'static str,
    pub description: &'static str,
    /// A short label for the status line, for the few keys that matter most.
    pub hint: Option<&'static str>,
}

/// A plain key.
const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}

/// A key with Ctrl.
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

/// A key with Alt (Meta): terminals send it as Esc before the key.
const fn alt(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::ALT,
    }
}

/// A special key with Alt.
const fn alt_code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::ALT,
    }
}

/// A special key (arrows, Enter, ...).
const fn sp(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

/// A binding.
const fn b(
    key: Key,
    action: Action,
    context: Context,
    section: &'static str,
    description: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        key,
        action,
        context,
        section,
        description,
        hint,
    }
}

use Action as A;
use Context::{
    Help as H, List as L, Marks as M, Note as E, Picker as P, Reader as R, Search as S, Sheet as I,
};

const MOVE: &str = "Move";
const JUMP: &str = "Jump";
const FIND: &str = "Search";
const VIEW: &str = "View";
const TURNS: &str = "Turn list";
const OVERLAYS: &str = "Pickers and help";
const MARKS: &str = "Bookmarks";
const FIGURES: &str = "Figures";
const GENERAL: &str = "General";

/// The key map.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    b(k('j'), A::LineDown, R, MOVE, "Scroll down a line (5j: five)", None),
    b(sp(KeyCode::Down), A::LineDown, R, MOVE, "Scroll down a line (5j: five)", None),
    b(ctrl('e'), A::LineDown, R, MOVE, "Scroll down a line (5j: five)", None),
    b(k('k'), A::LineUp, R, MOVE, "Scroll up a line", None),
    b(sp(KeyCode::Up), A::LineUp, R, MOVE, "Scroll up a line", None),
    b(ctrl('y'), A::LineUp, R, MOVE, "Scroll up a line", None),
    b(k('J'), A::NextParagraph, R, MOVE, "Cursor to the next paragraph", None),
    b(k(')'), A::NextParagraph, R, MOVE, "Cursor to the next paragraph", None),
    b(k('K'), A::PrevParagraph, R, MOVE, "Cursor to the previous paragraph", None),
    b(k('('), A::PrevParagraph, R, MOVE, "Cursor to the previous paragraph", None),
    b(ctrl('d'), A::HalfPageDown, R, MOVE, "Half a page down", None),
    b(ctrl('u'), A::HalfPageUp, R, MOVE, "Half a page up", None),
    b(sp(KeyCode::PageDown), A::PageDown, R, MOVE, "Page down", None),
    b(k(' '), A::PageDown, R, MOVE, "Page down", None),
    b(ctrl('f'), A::PageDown, R, MOVE, "Page down", None),
    b(sp(KeyCode::PageUp), A::PageUp, R, MOVE, "Page up", None),
    b(ctrl('b'), A::PageUp, R, MOVE, "Page up", None),
    b(k('g'), A::Top, R, MOVE, "Start of the call (7g: question 7)", None),
    b(sp(KeyCode::Home), A::Top, R, MOVE, "Start of the call (7g: question 7)", None),
    b(k('G'), A::Bottom, R, MOVE, "End of the call (7G: question 7)", None),
    b(sp(KeyCode::End), A::Bottom, R, MOVE, "End of the call (7G: question 7)", None),
    b(k(']'), A::NextQuestion, R, JUMP, "Next question", Some("question")),
    b(k('['), A::PrevQuestion, R, JUMP, "Previous question", None),
    b(k('}'), A::NextTurn, R, JUMP, "Next speaker turn", Some("turn")),
    b(k('{'), A::PrevTurn, R, JUMP, "Previous speaker turn", None),
    b(k('>'), A::NextBySpeaker, R, JUMP, "Next turn of this speaker", None),
    b(k('<'), A::PrevBySpeaker, R, JUMP, "Previous turn of this speaker", None),
    b(ctrl('o'), A::JumpBack, R, JUMP, "Back to where the last jump left", Some("back")),
    b(alt_code(KeyCode::Left), A::JumpBack, R, JUMP, "Back to where the last jump left", None),
    b(alt('o'), A::JumpForward, R, JUMP, "Forward again after going back", None),
    b(alt_code(KeyCode::Right), A::JumpForward, R, JUMP, "Forward again after going back", None),
    b(k('/'), A::StartSearch, R, FIND, "Search both languages", Some("search")),
    b(k('n'), A::SearchNext, R, FIND, "Next match", Some("next")),
    b(k('N'), A::SearchPrev, R, FIND, "Previous match", Some("prev")),
    b(sp(KeyCode::Esc), A::ClearSearch, R, FIND, "Clear the search", Some("clear")),
    b(sp(KeyCode::Enter), A::SearchConfirm, S, FIND, "Keep the matches", Some("keep")),
    b(sp(KeyCode::Esc), A::SearchCancel, S, FIND, "Cancel, go back", Some("cancel")),
    b(k('l'), A::CycleLanguage, R, VIEW, "Languages: both / English / Chinese", None),
    b(k('s'), A::ToggleStacked, R, VIEW, "Side by side / stacked", None),
    b(k('c'), A::ToggleNotes, R, VIEW, "Show or hide commentary notes", None),
    b(k('t'), A::CycleScript, R, VIEW, "Show Chinese as Simplified / Traditional", None),
    b(k('y'), A::CopyParagraph, R, VIEW, "Copy the cursor's paragraph (with the call's title)", None),
    b(k('T'), A::ToggleTurnList, R, VIEW, "Show or hide the turn list", None),
    b(k('v'), A::ToggleMarkNotes, R, VIEW, "Show bookmark notes under their paragraphs", None),
    b(k('#'), A::ToggleFigures, R, FIGURES, "Highlight figures and mismatches", None),
    b(k('!'), A::NextMismatch, R, FIGURES, "Next figure the Chinese gets wrong", None),
    b(alt('!'), A::PrevMismatch, R, FIGURES, "Previous figure the Chinese gets wrong", None),
    b(k('F'), A::OpenFigureList, R, FIGURES, "Every figure pair, mismatches first", None),
    b(sp(KeyCode::Tab), A::ToggleFocus, R, TURNS, "Focus the turn list / reading pane", Some("turns")),
    b(k('j'), A::ListMove(1), L, TURNS, "Select the next entry", None),
    b(sp(KeyCode::Down), A::ListMove(1), L, TURNS, "Select the next entry", None),
    b(k('k'), A::ListMove(-1), L, TURNS, "Select the previous entry", None),
    b(sp(KeyCode::Up), A::ListMove(-1), L, TURNS, "Select the previous entry", None),
    b(k('g'), A::ListEnd(false), L, TURNS, "Select the first entry", None),
    b(sp(KeyCode::Home), A::ListEnd(false), L, TURNS, "Select the first entry", None),
    b(k('G'), A::ListEnd(true), L, TURNS, "Select the last entry", None),
    b(sp(KeyCode::End), A::ListEnd(true), L, TURNS, "Select the last entry", None),
    b(sp(KeyCode::Enter), A::ListJump, L, TURNS, "Jump to the selected entry", Some("jump")),
    b(sp(KeyCode::Esc), A::ToggleFocus, L, TURNS, "Back to the reading pane", None),
    b(k('b'), A::ToggleBookmark, R, MARKS, "Bookmark the cursor's paragraph, or unmark it", None),
    b(k('m'), A::EditNote, R, MARKS, "Note on that paragraph (bookmarks it)", None),
    b(k('B'), A::OpenBookmarks, R, MARKS, "Bookmarks of every call", Some("marks")),
    b(k('i'), A::OpenOverview, R, OVERLAYS, "Call overview: who, what, figures", Some("overview")),
    b(k('a'), A::OpenAnalysts, R, OVERLAYS, "Analyst picker", Some("analysts")),
    b(k('j'), A::PickerMove(1), P, OVERLAYS, "Next analyst", None),
    b(sp(KeyCode::Down), A::PickerMove(1), P, OVERLAYS, "Next analyst", None),
    b(k('k'), A::PickerMove(-1), P, OVERLAYS, "Previous analyst", None),
    b(sp(KeyCode::Up), A::PickerMove(-1), P, OVERLAYS, "Previous analyst", None),
    b(sp(KeyCode::Enter), A::PickerJump, P, OVERLAYS, "Jump to their first question", Some("jump")),
    b(sp(KeyCode::Esc), A::CloseOverlay, P, OVERLAYS, "Close the picker", Some("close")),
    b(k('q'), A::CloseOverlay, P, OVERLAYS, "Close the picker", None),
    b(k('j'), A::SheetMove(1), I, OVERLAYS, "Next line", None),
    b(sp(KeyCode::Down), A::SheetMove(1), I, OVERLAYS, "Next line", None),
    b(k('k'), A::SheetMove(-1), I, OVERLAYS, "Previous line", None),
    b(sp(KeyCode::Up), A::SheetMove(-1), I, OVERLAYS, "Previous line", None),
    b(sp(KeyCode::PageDown), A::SheetMove(10), I, OVERLAYS, "Ten lines down", None),
    b(sp(KeyCode::PageUp), A::SheetMove(-10), I, OVERLAYS, "Ten lines up", None),
    b(k('g'), A::SheetEnd(false), I, OVERLAYS, "First line", None),
    b(k('G'), A::SheetEnd(true), I, OVERLAYS, "Last line", None),
    b(sp(KeyCode::Enter), A::SheetJump, I, OVERLAYS, "Go there", Some("jump")),
    b(sp(KeyCode::Esc), A::CloseOverlay, I, OVERLAYS, "Close", Some("close")),
    b(k('q'), A::CloseOverlay, I, OVERLAYS, "Close", None),
    b(k('i'), A::CloseOverlay, I, OVERLAYS, "Close", None),
    b(k('?'), A::OpenHelp, R, OVERLAYS, "This help", Some("help")),
    b(sp(KeyCode::F(1)), A::OpenHelp, R, OVERLAYS, "This help", None),
    b(k('j'), A::HelpScroll(1), H, OVERLAYS, "Scroll the help", None),
    b(sp(KeyCode::Down), A::HelpScroll(1), H, OVERLAYS, "Scroll the help", None),
    b(k('k'), A::HelpScroll(-1), H, OVERLAYS, "Scroll the help back", None),
    b(sp(KeyCode::Up), A::HelpScroll(-1), H, OVERLAYS, "Scroll the help back", None),
    b(sp(KeyCode::Esc), A::CloseOverlay, H, OVERLAYS, "Close the help", Some("close")),
    b(k('q'), A::CloseOverlay, H, OVERLAYS, "Close the help", None),
    b(k('?'), A::CloseOverlay, H, OVERLAYS, "Close the help", None),
    b(sp(KeyCode::F(1)), A::CloseOverlay, H, OVERLAYS, "Close the help", None),
    b(k('j'), A::PanelMove(1), M, MARKS, "Next bookmark", None),
    b(sp(KeyCode::Down), A::PanelMove(1), M, MARKS, "Next bookmark", None),
    b(k('k'), A::PanelMove(-1), M, MARKS, "Previous bookmark", None),
    b(sp(KeyCode::Up), A::PanelMove(-1), M, MARKS, "Previous bookmark", None),
    b(sp(KeyCode::Enter), A::PanelJump, M, MARKS, "Jump there (opens the other call)", Some("jump")),
    b(k('m'), A::PanelNote, M, MARKS, "Edit its note", Some("note")),
    b(k('d'), A::PanelDelete, M, MARKS, "Delete it", Some("delete")),
    b(k('u'), A::PanelUndo, M, MARKS, "Undo the last delete", Some("undo")),
    b(k('e'), A::PanelExport, M, MARKS, "Export all to Markdown", Some("export")),
    b(sp(KeyCode::Esc), A::CloseOverlay, M, MARKS, "Close the panel", Some("close")),
    b(k('q'), A::CloseOverlay, M, MARKS, "Close the panel", None),
    b(k('B'), A::CloseOverlay, M, MARKS, "Close the panel", None),
    b(ctrl('s'), A::NoteSave, E, MARKS, "Save", Some("save")),
    b(sp(KeyCode::Esc), A::NoteCancel, E, MARKS, "Close; twice discards", Some("cancel")),
    b(k('q'), A::Quit, R, GENERAL, "Quit", Some("quit")),
    b(ctrl('c'), A::Quit, R, GENERAL, "Quit", None),
    b(ctrl('z'), A::Suspend, R, GENERAL, "Suspend to the shell (fg comes back)", None),
];

/// Contexts in the order the help lists them (the help's own keys are in its title, the
/// overview's and figure list's in theirs; the manual page adds those after these).
pub const HELP_ORDER: [Context; 6] = [
    Context::Reader,
    Context::List,
    Context::Search,
    Context::Picker,
    Context::Marks,
    Context::Note,
];

/// The contexts consulted, most specific first.
pub fn chain(ctx: Context) -> &'static [Context] {
    match ctx {
        Context::List => &[Context::List, Context::Reader],
        Context::Reader => &[Context::Reader],
        Context::Picker => &[Context::Picker],
        Context::Help => &[Context::Help],
        Context::Search => &[Context::Search],
        Context::Marks => &[Context::Marks],
        Context::Note => &[Context::Note],
        Context::Sheet => &[Context::Sheet],
    }
}

/// The key as the table spells it: Shift is implied by the character itself.
pub(crate) fn normalize(ev: KeyEvent) -> Key {
    let mut mods = ev.modifiers;
    if matches!(ev.code, KeyCode::Char(_)) {
        mods.remove(KeyModifiers::SHIFT);
    }
    Key {
        code: ev.code,
        mods,
    }
}

/// The action bound to `ev` in `ctx` in the built-in table (falling back as [`chain`] says).
pub fn lookup(ctx: Context, ev: KeyEvent) -> Option<Action> {
    super::keys::lookup_in(BINDINGS, ctx, ev)
}

/// How a key is written in help and hints.
pub fn key_label(key: Key) -> String {
    let base = match key.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Down => "↓".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other}"),
    };
    if key.mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{base}")
    } else if key.mods.contains(KeyModifiers::ALT) {
        format!("Alt-{base}")
    } else {
        base
    }
}

/// Built-in bindings of `ctx` merged by action: (keys joined with " ", first binding).
pub fn merged(ctx: Context) -> Vec<(String, &'static Binding)> {
    super::keys::merged_in(BINDINGS, ctx)
}

/// Built-in status-line hints for `ctx`: (first key, binding), in table order.
pub fn hints(ctx: Context) -> Vec<(String, &'static Binding)> {
    super::keys::hints_in(BINDINGS, ctx)
}

#[cfg(test)]
#[path = "keymap_tests.rs"]
mod tests;
