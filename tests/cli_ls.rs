//! `tandem ls`: the library's list on standard output, for scripts.

use std::path::Path;
use std::process::{Command, Output};

fn tandem(args: &[&str], config: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(args)
        .env("TANDEM_CONFIG_DIR", config)
        .output()
        .unwrap()
}

/// A folder with two calls (one in a subfolder) and a file that is not a call.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    std::fs::create_dir(dir.path().join("zh")).unwrap();
    std::fs::copy(fixtures.join("block_zh.txt"), dir.path().join("zh/a.txt")).unwrap();
    std::fs::copy(
        fixtures.join("english_dashes.txt"),
        dir.path().join("b.txt"),
    )
    .unwrap();
    std::fs::write(dir.path().join("shopping.txt"), "milk\neggs\n").unwrap();
    dir
}

#[test]
fn lists_each_call_tab_separated_in_the_librarys_order() {
    let dir = folder();
    let config = tempfile::tempdir().unwrap();
    let out = tandem(&["ls", dir.path().to_str().unwrap()], config.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 2, "the shopping list is no call:\n{text}");
    assert_eq!(
        rows[0][..5],
        ["Fernwood Pet Supply", "Q2 2026", "2026-08-05", "EN", "0"]
    );
    assert_eq!(
        rows[1][..5],
        ["Veridane Networks", "Q1 2026", "2026-04-23", "ZH", "0"]
    );
    assert!(rows[1][5].ends_with("a.txt"), "{}", rows[1][5]);
    // The second listing reads the cache the first one wrote, and lists the same.
    let again = tandem(&["ls", dir.path().to_str().unwrap()], config.path());
    assert_eq!(String::from_utf8(again.stdout).unwrap(), text);
}

#[test]
fn json_gives_every_field_of_each_call() {
    let dir = folder();
    let config = tempfile::tempdir().unwrap();
    let file = dir.path().join("zh/a.txt");
    let out = tandem(&["ls", "--json", file.to_str().unwrap()], config.path());
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let calls = v.as_array().unwrap();
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0]["company"], "Veridane Networks");
    assert_eq!(calls[0]["period"], "Q1 2026");
    assert_eq!(calls[0]["languages"], serde_json::json!(["zh"]));
    assert_eq!(calls[0]["bookmarks"], 0);
    assert!(calls[0]["file"].as_str().unwrap().ends_with("a.txt"));
}

#[test]
fn a_missing_path_is_an_error_naming_it() {
    let config = tempfile::tempdir().unwrap();
    let out = tandem(&["ls", "/no/such/folder"], config.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/folder"));
}
