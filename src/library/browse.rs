//! The library screen: `tandem DIR`. Lists the calls as the background loader reads them,
//! filters as the user types, and opens the selected call in the reader on the same screen;
//! quitting the reader comes back here.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::time::Duration;

use ratatui::crossterm::event::{
    self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::desk::{AnalystLine, View};
use super::list::Library;
use super::loader::{Job, Loader, Source};
use super::view::{self, LIST_Y};
use crate::app::jumps::Start;
use crate::bookmarks::Store;
use crate::call::{Call, Options};
use crate::config;
use crate::reader::{self, Screen};

/// How long to wait for input while files are still being read.
const LOADING_TICK: Duration = Duration::from_millis(50);
/// How long to wait for input otherwise (signals are checked between waits).
const IDLE_TICK: Duration = Duration::from_millis(200);
/// Rows one wheel notch moves.
const WHEEL: isize = 3;

/// What a key or click asks the library for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Stay,
    /// Open a call: one file, or an English file and its Chinese translation aligned.
    Open(Vec<PathBuf>),
    /// Open a call at a place (a search hit, an analyst's question).
    OpenAt(Vec<PathBuf>, Start),
    /// Search every call again (the search view's query changed).
    Search,
    /// Hand the terminal back to the shell (Ctrl-z).
    Suspend,
    Quit,
}

/// Shows the calls in `root` until the user quits (`encoding` overrides detection).
pub fn run(root: &Path, encoding: Option<&str>) -> io::Result<()> {
    let source = Source::Folder(root.to_path_buf());
    browse(Library::new(root), source, encoding)
}

/// Shows the recently opened calls, most recent first, until the user quits.
pub fn run_recent(files: Vec<PathBuf>, encoding: Option<&str>) -> io::Result<()> {
    browse(Library::recent(), Source::Files(files), encoding)
}

/// Shows `lib`, filled from `source`, until the user quits; then prints the bookmarks'
/// warnings of the calls read (in full, the terminal back to normal).
fn browse(lib: Library, source: Source, encoding: Option<&str>) -> io::Result<()> {
    let mut screen = Screen::open()?;
    let mut on_exit = Vec::new();
    let result = browse_on(&mut screen, lib, source, encoding, &mut on_exit);
    drop(screen);
    reader::print_warnings(&on_exit);
    result
}

/// Shows `lib` on `screen` until the user quits, adding to `on_exit` what must be said then.
fn browse_on(
    screen: &mut Screen,
    mut lib: Library,
    source: Source,
    encoding: Option<&str>,
    on_exit: &mut Vec<String>,
) -> io::Result<()> {
    let cache_dir = config::cache_dir();
    let loader = Loader::start(Job {
        source,
        cache: cache_dir.clone(),
        encoding: encoding.map(Into::into),
    });
    lib = lib.with_companies(&screen.settings.companies, screen.settings.script);
    let mut marks = Marks::new(config::data_dir());
    marks.tell(&mut lib, on_exit);
    let mut redraw = true;
    while !screen.stop.load(Ordering::Relaxed) {
        let news = loader.pending();
        redraw |= !news.is_empty();
        lib.apply_all(news);
        if let Some(panic) = reader::worker_panic() {
            // The loader died: say so, keep what was listed, and stop waiting for it.
            let text = format!("Loading stopped by an internal error ({panic})");
            lib.status = Some((text.clone(), true));
            lib.done = true;
            on_exit.push(text);
            redraw = true;
        }
        if redraw {
            marks.count(&mut lib);
            if lib.desk.view == View::Analysts {
                let mut desk = std::mem::take(&mut lib.desk);
                desk.gather_analysts(&lib);
                lib.desk = desk;
            }
            screen.terminal.draw(|f| {
                let area = f.area();
                view::render(f.buffer_mut(), area, &mut lib);
            })?;
            redraw = false;
        }
        let tick = if lib.done { IDLE_TICK } else { LOADING_TICK };
        if !event::poll(tick)? {
            continue;
        }
        redraw = true;
        let mut search_due = false;
        while event::poll(Duration::ZERO)? {
            match on_event(&mut lib, event::read()?) {
                Step::Stay => {}
                Step::Search => search_due = true,
                Step::Quit => return Ok(()),
                Step::Suspend => {
                    reader::suspend(&mut screen.terminal, screen.settings.mouse)?;
                    break;
                }
                Step::Open(files) => {
                    open(screen, &mut lib, &files, None, encoding, on_exit)?;
                    marks.reload();
                    marks.tell(&mut lib, on_exit);
                    break;
                }
                Step::OpenAt(files, start) => {
                    open(screen, &mut lib, &files, Some(&start), encoding, on_exit)?;
                    marks.reload();
                    marks.tell(&mut lib, on_exit);
                    break;
                }
            }
        }
        // Typed ahead: one search for the query as it now stands.
        if search_due {
            let mut desk = std::mem::take(&mut lib.desk);
            desk.run_search(&lib, cache_dir.as_deref(), encoding);
            lib.desk = desk;
        }
    }
    Ok(())
}

