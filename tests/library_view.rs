//! The library screen drawn on a `TestBackend`: Chinese and English calls, a file still being
//! read, the filter, the selection, scrolling, the keys, the help, long paths.

mod ui_support;

use std::path::{Path, PathBuf};

use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Modifier;
use tandem::Lang;
use tandem::library::browse::{Step, on_key};
use tandem::library::{FileInfo, Library, Message, Meta, Scan, view};
use unicode_width::UnicodeWidthStr;

/// A file at `rel` of `size` bytes.
fn file(rel: &str, size: u64) -> FileInfo {
    FileInfo {
        path: PathBuf::from("/calls").join(rel),
        rel: rel.into(),
        size,
        mtime: 1,
    }
}

/// A call's metadata.
fn meta(company: &str, period: &str, date: Option<&str>, title: &str, langs: &[Lang]) -> Meta {
    Meta {
        title: Some(title.into()),
        company: Some(company.into()),
        period: Some(period.into()),
        date: date.map(Into::into),
        languages: langs.to_vec(),
        call_hash: String::new(),
        ..Meta::default()
    }
}

/// A library of Chinese and English calls, one file still being read, one skipped.
fn sample_library() -> Library {
    let mut lib = Library::new(Path::new("/calls"));
    let files = [
        "qitong.txt",
        "luan.txt",
        "fernwood.txt",
        "notes.md",
        "later/big.txt",
    ];
    let files = files
        .iter()
        .zip([9_000, 3_800, 4_300, 120, 51_160])
        .map(|(r, s)| file(r, s));
    lib.apply(Message::Listed(Scan {
        root: "/calls".into(),
        files: files.collect(),
        truncated: false,
    }));
    let (en, zh) = ([Lang::En], [Lang::Zh]);
    lib.apply(Message::Loaded(vec![
        (
            0,
            Some(meta(
                "栖桐出行",
                "Q4 2025",
                Some("2026-02-07"),
                "栖桐出行2025年第四季度财报电话会：订单量创新高",
                &[Lang::En, Lang::Zh],
            )),
        ),
        (
            1,
            Some(meta(
                "鹭岸科技",
                "Q1 2026",
                Some("2026-05-12"),
                "鹭岸科技2026年第一季度营收同比增长8%",
                &zh,
            )),
        ),
        (
            2,
            Some(meta(
                "Fernwood Pet Supply",
                "Q2 2026",
                None,
                "Fernwood Pet Supply (FWPS) Q2 2026 Earnings Call Transcript",
                &en,
            )),
        ),
        (3, None),
    ]));
    lib.rows[1].bookmarks = 2;
    lib.refresh();
    lib
}

/// The library drawn at `w` x `h`.
fn draw(lib: &mut Library, w: u16, h: u16) -> Buffer {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| {
        let area = f.area();
        view::render(f.buffer_mut(), area, lib);
    })
    .unwrap();
    term.backend().buffer().clone()
}

/// The library drawn at `w` x `h`, as text.
fn screen(lib: &mut Library, w: u16, h: u16) -> String {
    ui_support::text(&draw(lib, w, h))
}

#[test]
fn library_80x24_with_chinese_calls() {
    let mut lib = sample_library();
    lib.move_by(1);
    assert_snapshot!(screen(&mut lib, 80, 24));
}

#[test]
fn library_80x24_filtering() {
    let mut lib = sample_library();
    lib.type_text("2026");
    assert_snapshot!(screen(&mut lib, 80, 24));
}

#[test]
fn a_long_list_scrolls_to_keep_the_selection_in_view() {
    let mut lib = Library::new(Path::new("/calls"));
    let files = (0..100)
        .map(|i| file(&format!("f{i:03}.txt"), 10))
        .collect();
    lib.apply(Message::Listed(Scan {
        root: "/calls".into(),
        files,
        truncated: false,
    }));
    lib.refresh();
    screen(&mut lib, 80, 24);
    lib.move_by(lib.page as isize);
    let text = screen(&mut lib, 80, 24);
    assert!(
        text.contains("f021.txt") && !text.contains("f000.txt"),
        "{text}"
    );
    assert!(
        text.lines().next().unwrap().contains("reading 0/100"),
        "{text}"
    );
}

