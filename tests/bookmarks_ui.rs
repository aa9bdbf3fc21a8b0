//! Bookmarks in the reader through the real key map and `update`: `b`, `m` and the note
//! editor, the `B` panel (jump, jump to another call, delete, undo, export), the store's
//! problems on screen, and snapshots of the panel and the editor.

mod ui_support;

use std::path::{Path, PathBuf};

use insta::assert_snapshot;
use tandem::app::App;
use tandem::app::state::Overlay;
use tandem::bookmarks::{Bookmark, CallRef, Store};
use ui_support::{app_for, call, press, screen, type_text};

/// The test call at `w` x `h` with its bookmarks in `dir`, read from `/calls/q3.txt`.
fn reader(dir: &Path, w: u16, h: u16) -> App {
    let mut app = app_for(call(), w, h);
    let (store, outcome) = Store::open(dir);
    app.attach_bookmarks(store, outcome, vec![PathBuf::from("/calls/q3.txt")]);
    app.marks.export_dirs = vec![dir.to_path_buf()];
    app
}

/// What the store file in `dir` holds now.
fn saved(dir: &Path) -> Vec<Bookmark> {
    Store::open(dir).0.bookmarks().to_vec()
}

/// The status line's text.
fn status(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

/// The sample written to `dir/sample.txt`, with a noted bookmark on its second turn.
fn other_call(dir: &Path) -> PathBuf {
    let file = dir.join("sample.txt");
    std::fs::write(&file, tandem::call::SAMPLE).unwrap();
    let t = tandem::call::load(&file, &tandem::call::Options::default()).unwrap();
    let mut b = Bookmark::new(&t, &CallRef::new(&t, std::slice::from_ref(&file)), 1, 0).unwrap();
    b.note = "Compare with Brightkeel".into();
    Store::open(dir).0.put(b).unwrap();
    file
}

#[test]
fn b_marks_the_paragraph_under_the_cursor_and_b_again_unmarks_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = reader(dir.path(), 160, 45);
    press(&mut a, "} b");
    assert!(status(&a).starts_with("Bookmarked"), "{}", status(&a));
    assert!(
        a.marks.at(1, 0).is_some(),
        "the first paragraph under the header"
    );
    let on_disk = saved(dir.path());
    assert_eq!(on_disk.len(), 1, "saved at once");
    assert_eq!(
        (on_disk[0].speaker.as_str(), on_disk[0].spot.block),
        ("Jane Doe", 0)
    );
    let shown = screen(&mut a, 160, 45);
    assert!(
        shown.contains("turn 2/14 · 3 questions · bookmarked"),
        "{shown}"
    );
    assert!(
        shown.lines().any(|l| l.starts_with("▌Jane Doe")),
        "marked in the turn list"
    );
    press(&mut a, "J b");
    assert!(
        a.marks.at(1, 2).is_some(),
        "the next paragraph (the note is skipped)"
    );
    press(&mut a, "b");
    assert!(a.marks.at(1, 2).is_none());
    assert!(status(&a).starts_with("Bookmark removed"));
    assert_eq!(saved(dir.path()).len(), 1);
}

