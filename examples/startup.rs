//! Whole-process speed, side by side with `less`: time to the first full frame, and CPU per
//! key, of the release binary in a 160x45 pseudo-terminal, with a fresh config directory for
//! every run.
//!
//! ```sh
//! cargo build --release
//! cargo run --release --example startup -- FILE [FILE...]   # default: the built-in sample
//! ```
//!
//! `TANDEM_BIN=PATH` times that binary instead, and `TANDEM_BIN=OLD:NEW` two builds side by
//! side, each run in turn in the same loop. Each file is opened `RUNS` times (21 unless the
//! environment says) by each build and by `less`; the medians and their ratios are printed
//! (`KEYS=0`: nothing more). Then a few keys are sent to tandem one at a time and the CPU time the process used
//! for each (from `/proc`) is reported. Nothing here is a test: machines are noisy, so compare
//! ratios taken in one run.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// Runs per file and program (`RUNS` in the environment overrides it).
const RUNS: usize = 21;

/// The runs per file and program.
fn runs() -> usize {
    std::env::var("RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(RUNS)
}
/// Giving up on a frame.
const LIMIT: Duration = Duration::from_secs(10);

fn main() {
    let files: Vec<PathBuf> = std::env::args()
        .skip(1)
        .map(|f| std::fs::canonicalize(&f).unwrap_or_else(|_| PathBuf::from(f)))
        .collect();
    // `TANDEM_BIN` times other builds: several, separated by `:`, are run in turn in the same
    // loop (old and new side by side, under the same load).
    let builds: Vec<PathBuf> = std::env::var_os("TANDEM_BIN").map_or_else(
        || vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/tandem")],
        |v| std::env::split_paths(&v).collect(),
    );
    for b in &builds {
        assert!(
            b.exists(),
            "{}: build first: cargo build --release",
            b.display()
        );
    }
    let targets: Vec<Option<PathBuf>> = if files.is_empty() {
        vec![None]
    } else {
        files.into_iter().map(Some).collect()
    };
    let mut head = format!("{:<40}", "file");
    for i in 0..builds.len() {
        head += &format!(
            " {:>10}",
            if builds.len() == 1 {
                "tandem".to_string()
            } else {
                format!("build {}", i + 1)
            }
        );
    }
    println!("{head} {:>10} {:>7}", "less", "ratio");
    for file in &targets {
        let name = file
            .as_ref()
            .map_or("(built-in sample)".to_string(), |f| f.display().to_string());
        // One run of each program after another, `runs()` times: a moment of load falls on
        // all of them alike.
        let mut times: Vec<Vec<Duration>> = vec![Vec::new(); builds.len() + 1];
        for _ in 0..runs() {
            for (i, b) in builds.iter().enumerate() {
                times[i].push(first_frame_tandem(b, file.as_deref()));
            }
            if let Some(f) = file {
                times[builds.len()].push(first_frame_less(f));
            }
        }
        let medians: Vec<Duration> = times.into_iter().map(median).collect();
        let l = medians[builds.len()];
        let ratios: Vec<String> = medians[..builds.len()]
            .iter()
            .map(|t| {
                if l.is_zero() {
                    "—".to_string()
                } else {
                    format!("{:.2}", t.as_secs_f64() / l.as_secs_f64())
                }
            })
            .collect();
        let mut line = format!("{:<40}", shorten(&name, 40));
        for t in &medians[..builds.len()] {
            line += &format!(" {:>8.1}ms", ms(*t));
        }
        println!("{line} {:>8.1}ms {:>7}", ms(l), ratios.join(" / "));
    }
    // `KEYS=0` leaves out the CPU per key.
    if std::env::var("KEYS").is_ok_and(|k| k == "0") {
        return;
    }
    for b in &builds {
        for file in &targets {
            keys(b, file.as_deref());
        }
    }
}

/// The median of some runs (zero for none).
fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn shorten(s: &str, w: usize) -> String {
    let n = s.chars().count();
    if n <= w {
        s.to_string()
    } else {
        format!("…{}", s.chars().skip(n - w + 1).collect::<String>())
    }
}

/// A program in a 160x45 pty, its output collected.
struct Running {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    master: Box<dyn portable_pty::MasterPty + Send>,
    out: Arc<Mutex<Vec<u8>>>,
    _dir: tempfile::TempDir,
}

fn spawn(program: &Path, args: &[&std::ffi::OsStr]) -> Running {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 45,
            cols: 160,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = CommandBuilder::new(program);
    cmd.args(args);
    cmd.env("TANDEM_CONFIG_DIR", dir.path());
    cmd.env("TERM", "xterm-256color");
    cmd.env("LESS", "");
    let child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let out = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&out);
    let mut reader = pair.master.try_clone_reader().unwrap();
    std::thread::spawn(move || {
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().extend_from_slice(&buf[..n]);
        }
    });
    let writer = pair.master.take_writer().unwrap();
    Running {
        child,
        writer,
        master: pair.master,
        out,
        _dir: dir,
    }
}

