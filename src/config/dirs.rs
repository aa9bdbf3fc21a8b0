//! Where tandem keeps its files, by kind, as each platform expects:
//!
//! - **config**: `config.toml` (what the user edits);
//! - **data**: `bookmarks.json` (the user's notes; never rebuilt);
//! - **state**: `positions.json`, `recent.json` (where the user was; small, worth keeping);
//! - **cache**: `library-cache.json` and the `search/` index (rebuilt when missing).
//!
//! `TANDEM_CONFIG_DIR` puts everything in one directory (as it always did);
//! `TANDEM_DATA_DIR` puts everything but `config.toml` in another. Files an older tandem left
//! in the config directory are moved once to where they now belong ([`migrate`]).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Environment variable that overrides the config directory (and, unless
/// [`DATA_ENV`] is set, every other directory).
pub const CONFIG_ENV: &str = "TANDEM_CONFIG_DIR";

/// Environment variable that overrides the data, state and cache directories.
pub const DATA_ENV: &str = "TANDEM_DATA_DIR";

/// A directory named by an environment variable (unset or empty: none).
fn env_dir(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
}

fn project() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "tandem")
}

/// The directory every non-config file goes to when the user named one.
fn overridden() -> Option<PathBuf> {
    env_dir(DATA_ENV).or_else(|| env_dir(CONFIG_ENV))
}

/// The config directory (`config.toml`): `TANDEM_CONFIG_DIR`, else the platform's
/// (`~/.config/tandem`, `~/Library/Application Support/tandem`, `%APPDATA%\tandem\config`).
pub fn config_dir() -> Option<PathBuf> {
    env_dir(CONFIG_ENV).or_else(|| project().map(|d| d.config_dir().to_path_buf()))
}

/// The data directory (bookmarks): `TANDEM_DATA_DIR`, `TANDEM_CONFIG_DIR`, else the
/// platform's (`~/.local/share/tandem`, `~/Library/Application Support/tandem`,
/// `%APPDATA%\tandem\data`).
pub fn data_dir() -> Option<PathBuf> {
    overridden().or_else(|| project().map(|d| d.data_dir().to_path_buf()))
}

/// The state directory (reading positions, recent files): as [`data_dir`] when overridden,
/// else the platform's state directory (`~/.local/state/tandem`), or its local data
/// directory where it has none (macOS, Windows).
pub fn state_dir() -> Option<PathBuf> {
    overridden().or_else(|| {
        project().map(|d| {
            d.state_dir()
                .unwrap_or_else(|| d.data_local_dir())
                .to_path_buf()
        })
    })
}

/// The cache directory (library cache, search index): as [`data_dir`] when overridden, else
/// the platform's (`~/.cache/tandem`, `~/Library/Caches/tandem`,
/// `%LOCALAPPDATA%\tandem\cache`).
pub fn cache_dir() -> Option<PathBuf> {
    overridden().or_else(|| project().map(|d| d.cache_dir().to_path_buf()))
}

/// What an older tandem kept in the config directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Data,
    State,
    Cache,
}

/// The files that used to live in the config directory, and the kind each is now (the
/// writers' own constants are checked against these names in their modules' tests).
pub const MOVED: [(&str, Kind); 5] = [
    ("bookmarks.json", Kind::Data),
    ("positions.json", Kind::State),
    ("recent.json", Kind::State),
    ("library-cache.json", Kind::Cache),
    ("search", Kind::Cache),
];

/// The directories one run uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dirs {
    pub config: PathBuf,
    pub data: PathBuf,
    pub state: PathBuf,
    pub cache: PathBuf,
}

impl Dirs {
    /// This run's directories (none when the system names no home directory).
    pub fn current() -> Option<Dirs> {
        Some(Dirs {
            config: config_dir()?,
            data: data_dir()?,
            state: state_dir()?,
            cache: cache_dir()?,
        })
    }

    fn of(&self, kind: Kind) -> &Path {
        match kind {
            Kind::Data => &self.data,
            Kind::State => &self.state,
            Kind::Cache => &self.cache,
        }
    }

