//! Paths (config directory) and remembered reading positions.
//!
//! Positions live in `positions.json` in the config directory, keyed by a hash of the
//! transcript's text. Under a lock on `positions.json.lock` the file is re-read before each
//! save (so other running readers' positions survive), written to a temporary file, synced,
//! and renamed over the old one.
//! A file that cannot be parsed is moved aside, never overwritten.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// Environment variable that overrides the config directory.
pub const CONFIG_ENV: &str = "TANDEM_CONFIG_DIR";
/// File name of the positions store.
const POSITIONS: &str = "positions.json";
/// Positions kept at most (the least recently saved are dropped).
const KEEP: usize = 500;
/// How long a save waits for another reader to finish saving positions.
const LOCK_WAIT: Duration = Duration::from_secs(2);

/// The config directory: `TANDEM_CONFIG_DIR`, else the platform's config dir for tandem.
pub fn config_dir() -> Option<PathBuf> {
    match std::env::var_os(CONFIG_ENV) {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => directories::ProjectDirs::from("", "", "tandem").map(|d| d.config_dir().to_path_buf()),
    }
}

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

/// Reads a JSON file of the config directory: a missing file is the default value; an
/// unparsable one is moved aside (never written over) and Err says where; an unreadable one
/// is left alone and Err says why.
pub(crate) fn read_json<T: serde::de::DeserializeOwned + Default>(
    path: &Path,
) -> Result<T, String> {
    let text = match fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(T::default()),
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    };
    serde_json::from_str(&text).map_err(|e| match quarantine(path) {
        Ok(aside) => format!(
            "{} was unreadable ({e}); moved to {}",
            path.display(),
            aside.display()
        ),
        Err(_) => format!("{} is unreadable ({e})", path.display()),
    })
}

/// Moves an unusable file aside to `NAME.corrupt-SECONDS[-N]` (never over another such
/// file) and returns where it went.
pub(crate) fn quarantine(path: &Path) -> std::io::Result<PathBuf> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let base = format!("{name}.corrupt-{}", now());
    let aside = (0..)
        .map(|n| match n {
            0 => path.with_file_name(&base),
            n => path.with_file_name(format!("{base}-{n}")),
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| path.with_file_name(&base));
    fs::rename(path, &aside)?;
    Ok(aside)
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

/// Takes the exclusive lock on `path`'s `.lock` sibling, waiting at most `wait` for another
/// tandem to release it. The lock is held until the returned file is dropped.
pub(crate) fn lock(path: &Path, wait: Duration) -> Result<fs::File, String> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let lock_path = path.with_file_name(format!("{name}.lock"));
    let file = fs::File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|e| format!("cannot open {}: {e}", lock_path.display()))?;
    // A blocking lock queues behind the holder (polling with try_lock can starve when another
    // process takes the lock again and again); a helper thread bounds the wait.
    let waiter = file
        .try_clone()
        .map_err(|e| format!("cannot lock {}: {e}", lock_path.display()))?;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(waiter.lock());
    });
    match rx.recv_timeout(wait) {
        Ok(Ok(())) => Ok(file),
        Ok(Err(e)) => Err(format!("cannot lock {}: {e}", lock_path.display())),
        Err(_) => Err(format!("{} is held by another tandem", lock_path.display())),
    }
}

/// Writes `bytes` to a temporary sibling of `path`, syncs it, renames it over `path`, and
/// syncs the directory (best effort) so the rename survives a crash.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let tmp = path.with_file_name(format!("{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&tmp, path)?;
        if let Some(dir) = path.parent().and_then(|d| fs::File::open(d).ok()) {
            let _ = dir.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Seconds since the Unix epoch.
pub(crate) fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
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
