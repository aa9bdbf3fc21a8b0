//! The background loader: scans the folder, then reads each file's metadata (from the cache
//! when it is fresh, else by parsing the whole file) on its own thread, sending results over
//! a channel as they come, and saves the cache at the end.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use super::cache::Cache;
use super::meta::{self, Meta};
use super::scan::{Scan, files, scan};

/// Files read at once, at most (one per core up to this).
const WORKERS: usize = 4;

/// What the loader reports, in this order: the files, their metadata, the end.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// The files found (metadata not yet known).
    Listed(Scan),
    /// The folder could not be read.
    Failed(String),
    /// Metadata of files by index into the listed files (None: not a transcript).
    Loaded(Vec<(usize, Option<Meta>)>),
    /// All files are known: how many came from the cache and how many were parsed, and why
    /// the cache could not be saved, if it could not.
    Done {
        cached: usize,
        parsed: usize,
        cache_error: Option<String>,
    },
}

/// What to list: the files under a folder, or given files (the recent ones) in their order.
#[derive(Debug, Clone)]
pub enum Source {
    Folder(PathBuf),
    Files(Vec<PathBuf>),
    /// Folders (each scanned) and files, listed as one library.
    Paths(Vec<PathBuf>),
}

/// Where and how to load: the files, the cache directory (None: no cache), the encoding.
#[derive(Debug, Clone)]
pub struct Job {
    pub source: Source,
    pub cache: Option<PathBuf>,
    pub encoding: Option<String>,
}

/// A running loader; dropping it stops the thread after the current file (saving the cache).
pub struct Loader {
    rx: Receiver<Message>,
    cancel: Arc<AtomicBool>,
    handle: Option<JoinHandle<()>>,
}

impl Loader {
    /// Starts loading `job` on a new thread.
    pub fn start(job: Job) -> Self {
        let (tx, rx) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&cancel);
        let handle = std::thread::spawn(move || work(&job, &tx, &flag));
        Loader {
            rx,
            cancel,
            handle: Some(handle),
        }
    }

    /// The messages that have arrived, without waiting.
    pub fn pending(&self) -> Vec<Message> {
        self.rx.try_iter().collect()
    }

    /// The next message, waiting at most `limit`; None on timeout or when the loader is done.
    pub fn next(&self, limit: Duration) -> Option<Message> {
        self.rx.recv_timeout(limit).ok()
    }
}

/// How long quitting waits for the loader to finish its file and save the cache.
const STOP_WAIT: Duration = Duration::from_millis(300);

impl Drop for Loader {
    /// Asks the thread to stop and waits a moment for it (to save the cache); a thread
    /// still busy with one long file is left to end with the process, so quitting is never
    /// held up.
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
        if let Some(h) = self.handle.take() {
            let start = std::time::Instant::now();
            while !h.is_finished() && start.elapsed() < STOP_WAIT {
                std::thread::sleep(Duration::from_millis(5));
            }
            if h.is_finished() {
                let _ = h.join();
            }
        }
    }
}

/// The loader thread's work; stops early when `cancel` is set or nobody listens.
fn work(job: &Job, tx: &Sender<Message>, cancel: &AtomicBool) {
    let (found, folder) = match &job.source {
        Source::Folder(root) => match scan(root) {
            Ok(s) => (s, true),
            Err(e) => {
                let _ = tx.send(Message::Failed(format!("{}: {e}", root.display())));
                return;
            }
        },
        Source::Files(paths) => (files(paths), false),
        Source::Paths(paths) => {
            let mut all = files(&[]);
            for p in paths {
                if p.is_dir() {
                    match scan(p) {
                        Ok(s) => {
                            all.files.extend(s.files);
                            all.truncated |= s.truncated;
                        }
                        Err(e) => {
                            let _ = tx.send(Message::Failed(format!("{}: {e}", p.display())));
                            return;
                        }
                    }
                } else {
                    all.files.extend(files(std::slice::from_ref(p)).files);
                }
            }
            (all, false)
        }
    };
    // Entries of files no longer in the folder are forgotten after a whole folder's scan.
    let (root, files, complete_scan) = (
        found.root.clone(),
        found.files.clone(),
        folder && !found.truncated,
    );
    if tx.send(Message::Listed(found)).is_err() {
        return;
    }
    let mut cache = job
        .cache
        .as_deref()
        .map_or_else(Cache::default, Cache::load);
    let enc = job.encoding.as_deref();
    let mut misses = Vec::new();
    let mut hits = Vec::new();
    for (i, f) in files.iter().enumerate() {
        match cache.get(f, enc) {
            Some(m) => hits.push((i, m)),
            None => misses.push(i),
        }
    }
    let cached = hits.len();
    let mut parsed = 0;
    let listening = tx.send(Message::Loaded(hits)).is_ok();
    // The files not cached are read by a few workers at once (one per core, at most
    // `WORKERS`); this thread keeps the cache and passes each result on as it comes.
    let stop = AtomicBool::new(!listening);
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get().clamp(1, WORKERS));
    std::thread::scope(|s| {
        let (done_tx, done_rx) = mpsc::channel();
        for _ in 0..workers.min(misses.len()) {
            let done_tx = done_tx.clone();
            let (next, stop, misses, files) = (&next, &stop, &misses, &files);
            s.spawn(move || {
                while !stop.load(Ordering::Relaxed) && !cancel.load(Ordering::Relaxed) {
                    let Some(&i) = misses.get(next.fetch_add(1, Ordering::Relaxed)) else {
                        break;
                    };
                    // Debug builds only: a file of this name makes the loader panic, for the
                    // test that the library reports a worker's panic and keeps the terminal.
                    #[cfg(debug_assertions)]
                    if files[i].path.file_name()
                        == Some(std::ffi::OsStr::new("tandem-loader-panic.txt"))
                    {
                        stop.store(true, Ordering::Relaxed);
                        panic!("loader panic for a test");
                    }
                    let m = meta::read_and_index(&files[i].path, enc, job.cache.as_deref());
                    if done_tx.send((i, m)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        for (i, m) in done_rx {
            cache.put(&files[i], enc, m.clone());
            parsed += 1;
            if tx.send(Message::Loaded(vec![(i, m)])).is_err() {
                stop.store(true, Ordering::Relaxed);
            }
        }
    });
    let finished = cached + parsed == files.len();
    if finished && complete_scan {
        cache.forget_missing(&root, &files);
    }
    let cache_error = job.cache.as_deref().and_then(|d| cache.save(d).err());
    if finished {
        let _ = tx.send(Message::Done {
            cached,
            parsed,
            cache_error,
        });
    }
}