    /// Moves what an older tandem left in the config directory to the directory it now
    /// belongs in, once: a file already at the new place is never replaced (the old one is
    /// left where it is). Data and state move under both places' locks, by a rename, or where
    /// the directories are on different disks by a synced copy renamed into place before the
    /// original is removed; a link moves as a link to the same file; copies moved aside as
    /// unreadable (`NAME.corrupt-…`) go along. A cache that cannot be renamed is deleted (it is
    /// rebuilt). Returns one line per file moved or left behind, for the user.
    pub fn migrate(&self) -> Vec<String> {
        let mut said = Vec::new();
        for (name, kind) in MOVED {
            let to_dir = self.of(kind);
            if to_dir == self.config {
                continue;
            }
            let from = self.config.join(name);
            if fs::symlink_metadata(&from).is_err() {
                continue;
            }
            let result = match kind {
                Kind::Cache => move_cache(&from, to_dir, name),
                Kind::Data | Kind::State => move_kept(&from, to_dir, name),
            };
            match result {
                Ok(Some(to)) => said.push(format!(
                    "moved {} to {} (its new place)",
                    from.display(),
                    to.display()
                )),
                Ok(None) => {}
                Err(e) => said.push(format!(
                    "could not move {} to {}: {e}; it stays where it is",
                    from.display(),
                    to_dir.display()
                )),
            }
        }
        said
    }
}

/// [`Dirs::migrate`] for this run's directories.
pub fn migrate() -> Vec<String> {
    Dirs::current().map(|d| d.migrate()).unwrap_or_default()
}

/// Moves the cache `from` into `to_dir` (deleting it when it cannot move or is there).
fn move_cache(from: &Path, to_dir: &Path, name: &str) -> io::Result<Option<PathBuf>> {
    let to = to_dir.join(name);
    let moved = fs::symlink_metadata(&to).is_err()
        && fs::create_dir_all(to_dir).is_ok()
        && fs::rename(from, &to).is_ok();
    if !moved {
        if fs::symlink_metadata(from)?.is_dir() {
            fs::remove_dir_all(from)?;
        } else {
            fs::remove_file(from)?;
        }
    }
    Ok(moved.then_some(to))
}

/// Moves the data or state file `from` into `to_dir` under both places' locks, with its
/// `.corrupt-…` copies. `None` when a file is already at the new place.
fn move_kept(from: &Path, to_dir: &Path, name: &str) -> io::Result<Option<PathBuf>> {
    fs::create_dir_all(to_dir)?;
    let to = to_dir.join(name);
    let wait = Duration::from_secs(5);
    let old_lock = crate::persist::lock(from, wait).map_err(io::Error::other)?;
    let new_lock = crate::persist::lock(&to, wait).map_err(io::Error::other)?;
    if fs::symlink_metadata(&to).is_ok() {
        return Ok(None);
    }
    move_one(from, &to)?;
    if let Some(dir) = from.parent()
        && let Ok(entries) = fs::read_dir(dir)
    {
        let aside = format!("{name}.corrupt-");
        for entry in entries.flatten() {
            let file = entry.file_name();
            if file.to_string_lossy().starts_with(&aside)
                && fs::symlink_metadata(to_dir.join(&file)).is_err()
            {
                move_one(&dir.join(&file), &to_dir.join(&file))?;
            }
        }
    }
    drop(new_lock);
    drop(old_lock);
    // Only an older tandem would take the old lock again; the file it guarded is gone.
    let _ = fs::remove_file(from.with_file_name(format!("{name}.lock")));
    Ok(Some(to))
}

