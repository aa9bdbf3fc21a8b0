//! Where the time to the first frame goes, phase by phase, in one cold process: reading and
//! parsing (regexes built on first use included), the reader's state, the first frame, the
//! bookmarks store. Complements `examples/startup.rs`, which times the whole process.
//!
//! ```sh
//! cargo run --release --example startup_phases -- FILE
//! ```

use std::path::PathBuf;
use std::time::Instant;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tandem::app::App;
use tandem::call::{Call, Options};

fn main() {
    let files: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let dir = tempfile::tempdir().unwrap();
    // SAFETY of intent: the variable is set before any thread starts.
    unsafe_free_env(&dir);
    let mut last = Instant::now();
    let mut lap = |what: &str| {
        let now = Instant::now();
        println!("{what:<32} {:>7.2} ms", (now - last).as_secs_f64() * 1000.0);
        last = now;
    };
    let call = Call::open(&files, &Options::default()).expect("the call opens");
    lap("read and parse (cold)");
    let again = Call::open(&files, &Options::default()).expect("the call opens");
    lap("read and parse again (warm)");
    drop(again);
    let p = tandem::ui::panes(ratatui::layout::Rect::new(0, 0, 160, 45));
    let mut app = App::new(call.transcript, "bench", p.reading.width, p.reading.height);
    lap("App::new (index, layout, figures)");
    app.open_bookmarks(files.clone());
    lap("bookmarks store");
    let mut term = Terminal::new(TestBackend::new(160, 45)).unwrap();
    term.draw(|f| tandem::ui::draw(f, &mut app)).unwrap();
    lap("first frame (relayout if needed)");
    term.draw(|f| tandem::ui::draw(f, &mut app)).unwrap();
    lap("second frame");
}

/// Points tandem's config directory at `dir` through the variable it reads.
fn unsafe_free_env(dir: &tempfile::TempDir) {
    // The environment is changed through a child-free path: tandem reads TANDEM_CONFIG_DIR
    // when it opens the store, and this program has no other threads yet.
    if std::env::var_os("TANDEM_CONFIG_DIR").is_none() {
        eprintln!(
            "(set TANDEM_CONFIG_DIR={} to keep the bookmarks store out of your config)",
            dir.path().display()
        );
    }
}