#[test]
fn m_writes_a_note_that_ctrl_s_saves_and_esc_discards() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = reader(dir.path(), 160, 45);
    press(&mut a, "] ] } m");
    assert!(a.marks.editor.is_some());
    type_text(&mut a, "Pricing quit falling");
    press(&mut a, "Enter");
    type_text(&mut a, "第二行");
    assert!(!a.quit, "q is text in the editor");
    press(&mut a, "Ctrl-s");
    assert!(a.marks.editor.is_none());
    let b = &saved(dir.path())[0];
    assert_eq!(b.note, "Pricing quit falling\n第二行");
    assert_eq!(
        (b.question, b.analyst.as_deref()),
        (Some(2), Some("Eric Sheridan"))
    );
    press(&mut a, "m");
    assert_eq!(
        a.marks.editor.as_ref().unwrap().text.lines(),
        ["Pricing quit falling", "第二行"],
        "the editor opens on the note"
    );
    type_text(&mut a, " more");
    press(&mut a, "Esc");
    assert!(
        a.marks.editor.is_some(),
        "a changed note is not dropped at once"
    );
    assert_eq!(
        status(&a),
        "Note not saved: Esc again discards it, Ctrl-s saves"
    );
    press(&mut a, "Esc");
    assert!(a.marks.editor.is_none());
    assert_eq!(status(&a), "Note discarded");
    assert_eq!(saved(dir.path())[0].note, "Pricing quit falling\n第二行");
    press(&mut a, "m Esc");
    assert!(a.marks.editor.is_none(), "an unchanged note closes at once");
    assert_eq!(status(&a), "Note unchanged");
    press(&mut a, "j m");
    type_text(&mut a, "x");
    press(&mut a, "Esc Esc");
    assert_eq!(
        saved(dir.path()).len(),
        1,
        "a cancelled note makes no bookmark"
    );
}

#[test]
fn esc_after_more_typing_warns_again_and_ctrl_c_does_as_esc() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = reader(dir.path(), 80, 24);
    press(&mut a, "} m");
    type_text(&mut a, "Margins");
    press(&mut a, "Ctrl-c");
    assert!(a.marks.editor.is_some(), "Ctrl-c warns as Esc does");
    assert!(status(&a).starts_with("Note not saved"), "{}", status(&a));
    let shown = screen(&mut a, 80, 24);
    assert!(
        shown.contains("┌ Note not saved — Esc again discards it, Ctrl-s saves ─"),
        "the editor's title says it whole in 80 columns:\n{shown}"
    );
    assert!(
        shown.contains("Note not saved: Esc again"),
        "the status line too:\n{shown}"
    );
    type_text(&mut a, " up");
    assert!(
        screen(&mut a, 80, 24).contains("┌ Note — Ctrl-s saves, Esc twice discards ─"),
        "typing again: the warning is over"
    );
    press(&mut a, "Esc");
    assert!(a.marks.editor.is_some(), "more typing: warned again");
    press(&mut a, "Left Esc");
    assert!(
        a.marks.editor.is_none(),
        "moving the cursor changes nothing"
    );
    press(&mut a, "m");
    type_text(&mut a, "Kept");
    press(&mut a, "Esc Ctrl-s");
    assert_eq!(
        saved(dir.path())[0].note,
        "Kept",
        "Ctrl-s still saves after the warning"
    );
}

#[test]
fn the_panel_lists_this_call_first_jumps_deletes_undoes_and_exports() {
    let dir = tempfile::tempdir().unwrap();
    other_call(dir.path());
    let mut a = reader(dir.path(), 160, 45);
    press(&mut a, "] ] ] b g b");
    press(&mut a, "B");
    assert_eq!(a.overlay, Overlay::Bookmarks { selected: 0 });
    let here: Vec<bool> = a.marks.items.iter().map(|i| i.here).collect();
    assert_eq!(here, [true, true, false], "this call's first");
    press(&mut a, "j Enter");
    assert_eq!(a.overlay, Overlay::None);
    assert_eq!(a.current_question(), Some(3), "jumped to the Q3 paragraph");
    assert_eq!(a.paragraph_here(), Some((10, 0)));
    press(&mut a, "B");
    assert_eq!(
        a.overlay,
        Overlay::Bookmarks { selected: 1 },
        "opens on the one here"
    );
    press(&mut a, "d");
    assert_eq!(saved(dir.path()).len(), 2);
    assert!(status(&a).contains("u brings it back"));
    press(&mut a, "u");
    assert_eq!(saved(dir.path()).len(), 3);
    assert_eq!(a.overlay, Overlay::Bookmarks { selected: 1 });
    press(&mut a, "e");
    let msg = status(&a);
    let path = msg.strip_prefix("Exported 3 bookmarks to ").expect(&msg);
    let md = std::fs::read_to_string(path).unwrap();
    assert!(md.starts_with("# Bookmarks") && md.contains("Compare with Brightkeel"));
    assert!(path.starts_with(dir.path().to_str().unwrap()) && path.ends_with(".md"));
    press(&mut a, "Esc");
    assert_eq!(a.overlay, Overlay::None);
}

