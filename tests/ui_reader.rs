//! The reader for daily use: the call overview, the speaker line, the reading measure,
//! bookmark notes under their paragraphs, the turn list hidden or sized to its entries.

mod ui_support;

use insta::assert_snapshot;
use tandem::app::App;
use tandem::app::sheets::Target;
use tandem::app::state::Overlay;
use tandem::transcript::Block;
use ui_support::{app_for, call, draw, press, screen};

/// The reader on the test call at `w` x `h`.
fn app(w: u16, h: u16) -> App {
    app_for(call(), w, h)
}

#[test]
fn i_lists_every_analyst_with_firm_and_questions_and_enter_goes_there() {
    let mut a = app(160, 45);
    press(&mut a, "i");
    assert!(matches!(a.overlay, Overlay::Overview { .. }));
    let shown = screen(&mut a, 160, 45);
    for (name, firm, q) in [
        ("Ross Sandler", "Barclays", "Q1"),
        ("Eric Sheridan", "Goldman Sachs", "Q2"),
        ("Mark Mahaney", "Evercore ISI", "Q3"),
    ] {
        let line = shown
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} in the overview:\n{shown}"));
        assert!(line.contains(firm) && line.contains(q), "{line}");
    }
    assert!(shown.contains("Brightkeel"), "the company");
    assert!(shown.contains("call.txt"), "the source file");
    // The analysts' lines go to their questions.
    let line = a
        .sheet
        .iter()
        .position(|l| {
            l.cols
                .first()
                .is_some_and(|c| c.starts_with("Eric Sheridan"))
        })
        .unwrap();
    let Some(Target::Turn(turn)) = a.sheet[line].target else {
        panic!("the line goes to a turn");
    };
    while !matches!(a.overlay, Overlay::Overview { selected } if selected == line) {
        press(&mut a, "j");
    }
    press(&mut a, "Enter");
    assert_eq!(a.overlay, Overlay::None);
    assert_eq!(a.current_turn(), turn);
    assert_eq!(a.current_question(), Some(2));
}

#[test]
fn overview_160x45() {
    let mut a = app(160, 45);
    press(&mut a, "i");
    assert_snapshot!(screen(&mut a, 160, 45));
}

#[test]
fn overview_80x24() {
    let mut a = app(80, 24);
    press(&mut a, "i");
    assert_snapshot!(screen(&mut a, 80, 24));
}

#[test]
fn the_speaker_line_names_who_speaks_once_their_header_scrolled_away() {
    let mut a = app(80, 24);
    press(&mut a, "] ] } }");
    let first = |a: &mut App| screen(a, 80, 24).lines().next().unwrap().to_string();
    assert!(!first(&mut a).contains('▴'), "the header itself is on top");
    press(&mut a, "j j");
    let line = first(&mut a);
    assert!(line.contains("Q2 ▴ John Smith"), "{line}");
    let mut wide = app(160, 12);
    press(&mut wide, "] ] } } j j");
    let line = screen(&mut wide, 160, 12)
        .lines()
        .next()
        .unwrap()
        .to_string();
    assert!(
        line.contains("Q2 ▴ John Smith") && line.contains("asked by Eric Sheridan · Goldman Sachs"),
        "who asked, when it fits: {line}"
    );
}

#[test]
fn speaker_line_80x24() {
    let mut a = app(80, 24);
    press(&mut a, "] ] } } j j");
    assert_snapshot!(screen(&mut a, 80, 24));
}

#[test]
fn no_line_is_wider_than_the_reading_measure() {
    let mut t = call();
    t.turns[1].blocks[0] = Block::Para {
        en: Some("A long sentence about the quarter. ".repeat(12)),
        zh: None,
    };
    let mut a = app_for(t, 200, 45);
    press(&mut a, "l");
    let shown = screen(&mut a, 200, 45);
    let reading_x = a.areas.reading.x as usize;
    let widest = shown
        .lines()
        .filter(|l| l.contains("A long sentence"))
        .map(|l| tandem::wrap::width(l.trim_end()) - reading_x)
        .max()
        .unwrap();
    assert!(widest <= 100, "{widest} cells");
    assert!(widest > 80, "the measure is used: {widest}");
    a.view.max_width = 0;
    a.apply_view();
    let shown = screen(&mut a, 200, 45);
    let widest = shown
        .lines()
        .filter(|l| l.contains("A long sentence"))
        .map(|l| tandem::wrap::width(l.trim_end()) - reading_x)
        .max()
        .unwrap();
    assert!(widest > 100, "0 uses the whole width: {widest}");
}

#[test]
fn v_shows_a_bookmark_note_under_its_paragraph() {
    let mut a = app(160, 45);
    press(&mut a, "J J m");
    ui_support::type_text(&mut a, "Check the capacity figure");
    press(&mut a, "Ctrl-s");
    assert!(!screen(&mut a, 160, 45).contains("Check the capacity figure"));
    press(&mut a, "v");
    let shown = screen(&mut a, 160, 45);
    let note = shown
        .lines()
        .position(|l| l.contains("┃ Check the capacity figure"))
        .unwrap_or_else(|| panic!("the note under its paragraph:\n{shown}"));
    let para = shown
        .lines()
        .position(|l| l.contains("We remain disciplined"))
        .unwrap();
    assert!(note > para, "under the paragraph");
    press(&mut a, "v");
    assert!(!screen(&mut a, 160, 45).contains("Check the capacity figure"));
}

#[test]
fn t_hides_the_turn_list_and_its_width_follows_the_entries() {
    let mut a = app(160, 45);
    draw(&mut a, 160, 45);
    let list = a.areas.list.width;
    assert!(
        screen(&mut a, 160, 45).contains(" Q2 · Eric Sheridan · Goldman Sachs "),
        "no firm cut while there is room"
    );
    assert!(list < 48, "{list}");
    press(&mut a, "T");
    draw(&mut a, 160, 45);
    assert_eq!(a.areas.list.width, 0);
    assert!(a.layout.shape.width > 150, "the text takes the room");
    press(&mut a, "T");
    draw(&mut a, 160, 45);
    assert_eq!(a.areas.list.width, list);
}

#[test]
fn turn_list_hidden_80x24() {
    let mut a = app(80, 24);
    press(&mut a, "T");
    assert_snapshot!(screen(&mut a, 80, 24));
}
