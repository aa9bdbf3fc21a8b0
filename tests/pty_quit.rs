//! End to end: the real binary in a pseudo-terminal opens a transcript, quits on `q`, and
//! leaves the terminal as it found it.

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// A small interleaved English/Chinese call.
const CALL: &str = "\
Acme Corp Q2 2026 Earnings Call

Operator
Good morning and welcome to the Acme second quarter call.
早上好，欢迎参加 Acme 第二季度电话会议。

Jane Doe - Chief Executive Officer
Revenue grew 12% to $1.2 billion this quarter.
本季度收入增长 12%，达到 12 亿美元。

Operator
Our first question comes from Ross Sandler with Barclays.
第一个问题来自巴克莱的 Ross Sandler。

Ross Sandler - Barclays
How is demand trending into the third quarter?
第三季度的需求趋势如何？

Jane Doe - Chief Executive Officer
Demand remains strong across all regions.
各地区需求依然强劲。
";

/// What the pty showed so far: the raw bytes (for terminal modes) and every distinct screen a
/// terminal emulator drew from them (for text, which the reader draws as cell diffs, so a
/// phrase is not always contiguous in the byte stream).
#[derive(Default)]
struct Seen {
    raw: Vec<u8>,
    screens: Vec<String>,
}

/// Output collected from the pty so far.
type Sink = Arc<Mutex<Seen>>;

impl Seen {
    fn shown(&self, needle: &str) -> bool {
        self.screens.iter().any(|s| s.contains(needle))
    }
}

/// Feeds the pty's output into `sink` until the pty closes.
fn collect(mut reader: Box<dyn Read + Send>, sink: Sink) {
    std::thread::spawn(move || {
        let size = |n| std::num::NonZeroU16::new(n).expect("non-zero");
        let mut term = vt100::Parser::new(size(24), size(80), 0);
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            term.process(&buf[..n]);
            let screen = term.screen().contents();
            let mut seen = sink.lock().unwrap();
            seen.raw.extend_from_slice(&buf[..n]);
            if seen.screens.last() != Some(&screen) {
                seen.screens.push(screen);
            }
        }
    });
}

