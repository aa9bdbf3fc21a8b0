//! Merging two versions of the store: per bookmark id, the latest change wins, where a
//! deletion (tombstone) is a change too.

use std::collections::BTreeMap;

use super::model::{Bookmark, FORMAT, StoreFile};

/// The union of `a` and `b`: for each id the later of the bookmark versions and the
/// deletion (a deletion wins a tie); bookmarks sorted by creation time.
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
    StoreFile {
        version: FORMAT,
        bookmarks,
        deleted,
    }
}