/// Opens `files` in the reader (a pair aligned, or the file that reads alone with a banner
/// saying why); a file that does not load is reported in the status line. Adds to `on_exit`
/// the warnings to print when tandem quits (each once).
fn open(
    screen: &mut Screen,
    lib: &mut Library,
    files: &[PathBuf],
    start: Option<&Start>,
    enc: Option<&str>,
    on_exit: &mut Vec<String>,
) -> io::Result<()> {
    let call = match Call::open_to_read(files, &Options::with_encoding(enc)) {
        Ok(call) => call,
        Err(e) => {
            lib.status = Some((e.to_string(), true));
            return Ok(());
        }
    };
    let mut warning = None;
    for f in &call.files {
        warning = warning.or(crate::config::recent::remember(f).err());
    }
    let (result, left) = reader::session(screen, call, start);
    warning = left.status.or(warning);
    if let Some(w) = warning {
        lib.status = Some((w, true));
    }
    for w in left.on_exit {
        if !on_exit.contains(&w) {
            on_exit.push(w);
        }
    }
    result
}

/// What an event asks for, after applying what it changes in `lib`. While the help shows,
/// only keys count.
pub fn on_event(lib: &mut Library, ev: Event) -> Step {
    match ev {
        Event::Key(key) => on_key(lib, key),
        _ if lib.help => Step::Stay,
        Event::Paste(text) => {
            let clean: String = crate::ingest::clean(&text)
                .chars()
                .filter(|c| !c.is_control())
                .collect();
            match lib.desk.view {
                View::Calls => {
                    lib.type_text(&clean);
                    Step::Stay
                }
                View::Search => {
                    lib.desk.search.query.push_str(&clean);
                    Step::Search
                }
                View::Analysts => {
                    lib.desk.analysts.query.push_str(&clean);
                    lib.desk.filter_analysts();
                    Step::Stay
                }
            }
        }
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => moved(lib, WHEEL),
            MouseEventKind::ScrollUp => moved(lib, -WHEEL),
            MouseEventKind::Down(MouseButton::Left) => click(lib, m.row),
            _ => Step::Stay,
        },
        _ => Step::Stay,
    }
}

