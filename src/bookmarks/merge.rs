//! Merging two versions of the store: per bookmark id, the latest change wins, where a
//! deletion (tombstone) is a change too; two bookmarks on one paragraph of one call (made by
//! two readers at once) become one.

use std::collections::BTreeMap;

use super::clock;
use super::model::{Bookmark, FORMAT, StoreFile};

/// How long a deletion is remembered: long enough for every reader running at the time to
/// have merged it (a reader merges on each change and when it closes).
pub const TOMBSTONE_DAYS: u64 = 90;

/// Forgets deletions older than [`TOMBSTONE_DAYS`] before `now_ms`, so the store does not
/// grow for ever.
pub fn prune(store: &mut StoreFile, now_ms: u64) {
    let cutoff = clock::rfc3339(now_ms.saturating_sub(TOMBSTONE_DAYS * 86_400_000));
    store.deleted.retain(|_, at| *at >= cutoff);
}

/// The union of `a` and `b`: for each id the later of the bookmark versions and the
/// deletion (a deletion wins a tie); bookmarks on the same paragraph joined (see
/// [`join_duplicates`]); sorted by creation time.
pub fn merge(a: &StoreFile, b: &StoreFile) -> StoreFile {
    let mut live: BTreeMap<&str, &Bookmark> = BTreeMap::new();
    for bm in a.bookmarks.iter().chain(&b.bookmarks) {
        let newer = live
            .get(bm.id.as_str())
            .is_none_or(|old| bm.updated > old.updated);
        if newer {
            live.insert(&bm.id, bm);
        }
    }
    let mut deleted: BTreeMap<String, String> = a.deleted.clone();
    for (id, at) in &b.deleted {
        let later = deleted.get(id).is_none_or(|old| at > old);
        if later {
            deleted.insert(id.clone(), at.clone());
        }
    }
    let mut bookmarks: Vec<Bookmark> = Vec::new();
    for (id, bm) in live {
        match deleted.get(id) {
            Some(at) if *at >= bm.updated => {}
            Some(_) => {
                deleted.remove(id);
                bookmarks.push(bm.clone());
            }
            None => bookmarks.push(bm.clone()),
        }
    }
    bookmarks.sort_by(|x, y| (&x.created, &x.id).cmp(&(&y.created, &y.id)));
    let mut merged = StoreFile {
        version: FORMAT,
        bookmarks,
        deleted,
    };
    join_duplicates(&mut merged);
    merged
}

/// `note` with `extra` added after a blank line; None when `extra` is empty or `note` already
/// holds it as one of its paragraphs.
pub fn join_notes(note: &str, extra: &str) -> Option<String> {
    let extra = extra.trim();
    let held = format!("\n\n{}\n\n", note.trim());
    if extra.is_empty() || held.contains(&format!("\n\n{extra}\n\n")) {
        return None;
    }
    Some(match note.trim_end() {
        "" => extra.to_string(),
        mine => format!("{mine}\n\n{extra}"),
    })
}

/// What makes two bookmarks the same: the call's text and the paragraph (place and text).
fn anchor(b: &Bookmark) -> (&str, usize, usize, &str) {
    (&b.call.hash, b.spot.turn, b.spot.block, &b.spot.fingerprint)
}

