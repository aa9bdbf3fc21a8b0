//! Cell-exact checks of wide characters, column bounds, highlights and the mouse.

mod ui_support;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::style::{Color, Modifier};
use tandem::app::layout::{RowKind, Src};
use tandem::app::{Action, input, update};
use tandem::ui;
use tandem::wrap;
use ui_support::{app_for, call, draw, press, repeated, type_text};

/// The (x, y) of the first cell whose symbol is `sym`.
fn find(buf: &Buffer, sym: &str) -> (u16, u16) {
    let w = buf.area.width;
    let i = buf
        .content
        .iter()
        .position(|c| c.symbol() == sym)
        .expect("symbol on screen");
    (i as u16 % w, i as u16 / w)
}

#[test]
fn a_han_character_takes_two_cells_and_the_second_is_skipped() {
    let mut app = app_for(call(), 160, 45);
    let buf = draw(&mut app, 160, 45);
    let (x, y) = find(&buf, "谢");
    assert_eq!(buf[(x + 1, y)].symbol(), " ", "continuation cell is blank");
    assert_eq!(buf[(x + 2, y)].symbol(), "谢");
    assert_eq!(buf[(x + 4, y)].symbol(), "。");
    assert_eq!(buf[(x + 6, y)].symbol(), "云");
}

#[test]
fn ambiguous_punctuation_takes_one_cell() {
    let mut app = app_for(call(), 160, 45);
    let buf = draw(&mut app, 160, 45);
    let (x, y) = find(&buf, "“");
    assert_eq!(buf[(x + 1, y)].symbol(), "H");
    let (x, y) = find(&buf, "·");
    assert_eq!(buf[(x + 1, y)].symbol(), " ");
    assert_ne!(buf[(x + 2, y)].symbol(), " ");
}