#[test]
fn enter_on_another_calls_bookmark_opens_that_call_there() {
    let dir = tempfile::tempdir().unwrap();
    let file = other_call(dir.path());
    let mut a = reader(dir.path(), 120, 40);
    press(&mut a, "B Enter");
    assert!(status(&a).starts_with("Opened"), "{}", status(&a));
    assert_eq!(a.marks.files, std::slice::from_ref(&file));
    assert_eq!(a.paragraph_here(), Some((1, 0)));
    assert_eq!(a.source, file.display().to_string());
    assert_eq!(a.marks.placed.len(), 1, "its bookmark is marked there");
    press(&mut a, "B");
    assert!(a.marks.items[0].here, "the other call is now this call");
}

#[test]
fn a_call_that_moved_or_changed_is_reported_not_opened() {
    let dir = tempfile::tempdir().unwrap();
    let file = other_call(dir.path());
    std::fs::rename(&file, dir.path().join("elsewhere.txt")).unwrap();
    let mut a = reader(dir.path(), 120, 40);
    press(&mut a, "B Enter");
    assert!(status(&a).starts_with("Cannot open"), "{}", status(&a));
    assert!(status(&a).contains("sample.txt"));
    assert_eq!(
        a.doc.title.as_deref(),
        Some("Brightkeel Q3 2026 Earnings Call")
    );
    assert!(matches!(a.overlay, Overlay::Bookmarks { .. }));
}

#[test]
fn a_bookmark_whose_paragraph_is_gone_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = call();
    t.turns[2].blocks[0] = tandem::Block::en("A paragraph this version no longer has at all.");
    let files = [PathBuf::from("/calls/q3.txt")];
    let b = Bookmark::new(&t, &CallRef::new(&t, &files), 2, 0).unwrap();
    Store::open(dir.path()).0.put(b).unwrap();
    let mut a = reader(dir.path(), 100, 30);
    press(&mut a, "B");
    assert!(a.marks.items[0].here && a.marks.items[0].found.is_none());
    assert!(screen(&mut a, 100, 30).contains("not found in this version"));
    press(&mut a, "Enter");
    assert_eq!(status(&a), "Not found in this version of the call");
}

#[test]
fn an_unwritable_config_dir_is_reported_and_nothing_in_memory_is_lost() {
    let root = tempfile::tempdir().unwrap();
    let blocker = root.path().join("config");
    std::fs::write(&blocker, "not a directory").unwrap();
    let dir = blocker.join("tandem");
    let mut a = reader(&dir, 160, 45);
    press(&mut a, "} b");
    let err = a.status.clone().unwrap();
    assert!(
        err.error && err.text.starts_with("Bookmarks not saved"),
        "{err:?}"
    );
    assert!(err.text.contains("kept in memory"));
    assert!(a.marks.at(1, 0).is_some(), "still marked");
    press(&mut a, "B");
    assert!(
        screen(&mut a, 160, 45).contains("Bookmarks not saved"),
        "on view in the panel"
    );
    press(&mut a, "Esc");
    a.marks.export_dirs = vec![root.path().to_path_buf()];
    let rescue = a.close_bookmarks().expect("told on leaving");
    assert!(rescue.contains("all 1 are in"), "{rescue}");
    let copy = rescue.rsplit(" are in ").next().unwrap();
    let kept: tandem::bookmarks::StoreFile =
        serde_json::from_str(&std::fs::read_to_string(copy).unwrap()).unwrap();
    assert_eq!(
        kept.bookmarks.len(),
        1,
        "a rescue copy holds what could not be saved"
    );
    std::fs::remove_file(&blocker).unwrap();
    press(&mut a, "} b");
    assert!(status(&a).starts_with("Bookmarked"));
    assert_eq!(saved(&dir).len(), 2, "the earlier one is saved too");
    assert_eq!(a.marks.problem, None);
    assert_eq!(a.close_bookmarks(), None, "nothing left to save");
}

