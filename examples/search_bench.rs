//! Searching every call of a library: 500 generated calls (the built-in sample, bilingual,
//! three copies of its speech each, about 70 KB; each call with its own company name, a
//! word of its own and changed figures), searched cold (nothing read yet: every file parsed
//! and indexed) and warm (from the index), in the process and as whole `tandem search`
//! runs.
//!
//! ```sh
//! cargo build --release && cargo run --release --example search_bench -- [CALLS]
//! ```
//!
//! Nothing here is a test: compare figures taken in one run.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use tandem::library::list::{Entry, Library};
use tandem::library::loader::{Job, Loader, Message, Source};
use tandem::library::search::{self, Target};

/// Queries: a word every call has, a word one call has, Chinese in the other script than
/// the calls', and a phrase.
const QUERIES: [&str; 4] = ["revenue", "zebraphone317", "營收", "free cash flow"];

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(500);
    let dir = std::env::temp_dir().join(format!("tandem-search-bench-{}", std::process::id()));
    let calls = dir.join("calls");
    let config = dir.join("config");
    std::fs::create_dir_all(&calls).unwrap();
    std::fs::create_dir_all(&config).unwrap();
    let bytes = generate(&calls, n);
    println!(
        "{n} calls, {:.1} MB in all ({:.0} KB each)",
        bytes as f64 / 1e6,
        bytes as f64 / n as f64 / 1e3
    );

    // Cold: the library reads (parses and indexes) every file, then the first search.
    let start = Instant::now();
    let lib = fill(&calls, &config);
    let filled = start.elapsed();
    let targets = targets(&lib);
    let t = Instant::now();
    let first = search::search(Some(&config), &targets, QUERIES[0], None);
    let first_search = t.elapsed();
    println!(
        "cold: library read and indexed in {:.0} ms ({:.0} files/s), first search {:.1} ms ({} texts)",
        ms(filled),
        n as f64 / filled.as_secs_f64(),
        ms(first_search),
        first.total
    );
    let index: u64 = std::fs::read_dir(config.join(search::DIR))
        .map(|d| {
            d.flatten()
                .filter_map(|e| e.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0);
    println!("index: {:.1} MB on disk", index as f64 / 1e6);

    // Cold without the library having read the files: the search builds the index itself.
    let bare = dir.join("bare");
    std::fs::create_dir_all(&bare).unwrap();
    let t = Instant::now();
    search::search(Some(&bare), &targets, QUERIES[0], None);
    println!(
        "cold: search building the whole index itself {:.0} ms",
        ms(t.elapsed())
    );

    // Warm, in the process (what the library's search view does per query).
    for q in QUERIES {
        let mut times: Vec<Duration> = (0..7)
            .map(|_| {
                let t = Instant::now();
                let found = search::search(Some(&config), &targets, q, None);
                std::hint::black_box(found.total);
                t.elapsed()
            })
            .collect();
        times.sort();
        let found = search::search(Some(&config), &targets, q, None);
        println!(
            "warm, in process: {q:<16} {:>6.1} ms median of 7 ({} texts, {} hits listed)",
            ms(times[3]),
            found.total,
            found.hits.len()
        );
    }

    // Warm, whole processes: `tandem search QUERY DIR` (library cache read, index searched,
    // hits printed).
    let exe = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/tandem");
    if exe.is_file() {
        for q in QUERIES {
            let mut times: Vec<Duration> = (0..7)
                .map(|_| {
                    let t = Instant::now();
                    let out = Command::new(&exe)
                        .args(["search", q])
                        .arg(&calls)
                        .env("TANDEM_CONFIG_DIR", &config)
                        .output()
                        .unwrap();
                    std::hint::black_box(out.stdout.len());
                    t.elapsed()
                })
                .collect();
            times.sort();
            println!(
                "warm, tandem search: {q:<16} {:>6.1} ms median of 7",
                ms(times[3])
            );
        }
    } else {
        println!("(build the release binary for whole-process figures)");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Writes `n` calls into `dir`; returns their size in all.
fn generate(dir: &Path, n: usize) -> usize {
    let sample = tandem::call::SAMPLE;
    // The speech three times over: a call of about the seeds' size.
    let (head, body) = sample.split_at(sample.find("\n\n").unwrap_or(0));
    let mut total = 0;
    for i in 0..n {
        let mut text = format!("{head}{body}{body}{body}");
        // Its own figures: every "1" of the call a digit of its own.
        let digit = char::from(b'0' + (i % 10) as u8);
        text = text.replace('1', &digit.to_string());
        text.push_str(&format!(
            "\n\nOperator\nThe zebraphone{i} line is now closed.\n"
        ));
        total += text.len();
        std::fs::write(dir.join(format!("call-{i:04}.txt")), text).unwrap();
    }
    total
}

/// The library of `calls`, every file read (cache and index in `config`).
fn fill(calls: &Path, config: &Path) -> Library {
    let loader = Loader::start(Job {
        source: Source::Folder(calls.to_path_buf()),
        cache: Some(config.to_path_buf()),
        encoding: None,
    });
    let mut lib = Library::new(calls);
    loop {
        match loader.next(Duration::from_secs(600)) {
            Some(m @ Message::Done { .. }) => {
                lib.apply_all(vec![m]);
                return lib;
            }
            Some(m) => lib.apply_all(vec![m]),
            None => return lib,
        }
    }
}

/// Every call file of the library, in its order.
fn targets(lib: &Library) -> Vec<Target> {
    let mut out = Vec::new();
    for e in &lib.shown {
        let rows: Vec<usize> = match *e {
            Entry::File(i) | Entry::Member(i) => vec![i],
            Entry::Pair { en, zh } => vec![en, zh],
        };
        for i in rows {
            if let Some(m) = lib.rows[i].meta() {
                out.push(Target {
                    path: PathBuf::from(&lib.rows[i].file.path),
                    hash: m.call_hash.clone(),
                });
            }
        }
    }
    out
}