#[test]
fn the_selected_row_is_highlighted_across_the_width() {
    let mut lib = sample_library();
    lib.move_by(1);
    let buf = draw(&mut lib, 80, 24);
    // Every cell but those hidden behind a wide character (the terminal draws those with it).
    let reversed = |y: u16| {
        let mut x = 0;
        while x < 80 {
            let cell = &buf[(x, y)];
            if !cell.modifier.contains(Modifier::REVERSED) {
                return false;
            }
            x += cell.symbol().width().max(1) as u16;
        }
        true
    };
    assert_eq!(
        (2..6).map(reversed).collect::<Vec<_>>(),
        [false, true, false, false]
    );
}

#[test]
fn tiny_terminals_draw_without_panicking() {
    for (w, h) in [(1, 1), (9, 2), (10, 3), (20, 4), (40, 5)] {
        let mut lib = sample_library();
        draw(&mut lib, w, h);
    }
}

/// Presses `code`.
fn key(lib: &mut Library, code: KeyCode) -> Step {
    on_key(lib, KeyEvent::new(code, KeyModifiers::NONE))
}

/// Types the characters of `keys` one by one; each step.
fn press(lib: &mut Library, keys: &str) -> Vec<Step> {
    keys.chars().map(|c| key(lib, KeyCode::Char(c))).collect()
}

#[test]
fn typing_q1_filters_and_does_not_quit() {
    let mut lib = sample_library();
    assert_eq!(press(&mut lib, "q1"), [Step::Stay, Step::Stay]);
    assert_eq!((lib.query(), lib.order.len()), ("q1", 1));
    let text = screen(&mut lib, 80, 24);
    assert!(text.contains("Filter: q1▏"), "{text}");
    assert_snapshot!("library_80x24_typing_q1", text);
}

#[test]
fn j_and_k_are_typed_into_the_filter_not_moves() {
    let mut lib = sample_library();
    assert_eq!(press(&mut lib, "j"), [Step::Stay]);
    assert_eq!((lib.query(), lib.selected), ("j", 0));
    key(&mut lib, KeyCode::Backspace);
    press(&mut lib, "k");
    assert_eq!((lib.query(), lib.selected), ("k", 0));
    key(&mut lib, KeyCode::Backspace);
    press(&mut lib, "/");
    assert_eq!(lib.query(), "/", "/ is a letter too");
}

#[test]
fn question_mark_shows_the_help_on_an_empty_filter_and_is_typed_after_one() {
    let mut lib = sample_library();
    assert_eq!(press(&mut lib, "?"), [Step::Stay]);
    assert!(lib.help && lib.query().is_empty());
    let text = screen(&mut lib, 80, 24);
    for k in [
        "Backspace",
        "Esc",
        "Ctrl-n",
        "PgUp",
        "Home",
        "Enter",
        "F1",
        "Ctrl-c",
        "Ctrl-z",
    ] {
        assert!(text.contains(k), "the help lists {k}:\n{text}");
    }
    assert_snapshot!("library_80x24_help", text);
    press(&mut lib, "x");
    assert_eq!(lib.query(), "", "keys other than those closing it wait");
    for close in [
        KeyCode::Esc,
        KeyCode::F(1),
        KeyCode::Char('q'),
        KeyCode::Char('?'),
    ] {
        lib.help = true;
        assert_eq!(key(&mut lib, close), Step::Stay, "{close:?} does not quit");
        assert!(!lib.help, "{close:?} closes the help");
    }
    assert_eq!(lib.query(), "");
    press(&mut lib, "fern?");
    assert_eq!(lib.query(), "fern?");
    assert!(!lib.help);
    key(&mut lib, KeyCode::F(1));
    assert!(lib.help, "F1 shows the help with a filter too");
    assert_snapshot!(
        "library_160x45_help_over_a_filter",
        screen(&mut lib, 160, 45)
    );
}

