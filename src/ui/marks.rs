//! Bookmarks on screen: the mark in the reading pane's gutter, the bookmarks panel and the
//! note editor.

use crate::config::settings::ChineseScript;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use crate::app::App;
use crate::app::keymap::Context;
use crate::app::layout::{NO_BLOCK, RowKind};
use crate::app::marks::Item;
use crate::bookmarks::Bookmark;

use super::overlay::window;
use super::theme;
use crate::wrap::{truncate, wrap};

/// Marks the rows of bookmarked paragraphs in the column left of the reading pane.
pub fn render_gutter(buf: &mut Buffer, reading: Rect, app: &App) {
    let Some(x) = reading.x.checked_sub(1) else {
        return;
    };
    let y0 = super::reading::text_top(reading, app);
    let h = reading.bottom().saturating_sub(y0) as usize;
    let end = (app.top + h).min(app.layout.len());
    for (i, row) in (app.top.min(end)..end)
        .filter_map(|r| app.row(r))
        .enumerate()
    {
        let text = matches!(row.kind, RowKind::Text(_) | RowKind::MarkNote { .. });
        let y = y0 + i as u16;
        if text
            && row.block != NO_BLOCK
            && app
                .marks
                .at(row.turn as usize, row.block as usize)
                .is_some()
        {
            buf.set_stringn(x, y, theme::MARK_GLYPH, 1, theme::MARK);
        } else if app.under_cursor(app.top + i) {
            buf.set_stringn(x, y, theme::CURSOR_GLYPH, 1, theme::CURSOR_MARK);
        }
    }
}

/// A panel line: its text, and the entry it belongs to (None for headings and notices).
type PanelLine = (Line<'static>, Option<usize>);

/// Draws the bookmarks panel over `area`, keeping the selected entry in view.
pub fn render_panel(buf: &mut Buffer, area: Rect, app: &App, selected: usize) {
    let items = &app.marks.items;
    let here = items.iter().filter(|i| i.here).count();
    let title = format!("Bookmarks — {here} in this call, {} in all", items.len());
    let inner = window(buf, area, 110, area.height, &title);
    let lines = panel_lines(app, inner.width.saturating_sub(1).into());
    let Some(h) = (inner.height as usize).checked_sub(1) else {
        return;
    };
    let footer = inner.y + h as u16;
    buf.set_line(
        inner.x + 1,
        footer,
        &keys(&app.prefs.keys),
        inner.width.saturating_sub(1),
    );
    let last = lines
        .iter()
        .rposition(|(_, i)| *i == Some(selected))
        .unwrap_or(0);
    let offset = (last + 1).saturating_sub(h);
    for (n, (line, item)) in lines.iter().skip(offset).take(h).enumerate() {
        let y = inner.y + n as u16;
        let row = Rect {
            y,
            height: 1,
            ..inner
        };
        if *item == Some(selected) {
            buf.set_style(row, theme::SELECTED);
        }
        buf.set_line(inner.x + 1, y, line, inner.width.saturating_sub(1));
    }
}

/// The panel's keys, from the key map: `Enter jump  m note  d delete ...`.
fn keys(map: &crate::app::keys::Keymap) -> Line<'static> {
    let mut spans = Vec::new();
    for (key, b) in map.hints(Context::Marks) {
        spans.push(Span::styled(key, theme::KEY));
        spans.push(Span::styled(
            format!(" {}  ", b.hint.unwrap_or_default()),
            theme::RULE,
        ));
    }
    Line::from(spans)
}

