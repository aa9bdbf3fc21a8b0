//! The bookmarks store and anchoring: round trip, finding a paragraph again after the
//! transcript changed, merging between readers, a corrupt file, an unwritable config
//! directory, and two writers at once.

mod ui_support;

use std::fs;
use std::path::{Path, PathBuf};

use tandem::bookmarks::{Bookmark, CallRef, How, Store, locate};
use tandem::transcript::{Block, Transcript};
use ui_support::call;

/// A bookmark on paragraph `block` of turn `turn` of the test call, with `note`.
fn mark(t: &Transcript, turn: usize, block: usize, note: &str) -> Bookmark {
    let files = vec![PathBuf::from("/calls/brightkeel.txt")];
    let mut b = Bookmark::new(t, &CallRef::new(t, &files), turn, block).expect("a paragraph");
    b.note = note.into();
    b
}

/// Opens the store in `dir`, expecting no problem.
fn open(dir: &Path) -> Store {
    let (store, outcome) = Store::open(dir);
    assert_eq!(outcome, Ok(None));
    store
}

/// The names of the files in `dir`.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn an_older_tandems_bookmarks_move_to_the_data_directory() {
    use tandem::config::dirs::{Kind, MOVED};
    assert!(MOVED.contains(&(tandem::bookmarks::store::FILE, Kind::Data)));
}

#[test]
fn bookmarks_round_trip_through_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let t = call();
    let mut store = open(dir.path());
    let a = mark(&t, 1, 0, "Harbor: 12,000 customers\nsecond line");
    let b = mark(&t, 5, 1, "");
    store.put(a.clone()).unwrap();
    store.put(b.clone()).unwrap();
    assert!(!store.is_dirty());
    let again = open(dir.path());
    assert_eq!(again.bookmarks(), [a.clone(), b]);
    assert_eq!(a.speaker, "Jane Doe");
    assert_eq!(a.zh.as_deref().map(|s| s.starts_with("谢谢")), Some(true));
    let q = mark(&t, 5, 1, "");
    assert_eq!(q.question, Some(1));
    assert_eq!(q.analyst.as_deref(), Some("Ross Sandler"));
    assert_eq!(q.analyst_firm.as_deref(), Some("Barclays"));
    assert_eq!(q.context(), "Q&A · Q1 · Ross Sandler, Barclays");
    assert_eq!(
        mark(&t, 4, 0, "").context(),
        "Q&A · Q1 · Barclays",
        "the analyst asking: no dangling comma, the name is the speaker's"
    );
    assert_eq!(a.context(), "Prepared remarks");
    assert!(
        a.created.ends_with('Z') && a.created.len() == 24,
        "{}",
        a.created
    );
    assert_eq!(names(dir.path()), ["bookmarks.json", "bookmarks.json.lock"]);
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("bookmarks.json")).unwrap())
            .unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["bookmarks"][0]["spot"]["turn"], 1);
}

#[test]
fn a_note_is_not_a_paragraph_to_bookmark() {
    let t = call();
    let files: Vec<PathBuf> = vec![];
    assert!(Bookmark::new(&t, &CallRef::new(&t, &files), 1, 1).is_none());
    assert!(Bookmark::new(&t, &CallRef::new(&t, &files), 99, 0).is_none());
}

#[test]
fn a_paragraph_is_found_again_after_the_transcript_changed() {
    let t = call();
    let b = mark(&t, 5, 1, "");
    let found = locate(&t, &b).unwrap();
    assert_eq!((found.turn, found.block, found.how), (5, 1, How::Same));

    let mut inserted = t.clone();
    inserted.turns[5]
        .blocks
        .insert(0, Block::en("A new opening paragraph."));
    inserted.turns.insert(2, inserted.turns[2].clone());
    let found = locate(&inserted, &b).unwrap();
    assert_eq!((found.turn, found.block, found.how), (6, 2, How::Moved));

    let mut edited = inserted.clone();
    edited.turns[6].blocks[2] = Block::Para {
        en: Some("We expect supply to catch up by the middle of the year.".into()),
        zh: Some("我们预计供给将在年中赶上需求。".into()),
    };
    let found = locate(&edited, &b).unwrap();
    assert_eq!((found.turn, found.block, found.how), (6, 2, How::Edited));

    let mut gone = edited.clone();
    gone.turns[6].blocks.remove(2);
    assert_eq!(locate(&gone, &b), None, "reported as not found");
}

#[test]
fn the_nearest_copy_of_a_repeated_paragraph_wins() {
    let t = ui_support::repeated(3);
    let b = mark(&t, 14 + 5, 1, "");
    let mut shifted = t.clone();
    shifted.turns.insert(0, t.turns[0].clone());
    let found = locate(&shifted, &b).unwrap();
    assert_eq!(
        (found.turn, found.block),
        (20, 1),
        "not the copy in the first round"
    );
}