#[test]
fn esc_clears_the_filter_then_quits() {
    let mut lib = sample_library();
    press(&mut lib, "q1");
    assert_eq!(key(&mut lib, KeyCode::Esc), Step::Stay);
    assert_eq!((lib.query(), lib.order.len()), ("", 4));
    let text = screen(&mut lib, 80, 24);
    let status = text.lines().last().unwrap();
    assert!(
        status.contains("Esc quit") && status.contains("F1 ? help"),
        "{status}"
    );
    assert_eq!(key(&mut lib, KeyCode::Esc), Step::Quit);
}

/// Recently opened files from many folders: long paths, one with a Chinese name, some read
/// without a title, one not read yet.
fn recent_library() -> Library {
    let mut lib = Library::recent();
    let paths = [
        "~/Documents/research/earnings/calls/2025/microsoft/msft_q1_2025.txt",
        "/mnt/archive/transcripts/asia/2026/鹭岸科技/业绩/鹭岸科技2026年Q1电话会.txt",
        "~/Downloads/fernwood/2026/earnings_calls/transcripts/fernwood_q2_2026_call.txt",
        "/srv/shared/team/quarterly/2025/q4/acme_corp/acme_q4.txt",
        "~/short.txt",
    ];
    let files = paths
        .iter()
        .map(|p| FileInfo {
            path: PathBuf::from(p),
            rel: (*p).into(),
            size: 12_345,
            mtime: 1,
        })
        .collect();
    lib.apply(Message::Listed(Scan {
        root: PathBuf::new(),
        files,
        truncated: false,
    }));
    let untitled = |company: &str, period: &str| {
        let mut m = meta(company, period, Some("2026-01-30"), "", &[Lang::En]);
        m.title = None;
        Some(m)
    };
    let zh = meta(
        "鹭岸科技",
        "Q1 2026",
        Some("2026-05-12"),
        "鹭岸科技2026年第一季度营收同比增长8%",
        &[Lang::Zh],
    );
    lib.apply(Message::Loaded(vec![
        (0, untitled("Microsoft", "Q1 2025")),
        (1, Some(zh)),
        (2, untitled("Fernwood Pet Supply", "Q2 2026")),
        (4, untitled("Short", "Q3 2025")),
    ]));
    lib.refresh();
    lib
}

/// Checks that every file name of `lib` shows whole on the screen `text`, never cut.
fn assert_file_names_shown(lib: &Library, text: &str) {
    for row in &lib.rows {
        let name = row.file.rel.rsplit('/').next().unwrap();
        assert!(text.contains(name), "{name} is cut:\n{text}");
    }
    assert!(
        text.contains("…/"),
        "long paths are cut on the left:\n{text}"
    );
}

#[test]
fn recent_80x24_long_paths_keep_their_file_names() {
    let mut lib = recent_library();
    let text = screen(&mut lib, 80, 24);
    // Untitled calls and the file not read yet show their path in the title column.
    let rows: Vec<_> = lib
        .rows
        .iter()
        .filter(|r| r.meta().is_none_or(|m| m.title.is_none()))
        .collect();
    for row in rows {
        let name = row.file.rel.rsplit('/').next().unwrap();
        assert!(text.contains(name), "{name} is cut:\n{text}");
    }
    assert!(text.contains("…/"), "{text}");
    assert_snapshot!("library_80x24_recent_long_paths", text);
}

#[test]
fn recent_160x45_long_paths_keep_their_file_names() {
    let mut lib = recent_library();
    let text = screen(&mut lib, 160, 45);
    assert_file_names_shown(&lib, &text);
    assert_snapshot!("library_160x45_recent_long_paths", text);
}