#[test]
fn no_text_row_exceeds_its_column_at_any_width() {
    for width in [30u16, 41, 69, 70, 99, 128, 157] {
        for keys in ["", "s", "l", "l l"] {
            let mut app = app_for(call(), 200, 50);
            press(&mut app, keys);
            app.set_viewport(width, 40);
            app.layout.lay_out_all(&app.doc, &app.index);
            let l = &app.layout;
            for row in (0..l.len()).filter_map(|r| app.row(r)) {
                let cols: Vec<(Option<tandem::app::layout::Piece>, u16)> = match row.kind {
                    RowKind::Text([a, b]) => vec![(a, l.left_w), (b, l.right_w)],
                    RowKind::Note(p) => vec![(Some(p), l.full_width() - 2)],
                    _ => vec![],
                };
                for (p, w) in cols.into_iter().filter_map(|(p, w)| p.map(|p| (p, w))) {
                    let block = &app.doc.turns[row.turn as usize].blocks[row.block as usize];
                    let text = match (block, p.src) {
                        (tandem::Block::Para { en: Some(s), .. }, Src::En) => s,
                        (tandem::Block::Para { zh: Some(s), .. }, Src::Zh) => s,
                        (tandem::Block::Note { note }, Src::Note) => note,
                        _ => panic!("piece without text"),
                    };
                    let piece = &text[p.start as usize..p.end as usize];
                    assert!(
                        wrap::width(piece) <= w as usize,
                        "{piece:?} wider than {w} at {width}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_column_divider_is_never_overwritten() {
    let mut app = app_for(repeated(2), 157, 45);
    for _ in 0..6 {
        let buf = draw(&mut app, 157, 45);
        let reading = app.areas.reading;
        let y0 = ui::reading::text_top(reading, &app);
        let bar = reading.x + app.layout.left_w + 1;
        let rows = (app.top..app.layout.len()).filter_map(|r| app.row(r));
        for (i, row) in rows.take(app.text_height()).enumerate() {
            if matches!(row.kind, RowKind::Text(_)) {
                assert_eq!(buf[(bar, y0 + i as u16)].symbol(), "│", "row {i}");
            }
        }
        press(&mut app, "PgDn");
    }
}

#[test]
fn matches_are_highlighted_and_the_current_one_stands_out() {
    let mut app = app_for(call(), 160, 45);
    press(&mut app, "/");
    type_text(&mut app, "Cloud");
    press(&mut app, "Enter");
    let buf = draw(&mut app, 160, 45);
    let row = app
        .layout
        .row_of_match(&app.doc, &app.index, app.search.matches[0])
        - app.top;
    let y = ui::panes(buf.area).reading.y + row as u16;
    assert!(matches!(
        app.row(app.top + row).unwrap().kind,
        RowKind::Text(_)
    ));
    let cells: Vec<_> = (0..160).map(|x| &buf[(x, y)]).collect();
    let current: String = cells
        .iter()
        .filter(|c| c.bg == Color::LightRed)
        .map(|c| c.symbol())
        .collect();
    assert_eq!(current, "Cloud");
    let others = buf.content.iter().filter(|c| c.bg == Color::Yellow).count();
    assert!(
        others >= "cloud".len() * 3,
        "other matches highlighted: {others} cells"
    );
}

#[test]
fn the_turn_list_highlight_follows_the_reading_position() {
    let mut app = app_for(call(), 160, 45);
    press(&mut app, "] ]");
    let buf = draw(&mut app, 160, 45);
    let p = ui::panes(buf.area);
    let highlighted: Vec<String> = (p.list.y..p.list.bottom())
        .filter(|&y| buf[(p.list.x + 1, y)].modifier.contains(Modifier::REVERSED))
        .map(|y| {
            (p.list.x..p.list.right())
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect();
    assert_eq!(highlighted.len(), 1);
    assert!(
        highlighted[0].starts_with(" Q2 · Eric Sheridan"),
        "{highlighted:?}"
    );
}

/// A mouse event at (x, y).
fn mouse(kind: MouseEventKind, x: u16, y: u16) -> Event {
    Event::Mouse(MouseEvent {
        kind,
        column: x,
        row: y,
        modifiers: KeyModifiers::NONE,
    })
}

#[test]
fn the_wheel_scrolls_and_a_click_in_the_list_jumps() {
    let mut app = app_for(call(), 160, 45);
    draw(&mut app, 160, 45);
    let wheel = input::action_for(&app, mouse(MouseEventKind::ScrollDown, 100, 10));
    assert_eq!(wheel, Some(Action::ScrollRows(3)));
    update(&mut app, wheel.unwrap());
    assert_eq!(app.top, 3);
    let list = ui::panes(ratatui::layout::Rect::new(0, 0, 160, 45)).list;
    let q3 = app
        .index
        .entries
        .iter()
        .position(|e| matches!(e.kind, tandem::app::index::EntryKind::Question(2)))
        .unwrap();
    let click = input::action_for(
        &app,
        mouse(
            MouseEventKind::Down(MouseButton::Left),
            5,
            list.y + q3 as u16,
        ),
    );
    assert_eq!(click, Some(Action::JumpToEntry(q3)));
    update(&mut app, click.unwrap());
    assert_eq!(app.current_turn(), 10);
    let outside = input::action_for(&app, mouse(MouseEventKind::Down(MouseButton::Left), 5, 40));
    assert_eq!(outside, None, "below the last entry");
}

#[test]
fn tiny_terminals_and_empty_calls_draw_without_panicking() {
    for (w, h) in [(1, 1), (5, 2), (20, 5), (59, 10), (60, 10), (71, 20)] {
        for keys in ["", "?", "a", "/", "Tab"] {
            let mut app = app_for(call(), w, h);
            press(&mut app, keys);
            ui_support::text(&draw(&mut app, w, h));
        }
    }
    let mut empty = app_for(tandem::Transcript::default(), 80, 24);
    press(&mut empty, "j ] } G a ? Esc / x Enter n");
    let screen = ui_support::text(&draw(&mut empty, 80, 24));
    assert!(screen.contains("turn 0/0"), "{screen}");
}

#[test]
fn closing_remarks_are_listed_after_the_last_question_not_under_it() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/english_corporate.txt");
    let t = tandem::call::load(&path, &tandem::call::Options::default()).expect("fixture loads");
    let mut app = app_for(t, 160, 45);
    let buf = draw(&mut app, 160, 45);
    let list = ui::panes(ratatui::layout::Rect::new(0, 0, 160, 45)).list;
    let rows: Vec<String> = ui_support::text(&buf)
        .lines()
        .take(list.height as usize)
        .map(|l| {
            l.chars()
                .take(list.width as usize)
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect();
    let q3 = rows
        .iter()
        .position(|r| r.starts_with(" Q3 · Amir Haddad"))
        .unwrap();
    assert_eq!(rows[q3 + 1], "    Martin Vail", "{rows:#?}");
    assert_eq!(rows[q3 + 2], " Closing remarks", "{rows:#?}");
    let closing = q3 + 2;
    assert_eq!(rows[closing + 1], "    Helen Ashdown");
    assert_eq!(rows[closing + 2], "    Operator");

    let entries = &app.index.entries;
    let heading = entries
        .iter()
        .position(|e| e.kind == tandem::app::index::EntryKind::Closing)
        .unwrap();
    let first = entries[heading].turn;
    assert_eq!(app.doc.turns[first].question, None);
    assert!(
        app.doc
            .questions
            .iter()
            .all(|q| q.turns.iter().all(|&i| i < first))
    );
    update(&mut app, Action::JumpToEntry(heading));
    assert_eq!(app.current_turn(), first);
    assert_eq!(app.current_question(), None);
}

#[test]
fn a_call_without_closing_turns_has_no_closing_heading() {
    let mut t = call();
    let last = t.turns.len() - 1;
    assert_eq!(
        t.turns[last].question, None,
        "the test call ends with the operator"
    );
    t.turns.truncate(last);
    let app = app_for(t, 160, 45);
    assert!(
        app.index
            .entries
            .iter()
            .all(|e| e.kind != tandem::app::index::EntryKind::Closing)
    );
}

#[test]
fn no_separator_is_drawn_when_the_turn_list_is_hidden() {
    let mut zh_only = call();
    for turn in &mut zh_only.turns {
        for block in &mut turn.blocks {
            if let tandem::Block::Para { en, .. } = block {
                *en = None;
            }
        }
    }
    for (t, w, h) in [
        (call(), 50, 24),
        (zh_only.clone(), 50, 24),
        (zh_only, 40, 15),
    ] {
        let mut app = app_for(t, w, h);
        for _ in 0..3 {
            let buf = draw(&mut app, w, h);
            let p = ui::panes(buf.area);
            assert_eq!(p.list.width, 0, "the list is hidden at {w} columns");
            for y in p.reading.top()..p.reading.bottom() {
                assert_ne!(buf[(0, y)].symbol(), "│", "column 0, row {y} at {w}x{h}");
            }
            press(&mut app, "PgDn");
        }
    }
}

/// The text of the highlighted (reversed) turn-list rows.
fn highlighted_entries(buf: &Buffer) -> Vec<String> {
    let p = ui::panes(buf.area);
    (p.list.y..p.list.bottom())
        .filter(|&y| buf[(p.list.x + 1, y)].modifier.contains(Modifier::REVERSED))
        .map(|y| {
            (p.list.x..p.list.right())
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect()
}

/// The test call with a foreword and, after the call, comments and a disclaimer.
fn with_matter() -> tandem::Transcript {
    let mut t = call();
    t.front_matter = vec!["K佬前言:這次的電話會議很重要。".into()];
    t.back_matter = vec![
        "留言:謝謝分享。".into(),
        "Disclaimer: not investment advice.".into(),
    ];
    t
}

#[test]
fn the_material_after_the_call_has_its_own_entry_that_jumps_and_follows_scrolling() {
    use tandem::app::index::EntryKind;
    let mut app = app_for(with_matter(), 160, 45);
    let entries = &app.index.entries;
    let after = entries.len() - 1;
    assert_eq!(entries[after].kind, EntryKind::After);
    assert_eq!(entries[0].kind, EntryKind::Before);
    // It is listed last, under the closing remarks.
    let buf = draw(&mut app, 160, 45);
    let p = ui::panes(buf.area);
    let list_row = |y: u16| -> String {
        (p.list.x..p.list.right())
            .map(|x| buf[(x, y)].symbol())
            .collect::<String>()
            .trim_end()
            .to_string()
    };
    assert_eq!(list_row(p.list.y + after as u16), "AFTER THE CALL");
    assert_eq!(list_row(p.list.y), "BEFORE THE CALL");
    // Reading the foreword highlights its entry.
    assert_eq!(highlighted_entries(&buf), ["BEFORE THE CALL"]);
    let pos = tandem::ui::status::position(&app);
    assert!(pos.starts_with("before the call · "), "{pos}");

    // A click on it jumps to the material after the call.
    let click = input::action_for(
        &app,
        mouse(
            MouseEventKind::Down(MouseButton::Left),
            5,
            p.list.y + after as u16,
        ),
    );
    assert_eq!(click, Some(Action::JumpToEntry(after)));
    update(&mut app, click.unwrap());
    assert_eq!(app.top, app.layout.call_end());
    assert!(matches!(
        app.row(app.top).unwrap().kind,
        RowKind::MatterTitle { back: true }
    ));
    let buf = draw(&mut app, 160, 45);
    assert_eq!(highlighted_entries(&buf), ["AFTER THE CALL"]);
    let pos = tandem::ui::status::position(&app);
    assert!(pos.starts_with("after the call · "), "{pos}");

    // The cursor moving into it highlights it; moving back leaves it.
    press(&mut app, "g");
    let steps = app.layout.stop_count();
    for _ in 0..steps {
        if app.cursor >= app.layout.call_end() {
            break;
        }
        press(&mut app, "J");
    }
    assert_eq!(app.cursor, app.layout.call_end(), "J stops at its title");
    let buf = draw(&mut app, 160, 45);
    assert_eq!(highlighted_entries(&buf), ["AFTER THE CALL"]);
    press(&mut app, "K");
    let buf = draw(&mut app, 160, 45);
    assert_eq!(
        highlighted_entries(&buf),
        ["    Operator"],
        "the last turn's entry"
    );

    // Tab from there selects it; Enter jumps back to it.
    press(&mut app, "J Tab");
    assert_eq!(app.list_sel, after);
    press(&mut app, "k k Enter");
    assert_ne!(app.top, app.layout.call_end());
    press(&mut app, "j j Enter");
    assert_eq!(app.top, app.layout.call_end());
}

#[test]
fn a_call_without_material_after_it_has_no_after_entry() {
    let app = app_for(call(), 160, 45);
    assert!(
        app.index
            .entries
            .iter()
            .all(|e| e.kind != tandem::app::index::EntryKind::After)
    );
}

#[test]
fn pasted_escape_sequences_never_reach_a_note_or_a_search() {
    let mut app = app_for(call(), 100, 30);
    let hostile = "tariffs \u{1b}]52;c;Y2xpcA==\u{7}\u{1b}[2J\u{9b}31mrisk\r\nnext line";
    press(&mut app, "/");
    let Some(Action::SearchPaste(text)) = input::action_for(&app, Event::Paste(hostile.into()))
    else {
        panic!("a paste into the search is a SearchPaste");
    };
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{text:?}"
    );
    assert!(
        text.contains("tariffs") && text.contains("risk"),
        "{text:?}"
    );
    press(&mut app, "Esc m");
    let Some(Action::NotePaste(note)) = input::action_for(&app, Event::Paste(hostile.into()))
    else {
        panic!("a paste into the note editor is a NotePaste");
    };
    assert!(
        !note.chars().any(|c| c.is_control() && c != '\n'),
        "{note:?}"
    );
    assert!(note.ends_with("risk\nnext line"), "{note:?}");
}
