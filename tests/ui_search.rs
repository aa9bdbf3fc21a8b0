//! `/` finds text everywhere the reading pane shows it: the material before and after the
//! call as well as the call's paragraphs and notes, in the pane's order, highlighted there.

mod ui_support;

use ratatui::buffer::Buffer;
use ratatui::style::Color;
use tandem::app::App;
use tandem::app::layout::RowKind;
use tandem::app::search::Place;
use tandem::ui;
use ui_support::{app_for, call, draw, press, repeated, type_text};

/// The test call with a Chinese foreword (in Traditional characters) and a page footer.
fn with_matter() -> tandem::Transcript {
    let mut t = call();
    t.front_matter = vec![
        "K佬前言:這次的電話會議,英特爾和亞馬遜都提到了雲業務。".into(),
        "A summary: cloud revenue grew 31%.".into(),
    ];
    t.back_matter = vec![
        "留言:英特爾的雲業務呢?".into(),
        "Disclaimer: not investment advice about the cloud.".into(),
    ];
    t
}

/// Searches for `query` and keeps the matches.
fn search(app: &mut App, query: &str) {
    press(app, "/");
    type_text(app, query);
    press(app, "Enter");
}

/// The text of the cells drawn in `bg` on screen row `y`.
fn cells_in(buf: &Buffer, y: u16, bg: Color) -> String {
    (0..buf.area.width)
        .map(|x| &buf[(x, y)])
        .filter(|c| c.bg == bg)
        .map(|c| c.symbol())
        .collect()
}

#[test]
fn a_word_only_in_the_foreword_and_the_comments_is_found_in_either_script() {
    for query in ["英特尔", "英特爾"] {
        let mut a = app_for(with_matter(), 160, 45);
        search(&mut a, query);
        let places: Vec<Place> = a.search.matches.iter().map(|m| m.place).collect();
        assert_eq!(places, [Place::Front(0), Place::Back(0)], "{query}");
        assert!(a.status.is_none(), "no 'No match' message: {:?}", a.status);
    }
}

#[test]
fn matches_run_in_pane_order_from_the_foreword_to_the_footer() {
    let mut a = app_for(with_matter(), 160, 45);
    search(&mut a, "cloud");
    let places: Vec<Place> = a.search.matches.iter().map(|m| m.place).collect();
    let mut sorted = places.clone();
    sorted.sort();
    assert_eq!(places, sorted, "sorted as the pane shows them");
    assert_eq!(places.first(), Some(&Place::Front(1)));
    assert_eq!(places.last(), Some(&Place::Back(1)));
    assert_eq!(a.search.current, Some(0), "the first match from the top");
    // Every step puts the current match on screen, its row at or below the previous one.
    let mut last_row = 0;
    for i in 0..places.len() {
        let m = a.search.matches[a.search.current.unwrap()];
        let row = a.layout.row_of_match(&a.doc, &a.index, m);
        assert!(
            (a.top..a.top + a.height).contains(&row),
            "match {i} on screen"
        );
        assert!(row >= last_row, "match {i} below the one before");
        last_row = row;
        press(&mut a, "n");
    }
    assert_eq!(
        a.search.current,
        Some(0),
        "n after the footer wraps to the foreword"
    );
    press(&mut a, "N");
    assert_eq!(
        a.search.current,
        Some(places.len() - 1),
        "N goes back to the footer"
    );
    // From the material after the call, n with no current match stays there.
    press(&mut a, "c c");
    assert_eq!(a.search.current, None);
    a.jump_to_row(a.layout.call_end());
    press(&mut a, "n");
    let m = a.search.matches[a.search.current.unwrap()];
    assert!(matches!(m.place, Place::Back(_)), "{m:?}");
}

#[test]
fn matches_in_the_material_are_highlighted() {
    let mut a = app_for(with_matter(), 160, 45);
    search(&mut a, "英特尔");
    let buf = draw(&mut a, 160, 45);
    let m = a.search.matches[0];
    let row = a.layout.row_of_match(&a.doc, &a.index, m);
    assert!(matches!(
        a.row(row).unwrap().kind,
        RowKind::Matter { back: false, .. }
    ));
    let y = ui::panes(buf.area).reading.y + (row - a.top) as u16;
    assert_eq!(
        cells_in(&buf, y, Color::LightRed),
        "英特爾",
        "the current match"
    );
    press(&mut a, "n");
    let buf = draw(&mut a, 160, 45);
    let m = a.search.matches[1];
    let row = a.layout.row_of_match(&a.doc, &a.index, m);
    assert!(matches!(
        a.row(row).unwrap().kind,
        RowKind::Matter { back: true, .. }
    ));
    let y = ui::panes(buf.area).reading.y + (row - a.top) as u16;
    assert_eq!(cells_in(&buf, y, Color::LightRed), "英特爾");
}

#[test]
fn a_long_foreword_wrapped_over_rows_puts_the_row_with_the_match_on_screen() {
    let mut t = call();
    let filler = "前言的內容很長。".repeat(60);
    t.front_matter = vec![format!("{filler}英特爾{filler}")];
    let mut a = app_for(t, 80, 24);
    press(&mut a, "G");
    search(&mut a, "英特尔");
    let m = a.search.matches[0];
    let row = a.layout.row_of_match(&a.doc, &a.index, m);
    let RowKind::Matter { start, end, .. } = a.row(row).unwrap().kind else {
        panic!("the match is in the foreword");
    };
    assert!((start..end).contains(&m.start), "the row that shows it");
    assert!((a.top..a.top + a.height).contains(&row));
}

