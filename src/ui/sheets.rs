//! Drawing the call overview and the figure list: the lines `app::sheets` built, in aligned
//! columns, the selected one highlighted and kept in view, the keys in the last row.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::app::keymap::Context;
use crate::app::sheets::{SheetLine, Tone};
use crate::app::{Action, App};
use crate::wrap::{truncate, width};

use super::overlay::window;
use super::theme;

/// The widest a column of names or figures gets before it is cut.
const COLUMN_MOST: usize = 40;

/// Draws the overview over `area`.
pub fn render_overview(buf: &mut Buffer, area: Rect, app: &App, selected: usize) {
    let title = "Call overview";
    render(buf, area, app, selected, title, 100);
}

/// Draws the figure list over `area`.
pub fn render_figure_list(buf: &mut Buffer, area: Rect, app: &App, selected: usize) {
    let n = app.figures.analysis.mismatches.len();
    let pairs = app.sheet.len() - n;
    let title = match n {
        0 => format!("Figures — {pairs} pairs, no mismatch"),
        n => format!("Figures — {n} mismatched, {pairs} pairs"),
    };
    render(buf, area, app, selected, &title, 120);
}

/// A window of at most `most` columns (as wide and tall as the lines need) with the sheet's
/// lines, `selected` highlighted.
fn render(buf: &mut Buffer, area: Rect, app: &App, selected: usize, title: &str, most: u16) {
    let widths = column_widths(&app.sheet, usize::from(most));
    let need = app
        .sheet
        .iter()
        .map(|l| format_line(l, &widths, usize::from(most)).width())
        .chain([width(title) + 4, 40])
        .max()
        .unwrap_or(0);
    let w = u16::try_from(need + 3).unwrap_or(most).min(most);
    let h = u16::try_from(app.sheet.len() + 3).unwrap_or(u16::MAX);
    let inner = window(buf, area, w, h, title);
    let Some(h) = (inner.height as usize).checked_sub(1) else {
        return;
    };
    let w = inner.width.saturating_sub(1) as usize;
    let widths = column_widths(&app.sheet, w);
    let offset = selected.saturating_sub(h.saturating_sub(1));
    let end = (offset + h).min(app.sheet.len());
    for (i, line) in app.sheet[offset..end].iter().enumerate() {
        let y = inner.y + i as u16;
        let row = Rect {
            x: inner.x,
            y,
            width: inner.width,
            height: 1,
        };
        let text = format_line(line, &widths, w);
        buf.set_line(inner.x + 1, y, &text, w as u16);
        if offset + i == selected && line.target.is_some() {
            buf.set_style(row, theme::SELECTED);
        }
    }
    let footer = footer(app);
    buf.set_line(inner.x + 1, inner.y + h as u16, &footer, w as u16);
}

/// The widths of the columns of item lines: each as wide as its widest cell, within limits,
/// the last taking what is left of `w`.
fn column_widths(lines: &[SheetLine], w: usize) -> Vec<usize> {
    let mut widths: Vec<usize> = Vec::new();
    for l in lines.iter().filter(|l| l.tone != Tone::Field) {
        if l.cols.len() < 2 {
            continue;
        }
        for (i, c) in l.cols.iter().enumerate() {
            if widths.len() <= i {
                widths.push(0);
            }
            widths[i] = widths[i].max(width(c).min(COLUMN_MOST));
        }
    }
    widths
        .iter()
        .scan(w, |left, &cw| {
            let take = cw.min(*left);
            *left = left.saturating_sub(take + 2);
            Some(take)
        })
        .collect()
}

/// One line in columns: a heading, a field (`Label      value`), or cells padded to `widths`.
fn format_line(line: &SheetLine, widths: &[usize], w: usize) -> Line<'static> {
    match line.tone {
        Tone::Blank => Line::default(),
        Tone::Heading => Line::styled(
            truncate(line.cols.first().map_or("", |s| s), w),
            theme::SECTION,
        ),
        Tone::Field => {
            let label = line.cols.first().cloned().unwrap_or_default();
            let value = line.cols.get(1).cloned().unwrap_or_default();
            Line::from(vec![
                Span::styled(format!("{label:<11}"), theme::KEY),
                Span::raw(truncate(&value, w.saturating_sub(11))),
            ])
        }
        Tone::Item | Tone::Warning => {
            let style = if line.tone == Tone::Warning {
                theme::ERROR_TEXT
            } else {
                Style::new()
            };
            let last = line.cols.len().saturating_sub(1);
            let mut spans = Vec::new();
            let mut used = 0;
            for (i, c) in line.cols.iter().enumerate() {
                let room = w.saturating_sub(used);
                if room == 0 {
                    break;
                }
                let cw = if i == last || line.cols.len() == 1 {
                    room
                } else {
                    widths.get(i).copied().unwrap_or(room).min(room)
                };
                let cell = truncate(c, cw);
                let pad = if i == last {
                    0
                } else {
                    cw.saturating_sub(width(&cell)) + 2
                };
                used += width(&cell) + pad;
                let cell_style = if i == 0 { style } else { theme::MATTER };
                spans.push(Span::styled(
                    format!("{cell}{}", " ".repeat(pad)),
                    cell_style,
                ));
            }
            Line::from(spans)
        }
    }
}

/// The keys of the window, from the key map.
fn footer(app: &App) -> Line<'static> {
    let keys = &app.prefs.keys;
    let key = |a: &Action| {
        keys.keys_of(Context::Sheet, a)
            .split(' ')
            .next()
            .unwrap_or_default()
            .to_string()
    };
    let mut spans = Vec::new();
    for (a, what) in [
        (Action::SheetJump, " go there  "),
        (Action::SheetMove(1), ""),
        (Action::SheetMove(-1), " move  "),
        (Action::CloseOverlay, " close"),
    ] {
        let k = key(&a);
        if k.is_empty() {
            continue;
        }
        if what.is_empty() {
            spans.push(Span::styled(format!("{k}/"), theme::KEY));
        } else {
            spans.push(Span::styled(k, theme::KEY));
            spans.push(Span::raw(what));
        }
    }
    Line::from(spans)
}
