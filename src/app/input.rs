//! Terminal events to actions: keys through the key map, the mouse by screen area.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Position;

use super::action::Action;
use super::keymap::Context;
use super::state::{App, Overlay};

/// Rows one wheel notch scrolls.
const WHEEL: i32 = 3;

/// The action an event asks for, if any.
pub fn action_for(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) => key_action(app, key),
        Event::Mouse(mouse) => mouse_action(app, mouse),
        // Pasted text is cleaned as file text is: no escape sequence or control character
        // gets into a note or a search.
        Event::Paste(text) if app.marks.editor.is_some() => {
            Some(Action::NotePaste(crate::ingest::clean(&text)))
        }
        Event::Paste(text) => app
            .search
            .input
            .is_some()
            .then(|| Action::SearchPaste(crate::ingest::clean(&text))),
        _ => None,
    }
}

/// A key through the key map; unbound keys edit the search input while it is open.
pub fn key_action(app: &App, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctx = app.context();
    match app.prefs.keys.lookup(ctx, key) {
        Some(action) => Some(action),
        None if is_ctrl_c(key) => Some(close(ctx)),
        // Suspending keeps whatever is open (a note being written) as it is.
        None if key.code == KeyCode::Char('z') && key.modifiers.contains(KeyModifiers::CONTROL) => {
            Some(Action::Suspend)
        }
        None if matches!(ctx, Context::Reader | Context::List) => count_digit(app, key),
        None if ctx == Context::Search => Some(Action::SearchEdit(key.into())),
        None if ctx == Context::Note => Some(Action::NoteEdit(key.into())),
        None => None,
    }
}

/// A digit typed in the reading pane or the turn list starts (or goes on with) a count; a
/// `0` starts none.
fn count_digit(app: &App, key: KeyEvent) -> Option<Action> {
    let KeyCode::Char(c) = key.code else {
        return None;
    };
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    let d = c.to_digit(10).filter(|_| plain)?;
    (d > 0 || app.count.is_some()).then_some(Action::Count(d as u8))
}

/// True for Ctrl-c.
fn is_ctrl_c(key: KeyEvent) -> bool {
    key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL)
}

/// What Ctrl-c does where the key map does not bind it: it closes what is open (cancelling a
/// search or a note edit, as Esc does), and quits the reader itself.
fn close(ctx: Context) -> Action {
    match ctx {
        Context::Search => Action::SearchCancel,
        Context::Note => Action::NoteCancel,
        Context::Picker | Context::Help | Context::Marks | Context::Sheet => Action::CloseOverlay,
        Context::Reader | Context::List => Action::Quit,
    }
}

/// The wheel scrolls what is under it; a click on a turn-list entry jumps to it.
pub fn mouse_action(app: &App, mouse: MouseEvent) -> Option<Action> {
    let step = match mouse.kind {
        MouseEventKind::ScrollDown => WHEEL,
        MouseEventKind::ScrollUp => -WHEEL,
        MouseEventKind::Down(MouseButton::Left) => return click(app, mouse.column, mouse.row),
        _ => return None,
    };
    if app.marks.editor.is_some() {
        return None;
    }
    Some(match app.overlay {
        Overlay::Help { .. } => Action::HelpScroll(step),
        Overlay::Bookmarks { .. } => Action::PanelMove(step.signum()),
        Overlay::Analysts { .. } => Action::PickerMove(step.signum()),
        Overlay::Overview { .. } | Overlay::FigureList { .. } => Action::SheetMove(step.signum()),
        Overlay::None => Action::ScrollRows(step),
    })
}

/// A left click at (`x`, `y`).
fn click(app: &App, x: u16, y: u16) -> Option<Action> {
    let list = app.areas.list;
    if app.overlay != Overlay::None || !list.contains(Position { x, y }) {
        return None;
    }
    let entry = app.areas.list_offset + usize::from(y - list.y);
    (entry < app.index.entries.len()).then_some(Action::JumpToEntry(entry))
}
