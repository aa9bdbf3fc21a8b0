//! `tandem bookmarks list|export` as a process: snapshots of every format, the output file
//! rules (no overwrite without --force, exit 2), and `--transcript` limiting to one call.

mod ui_support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use insta::assert_snapshot;
use tandem::bookmarks::{Bookmark, CallRef, Store};
use tandem::transcript::{Block, Transcript};

/// A bookmark with fixed id and times, so exports are stable.
fn fixed(t: &Transcript, file: &str, at: (usize, usize), n: u32, note: &str) -> Bookmark {
    let call = CallRef::new(t, &[PathBuf::from(file)]);
    let mut b = Bookmark::new(t, &call, at.0, at.1).expect("a paragraph");
    b.id = format!("0000000000{n}-fixed");
    b.created = format!("2026-10-29T14:0{n}:00.000Z");
    b.updated = b.created.clone();
    b.note = note.into();
    b
}

/// A second call: another title and period, one paragraph changed.
fn other_call() -> Transcript {
    let mut t = ui_support::call();
    t.title = Some("Brightkeel Q4 2026 Earnings Call".into());
    t.period = Some("Q4 2026".into());
    t.turns[2].blocks[0] = Block::Para {
        en: Some("Operating income was $905 million, or \"record\", up 11%.".into()),
        zh: Some("营业利润为 9.05 亿美元，创纪录，增长 11%。".into()),
    };
    t
}

/// A config directory holding bookmarks in two calls.
fn config() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let (q3, q4) = (ui_support::call(), other_call());
    let (mut store, _) = Store::open(dir.path());
    let marks = [
        fixed(&q4, "/calls/q4.txt", (2, 0), 1, "=HYPERLINK(\"http://x\")"),
        fixed(
            &q3,
            "/calls/q3.txt",
            (5, 1),
            2,
            "Supply by mid-year.\nCheck next quarter.",
        ),
        fixed(&q3, "/calls/q3.txt", (1, 0), 3, "Harbor, 12,000 customers"),
        // The analyst's own question: labelled without the analyst's name a second time.
        fixed(&q3, "/calls/q3.txt", (4, 0), 4, ""),
    ];
    for b in marks {
        store.put(b).unwrap();
    }
    dir
}

/// Runs `tandem bookmarks ARGS` with `config` as the config directory.
fn tandem(config: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tandem"))
        .arg("bookmarks")
        .args(args)
        .env("TANDEM_CONFIG_DIR", config)
        .output()
        .unwrap()
}

