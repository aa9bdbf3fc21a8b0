//! Files that must survive crashes and other readers: a `.lock` sibling held across
//! read → merge → write, writes to a temporary file renamed into place, and unparsable
//! files moved aside rather than written over. Used by the bookmark store and the config
//! files alike.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Largest data file (bookmarks, positions, settings, the library cache) read, in bytes.
pub const MAX_DATA_FILE: u64 = 64 * 1_000_000;

/// Reads a regular file of at most `limit` bytes. A pipe, socket or device is refused
/// without blocking (opened non-blocking on Unix, then checked on the open handle, so a file
/// swapped for a FIFO cannot hang the reader).
pub fn read_regular(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    use std::io::{Error, ErrorKind, Read};
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(Error::new(ErrorKind::IsADirectory, "it is a directory"));
    }
    if !meta.is_file() {
        return Err(Error::new(
            ErrorKind::InvalidInput,
            "it is not a regular file (a pipe, socket or device)",
        ));
    }
    if meta.len() > limit {
        return Err(Error::new(
            ErrorKind::FileTooLarge,
            format!("it is larger than {limit} bytes"),
        ));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(Error::new(
            ErrorKind::FileTooLarge,
            format!("it is larger than {limit} bytes"),
        ));
    }
    Ok(bytes)
}

/// [`read_regular`] as UTF-8 text.
pub fn read_text(path: &Path) -> std::io::Result<String> {
    let bytes = read_regular(path, MAX_DATA_FILE)?;
    String::from_utf8(bytes)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e.utf8_error()))
}

/// Reads a JSON file: a missing file is the default value; an
/// unparsable one is moved aside (never written over) and Err says where; an unreadable one
/// is left alone and Err says why.
pub fn read_json<T: serde::de::DeserializeOwned + Default>(path: &Path) -> Result<T, String> {
    let text = match read_text(path) {
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
pub fn quarantine(path: &Path) -> std::io::Result<PathBuf> {
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

/// Takes the exclusive lock on `path`'s `.lock` sibling, waiting at most `wait` for another
/// tandem to release it. The lock is held until the returned file is dropped.
pub fn lock(path: &Path, wait: Duration) -> Result<fs::File, String> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let lock_path = path.with_file_name(format!("{name}.lock"));
    let file = fs::File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|e| format!("cannot open {}: {e}", lock_path.display()))?;
    // Free (nearly always): taken at once. Held: a blocking lock queues behind the holder
    // (polling with try_lock can starve when another process takes the lock again and
    // again); a helper thread bounds the wait.
    match file.try_lock() {
        Ok(()) => return Ok(file),
        Err(fs::TryLockError::WouldBlock) => {}
        Err(fs::TryLockError::Error(e)) => {
            return Err(format!("cannot lock {}: {e}", lock_path.display()));
        }
    }
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

/// Writes a file that can be rebuilt (a cache): to a temporary sibling renamed over `path`,
/// so a reader never sees half of it, but without waiting for the disk.
pub fn write_cache_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let tmp = path.with_file_name(format!(
        "{name}.tmp-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let result = fs::write(&tmp, bytes).and_then(|()| fs::rename(&tmp, path));
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Writes `bytes` to a temporary sibling of `path`, syncs it, renames it over `path`, and
/// syncs the directory (best effort) so the rename survives a crash.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    // A link is followed to the real file, which is replaced (the link stays a link).
    let path = &match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(path)?,
        _ => path.to_path_buf(),
    };
    if let Ok(m) = fs::metadata(path)
        && !m.is_file()
    {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            if m.is_dir() {
                "it is a directory"
            } else {
                "it is not a regular file (a device, pipe or socket); nothing was written"
            },
        ));
    }
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let pid = std::process::id();
    let mut tmp = path.with_file_name(format!("{name}.tmp-{pid}"));
    let mut file = None;
    for n in 1..=100 {
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(f) => {
                file = Some(f);
                break;
            }
            // A temporary file of ours left by a kill, or something planted: another name.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                tmp = path.with_file_name(format!("{name}.tmp-{pid}-{n}"));
            }
            Err(e) => return Err(e),
        }
    }
    let mut f = file.ok_or_else(|| std::io::Error::other("no free temporary name"))?;
    let result = (|| {
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

/// Writes `bytes` to a new file `STEM.EXT` in `dir` (or `STEM-2.EXT`, `STEM-3.EXT`, …),
/// never over anything already there (a file, or a link planted under that name: the file
/// is created exclusively), and returns its path.
pub fn write_new(dir: &Path, stem: &str, ext: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
    for n in 1..100 {
        let path = match n {
            1 => dir.join(format!("{stem}.{ext}")),
            n => dir.join(format!("{stem}-{n}.{ext}")),
        };
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut f) => {
                f.write_all(bytes)?;
                f.sync_all()?;
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("no free file name"))
}

/// A temporary file older than this was left by a writer that was killed (a write takes
/// milliseconds).
const STALE_TEMP: Duration = Duration::from_secs(600);

/// Removes the temporary files `NAME.tmp-…` that killed writers left beside `path`; call
/// it holding `path`'s lock. Returns how many went.
pub fn clean_stale_temps(path: &Path) -> usize {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return 0;
    };
    let prefix = format!("{}.tmp-", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    }) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let stale = entry.file_name().to_string_lossy().starts_with(&prefix)
            && entry.metadata().is_ok_and(|m| {
                m.is_file()
                    && m.modified()
                        .ok()
                        .and_then(|t| t.elapsed().ok())
                        .is_some_and(|age| age > STALE_TEMP)
            });
        if stale && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Seconds since the Unix epoch.
pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_free_lock_is_taken_and_a_held_one_waits_then_gives_up_or_is_taken() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.json");
        let held = lock(&path, Duration::from_millis(100)).expect("a free lock is taken");
        // Held: the wait is bounded, and the message names the holder.
        let err = lock(&path, Duration::from_millis(50)).unwrap_err();
        assert!(err.contains("held by another tandem"), "{err}");
        // Released while waiting: taken.
        let release = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            drop(held);
        });
        let again = lock(&path, Duration::from_secs(5));
        release.join().unwrap();
        assert!(again.is_ok(), "{again:?}");
    }
}