/// Waits until a screen showed `needle` (or the time runs out).
fn wait_for(out: &Sink, needle: &str, limit: Duration) -> bool {
    let start = Instant::now();
    while start.elapsed() < limit {
        if out.lock().unwrap().shown(needle) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

/// The last screen drawn, for failure messages.
fn last_screen(out: &Sink) -> String {
    out.lock()
        .unwrap()
        .screens
        .last()
        .cloned()
        .unwrap_or_default()
}

/// The reader's run in a pty: exit status and everything it wrote.
struct Run {
    success: bool,
    /// The exit code.
    code: u32,
    /// The raw bytes written, for terminal modes.
    output: String,
    /// Every distinct screen drawn, in order.
    screens: Vec<String>,
}

impl Run {
    fn shown(&self, needle: &str) -> bool {
        self.screens.iter().any(|s| s.contains(needle))
    }
}

/// Runs the reader on `file` in an 80x24 pty, waits for `ready`, types `keys`, waits for exit.
fn run(file: &Path, config: &Path, ready: &str, keys: &[u8]) -> Run {
    run_then(file, config, ready, Then::Keys(keys))
}

/// What to do once the reader is ready.
enum Then<'a> {
    Keys(&'a [u8]),
    /// Type the first keys, wait for the text to appear, then type the last keys.
    KeysUntil(&'a [u8], &'a str, &'a [u8]),
    Signal(&'a str),
    /// Type keys, wait for the text to appear, then send the signal.
    KeysThenSignal(&'a [u8], &'a str, &'a str),
}

/// Types `keys` one by one.
fn type_keys(writer: &mut dyn Write, keys: &[u8]) {
    for k in keys {
        writer.write_all(&[*k]).unwrap();
        writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Runs the reader on `file` in an 80x24 pty, waits for `ready`, does `then`, waits for exit.
fn run_then(file: &Path, config: &Path, ready: &str, then: Then) -> Run {
    run_args_then(&[file.as_os_str()], config, ready, then)
}

/// Runs tandem with `args` in an 80x24 pty, waits for `ready`, does `then`, waits for exit.
fn run_args_then(args: &[&OsStr], config: &Path, ready: &str, then: Then) -> Run {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_tandem"));
    cmd.args(args);
    cmd.env("TANDEM_CONFIG_DIR", config);
    cmd.env("TERM", "xterm-256color");
    // In the test's directory, so that what tandem writes to the current directory (a rescue
    // copy of bookmarks) stays there.
    let cwd = config
        .ancestors()
        .find(|d| d.is_dir())
        .expect("a directory");
    cmd.cwd(cwd);
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let out: Sink = Arc::default();
    collect(pair.master.try_clone_reader().unwrap(), Arc::clone(&out));
    let drawn = wait_for(&out, ready, Duration::from_secs(20));
    assert!(
        drawn,
        "the reader never showed {ready:?}:\n{}",
        last_screen(&out)
    );
    let mut writer = pair.master.take_writer().unwrap();
    match then {
        Then::Keys(keys) => type_keys(&mut writer, keys),
        Then::KeysUntil(first, shown, last) => {
            type_keys(&mut writer, first);
            let seen = wait_for(&out, shown, Duration::from_secs(20));
            assert!(seen, "never showed {shown:?}:\n{}", last_screen(&out));
            type_keys(&mut writer, last);
        }
        Then::Signal(sig) => send(&*child, sig),
        Then::KeysThenSignal(keys, shown, sig) => {
            type_keys(&mut writer, keys);
            let seen = wait_for(&out, shown, Duration::from_secs(20));
            assert!(seen, "never showed {shown:?}:\n{}", last_screen(&out));
            send(&*child, sig);
        }
    }
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the reader did not quit"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    // The child has exited; give the collector a moment to read what is left in the pty.
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(5)
        && !out
            .lock()
            .unwrap()
            .raw
            .windows(6)
            .any(|w| w == b"\x1b[?25h")
    {
        std::thread::sleep(Duration::from_millis(50));
    }
    let seen = out.lock().unwrap();
    Run {
        success: status.success(),
        code: status.exit_code(),
        output: String::from_utf8_lossy(&seen.raw).into_owned(),
        screens: seen.screens.clone(),
    }
}

/// Sends signal `sig` (`TERM`, `HUP`, …) to the child.
fn send(child: &(dyn portable_pty::Child + Send + Sync), sig: &str) {
    let pid = child.process_id().expect("child pid").to_string();
    let killed = std::process::Command::new("kill")
        .args(["-s", sig, &pid])
        .status();
    assert!(killed.unwrap().success(), "kill -s {sig}");
}

/// Checks that every mode the reader turned on was turned off after it was turned on.
fn assert_restored(output: &str) {
    let entered = output
        .rfind("\x1b[?1049h")
        .expect("entered the alternate screen");
    let left = output
        .rfind("\x1b[?1049l")
        .expect("left the alternate screen");
    assert!(
        left > entered,
        "the alternate screen is left after it was entered"
    );
    for off in ["\x1b[?25h", "\x1b[?1000l", "\x1b[?2004l"] {
        assert!(output[entered..].contains(off), "mode turned off: {off:?}");
    }
}

#[test]
fn quitting_with_q_exits_0_restores_the_terminal_and_remembers_the_place() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("call.txt");
    std::fs::write(&file, CALL).unwrap();
    let config = dir.path().join("config");
    let first = run(&file, &config, "turn 1/", b"}}q");
    assert!(first.success, "exit status 0");
    assert_restored(&first.output);
    let saved = std::fs::read_to_string(config.join("positions.json")).expect("position saved");
    assert!(saved.contains("\"turn\": 2"), "two turns on: {saved}");
    let second = run(&file, &config, "Reopened", b"q");
    assert!(second.success);
    assert_restored(&second.output);
    assert!(second.shown("turn 3/"), "reopened at the third turn");
}

#[test]
fn a_file_that_is_not_a_call_is_refused_without_touching_the_screen() {
    // The screen is prepared while the file is read: nothing of it may show when the file
    // turns out not to be a call.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "Shopping list\n\nmilk, eggs and bread\n").unwrap();
    let config = dir.path().join("config");
    let run = run(&file, &config, "no speaker turns", b"");
    assert!(!run.success, "a refused file exits non-zero");
    for mode in ["\x1b[?1049h", "\x1b[?2004h", "\x1b[?25l"] {
        assert!(!run.output.contains(mode), "no mode turned on: {mode:?}");
    }
    assert!(!config.join("recent.json").exists(), "not remembered");
}

#[test]
fn every_ending_signal_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("call.txt");
    std::fs::write(&file, CALL).unwrap();
    let signals = [
        ("TERM", 143),
        ("HUP", 129),
        ("INT", 130),
        ("QUIT", 131),
        ("USR1", 128 + 10),
        ("USR2", 128 + 12),
    ];
    for (sig, code) in signals {
        let r = run_then(
            &file,
            &dir.path().join("config"),
            "turn 1/",
            Then::Signal(sig),
        );
        assert_restored(&r.output);
        assert_eq!(r.code, code, "exit code 128 + SIG{sig}");
    }
}

#[test]
fn ctrl_z_gives_the_terminal_back_then_takes_it_again() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("call.txt");
    std::fs::write(&file, CALL).unwrap();
    // The pty has no job control, so the stop signal is ignored and the reader goes on: the
    // terminal is restored, then the reader's modes come back and it draws again.
    let then = Then::KeysUntil(b"}\x1a", "turn 2/", b"q");
    let r = run_then(&file, &dir.path().join("config"), "turn 1/", then);
    assert!(r.success, "exit code {}: {:?}", r.code, r.screens.last());
    let first = r.output.find("\x1b[?1049h").unwrap();
    let left = r.output[first..]
        .find("\x1b[?1049l")
        .expect("left for the shell")
        + first;
    let back = r.output[left..].find("\x1b[?1049h").expect("came back") + left;
    assert!(
        r.output[back..].contains("turn 2/"),
        "drawn again, at the same place"
    );
    assert_restored(&r.output);
}

#[test]
fn without_a_terminal_the_call_is_printed_as_text_and_piped_input_is_the_call() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("call.txt");
    std::fs::write(&file, CALL).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tandem"))
        .arg(&file)
        .env("TANDEM_CONFIG_DIR", dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !text.contains('\x1b'),
        "no escape sequences written to a pipe"
    );
    for want in [
        "── Questions and answers ──",
        "Q1 · Ross Sandler · Barclays",
        "Demand remains strong across all regions.",
        "    各地区需求依然强劲。",
    ] {
        assert!(text.contains(want), "{want} in:\n{text}");
    }
    // `cat call.txt | tandem`: standard input is the call, not the built-in sample.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_tandem"))
        .env("TANDEM_CONFIG_DIR", dir.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(CALL.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Acme Corp"), "{text}");
}

#[test]
fn print_writes_markdown_with_headings_and_quoted_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("call.txt");
    std::fs::write(&file, CALL).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["print", "--format", "markdown"])
        .arg(&file)
        .env("TANDEM_CONFIG_DIR", dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# Acme Corp"), "{md}");
    for want in [
        "## Questions and answers",
        "### Q1 · Ross Sandler · Barclays",
        "**Jane Doe · Chief Executive Officer",
        "> 各地区需求依然强劲。",
    ] {
        assert!(md.contains(want), "{want} in:\n{md}");
    }
}

#[test]
fn print_writes_one_html_page_side_by_side_with_wrong_figures_marked() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("call.txt");
    // The Chinese says 1.2 billion is 120 million (亿 slipped to 千万), and carries markup.
    let call = CALL
        .replace("达到 12 亿美元", "达到 12 千万美元")
        .replace("各地区需求依然强劲。", "各地区需求<依然>强劲。");
    std::fs::write(&file, call).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["print", "--format", "html"])
        .arg(&file)
        .env("TANDEM_CONFIG_DIR", dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.trim_end().ends_with("</html>"));
    for want in [
        "<title>Acme Corp Q2 2026 Earnings Call</title>",
        "<body class=\"both\">",
        "<a href=\"#q1\">Q1 · Ross Sandler · Barclays</a>",
        "<h3 id=\"q1\">Q1 · Ross Sandler · Barclays</h3>",
        "<section class=\"turn analyst\">",
        "<p class=\"who\">Jane Doe · Chief Executive Officer · Acme Corp</p>",
        "<p lang=\"en\">Demand remains strong across all regions.</p><p lang=\"zh\">各地区需求&lt;依然&gt;强劲。</p>",
        "1 figure</mark> in the Chinese disagrees",
    ] {
        assert!(html.contains(want), "{want} in:\n{html}");
    }
    // The wrong figure is marked in both languages, with the reason on the Chinese side.
    let zh = html
        .find("达到 <mark class=\"bad\" title=\"scale")
        .expect("the Chinese marked");
    assert!(html[zh..].contains(">12 千万美元</mark>"), "{html}");
    assert!(html.contains(">$1.2 billion</mark>"), "{html}");
    // Self-contained: nothing fetched, nothing run.
    for never in ["<script", "<link", "src=", "@import", "http://", "https://"] {
        assert!(!html.contains(never), "{never} in the page");
    }
}

#[test]
fn closing_the_terminal_ends_the_reader() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("call.txt");
    std::fs::write(&file, CALL).unwrap();
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_tandem"));
    cmd.arg(&file);
    cmd.env("TANDEM_CONFIG_DIR", dir.path());
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    // Read until the first frame is drawn, then close every handle on the pty's master side.
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    while !seen.windows(7).any(|w| w == b"turn 1/") {
        let n = reader.read(&mut buf).unwrap();
        assert!(n > 0, "the reader drew nothing");
        seen.extend_from_slice(&buf[..n]);
    }
    drop(reader);
    drop(pair.master);
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(10) {
            child.kill().unwrap();
            panic!("the reader kept running after its terminal closed");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_position_that_cannot_be_saved_is_reported_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("call.txt");
    std::fs::write(&file, CALL).unwrap();
    // The config "directory" is a plain file: every save fails.
    let then = Then::KeysUntil(b"}", "not saved", b"q");
    let r = run_then(&file, &file, "Prepared remarks", then);
    assert!(r.success, "the reader still exits 0");
    assert_restored(&r.output);
    assert!(
        r.shown("tandem: warning: reading position not saved"),
        "said again on exit, though the place did not change after the failure"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        CALL,
        "nothing overwritten"
    );
}

#[test]
fn a_bookmark_with_a_note_is_saved_and_shown_when_the_call_reopens() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("call.txt");
    std::fs::write(&file, CALL).unwrap();
    let config = dir.path().join("config");
    // Next turn, bookmark it, write a note, Ctrl-s saves it, quit.
    let first = run(&file, &config, "turn 1/", b"}bmRevenue +12%\x13q");
    assert!(first.success);
    assert_restored(&first.output);
    let saved = std::fs::read_to_string(config.join("bookmarks.json")).expect("bookmarks saved");
    let store: serde_json::Value = serde_json::from_str(&saved).unwrap();
    let marks = store["bookmarks"].as_array().unwrap();
    assert_eq!(marks.len(), 1, "{saved}");
    assert_eq!(marks[0]["note"], "Revenue +12%");
    assert_eq!(marks[0]["speaker"], "Jane Doe");
    let second = run(&file, &config, "Reopened", b"q");
    assert!(second.success);
    assert!(second.shown("bookmarked"), "the status line says so");
    assert!(second.shown("\u{258c}"), "the gutter mark is drawn");
}

#[test]
fn a_note_being_written_when_the_terminal_hangs_up_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("call.txt");
    std::fs::write(&file, CALL).unwrap();
    let config = dir.path().join("config");
    // Next turn, open the note editor, write, and the SSH connection drops (SIGHUP).
    let r = run_then(
        &file,
        &config,
        "turn 1/",
        Then::KeysThenSignal(b"}mDraft about revenue", "Draft about revenue", "HUP"),
    );
    assert_restored(&r.output);
    assert_eq!(r.code, 129);
    let saved = std::fs::read_to_string(config.join("bookmarks.json")).expect("bookmarks saved");
    let store: serde_json::Value = serde_json::from_str(&saved).unwrap();
    let marks = store["bookmarks"].as_array().unwrap();
    assert_eq!(marks.len(), 1, "{saved}");
    assert_eq!(marks[0]["note"], "Draft about revenue");
}

