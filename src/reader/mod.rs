//! The full-screen reader: terminal setup and restore, the event loop, remembered positions.
//!
//! The terminal is given back clean on every way out: normal quit and errors (the guard's
//! `Drop`), panics (a chained panic hook), every ending signal (TERM, HUP, INT, QUIT, USR1, USR2: a flag the loop polls, and a
//! watcher thread that restores and exits if the loop is stuck). Every mode turned on is
//! turned off.

pub mod clipboard;

use std::io::{self, BufWriter, IsTerminal, Stdout, Write as _};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use ratatui::layout::Rect;

use crate::app::jumps::Start;
use crate::app::state::Anchor;
use crate::app::{App, input, keys, update};
use crate::call::{Call, Options};
use crate::config::settings::{self, ColorChoice, Settings, SettingsError};
use crate::config::{self, Position};
use crate::ui;

/// How long the loop waits for input before doing idle work (signals, saving).
const TICK: Duration = Duration::from_millis(200);
/// How long a signal waits for the loop to stop by itself.
#[cfg(unix)]
const GRACE: Duration = Duration::from_millis(2500);
/// The least time between two saves of the reading position.
const SAVE_EVERY: Duration = Duration::from_secs(2);

/// The `--color` choice, set once from the command line.
static COLOR: OnceLock<ColorChoice> = OnceLock::new();

/// Records the `--color` choice for every screen this process opens.
pub fn set_color(choice: ColorChoice) {
    let _ = COLOR.set(choice);
}

/// Opens the reader on `call`, with its banner (a warning about what is shown) in the status
/// line.
pub fn run(call: Call) -> io::Result<()> {
    run_prepared(call, Prepared::new()?)
}

/// [`run`] on a screen prepared beforehand (while the call was being read).
pub fn run_prepared(call: Call, prepared: Prepared) -> io::Result<()> {
    let mut screen = Screen::enter(prepared)?;
    let (result, save_error, marks_warnings) = session_of(&mut screen, call, None, true);
    let settings_error = screen.settings_error.take();
    drop(screen);
    if let Some(e) = settings_error {
        warn(&format!("{e} (the default settings were used)"));
    }
    if let Some(e) = save_error {
        warn(&format!("reading position not saved: {e}"));
    }
    print_warnings(&marks_warnings);
    result
}

/// Prints each of `warnings` on standard error as `tandem: warning: …` (once the terminal
/// is back to normal, so that nothing is cut short or wiped).
pub(crate) fn print_warnings(warnings: &[String]) {
    for w in warnings {
        let mut chars = w.chars();
        let first = chars.next().map(|c| c.to_lowercase().collect::<String>());
        warn(&format!("{}{}", first.unwrap_or_default(), chars.as_str()));
    }
}

/// Prints `tandem: warning: MESSAGE` on standard error, nothing in it acting on the terminal
/// (a file name or a setting may hold anything).
pub fn warn(message: &str) {
    eprintln!("tandem: warning: {}", crate::printable::text(message));
}

/// The terminal in full-screen mode, with signals watched, until dropped.
pub(crate) struct Screen {
    pub(crate) terminal: Term,
    /// Set when SIGTERM or SIGHUP asks the program to stop.
    pub(crate) stop: Arc<AtomicBool>,
    /// `config.toml` (the defaults when it is missing or invalid).
    pub(crate) settings: Settings,
    /// Why `config.toml` could not be used, shown in the reader.
    pub(crate) settings_error: Option<SettingsError>,
    /// False draws without colours (`--color never`, `NO_COLOR`).
    pub(crate) colour: bool,
    _guard: Guard,
}

/// The terminal the reader draws on. Its output is gathered in a buffer large enough for a
/// whole frame and written when the frame is done: written to `Stdout` directly, each
/// command would take the lock and the frame would leave in a write per kilobyte.
pub(crate) type Term = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// The output buffer's size: a full 160x45 screen of Chinese text in colour is about 40 KB.
const FRAME_BUFFER: usize = 64 * 1024;

/// What a screen needs that can be made before anything is shown, on any thread: the
/// settings and the terminal with its buffers (a full screen of cells each, which take a
/// while to allocate and fill). Nothing is written to the terminal, nothing is changed.
pub struct Prepared {
    terminal: Term,
    settings: Settings,
    settings_error: Option<SettingsError>,
    colour: bool,
}

impl Prepared {
    /// Checks that stdout is a terminal, reads the settings and sizes the screen.
    pub fn new() -> io::Result<Self> {
        if !io::stdout().is_terminal() {
            return Err(io::Error::other(
                "the reader needs a terminal; `tandem print FILE` prints a call as text",
            ));
        }
        let (settings, settings_error) = match settings::load(keys::check) {
            Ok(s) => (s, None),
            Err(e) => (Settings::default(), Some(e)),
        };
        let choice = COLOR.get().copied().unwrap_or_default();
        let colour = settings::colour_wanted(choice, std::env::var_os("NO_COLOR").as_deref());
        let out = BufWriter::with_capacity(FRAME_BUFFER, io::stdout());
        let terminal = Terminal::new(CrosstermBackend::new(out))?;
        Ok(Prepared {
            terminal,
            settings,
            settings_error,
            colour,
        })
    }
}

