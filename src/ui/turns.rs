//! The turn list: the material before the call, prepared remarks and Q&A, questions with their
//! answers under them, the closing remarks after the last question, the material after the
//! call.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::app::App;
use crate::app::index::EntryKind;
use crate::app::state::Focus;
use crate::transcript::Section;

use super::labels::question_label;
use super::theme;
use crate::wrap::truncate;

/// Draws the visible part of the turn list, keeping the highlighted entry in view.
pub fn render(buf: &mut Buffer, area: Rect, app: &mut App) {
    let current = app.current_entry();
    let highlighted = match app.focus {
        Focus::List => app.list_sel,
        Focus::Reader => current,
    };
    let h = area.height as usize;
    let offset = follow(app.areas.list_offset, highlighted, h);
    app.areas.list_offset = offset;
    let end = (offset + h).min(app.index.entries.len());
    for (i, e) in (offset..end).enumerate() {
        let y = area.y + i as u16;
        let mut style = entry_style(app, e);
        if e == highlighted {
            buf.set_stringn(
                area.x,
                y,
                " ".repeat(area.width.into()),
                area.width.into(),
                theme::SELECTED,
            );
            style = style.patch(theme::SELECTED);
        } else if e == current {
            style = style.patch(theme::CURRENT);
        }
        let label = truncate(&entry_label(app, e), area.width.into());
        buf.set_stringn(area.x, y, label, area.width.into(), style);
        if area.width > 0 && marked(app, e) {
            buf.set_stringn(area.x, y, theme::MARK_GLYPH, 1, style.patch(theme::MARK));
        }
    }
}

/// True when entry `i` is a turn, question or answer with a bookmarked paragraph in it.
fn marked(app: &App, i: usize) -> bool {
    let entries = &app.index.entries;
    let e = &entries[i];
    if matches!(
        e.kind,
        EntryKind::Section(_) | EntryKind::Before | EntryKind::Closing | EntryKind::After
    ) {
        return false;
    }
    let end = entries[i + 1..]
        .iter()
        .map(|n| n.turn)
        .find(|&t| t > e.turn)
        .unwrap_or(app.doc.turns.len());
    app.marks.any_in(e.turn..end)
}

/// The first entry to show so that `selected` stays within `height` rows of `offset`.
fn follow(offset: usize, selected: usize, height: usize) -> usize {
    if height == 0 || selected < offset {
        selected
    } else if selected >= offset + height {
        selected + 1 - height
    } else {
        offset
    }
}

/// The cells the turn list needs for its longest entry (and the mark before it).
pub fn widest(app: &App) -> u16 {
    let w = (0..app.index.entries.len())
        .map(|i| crate::wrap::width(&entry_label(app, i)))
        .max()
        .unwrap_or(0);
    u16::try_from(w + 2).unwrap_or(u16::MAX)
}

/// The text of entry `i`.
fn entry_label(app: &App, i: usize) -> String {
    let t = &app.doc;
    let e = &app.index.entries[i];
    let name = || {
        app.speaker_shown(t.turns[e.turn].speaker)
            .map_or("", |s| s.name.as_str())
    };
    match e.kind {
        EntryKind::Before => "BEFORE THE CALL".into(),
        EntryKind::Section(Section::Prepared) => "PREPARED REMARKS".into(),
        EntryKind::Section(Section::Qa) => "Q&A".into(),
        EntryKind::Turn => format!(" {}", name()),
        EntryKind::Question(q) => format!(" {}", question_label(app.labels(), q)),
        EntryKind::Answer => format!("    {}", name()),
        EntryKind::Closing => " Closing remarks".into(),
        EntryKind::After => "AFTER THE CALL".into(),
    }
}

/// The style of entry `i` before highlighting.
fn entry_style(app: &App, i: usize) -> Style {
    let e = &app.index.entries[i];
    match e.kind {
        EntryKind::Section(_) | EntryKind::Before | EntryKind::After => theme::LIST_SECTION,
        EntryKind::Question(_) | EntryKind::Closing => theme::QUESTION,
        _ => Style::new(),
    }
}
