use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;

/// A key press event.
fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, mods)
}

#[test]
fn shifted_characters_and_control_keys_resolve() {
    let shift_g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(lookup(Context::Reader, shift_g), Some(Action::Bottom));
    let ctrl_d = press(KeyCode::Char('d'), KeyModifiers::CONTROL);
    assert_eq!(lookup(Context::Reader, ctrl_d), Some(Action::HalfPageDown));
    let plain_d = press(KeyCode::Char('d'), KeyModifiers::NONE);
    assert_eq!(lookup(Context::Reader, plain_d), None);
    let brace = press(KeyCode::Char('}'), KeyModifiers::SHIFT);
    assert_eq!(lookup(Context::Reader, brace), Some(Action::NextTurn));
}

#[test]
fn the_turn_list_overrides_j_and_k_and_falls_back_to_the_reader() {
    let j = press(KeyCode::Char('j'), KeyModifiers::NONE);
    assert_eq!(lookup(Context::List, j), Some(Action::ListMove(1)));
    let next_q = press(KeyCode::Char(']'), KeyModifiers::NONE);
    assert_eq!(lookup(Context::List, next_q), Some(Action::NextQuestion));
    assert_eq!(lookup(Context::Help, next_q), None);
}

#[test]
fn no_key_is_bound_twice_in_one_context() {
    for (i, a) in BINDINGS.iter().enumerate() {
        for b in &BINDINGS[i + 1..] {
            assert!(
                !(a.context == b.context && a.key == b.key),
                "{:?} bound twice in {:?}",
                a.key,
                a.context
            );
        }
    }
}

#[test]
fn figure_keys_toggle_highlighting_and_step_through_mismatches() {
    let hash = press(KeyCode::Char('#'), KeyModifiers::SHIFT);
    assert_eq!(lookup(Context::Reader, hash), Some(Action::ToggleFigures));
    assert_eq!(lookup(Context::List, hash), Some(Action::ToggleFigures));
    let bang = press(KeyCode::Char('!'), KeyModifiers::SHIFT);
    assert_eq!(lookup(Context::Reader, bang), Some(Action::NextMismatch));
    let alt_bang = press(KeyCode::Char('!'), KeyModifiers::ALT | KeyModifiers::SHIFT);
    assert_eq!(
        lookup(Context::Reader, alt_bang),
        Some(Action::PrevMismatch)
    );
    assert_eq!(lookup(Context::Help, hash), None, "not under the help");
    let rows = merged(Context::Reader);
    let (keys, _) = rows
        .iter()
        .find(|(_, b)| b.action == Action::PrevMismatch)
        .expect("previous mismatch is bound");
    assert_eq!(keys, "Alt-!");
}

#[test]
fn bookmark_keys_open_and_work_the_panel_and_the_note_editor() {
    let key = |c: char| press(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(
        lookup(Context::Reader, key('b')),
        Some(Action::ToggleBookmark)
    );
    assert_eq!(lookup(Context::Reader, key('m')), Some(Action::EditNote));
    let shift_b = press(KeyCode::Char('B'), KeyModifiers::SHIFT);
    assert_eq!(lookup(Context::List, shift_b), Some(Action::OpenBookmarks));
    assert_eq!(lookup(Context::Marks, key('d')), Some(Action::PanelDelete));
    assert_eq!(lookup(Context::Marks, key('m')), Some(Action::PanelNote));
    assert_eq!(
        lookup(Context::Marks, key(']')),
        None,
        "no reader keys under the panel"
    );
    let ctrl_s = press(KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert_eq!(lookup(Context::Note, ctrl_s), Some(Action::NoteSave));
    assert_eq!(
        lookup(Context::Note, key('q')),
        None,
        "q is typed into the note"
    );
    let note: Vec<String> = hints(Context::Note).into_iter().map(|(k, _)| k).collect();
    assert_eq!(note, ["Ctrl-s", "Esc"]);
}

#[test]
fn help_merges_keys_of_one_action() {
    let rows = merged(Context::Reader);
    let (keys, _) = rows
        .iter()
        .find(|(_, b)| b.action == Action::LineDown)
        .expect("line down is bound");
    assert_eq!(keys, "j ↓ Ctrl-e");
    let (keys, _) = rows
        .iter()
        .find(|(_, b)| b.action == Action::NextParagraph)
        .expect("next paragraph is bound");
    assert_eq!(keys, "J )");
    let (keys, _) = rows
        .iter()
        .find(|(_, b)| b.action == Action::HalfPageDown)
        .unwrap();
    assert_eq!(keys, "Ctrl-d");
}

#[test]
fn hints_come_from_the_table_and_follow_the_context() {
    let reader: Vec<String> = hints(Context::Reader).into_iter().map(|(k, _)| k).collect();
    assert!(reader.contains(&"?".to_string()) && reader.contains(&"q".to_string()));
    let list: Vec<&str> = hints(Context::List)
        .iter()
        .map(|(_, b)| b.hint.unwrap())
        .collect();
    assert_eq!(list.first(), Some(&"jump"));
    let search: Vec<String> = hints(Context::Search).into_iter().map(|(k, _)| k).collect();
    assert_eq!(search, ["Enter", "Esc"]);
}