/// What a key asks for: every printable character goes to the filter (`?` on an empty
/// filter shows the help); arrows, Ctrl-n/Ctrl-p, pages and Home/End move; `Enter` opens;
/// `Esc` clears the filter, then quits; `F1` shows the help.
pub fn on_key(lib: &mut Library, key: KeyEvent) -> Step {
    if key.kind == KeyEventKind::Release {
        return Step::Stay;
    }
    lib.status = None;
    let page = lib.page as isize;
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('c') if ctrl => Step::Quit,
        KeyCode::Char('z') if ctrl => Step::Suspend,
        _ if lib.help => {
            if matches!(
                key.code,
                KeyCode::Esc | KeyCode::F(1) | KeyCode::Char('q' | '?')
            ) {
                lib.help = false;
            }
            Step::Stay
        }
        KeyCode::F(1) => help(lib),
        KeyCode::Tab | KeyCode::BackTab => {
            lib.desk.view = lib.desk.view.cycle(key.code == KeyCode::Tab);
            Step::Stay
        }
        _ if lib.desk.view != View::Calls => desk_key(lib, key, ctrl),
        KeyCode::Down => moved(lib, 1),
        KeyCode::Up => moved(lib, -1),
        KeyCode::Char('n') if ctrl => moved(lib, 1),
        KeyCode::Char('p') if ctrl => moved(lib, -1),
        KeyCode::PageDown => moved(lib, page),
        KeyCode::PageUp => moved(lib, -page),
        KeyCode::Home => ended(lib, false),
        KeyCode::End => ended(lib, true),
        KeyCode::Enter => opened(lib),
        KeyCode::Right => {
            lib.expand(true);
            Step::Stay
        }
        KeyCode::Left => {
            lib.expand(false);
            Step::Stay
        }
        KeyCode::Esc if lib.clear() => Step::Stay,
        KeyCode::Esc => Step::Quit,
        KeyCode::Backspace => {
            lib.backspace();
            Step::Stay
        }
        KeyCode::Char(_) if ctrl => Step::Stay,
        KeyCode::Char('?') if lib.query().is_empty() => help(lib),
        KeyCode::Char(c) => {
            lib.type_text(c.encode_utf8(&mut [0; 4]));
            Step::Stay
        }
        _ => Step::Stay,
    }
}

/// A key in the search or analysts view: typing edits its query, arrows move, `Enter`
/// opens (an analyst's line shows their calls), `Esc` clears the query, then goes back to
/// the calls.
fn desk_key(lib: &mut Library, key: KeyEvent, ctrl: bool) -> Step {
    let desk = &mut lib.desk;
    let page = lib.page as isize;
    let search = desk.view == View::Search;
    let edited = |desk: &mut super::desk::Desk| {
        if search {
            Step::Search
        } else {
            desk.filter_analysts();
            Step::Stay
        }
    };
    let query = if search {
        &mut desk.search.query
    } else {
        &mut desk.analysts.query
    };
    match key.code {
        KeyCode::Esc if !query.is_empty() => {
            query.clear();
            edited(desk)
        }
        KeyCode::Esc => {
            desk.view = View::Calls;
            Step::Stay
        }
        KeyCode::Backspace => {
            query.pop();
            edited(desk)
        }
        KeyCode::Down => step(desk, 1),
        KeyCode::Up => step(desk, -1),
        KeyCode::Char('n') if ctrl => step(desk, 1),
        KeyCode::Char('p') if ctrl => step(desk, -1),
        KeyCode::PageDown => step(desk, page),
        KeyCode::PageUp => step(desk, -page),
        KeyCode::Home => step(desk, isize::MIN / 2),
        KeyCode::End => step(desk, isize::MAX / 2),
        KeyCode::Right if !search => {
            desk.expand_analyst(true);
            Step::Stay
        }
        KeyCode::Left if !search => {
            desk.expand_analyst(false);
            Step::Stay
        }
        KeyCode::Enter => {
            let on_analyst = !search
                && matches!(
                    desk.analysts.lines.get(desk.analysts.selected),
                    Some(AnalystLine::Analyst(i)) if !desk.analysts.expanded.contains(i)
                );
            if on_analyst {
                desk.expand_analyst(true);
                return Step::Stay;
            }
            desk.opened()
                .map_or(Step::Stay, |(files, start)| Step::OpenAt(files, start))
        }
        KeyCode::Char(_) if ctrl => Step::Stay,
        KeyCode::Char(c) => {
            query.push(c);
            edited(desk)
        }
        _ => Step::Stay,
    }
}

