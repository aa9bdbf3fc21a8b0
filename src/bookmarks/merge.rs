//! Merging two versions of the store: per bookmark id, the latest change wins, where a
//! deletion (tombstone) is a change too.

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

#[cfg(test)]
mod tests {
    use super::*;

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
