//! Windows over the panes: the help (generated from the key map), the analyst picker and
//! the search input.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use crate::app::keymap::{Context, HELP_ORDER};
use crate::app::keys::Keymap;
use crate::app::{Action, App};

use super::theme;
use crate::wrap::{truncate, width};

/// The help's title, with its own keys in effect: `Help — Esc or q closes, j/k scroll`.
fn help_title(keys: &Keymap) -> String {
    let first = |action: &Action, n: usize| -> Vec<String> {
        keys.keys_of(Context::Help, action)
            .split(' ')
            .filter(|k| !k.is_empty())
            .take(n)
            .map(String::from)
            .collect()
    };
    let close = first(&Action::CloseOverlay, 2).join(" or ");
    let (down, up) = (
        first(&Action::HelpScroll(1), 1).concat(),
        first(&Action::HelpScroll(-1), 1).concat(),
    );
    format!("Help — {close} closes, {down}/{up} scroll")
}

/// The help text for the keys in effect: sections in key-map order, each with its merged
/// bindings, the reading pane's first; keys that work only in a panel, picker or input come
/// after a sub-heading that says where.
pub fn help_lines(keys: &Keymap) -> Vec<Line<'static>> {
    let mut sections: Vec<&str> = Vec::new();
    for b in keys.bindings() {
        if !sections.contains(&b.section) {
            sections.push(b.section);
        }
    }
    let mut out = Vec::new();
    for section in sections {
        out.push(Line::styled(section, theme::SECTION));
        for ctx in HELP_ORDER {
            let rows: Vec<_> = keys
                .merged(ctx)
                .into_iter()
                .filter(|(_, b)| b.section == section)
                .collect();
            if let Some(heading) = ctx.help_heading().filter(|_| !rows.is_empty()) {
                out.push(Line::styled(format!("  {heading}"), theme::HELP_CONTEXT));
            }
            for (keys, b) in rows {
                out.push(Line::from(vec![
                    Span::styled(format!("  {keys:<12}"), theme::KEY),
                    Span::raw(format!(" {}", b.description)),
                ]));
            }
        }
        out.push(Line::default());
    }
    // The mouse goes with the last section (General), so the help fits 160x45 in two columns.
    out.pop();
    out.push(Line::from(vec![
        Span::styled(format!("  {:<12}", "Mouse"), theme::KEY),
        Span::raw(" Wheel scrolls; click a turn to jump"),
    ]));
    out
}

/// A box of at most `w` x `h` centred in `area`, cleared, with a titled border.
pub(crate) fn window(buf: &mut Buffer, area: Rect, w: u16, h: u16, title: &str) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    let rect = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    Clear.render(rect, buf);
    split_wide_at(buf, rect.x, rect.top()..rect.bottom());
    let block = Block::bordered()
        .border_style(theme::BORDER)
        .title(Span::styled(
            format!(" {title} "),
            theme::BORDER.add_modifier(Modifier::BOLD),
        ));
    let inner = block.inner(rect);
    block.render(rect, buf);
    inner
}

/// Blanks wide characters that start just left of column `x` (their right half was covered).
fn split_wide_at(buf: &mut Buffer, x: u16, ys: std::ops::Range<u16>) {
    let Some(left) = x.checked_sub(1) else { return };
    for y in ys {
        if let Some(cell) = buf.cell_mut((left, y))
            && width(cell.symbol()) > 1
        {
            cell.set_symbol(" ");
        }
    }
}

/// Draws the help overlay, in two columns when there is room, scrolled by `scroll`.
pub fn render_help(buf: &mut Buffer, area: Rect, scroll: u16, keys: &Keymap) {
    let lines = help_lines(keys);
    let two = area.width >= 110;
    let split = split_at_section(&lines);
    let col_w = 58u16;
    let w = if two { col_w * 2 + 3 } else { col_w + 2 };
    let h = (if two {
        left_of(&lines, split).len().max(lines.len() - split)
    } else {
        lines.len()
    }) as u16
        + 2;
    let inner = window(buf, area, w, h, &help_title(keys));
    let cols: Vec<&[Line]> = if two {
        vec![left_of(&lines, split), &lines[split..]]
    } else {
        vec![&lines[..]]
    };
    let max_scroll = cols
        .iter()
        .map(|c| c.len())
        .max()
        .unwrap_or(0)
        .saturating_sub(inner.height as usize);
    let scroll = (scroll as usize).min(max_scroll);
    for (ci, col) in cols.iter().enumerate() {
        let x = inner.x + 1 + ci as u16 * (col_w + 1);
        let room = col_w.min(inner.right().saturating_sub(x));
        for (i, line) in col
            .iter()
            .skip(scroll)
            .take(inner.height as usize)
            .enumerate()
        {
            buf.set_line(x, inner.y + i as u16, line, room);
        }
    }
}