#[test]
fn a_deletion_in_one_reader_is_not_undone_by_the_others_save() {
    let dir = tempfile::tempdir().unwrap();
    let t = call();
    let (mut a, mut b) = (open(dir.path()), open(dir.path()));
    let x = mark(&t, 1, 0, "x");
    a.put(x.clone()).unwrap();
    b.refresh().unwrap();
    assert_eq!(b.bookmarks().len(), 1, "b sees a's bookmark");
    a.remove(&x.id).unwrap();
    let y = mark(&t, 2, 0, "y");
    b.put(y.clone()).unwrap();
    assert_eq!(
        b.bookmarks(),
        std::slice::from_ref(&y),
        "the deletion won the merge"
    );
    a.refresh().unwrap();
    assert_eq!(a.bookmarks(), [y]);
}

#[test]
fn the_later_edit_of_a_note_wins_and_undo_revives_a_deleted_bookmark() {
    let dir = tempfile::tempdir().unwrap();
    let t = call();
    let (mut a, mut b) = (open(dir.path()), open(dir.path()));
    let x = mark(&t, 1, 0, "first");
    a.put(x.clone()).unwrap();
    b.refresh().unwrap();
    let mut older = x.clone();
    older.note = "from b".into();
    older.updated = tandem::bookmarks::clock::now();
    let mut newer = x.clone();
    newer.note = "from a".into();
    newer.updated = tandem::bookmarks::clock::now();
    a.put(newer).unwrap();
    b.put(older).unwrap();
    assert_eq!(b.get(&x.id).unwrap().note, "from a");
    b.remove(&x.id).unwrap();
    let mut back = x.clone();
    back.updated = tandem::bookmarks::clock::now();
    a.put(back).unwrap();
    assert_eq!(open(dir.path()).bookmarks().len(), 1, "undo after delete");
}

#[test]
fn a_corrupt_store_is_moved_aside_reported_and_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bookmarks.json");
    fs::write(&file, "{\"version\": 1, \"bookmarks\": [ truncated").unwrap();
    let (mut store, outcome) = Store::open(dir.path());
    let notice = outcome.unwrap().expect("a notice");
    assert!(
        notice.contains("bookmarks.json") && notice.contains("moved to"),
        "{notice}"
    );
    assert!(store.bookmarks().is_empty());
    let aside: Vec<String> = names(dir.path())
        .into_iter()
        .filter(|n| n.starts_with("bookmarks.json.corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1, "{:?}", names(dir.path()));
    assert!(
        notice.contains(&aside[0]),
        "the notice says where: {notice}"
    );
    let kept = fs::read_to_string(dir.path().join(&aside[0])).unwrap();
    assert!(kept.ends_with("truncated"), "the content is kept as it was");
    store.put(mark(&call(), 1, 0, "")).unwrap();
    assert_eq!(open(dir.path()).bookmarks().len(), 1);
}

#[test]
fn a_store_from_a_newer_tandem_is_never_written_over() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bookmarks.json");
    let future = r#"{"version": 2, "bookmarks": [], "shelves": {}}"#;
    fs::write(&file, future).unwrap();
    let (mut store, outcome) = Store::open(dir.path());
    assert!(outcome.unwrap_err().contains("newer tandem"));
    let err = store.put(mark(&call(), 1, 0, "")).unwrap_err();
    assert!(err.contains("kept in memory"), "{err}");
    assert_eq!(store.bookmarks().len(), 1);
    assert_eq!(fs::read_to_string(&file).unwrap(), future);
}

#[test]
fn an_unwritable_config_dir_keeps_bookmarks_in_memory_and_retries() {
    let root = tempfile::tempdir().unwrap();
    let blocker = root.path().join("config");
    fs::write(&blocker, "a file where the directory should be").unwrap();
    let dir = blocker.join("tandem");
    let t = call();
    let mut store = open(&dir);
    let first = mark(&t, 1, 0, "kept");
    let err = store.put(first.clone()).unwrap_err();
    assert!(
        err.starts_with("Bookmarks not saved") && err.contains("config/tandem"),
        "{err}"
    );
    assert!(err.contains("kept in memory"), "{err}");
    assert!(store.is_dirty());
    assert_eq!(store.bookmarks(), std::slice::from_ref(&first));
    fs::remove_file(&blocker).unwrap();
    let second = mark(&t, 2, 0, "");
    store.put(second.clone()).unwrap();
    assert!(!store.is_dirty());
    assert_eq!(open(&dir).bookmarks(), [first, second], "nothing lost");
}

