//! The library as a research desk, on `tests/fixtures/library`: one company under three
//! names in two scripts (`Harbor Lights, Inc.`, `Harbor Lights Corporation`, 蓝湾灯塔 and
//! 藍灣燈塔), an English call and its Chinese translation, a bilingual call of the next
//! quarter, an analyst in every quarter, and another company.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tandem::app::App;
use tandem::app::jumps::Start;
use tandem::call::{Call, Options};
use tandem::library::browse::{Step, on_key};
use tandem::library::desk::{AnalystLine, View};
use tandem::library::list::Entry;
use tandem::library::loader::{Job, Source};
use tandem::library::{Library, Loader, Message};
use tandem::transcript::Lang;

/// The fixture folder.
fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library")
}

/// The library of the fixture folder, every file read, with its cache and search index in
/// `config`.
fn library(config: &Path) -> Library {
    let root = folder();
    let loader = Loader::start(Job {
        source: Source::Folder(root.clone()),
        cache: Some(config.to_path_buf()),
        encoding: None,
    });
    let mut lib = Library::new(&root);
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        match loader.next(Duration::from_millis(200)) {
            Some(m @ Message::Done { .. }) => {
                lib.apply_all(vec![m]);
                return lib;
            }
            Some(m) => lib.apply_all(vec![m]),
            None => assert!(Instant::now() < deadline, "the loader never finished"),
        }
    }
}