/// Standard output of a successful run.
fn stdout(out: Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn markdown_export() {
    let dir = config();
    assert_snapshot!(stdout(tandem(dir.path(), &["export", "--format", "md"])));
}

#[test]
fn json_export() {
    let dir = config();
    let text = stdout(tandem(dir.path(), &["export", "--format", "json"]));
    let parsed: Vec<Bookmark> = serde_json::from_str(&text).unwrap();
    assert_eq!(parsed.len(), 4, "the full records read back");
    assert_snapshot!(text);
}

#[test]
fn csv_export() {
    let dir = config();
    let text = stdout(tandem(dir.path(), &["export", "--format", "csv"]));
    assert!(
        text.contains("\"'=HYPERLINK(\"\"http://x\"\")\""),
        "guarded: {text}"
    );
    assert_snapshot!(text);
}

#[test]
fn list() {
    let dir = config();
    assert_snapshot!(stdout(tandem(dir.path(), &["list"])));
}

#[test]
fn an_existing_output_file_needs_force() {
    let dir = config();
    let out = dir.path().join("marks.csv");
    let out_s = out.to_str().unwrap();
    let first = tandem(dir.path(), &["export", "--format", "csv", "-o", out_s]);
    assert!(first.status.success());
    assert!(String::from_utf8_lossy(&first.stderr).contains("Exported 4 bookmarks"));
    std::fs::write(&out, "keep me").unwrap();
    let again = tandem(dir.path(), &["export", "--format", "md", "--output", out_s]);
    assert_eq!(again.status.code(), Some(2));
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(
        err.contains("already exists") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    let forced = tandem(
        dir.path(),
        &["export", "--format", "md", "-o", out_s, "--force"],
    );
    assert!(forced.status.success());
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .starts_with("# Bookmarks")
    );
}

#[test]
fn transcript_limits_the_export_to_that_call() {
    let dir = config();
    let file = dir.path().join("acme.txt");
    std::fs::write(&file, include_str!("../assets/sample.txt")).unwrap();
    let t = tandem::call::load(&file, &tandem::call::Options::default()).unwrap();
    let mut store = Store::open(dir.path()).0;
    store
        .put(fixed(&t, file.to_str().unwrap(), (1, 0), 5, "sample"))
        .unwrap();
    let moved = dir.path().join("copy.txt");
    std::fs::copy(&file, &moved).unwrap();
    let text = stdout(tandem(
        dir.path(),
        &[
            "export",
            "--format",
            "json",
            "--transcript",
            moved.to_str().unwrap(),
        ],
    ));
    let only: Vec<Bookmark> = serde_json::from_str(&text).unwrap();
    assert_eq!(only.len(), 1, "matched by text, wherever the file is now");
    assert_eq!(only[0].note, "sample");
    let all = stdout(tandem(dir.path(), &["list"]));
    assert_eq!(all.matches("    Note:").count(), 4, "{all}");
}

#[test]
fn an_empty_store_lists_nothing_and_a_missing_transcript_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(stdout(tandem(dir.path(), &["list"])), "No bookmarks.\n");
    let out = tandem(
        dir.path(),
        &["list", "--transcript", "/nonexistent/call.txt"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/call.txt"));
}

#[test]
fn the_analysts_own_paragraph_has_no_dangling_comma() {
    let dir = config();
    let md = stdout(tandem(dir.path(), &["export", "--format", "md"]));
    assert!(md.contains("\n*Q&A · Q1 · Barclays*\n"), "{md}");
    let list = stdout(tandem(dir.path(), &["list"]));
    assert!(
        list.contains("  Ross Sandler · Q&A · Q1 · Barclays\n"),
        "{list}"
    );
    assert!(!md.contains("Q1, ") && !list.contains("Q1, "), "{md}{list}");
}

/// A call as an English file and a Chinese file (generated from the sample), in `dir`.
fn pair(dir: &Path) -> (PathBuf, PathBuf) {
    let case = tandem::align::eval::split(&tandem::call::load_sample(), 7);
    let (en, zh) = (dir.join("en.txt"), dir.join("zh.txt"));
    std::fs::write(&en, &case.en_text).unwrap();
    std::fs::write(&zh, &case.zh_text).unwrap();
    (en, zh)
}

/// The notes of the bookmarks `tandem bookmarks export --format json ARGS` gives, run in
/// `cwd`.
fn notes_in(config: &Path, cwd: &Path, args: &[&str]) -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["bookmarks", "export", "--format", "json"])
        .args(args)
        .env("TANDEM_CONFIG_DIR", config)
        .current_dir(cwd)
        .output()
        .unwrap();
    let marks: Vec<Bookmark> = serde_json::from_str(&stdout(out)).unwrap();
    marks.into_iter().map(|b| b.note).collect()
}

#[test]
fn transcript_takes_a_pair_or_either_file_of_it() {
    let dir = config();
    let calls = tempfile::tempdir().unwrap();
    let (en, zh) = pair(calls.path());
    // A bookmark made as the reader makes it on `tandem en.txt zh.txt`.
    let (t, files, banner) = {
        let c = tandem::call::Call::open_to_read(&[en.clone(), zh.clone()], &Default::default())
            .unwrap();
        (c.transcript, c.files, c.banner)
    };
    assert_eq!(banner, None, "the pair aligns");
    assert!(t.is_bilingual());
    let call = CallRef::new(&t, &files);
    let mut b = Bookmark::new(&t, &call, 1, 0).expect("a paragraph");
    b.note = "on the pair".into();
    Store::open(dir.path()).0.put(b).unwrap();
    let only = vec!["on the pair".to_string()];
    let cwd = calls.path();
    let config = dir.path();
    let absolute = en.display().to_string();
    for args in [
        &["--transcript", "en.txt"][..],
        &["--transcript", "zh.txt"],
        &["--transcript", "en.txt", "zh.txt"],
        &["--transcript", "zh.txt", "--transcript", "./en.txt"],
        &["--transcript", &absolute],
    ] {
        assert_eq!(notes_in(config, cwd, args), only, "{args:?}");
    }
    // The other calls' bookmarks are not the pair's.
    let sample = calls.path().join("sample.txt");
    std::fs::write(&sample, tandem::call::SAMPLE).unwrap();
    assert!(notes_in(config, cwd, &["--transcript", "sample.txt"]).is_empty());
    let three = tandem(
        config,
        &[
            "list",
            "--transcript",
            en.to_str().unwrap(),
            zh.to_str().unwrap(),
            "--transcript",
            sample.to_str().unwrap(),
        ],
    );
    assert_eq!(three.status.code(), Some(2));
    let err = String::from_utf8_lossy(&three.stderr);
    assert!(err.contains("--transcript takes one file, or an English transcript and its Chinese translation (3 given)"), "{err}");
    // Two files that are not one call are refused, as `tandem parse` refuses them.
    let mismatched = tandem(
        config,
        &[
            "list",
            "--transcript",
            en.to_str().unwrap(),
            sample.to_str().unwrap(),
        ],
    );
    assert_eq!(mismatched.status.code(), Some(2));
    assert!(mismatched.stdout.is_empty());
}