#[test]
fn the_library_lists_a_folder_opens_a_call_and_comes_back_on_q() {
    let dir = tempfile::tempdir().unwrap();
    let calls = dir.path().join("calls");
    std::fs::create_dir_all(calls.join("2026")).unwrap();
    std::fs::write(calls.join("2026/acme.txt"), CALL).unwrap();
    std::fs::write(calls.join("list.txt"), "Shopping list\n- milk\n- eggs\n").unwrap();
    let config = dir.path().join("config");
    // Open the call with Enter, quit the reader with q (back to the list), quit with q.
    let then = Then::KeysUntil(b"acme\r", "Prepared remarks", b"q\x03");
    let r = run_then(&calls, &config, "1 file skipped", then);
    assert!(r.success, "exit status 0");
    assert_restored(&r.output);
    let reader_at = r
        .screens
        .iter()
        .rposition(|s| s.contains("Prepared remarks"))
        .unwrap();
    assert!(
        r.screens[reader_at + 1..]
            .iter()
            .any(|s| s.contains("Library")),
        "the list is drawn again after the reader"
    );
    assert!(
        config.join("library-cache.json").exists(),
        "metadata cached"
    );
}

#[test]
fn recent_files_list_the_calls_read_before_most_recent_first() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let first = dir.path().join("first.txt");
    let second = dir.path().join("second.txt");
    std::fs::write(&first, CALL).unwrap();
    std::fs::write(&second, CALL.replace("Acme Corp", "Zenith Ltd")).unwrap();
    for file in [&first, &second] {
        assert!(run(file, &config, "turn 1/", b"q").success);
    }
    // The list: the last call read on top and selected; Enter reads it, q comes back, q quits.
    let then = Then::KeysUntil(b"\r", "Prepared remarks", b"q\x03");
    let r = run_args_then(&[OsStr::new("--recent")], &config, "Recent · 2 calls", then);
    assert!(r.success, "exit status 0");
    assert_restored(&r.output);
    let list = r
        .screens
        .iter()
        .find(|s| s.contains("Recent · 2 calls"))
        .unwrap();
    let (zenith, acme) = (
        list.find("Zenith Ltd").unwrap(),
        list.find("Acme Corp").unwrap(),
    );
    assert!(zenith < acme, "most recent first:\n{list}");
    // The last screen of the reader, drawn whole.
    let read = r
        .screens
        .iter()
        .rev()
        .find(|s| s.contains("Prepared remarks"))
        .unwrap();
    assert!(
        read.contains("Zenith Ltd"),
        "the selected call opened:\n{read}"
    );
}