#[test]
fn quitting_with_unsaved_bookmarks_says_where_a_copy_went_and_q_again_quits() {
    let root = tempfile::tempdir().unwrap();
    let blocker = root.path().join("config");
    std::fs::write(&blocker, "not a directory").unwrap();
    let mut a = reader(&blocker.join("tandem"), 160, 45);
    a.marks.export_dirs = vec![root.path().to_path_buf()];
    press(&mut a, "} b q");
    assert!(!a.quit, "the first q warns");
    let msg = status(&a);
    assert!(
        msg.starts_with("q again quits: bookmarks not saved, all 1 copied to ")
            && msg.ends_with(".json"),
        "what q does first, where the copy is last: {msg}"
    );
    let copies = std::fs::read_dir(root.path())
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            name.to_string_lossy()
                .starts_with("tandem-bookmarks-unsaved-")
        })
        .count();
    assert_eq!(copies, 1);
    press(&mut a, "q");
    assert!(a.quit);
    let left = a.leave_bookmarks();
    assert_eq!(left.len(), 1, "told once when the reader is gone: {left:?}");
    let copy = copies_in(root.path());
    assert_eq!(copy.len(), 1, "the copy is not written twice");
    assert!(
        left[0].ends_with(&format!("all 1 are in {}", copy[0].display())),
        "the full path: {left:?}"
    );
    assert_eq!(a.close_bookmarks(), None);
}

/// The rescue copies of bookmarks in `dir`.
fn copies_in(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("tandem-bookmarks-unsaved-"))
        })
        .collect()
}

#[test]
fn a_rescue_copy_made_stale_by_a_later_save_is_not_reported() {
    let root = tempfile::tempdir().unwrap();
    let blocker = root.path().join("config");
    std::fs::write(&blocker, "not a directory").unwrap();
    let dir = blocker.join("tandem");
    let mut a = reader(&dir, 160, 45);
    a.marks.export_dirs = vec![root.path().to_path_buf()];
    press(&mut a, "} b q");
    assert!(!a.quit);
    std::fs::remove_file(&blocker).unwrap();
    press(&mut a, "q");
    assert!(a.quit);
    assert_eq!(
        a.leave_bookmarks(),
        Vec::<String>::new(),
        "saved at the last try"
    );
    assert_eq!(saved(&dir).len(), 1);
}

#[test]
fn a_store_moved_aside_is_told_again_when_the_reader_is_gone() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bookmarks.json"), "not json").unwrap();
    let mut a = reader(dir.path(), 160, 45);
    press(&mut a, "} b B Esc q");
    assert!(a.quit);
    let left = a.leave_bookmarks();
    assert_eq!(left.len(), 1, "once: {left:?}");
    assert!(
        left[0].starts_with(&format!(
            "Unreadable bookmarks file moved to {}",
            dir.path().join("bookmarks.json.corrupt-").display()
        )),
        "{left:?}"
    );
}

#[test]
fn q_quits_at_once_when_everything_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = reader(dir.path(), 160, 45);
    press(&mut a, "} b q");
    assert!(a.quit);
}

#[test]
fn a_corrupt_store_is_reported_when_the_reader_opens() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bookmarks.json"), "not json").unwrap();
    let a = reader(dir.path(), 160, 45);
    let s = a.status.clone().unwrap();
    assert!(s.error && s.text.contains("moved to"), "{s:?}");
    assert!(
        s.text.contains("bookmarks.json.corrupt-"),
        "says where: {}",
        s.text
    );
}