/// Keeps one bookmark per paragraph of a call: of bookmarks with the same call hash, turn,
/// block and fingerprint, the earliest created stays, with the others' notes added to its
/// own (a blank line between; a note it already holds is not added again, and a note that
/// changes makes it updated now) and the latest update time of them all; the others are deleted (tombstones at their update time, so a
/// reader still holding one drops it, and it does not come back when the one kept is deleted
/// later). `store.bookmarks` must be sorted by creation time, so that every reader keeps the
/// same one.
pub fn join_duplicates(store: &mut StoreFile) {
    let mut first: BTreeMap<(&str, usize, usize, &str), usize> = BTreeMap::new();
    let mut into: Vec<Option<usize>> = Vec::with_capacity(store.bookmarks.len());
    for (i, b) in store.bookmarks.iter().enumerate() {
        let keep = *first.entry(anchor(b)).or_insert(i);
        into.push((keep != i).then_some(keep));
    }
    if into.iter().all(Option::is_none) {
        return;
    }
    let mut gone: Vec<Bookmark> = Vec::new();
    for i in (0..store.bookmarks.len()).rev() {
        if into[i].is_some() {
            gone.push(store.bookmarks.remove(i));
        }
    }
    gone.reverse();
    // `gone` is in creation order; each goes to the one kept of its anchor, still in place
    // before it (every removed index is after its keeper).
    for dup in gone {
        let keep = store
            .bookmarks
            .iter_mut()
            .find(|k| anchor(k) == anchor(&dup))
            .expect("the earliest of the anchor is kept");
        if dup.updated > keep.updated {
            keep.updated = dup.updated.clone();
        }
        if let Some(joined) = join_notes(&keep.note, &dup.note) {
            keep.note = joined;
            // A change of its own: later than every copy of the bookmark kept, so that it wins
            // the next merge with a reader still holding one of them.
            keep.updated = keep.updated.clone().max(clock::now());
        }
        let at = store
            .deleted
            .entry(dup.id)
            .or_insert_with(|| dup.updated.clone());
        if *at < dup.updated {
            *at = dup.updated;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bookmarks::model::{CallRef, Spot};
    use crate::transcript::Section;
    use std::slice;

    /// A bookmark `id` on paragraph `block` of turn 3 of call `call`, made at second
    /// `created`, with `note`.
    fn mark(id: &str, call: &str, block: usize, created: u32, note: &str) -> Bookmark {
        let at = format!("2026-10-29T14:00:{created:02}.000Z");
        Bookmark {
            id: id.into(),
            call: CallRef {
                hash: call.into(),
                files: vec![format!("/calls/{call}.txt")],
                title: None,
                company: None,
                period: None,
            },
            spot: Spot {
                turn: 3,
                block,
                fingerprint: format!("text of {block}"),
            },
            en: Some(format!("Paragraph {block}.")),
            zh: None,
            speaker: "Jane Doe".into(),
            speaker_alt: None,
            role: None,
            firm: None,
            section: Section::Qa,
            question: Some(1),
            analyst: None,
            analyst_firm: None,
            note: note.into(),
            created: at.clone(),
            updated: at,
        }
    }

    /// A store file holding `marks`.
    fn file(marks: &[Bookmark]) -> StoreFile {
        StoreFile {
            version: FORMAT,
            bookmarks: marks.to_vec(),
            deleted: BTreeMap::new(),
        }
    }

    #[test]
    fn two_readers_bookmarking_one_paragraph_end_with_one_bookmark() {
        let a = mark("a", "call", 0, 10, "");
        let b = mark("b", "call", 0, 12, "from b");
        let other_para = mark("c", "call", 1, 11, "");
        let other_call = mark("d", "another", 0, 13, "");
        let merged = merge(
            &file(&[a.clone(), other_para]),
            &file(&[b.clone(), other_call]),
        );
        let ids: Vec<&str> = merged.bookmarks.iter().map(|x| x.id.as_str()).collect();
        assert_eq!(ids, ["a", "c", "d"], "the earliest made is kept");
        assert_eq!(
            merged.bookmarks[0].note, "from b",
            "the other's note carried over"
        );
        assert!(
            merged.bookmarks[0].updated > b.updated,
            "and newer than both"
        );
        assert!(merged.deleted.contains_key("b"), "the other is deleted");
        let again = merge(&merged, &file(&[a.clone(), b.clone()]));
        assert_eq!(
            again.bookmarks, merged.bookmarks,
            "merging again changes nothing"
        );
        assert_eq!(
            merge(&file(slice::from_ref(&b)), &file(slice::from_ref(&a))).bookmarks[0].id,
            "a",
            "whichever side has it"
        );
    }

    #[test]
    fn two_different_notes_on_one_paragraph_are_joined_with_a_blank_line() {
        let a = mark("a", "call", 0, 10, "Pricing held.\n");
        let b = mark("b", "call", 0, 12, "Check the 10-Q.");
        let c = mark("c", "call", 0, 14, "Pricing held.");
        let merged = merge(&file(&[c, a]), &file(&[b]));
        assert_eq!(merged.bookmarks.len(), 1);
        assert_eq!(merged.bookmarks[0].id, "a");
        assert_eq!(
            merged.bookmarks[0].note, "Pricing held.\n\nCheck the 10-Q.",
            "each note once, the earliest first"
        );
        let mut deleted: Vec<&str> = merged.deleted.keys().map(String::as_str).collect();
        deleted.sort();
        assert_eq!(deleted, ["b", "c"]);
    }

    #[test]
    fn a_joined_duplicate_does_not_come_back_when_the_one_kept_is_deleted() {
        let (a, b) = (mark("a", "call", 0, 10, ""), mark("b", "call", 0, 12, ""));
        let mut merged = merge(&file(&[a]), &file(slice::from_ref(&b)));
        merged.bookmarks.clear();
        merged
            .deleted
            .insert("a".into(), "2026-10-29T15:00:00.000Z".into());
        let later = merge(&merged, &file(&[b]));
        assert!(later.bookmarks.is_empty(), "{:?}", later.bookmarks);
    }

    #[test]
    fn deletions_older_than_the_limit_are_forgotten() {
        let day = 86_400_000;
        let now = 1_800_000_000_000;
        let mut store = StoreFile::default();
        let old = clock::rfc3339(now - (TOMBSTONE_DAYS + 1) * day);
        let recent = clock::rfc3339(now - (TOMBSTONE_DAYS - 1) * day);
        store.deleted.insert("old".into(), old);
        store.deleted.insert("recent".into(), recent);
        prune(&mut store, now);
        let left: Vec<&String> = store.deleted.keys().collect();
        assert_eq!(left, ["recent"]);
    }
}
