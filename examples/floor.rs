//! The floor under tandem's first frame: a ratatui program that reads a file, enters raw mode
//! and the alternate screen as tandem does, and draws the file's first screenful with the
//! word `quit` in its last row (the marker `examples/startup.rs` waits for). No parse, no
//! layout. Timing it with `startup.rs` shows how much of tandem's first frame is a Rust
//! terminal program's own start, and how much is tandem's work.
//!
//! ```sh
//! cargo build --release --example floor
//! TANDEM_BIN=target/release/examples/floor:target/release/tandem \
//!     KEYS=0 cargo run --release --example startup -- FILE
//! ```

use std::io;

use ratatui::crossterm::event::{self, Event, KeyCode};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use ratatui::widgets::Paragraph;

fn main() -> io::Result<()> {
    let text = std::env::args()
        .nth(1)
        .map(std::fs::read_to_string)
        .transpose()?
        .unwrap_or_default();
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, cursor::Hide)?;
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(io::stdout()))?;
    terminal.draw(|f| {
        let area = f.area();
        let body = ratatui::layout::Rect {
            height: area.height.saturating_sub(1),
            ..area
        };
        let mut foot = area;
        foot.y = area.bottom().saturating_sub(1);
        foot.height = 1;
        let first: String = text
            .lines()
            .take(body.height as usize)
            .collect::<Vec<_>>()
            .join("\n");
        f.render_widget(Paragraph::new(first), body);
        f.render_widget(Paragraph::new("q quit"), foot);
    })?;
    loop {
        if let Event::Key(k) = event::read()?
            && k.code == KeyCode::Char('q')
        {
            break;
        }
    }
    execute!(io::stdout(), LeaveAlternateScreen, cursor::Show)?;
    disable_raw_mode()
}
