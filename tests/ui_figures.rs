//! Figures in the reader: highlighting, pair colours and mismatches, through the key map,
//! `update` and a test terminal.

mod ui_support;

use insta::assert_snapshot;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier};
use tandem::Block;
use tandem::Transcript;
use tandem::app::layout::{RowKind, Src};
use tandem::app::sheets::Tone;
use tandem::app::state::Overlay;
use tandem::app::{App, input, update};
use tandem::wrap;
use ui_support::{app_for, call, draw, press, screen};

/// The test call with two planted errors in the Chinese: `12,000` written `21,000` (turn 1)
/// and `$812 million` written `81.2 亿美元`, ten times too much (turn 2).
fn planted() -> Transcript {
    let mut t = call();
    let set = |t: &mut Transcript, turn: usize, from: &str, to: &str| {
        let Block::Para { zh: Some(zh), .. } = &mut t.turns[turn].blocks[0] else {
            panic!("turn {turn} opens with a paragraph");
        };
        assert!(zh.contains(from), "{zh}");
        *zh = zh.replace(from, to);
    };
    set(&mut t, 1, "12,000", "21,000");
    set(&mut t, 2, "8.12 亿", "81.2 亿");
    t
}

/// The reader on the planted call at 160x45.
fn app() -> App {
    app_for(planted(), 160, 45)
}

/// `Alt-!` through the key map.
fn alt_bang(app: &mut App) {
    let ev = KeyEvent::new(KeyCode::Char('!'), KeyModifiers::ALT | KeyModifiers::SHIFT);
    let action = input::key_action(app, ev).expect("Alt-! is bound");
    update(app, action);
}

