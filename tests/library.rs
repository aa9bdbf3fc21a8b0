//! The library (`tandem DIR`): scanning a folder, reading metadata in the background, the
//! cache, sorting, filtering, keys and bookmark counts (the screen: `library_view.rs`).

use std::fs;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tandem::Lang;
use tandem::bookmarks::{Bookmark, CallRef};
use tandem::library::browse::{Step, on_key};
use tandem::library::cache::{self, Cache};
use tandem::library::loader::{Job, Source};
use tandem::library::{Library, Loader, Message, RowState};

/// The layout fixtures.
const FIXTURES: [&str; 4] = [
    "english_dashes",
    "inline_zh",
    "block_zh",
    "interleaved_participants",
];

/// A fixture's text.
fn fixture(name: &str) -> String {
    fs::read_to_string(format!("tests/fixtures/{name}.txt")).unwrap()
}

/// A folder with the fixtures (one in a subfolder, one copy in a hidden folder) and three
/// files that are not transcripts: a PNG-like binary, an empty file, a shopping list.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir_all(d.join("2026/q1")).unwrap();
    fs::create_dir_all(d.join(".trash")).unwrap();
    for (i, name) in FIXTURES.iter().enumerate() {
        let at = if i == 0 { "2026/q1" } else { "" };
        fs::write(d.join(at).join(format!("{name}.txt")), fixture(name)).unwrap();
    }
    fs::write(d.join(".trash/old.txt"), fixture(FIXTURES[0])).unwrap();
    fs::write(
        d.join("logo.png"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0",
    )
    .unwrap();
    fs::write(d.join("empty.txt"), "").unwrap();
    fs::write(
        d.join("shopping.txt"),
        "Shopping list\n- milk\n- eggs\n- bread\n",
    )
    .unwrap();
    dir
}

/// Runs the loader on `root` to the end: the list, and (cached, parsed) counts.
fn load_all(root: &Path, config: Option<&Path>) -> (Library, usize, usize) {
    let loader = Loader::start(Job {
        source: Source::Folder(root.to_path_buf()),
        cache: config.map(Path::to_path_buf),
        encoding: None,
    });
    let mut lib = Library::new(root);
    let deadline = Instant::now() + Duration::from_secs(300);
    loop {
        match loader.next(Duration::from_millis(200)) {
            Some(Message::Done { cached, parsed, .. }) => {
                lib.apply(Message::Done {
                    cached,
                    parsed,
                    cache_error: None,
                });
                lib.refresh();
                return (lib, cached, parsed);
            }
            Some(m) => lib.apply(m),
            None => assert!(Instant::now() < deadline, "the loader never finished"),
        }
    }
}

/// The relative paths of the rows shown, in order.
fn shown(lib: &Library) -> Vec<String> {
    lib.order
        .iter()
        .map(|&i| lib.rows[i].file.rel.clone())
        .collect()
}

#[test]
fn a_folder_lists_its_calls_with_metadata_and_counts_what_it_skipped() {
    let dir = folder();
    let (lib, _, parsed) = load_all(dir.path(), None);
    assert_eq!(
        lib.counts(),
        (4, 3, 0),
        "4 calls, 3 files skipped, none pending"
    );
    assert_eq!(parsed, 7, "hidden folders are not searched");
    let row = lib
        .rows
        .iter()
        .find(|r| r.file.rel == "2026/q1/english_dashes.txt")
        .unwrap();
    let m = row.meta().expect("a call");
    assert_eq!(m.company.as_deref(), Some("Fernwood Pet Supply"));
    assert_eq!(m.period.as_deref(), Some("Q2 2026"));
    assert_eq!(m.date.as_deref(), Some("2026-08-05"));
    assert_eq!(m.languages, [Lang::En]);
    let zh = lib
        .rows
        .iter()
        .find(|r| r.file.rel == "inline_zh.txt")
        .unwrap();
    assert_eq!(zh.meta().unwrap().languages, [Lang::Zh]);
    for junk in ["logo.png", "empty.txt", "shopping.txt"] {
        let r = lib.rows.iter().find(|r| r.file.rel == junk).unwrap();
        assert_eq!(r.state, RowState::Skipped, "{junk}");
    }
}

