//! Two real processes add 200 bookmarks each to one store at the same time; the store ends
//! with all 400. This test binary (no libtest harness) runs itself twice as the writers.

use std::path::{Path, PathBuf};
use std::process::Command;

use tandem::bookmarks::{Bookmark, CallRef, Store};

/// Bookmarks each writer adds.
const EACH: usize = 200;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--writer") {
        writer(Path::new(&args[i + 1]), &args[i + 2]);
        return;
    }
    two_processes_writing_at_once_lose_nothing();
    println!("test two_processes_writing_at_once_lose_nothing ... ok");
    println!("1 passed, 0 failed");
}

/// Adds [`EACH`] bookmarks on the sample to the store in `dir`, each saved at once.
fn writer(dir: &Path, name: &str) {
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
fn two_processes_writing_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = ["one", "two"]
        .iter()
        .map(|name| {
            Command::new(&exe)
                .arg("--writer")
                .arg(dir.path())
                .arg(name)
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