#[test]
fn two_writers_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let t = call();
    std::thread::scope(|s| {
        for w in 0..2 {
            let (dir, t) = (dir.path(), &t);
            s.spawn(move || {
                let mut store = open(dir);
                for i in 0..200 {
                    let mut b = mark(t, 1 + w, 0, &format!("writer {w} #{i}"));
                    b.en = None;
                    b.zh = None;
                    // Each as if on a paragraph of its own: two on one paragraph are joined.
                    b.spot.fingerprint = format!("{w}-{i}");
                    store.put(b).unwrap();
                }
            });
        }
    });
    let all = open(dir.path());
    assert_eq!(all.bookmarks().len(), 400);
    let notes: std::collections::HashSet<&str> =
        all.bookmarks().iter().map(|b| b.note.as_str()).collect();
    assert_eq!(notes.len(), 400);
}

#[test]
fn deletions_are_remembered_for_a_while_then_forgotten() {
    let dir = tempfile::tempdir().unwrap();
    let t = call();
    let mut store = open(dir.path());
    let gone = mark(&t, 1, 0, "");
    store.put(gone.clone()).unwrap();
    store.remove(&gone.id).unwrap();
    // A deletion made long ago, as another reader would have left it.
    let path = dir.path().join("bookmarks.json");
    let mut file: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    file["deleted"]["ancient"] = "2020-01-01T00:00:00.000Z".into();
    fs::write(&path, file.to_string()).unwrap();
    let mut store = open(dir.path());
    store.put(mark(&t, 5, 1, "new")).unwrap();
    let saved: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    let deleted = saved["deleted"].as_object().unwrap();
    assert!(
        deleted.contains_key(&gone.id),
        "a recent deletion is kept: {deleted:?}"
    );
    assert!(
        !deleted.contains_key("ancient"),
        "an old one is forgotten: {deleted:?}"
    );
    assert_eq!(store.bookmarks().len(), 1);
}

#[test]
#[cfg(unix)]
fn a_linked_bookmarks_file_stays_a_link_and_its_target_is_saved() {
    // bookmarks.json linked from a dotfiles folder: saving writes the real file.
    let dir = tempfile::tempdir().unwrap();
    let dotfiles = dir.path().join("dotfiles");
    let config = dir.path().join("config");
    fs::create_dir_all(&dotfiles).unwrap();
    fs::create_dir_all(&config).unwrap();
    let real = dotfiles.join("bookmarks.json");
    fs::write(&real, "{\"version\": 1, \"bookmarks\": []}").unwrap();
    std::os::unix::fs::symlink(&real, config.join("bookmarks.json")).unwrap();
    let t = call();
    let mut store = open(&config);
    store.put(mark(&t, 1, 0, "kept in the dotfiles")).unwrap();
    let link = fs::symlink_metadata(config.join("bookmarks.json")).unwrap();
    assert!(link.file_type().is_symlink(), "still a link");
    assert!(
        fs::read_to_string(&real)
            .unwrap()
            .contains("kept in the dotfiles")
    );
    assert_eq!(
        names(&dotfiles),
        ["bookmarks.json"],
        "no temporary file left"
    );
}

#[test]
fn reading_only_changes_nothing_and_a_newer_store_is_left_alone() {
    // An unreadable file: the read-only handle reports it and moves nothing.
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("bookmarks.json"), "{ not json").unwrap();
    let (store, outcome) = Store::open_read_only(dir.path());
    let err = outcome.unwrap_err();
    assert!(err.contains("left as it is"), "{err}");
    assert!(store.bookmarks().is_empty());
    assert_eq!(names(dir.path()), ["bookmarks.json"]);
    // A newer tandem's file of another shape: left alone by readers and writers alike.
    let newer = "{\"version\": 99, \"marks\": {\"a\": [1, 2]}}";
    fs::write(dir.path().join("bookmarks.json"), newer).unwrap();
    let (mut store, outcome) = Store::open(dir.path());
    assert!(outcome.unwrap_err().contains("newer tandem"));
    assert!(store.put(mark(&call(), 1, 0, "new")).is_err());
    assert_eq!(names(dir.path()), ["bookmarks.json", "bookmarks.json.lock"]);
    assert_eq!(
        fs::read_to_string(dir.path().join("bookmarks.json")).unwrap(),
        newer
    );
}

#[test]
fn temporary_files_of_killed_writers_are_cleaned_on_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("bookmarks.json.tmp-4242");
    let fresh = dir.path().join("bookmarks.json.tmp-4343");
    for p in [&old, &fresh] {
        fs::write(p, "partial").unwrap();
    }
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    fs::File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(an_hour_ago)
        .unwrap();
    let mut store = open(dir.path());
    store.put(mark(&call(), 1, 0, "saved")).unwrap();
    assert!(!old.exists(), "a killed writer's temporary file is gone");
    assert!(
        fresh.exists(),
        "one that may be another writer's at work stays"
    );
}