/// The status message, if any.
fn said(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

/// The first row of turn `turn` (where a jump to its first paragraph lands).
fn para_row(app: &App, turn: usize) -> usize {
    app.layout.turn_row(turn)
}

#[test]
fn the_call_is_analysed_on_opening_and_the_status_counts_mismatches() {
    let mut a = app();
    assert_eq!(a.figures.mismatch_count(), 2);
    assert!(
        a.figures.analysis.pairs >= 5,
        "{}",
        a.figures.analysis.pairs
    );
    assert!(!a.figures.on, "highlighting starts off");
    let status = tandem::ui::status::position(&a);
    assert!(status.ends_with(" · ⚠ 2 figures"), "{status}");
    let clean = app_for(call(), 160, 45);
    assert_eq!(clean.figures.mismatch_count(), 0);
    assert!(!tandem::ui::status::position(&clean).contains('⚠'));
    press(&mut a, "J");
    let at = tandem::ui::status::position(&a);
    assert!(at.ends_with(" · ⚠ 1/2 digits transposed"), "{at}");
}

#[test]
fn hash_toggles_highlighting_and_says_so() {
    let mut a = app();
    press(&mut a, "#");
    assert!(a.figures.on);
    assert!(said(&a).contains("2 mismatched"), "{}", said(&a));
    assert!(a.figures.shown(2, 0).is_some());
    press(&mut a, "#");
    assert!(!a.figures.on);
    assert_eq!(said(&a), "Figures plain");
    assert!(a.figures.shown(2, 0).is_none());
}

#[test]
fn bang_steps_through_mismatches_and_wraps_both_ways() {
    let mut a = app();
    press(&mut a, "!");
    assert!(a.figures.on, "jumping turns highlighting on");
    assert_eq!(a.figures.current, Some(0));
    assert_eq!(a.top, para_row(&a, 1));
    assert_eq!(said(&a), "“12,000” → “21,000”");
    press(&mut a, "!");
    assert_eq!((a.figures.current, a.top), (Some(1), para_row(&a, 2)));
    assert_eq!(said(&a), "“$812 million” → “81.2 亿美元”");
    press(&mut a, "!");
    assert_eq!((a.figures.current, a.top), (Some(0), para_row(&a, 1)));
    assert!(said(&a).ends_with("(wrapped to the start)"), "{}", said(&a));
    alt_bang(&mut a);
    assert_eq!((a.figures.current, a.top), (Some(1), para_row(&a, 2)));
    assert!(said(&a).ends_with("(wrapped to the end)"), "{}", said(&a));
    alt_bang(&mut a);
    assert_eq!((a.figures.current, a.top), (Some(0), para_row(&a, 1)));
    assert!(!said(&a).contains("wrapped"));
}

#[test]
fn stepping_starts_from_the_reading_position() {
    let mut a = app();
    press(&mut a, "G");
    alt_bang(&mut a);
    assert_eq!(a.figures.current, Some(1), "the last one before the end");
    press(&mut a, "g ] !");
    assert_eq!(
        a.figures.current,
        Some(0),
        "none after Q1: wraps to the first"
    );
    let mut clean = app_for(call(), 160, 45);
    press(&mut clean, "!");
    assert_eq!(said(&clean), "No figure mismatches in this call");
    assert_eq!((clean.top, clean.figures.on), (0, false));
}

#[test]
fn a_planted_mismatch_160x45() {
    let mut a = app();
    press(&mut a, "! !");
    assert_snapshot!(screen(&mut a, 160, 45));
}

/// The cells (x, y) of the first run of cells whose symbols are `syms`.
fn cells(buf: &Buffer, syms: &[&str]) -> Vec<(u16, u16)> {
    let (w, h) = (buf.area.width, buf.area.height);
    for y in 0..h {
        for x in 0..w.saturating_sub(syms.len() as u16) {
            let hit = syms
                .iter()
                .enumerate()
                .all(|(i, s)| buf[(x + i as u16, y)].symbol() == *s);
            if hit {
                return (0..syms.len() as u16).map(|i| (x + i, y)).collect();
            }
        }
    }
    panic!("{syms:?} not on screen");
}

/// The symbols of `s`, one a cell (ASCII only).
fn ascii(s: &str) -> Vec<&str> {
    (0..s.len()).map(|i| &s[i..i + 1]).collect()
}

#[test]
fn paired_figures_share_a_colour_and_mismatches_stand_out_on_both_sides() {
    let mut a = app();
    press(&mut a, "#");
    let buf = draw(&mut a, 160, 45);
    let style = |at: &[(u16, u16)]| {
        let c = &buf[at[0]];
        let same = at.iter().all(|&p| buf[p].fg == c.fg && buf[p].bg == c.bg);
        assert!(same, "one style across the figure");
        (c.fg, c.bg, c.modifier)
    };
    let en = style(&cells(&buf, &ascii("$2.9 billion")));
    let zh = style(&cells(&buf, &["2", "9", " ", "亿"]));
    assert_eq!(en, zh, "a pair shares its colour");
    assert_ne!(en.0, Color::Reset, "in colour");
    assert!(en.2.contains(Modifier::UNDERLINED));
    let other = style(&cells(&buf, &ascii("31%")));
    assert_ne!(other.0, en.0, "the pair before has another colour");
    for wrong in [
        cells(&buf, &ascii("$812 million")),
        cells(&buf, &ascii("81.2")),
    ] {
        let (_, bg, m) = style(&wrong);
        assert_eq!(bg, Color::Red, "mismatch in the warning style");
        assert!(m.contains(Modifier::BOLD));
    }
    let plain = cells(&buf, &ascii("Operating"));
    assert_eq!(buf[plain[0]].bg, Color::Reset, "text around stays plain");
    press(&mut a, "#");
    let off = draw(&mut a, 160, 45);
    let wrong = cells(&off, &ascii("$812 million"));
    assert_eq!(off[wrong[0]].bg, Color::Reset, "no highlighting when off");
}

/// A terminal width, a row and a figure of it such that the figure's English is split at
/// that row's end.
fn split_figure(a: &mut App) -> Option<(u16, usize, std::ops::Range<usize>)> {
    for w in 80..160u16 {
        *a = app_for(planted(), w, 45);
        for (r, row) in (0..a.layout.len()).map(|r| (r, a.row(r).unwrap())) {
            let RowKind::Text([Some(p), _]) = row.kind else {
                continue;
            };
            if p.src != Src::En {
                continue;
            }
            let Some(figs) = a
                .figures
                .analysis
                .block(row.turn as usize, row.block as usize)
            else {
                continue;
            };
            let end = p.end as usize;
            let split = figs.en.iter().map(|m| m.figure.range.clone());
            if let Some(f) = split.into_iter().find(|f| f.start < end && f.end > end) {
                return Some((w, r, f));
            }
        }
    }
    None
}

#[test]
fn a_figure_wrapped_across_two_rows_is_styled_on_both() {
    let mut a = app();
    let (w, r, fig) = split_figure(&mut a).expect("some width splits a figure");
    press(&mut a, "#");
    a.top = r;
    let buf = draw(&mut a, w, 45);
    let x0 = a.areas.reading.x;
    let y0 = tandem::ui::reading::text_top(a.areas.reading, &a);
    let RowKind::Text([Some(p), _]) = a.row(r).unwrap().kind else {
        unreachable!("found on a text row");
    };
    let text = match &a.doc.turns[a.row(r).unwrap().turn as usize].blocks
        [a.row(r).unwrap().block as usize]
    {
        Block::Para { en: Some(en), .. } => en.clone(),
        _ => unreachable!("an English piece"),
    };
    let before = wrap::width(&text[p.start as usize..fig.start]) as u16;
    let (head, tail) = (&buf[(x0 + before, y0)], &buf[(x0, y0 + 1)]);
    assert!(
        text[fig.clone()].starts_with(head.symbol()),
        "{}",
        head.symbol()
    );
    assert!(head.modifier.contains(Modifier::UNDERLINED) || head.bg == Color::Red);
    assert_eq!(
        (head.fg, head.bg, head.modifier),
        (tail.fg, tail.bg, tail.modifier)
    );
}

#[test]
fn the_jump_message_shows_whole_beside_a_long_title_at_160_columns() {
    let mut t = planted();
    t.title =
        Some("Brightkeel Logistics Systems (NASDAQ:BKLS) Q3 2026 Earnings Conference Call".into());
    let mut a = app_for(t, 160, 45);
    press(&mut a, "! !");
    let message = said(&a);
    assert!(message.contains('→'), "{message}");
    let last = screen(&mut a, 160, 45).lines().last().unwrap().to_string();
    assert!(last.contains(&message), "the whole message: {last}");
    assert!(last.contains("Brightkeel"), "the title, shortened: {last}");
}

#[test]
fn a_warning_too_long_to_sit_beside_the_position_gets_the_whole_line() {
    let mut a = app_for(planted(), 80, 24);
    let path = "/tmp/tandem-unsaved-1123.json";
    a.warn(format!("Bookmarks not saved; all 3 are in {path}"));
    let last = screen(&mut a, 80, 24).lines().last().unwrap().to_string();
    assert!(last.contains(path), "the whole path: {last}");
    assert!(!last.contains("turn "), "the position gives way: {last}");
    // Longer than the line: its start and its end show.
    let long =
        "/home/someone/research/calls/2026/brightkeel/tandem-bookmarks-unsaved-20261123.json";
    a.warn(format!("Bookmarks not saved; all 3 are in {long}"));
    let last = screen(&mut a, 80, 24).lines().last().unwrap().to_string();
    assert!(
        last.trim_start().starts_with("Bookmarks not saved"),
        "{last}"
    );
    assert!(last.trim_end().ends_with("unsaved-20261123.json"), "{last}");
    assert!(last.contains('…'), "{last}");
    a.warn("Short message");
    let last = screen(&mut a, 80, 24).lines().last().unwrap().to_string();
    assert!(
        last.contains("Short message") && last.contains("turn 1/"),
        "{last}"
    );
}

#[test]
fn years_quarters_and_ordinals_are_not_highlighted_and_neighbours_differ() {
    let mut a = app();
    press(&mut a, "#");
    let buf = draw(&mut a, 160, 45);
    // "third quarter 2026" in the operator's welcome: a year, not a figure.
    let year = cells(&buf, &ascii("2026"));
    assert_eq!(buf[year[0]].fg, Color::Reset, "a year stays plain");
    assert!(!buf[year[0]].modifier.contains(Modifier::UNDERLINED));
    // Three pairs side by side in one sentence: three colours.
    let fg = |s: &str| buf[cells(&buf, &ascii(s))[0]].fg;
    let (a1, a2) = (fg("31%"), fg("$4.2 billion"));
    assert_ne!(a1, a2, "neighbouring pairs differ");
    assert_ne!(a1, Color::Reset);
}

#[test]
fn the_figure_list_puts_mismatches_first_and_enter_goes_there() {
    let mut a = app();
    press(&mut a, "F");
    assert!(matches!(a.overlay, Overlay::FigureList { selected: 0 }));
    let first = &a.sheet[0];
    assert!(first.cols[0].contains("12,000"), "{:?}", first.cols);
    assert_eq!(first.cols[1], "21,000");
    assert!(a.sheet[1].cols[0].contains("$812 million"));
    assert!(
        a.sheet[2..].iter().all(|l| l.tone == Tone::Item),
        "then the pairs"
    );
    assert!(
        !a.sheet.iter().any(|l| l.cols[0].contains("2026")),
        "no years"
    );
    press(&mut a, "j Enter");
    assert_eq!(a.overlay, Overlay::None);
    assert_eq!(a.current_turn(), 2, "the paragraph of the second mismatch");
    assert!(a.figures.on, "highlighting comes on");
    press(&mut a, "Ctrl-o");
    assert_eq!(a.top, 0, "a jump like any other");
}

#[test]
fn figure_list_160x45() {
    let mut a = app();
    assert_snapshot!(screen_after(&mut a, "F j j", 160, 45));
}

#[test]
fn figure_list_80x24() {
    let mut a = app();
    assert_snapshot!(screen_after(&mut a, "F", 80, 24));
}

/// The screen after `keys`.
fn screen_after(a: &mut App, keys: &str, w: u16, h: u16) -> String {
    draw(a, w, h);
    press(a, keys);
    screen(a, w, h)
}