#[test]
fn calls_sort_by_company_then_newest_period() {
    let dir = folder();
    fs::write(
        dir.path().join("fernwood_q3.txt"),
        fixture(FIXTURES[0]).replace("Q2 2026", "Q3 2026"),
    )
    .unwrap();
    let (lib, _, _) = load_all(dir.path(), None);
    assert_eq!(
        shown(&lib),
        [
            "fernwood_q3.txt",
            "2026/q1/english_dashes.txt",
            "interleaved_participants.txt",
            "block_zh.txt",
            "inline_zh.txt",
        ]
    );
}

#[test]
fn the_filter_matches_company_title_period_and_file_name_in_any_case() {
    let dir = folder();
    let (mut lib, _, _) = load_all(dir.path(), None);
    let cases: [(&str, &[&str]); 6] = [
        ("fernwood", &["2026/q1/english_dashes.txt"]),
        ("PINECREST", &["interleaved_participants.txt"]),
        ("鹭岸", &["inline_zh.txt"]),
        (
            "q1 2026",
            &[
                "2026/q1/english_dashes.txt",
                "interleaved_participants.txt",
                "block_zh.txt",
                "inline_zh.txt",
            ],
        ),
        ("block", &["block_zh.txt"]),
        ("逐字稿 veridane", &["block_zh.txt"]),
    ];
    for (query, want) in cases {
        lib.set_query(query);
        assert_eq!(shown(&lib), want, "{query}");
    }
    lib.set_query("nothing like this");
    assert!(lib.order.is_empty() && lib.selected_row().is_none());
}

#[test]
fn the_selection_stays_on_its_file_while_the_order_changes() {
    let dir = folder();
    let (mut lib, _, _) = load_all(dir.path(), None);
    lib.move_by(2);
    let before = lib.selected_row().unwrap().file.rel.clone();
    lib.set_query("2026");
    assert_eq!(lib.selected_row().unwrap().file.rel, before);
    lib.move_by(100);
    assert_eq!(lib.selected, lib.order.len() - 1, "stops at the end");
    lib.move_by(-100);
    assert_eq!(lib.selected, 0, "stops at the start");
}

/// A key press.
fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Presses the characters of `keys` one by one; the last step.
fn press(lib: &mut Library, keys: &str) -> Step {
    keys.chars()
        .map(|c| on_key(lib, key(KeyCode::Char(c))))
        .last()
        .unwrap()
}

/// A key pressed with Ctrl.
fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

#[test]
fn every_letter_filters_arrows_and_ctrl_n_p_move_and_esc_clears_then_quits() {
    let dir = folder();
    let (mut lib, _, _) = load_all(dir.path(), None);
    on_key(&mut lib, key(KeyCode::Down));
    assert_eq!(lib.selected, 1, "↓ moves down");
    on_key(&mut lib, ctrl('n'));
    on_key(&mut lib, ctrl('n'));
    on_key(&mut lib, ctrl('p'));
    assert_eq!(lib.selected, 2, "Ctrl-n, Ctrl-p move");
    on_key(&mut lib, key(KeyCode::End));
    assert_eq!(lib.selected, 3);
    on_key(&mut lib, key(KeyCode::Home));
    assert_eq!(lib.selected, 0);
    assert_eq!(press(&mut lib, "pineq/jk"), Step::Stay);
    assert_eq!(lib.query(), "pineq/jk", "j k q / are letters");
    for _ in 0..4 {
        on_key(&mut lib, key(KeyCode::Backspace));
    }
    assert_eq!((lib.query(), lib.order.len()), ("pine", 1));
    let open = on_key(&mut lib, key(KeyCode::Enter));
    assert_eq!(
        open,
        Step::Open(vec![dir.path().join("interleaved_participants.txt")])
    );
    assert_eq!(lib.query(), "pine", "Enter keeps the filter");
    assert_eq!(on_key(&mut lib, key(KeyCode::Esc)), Step::Stay);
    assert_eq!(
        (lib.query(), lib.order.len()),
        ("", 4),
        "Esc clears the filter"
    );
    assert_eq!(on_key(&mut lib, key(KeyCode::Esc)), Step::Quit);
}

