use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;

/// Overrides from (action, key) pairs.
fn overrides(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(a, k)| (a.to_string(), k.to_string()))
        .collect()
}

#[test]
fn every_bound_action_has_one_unique_name() {
    for b in BINDINGS {
        assert!(name_of(&b.action).is_some(), "{:?} has no name", b.action);
    }
    for (i, (n, a)) in NAMES.iter().enumerate() {
        assert!(NAMES[i + 1..].iter().all(|(m, b)| m != n && b != a), "{n}");
        assert_eq!(action_named(n), Some(a));
    }
}

#[test]
fn keys_parse_in_every_spelling() {
    let key = |code, mods| Key { code, mods };
    let none = KeyModifiers::NONE;
    assert_eq!(parse_key("]"), Ok(key(KeyCode::Char(']'), none)));
    assert_eq!(parse_key("G"), Ok(key(KeyCode::Char('G'), none)));
    assert_eq!(
        parse_key("ctrl-N"),
        Ok(key(KeyCode::Char('n'), KeyModifiers::CONTROL))
    );
    assert_eq!(
        parse_key("alt-x"),
        Ok(key(KeyCode::Char('x'), KeyModifiers::ALT))
    );
    assert_eq!(parse_key("F5"), Ok(key(KeyCode::F(5), none)));
    assert_eq!(parse_key("pgdn"), Ok(key(KeyCode::PageDown, none)));
    assert_eq!(parse_key("space"), Ok(key(KeyCode::Char(' '), none)));
    assert_eq!(
        parse_key("ctrl-enter"),
        Ok(key(KeyCode::Enter, KeyModifiers::CONTROL))
    );
    for bad in ["", "f0", "f25", "ctrl-", "hyper-x", "pgdown2"] {
        assert!(parse_key(bad).is_err(), "{bad:?} parsed");
    }
}

#[test]
fn an_override_replaces_the_keys_and_frees_the_new_one() {
    let map = Keymap::with_overrides(&overrides(&[("next-question", "n")])).unwrap();
    let n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::NONE);
    let bracket = KeyEvent::new(KeyCode::Char(']'), KeyModifiers::NONE);
    assert_eq!(map.lookup(Context::Reader, n), Some(Action::NextQuestion));
    assert_eq!(map.lookup(Context::Reader, bracket), None);
    assert_eq!(map.keys_of(Context::Reader, &Action::NextQuestion), "n");
    assert_eq!(map.keys_of(Context::Reader, &Action::SearchNext), "");
    let hint = map.hints(Context::Reader);
    assert!(
        hint.iter()
            .any(|(k, b)| k == "n" && b.action == Action::NextQuestion)
    );
}

#[test]
fn an_override_applies_in_every_context_of_the_action() {
    let map = Keymap::with_overrides(&overrides(&[("close", "x")])).unwrap();
    let x = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
    for ctx in [Context::Help, Context::Picker, Context::Marks] {
        assert_eq!(map.lookup(ctx, x), Some(Action::CloseOverlay), "{ctx:?}");
        assert_eq!(map.keys_of(ctx, &Action::CloseOverlay), "x", "{ctx:?}");
    }
}

#[test]
fn unknown_actions_and_bad_keys_are_errors() {
    let e = check(&overrides(&[("next-questoin", "n")])).unwrap_err();
    assert!(!e.in_key && e.message.contains("next-questoin"), "{e:?}");
    let e = check(&overrides(&[("quit", "ctrl-")])).unwrap_err();
    assert!(e.in_key && e.action == "quit", "{e:?}");
    assert!(check(&overrides(&[("quit", "f10")])).is_ok());
}

#[test]
fn one_key_given_to_two_actions_is_an_error_unless_their_contexts_differ() {
    let e = check(&overrides(&[("quit", "x"), ("help", "x")])).unwrap_err();
    assert!(e.in_key, "{e:?}");
    assert!(
        e.message.contains("\"x\"") && e.message.contains("help") && e.message.contains("quit"),
        "{e:?}"
    );
    // The picker's and the panel's moves never apply at the same time.
    assert!(check(&overrides(&[("picker-down", "n"), ("panel-down", "n")])).is_ok());
}