/// Moves the selection of the search or analysts view.
fn step(desk: &mut super::desk::Desk, delta: isize) -> Step {
    desk.move_by(delta);
    Step::Stay
}

/// Shows the help.
fn help(lib: &mut Library) -> Step {
    lib.help = true;
    Step::Stay
}

/// Moves the selection by `delta` rows (in the view shown).
fn moved(lib: &mut Library, delta: isize) -> Step {
    if lib.desk.view == View::Calls {
        lib.move_by(delta);
    } else {
        lib.desk.move_by(delta);
    }
    Step::Stay
}

/// Selects the first or last row.
fn ended(lib: &mut Library, last: bool) -> Step {
    lib.to_end(last);
    Step::Stay
}

/// A click on a row selects it; a click on the selected row opens it.
fn click(lib: &mut Library, y: u16) -> Step {
    let Some(n) = y.checked_sub(LIST_Y) else {
        return Step::Stay;
    };
    if lib.desk.view != View::Calls {
        let desk = &mut lib.desk;
        let top = match desk.view {
            View::Analysts => desk.analysts.top,
            _ => desk.search.top,
        };
        let pos = top + usize::from(n);
        if pos >= desk.len() || usize::from(n) >= lib.page {
            return Step::Stay;
        }
        if *desk.selected_mut() == pos {
            return desk
                .opened()
                .map_or(Step::Stay, |(files, start)| Step::OpenAt(files, start));
        }
        *desk.selected_mut() = pos;
        return Step::Stay;
    }
    let pos = lib.top + usize::from(n);
    if pos >= lib.shown.len() || usize::from(n) >= lib.page {
        return Step::Stay;
    }
    if pos == lib.selected {
        return opened(lib);
    }
    lib.select(pos);
    Step::Stay
}

/// Opens the selected line's files (calls and files not read yet; a pair aligned).
fn opened(lib: &Library) -> Step {
    let files = lib.selected_files();
    if files.is_empty() {
        Step::Stay
    } else {
        Step::Open(files)
    }
}

/// The bookmarks store, re-read after each reading, counted per call.
struct Marks {
    dir: Option<PathBuf>,
    store: Option<Store>,
    /// Calls counted so far (counting again only when more have been read).
    counted: usize,
    /// True when the store was read again since the last count: every call is counted anew.
    reloaded: bool,
    /// What reading the store repaired (a corrupt file moved aside), not told yet.
    notice: Option<String>,
}

impl Marks {
    /// The store in the data directory `dir` (none without one).
    fn new(dir: Option<PathBuf>) -> Self {
        let mut m = Marks {
            dir,
            store: None,
            counted: 0,
            reloaded: false,
            notice: None,
        };
        m.reload();
        m
    }

    /// Reads the store again (bookmarks may have been added in the reader).
    fn reload(&mut self) {
        self.store = self.dir.as_deref().map(|d| {
            let (store, outcome) = Store::open(d);
            if let Ok(Some(notice)) = outcome {
                self.notice = Some(notice);
            }
            store
        });
        self.counted = usize::MAX;
        self.reloaded = true;
    }

    /// Tells what reading the store repaired: in the status line, and on exit in full.
    fn tell(&mut self, lib: &mut Library, on_exit: &mut Vec<String>) {
        if let Some(notice) = self.notice.take() {
            lib.status = Some((notice.clone(), true));
            if !on_exit.contains(&notice) {
                on_exit.push(notice);
            }
        }
    }

    /// Updates the bookmark counts of `lib`'s calls when there are new calls or bookmarks.
    fn count(&mut self, lib: &mut Library) {
        let calls = lib.counts().0;
        if calls == self.counted {
            return;
        }
        self.counted = calls;
        if std::mem::take(&mut self.reloaded) {
            lib.recount();
        }
        if let Some(store) = &self.store {
            lib.count_bookmarks(store.bookmarks());
        }
    }
}
