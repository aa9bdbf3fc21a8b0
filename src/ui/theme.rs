//! Colours and text styles of the reader, in one place.

use ratatui::style::{Color, Modifier, Style};

use crate::app::prefs::Palette;
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
/// A help sub-heading naming where the keys under it work (a panel, a picker, an input).
pub const HELP_CONTEXT: Style = Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC);
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
/// A warning in a list (a figure the translation gets wrong).
pub const ERROR_TEXT: Style = Style::new()
    .fg(Color::LightRed)
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
/// The background of the paragraph under the reading cursor (kept, not reversed, without
/// colour: the gutter mark shows the cursor then).
pub const CURSOR_BG: Color = Color::Indexed(236);
/// The paragraph under the reading cursor.
pub const CURSOR: Style = Style::new().bg(CURSOR_BG);
/// The cursor's mark in the gutter.
pub const CURSOR_MARK: Style = Style::new().fg(Color::LightBlue);
/// The glyph of that mark.
pub const CURSOR_GLYPH: &str = "▎";
/// The speaker line at the top of the reading pane.
pub const STICKY: Style = Style::new().add_modifier(Modifier::UNDERLINED);
/// The rule before a Chinese paragraph stacked under its English.
pub const STACKED_RULE: Style = Style::new().fg(Color::DarkGray);
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

/// Recolours a drawn frame for `palette`: the styles above are the dark theme; the light
/// theme swaps each for one readable on a light background; without colour every fg and bg
/// is cleared and cells that had a background (matches, the status line) are reversed.
pub fn apply(buf: &mut ratatui::buffer::Buffer, palette: Palette) {
    if palette.colour && !palette.light {
        return;
    }
    for cell in buf.content.iter_mut() {
        if !palette.colour {
            if cell.bg != Color::Reset && cell.bg != CURSOR_BG {
                cell.modifier.insert(Modifier::REVERSED);
            }
            cell.fg = Color::Reset;
            cell.bg = Color::Reset;
        } else {
            cell.fg = light_fg(cell.fg);
            cell.bg = light_bg(cell.bg);
        }
    }
}

/// The light theme's text colour for the dark theme's `c`.
fn light_fg(c: Color) -> Color {
    match c {
        Color::White | Color::Gray => Color::Black,
        Color::DarkGray => Color::Gray,
        Color::LightBlue => Color::Blue,
        Color::LightCyan => Color::Cyan,
        Color::LightMagenta => Color::Magenta,
        Color::LightGreen => Color::Green,
        Color::LightRed => Color::Red,
        Color::Yellow | Color::LightYellow => Color::Indexed(130),
        other => other,
    }
}

/// The light theme's background for the dark theme's `c`.
fn light_bg(c: Color) -> Color {
    match c {
        Color::DarkGray => Color::Gray,
        CURSOR_BG => Color::Indexed(254),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;

    #[test]
    fn no_colour_clears_colours_and_reverses_backgrounds() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 3, 1));
        buf.set_string(0, 0, "a", MATCH);
        buf.set_string(1, 0, "b", QUESTION);
        buf.set_string(2, 0, "c", SELECTED);
        apply(
            &mut buf,
            Palette {
                light: false,
                colour: false,
            },
        );
        for x in 0..3 {
            let cell = &buf[(x, 0)];
            assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{x}");
        }
        assert!(buf[(0, 0)].modifier.contains(Modifier::REVERSED));
        assert!(buf[(1, 0)].modifier.contains(Modifier::BOLD));
        assert!(buf[(2, 0)].modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn the_light_theme_darkens_pale_text() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 2, 1));
        buf.set_string(0, 0, "a", STATUS);
        buf.set_string(1, 0, "b", speaker(SpeakerKind::Executive));
        apply(&mut buf, Palette::default());
        assert_eq!(buf[(0, 0)].fg, Color::White, "dark is as drawn");
        apply(
            &mut buf,
            Palette {
                light: true,
                colour: true,
            },
        );
        assert_eq!(
            (buf[(0, 0)].fg, buf[(0, 0)].bg),
            (Color::Black, Color::Gray)
        );
        assert_eq!(buf[(1, 0)].fg, Color::Cyan);
    }
}
