//! Remembered reading positions.
//!
//! Positions live in `positions.json` in the state directory, keyed by a hash of the
//! transcript's text. Under a lock on `positions.json.lock` the file is re-read before each
//! save (so other running readers' positions survive), written to a temporary file, synced,
//! and renamed over the old one.
//! A file that cannot be parsed is moved aside, never overwritten.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::persist::{lock, now, read_json, write_atomically};

/// File name of the positions store.
pub const POSITIONS: &str = "positions.json";
/// Positions kept at most (the least recently saved are dropped).
const KEEP: usize = 500;
/// How long a save waits for another reader to finish saving positions.
const LOCK_WAIT: Duration = Duration::from_secs(2);

/// A remembered reading position: a turn, a block in it, a line in that block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub turn: usize,
    pub block: Option<usize>,
    #[serde(default)]
    pub line: usize,
    /// Seconds since the Unix epoch when it was saved.
    #[serde(default)]
    pub saved: u64,
}

/// The positions file's content.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Store {
    version: u32,
    positions: BTreeMap<String, Position>,
}

/// The position stored under `key` in `dir`, if any; Err says why the store was unusable.
pub fn load_position(dir: &Path, key: &str) -> Result<Option<Position>, String> {
    Ok(read_store(&dir.join(POSITIONS))?
        .positions
        .get(key)
        .copied())
}

/// Stores `pos` under `key` in `dir`, keeping the other transcripts' positions.
pub fn save_position(dir: &Path, key: &str, mut pos: Position) -> Result<(), String> {
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let path = dir.join(POSITIONS);
    // Read, change and write under the lock, so that two readers saving at once both keep
    // their positions.
    let _lock = lock(&path, LOCK_WAIT)?;
    let mut store = match read_store(&path) {
        Ok(store) => store,
        // Unreadable (not moved aside): leave it alone.
        Err(e) if path.exists() => return Err(e),
        // Unparsable, and moved aside: start again.
        Err(_) => Store::default(),
    };
    pos.saved = now();
    store.version = 1;
    store.positions.insert(key.to_string(), pos);
    trim(&mut store.positions);
    let text = serde_json::to_string_pretty(&store).map_err(|e| e.to_string())?;
    write_atomically(&path, text.as_bytes())
        .map_err(|e| format!("cannot save {}: {e}", path.display()))
}

/// Reads the store; a missing file is empty, an unparsable one is moved aside.
fn read_store(path: &Path) -> Result<Store, String> {
    read_json(path)
}

/// Drops the least recently saved positions beyond [`KEEP`].
fn trim(positions: &mut BTreeMap<String, Position>) {
    if positions.len() <= KEEP {
        return;
    }
    let mut by_age: Vec<(u64, String)> = positions
        .iter()
        .map(|(k, p)| (p.saved, k.clone()))
        .collect();
    by_age.sort();
    for (_, k) in by_age.into_iter().take(positions.len() - KEEP) {
        positions.remove(&k);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A position at `turn`.
    fn at(turn: usize) -> Position {
        Position {
            turn,
            block: Some(1),
            line: 2,
            saved: 0,
        }
    }

    #[test]
    fn positions_round_trip_and_keep_other_keys() {
        let dir = tempfile::tempdir().unwrap();
        save_position(dir.path(), "a", at(3)).unwrap();
        save_position(dir.path(), "b", at(7)).unwrap();
        assert_eq!(
            load_position(dir.path(), "a").unwrap().map(|p| p.turn),
            Some(3)
        );
        assert_eq!(
            load_position(dir.path(), "b")
                .unwrap()
                .map(|p| (p.block, p.line)),
            Some((Some(1), 2))
        );
        assert_eq!(load_position(dir.path(), "c").unwrap(), None);
        let mut names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            ["positions.json", "positions.json.lock"],
            "no temporary file is left behind"
        );
    }

    #[test]
    fn readers_saving_at_once_keep_each_others_positions() {
        let dir = tempfile::tempdir().unwrap();
        std::thread::scope(|s| {
            for reader in 0..2 {
                let dir = dir.path();
                s.spawn(move || {
                    for n in 0..30 {
                        save_position(dir, &format!("{reader}-{n}"), at(n)).unwrap();
                    }
                });
            }
        });
        let text = fs::read_to_string(dir.path().join(POSITIONS)).unwrap();
        let store: Store = serde_json::from_str(&text).unwrap();
        assert_eq!(store.positions.len(), 60);
    }

    #[test]
    fn a_corrupt_store_is_moved_aside_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(POSITIONS), "{ not json").unwrap();
        let err = load_position(dir.path(), "a").unwrap_err();
        assert!(err.contains("moved to"), "{err}");
        let names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            names
                .iter()
                .any(|n| n.starts_with("positions.json.corrupt-")),
            "{names:?}"
        );
        save_position(dir.path(), "a", at(1)).unwrap();
        assert_eq!(
            load_position(dir.path(), "a").unwrap().map(|p| p.turn),
            Some(1)
        );
    }

    #[test]
    fn saving_into_an_unwritable_place_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("plain-file");
        fs::write(&file, "x").unwrap();
        assert!(save_position(&file, "a", at(1)).is_err());
    }
}