/// Two bookmarks here (one noted), one gone from this version, one in another call.
fn panel_fixture(dir: &Path) -> App {
    other_call(dir);
    let mut gone = call();
    gone.turns[2].blocks[0] = tandem::Block::en("Text this version does not have.");
    let files = [PathBuf::from("/calls/q3.txt")];
    let mut b = Bookmark::new(&gone, &CallRef::new(&gone, &files), 2, 0).unwrap();
    b.note = "Check against the 10-Q".into();
    Store::open(dir).0.put(b).unwrap();
    let mut a = reader(dir, 100, 30);
    press(&mut a, "] ] ] b g } m");
    type_text(&mut a, "Harbor: 12,000 customers");
    press(&mut a, "Enter");
    type_text(&mut a, "second line");
    press(&mut a, "Ctrl-s");
    a
}

#[test]
fn snapshot_of_the_panel() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = panel_fixture(dir.path());
    press(&mut a, "B j");
    let shot = screen(&mut a, 100, 30).replace(dir.path().to_str().unwrap(), "/tmp/x");
    assert_snapshot!(shot);
}

#[test]
fn snapshot_of_the_note_editor() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = reader(dir.path(), 80, 24);
    press(&mut a, "] ] } m");
    type_text(&mut a, "Pricing stable; gross margin 61%.");
    press(&mut a, "Enter");
    type_text(&mut a, "云业务毛利率 61%");
    assert_snapshot!(screen(&mut a, 80, 24));
}

#[test]
fn b_on_a_paragraph_another_reader_just_bookmarked_keeps_that_one() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (reader(dir.path(), 160, 45), reader(dir.path(), 160, 45));
    press(&mut a, "} b");
    // b has not seen a's bookmark yet.
    assert!(b.marks.at(1, 0).is_none());
    press(&mut b, "} b");
    assert_eq!(status(&b), "Already bookmarked (by another tandem)");
    let on_disk = saved(dir.path());
    assert_eq!(on_disk.len(), 1, "never a second one: {on_disk:?}");
    assert_eq!(b.marks.at(1, 0), Some(on_disk[0].id.as_str()), "shown now");
    press(&mut b, "b");
    assert!(
        status(&b).starts_with("Bookmark removed"),
        "once seen, b removes it"
    );
    assert!(saved(dir.path()).is_empty());
}

#[test]
fn b_never_removes_a_bookmark_this_reader_merged_but_did_not_show() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (reader(dir.path(), 160, 45), reader(dir.path(), 160, 45));
    press(&mut a, "} b");
    // b's store has a's bookmark in memory; its screen does not show it.
    b.marks.store.refresh().unwrap();
    press(&mut b, "} b");
    assert_eq!(status(&b), "Already bookmarked (by another tandem)");
    assert_eq!(saved(dir.path()).len(), 1);
    assert!(b.marks.at(1, 0).is_some());
}

#[test]
fn b_on_a_bookmark_another_reader_removed_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (reader(dir.path(), 160, 45), reader(dir.path(), 160, 45));
    press(&mut a, "} b");
    press(&mut b, "} B Esc");
    assert!(b.marks.at(1, 0).is_some(), "b shows a's bookmark");
    press(&mut a, "b");
    press(&mut b, "b");
    assert_eq!(status(&b), "Bookmark already removed (by another tandem)");
    assert!(saved(dir.path()).is_empty(), "not made again");
    assert!(b.marks.at(1, 0).is_none());
}

#[test]
fn m_on_a_paragraph_another_reader_bookmarked_edits_its_note() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (reader(dir.path(), 160, 45), reader(dir.path(), 160, 45));
    press(&mut a, "} m");
    type_text(&mut a, "From a");
    press(&mut a, "Ctrl-s");
    press(&mut b, "} m");
    let ed = b.marks.editor.as_ref().expect("the editor");
    assert_eq!(ed.text.lines(), ["From a"], "a's note, to add to");
    assert!(status(&b).starts_with("Already bookmarked (by another tandem)"));
    type_text(&mut b, " and b");
    press(&mut b, "Ctrl-s");
    let on_disk = saved(dir.path());
    assert_eq!(on_disk.len(), 1);
    assert_eq!(on_disk[0].note, "From a and b");
}

