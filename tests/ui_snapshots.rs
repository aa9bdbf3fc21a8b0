//! Snapshots of the main screens, drawn on a `TestBackend` and driven through the key map.
//! The text helper also checks that no cell behind a wide character holds a glyph.

mod ui_support;

use insta::assert_snapshot;
use ui_support::{app_for, call, press, screen, type_text};

/// The screen of the test call at `w` x `h` after `keys`.
fn shot(w: u16, h: u16, keys: &str) -> String {
    let mut app = app_for(call(), w, h);
    press(&mut app, keys);
    screen(&mut app, w, h)
}

#[test]
fn opening_80x24_stacks_the_languages() {
    assert_snapshot!(shot(80, 24, ""));
}

#[test]
fn opening_160x45_side_by_side() {
    assert_snapshot!(shot(160, 45, ""));
}

#[test]
fn first_question_80x24() {
    assert_snapshot!(shot(80, 24, "]"));
}

#[test]
fn second_question_160x45() {
    assert_snapshot!(shot(160, 45, "] ]"));
}

#[test]
fn stacked_toggle_160x45() {
    assert_snapshot!(shot(160, 45, "s"));
}

#[test]
fn english_only_160x45() {
    assert_snapshot!(shot(160, 45, "l"));
}

#[test]
fn notes_hidden_160x45() {
    assert_snapshot!(shot(160, 45, "c"));
}

#[test]
fn help_overlay_80x24() {
    assert_snapshot!(shot(80, 24, "?"));
}

#[test]
fn help_overlay_160x45() {
    assert_snapshot!(shot(160, 45, "F1"));
}

#[test]
fn analyst_picker_80x24() {
    assert_snapshot!(shot(80, 24, "a j"));
}

#[test]
fn analyst_picker_160x45() {
    assert_snapshot!(shot(160, 45, "a"));
}

#[test]
fn turn_list_focus_160x45() {
    assert_snapshot!(shot(160, 45, "Tab j j j"));
}

#[test]
fn search_typing_160x45() {
    let mut app = app_for(call(), 160, 45);
    press(&mut app, "/");
    type_text(&mut app, "cloud");
    assert_snapshot!(screen(&mut app, 160, 45));
}

#[test]
fn search_matches_after_n_80x24() {
    let mut app = app_for(call(), 80, 24);
    press(&mut app, "/");
    type_text(&mut app, "云业务");
    press(&mut app, "Enter n");
    assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn material_before_the_call_80x24() {
    let mut t = call();
    t.front_matter = vec![
        "Brightkeel beat estimates on cloud growth; the shares rose 6% after hours.".into(),
        "要点：云业务收入增长 31%，自由现金流 29 亿美元。".into(),
    ];
    let mut app = ui_support::app_for(t, 80, 24);
    assert_snapshot!(screen(&mut app, 80, 24));
}