impl Screen {
    /// Checks that stdout is a terminal, reads the settings, watches signals and turns the
    /// reader's modes on (mouse capture only when the settings want it).
    pub(crate) fn open() -> io::Result<Self> {
        Self::enter(Prepared::new()?)
    }

    /// Watches signals and turns the reader's modes on, on a prepared screen.
    fn enter(prepared: Prepared) -> io::Result<Self> {
        let Prepared {
            terminal,
            settings,
            settings_error,
            colour,
        } = prepared;
        let stop = signals()?;
        let guard = Guard::enter(settings.mouse)?;
        Ok(Screen {
            terminal,
            stop,
            settings,
            settings_error,
            colour,
            _guard: guard,
        })
    }
}

/// What a reader session leaves to tell: a warning for the status line of the screen it
/// returns to, and the bookmarks' warnings to print in full when tandem quits.
pub(crate) struct Left {
    pub(crate) status: Option<String>,
    pub(crate) on_exit: Vec<String>,
}

/// Reads `call` on `screen` until the user quits or a signal arrives, from `start` when
/// given (else where it was left); also returns warnings when the reading position or
/// bookmarks were not saved.
pub(crate) fn session(
    screen: &mut Screen,
    call: Call,
    start: Option<&Start>,
) -> (io::Result<()>, Left) {
    let (result, save_error, marks) = session_of(screen, call, start, false);
    let position = save_error.map(|e| format!("Reading position not saved: {e}"));
    let warning: Vec<String> = position.into_iter().chain(marks.iter().cloned()).collect();
    let left = Left {
        status: (!warning.is_empty()).then(|| warning.join("; ")),
        on_exit: marks,
    };
    (result, left)
}

/// Reads `call` on `screen` until the user quits or a signal arrives; returns why the
/// reading position could not be saved at the end, if it could not, and the bookmarks'
/// warnings (not saved and where their copy is, a file moved aside). With `last` (nothing is
/// shown after it), the terminal is given back as soon as the reader stops, before saving.
fn session_of(
    screen: &mut Screen,
    call: Call,
    start: Option<&Start>,
    last: bool,
) -> (io::Result<()>, Option<String>, Vec<String>) {
    let source = call.name();
    let Call {
        transcript,
        files,
        banner,
    } = call;
    let size = match screen.terminal.size() {
        Ok(size) => size,
        Err(e) => return (Err(e), None, Vec::new()),
    };
    // Laid out once, at the size of the first frame; figures analysed just after it.
    let mut app = App::unlaid(transcript, &source);
    app.configure(&screen.settings, screen.colour);
    let panes = ui::panes_for(Rect::new(0, 0, size.width, size.height), &mut app);
    app.set_viewport(panes.reading.width, panes.reading.height);
    let mut saver = Saver::new(&app);
    saver.restore(&mut app);
    if let Some(start) = start
        && !app.start_at(start)
    {
        app.warn("That place is not in this version of the call: opened where you left it");
    }
    app.open_bookmarks(files);
    if let Some(e) = &screen.settings_error {
        app.warn(settings_banner(e));
    }
    if let Some(b) = banner {
        app.warn(b);
    }
    let mouse = screen.settings.mouse;
    let result = event_loop(
        &mut screen.terminal,
        &mut app,
        &screen.stop,
        &mut saver,
        mouse,
    );
    if last {
        restore();
    }
    saver.follow(&mut app);
    if signalled().is_some() {
        // Ended by a signal: the watcher exits after a grace period, so no long waits.
        app.marks.store.hurry();
    }
    let marks_warnings = app.leave_bookmarks();
    (result, saver.finish(&app).err(), marks_warnings)
}