/// The panel's lines: notices, then this call's bookmarks, then the other calls'.
fn panel_lines(app: &App, w: usize) -> Vec<PanelLine> {
    let m = &app.marks;
    let mut out: Vec<PanelLine> = Vec::new();
    for msg in m.problem.iter().chain(&m.notice) {
        for r in wrap(msg, w) {
            out.push((Line::styled(msg[r].to_string(), theme::ERROR), None));
        }
        out.push((Line::default(), None));
    }
    if m.items.is_empty() {
        let hint =
            "No bookmarks yet: b bookmarks the paragraph under the cursor, m writes a note on it.";
        out.push((Line::raw(hint), None));
    }
    let mut call: Option<String> = None;
    for (i, item) in m.items.iter().enumerate() {
        let Some(b) = m.store.get(&item.id) else {
            continue;
        };
        let heading = if item.here {
            format!("This call · {}", m.call.name())
        } else {
            b.call.name()
        };
        if call.as_ref() != Some(&heading) {
            if !item.here && call.as_ref().is_none_or(|c| c.starts_with("This call")) {
                out.push((Line::styled("Other calls", theme::SECTION), None));
            }
            let style = if item.here {
                theme::SECTION
            } else {
                theme::LIST_SECTION
            };
            let shown = crate::script::to_script(&heading, app.prefs.script);
            out.push((Line::styled(truncate(&shown, w), style), None));
            call = Some(heading);
        }
        let lines = entry_lines(b, item, w, app.prefs.script);
        out.extend(lines.into_iter().map(|l| (l, Some(i))));
        out.push((Line::default(), None));
    }
    out
}

/// The lines of one entry: who and where, the start of the text (its Chinese in `script`),
/// the note's first line (as the user wrote it).
fn entry_lines(b: &Bookmark, item: &Item, w: usize, script: ChineseScript) -> Vec<Line<'static>> {
    let who = format!(" {} · {}", b.speaker, b.context());
    let who = crate::script::to_script(&who, script);
    let missing = item.here && item.found.is_none();
    let tail = if missing {
        "  not found in this version"
    } else {
        ""
    };
    let who = truncate(&who, w.saturating_sub(tail.len()));
    let kind = if b.analyst.as_deref() == Some(b.speaker.as_str()) {
        crate::transcript::SpeakerKind::Analyst
    } else {
        crate::transcript::SpeakerKind::Executive
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(who, theme::speaker(kind)),
        Span::styled(tail, theme::ERROR),
    ])];
    lines.push(Line::raw(format!(
        "   {}",
        truncate(
            &crate::script::to_script(b.text(), script),
            w.saturating_sub(3)
        )
    )));
    // The whole note, wrapped, each of its lines kept.
    let note = b.note.trim();
    for (i, para) in note.lines().enumerate().filter(|_| !note.is_empty()) {
        let lead = if i == 0 { "Note: " } else { "      " };
        let room = w.saturating_sub(3 + lead.len()).max(8);
        let rows = wrap(para, room);
        for (j, r) in rows.iter().enumerate() {
            let lead = if j == 0 { lead } else { "      " };
            lines.push(Line::from(vec![
                Span::raw("   "),
                Span::styled(format!("{lead}{}", &para[r.clone()]), theme::NOTE_TEXT),
            ]));
        }
        if rows.is_empty() {
            lines.push(Line::default());
        }
    }
    lines
}

/// Draws the note editor (when open) in the middle of `area`: what the note is on, the
/// text area, and the keys.
pub fn render_note(frame: &mut Frame, area: Rect, app: &App) {
    let Some(ed) = &app.marks.editor else {
        return;
    };
    let h = area.height.min(16);
    let (save, cancel) = app.note_keys();
    // The warning is repeated here: the status line may cut it short on a narrow terminal.
    let title = if ed.changed() && ed.armed() {
        format!("Note not saved — {cancel} again discards it, {save} saves")
    } else if ed.changed() {
        format!("Note — {save} saves, {cancel} twice discards")
    } else {
        format!("Note — {save} saves, {cancel} closes")
    };
    let inner = window(frame.buffer_mut(), area, 84, h, &title);
    if inner.height < 3 {
        return;
    }
    let about = truncate(&ed.about, inner.width.saturating_sub(2).into());
    let buf = frame.buffer_mut();
    buf.set_stringn(
        inner.x + 1,
        inner.y,
        about,
        inner.width.into(),
        theme::NOTE_LABEL,
    );
    let rule = "─".repeat(inner.width.into());
    buf.set_stringn(inner.x, inner.y + 1, rule, inner.width.into(), theme::RULE);
    let field = Rect {
        x: inner.x + 1,
        y: inner.y + 2,
        width: inner.width.saturating_sub(2),
        height: inner.height - 2,
    };
    Clear.render(field, frame.buffer_mut());
    frame.render_widget(&ed.text, field);
}
