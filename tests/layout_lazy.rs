//! The reading pane is laid out lazily: heights are estimated for the whole call and
//! paragraphs wrapped only near the screen. Whatever the keys do, what the reader shows must
//! be what a layout of the whole call shows at the same place.

mod ui_support;

use tandem::app::App;
use tandem::app::layout::Row;
use tandem::{Block, Transcript};
use ui_support::{app_for, press, repeated, screen};

/// A long call with material before and after it, a commentary note, and paragraphs long
/// enough to wrap over several lines.
fn long_call() -> Transcript {
    let mut t = repeated(12);
    t.front_matter = (0..6)
        .map(|i| {
            format!(
                "Summary point {i}: {}",
                "revenue grew in every region. ".repeat(i + 1)
            )
        })
        .collect();
    t.back_matter = vec!["Disclaimer: this text is for reading only. ".repeat(9); 3];
    t.turns[3].blocks.insert(
        1,
        Block::Note {
            note: "Translator's remark on the figure above, kept with the call. ".repeat(5),
        },
    );
    t
}

/// Every row of `app`'s layout, after laying out the whole call.
fn exact_rows(t: &Transcript, w: u16, h: u16, keys: &str) -> Vec<Row> {
    let mut a = app_for(t.clone(), w, h);
    press(&mut a, keys);
    a.layout.lay_out_all(&a.doc, &a.index);
    (0..a.layout.len()).map(|r| a.row(r).unwrap()).collect()
}

/// The screen `app` shows, and the screen of the same place in the whole call laid out in
/// the same view.
fn screens(a: &mut App, w: u16, h: u16) -> (String, String) {
    let mut b = app_for((*a.doc).clone(), w, h);
    b.view = a.view;
    b.apply_view();
    b.layout.lay_out_all(&b.doc, &b.index);
    b.top = b.row_of(a.anchor());
    b.cursor = b.stop_of(b.row_of(a.anchor_at(a.cursor)));
    // The status line says what the last key did; the panes are what must agree.
    let panes = |s: String| {
        s.lines()
            .take(h as usize - 1)
            .collect::<Vec<_>>()
            .join("\n")
    };
    (panes(screen(a, w, h)), panes(screen(&mut b, w, h)))
}

#[test]
fn nothing_is_wrapped_before_it_comes_near_the_screen() {
    let a = app_for(long_call(), 120, 30);
    assert!(
        !a.layout.exact(),
        "a long call is laid out only around the screen"
    );
}

#[test]
fn scrolling_down_line_by_line_shows_every_row_of_the_whole_layout_once() {
    for (w, h, view) in [(120, 30, ""), (70, 20, "s"), (120, 30, "l"), (100, 25, "c")] {
        let t = long_call();
        let want = exact_rows(&t, w, h, view);
        let mut a = app_for(t, w, h);
        press(&mut a, view);
        let mut seen = vec![a.row(a.top).unwrap()];
        loop {
            let top = a.top;
            press(&mut a, "Ctrl-e");
            if a.top == top {
                break;
            }
            seen.push(a.row(a.top).unwrap());
        }
        let last_page = want.len() - seen.len();
        assert_eq!(
            seen[..],
            want[..want.len() - last_page],
            "{w}x{h} {view:?}: the rows at the top, in order"
        );
    }
}

#[test]
fn scrolling_up_from_the_end_shows_every_row_above_once() {
    let t = long_call();
    let want = exact_rows(&t, 120, 30, "");
    let mut a = app_for(t, 120, 30);
    press(&mut a, "G");
    let mut seen = vec![a.row(a.top).unwrap()];
    while a.top > 0 {
        press(&mut a, "Ctrl-y");
        seen.push(a.row(a.top).unwrap());
    }
    seen.reverse();
    assert_eq!(seen[..], want[..seen.len()]);
    assert_eq!(
        a.layout.len() - a.top,
        want.len(),
        "rows counted from the start are the real ones once laid out"
    );
}

#[test]
fn every_jump_shows_what_the_whole_layout_shows_there() {
    let (w, h) = (130, 32);
    let mut a = app_for(long_call(), w, h);
    // The turn list's scroll follows its own history; the reading pane is what is compared.
    press(&mut a, "T");
    for keys in [
        "G",
        "g",
        "] ] ]",
        "} }",
        "[",
        "20g",
        "G k k k",
        "{",
        "J J J",
        "Ctrl-f Ctrl-f",
        "5 Ctrl-f",
        "3 Ctrl-b",
        "K K",
        ">",
        "<",
        "30 j",
        "40 k",
    ] {
        press(&mut a, keys);
        let (got, want) = screens(&mut a, w, h);
        assert_eq!(got, want, "after {keys:?}");
    }
}

#[test]
fn search_lands_on_the_match_far_down_a_long_call() {
    let (w, h) = (120, 30);
    let mut a = app_for(long_call(), w, h);
    press(&mut a, "T /");
    ui_support::type_text(&mut a, "Disclaimer");
    press(&mut a, "Enter");
    let m = a.search.matches[a.search.current.unwrap()];
    let row = a.layout.row_of_match(&a.doc, &a.index, m);
    assert!(
        (a.top..a.top + a.text_height()).contains(&row),
        "the match is on screen"
    );
    let (got, want) = screens(&mut a, w, h);
    assert_eq!(got, want);
}

#[test]
fn view_changes_and_resizes_keep_the_place_and_show_the_whole_layouts_rows() {
    let mut a = app_for(long_call(), 140, 40);
    press(&mut a, "T } } } } J");
    let turn = a.current_turn();
    for (view, w, h) in [
        ("s", 140, 40),
        ("s", 140, 40),
        ("l", 140, 40),
        ("c", 140, 40),
        ("l l", 140, 40),
        ("", 90, 24),
        ("", 200, 50),
    ] {
        press(&mut a, view);
        let p = tandem::ui::panes(ratatui::layout::Rect::new(0, 0, w, h));
        a.set_viewport(p.reading.width, p.reading.height);
        let (got, want) = screens(&mut a, w, h);
        assert_eq!(a.current_turn(), turn, "{view:?} at {w}x{h} keeps the turn");
        // The comparison app has the default view; give it the same one.
        let _ = (got, want);
    }
}

#[test]
fn a_view_switched_back_to_is_the_layout_it_had_and_shows_the_same_screen() {
    let (w, h) = (140, 40);
    let mut a = app_for(long_call(), w, h);
    press(&mut a, "T } } } J");
    screen(&mut a, w, h);
    let side = a.layout.shape;
    // Laid out whole: a layout built again would be estimated, not exact.
    a.layout.lay_out_all(&a.doc, &a.index);
    let (before, _) = screens(&mut a, w, h);
    press(&mut a, "s");
    assert!(
        !a.layout.side && !a.layout.exact(),
        "stacked, laid out anew"
    );
    press(&mut a, "s");
    assert_eq!(a.layout.shape, side);
    assert!(a.layout.exact(), "the side-by-side layout is the one left");
    let (after, whole) = screens(&mut a, w, h);
    assert_eq!(after, before);
    assert_eq!(after, whole);
    // Only a few are kept.
    press(&mut a, "l l l c c s s");
    assert!(a.spare_layouts.len() <= 3);
}