/// The reader's one-line report of an unusable settings file: the file's name first (the
/// full path is printed on exit), then where and what is wrong.
fn settings_banner(e: &SettingsError) -> String {
    let name = e.path.file_name().map_or_else(
        || e.path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    format!("{name}: {} — default settings in use", e.message)
}

/// What a worker thread's panic said, until the UI takes it.
static WORKER_PANIC: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

/// Keeps a worker thread's panic message (one line) for the UI to report.
fn note_worker_panic(message: &str) {
    let line = message
        .lines()
        .next()
        .unwrap_or("a worker thread stopped")
        .to_string();
    if let Ok(mut slot) = WORKER_PANIC.lock() {
        slot.get_or_insert(line);
    }
}

/// The panic of a worker thread since the last call, if one panicked: to show, and to say
/// again on exit.
pub fn worker_panic() -> Option<String> {
    WORKER_PANIC.lock().ok().and_then(|mut slot| slot.take())
}

/// The signal that ended the screen, 0 when none did.
static SIGNAL: AtomicI32 = AtomicI32::new(0);

/// The signal that ended the reader or the library, if one did: the process should then exit
/// with 128 + its number, as a shell expects.
pub fn signalled() -> Option<i32> {
    Some(SIGNAL.load(Ordering::SeqCst)).filter(|&s| s != 0)
}

/// Watches every signal that would end the program (TERM, HUP, INT, QUIT, USR1, USR2): sets
/// the returned flag for the loop to stop cleanly (the terminal restored, bookmarks and an
/// open note saved); if the loop has not ended shortly after (input reading can hang once
/// the terminal is gone), restores the terminal and exits from the watcher thread.
#[cfg(unix)]
fn signals() -> io::Result<Arc<AtomicBool>> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2};
    let stop = Arc::new(AtomicBool::new(false));
    let mut signals =
        signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2])?;
    let flag = Arc::clone(&stop);
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            SIGNAL.store(sig, Ordering::SeqCst);
            flag.store(true, Ordering::SeqCst);
            std::thread::sleep(GRACE);
            restore();
            std::process::exit(128 + sig);
        }
    });
    Ok(stop)
}

/// Elsewhere (Windows) Ctrl-c reaches the reader as a key in raw mode, and closing the console
/// ends the process: INT and TERM set the flag, nothing else is watched.
#[cfg(not(unix))]
fn signals() -> io::Result<Arc<AtomicBool>> {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [SIGINT, SIGTERM] {
        signal_hook::flag::register(sig, Arc::clone(&stop))?;
    }
    Ok(stop)
}

/// Reads events and draws until the user quits or a signal arrives.
fn event_loop(
    terminal: &mut Term,
    app: &mut App,
    stop: &AtomicBool,
    saver: &mut Saver,
    mouse: bool,
) -> io::Result<()> {
    loop {
        terminal.draw(|f| ui::draw(f, app))?;
        // Left out of the first frame's way: the mismatch count shows a moment later.
        if app.analyse_figures() {
            terminal.draw(|f| ui::draw(f, app))?;
        }
        // Also off the first frame's path, before a search needs it.
        app.prepare_search();
        loop {
            if stop.load(Ordering::Relaxed) {
                return Ok(());
            }
            if event::poll(TICK)? {
                break;
            }
            // A pause in typing: the matches of a search in a long call are counted.
            if saver.tick(app) | app.complete_search() {
                terminal.draw(|f| ui::draw(f, app))?;
            }
        }
        // Handle everything already queued (fast wheel scrolling) before drawing again.
        while event::poll(Duration::ZERO)? {
            if let Some(action) = input::action_for(app, event::read()?) {
                update(app, action);
            }
            carry_out(app);
            if let Some(text) = app.clipboard.take() {
                let mut out = io::stdout();
                io::Write::write_all(&mut out, clipboard::osc52(&text).as_bytes())?;
                io::Write::flush(&mut out)?;
            }
            if app.quit {
                return Ok(());
            }
            if app.suspend {
                app.suspend = false;
                saver.follow(app);
                // Best effort: the place is kept even if the stopped reader is never resumed.
                let _ = saver.save(app);
                suspend(terminal, mouse)?;
                break;
            }
        }
    }
}

/// Carries out what an update asked of the world outside the state: opening another call
/// (a bookmark's, or one the jump list goes back to) from its files.
pub fn carry_out(app: &mut App) {
    if let Some(request) = app.open_request.take() {
        let loaded = Call::open(&request.files, &Options::default())
            .map(|call| call.transcript)
            .map_err(|e| e.to_string());
        app.open_requested(request, loaded);
    }
}

/// Gives the terminal back to the shell and stops the process (SIGTSTP, as Ctrl-z does in a
/// program that is not in raw mode); once resumed, takes the terminal again and redraws.
/// Without job control (no shell to resume it) the signal is ignored and the reader goes on.
#[cfg(unix)]
pub(crate) fn suspend(terminal: &mut Term, mouse: bool) -> io::Result<()> {
    use ratatui::crossterm::terminal::{Clear, ClearType};
    restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    enter_modes(mouse)?;
    execute!(io::stdout(), Clear(ClearType::All))?;
    // An empty frame makes ratatui forget what it drew before, so the next frame is drawn
    // whole (`Terminal::clear` would ask the terminal for the cursor position).
    terminal.draw(|_| {})?;
    Ok(())
}

/// Without job control (Windows) there is no shell to suspend to: Ctrl-z does nothing.
#[cfg(not(unix))]
pub(crate) fn suspend(_terminal: &mut Term, _mouse: bool) -> io::Result<()> {
    Ok(())
}