/// Where to split `lines` into two columns: at the section heading (a line after a blank
/// one) that makes the taller column shortest, so that columns split between sections.
fn split_at_section(lines: &[Line]) -> usize {
    (1..lines.len())
        .filter(|&i| lines[i - 1].spans.is_empty())
        .min_by_key(|&i| left_of(lines, i).len().max(lines.len() - i))
        .unwrap_or(lines.len())
}

/// The left column for a split at `split`: the lines before it less the blank line that
/// ends its last section.
fn left_of<'a, 'b>(lines: &'a [Line<'b>], split: usize) -> &'a [Line<'b>] {
    let left = &lines[..split];
    match left.last() {
        Some(l) if l.spans.is_empty() => &left[..split - 1],
        _ => left,
    }
}

/// Draws the analyst picker: analysts with firm and question numbers.
pub fn render_analysts(buf: &mut Buffer, area: Rect, app: &App, selected: usize) {
    let t = &app.doc;
    let rows: Vec<(String, String)> = app
        .index
        .analysts
        .iter()
        .map(|a| {
            let mut name = app
                .speaker_shown(a.speaker)
                .map_or_else(String::new, |s| s.name.clone());
            if let Some(f) = &a.firm {
                name.push_str(" · ");
                name.push_str(&crate::script::to_script(f, app.prefs.script));
            }
            let qs: Vec<String> = a
                .questions
                .iter()
                .map(|&q| format!("Q{}", t.questions[q].number))
                .collect();
            (name, qs.join(" "))
        })
        .collect();
    let name_w = rows
        .iter()
        .map(|(n, _)| width(n))
        .max()
        .unwrap_or(0)
        .min(48);
    let qs_w = rows
        .iter()
        .map(|(_, q)| width(q))
        .max()
        .unwrap_or(0)
        .min(24);
    let w = (name_w + qs_w + 6).max(40) as u16;
    let inner = window(
        buf,
        area,
        w,
        rows.len() as u16 + 2,
        "Analysts — Enter jumps, Esc closes",
    );
    let h = inner.height as usize;
    let offset = selected.saturating_sub(h.saturating_sub(1));
    for (i, (name, qs)) in rows.iter().enumerate().skip(offset).take(h) {
        let y = inner.y + (i - offset) as u16;
        let style = if i == selected {
            theme::SELECTED
        } else {
            Style::new()
        };
        let text = format!(
            " {:<name_w$}  {qs}",
            truncate(name, name_w),
            name_w = pad(name, name_w)
        );
        buf.set_stringn(
            inner.x,
            y,
            " ".repeat(inner.width.into()),
            inner.width.into(),
            style,
        );
        buf.set_stringn(inner.x, y, text, inner.width.into(), style);
    }
}

/// The `format!` padding that makes `s` (cut to `w` cells) take exactly `w` cells.
fn pad(s: &str, w: usize) -> usize {
    let cut = truncate(s, w);
    w + cut.chars().count() - width(&cut)
}

/// Draws the search input over the status line, with the match counter.
pub fn render_search(frame: &mut Frame, area: Rect, app: &App) {
    let Some(input) = &app.search.input else {
        return;
    };
    let buf = frame.buffer_mut();
    Clear.render(area, buf);
    buf.set_style(area, theme::STATUS);
    buf.set_stringn(
        area.x,
        area.y,
        " /",
        2,
        theme::KEY.bg(theme::STATUS.bg.unwrap_or_default()),
    );
    let counter = match (app.search.matches.len(), app.search.current) {
        (0, _) if app.search.query.is_empty() => String::new(),
        // Only the matches near the screen are known yet.
        _ if app.search.partial => " … ".to_string(),
        (0, _) => " no match ".to_string(),
        (n, c) => format!(" {}/{n} ", c.map_or(0, |c| c + 1)),
    };
    let cw = width(&counter) as u16;
    let field = Rect {
        x: area.x + 3,
        width: area.width.saturating_sub(3 + cw),
        ..area
    };
    frame.render_widget(input, field);
    let x = area.x + area.width.saturating_sub(cw);
    frame
        .buffer_mut()
        .set_stringn(x, area.y, counter, cw.into(), theme::STATUS);
}
