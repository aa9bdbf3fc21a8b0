//! How fast the library fills: a folder of calls read cold (no cache: every file parsed)
//! and warm (from the cache), and what sorting the list costs as results arrive.
//!
//! ```sh
//! cargo run --release --example library_fill -- [FILES] [COPIES]
//! ```
//!
//! FILES (default: the built-in sample) are copied COPIES times (default 500 in all) into a
//! temporary folder. Nothing here is a test: compare figures taken in one run.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use tandem::library::list::Library;
use tandem::library::loader::{Job, Loader, Message, Source};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (files, copies): (Vec<PathBuf>, usize) = match args.last().and_then(|a| a.parse().ok()) {
        Some(n) => (
            args[..args.len() - 1].iter().map(PathBuf::from).collect(),
            n,
        ),
        None => (args.iter().map(PathBuf::from).collect(), 500),
    };
    let texts: Vec<String> = if files.is_empty() {
        vec![tandem::call::SAMPLE.to_string()]
    } else {
        files
            .iter()
            .map(|f| std::fs::read_to_string(f).expect("a readable file"))
            .collect()
    };
    let dir = std::env::temp_dir().join(format!("tandem-library-fill-{}", std::process::id()));
    let calls = dir.join("calls");
    let config = dir.join("config");
    std::fs::create_dir_all(&calls).unwrap();
    std::fs::create_dir_all(&config).unwrap();
    for i in 0..copies {
        let text = &texts[i % texts.len()];
        // Each copy its own call: a line of its own keeps the cache from merging them.
        let body = format!("{text}\n\nCopy {i}.\n");
        std::fs::write(calls.join(format!("call-{i:05}.txt")), body).unwrap();
    }
    for pass in ["cold", "warm"] {
        let (took, sorting) = fill(&calls, &config);
        println!(
            "{pass}: {copies} files in {:.0} ms, {:.0} files/s; list upkeep on the UI thread {:.1} ms",
            took.as_secs_f64() * 1000.0,
            copies as f64 / took.as_secs_f64(),
            sorting.as_secs_f64() * 1000.0,
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Loads the folder into a library as the browser does, every 50 ms taking in what arrived;
/// returns the time to the end and the time spent keeping the list.
fn fill(calls: &std::path::Path, config: &std::path::Path) -> (Duration, Duration) {
    let start = Instant::now();
    let loader = Loader::start(Job {
        source: Source::Folder(calls.to_path_buf()),
        cache: Some(config.to_path_buf()),
        encoding: None,
    });
    let mut lib = Library::new(calls);
    let mut upkeep = Duration::ZERO;
    loop {
        std::thread::sleep(Duration::from_millis(50));
        let news = loader.pending();
        let done = news.iter().any(|m| matches!(m, Message::Done { .. }));
        let t = Instant::now();
        lib.apply_all(news);
        upkeep += t.elapsed();
        if done {
            break;
        }
    }
    (start.elapsed(), upkeep)
}