#[test]
fn two_notes_written_at_once_on_one_paragraph_end_in_one_bookmark() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (reader(dir.path(), 160, 45), reader(dir.path(), 160, 45));
    // Both open the editor before either saves.
    press(&mut a, "} m");
    press(&mut b, "} m");
    type_text(&mut a, "From a");
    type_text(&mut b, "From b");
    press(&mut a, "Ctrl-s");
    press(&mut b, "Ctrl-s");
    let on_disk = saved(dir.path());
    assert_eq!(on_disk.len(), 1, "{on_disk:?}");
    assert_eq!(on_disk[0].note, "From a\n\nFrom b");
    assert_eq!(
        status(&b),
        "Note saved, joined with another tandem's bookmark on this paragraph"
    );
    assert!(b.marks.at(1, 0).is_some());
}

#[test]
fn two_readers_editing_one_bookmarks_note_keep_both_notes() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (reader(dir.path(), 160, 45), reader(dir.path(), 160, 45));
    press(&mut a, "} b");
    press(&mut b, "}");
    assert!(b.poll_bookmarks());
    // Both edit the note of the one bookmark; a saves first.
    press(&mut a, "m");
    press(&mut b, "m");
    type_text(&mut a, "alpha from a");
    type_text(&mut b, "beta from b");
    press(&mut a, "Ctrl-s");
    press(&mut b, "Ctrl-s");
    let on_disk = saved(dir.path());
    assert_eq!(on_disk.len(), 1, "{on_disk:?}");
    assert_eq!(
        on_disk[0].note, "alpha from a\n\nbeta from b",
        "nothing lost"
    );
    assert_eq!(
        status(&b),
        "Note saved, joined with the note another tandem saved meanwhile"
    );
    // An edit of a note nobody else touched replaces it, as before.
    press(&mut a, "m");
    for _ in 0.."alpha from a\n\nbeta from b".chars().count() {
        press(&mut a, "Backspace");
    }
    type_text(&mut a, "rewritten");
    press(&mut a, "Ctrl-s");
    assert_eq!(saved(dir.path())[0].note, "rewritten");
}

#[test]
fn another_readers_bookmark_shows_on_the_idle_tick_without_a_key() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (reader(dir.path(), 160, 45), reader(dir.path(), 160, 45));
    assert!(!b.poll_bookmarks(), "nothing changed yet");
    press(&mut a, "} b");
    assert!(
        b.poll_bookmarks(),
        "the file changed: merged, to be drawn again"
    );
    assert!(b.marks.at(1, 0).is_some());
    assert!(!b.poll_bookmarks(), "merged once");
    press(&mut b, "] ] b");
    assert_eq!(saved(dir.path()).len(), 2);
    assert!(!b.poll_bookmarks(), "its own save is not news");
    press(&mut b, "B");
    let before = b.marks.items.len();
    press(&mut a, "] b");
    assert!(b.poll_bookmarks());
    assert_eq!(b.marks.items.len(), before + 1, "the open panel too");
}

#[test]
fn b_right_after_another_readers_bookmark_appeared_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (reader(dir.path(), 160, 45), reader(dir.path(), 160, 45));
    press(&mut b, "}");
    press(&mut a, "} b");
    assert!(b.poll_bookmarks(), "the idle tick shows a's bookmark");
    let id = b.marks.at(1, 0).expect("shown").to_string();
    // The key comes a moment after it appeared: meant for the paragraph as it was.
    press(&mut b, "b");
    assert_eq!(status(&b), "Already bookmarked (by another tandem)");
    assert_eq!(saved(dir.path()).len(), 1);
    // Once it has been on screen a while, b removes it.
    let earlier = std::time::Instant::now() - std::time::Duration::from_secs(2);
    b.marks.arrived.insert(id, earlier);
    press(&mut b, "b");
    assert!(status(&b).starts_with("Bookmark removed"), "{}", status(&b));
    assert!(saved(dir.path()).is_empty());
}