/// Raw mode, the alternate screen, bracketed paste, the cursor hidden, and mouse capture
/// when `mouse`.
fn enter_modes(mouse: bool) -> io::Result<()> {
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste,
        cursor::Hide
    )?;
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    Ok(())
}

/// Terminal modes on while alive; restored on drop and by the panic hook.
struct Guard;

impl Guard {
    /// Enters raw mode, the alternate screen, bracketed paste and (with `mouse`) mouse
    /// capture.
    fn enter(mouse: bool) -> io::Result<Self> {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // The PDF library's panics are caught and reported as a damaged file.
            if crate::ingest::pdf::extracting() {
                return;
            }
            // A worker thread's panic (the library's loader) leaves the screen to the UI
            // thread, which reports it; only the UI thread's own panic ends the screen.
            if std::thread::current().name() != Some("main") {
                let payload = info.payload();
                let what = payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "a worker thread stopped".into());
                let at = info
                    .location()
                    .map(|l| format!(", at {}:{}", l.file(), l.line()))
                    .unwrap_or_default();
                note_worker_panic(&format!("{what}{at}"));
                return;
            }
            restore();
            previous(info);
        }));
        let guard = Guard;
        enter_modes(mouse)?;
        Ok(guard)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Turns off every mode the reader turned on (errors ignored: the terminal may be gone).
fn restore() {
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// Remembers the reading position in the state directory.
struct Saver {
    dir: Option<PathBuf>,
    key: String,
    saved: Option<Anchor>,
    at: Instant,
    /// Why the last save failed, while no later one succeeded.
    failed: Option<String>,
}

impl Saver {
    /// A saver for `app`'s transcript.
    fn new(app: &App) -> Self {
        Saver {
            dir: config::state_dir(),
            key: app.index.key.clone(),
            saved: None,
            at: Instant::now(),
            failed: None,
        }
    }

    /// Reopens `app` where it was last left.
    fn restore(&mut self, app: &mut App) {
        let Some(dir) = &self.dir else {
            app.warn("No state directory: the reading position will not be remembered");
            return;
        };
        match config::load_position(dir, &self.key) {
            Ok(Some(p)) => {
                let anchor = Anchor {
                    turn: p.turn,
                    block: p.block,
                    line: p.line,
                };
                let row = app.row_of(anchor);
                app.top = row;
                app.set_cursor(row);
                app.keep_cursor();
                self.saved = Some(app.anchor());
                if app.top > 0 {
                    app.say("Reopened where you left off (g goes to the start)");
                }
            }
            Ok(None) => self.saved = Some(app.anchor()),
            Err(e) => app.warn(e),
        }
    }

    /// After a jump to another call from the bookmarks panel: saves where the previous call
    /// was left and follows the new one.
    fn follow(&mut self, app: &mut App) {
        let Some((key, anchor)) = app.marks.left.take() else {
            return;
        };
        if let Some(dir) = &self.dir {
            let pos = Position {
                turn: anchor.turn,
                block: anchor.block,
                line: anchor.line,
                saved: 0,
            };
            if let Err(e) = config::save_position(dir, &key, pos) {
                app.warn(format!("Reading position not saved: {e}"));
            }
        }
        self.key = app.index.key.clone();
        self.saved = None;
    }

    /// Idle work: merges bookmarks another reader saved, and saves the position when it
    /// changed and a while has passed; true when the screen should be drawn again.
    fn tick(&mut self, app: &mut App) -> bool {
        self.follow(app);
        let marks = app.poll_bookmarks();
        if self.saved == Some(app.anchor()) || self.at.elapsed() < SAVE_EVERY {
            return marks;
        }
        match self.save(app) {
            Ok(()) => marks,
            Err(e) => {
                app.warn(format!("Reading position not saved: {e}"));
                true
            }
        }
    }

    /// Saves the position now (if it changed).
    fn save(&mut self, app: &App) -> Result<(), String> {
        let anchor = app.anchor();
        let Some(dir) = &self.dir else { return Ok(()) };
        if self.saved == Some(anchor) {
            return Ok(());
        }
        self.at = Instant::now();
        // Not tried again until the position changes, even when this fails: one warning.
        self.saved = Some(anchor);
        let pos = Position {
            turn: anchor.turn,
            block: anchor.block,
            line: anchor.line,
            saved: 0,
        };
        let result = config::save_position(dir, &app.index.key, pos);
        self.failed = result.as_ref().err().cloned();
        result
    }

    /// The last save, on leaving: Err when the position is not saved (now or before, at
    /// the same place).
    fn finish(&mut self, app: &App) -> Result<(), String> {
        self.save(app)?;
        self.failed.take().map_or(Ok(()), Err)
    }
}
