//! Colours and text styles of the reader, in one place.

use ratatui::style::{Color, Modifier, Style};

use crate::transcript::SpeakerKind;

/// Section banners (prepared remarks, Q&A).
pub const SECTION: Style = Style::new()
    .fg(Color::LightBlue)
    .add_modifier(Modifier::BOLD);
/// Question banners.
pub const QUESTION: Style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
/// Notes (commentary).
pub const NOTE: Style = Style::new()
    .fg(Color::Gray)
    .add_modifier(Modifier::DIM.union(Modifier::ITALIC));
/// Material before and after the call (articles, summaries, page chrome).
pub const MATTER: Style = Style::new().fg(Color::Gray);
/// The label above a note.
pub const NOTE_LABEL: Style = Style::new().fg(Color::Gray).add_modifier(Modifier::BOLD);
/// Lines and separators.
pub const RULE: Style = Style::new().fg(Color::DarkGray);
/// A search match.
pub const MATCH: Style = Style::new().fg(Color::Black).bg(Color::Yellow);
/// The current search match.
pub const CURRENT_MATCH: Style = Style::new()
    .fg(Color::Black)
    .bg(Color::LightRed)
    .add_modifier(Modifier::BOLD);
/// The highlighted turn-list entry.
pub const SELECTED: Style = Style::new().add_modifier(Modifier::REVERSED);
/// The entry on screen while the list has focus.
pub const CURRENT: Style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
/// Turn-list section headings.
pub const LIST_SECTION: Style = Style::new()
    .fg(Color::LightBlue)
    .add_modifier(Modifier::BOLD);
/// The status line.
pub const STATUS: Style = Style::new().fg(Color::White).bg(Color::DarkGray);
/// Keys in the status line and help.
pub const KEY: Style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
/// Errors in the status line.
pub const ERROR: Style = Style::new()
    .fg(Color::White)
    .bg(Color::Red)
    .add_modifier(Modifier::BOLD);
/// A bookmark's note in the panel.
pub const NOTE_TEXT: Style = Style::new().fg(Color::LightGreen);
/// The mark of a bookmarked paragraph (gutter and turn list).
pub const MARK: Style = Style::new()
    .fg(Color::LightYellow)
    .add_modifier(Modifier::BOLD);
/// The glyph of that mark.
pub const MARK_GLYPH: &str = "▌";
/// A highlighted figure with no counterpart in the other language.
pub const FIGURE: Style = Style::new().add_modifier(Modifier::UNDERLINED);
/// The colours of paired figures, cycled by pair id so that neighbouring pairs differ.
pub const FIGURE_PAIRS: [Color; 4] = [
    Color::LightCyan,
    Color::LightGreen,
    Color::LightMagenta,
    Color::LightBlue,
];
/// A figure the translation gets wrong, and its English counterpart.
pub const MISMATCH: Style = Style::new()
    .fg(Color::White)
    .bg(Color::Red)
    .add_modifier(Modifier::BOLD);
/// Overlay borders and titles.
pub const BORDER: Style = Style::new().fg(Color::LightBlue);

/// The style of the two figures of pair `id`.
pub fn figure_pair(id: usize) -> Style {
    FIGURE.fg(FIGURE_PAIRS[id % FIGURE_PAIRS.len()])
}

/// The header style of a speaker of `kind`.
pub fn speaker(kind: SpeakerKind) -> Style {
    let fg = match kind {
        SpeakerKind::Executive => Color::LightCyan,
        SpeakerKind::Analyst => Color::LightMagenta,
        SpeakerKind::Operator | SpeakerKind::Other => Color::Gray,
    };
    Style::new().fg(fg).add_modifier(Modifier::BOLD)
}
