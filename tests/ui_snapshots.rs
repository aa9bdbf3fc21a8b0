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

#[test]
fn help_says_where_panel_and_picker_keys_work() {
    let lines: Vec<String> = tandem::ui::overlay::help_lines(&Default::default())
        .iter()
        .map(|l| l.to_string())
        .collect();
    // Each context-only key sits under the sub-heading of its context, after the reading
    // pane's keys of the same section.
    for (row, heading) in [
        ("Next bookmark", "In the bookmarks panel:"),
        ("Next analyst", "In the analyst picker:"),
        ("Select the next entry", "In the turn list:"),
        ("Keep the matches", "While typing a search:"),
        ("Save", "In the note editor:"),
    ] {
        let at = lines
            .iter()
            .position(|l| l.trim_end().ends_with(row))
            .unwrap_or_else(|| panic!("{row} in the help"));
        let above = lines[..at]
            .iter()
            .rev()
            .find(|l| l.trim_start().starts_with("In ") || l.trim_start().starts_with("While "));
        assert_eq!(above.map(|l| l.trim()), Some(heading), "{row}");
        let blank = lines[..at].iter().rposition(|l| l.is_empty()).unwrap_or(0);
        let head = lines.iter().position(|l| l.trim() == heading).unwrap();
        assert!(head > blank, "{heading} is in the same section as {row}");
    }
    let line_down = lines
        .iter()
        .find(|l| l.contains("Scroll down a line"))
        .unwrap();
    assert!(line_down.trim_start().starts_with("j ↓ Ctrl-e"));
    // At 160x45 the help shows the moves first; scrolling reaches the last line.
    let top = shot(160, 45, "?");
    assert!(top.contains("Scroll down a line"), "{top}");
    let end = shot(160, 45, "? j j j j j j j j j j j j j j j j j j j j j j j j");
    assert!(end.contains("Mouse"), "{end}");
}