/// Waits until the output holds `needle`; the time it took.
fn wait(r: &Running, needle: &[u8], from: Instant) -> Duration {
    loop {
        if r.out
            .lock()
            .unwrap()
            .windows(needle.len())
            .any(|w| w == needle)
        {
            return from.elapsed();
        }
        assert!(
            from.elapsed() < LIMIT,
            "never showed {:?}: {:?}",
            String::from_utf8_lossy(needle),
            String::from_utf8_lossy(&r.out.lock().unwrap())
        );
        std::thread::sleep(Duration::from_micros(200));
    }
}

fn stop(mut r: Running) {
    let _ = r.child.kill();
    let _ = r.child.wait();
}

/// Time until tandem's status line (the last thing a frame draws) shows its hints.
fn first_frame_tandem(tandem: &Path, file: Option<&Path>) -> Duration {
    let args: Vec<&std::ffi::OsStr> = file.iter().map(|f| f.as_os_str()).collect();
    let start = Instant::now();
    let r = spawn(tandem, &args);
    let t = wait(&r, b"quit", start);
    stop(r);
    t
}

/// Time until `less` shows its prompt (set to a marker) under the first page.
fn first_frame_less(file: &Path) -> Duration {
    let start = Instant::now();
    let r = spawn(
        Path::new("less"),
        &["-PREADYMARK".as_ref(), file.as_os_str()],
    );
    let t = wait(&r, b"READYMARK", start);
    stop(r);
    t
}

/// CPU time (user + system) the process has used, from /proc.
fn cpu(pid: u32) -> Duration {
    // Each thread's run time in nanoseconds (the first field of `schedstat`); `stat`'s
    // clock ticks are too coarse for one key.
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task"))
        .into_iter()
        .flatten();
    let ns: u64 = tasks
        .flatten()
        .filter_map(|t| std::fs::read_to_string(t.path().join("schedstat")).ok())
        .filter_map(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .sum();
    Duration::from_nanos(ns)
}

/// CPU per key: each key sent 20 times (after the first frame), the process's CPU before and
/// after divided by the presses.
fn keys(tandem: &Path, file: Option<&Path>) {
    let args: Vec<&std::ffi::OsStr> = file.iter().map(|f| f.as_os_str()).collect();
    let start = Instant::now();
    let mut r = spawn(tandem, &args);
    wait(&r, b"quit", start);
    // The figures are analysed after the first frame; let that finish.
    std::thread::sleep(Duration::from_millis(2000));
    let pid = r.child.process_id().unwrap_or(0);
    let name = file.map_or("sample".into(), |f| f.display().to_string());
    let mut report = Vec::new();
    // Keys that come back to where they started (a question forward and back, a view
    // switched and back), so that a long call made of a short one repeated shows the same
    // screens as the short one: what differs is the size alone.
    for (label, keys) in [
        ("j", &b"j"[..]),
        ("] [", b"]["),
        ("l", b"l"),
        ("s", b"s"),
        ("c", b"c"),
        ("t", b"t"),
        ("#", b"#"),
    ] {
        let before = cpu(pid);
        for i in 0..20 {
            let key = &keys[i % keys.len()..][..1];
            r.writer.write_all(key).unwrap();
            r.writer.flush().unwrap();
            std::thread::sleep(Duration::from_millis(60));
        }
        std::thread::sleep(Duration::from_millis(300));
        let per = (cpu(pid) - before) / 20;
        report.push(format!("{label} {:.2}ms", ms(per)));
    }
    // Resizing: the terminal one column narrower, then wider again, each a new layout.
    let before = cpu(pid);
    for i in 0..20u16 {
        let size = PtySize {
            rows: 45,
            cols: 159 + i % 2,
            pixel_width: 0,
            pixel_height: 0,
        };
        r.master.resize(size).unwrap();
        std::thread::sleep(Duration::from_millis(60));
    }
    std::thread::sleep(Duration::from_millis(300));
    report.push(format!("resize {:.2}ms", ms((cpu(pid) - before) / 20)));
    // Typing a search.
    r.writer.write_all(b"/").unwrap();
    r.writer.flush().unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let before = cpu(pid);
    for c in b"the capacity of ".iter().cycle().take(20) {
        r.writer.write_all(&[*c]).unwrap();
        r.writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(60));
    }
    std::thread::sleep(Duration::from_millis(300));
    report.push(format!("typing in / {:.2}ms", ms((cpu(pid) - before) / 20)));
    println!("cpu per key, {}: {}", shorten(&name, 40), report.join(", "));
    stop(r);
}