#[test]
fn two_english_files_open_the_first_with_a_banner_saying_why() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    let english: String = CALL
        .lines()
        .filter(|l| l.is_ascii())
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&a, &english).unwrap();
    std::fs::write(&b, english.replace("Acme Corp", "Zenith Ltd")).unwrap();
    let args = [a.as_os_str(), b.as_os_str()];
    let config = dir.path().join("config");
    let r = run_args_then(&args, &config, "both files in English", Then::Keys(b"\x03"));
    assert!(r.success, "the reader opens and quits normally");
    assert_restored(&r.output);
    assert!(
        r.shown("Showing a.txt alone: both files in English"),
        "the whole banner fits in 80 columns"
    );
    assert!(
        r.shown("Acme Corp") && !r.shown("Zenith Ltd"),
        "the first file"
    );
    let last = r.screens.last().unwrap();
    assert!(
        last.contains("tandem: warning: Showing a.txt alone: both files in English"),
        "said again on exit: {last}"
    );
}

#[test]
fn an_invalid_settings_file_is_reported_in_the_reader_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("call.txt");
    std::fs::write(&file, CALL).unwrap();
    let config = dir.path().join("config");
    std::fs::create_dir_all(&config).unwrap();
    let bad = "theme = \"blue\"\n";
    std::fs::write(config.join("config.toml"), bad).unwrap();
    let r = run(&file, &config, "config.toml: line 1, column 9", b"q");
    assert!(r.success, "the reader ran with the defaults and quit on q");
    assert_restored(&r.output);
    let kept = std::fs::read_to_string(config.join("config.toml")).unwrap();
    assert_eq!(kept, bad, "the file is never rewritten");
}