/// True for a character that would act on a terminal: a control other than line feed and
/// tab (ESC, BEL, C1 such as U+009B), or a bidi override or isolate.
fn acts(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[test]
fn no_note_or_file_name_reaches_the_terminal_as_a_control_sequence() {
    let dir = tempfile::tempdir().unwrap();
    let t = ui_support::call();
    let hostile =
        "\u{1b}]0;retitled\u{7}\u{1b}]52;c;Y2xpcA==\u{7}\u{1b}[2J\u{9b}31m\u{202e}txt.exe";
    let (mut store, _) = Store::open(dir.path());
    store
        .put(fixed(
            &t,
            &format!("/calls/{hostile}.txt"),
            (1, 0),
            1,
            hostile,
        ))
        .unwrap();
    let outputs = [
        vec!["list"],
        vec!["export", "--format", "md"],
        vec!["export", "--format", "csv"],
        vec!["export", "--format", "json"],
    ];
    for args in outputs {
        let text = stdout(tandem(dir.path(), &args));
        assert!(!text.chars().any(acts), "{args:?}: {text:?}");
        assert!(
            text.contains("retitled"),
            "{args:?}: the note is shown, not dropped"
        );
    }
    // JSON keeps the data exactly (as escapes).
    let json = stdout(tandem(dir.path(), &["export", "--format", "json"]));
    let back: Vec<Bookmark> = serde_json::from_str(&json).unwrap();
    assert_eq!(back[0].note, hostile);
    // A file written by --output holds nothing that acts either.
    let out = dir.path().join("notes.md");
    let done = tandem(
        dir.path(),
        &[
            "export",
            "--format",
            "md",
            "--output",
            out.to_str().unwrap(),
        ],
    );
    assert!(done.status.success());
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(!written.chars().any(acts), "{written:?}");
}

#[test]
fn export_targets_are_what_they_say() {
    let dir = config();
    let md = stdout(tandem(dir.path(), &["export", "--format", "md"]));
    // `--output -` is standard output, not a file named `-`.
    let dash = stdout(tandem(
        dir.path(),
        &["export", "--format", "md", "--output", "-"],
    ));
    assert_eq!(dash, md);
    assert!(!dir.path().join("-").exists());
    // A directory is named as one.
    let sub = dir.path().join("exports");
    std::fs::create_dir(&sub).unwrap();
    let out = tandem(dir.path(), &["export", "--output", sub.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("is a directory") && err.contains("exports"),
        "{err}"
    );
    // A device is never replaced, even with --force.
    #[cfg(unix)]
    {
        let out = tandem(dir.path(), &["export", "--output", "/dev/null", "--force"]);
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("/dev/null") && err.contains("not a regular file"),
            "{err}"
        );
        // A link is followed to its file, which is replaced; the link stays a link.
        let real = dir.path().join("real.md");
        std::fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let out = tandem(
            dir.path(),
            &[
                "export",
                "--format",
                "md",
                "--output",
                link.to_str().unwrap(),
                "--force",
            ],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&real).unwrap(), md);
    }
}

#[test]
fn bookmarks_an_older_tandem_kept_with_the_settings_move_to_the_data_directory() {
    let config = config();
    std::fs::write(
        config.path().join("config.toml"),
        "script = \"simplified\"\n",
    )
    .unwrap();
    let data = tempfile::tempdir().unwrap();
    let before = stdout(tandem(config.path(), &["list"]));
    let out = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["bookmarks", "list"])
        .env("TANDEM_CONFIG_DIR", config.path())
        .env("TANDEM_DATA_DIR", data.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(
        stdout(out),
        before,
        "the same bookmarks, read from their new place"
    );
    assert!(
        stderr.contains("moved") && stderr.contains("bookmarks.json"),
        "{stderr}"
    );
    assert!(data.path().join("bookmarks.json").is_file());
    assert!(!config.path().join("bookmarks.json").exists());
    assert!(
        config.path().join("config.toml").is_file(),
        "the settings stay"
    );
    // Once: the next run says nothing and lists the same.
    let again = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["bookmarks", "list"])
        .env("TANDEM_CONFIG_DIR", config.path())
        .env("TANDEM_DATA_DIR", data.path())
        .output()
        .unwrap();
    assert!(
        again.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert_eq!(stdout(again), before);
}
