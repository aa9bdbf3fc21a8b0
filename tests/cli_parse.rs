//! `tandem parse` as a user runs it: outline, JSON shape, stdin, encodings, non-transcripts.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn tandem(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or_default()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn json_of(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

#[test]
fn json_has_the_documented_shape() {
    let path = fixture("interleaved_participants.txt");
    let v = json_of(&tandem(&["parse", "--json", path.to_str().unwrap()], None));
    for key in [
        "title",
        "company",
        "period",
        "date",
        "languages",
        "encoding",
        "speakers",
        "turns",
        "questions",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["languages"], serde_json::json!(["en", "zh"]));
    assert_eq!(v["encoding"], "UTF-8");
    let sp = &v["speakers"][0];
    for key in ["name", "name_alt", "role", "firm", "kind"] {
        assert!(sp.get(key).is_some(), "speaker missing {key}");
    }
    let turn = &v["turns"][0];
    assert!(
        turn["speaker"].is_u64() && turn["section"] == "prepared" && turn["question"].is_null()
    );
    let block = &turn["blocks"][0];
    assert!(block.get("en").is_some() && block.get("zh").is_some());
    let notes = v["turns"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t["blocks"].as_array().unwrap())
        .filter(|b| b.get("note").is_some() && b.get("en").is_none())
        .count();
    assert_eq!(notes, 2);
    let q = &v["questions"][0];
    assert_eq!(q["number"], 1);
    let analyst = q["analyst"].as_u64().unwrap() as usize;
    assert_eq!(v["speakers"][analyst]["kind"], "analyst");
    let first = q["turns"][0].as_u64().unwrap() as usize;
    assert_eq!(v["turns"][first]["question"], 1);
    assert_eq!(v["turns"][first]["section"], "qa");
}

#[test]
fn outline_lists_questions_with_analyst_and_firm() {
    let path = fixture("english_dashes.txt");
    let out = tandem(&["parse", path.to_str().unwrap()], None);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Q1 · Victor Alvarez · Calloway Brothers"),
        "{text}"
    );
    assert!(text.contains("Languages: English"), "{text}");
}

#[test]
fn reads_standard_input() {
    let bytes = std::fs::read(fixture("inline_zh.txt")).unwrap();
    let v = json_of(&tandem(&["parse", "--json", "-"], Some(&bytes)));
    assert_eq!(v["languages"], serde_json::json!(["zh"]));
    assert_eq!(v["questions"].as_array().unwrap().len(), 3);
}

#[test]
fn gb18030_and_big5_files_are_detected_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    for (name, enc, label) in [
        ("inline_zh.txt", encoding_rs::GB18030, "GB18030"),
        ("block_zh.txt", encoding_rs::BIG5, "Big5"),
    ] {
        let text = std::fs::read_to_string(fixture(name)).unwrap();
        // Characters Big5 lacks (a bullet or two) become numeric references; the text stays Big5.
        let (bytes, _, _) = enc.encode(&text);
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).unwrap();
        let v = json_of(&tandem(&["parse", "--json", path.to_str().unwrap()], None));
        assert_eq!(v["encoding"], label);
        assert_eq!(v["questions"].as_array().unwrap().len(), 3, "{name}");
    }
}