/// Moves one file (or link) from `from` to `to`, across disks if need be.
fn move_one(from: &Path, to: &Path) -> io::Result<()> {
    #[cfg(unix)]
    if fs::symlink_metadata(from)?.file_type().is_symlink() {
        // A relative link would point elsewhere from its new directory: link to the file itself.
        std::os::unix::fs::symlink(fs::canonicalize(from)?, to)?;
        return fs::remove_file(from);
    }
    if fs::rename(from, to).is_ok() {
        return Ok(());
    }
    let bytes = fs::read(from)?;
    crate::persist::write_atomically(to, &bytes)?;
    fs::remove_file(from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dirs(root: &Path) -> Dirs {
        Dirs {
            config: root.join("config"),
            data: root.join("data"),
            state: root.join("state"),
            cache: root.join("cache"),
        }
    }

    #[test]
    fn the_moved_names_are_the_files_the_config_layer_writes() {
        let names: Vec<&str> = MOVED.iter().map(|(n, _)| *n).collect();
        assert!(names.contains(&crate::config::recent::FILE));
        assert!(names.contains(&crate::config::positions::POSITIONS));
    }

    #[test]
    fn old_files_move_once_to_their_kinds_directory() {
        let root = tempfile::tempdir().unwrap();
        let d = dirs(root.path());
        fs::create_dir_all(&d.config).unwrap();
        fs::write(d.config.join("config.toml"), "script = \"traditional\"\n").unwrap();
        fs::write(d.config.join("bookmarks.json"), "{\"marks\": 1}").unwrap();
        fs::write(d.config.join("bookmarks.json.corrupt-17"), "broken").unwrap();
        fs::write(d.config.join("positions.json"), "{}").unwrap();
        fs::write(d.config.join("recent.json"), "[]").unwrap();
        fs::write(d.config.join("library-cache.json"), "{}").unwrap();
        fs::create_dir_all(d.config.join("search")).unwrap();
        fs::write(d.config.join("search/ab.v5.fold"), "x").unwrap();

        let said = d.migrate();
        assert_eq!(said.len(), 5, "{said:?}");
        assert_eq!(
            fs::read_to_string(d.data.join("bookmarks.json")).unwrap(),
            "{\"marks\": 1}"
        );
        assert!(d.data.join("bookmarks.json.corrupt-17").is_file());
        assert!(d.state.join("positions.json").is_file());
        assert!(d.state.join("recent.json").is_file());
        assert!(d.cache.join("library-cache.json").is_file());
        assert!(d.cache.join("search/ab.v5.fold").is_file());
        let left: Vec<String> = fs::read_dir(&d.config)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(left, ["config.toml"], "only the settings stay");
        assert!(d.migrate().is_empty(), "a second run has nothing to move");
    }

    #[test]
    fn a_file_already_in_its_new_place_is_never_replaced() {
        let root = tempfile::tempdir().unwrap();
        let d = dirs(root.path());
        fs::create_dir_all(&d.config).unwrap();
        fs::create_dir_all(&d.data).unwrap();
        fs::write(d.config.join("bookmarks.json"), "old").unwrap();
        fs::write(d.data.join("bookmarks.json"), "new").unwrap();
        assert!(d.migrate().is_empty());
        assert_eq!(
            fs::read_to_string(d.data.join("bookmarks.json")).unwrap(),
            "new"
        );
        assert_eq!(
            fs::read_to_string(d.config.join("bookmarks.json")).unwrap(),
            "old"
        );
    }

    #[test]
    fn one_directory_for_all_moves_nothing() {
        let root = tempfile::tempdir().unwrap();
        let same = root.path().to_path_buf();
        let d = Dirs {
            config: same.clone(),
            data: same.clone(),
            state: same.clone(),
            cache: same.clone(),
        };
        fs::write(same.join("bookmarks.json"), "{}").unwrap();
        assert!(d.migrate().is_empty());
        assert!(same.join("bookmarks.json").is_file());
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_file_moves_as_a_link_to_the_same_file() {
        let root = tempfile::tempdir().unwrap();
        let d = dirs(root.path());
        let dotfiles = root.path().join("dotfiles");
        fs::create_dir_all(&dotfiles).unwrap();
        fs::write(dotfiles.join("bookmarks.json"), "mine").unwrap();
        // A relative link from a deeper config directory: moved as it is, it would dangle.
        let d = Dirs {
            config: root.path().join("deep/config"),
            ..d
        };
        fs::create_dir_all(&d.config).unwrap();
        std::os::unix::fs::symlink(
            "../../dotfiles/bookmarks.json",
            d.config.join("bookmarks.json"),
        )
        .unwrap();
        assert_eq!(d.migrate().len(), 1);
        let moved = d.data.join("bookmarks.json");
        assert!(
            fs::symlink_metadata(&moved)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&moved).unwrap(), "mine");
    }
}