#[test]
fn the_cache_is_used_invalidated_by_size_or_mtime_and_a_corrupt_one_is_rebuilt() {
    let dir = folder();
    let config = tempfile::tempdir().unwrap();
    let cfg = Some(config.path());
    assert_eq!(
        load_all(dir.path(), cfg).2,
        7,
        "first run parses everything"
    );
    let (lib, cached, parsed) = load_all(dir.path(), cfg);
    assert_eq!((cached, parsed), (7, 0), "second run reads the cache");
    assert_eq!(lib.counts(), (4, 3, 0), "with the same result");

    fs::write(dir.path().join("shopping.txt"), "Shopping list\n- milk\n").unwrap();
    fs::write(dir.path().join("empty.txt"), fixture("english_timestamps")).unwrap();
    let (lib, cached, parsed) = load_all(dir.path(), cfg);
    assert_eq!((cached, parsed), (5, 2), "changed sizes are read again");
    assert_eq!(lib.counts(), (5, 2, 0), "the once-empty file is a call now");

    fs::write(config.path().join(cache::FILE), "{ not json").unwrap();
    assert_eq!(load_all(dir.path(), cfg).2, 7, "a corrupt cache is ignored");
    assert_eq!(Cache::load(config.path()).len(), 7, "and rebuilt");
}

#[test]
fn a_changed_modification_time_alone_makes_a_file_be_read_again() {
    let dir = folder();
    let config = tempfile::tempdir().unwrap();
    load_all(dir.path(), Some(config.path()));
    let f = fs::File::options()
        .write(true)
        .open(dir.path().join("inline_zh.txt"))
        .unwrap();
    f.set_modified(std::time::SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000))
        .unwrap();
    drop(f);
    let (_, cached, parsed) = load_all(dir.path(), Some(config.path()));
    assert_eq!((cached, parsed), (6, 1));
}

#[test]
fn deleted_files_leave_the_cache_and_other_folders_entries_stay() {
    let (a, b) = (folder(), folder());
    let config = tempfile::tempdir().unwrap();
    load_all(a.path(), Some(config.path()));
    load_all(b.path(), Some(config.path()));
    assert_eq!(Cache::load(config.path()).len(), 14);
    fs::remove_file(a.path().join("inline_zh.txt")).unwrap();
    load_all(a.path(), Some(config.path()));
    assert_eq!(Cache::load(config.path()).len(), 13);
}

/// A name for the `i`th generated company: `Zeta Aax`, `Zeta Abx`, …
fn company(i: usize) -> String {
    let (a, b) = (
        (b'A' + (i / 26) as u8) as char,
        (b'a' + (i % 26) as u8) as char,
    );
    format!("Zeta {a}{b}x")
}

#[test]
fn three_hundred_calls_are_listed_first_then_all_read_in_the_background() {
    let dir = tempfile::tempdir().unwrap();
    let base = fixture("english_timestamps");
    for i in 0..300 {
        let text = base.replace("Acme Corp", &company(i));
        fs::write(dir.path().join(format!("call-{i:03}.txt")), text).unwrap();
    }
    let loader = Loader::start(Job {
        source: Source::Folder(dir.path().into()),
        cache: None,
        encoding: None,
    });
    match loader.next(Duration::from_secs(60)) {
        Some(Message::Listed(scan)) => assert_eq!(scan.files.len(), 300, "all listed at once"),
        other => panic!("the files are listed before any is read: {other:?}"),
    }
    drop(loader);
    let (lib, _, parsed) = load_all(dir.path(), None);
    assert_eq!(parsed, 300);
    assert_eq!(lib.counts(), (300, 0, 0));
    let companies: Vec<String> = lib
        .order
        .iter()
        .map(|&i| lib.rows[i].meta().unwrap().company.clone().unwrap())
        .collect();
    assert_eq!(
        companies,
        (0..300).map(company).collect::<Vec<_>>(),
        "sorted by company"
    );
}