#[test]
fn settings_turn_the_mouse_off_and_rebind_keys() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("call.txt");
    std::fs::write(&file, CALL).unwrap();
    let config = dir.path().join("config");
    std::fs::create_dir_all(&config).unwrap();
    let settings = "mouse = false\n[keys]\nquit = \"x\"\n";
    std::fs::write(config.join("config.toml"), settings).unwrap();
    let r = run(&file, &config, "turn 1/", b"qx");
    assert!(r.success, "x quits; q no longer does");
    assert!(!r.output.contains("\x1b[?1000h"), "mouse capture stays off");
    let on = run(&file, &dir.path().join("other"), "turn 1/", b"q");
    assert!(on.output.contains("\x1b[?1000h"), "on by default");
}

/// The files in `dir` whose names start with `prefix`, as full paths.
fn files_starting(dir: &Path, prefix: &str) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .collect()
}

/// What was written after the reader left the alternate screen (standard error's last
/// words), with the pty's line ends made plain.
fn after_reader(output: &str) -> String {
    let left = output
        .rfind("\x1b[?1049l")
        .expect("left the alternate screen");
    output[left..].replace("\r\n", "\n")
}

#[test]
fn unsaved_bookmarks_are_reported_on_exit_with_the_rescue_files_full_path() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("call.txt");
    std::fs::write(&file, CALL).unwrap();
    // The config directory is under a plain file: bookmarks cannot be saved.
    let blocker = dir.path().join("file.dat");
    std::fs::write(&blocker, "not a directory").unwrap();
    let config = blocker.join("cfg");
    let then = Then::KeysUntil(b"}bq", "q again quits", b"q");
    let r = run_then(&file, &config, "Prepared remarks", then);
    assert!(r.success, "the second q quits");
    assert_restored(&r.output);
    let copies = files_starting(dir.path(), "tandem-bookmarks-unsaved-");
    assert_eq!(copies.len(), 1, "one rescue copy, in the current directory");
    let said = after_reader(&r.output);
    let warning = format!(
        "tandem: warning: bookmarks not saved (cannot create {}: ",
        config.display()
    );
    assert!(said.contains(&warning), "{said:?}");
    let tail = format!("); all 1 are in {}\n", copies[0].display());
    assert!(said.contains(&tail), "the full path: {said:?}");
    assert_eq!(
        said.matches("bookmarks not saved").count(),
        1,
        "once: {said:?}"
    );
}