#[test]
fn the_unsaved_warning_names_the_quit_key_in_effect() {
    let root = tempfile::tempdir().unwrap();
    let blocker = root.path().join("config");
    std::fs::write(&blocker, "not a directory").unwrap();
    let mut a = reader(&blocker.join("tandem"), 160, 45);
    a.marks.export_dirs = vec![root.path().to_path_buf()];
    let keys = [("quit".to_string(), "x".to_string())].into();
    a.prefs.keys = tandem::app::keys::Keymap::with_overrides(&keys).unwrap();
    press(&mut a, "} b x");
    assert!(!a.quit, "the first x warns");
    let msg = status(&a);
    assert!(msg.starts_with("x again quits: "), "{msg}");
    press(&mut a, "x");
    assert!(a.quit);
}

#[test]
fn the_panel_shows_the_chinese_in_the_script_chosen_with_t() {
    let dir = tempfile::tempdir().unwrap();
    // A call whose second turn is in Chinese only: its bookmark's text is Chinese.
    let mut t = call();
    for b in &mut t.turns[1].blocks {
        if let tandem::Block::Para { en, .. } = b {
            *en = None;
        }
    }
    let mut a = app_for(t, 160, 45);
    let (store, outcome) = Store::open(dir.path());
    a.attach_bookmarks(store, outcome, vec![PathBuf::from("/calls/q3.txt")]);
    press(&mut a, "} b m");
    type_text(&mut a, "我的笔记");
    press(&mut a, "Ctrl-s t t B");
    let b = &saved(dir.path())[0];
    let start: String = b.text().chars().take(12).collect();
    let traditional =
        tandem::script::to_script(&start, tandem::config::settings::ChineseScript::Traditional);
    assert_ne!(
        traditional, start,
        "the text has characters that convert: {start}"
    );
    let shown = screen(&mut a, 160, 45);
    assert!(shown.contains(traditional.as_ref()), "{shown}");
    assert!(shown.contains("我的笔记"), "the note as written: {shown}");
}

#[test]
fn a_long_note_wraps_in_the_editor_its_start_stays_in_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = reader(dir.path(), 80, 24);
    press(&mut a, "} m");
    let start = "Watch the cloud margin next quarter";
    type_text(
        &mut a,
        &format!(
            "{start}, because pricing held while volumes grew and 云业务毛利率连续三个季度提升，值得跟踪。"
        ),
    );
    let shown = screen(&mut a, 80, 24);
    assert!(
        shown.contains(start),
        "the start is not scrolled away: {shown}"
    );
    assert!(
        shown.contains("值得跟踪"),
        "the end wraps onto a line below: {shown}"
    );
}

#[test]
fn ctrl_o_after_opening_another_calls_bookmark_goes_back_into_the_first_call() {
    let dir = tempfile::tempdir().unwrap();
    let other = other_call(dir.path());
    let first = dir.path().join("first.txt");
    std::fs::write(
        &first,
        tandem::call::SAMPLE.replace("Brightkeel", "Northwind"),
    )
    .unwrap();
    let t = tandem::call::load(&first, &tandem::call::Options::default()).unwrap();
    let mut a = app_for(t, 120, 40);
    let (store, outcome) = Store::open(dir.path());
    a.attach_bookmarks(store, outcome, vec![first.clone()]);
    press(&mut a, "] 4 j");
    // Row numbers depend on how much of the call is laid out; the place is what it shows.
    let (top, cursor) = (a.anchor(), a.anchor_at(a.cursor));
    let key = a.index.key.clone();
    press(&mut a, "B Enter");
    assert_eq!(
        a.marks.files,
        std::slice::from_ref(&other),
        "in the other call"
    );
    press(&mut a, "Ctrl-o");
    assert_eq!(
        a.marks.files,
        std::slice::from_ref(&first),
        "{}",
        status(&a)
    );
    assert_eq!(a.index.key, key);
    assert_eq!(
        (a.anchor(), a.anchor_at(a.cursor)),
        (top, cursor),
        "where it was left"
    );
    press(&mut a, "Alt-o");
    assert_eq!(
        a.marks.files,
        std::slice::from_ref(&other),
        "and forward again"
    );
    assert_eq!(a.paragraph_here(), Some((1, 0)));
}
