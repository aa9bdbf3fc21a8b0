//! `tandem check` end to end: the real binary on files written to a temporary directory.
//! Exit 0 when the figures agree, 1 when some do not, 2 on an error; the JSON shape.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const PARTICIPANTS: &str = "Larkspur Foods (NYSE:LKSP) Q2 2026 Earnings Conference Call

Company Participants
Mara Quill - Chief Executive Officer
Tobias Wren - Chief Financial Officer

Conference Call Participants
Ines Varga - Halvorsen Partners
";

/// An interleaved call: each English line followed by its Chinese.
const INTERLEAVED: &str = "
Operator
主持人
Good day, and welcome to the Larkspur Foods second quarter 2026 earnings call. I will now hand the call to Mara Quill.
大家好，欢迎参加 Larkspur Foods 2026 年第二季度财报电话会议。现在我把会议交给玛拉·奎尔。

Mara Quill
玛拉·奎尔
Thank you. Revenue for the quarter was $2.75 billion, up 18% year over year, and we now serve 2.4 million households.
谢谢。本季度营收为 27.5 亿美元，同比增长 18%，我们目前服务 240 万户家庭。
Gross margin improved by 120 basis points to 41.5%, and we opened 36 new stores.
毛利率提升 120 个基点至 41.5%，我们新开了 36 家门店。

Tobias Wren
托拜厄斯·雷恩
Operating income was $412 million. For the full year we expect revenue between $10.9 billion and $11.2 billion.
营业利润为 4.12 亿美元。我们预计全年营收在 109 亿至 112 亿美元之间。

Operator
主持人
Our first question comes from Ines Varga with Halvorsen Partners.
第一个问题来自 Halvorsen Partners 的伊内斯·瓦尔加。
Ines Varga
How much of the margin gain came from freight?
毛利率的提升有多少来自运费？
Tobias Wren
托拜厄斯·雷恩
About half of it. The rest came from a better mix.
大约一半。其余来自更好的产品组合。
";

/// The same call in English alone.
const ENGLISH: &str = "
Operator
Good day, and welcome to the Larkspur Foods second quarter 2026 earnings call. I will now hand the call to Mara Quill.

Mara Quill
Thank you. Revenue for the quarter was $2.75 billion, up 18% year over year, and we now serve 2.4 million households.
Gross margin improved by 120 basis points to 41.5%, and we opened 36 new stores.

Tobias Wren
Operating income was $412 million. For the full year we expect revenue between $10.9 billion and $11.2 billion.

Operator
Our first question comes from Ines Varga with Halvorsen Partners.

Ines Varga
How much of the margin gain came from freight?

Tobias Wren
About half of it. The rest came from a better mix.
";

/// Its Chinese translation, one `姓名(职务):` paragraph a line.
const CHINESE: &str = "主持人:大家好，欢迎参加 Larkspur Foods 2026 年第二季度财报电话会议。现在我把会议交给玛拉·奎尔。

玛拉·奎尔(首席执行官):谢谢。本季度营收为 27.5 亿美元，同比增长 18%，我们目前服务 240 万户家庭。

玛拉·奎尔(首席执行官):毛利率提升 120 个基点至 41.5%，我们新开了 36 家门店。

托拜厄斯·雷恩(首席财务官):营业利润为 4.12 亿美元。我们预计全年营收在 109 亿至 112 亿美元之间。

主持人:第一个问题来自 Halvorsen Partners 的伊内斯·瓦尔加。

伊内斯·瓦尔加(分析师):毛利率的提升有多少来自运费？

托拜厄斯·雷恩(首席财务官):大约一半。其余来自更好的产品组合。
";

/// The planted error: 27.5 亿 (2.75 billion) written as 2.75 亿 (275 million).
const WRONG: (&str, &str) = ("27.5 亿美元", "2.75 亿美元");

/// Writes `text` to `name` in `dir`.
fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// Runs `tandem check` with these arguments.
fn check(args: &[&Path], json: bool) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tandem"));
    cmd.arg("check").args(args);
    if json {
        cmd.arg("--json");
    }
    cmd.output().unwrap()
}

/// The process's stdout as text.
fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// The stdout of a `--json` run, parsed.
fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_clean_interleaved_call_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "call.txt",
        &format!("{PARTICIPANTS}{INTERLEAVED}"),
    );
    let out = check(&[&file], false);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        stdout(&out).starts_with("0 mismatches in 7 bilingual paragraphs"),
        "{}",
        stdout(&out)
    );
    let v = json(&check(&[&file], true));
    assert!(v["pairs"].as_u64().unwrap() >= 10, "{v}");
    assert_eq!(v["mismatches"], Value::Array(vec![]));
}

