//! Finding the files of a library folder: recursively, hidden files and directories skipped,
//! symbolic links to directories not followed, depth and count capped.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// How many directory levels below the folder are searched.
pub const MAX_DEPTH: usize = 6;
/// Files listed at most; the scan stops there and says so.
pub const MAX_FILES: usize = 10_000;

/// A file found in the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileInfo {
    /// Absolute path (the folder canonicalised, then the relative path).
    pub path: PathBuf,
    /// Path relative to the folder, `/`-separated, for showing and filtering.
    pub rel: String,
    pub size: u64,
    /// Modification time in nanoseconds since the Unix epoch (0 when unknown).
    pub mtime: u64,
}

/// The files of a folder, sorted by relative path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scan {
    /// The folder, canonicalised.
    pub root: PathBuf,
    pub files: Vec<FileInfo>,
    /// True when the scan stopped at [`MAX_FILES`].
    pub truncated: bool,
}

/// Lists the regular files under `root`; Err only when `root` itself cannot be read.
pub fn scan(root: &Path) -> io::Result<Scan> {
    let root = fs::canonicalize(root)?;
    let entries = sorted_entries(&root)?;
    let mut out = Scan {
        root,
        ..Scan::default()
    };
    walk(entries, "", 0, &mut out);
    Ok(out)
}

/// The given files that still exist, in the given order (for the recent files): each named
/// by its path, with the home directory shown as `~`.
pub fn files(paths: &[PathBuf]) -> Scan {
    let home = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
    let files = paths
        .iter()
        .filter_map(|path| {
            let meta = fs::metadata(path).ok().filter(fs::Metadata::is_file)?;
            let rel = match home.as_deref().and_then(|h| path.strip_prefix(h).ok()) {
                Some(under) => format!("~/{}", under.display()),
                None => path.display().to_string(),
            };
            Some(file_info(path.clone(), rel, &meta))
        })
        .collect();
    Scan {
        root: PathBuf::new(),
        files,
        truncated: false,
    }
}

/// Adds the files among `entries` (at `depth`, named under `prefix`) and below them.
fn walk(entries: Vec<(String, PathBuf)>, prefix: &str, depth: usize, out: &mut Scan) {
    for (name, path) in entries {
        if out.truncated {
            return;
        }
        let rel = format!("{prefix}{name}");
        match kind(&path) {
            Kind::Dir if depth < MAX_DEPTH => {
                if let Ok(sub) = sorted_entries(&path) {
                    walk(sub, &format!("{rel}/"), depth + 1, out);
                }
            }
            Kind::File(_) if out.files.len() == MAX_FILES => out.truncated = true,
            Kind::File(meta) => out.files.push(file_info(path, rel, &meta)),
            _ => {}
        }
    }
}

/// What a directory entry is, for the scan.
enum Kind {
    Dir,
    File(fs::Metadata),
    Other,
}

/// A real directory (not a link to one), a regular file (links followed), or something else.
fn kind(path: &Path) -> Kind {
    match fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => Kind::Dir,
        Ok(m) if m.is_file() => Kind::File(m),
        Ok(m) if m.file_type().is_symlink() => match fs::metadata(path) {
            Ok(target) if target.is_file() => Kind::File(target),
            _ => Kind::Other,
        },
        _ => Kind::Other,
    }
}

/// The visible entries of `dir` (names not starting with `.`), sorted by name.
fn sorted_entries(dir: &Path) -> io::Result<Vec<(String, PathBuf)>> {
    let mut entries: Vec<(String, PathBuf)> = fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .filter(|(name, _)| !name.starts_with('.'))
        .collect();
    entries.sort();
    Ok(entries)
}

/// The facts kept about one file.
fn file_info(path: PathBuf, rel: String, meta: &fs::Metadata) -> FileInfo {
    FileInfo {
        path,
        rel,
        size: meta.len(),
        mtime: mtime_nanos(meta),
    }
}

/// Modification time in nanoseconds since the epoch, 0 when the system does not say.
pub fn mtime_nanos(meta: &fs::Metadata) -> u64 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Relative paths of the files a scan of `root` finds.
    fn names(root: &Path) -> Vec<String> {
        scan(root)
            .unwrap()
            .files
            .into_iter()
            .map(|f| f.rel)
            .collect()
    }

    #[test]
    fn finds_files_recursively_sorted_skipping_hidden_ones() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        fs::create_dir_all(d.join("b/inner")).unwrap();
        fs::create_dir_all(d.join(".git")).unwrap();
        for f in [
            "z.txt",
            "a.txt",
            "b/inner/c.txt",
            ".hidden.txt",
            ".git/config",
        ] {
            fs::write(d.join(f), "x").unwrap();
        }
        assert_eq!(names(d), ["a.txt", "b/inner/c.txt", "z.txt"]);
        let s = scan(d).unwrap();
        assert!(s.files.iter().all(|f| f.path.is_absolute() && f.size == 1));
        assert!(s.files[0].mtime > 0);
    }

    #[test]
    fn depth_is_capped() {
        let dir = tempfile::tempdir().unwrap();
        let mut deep = dir.path().to_path_buf();
        for i in 0..=MAX_DEPTH + 1 {
            deep = deep.join(format!("d{i}"));
            fs::create_dir_all(&deep).unwrap();
            fs::write(deep.join("f.txt"), "x").unwrap();
        }
        assert_eq!(names(dir.path()).len(), MAX_DEPTH);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_a_parent_directory_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.txt"), "x").unwrap();
        std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
        assert_eq!(names(dir.path()), ["a.txt"]);
    }

    #[test]
    fn listed_files_keep_their_order_and_missing_ones_drop_out() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
        fs::write(&a, "x").unwrap();
        fs::write(&b, "xy").unwrap();
        let s = files(&[b.clone(), dir.path().join("gone.txt"), dir.path().into(), a]);
        let paths: Vec<&Path> = s.files.iter().map(|f| f.path.as_path()).collect();
        assert_eq!(paths, [b.as_path(), &dir.path().join("a.txt")]);
        assert_eq!(s.files[0].size, 2);
        assert!(s.files[0].rel.ends_with("b.txt"));
    }

    #[test]
    fn an_unreadable_root_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        assert!(scan(&dir.path().join("missing")).is_err());
    }
}
