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

/// Draws the visible rows of the reading pane into `area`.
pub fn render(buf: &mut Buffer, area: Rect, app: &App) {
    let end = (app.top + area.height as usize).min(app.layout.rows.len());
    let rows = app.layout.rows.get(app.top..end).unwrap_or_default();
    for (i, row) in rows.iter().enumerate() {
        let y = area.y + i as u16;
        render_row(
            buf,
            Rect {
                y,
                height: 1,
                ..area
            },
            app,
            row,
        );
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
        RowKind::Text([left, right]) => {
            let l = &app.layout;
            if let Some(p) = left {
                piece(buf, (area.x, area.y, l.left_w), app, row, p, Style::new());
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