#[test]
fn a_bookmarks_file_moved_aside_is_reported_on_exit_with_its_full_path() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("call.txt");
    std::fs::write(&file, CALL).unwrap();
    let config = dir.path().join("config");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("bookmarks.json"), "{ not json").unwrap();
    let r = run(&file, &config, "Prepared remarks", b"q");
    assert!(r.success);
    assert_restored(&r.output);
    let aside = files_starting(&config, "bookmarks.json.corrupt-");
    assert_eq!(aside.len(), 1);
    let said = after_reader(&r.output);
    let warning = format!(
        "tandem: warning: unreadable bookmarks file moved to {}; bookmarks start afresh (",
        aside[0].display()
    );
    assert!(said.contains(&warning), "{said:?}");
    assert_eq!(
        said.matches("tandem: warning:").count(),
        1,
        "once: {said:?}"
    );
}

#[test]
fn the_library_reports_a_bookmarks_file_moved_aside_when_it_quits() {
    let dir = tempfile::tempdir().unwrap();
    let calls = dir.path().join("calls");
    std::fs::create_dir_all(&calls).unwrap();
    std::fs::write(calls.join("acme.txt"), CALL).unwrap();
    let config = dir.path().join("config");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("bookmarks.json"), "{ not json").unwrap();
    // The library moves the file aside as it counts bookmarks, and says so.
    let then = Then::KeysUntil(b"acme\r", "Prepared remarks", b"q\x03");
    let r = run_then(&calls, &config, "Unreadable bookmarks file moved", then);
    assert!(r.success);
    assert_restored(&r.output);
    let aside = files_starting(&config, "bookmarks.json.corrupt-");
    assert_eq!(aside.len(), 1);
    let said = after_reader(&r.output);
    let warning = format!(
        "tandem: warning: unreadable bookmarks file moved to {}",
        aside[0].display()
    );
    assert!(said.contains(&warning), "{said:?}");
}