/// File names of an entry's files.
fn names(lib: &Library, e: Entry) -> Vec<String> {
    let rows = match e {
        Entry::File(i) | Entry::Member(i) => vec![i],
        Entry::Pair { en, zh } => vec![en, zh],
    };
    rows.iter()
        .map(|&i| {
            lib.rows[i]
                .file
                .path
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

fn key(lib: &mut Library, code: KeyCode) -> Step {
    on_key(lib, KeyEvent::new(code, KeyModifiers::NONE))
}

fn typed(lib: &mut Library, text: &str) -> Vec<Step> {
    text.chars().map(|c| key(lib, KeyCode::Char(c))).collect()
}

#[test]
fn one_company_under_every_name_sorted_newest_first_and_the_pair_as_one_line() {
    let config = tempfile::tempdir().unwrap();
    let lib = library(config.path());
    let lines: Vec<(Option<String>, Vec<String>)> = lib
        .shown
        .iter()
        .map(|&e| (lib.rows[e.row()].company.clone(), names(&lib, e)))
        .collect();
    let harbor = Some("Harbor Lights, Inc. (蓝湾灯塔)".to_string());
    assert_eq!(
        lines,
        [
            (
                Some("Fernwood Pet Supply".to_string()),
                vec!["fernwood_q2_2026.txt".to_string()]
            ),
            (harbor.clone(), vec!["harbor_q2_2026_bilingual.txt".into()]),
            (
                harbor.clone(),
                vec![
                    "harbor_q1_2026_en.txt".into(),
                    "蓝湾灯塔_2026Q1_电话会.txt".into()
                ]
            ),
            (harbor, vec!["藍灣燈塔_2025Q4.txt".into()]),
        ],
        "grouped by company whatever its name or script, newest period first"
    );
    assert!(matches!(lib.shown[2], Entry::Pair { .. }));
}

#[test]
fn the_pair_opens_aligned_and_either_file_opens_alone() {
    let config = tempfile::tempdir().unwrap();
    let mut lib = library(config.path());
    lib.select(2);
    let Step::Open(files) = key(&mut lib, KeyCode::Enter) else {
        panic!("Enter opens the pair")
    };
    assert_eq!(files.len(), 2);
    let call = Call::open_to_read(&files, &Options::default()).unwrap();
    assert_eq!(call.banner, None, "aligned, not one file alone");
    assert_eq!(call.transcript.languages, [Lang::En, Lang::Zh]);
    assert_eq!(call.transcript.questions.len(), 2);
    // → shows the two files; the Chinese one opens alone.
    key(&mut lib, KeyCode::Right);
    assert!(matches!(lib.shown[3], Entry::Member(_)) && matches!(lib.shown[4], Entry::Member(_)));
    key(&mut lib, KeyCode::Down);
    key(&mut lib, KeyCode::Down);
    assert_eq!(
        key(&mut lib, KeyCode::Enter),
        Step::Open(vec![files[1].clone()])
    );
    key(&mut lib, KeyCode::Left);
    assert_eq!(lib.shown.len(), 4, "← hides them again");
    assert!(matches!(lib.selected_entry(), Some(Entry::Pair { .. })));
}

#[test]
fn a_traditional_query_finds_simplified_text_and_the_call_opens_there_with_the_way_back() {
    let config = tempfile::tempdir().unwrap();
    let mut lib = library(config.path());
    key(&mut lib, KeyCode::Tab);
    assert_eq!(lib.desk.view, View::Search);
    let steps = typed(&mut lib, "潮汐信標");
    assert!(
        steps.iter().all(|s| *s == Step::Search),
        "each key asks for a search"
    );
    let mut desk = std::mem::take(&mut lib.desk);
    desk.run_search(&lib, Some(config.path()), None);
    lib.desk = desk;
    let hits = &lib.desk.search.lines;
    assert!(!hits.is_empty(), "found in the Simplified translation");
    let files: Vec<String> = hits
        .iter()
        .map(|h| {
            h.call.files[0]
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert!(
        files.contains(&"蓝湾灯塔_2026Q1_电话会.txt".to_string()),
        "{files:?}"
    );
    let i = files.iter().position(|f| f.starts_with("蓝湾")).unwrap();
    lib.desk.search.selected = i;
    let hit = lib.desk.search.lines[i].clone();
    assert_eq!(
        hit.call.company.as_deref(),
        Some("Harbor Lights, Inc. (蓝湾灯塔)")
    );
    assert_eq!(hit.question, 1);
    assert_eq!(hit.speaker, "玛拉·奎因");
    let (a, b) = hit.mark.unwrap();
    assert_eq!(
        &hit.snippet[a..b],
        "潮汐信标",
        "the match as the call writes it"
    );
    let Step::OpenAt(files, start) = key(&mut lib, KeyCode::Enter) else {
        panic!("Enter opens the hit")
    };
    // The reader opens the call at that paragraph, the match shown as its search.
    let call = Call::open(&files, &Options::default()).unwrap();
    let mut app = App::new(call.transcript, "test", 100, 30);
    let before = app.place();
    assert!(app.start_at(&start));
    let Start::Block { turn, block, .. } = start else {
        panic!("a paragraph")
    };
    assert_eq!(app.paragraph_here(), Some((turn, block)));
    assert_eq!(app.search.query, "潮汐信标");
    assert!(app.search.current.is_some());
    app.jump_back();
    assert_eq!(
        app.place(),
        before,
        "Ctrl-o goes back to where the call opened"
    );
    // Esc clears the query, then goes back to the calls.
    key(&mut lib, KeyCode::Esc);
    assert!(lib.desk.search.query.is_empty());
    key(&mut lib, KeyCode::Esc);
    assert_eq!(lib.desk.view, View::Calls);
}

#[test]
fn the_analysts_view_follows_one_analyst_through_every_quarter() {
    let config = tempfile::tempdir().unwrap();
    let mut lib = library(config.path());
    key(&mut lib, KeyCode::Tab);
    key(&mut lib, KeyCode::Tab);
    assert_eq!(lib.desk.view, View::Analysts);
    let mut desk = std::mem::take(&mut lib.desk);
    desk.gather_analysts(&lib);
    lib.desk = desk;
    typed(&mut lib, "quinn");
    let a = &lib.desk.analysts;
    let [AnalystLine::Analyst(i)] = a.lines[..] else {
        panic!("one analyst matches: {:?}", a.lines)
    };
    let mara = &a.all[i];
    assert_eq!(mara.name, "Mara Quinn");
    assert_eq!(mara.firms, ["Birchfield Securities"]);
    let periods: Vec<&str> = mara
        .asked
        .iter()
        .map(|(c, _)| a.calls[*c].period.as_deref().unwrap())
        .collect();
    assert_eq!(
        periods,
        ["Q2 2026", "Q1 2026", "Q4 2025"],
        "newest first, each call once"
    );
    assert_eq!(
        key(&mut lib, KeyCode::Enter),
        Step::Stay,
        "Enter shows her calls"
    );
    assert_eq!(lib.desk.analysts.lines.len(), 4);
    key(&mut lib, KeyCode::Down);
    key(&mut lib, KeyCode::Down);
    let Step::OpenAt(files, start) = key(&mut lib, KeyCode::Enter) else {
        panic!("Enter on a call opens it")
    };
    assert_eq!(files.len(), 2, "the Q1 pair opens aligned");
    assert_eq!(start, Start::Question(1));
    let call = Call::open_to_read(&files, &Options::default()).unwrap();
    let mut app = App::new(call.transcript, "test", 100, 30);
    assert!(app.start_at(&start));
    assert_eq!(app.current_question(), Some(1));
}

fn tandem(args: &[&str], config: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(args)
        .env("TANDEM_CONFIG_DIR", config)
        .output()
        .unwrap()
}

#[test]
fn search_and_speaker_from_the_command_line() {
    let config = tempfile::tempdir().unwrap();
    let dir = folder();
    let dir = dir.to_str().unwrap();
    let out = tandem(&["search", "TIDAL BEACON", dir, "--json"], config.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let hits: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let hits = hits.as_array().unwrap();
    assert_eq!(hits.len(), 3);
    for field in [
        "file", "company", "period", "turn", "block", "speaker", "question", "text",
    ] {
        assert!(hits[0].get(field).is_some(), "{field}");
    }
    assert_eq!(hits[0]["period"], "Q2 2026", "newest first");
    // Warm: the same answer from the index.
    let again = tandem(&["search", "TIDAL BEACON", dir, "--json"], config.path());
    assert_eq!(again.stdout, out.stdout);
    let lines = tandem(&["search", "藍灣燈塔", dir], config.path());
    let text = String::from_utf8(lines.stdout).unwrap();
    assert!(text.lines().count() >= 4, "{text}");
    assert!(
        text.lines()
            .all(|l| l.contains('\t') && l.starts_with("Harbor Lights"))
    );
    let speaker = tandem(&["search", "--speaker", "瑪拉·奎因", dir], config.path());
    let text = String::from_utf8(speaker.stdout).unwrap();
    let periods: Vec<&str> = text
        .lines()
        .map(|l| l.split(" · ").nth(3).unwrap())
        .collect();
    assert_eq!(
        periods,
        ["Q2 2026", "Q1 2026", "Q1 2026", "Q4 2025"],
        "{text}"
    );
    let none = tandem(&["search", "zzqqzz", dir], config.path());
    assert_eq!(
        none.status.code(),
        Some(1),
        "nothing found: exit 1, as grep"
    );
    assert!(none.stdout.is_empty());
}

/// The screen of `lib` at `w`x`h`, as text lines, and the buffer.
fn draw(lib: &mut Library, w: u16, h: u16) -> (Vec<String>, ratatui::buffer::Buffer) {
    let area = ratatui::layout::Rect::new(0, 0, w, h);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    tandem::library::view::render(&mut buf, area, lib);
    // Each cell's symbol, the cell after a wide character skipped.
    let lines = (0..h)
        .map(|y| {
            let mut line = String::new();
            let mut x = 0;
            while x < w {
                let sym = buf[(x, y)].symbol();
                line.push_str(sym);
                x += unicode_width::UnicodeWidthStr::width(sym).max(1) as u16;
            }
            line
        })
        .collect();
    (lines, buf)
}

#[test]
fn the_search_and_analysts_views_draw_their_lines_with_the_match_marked() {
    let config = tempfile::tempdir().unwrap();
    let mut lib = library(config.path());
    key(&mut lib, KeyCode::Tab);
    typed(&mut lib, "tidal");
    let mut desk = std::mem::take(&mut lib.desk);
    desk.run_search(&lib, Some(config.path()), None);
    lib.desk = desk;
    for (w, h) in [(80, 24), (160, 45)] {
        let (lines, buf) = draw(&mut lib, w, h);
        let first = &lines[2];
        assert!(
            first.starts_with(" Harbor Lights, Inc.")
                && first.contains(" · Q2 2026 · Priya Raman · Q2 · "),
            "{first}"
        );
        let at = first.find("tidal").expect("the match in view");
        let x = unicode_width::UnicodeWidthStr::width(&first[..at]) as u16;
        assert_eq!(
            buf[(x, 2)].style().bg,
            tandem::ui::theme::MATCH.bg,
            "the match marked"
        );
        assert!(
            lines[h as usize - 1].contains("Search every call: tidal"),
            "{}",
            lines[h as usize - 1]
        );
        assert!(lines[h as usize - 1].contains("3 texts"));
    }
    key(&mut lib, KeyCode::Tab);
    let mut desk = std::mem::take(&mut lib.desk);
    desk.gather_analysts(&lib);
    lib.desk = desk;
    typed(&mut lib, "瑪拉");
    key(&mut lib, KeyCode::Right);
    let (lines, _) = draw(&mut lib, 100, 20);
    assert!(
        lines[2].starts_with(" ▾ Mara Quinn (")
            && lines[2].contains("Birchfield Securities · 3 questions in 3 calls"),
        "{}",
        lines[2]
    );
    assert!(
        lines[4].contains("└ Harbor Lights, Inc. (蓝湾灯塔) · Q1 2026 · EN+ZH · Q1"),
        "{}",
        lines[4]
    );
}

#[test]
fn several_paths_list_as_one_library() {
    let config = tempfile::tempdir().unwrap();
    let dir = folder();
    let (q1, q2) = (dir.join("2026q1"), dir.join("2026q2"));
    let out = tandem(
        &["ls", q2.to_str().unwrap(), q1.to_str().unwrap()],
        config.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    // The bilingual Q2 call teaches the Chinese name the Q1 translation goes by.
    assert_eq!(rows.len(), 2, "{text}");
    assert!(
        rows.iter()
            .all(|r| r[0] == "Harbor Lights, Inc. (蓝湾灯塔)"),
        "{text}"
    );
    assert_eq!((rows[0][1], rows[1][1]), ("Q2 2026", "Q1 2026"));
    assert_eq!(rows[1][3], "EN+ZH");
    assert!(rows[1][5].contains(" + "), "the pair's two files: {text}");
}