#[test]
fn a_scale_error_exits_one_and_names_speaker_figures_and_reason() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("{PARTICIPANTS}{INTERLEAVED}").replace(WRONG.0, WRONG.1);
    let file = write(dir.path(), "call.txt", &text);
    let out = check(&[&file], false);
    assert_eq!(out.status.code(), Some(1));
    let s = stdout(&out);
    assert!(
        s.contains("Mara Quill: scale: the Chinese is 1/10 of the English"),
        "{s}"
    );
    assert!(s.contains("EN $2.75 billion: "), "{s}");
    assert!(s.contains("ZH 2.75 亿美元: "), "{s}");
    assert!(
        s.ends_with("1 mismatch in 7 bilingual paragraphs (11 figures paired).\n"),
        "{s}"
    );
}

#[test]
fn the_json_report_has_the_documented_shape() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("{PARTICIPANTS}{INTERLEAVED}").replace(WRONG.0, WRONG.1);
    let out = check(&[&write(dir.path(), "call.txt", &text)], true);
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    let mut keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    keys.sort_unstable();
    assert_eq!(keys, ["mismatches", "pairs"]);
    assert!(v["pairs"].is_u64());
    let list = v["mismatches"].as_array().unwrap();
    assert_eq!(list.len(), 1);
    let m = list[0].as_object().unwrap();
    let mut keys: Vec<&str> = m.keys().map(String::as_str).collect();
    keys.sort_unstable();
    let expected = [
        "block",
        "context_en",
        "context_zh",
        "en",
        "reason",
        "speaker",
        "turn",
        "zh",
    ];
    assert_eq!(keys, expected);
    assert_eq!(
        (m["turn"].as_u64(), m["block"].as_u64()),
        (Some(1), Some(0))
    );
    assert_eq!(
        (m["en"].as_str(), m["zh"].as_str()),
        (Some("$2.75 billion"), Some("2.75 亿美元"))
    );
    assert_eq!(m["speaker"], "Mara Quill");
    assert_eq!(m["reason"], "scale: the Chinese is 1/10 of the English");
    assert!(
        m["context_en"]
            .as_str()
            .unwrap()
            .contains("was $2.75 billion, up")
    );
    assert!(
        m["context_zh"]
            .as_str()
            .unwrap()
            .contains("营收为 2.75 亿美元，同比")
    );
}

#[test]
fn an_english_file_and_its_translation_are_checked_together() {
    let dir = tempfile::tempdir().unwrap();
    let en = write(dir.path(), "en.txt", &format!("{PARTICIPANTS}{ENGLISH}"));
    let zh = write(dir.path(), "zh.txt", CHINESE);
    let out = check(&[&en, &zh], false);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let wrong = write(
        dir.path(),
        "zh_wrong.txt",
        &CHINESE.replace(WRONG.0, WRONG.1),
    );
    let out = check(&[&wrong, &en], true);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let v = json(&out);
    assert_eq!(v["mismatches"][0]["zh"], "2.75 亿美元");
    assert_eq!(v["mismatches"][0]["en"], "$2.75 billion");
}

#[test]
fn a_call_in_one_language_has_nothing_to_check() {
    let dir = tempfile::tempdir().unwrap();
    let en = write(dir.path(), "en.txt", &format!("{PARTICIPANTS}{ENGLISH}"));
    for json in [false, true] {
        let out = check(&[&en], json);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "not a pass: {err}");
        assert!(out.stdout.is_empty(), "nothing on stdout");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains("en.txt") && err.contains("nothing to check"),
            "{err}"
        );
    }
}

#[test]
fn errors_exit_two_with_one_line_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.txt");
    let prose = write(
        dir.path(),
        "prose.txt",
        "Just a note about nothing in particular.\n",
    );
    let call = write(
        dir.path(),
        "call.txt",
        &format!("{PARTICIPANTS}{INTERLEAVED}"),
    );
    for args in [
        vec![missing.as_path()],
        vec![prose.as_path()],
        vec![&call, &call, &call],
    ] {
        let out = check(&args, true);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.starts_with("tandem: ") && err.lines().count() == 1,
            "{err}"
        );
    }
}
