//! The library screen drawn on a `TestBackend`: Chinese and English calls, a file still being
//! read, the filter, the selection, scrolling.

mod ui_support;

use std::path::{Path, PathBuf};

use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use tandem::Lang;
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
