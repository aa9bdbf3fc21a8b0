//! The reading pane: draws only the rows on screen, from the prepared layout.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::app::App;
use crate::app::search::Place;
use crate::transcript::Block;

use super::labels::{question_label, section_title, speaker_header};
use super::{spans, theme};
use crate::app::layout::{NOTE_GUTTER, Piece, Row, RowKind, Src};
use crate::wrap::truncate;

/// Draws the visible rows of the reading pane into `area`: the speaker line first when the
/// top row's header has scrolled away, the cursor's paragraph on a tinted background.
pub fn render(buf: &mut Buffer, area: Rect, app: &App) {
    let mut area = area;
    if let Some(turn) = app.sticky_turn().filter(|_| area.height > 1) {
        sticky(buf, Rect { height: 1, ..area }, app, turn);
        area.y += 1;
        area.height -= 1;
    }
    let end = (app.top + area.height as usize).min(app.layout.len());
    for (i, row) in (app.top.min(end)..end)
        .filter_map(|r| app.row(r))
        .enumerate()
    {
        let line = Rect {
            y: area.y + i as u16,
            height: 1,
            ..area
        };
        if app.under_cursor(app.top + i) {
            buf.set_style(line, theme::CURSOR);
        }
        render_row(buf, line, app, &row);
    }
}

/// The first row of the text, where the speaker line is drawn (under it when one is).
pub fn text_top(area: Rect, app: &App) -> u16 {
    area.y + u16::from(app.sticky_turn().is_some() && area.height > 1)
}

/// The speaker line: the question the turn at the top belongs to, who is speaking, and
/// (when it fits) who asked the question.
fn sticky(buf: &mut Buffer, area: Rect, app: &App, turn: usize) {
    let t = &app.doc;
    let tr = &t.turns[turn];
    let sp = app
        .speaker_shown(tr.speaker)
        .unwrap_or_else(|| t.speaker_of(tr));
    let w = area.width as usize;
    buf.set_style(area, theme::STICKY);
    let q = tr
        .question
        .and_then(|n| t.questions.iter().position(|q| q.number == n));
    let mut x = area.x;
    if let Some(q) = q {
        let number = format!("Q{} ", t.questions[q].number);
        buf.set_stringn(x, area.y, &number, w, theme::QUESTION.patch(theme::STICKY));
        x += crate::wrap::width(&number) as u16;
    }
    let room = w.saturating_sub((x - area.x) as usize);
    let who = truncate(&format!("▴ {}", speaker_header(sp)), room);
    buf.set_stringn(
        x,
        area.y,
        &who,
        room,
        theme::speaker(sp.kind).patch(theme::STICKY),
    );
    let used = (x - area.x) as usize + crate::wrap::width(&who);
    if let Some(q) = q.filter(|&q| t.questions[q].analyst != tr.speaker) {
        let label = question_label(app.labels(), q);
        let label = label
            .split_once(" · ")
            .map_or(label.as_str(), |(_, rest)| rest);
        let asked = format!("asked by {label}");
        let lw = crate::wrap::width(&asked);
        if used + 3 + lw <= w {
            let x = area.x + (w - lw) as u16;
            buf.set_stringn(x, area.y, &asked, lw, theme::QUESTION.patch(theme::STICKY));
        }
    }
}