#[test]
fn a_panic_in_the_library_loader_is_reported_and_the_library_still_quits_on_q() {
    if !cfg!(debug_assertions) {
        // The loader panics on purpose only in debug builds.
        eprintln!("SKIPPED: needs a debug build");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let calls = dir.path().join("calls");
    std::fs::create_dir_all(&calls).unwrap();
    std::fs::write(calls.join("acme.txt"), CALL).unwrap();
    std::fs::write(calls.join("tandem-loader-panic.txt"), CALL).unwrap();
    let config = dir.path().join("config");
    let then = Then::Keys(b"\x03");
    let r = run_then(
        &calls,
        &config,
        "Loading stopped by an internal error",
        then,
    );
    assert!(r.success, "q still quits");
    assert_restored(&r.output);
    let after = after_reader(&r.output);
    assert!(
        after.contains("loading stopped by an internal error (loader panic for a test, at src/library/loader.rs:"),
        "said on exit: {after}"
    );
    assert!(!after.contains("panicked at"), "no raw panic text: {after}");
}

#[test]
fn a_bookmark_made_while_another_reader_holds_the_lock_survives_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("call.txt");
    std::fs::write(&file, CALL).unwrap();
    let config = dir.path().join("config");
    std::fs::create_dir_all(&config).unwrap();
    // Another tandem is in the middle of a save (and stays there).
    let held = tandem::persist::lock(&config.join("bookmarks.json"), Duration::from_secs(1))
        .expect("the test takes the lock");
    let then = Then::KeysThenSignal(b"}b", "not saved", "TERM");
    let r = run_then(&file, &config, "turn 1/", then);
    drop(held);
    assert_restored(&r.output);
    assert_eq!(r.code, 143);
    let copies = files_starting(&config, "tandem-bookmarks-unsaved-");
    assert_eq!(
        copies.len(),
        1,
        "a rescue copy: {:?}",
        after_reader(&r.output)
    );
    let said = after_reader(&r.output);
    assert!(said.contains(&copies[0].display().to_string()), "{said}");
    let copy = std::fs::read_to_string(&copies[0]).unwrap();
    assert!(copy.contains("Jane Doe"), "{copy}");
}

