//! The metadata cache: `library-cache.json` in the cache directory.
//!
//! Entries are keyed by absolute path and valid while the file's size and modification time
//! (and the `--encoding` override, and the tandem version that wrote them) are unchanged;
//! files found not to be transcripts are cached too. It is only a cache: a missing,
//! unreadable or corrupt file is ignored and rebuilt, and it is written atomically.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::meta::Meta;
use super::scan::FileInfo;
use crate::persist::write_atomically;

/// File name of the cache in the cache directory.
pub const FILE: &str = "library-cache.json";
/// The version of what an entry holds: a cache written with another is read anew.
const SCHEMA: &str = "2";
/// Entries kept at most (the least recently used are dropped).
const KEEP: usize = 20_000;

/// The cache's content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cache {
    /// The tandem version that wrote it: metadata may be read differently by another.
    version: String,
    entries: BTreeMap<String, Entry>,
    /// True when something changed since it was loaded.
    #[serde(skip)]
    dirty: bool,
}

/// What is known about one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Entry {
    size: u64,
    mtime: u64,
    #[serde(default)]
    encoding: Option<String>,
    /// None: not a transcript.
    meta: Option<Meta>,
    /// Seconds since the epoch when last used.
    used: u64,
}

impl Default for Cache {
    /// An empty cache for this version.
    fn default() -> Self {
        Cache {
            version: version(),
            entries: BTreeMap::new(),
            dirty: false,
        }
    }
}

/// This tandem's version and the entries' schema: `0.9.0/2`.
fn version() -> String {
    format!("{}/{SCHEMA}", env!("CARGO_PKG_VERSION"))
}

impl Cache {
    /// The cache in `dir`; empty when missing, unreadable, corrupt or of another version.
    pub fn load(dir: &Path) -> Self {
        crate::persist::read_text(&dir.join(FILE))
            .ok()
            .and_then(|text| serde_json::from_str::<Cache>(&text).ok())
            .filter(|c| c.version == version())
            .unwrap_or_default()
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when it holds nothing.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// What is known about `file` read with `encoding`: Some(None) for a file known not to
    /// be a transcript; None when unknown or stale.
    pub fn get(&mut self, file: &FileInfo, encoding: Option<&str>) -> Option<Option<Meta>> {
        let e = self.entries.get_mut(&key(file))?;
        if e.size != file.size || e.mtime != file.mtime || e.encoding.as_deref() != encoding {
            return None;
        }
        let today = now();
        if e.used / 86_400 != today / 86_400 {
            e.used = today;
            self.dirty = true;
        }
        Some(e.meta.clone())
    }

    /// Records what `file` read with `encoding` turned out to be.
    pub fn put(&mut self, file: &FileInfo, encoding: Option<&str>, meta: Option<Meta>) {
        let entry = Entry {
            size: file.size,
            mtime: file.mtime,
            encoding: encoding.map(Into::into),
            meta,
            used: now(),
        };
        self.entries.insert(key(file), entry);
        self.dirty = true;
    }

    /// Drops the entries under `root` for files not among `present` (deleted or moved).
    pub fn forget_missing(&mut self, root: &Path, present: &[FileInfo]) {
        let keep: std::collections::HashSet<String> = present.iter().map(key).collect();
        let before = self.entries.len();
        self.entries
            .retain(|k, _| !Path::new(k).starts_with(root) || keep.contains(k));
        self.dirty |= self.entries.len() != before;
    }

    /// The content hashes of the calls it knows.
    pub fn hashes(&self) -> std::collections::HashSet<&str> {
        self.entries
            .values()
            .filter_map(|e| e.meta.as_ref().map(|m| m.call_hash.as_str()))
            .collect()
    }

    /// Writes the cache into `dir` if it changed (atomically; the directory is created), and
    /// then drops the search index of calls it no longer knows.
    pub fn save(&mut self, dir: &Path) -> Result<(), String> {
        if !self.dirty {
            return Ok(());
        }
        self.trim();
        let path = dir.join(FILE);
        let text = serde_json::to_string(self).map_err(|e| e.to_string())?;
        fs::create_dir_all(dir)
            .and_then(|()| write_atomically(&path, text.as_bytes()))
            .map_err(|e| format!("cannot save {}: {e}", path.display()))?;
        self.dirty = false;
        super::search::prune(dir, &self.hashes());
        Ok(())
    }

    /// Drops the least recently used entries beyond [`KEEP`].
    fn trim(&mut self) {
        if self.entries.len() <= KEEP {
            return;
        }
        let mut by_age: Vec<(u64, String)> = self
            .entries
            .iter()
            .map(|(k, e)| (e.used, k.clone()))
            .collect();
        by_age.sort();
        for (_, k) in by_age.into_iter().take(self.entries.len() - KEEP) {
            self.entries.remove(&k);
        }
    }
}

/// The key of `file`: its absolute path.
fn key(file: &FileInfo) -> String {
    file.path.to_string_lossy().into_owned()
}

/// Seconds since the Unix epoch.
fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}