/// Draws one row into the one-line `area`.
fn render_row(buf: &mut Buffer, area: Rect, app: &App, row: &Row) {
    let t = &app.doc;
    let turn = &t.turns[row.turn as usize];
    match row.kind {
        RowKind::Section(s) => rule_line(buf, area, section_title(s), theme::SECTION),
        RowKind::MatterTitle { back } => {
            let title = if back {
                "After the call"
            } else {
                "Before the call"
            };
            rule_line(buf, area, title, theme::SECTION);
        }
        RowKind::Matter {
            back,
            para,
            start,
            end,
        } => {
            let shown = app.labels();
            let paras = if back {
                &shown.back_matter
            } else {
                &shown.front_matter
            };
            let Some(text) = paras.get(para as usize) else {
                return;
            };
            let place = if back {
                Place::Back(para)
            } else {
                Place::Front(para)
            };
            let p = Piece {
                src: Src::Matter,
                start,
                end,
            };
            if text.get(start as usize..end as usize).is_none() {
                return;
            }
            let search = match_layers(app, place, Src::Matter);
            let line = spans::layered(text, p, theme::MATTER, &[], &search);
            buf.set_line(area.x, area.y, &line, area.width);
        }
        RowKind::Question(q) => {
            buf.set_stringn(
                area.x,
                area.y,
                question_label(app.labels(), q),
                area.width.into(),
                theme::QUESTION,
            );
        }
        RowKind::Closing => {
            let w = area.width.into();
            buf.set_stringn(area.x, area.y, "Closing remarks", w, theme::QUESTION);
        }
        RowKind::Header => {
            let sp = app
                .speaker_shown(turn.speaker)
                .unwrap_or_else(|| t.speaker_of(turn));
            let style = theme::speaker(sp.kind);
            let label = truncate(&speaker_header(sp), area.width.into());
            buf.set_stringn(area.x, area.y, label, area.width.into(), style);
        }
        RowKind::Blank => {}
        RowKind::NoteLabel => {
            buf.set_stringn(
                area.x,
                area.y,
                "┊ Note",
                area.width.into(),
                theme::NOTE_LABEL,
            );
        }
        RowKind::Note(p) => {
            buf.set_stringn(area.x, area.y, "┊", 1, theme::RULE);
            let x = area.x + NOTE_GUTTER;
            let w = area.width.saturating_sub(NOTE_GUTTER);
            piece(buf, (x, area.y, w), app, row, p, theme::NOTE);
        }
        RowKind::MarkNote { note, start, end } => {
            let text = app.layout.mark_notes.get(note as usize);
            let line = text.and_then(|t| t.get(start as usize..end as usize));
            buf.set_stringn(area.x, area.y, "┃", 1, theme::MARK);
            let w = area.width.saturating_sub(NOTE_GUTTER);
            let x = area.x + NOTE_GUTTER;
            buf.set_stringn(
                x,
                area.y,
                line.unwrap_or_default(),
                w.into(),
                theme::NOTE_TEXT,
            );
        }
        RowKind::Text([left, right]) => {
            let l = &app.layout;
            if let Some(p) = left {
                let indent = match p.src {
                    Src::Zh => l.zh_indent(block_of(app, row)),
                    _ => 0,
                };
                if indent > 0 {
                    buf.set_stringn(area.x, area.y, "▏", 1, theme::STACKED_RULE);
                }
                let (x, w) = (area.x + indent, l.left_w.saturating_sub(indent));
                piece(buf, (x, area.y, w), app, row, p, Style::new());
            }
            if l.side {
                let bar = area.x + l.left_w + l.right_x.saturating_sub(l.left_w) / 2;
                buf.set_stringn(bar, area.y, "│", 1, theme::RULE);
                if let Some(p) = right {
                    piece(
                        buf,
                        (area.x + l.right_x, area.y, l.right_w),
                        app,
                        row,
                        p,
                        Style::new(),
                    );
                }
            }
        }
    }
}

/// The block a text row shows.
fn block_of<'a>(app: &'a App, row: &Row) -> &'a Block {
    &app.doc.turns[row.turn as usize].blocks[row.block as usize]
}

/// A centred title on a horizontal rule.
fn rule_line(buf: &mut Buffer, area: Rect, title: &str, style: Style) {
    let w = area.width as usize;
    let label = format!("── {title} ");
    let rest = w.saturating_sub(crate::wrap::width(&label));
    buf.set_stringn(
        area.x,
        area.y,
        format!("{label}{}", "─".repeat(rest)),
        w,
        style,
    );
}

/// Draws a piece of block text at `(x, y)` within `w` cells, highlighting figures (when on)
/// and search matches.
fn piece(
    buf: &mut Buffer,
    (x, y, w): (u16, u16, u16),
    app: &App,
    row: &Row,
    p: Piece,
    base: Style,
) {
    let (turn, b) = (row.turn as usize, row.block as usize);
    let block = &app.doc.turns[turn].blocks[b];
    let text = match (block, p.src) {
        (Block::Para { en: Some(s), .. }, Src::En) => s,
        (Block::Para { zh: Some(s), .. }, Src::Zh) => s,
        (Block::Note { note }, Src::Note) => note,
        _ => return,
    };
    let text = match p.src {
        Src::En => std::borrow::Cow::Borrowed(text.as_str()),
        _ => crate::script::to_script(text, app.prefs.script),
    };
    let id = app.index.block_id(turn, b);
    let search = match_layers(app, Place::Block(id), p.src);
    let figures = spans::figure_layers(app, turn, b, p.src);
    let line = spans::layered(&text, p, base, &figures, &search);
    buf.set_line(x, y, &line, w);
}

/// The search matches at `place` in text `src`, the current one styled apart.
fn match_layers(app: &App, place: Place, src: Src) -> Vec<spans::Layer> {
    let all = &app.search.matches;
    let from = all.partition_point(|m| m.place < place);
    all[from..]
        .iter()
        .enumerate()
        .take_while(|(_, m)| m.place == place)
        .filter(|(_, m)| m.src == src)
        .map(|(i, m)| {
            let style = if app.search.current == Some(from + i) {
                theme::CURRENT_MATCH
            } else {
                theme::MATCH
            };
            (m.start as usize..m.end as usize, style)
        })
        .collect()
}