#[test]
fn text_that_is_not_a_transcript_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, "Shopping list\n\nmilk, eggs, bread.\n").unwrap();
    let out = tandem(&["parse", path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("notes.txt") && err.contains("no line names who is speaking"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn escape_sequences_in_a_file_never_reach_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evil.txt");
    let text = std::fs::read_to_string(fixture("english_dashes.txt"))
        .unwrap()
        .replacen("Operator", "Operator\x1b]52;c;cHduZWQ=\x07\x1b[31m", 1);
    std::fs::write(&path, text).unwrap();
    for args in [vec!["parse"], vec!["parse", "--json"]] {
        let mut args = args.clone();
        args.push(path.to_str().unwrap());
        let out = tandem(&args, None);
        assert!(out.status.success());
        assert!(
            !out.stdout.contains(&0x1b),
            "ESC reached the output of {args:?}"
        );
        assert!(!String::from_utf8_lossy(&out.stdout).contains("\\u001b"));
    }
}

#[test]
fn an_english_file_and_its_chinese_translation_parse_as_one_call() {
    let dir = tempfile::tempdir().unwrap();
    let case = tandem::align::eval::split(&tandem::call::load_sample(), 11);
    let (en, zh) = (
        dir.path().join("call.en.txt"),
        dir.path().join("call.zh.txt"),
    );
    std::fs::write(&en, &case.en_text).unwrap();
    std::fs::write(&zh, &case.zh_text).unwrap();
    let v = json_of(&tandem(
        &[
            "parse",
            "--json",
            zh.to_str().unwrap(),
            en.to_str().unwrap(),
        ],
        None,
    ));
    assert_eq!(v["languages"], serde_json::json!(["en", "zh"]));
    assert_eq!(v["questions"].as_array().unwrap().len(), 4);
    let both = v["turns"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t["blocks"].as_array().unwrap())
        .filter(|b| b["en"].is_string() && b["zh"].is_string())
        .count();
    assert!(both > 40, "{both} paired paragraphs");

    let out = tandem(&["parse", en.to_str().unwrap(), en.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("both files are in English"), "{err}");
    assert_eq!(err.lines().count(), 1);

    let three = tandem(
        &[
            "parse",
            en.to_str().unwrap(),
            zh.to_str().unwrap(),
            en.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(three.status.code(), Some(2));
}

#[test]
fn text_prints_what_the_parser_reads() {
    // A saved web page: its article as paragraphs, the page's title as front matter, no menu.
    let path = fixture("page_transcript_site.html");
    let out = tandem(&["parse", "--text", path.to_str().unwrap()], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with(
            "---\ntitle: Quillfeather Robotics (QFR) Q3 2026 Earnings Call Transcript\n"
        ),
        "{text}"
    );
    assert!(text.contains("\n\n**Priya Raman - Harrowgate & Co.**\n\nThanks. How much"));
    assert!(
        !text.contains("Latest Stock Picks") && !text.contains("<p>"),
        "{text}"
    );
    // The same from standard input; --text and --json do not go together.
    let page = std::fs::read(&path).unwrap();
    let piped = tandem(&["parse", "--text", "-"], Some(&page));
    assert_eq!(String::from_utf8(piped.stdout).unwrap(), text);
    let both = tandem(&["parse", "--text", "--json", path.to_str().unwrap()], None);
    assert_eq!(both.status.code(), Some(2));
}

#[test]
fn a_call_with_no_speaker_labels_opens_and_says_what_cannot_be_told() {
    let path = fixture("speech_to_text_unlabelled.txt");
    let json = json_of(&tandem(&["parse", "--json", path.to_str().unwrap()], None));
    assert_eq!(json["unlabelled"], true);
    assert_eq!(json["questions"].as_array().map(Vec::len), Some(3));
    // A labelled call says nothing of it.
    let labelled = json_of(&tandem(
        &[
            "parse",
            "--json",
            fixture("english_dashes.txt").to_str().unwrap(),
        ],
        None,
    ));
    assert!(labelled.get("unlabelled").is_none(), "{labelled}");
    // The reader opens it with a banner saying how it was read.
    let call = tandem::call::Call::open(&[path], &tandem::call::Options::default()).unwrap();
    let banner = call.banner.expect("a banner");
    assert!(
        banner.contains("No speaker labels") && banner.contains("not told apart"),
        "{banner}"
    );
    let labelled = tandem::call::Call::open(
        &[fixture("english_dashes.txt")],
        &tandem::call::Options::default(),
    )
    .unwrap();
    assert_eq!(labelled.banner, None);
}