#[test]
fn texts_folded_on_another_thread_find_what_folding_at_the_search_finds() {
    let mut quick = app_for(with_matter(), 100, 30);
    let mut plain = app_for(with_matter(), 100, 30);
    assert!(quick.prepare_search(), "the folding starts");
    assert!(!quick.prepare_search(), "and starts once");
    for query in ["雲業務", "云业务", "cloud", "31%"] {
        quick.search.query = query.into();
        plain.search.query = query.into();
        let (a, b) = (quick.search_matches(), plain.search_matches());
        assert!(!b.is_empty(), "{query}");
        assert_eq!(format!("{a:?}"), format!("{b:?}"), "{query}");
    }
    assert!(quick.haystack_job.is_none() && quick.haystack.is_some());
}

#[test]
fn ctrl_u_clears_the_query_typed_so_far() {
    let mut app = app_for(call(), 120, 30);
    press(&mut app, "/");
    type_text(&mut app, "nothing like this");
    press(&mut app, "Ctrl-u");
    type_text(&mut app, "revenue");
    assert_eq!(app.search.query, "revenue");
    assert!(!app.search.matches.is_empty(), "the new query is searched");
}

#[test]
fn typing_in_a_long_call_shows_the_nearest_match_at_once_and_counts_the_rest_at_a_pause() {
    // Long enough that a search of every text at each keystroke would not be cheap.
    let copies = 1 + (1 << 20) / text_bytes(&call());
    let mut a = app_for(repeated(copies), 160, 45);
    let mut whole = app_for(repeated(copies), 160, 45);
    whole.search.query = "revenue".into();
    whole.find_all();
    let all = whole.search.matches.clone();
    assert!(all.len() > 100, "{}", all.len());
    // Somewhere in the middle of the call.
    a.jump_to_row(a.layout.turn_row(a.doc.turns.len() / 2));
    press(&mut a, "/");
    type_text(&mut a, "revenue");
    assert!(a.search.partial, "the rest are not counted yet");
    let shown = a.search.matches[a.search.current.expect("a current match")];
    let from = a.layout.place_of_row(&a.doc, &a.index, a.top);
    assert!(
        all.contains(&shown) && shown.place >= from,
        "a match of the whole search, on screen"
    );
    // Every match on the screen is highlighted.
    let bottom = a
        .layout
        .place_of_row(&a.doc, &a.index, a.top + a.height - 1);
    let on_screen: Vec<_> = all
        .iter()
        .filter(|m| m.place >= from && m.place <= bottom)
        .copied()
        .collect();
    assert!(!on_screen.is_empty());
    assert!(on_screen.iter().all(|m| a.search.matches.contains(m)));
    let input = prompt_line(&mut a);
    assert!(input.ends_with(" …"), "the count is pending: {input}");
    // A pause in typing: every match, the same one current.
    assert!(a.complete_search());
    assert!(!a.search.partial && !a.complete_search());
    assert_eq!(a.search.matches, all);
    assert_eq!(a.search.current.map(|i| a.search.matches[i]), Some(shown));
    let input = prompt_line(&mut a);
    let counted = format!("/{}", all.len());
    assert!(input.ends_with(&counted), "counted: {input}");
}

#[test]
fn next_match_right_after_typing_in_a_long_call_steps_through_every_match() {
    let copies = 1 + (1 << 20) / text_bytes(&call());
    let mut a = app_for(repeated(copies), 160, 45);
    press(&mut a, "/");
    type_text(&mut a, "revenue");
    assert!(a.search.partial);
    let first = a.search.current.map(|i| a.search.matches[i]).unwrap();
    press(&mut a, "Enter");
    assert!(!a.search.partial, "kept matches are every match");
    let at = a.search.current.unwrap();
    assert_eq!(a.search.matches[at], first);
    press(&mut a, "n");
    assert_eq!(a.search.current, Some(at + 1));
    press(&mut a, "N");
    press(&mut a, "N");
    assert_eq!(a.search.current, Some(a.search.matches.len() - 1), "wraps");
}

#[test]
fn typing_in_a_short_call_counts_every_match_at_once() {
    let mut a = app_for(call(), 160, 45);
    press(&mut a, "/");
    type_text(&mut a, "revenue");
    assert!(!a.search.partial && !a.search.matches.is_empty());
}

/// The search input's line as drawn at 160x45.
fn prompt_line(a: &mut App) -> String {
    let screen = ui_support::text(&draw(a, 160, 45));
    let line = screen
        .lines()
        .find(|l| l.starts_with(" / "))
        .unwrap_or_default();
    line.to_string()
}

/// The bytes of every paragraph of `t`.
fn text_bytes(t: &tandem::Transcript) -> usize {
    t.turns
        .iter()
        .flat_map(|x| &x.blocks)
        .map(|b| match b {
            tandem::transcript::Block::Para { en, zh } => {
                en.as_ref().map_or(0, String::len) + zh.as_ref().map_or(0, String::len)
            }
            tandem::transcript::Block::Note { note } => note.len(),
        })
        .sum::<usize>()
        .max(1)
}