#[test]
fn j_shows_every_line_of_a_paragraph_taller_than_the_screen() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("long.txt");
    let points: Vec<String> = (1..=45).map(|i| format!("Point {i:02} stands.")).collect();
    let long = CALL.replace(
        "Revenue grew 12% to $1.2 billion this quarter.",
        &points.join(" "),
    );
    std::fs::write(&file, long).unwrap();
    let keys = [b'j'; 40];
    let r = run(
        &file,
        &dir.path().join("config"),
        "turn 1/",
        &[&keys[..], b"q"].concat(),
    );
    assert!(r.success);
    for p in &points {
        assert!(r.shown(p), "{p} never on screen");
    }
}

#[test]
fn ctrl_o_after_a_question_jump_returns_to_the_same_screen() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("call.txt");
    std::fs::write(&file, CALL).unwrap();
    let then = Then::KeysUntil(b"]", "Q1/1", b"\x0fq");
    let r = run_then(&file, &dir.path().join("config"), "turn 1/", then);
    assert!(r.success);
    // Screens are drawn top to bottom: one with the opening's top line and its status line
    // is the opening screen whole.
    let opening = |s: &&String| {
        s.contains("turn 1/")
            && s.lines()
                .next()
                .is_some_and(|l| l.contains("Prepared remarks"))
    };
    let jumped = r.screens.iter().position(|s| s.contains("Q1/1")).unwrap();
    let before = r.screens[..jumped]
        .iter()
        .rev()
        .find(opening)
        .expect("the opening screen");
    let after = r
        .screens
        .iter()
        .rev()
        .find(|s| s.contains("turn 1/"))
        .unwrap();
    let text = |s: &str| s.lines().map(str::trim_end).collect::<Vec<_>>().join("\n");
    assert_eq!(text(before), text(after), "back to the same screen");
}

#[test]
fn i_shows_every_analyst_with_firm() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("call.txt");
    std::fs::write(&file, CALL).unwrap();
    let then = Then::KeysUntil(b"i", "Call overview", b"\x1bq");
    let r = run_then(&file, &dir.path().join("config"), "turn 1/", then);
    assert!(r.success);
    let overview = r
        .screens
        .iter()
        .rev()
        .find(|s| s.contains("Call overview") && s.contains("Analysts"))
        .expect("the overview drawn");
    let line = overview
        .lines()
        .find(|l| l.contains("Ross Sandler"))
        .unwrap_or_else(|| panic!("the analyst:\n{overview}"));
    assert!(line.contains("Barclays") && line.contains("Q1"), "{line}");
}

#[test]
fn a_search_typed_in_a_long_call_is_counted_when_typing_pauses() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("long.txt");
    let turn = "Jane Doe - Chief Executive Officer\n\
        Revenue grew 12% to $1.2 billion this quarter, and demand held in every region.\n\
        本季度收入增长 12%，达到 12 亿美元，每个地区的需求都保持稳定。\n\n\
        Ross Sandler - Barclays\nThank you. How is demand trending into the third quarter?\n\
        谢谢。第三季度的需求趋势如何？\n\n";
    // Over a megabyte and a half, names aside: too long to search whole at each keystroke.
    let turns = (3 << 19) / turn.len() + 1;
    let mut text = String::from("Acme Corp Q2 2026 Earnings Call\n\n");
    text.push_str(&turn.repeat(turns));
    std::fs::write(&file, text).unwrap();
    let config = dir.path().join("config");
    let counted = format!("1/{turns}");
    let r = run_then(
        &file,
        &config,
        "turn 1/",
        Then::KeysUntil(b"/revenue", &counted, b"\x1bq"),
    );
    assert!(r.success);
    assert_restored(&r.output);
    let typing = r.screens.iter().position(|s| {
        s.lines()
            .any(|l| l.starts_with(" / revenue") && l.trim_end().ends_with(" …"))
    });
    let done = r.screens.iter().position(|s| s.contains(&counted));
    assert!(
        matches!((typing, done), (Some(a), Some(b)) if a < b),
        "the count shows once typing stops, not before"
    );
}
