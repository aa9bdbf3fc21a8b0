//! Two real processes add 200 bookmarks each to one store at the same time; the store ends
//! with all 400. The test runs this test binary twice more as the writers: each runs only
//! the `writer` test, which writes when `WRITER` names a store and a name (and else does
//! nothing, so it passes when any runner lists and runs it).

use std::path::{Path, PathBuf};
use std::process::Command;

use tandem::bookmarks::{Bookmark, CallRef, Store};

/// Bookmarks each writer adds.
const EACH: usize = 200;

/// The environment variable that makes the `writer` test a writer: `DIR` and `NAME`
/// separated by a newline.
const WRITER: &str = "TANDEM_TEST_BOOKMARK_WRITER";

/// A writer, when the test that starts writers runs this binary as one.
#[test]
fn writer() {
    if let Ok(job) = std::env::var(WRITER) {
        let (dir, name) = job.split_once('\n').expect("DIR and NAME");
        write(Path::new(dir), name);
    }
}

/// Adds [`EACH`] bookmarks on the sample to the store in `dir`, each saved at once.
fn write(dir: &Path, name: &str) {
    let t = tandem::call::load_sample();
    let call = CallRef::new(&t, &Vec::<PathBuf>::new());
    let (mut store, outcome) = Store::open(dir);
    outcome.expect("the store opens");
    for i in 0..EACH {
        let mut b = Bookmark::new(&t, &call, 1, 0).expect("a paragraph");
        b.note = format!("{name} #{i}");
        // Each as if on a paragraph of its own: two on one paragraph are joined.
        b.spot.fingerprint = format!("{name}-{i}");
        store.put(b).expect("saved");
    }
}

/// Runs two writers at once and counts what the store holds after.
#[test]
fn two_processes_writing_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = ["one", "two"]
        .iter()
        .map(|name| {
            Command::new(&exe)
                .args(["writer", "--exact", "--quiet"])
                .env(WRITER, format!("{}\n{name}", dir.path().display()))
                .stdout(std::process::Stdio::null())
                .spawn()
                .expect("a writer process")
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success(), "a writer failed");
    }
    let (store, outcome) = Store::open(dir.path());
    assert_eq!(outcome, Ok(None));
    let notes: std::collections::HashSet<&str> =
        store.bookmarks().iter().map(|b| b.note.as_str()).collect();
    assert_eq!(store.bookmarks().len(), 2 * EACH);
    assert_eq!(notes.len(), 2 * EACH);
}
