//! The status line: the call, the position, the search counter, and either a message or
//! the keys that matter now (generated from the key map).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::index::EntryKind;
use crate::app::{Action, App};

use super::labels::call_title;
use super::theme;
use crate::wrap::{truncate, width};

/// Draws the status line into the one-row `area`: the call and the position on the left; on
/// the right a message (taking room from the title, and a warning from everything) or the
/// key hints.
pub fn render(buf: &mut Buffer, area: Rect, app: &App) {
    buf.set_style(area, theme::STATUS);
    let w = area.width as usize;
    let pos = position(app);
    let share = if w < 120 { w / 4 } else { w * 2 / 5 };
    // A message takes room from the title first (the title is on screen all the time), down
    // to no title at all on a narrow terminal.
    let message = app.status.as_ref().map_or(0, |s| width(&s.text) + 4);
    let title_room = w
        .saturating_sub(width(&pos) + 4 + message)
        .min(share)
        .max(if message > 0 { 0 } else { 8 });
    let error = app.status.as_ref().is_some_and(|s| s.error);
    let left = if error && width(&pos) + 3 + message > w {
        // A warning too long to sit beside the position gets the whole line.
        String::new()
    } else if title_room < 4 {
        format!(" {pos}")
    } else {
        let title = truncate(&call_title(app.labels(), &app.source), title_room);
        format!(" {title} │ {pos}")
    };
    buf.set_stringn(area.x, area.y, &left, w, theme::STATUS);
    let used = if left.is_empty() { 0 } else { width(&left) + 2 };
    let room = w.saturating_sub(used);
    let right = match &app.status {
        Some(s) => {
            let style = if s.error { theme::ERROR } else { theme::STATUS };
            let text = shorten_middle(&s.text, room.saturating_sub(2));
            Line::from(Span::styled(format!(" {text} "), style))
        }
        None => hints(app, room),
    };
    let rw = right.width().min(room);
    if rw > 0 {
        buf.set_line(area.x + (w - rw) as u16, area.y, &right, rw as u16);
    }
}

/// `text` in at most `max` columns: whole when it fits, else its start and its end around a
/// `…` (the end of a message often holds what matters: a path, a reason).
fn shorten_middle(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let head = truncate(text, max * 2 / 5 + 1);
    let room = max.saturating_sub(width(&head));
    let mut tail: Vec<char> = Vec::new();
    let mut used = 0;
    for c in text.chars().rev() {
        let w = width(c.encode_utf8(&mut [0; 4]));
        if used + w > room {
            break;
        }
        used += w;
        tail.push(c);
    }
    head + &tail.into_iter().rev().collect::<String>()
}

/// `turn 12/48 · Q3/14 · match 2/9`.
pub fn position(app: &App) -> String {
    let turns = app.doc.turns.len();
    let entry = app.index.entries.get(app.current_entry()).map(|e| e.kind);
    let mut s = match entry {
        Some(EntryKind::Before) => format!("before the call · {turns} turns"),
        Some(EntryKind::After) => format!("after the call · {turns} turns"),
        _ => format!("turn {}/{turns}", (app.current_turn() + 1).min(turns)),
    };
    let questions = app.doc.questions.len();
    if questions > 0 {
        match app.current_question() {
            Some(q) => s.push_str(&format!(" · Q{q}/{questions}")),
            None if questions == 1 => s.push_str(" · 1 question"),
            None => s.push_str(&format!(" · {questions} questions")),
        }
    }
    if let Some((turn, block)) = app.paragraph_here()
        && app.marks.at(turn, block).is_some()
    {
        s.push_str(" · bookmarked");
    }
    if !app.search.matches.is_empty() {
        if app.search.partial {
            s.push_str(" · counting matches…");
        } else {
            let cur = app.search.current.map_or(0, |c| c + 1);
            s.push_str(&format!(" · match {cur}/{}", app.search.matches.len()));
        }
    }
    s.push_str(&mismatches(app));
    if let Some(n) = app.count {
        s.push_str(&format!(" · {n}…"));
    }
    s
}

/// ` · ⚠ 3 figures` when the translation gets figures wrong; at one of them, which one and why
/// (` · ⚠ 2/3 digits transposed`).
pub fn mismatches(app: &App) -> String {
    let all = &app.figures.analysis.mismatches;
    match (all.len(), app.mismatch_here()) {
        (0, _) => String::new(),
        (n, Some(i)) => format!(" · ⚠ {}/{n} {}", i + 1, all[i].reason),
        (1, None) => " · ⚠ 1 figure".to_string(),
        (n, None) => format!(" · ⚠ {n} figures"),
    }
}

/// True for the hints always shown (help, quit, closing and confirming).
fn essential(action: &Action) -> bool {
    matches!(
        action,
        Action::OpenHelp
            | Action::Quit
            | Action::CloseOverlay
            | Action::SearchConfirm
            | Action::SearchCancel
            | Action::NoteSave
            | Action::NoteCancel
    )
}

/// The hint keys for the current context, from the key map: as many of the others as fit
/// in `room`, then the essential ones.
fn hints(app: &App, room: usize) -> Line<'static> {
    let searching = !app.search.matches.is_empty();
    let all: Vec<(String, String, bool)> = app
        .prefs
        .keys
        .hints(app.context())
        .into_iter()
        .filter(|(_, b)| {
            searching
                || !matches!(
                    b.action,
                    Action::SearchNext | Action::SearchPrev | Action::ClearSearch
                )
        })
        .map(|(key, b)| {
            (
                key,
                format!(" {} ", b.hint.unwrap_or_default()),
                essential(&b.action),
            )
        })
        .collect();
    let cost = |(k, l, _): &(String, String, bool)| width(k) + width(l);
    let mut left = room.saturating_sub(all.iter().filter(|h| h.2).map(cost).sum());
    let mut full = false;
    let shown: Vec<bool> = all
        .iter()
        .map(|h| {
            if h.2 {
                return true;
            }
            full = full || cost(h) > left;
            if !full {
                left -= cost(h);
            }
            !full
        })
        .collect();
    let key_style = theme::KEY.bg(theme::STATUS.bg.unwrap_or_default());
    let mut spans = Vec::new();
    for ((key, label, _), show) in all.into_iter().zip(shown) {
        if show {
            spans.push(Span::styled(key, key_style));
            spans.push(Span::styled(label, theme::STATUS));
        }
    }
    Line::from(spans)
}