#[test]
fn bookmarks_are_counted_for_their_call() {
    let dir = folder();
    let (mut lib, _, _) = load_all(dir.path(), None);
    let path = dir.path().join("block_zh.txt");
    let t = tandem::call::load(&path, &tandem::call::Options::default()).unwrap();
    let call = CallRef::new(&t, &[path]);
    let (turn, block) = (1, 0);
    let marks: Vec<Bookmark> = (0..2)
        .map(|_| Bookmark::new(&t, &call, turn, block).unwrap())
        .collect();
    lib.count_bookmarks(&marks);
    let counts: Vec<(String, usize)> = lib
        .order
        .iter()
        .map(|&i| (lib.rows[i].file.rel.clone(), lib.rows[i].bookmarks))
        .filter(|(_, n)| *n > 0)
        .collect();
    assert_eq!(counts, [("block_zh.txt".to_string(), 2)]);
}

#[test]
fn ctrl_c_quits_and_ctrl_z_suspends_even_while_typing_a_filter() {
    let dir = folder();
    let (mut lib, _, _) = load_all(dir.path(), None);
    press(&mut lib, "pi");
    assert_eq!(on_key(&mut lib, ctrl('z')), Step::Suspend);
    assert_eq!(lib.query(), "pi", "the filter is kept");
    assert_eq!(on_key(&mut lib, ctrl('c')), Step::Quit);
}

/// Polls the pty's screen until `ready` holds of its text (or 20 seconds pass).
fn wait_for(screen: &Mutex<vt100::Parser>, ready: impl Fn(&str) -> bool, what: &str) {
    let start = Instant::now();
    loop {
        let text = screen.lock().unwrap().screen().contents();
        if ready(&text) {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "never showed {what}:\n{text}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn in_a_terminal_typing_q1_filters_and_esc_clears_then_quits() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    let dir = folder();
    let config = tempfile::tempdir().unwrap();
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_tandem"));
    cmd.arg(dir.path());
    cmd.env("TANDEM_CONFIG_DIR", config.path());
    cmd.env("TERM", "xterm-256color");
    cmd.cwd(config.path());
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let size = |n| std::num::NonZeroU16::new(n).expect("non-zero");
    let screen = Arc::new(Mutex::new(vt100::Parser::new(size(24), size(80), 0)));
    let mut reader = pair.master.try_clone_reader().unwrap();
    let sink = Arc::clone(&screen);
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n @ 1..) = reader.read(&mut buf) {
            sink.lock().unwrap().process(&buf[..n]);
        }
    });
    let mut writer = pair.master.take_writer().unwrap();
    let mut type_keys = |keys: &[u8]| {
        for k in keys {
            writer.write_all(&[*k]).unwrap();
            writer.flush().unwrap();
            std::thread::sleep(Duration::from_millis(100));
        }
    };
    wait_for(&screen, |s| s.contains("4 calls"), "the calls read");
    type_keys(b"q1");
    wait_for(&screen, |s| s.contains("Filter: q1"), "the filter q1");
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        child.try_wait().unwrap().is_none(),
        "typing q1 does not quit"
    );
    type_keys(b"\x1b");
    wait_for(
        &screen,
        |s| !s.contains("Filter:") && s.contains("type filter"),
        "the filter cleared",
    );
    assert!(child.try_wait().unwrap().is_none(), "the first Esc clears");
    type_keys(b"\x1b");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the second Esc did not quit"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "exit status 0");
}
