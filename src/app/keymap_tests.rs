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
fn keys_reserved_for_bookmarks_and_numbers_stay_free() {
    for c in ['b', 'm', 'B', '#'] {
        assert!(
            BINDINGS.iter().all(|b| b.key.code != KeyCode::Char(c)),
            "{c} is bound"
        );
    }
}

#[test]
fn help_merges_keys_of_one_action() {
    let rows = merged(Context::Reader);
    let (keys, _) = rows
        .iter()
        .find(|(_, b)| b.action == Action::NextParagraph)
        .expect("next paragraph is bound");
    assert_eq!(keys, "j ↓");
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
