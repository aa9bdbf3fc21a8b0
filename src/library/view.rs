//! Drawing the library: a header with the folder and counts, column headings, the calls, and
//! a status line with the filter or the keys. The only part of `library` (with `browse`)
//! that uses ratatui.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::list::{Library, Row, RowState};
use crate::ui::theme;
use crate::wrap::{truncate, width};

/// Screen rows above the list (header, column headings).
pub const LIST_Y: u16 = 2;
/// The bookmarks column, right-aligned.
const MARKS: usize = 4;
/// From this width on, a column shows each call's file.
const FILE_COLUMN_FROM: usize = 110;

/// The keys shown in the status line when nothing else is.
const HINTS: [(&str, &str); 5] = [
    ("type", "filter"),
    ("j k ↑ ↓", "move"),
    ("PgUp PgDn", "page"),
    ("Enter", "open"),
    ("q", "quit"),
];

/// Draws the library into `buf`'s `area`, keeping the selection in view.
pub fn render(buf: &mut Buffer, area: Rect, lib: &mut Library) {
    if area.height < 3 || area.width < 10 {
        return;
    }
    let list = Rect {
        y: area.y + LIST_Y,
        height: area.height - LIST_Y - 1,
        ..area
    };
    lib.page = usize::from(list.height).max(1);
    lib.top = follow(lib.top, lib.selected, lib.page);
    header(buf, Rect { height: 1, ..area }, lib);
    let cols = Columns::for_width(usize::from(area.width));
    let headings = cols.line(["Company", "Period", "Date", "Lang", "★", "Title", "File"]);
    buf.set_stringn(
        area.x,
        area.y + 1,
        headings,
        area.width.into(),
        theme::LIST_SECTION,
    );
    rows(buf, list, lib, &cols);
    let status = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    status_line(buf, status, lib);
}

/// The first row to show so that `selected` is visible in `height` rows.
fn follow(top: usize, selected: usize, height: usize) -> usize {
    if selected < top {
        selected
    } else if selected >= top + height {
        selected + 1 - height
    } else {
        top
    }
}

/// ` Library · ~/calls · 5 calls · 3 files skipped · reading 12/500`.
fn header(buf: &mut Buffer, area: Rect, lib: &Library) {
    buf.set_style(area, theme::STATUS);
    let (calls, skipped, pending) = lib.counts();
    let mut facts = vec![plural(calls, "call")];
    if !lib.query().is_empty() {
        facts.push(format!("{} shown", lib.order.len()));
    }
    if skipped > 0 {
        facts.push(format!("{} skipped", plural(skipped, "file")));
    }
    if pending > 0 {
        facts.push(format!(
            "reading {}/{}",
            lib.rows.len() - pending,
            lib.rows.len()
        ));
    }
    if lib.truncated {
        facts.push(format!("stopped at {} files", lib.rows.len()));
    }
    let facts = facts.join(" · ");
    let w = usize::from(area.width);
    let room = w.saturating_sub(width(&facts) + 14).max(8);
    let text = if lib.recent {
        format!(" Recent · {facts}")
    } else {
        let folder = truncate(&lib.root.display().to_string(), room);
        format!(" Library · {folder} · {facts}")
    };
    buf.set_stringn(area.x, area.y, text, w, theme::STATUS);
}

/// `1 call`, `3 calls`.
fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The visible rows, or a line saying why there are none.
fn rows(buf: &mut Buffer, area: Rect, lib: &Library, cols: &Columns) {
    let w = usize::from(area.width);
    if lib.order.is_empty() {
        let why = if !lib.listed {
            "Looking for files…".to_string()
        } else if !lib.query().is_empty() {
            format!("No calls match “{}”.", lib.query())
        } else if !lib.done {
            "Reading…".to_string()
        } else if lib.recent {
            "No recently opened calls.".to_string()
        } else {
            "No calls in this folder.".to_string()
        };
        buf.set_stringn(area.x + 1, area.y, why, w.saturating_sub(1), theme::MATTER);
        return;
    }
    let end = (lib.top + usize::from(area.height)).min(lib.order.len());
    for (n, pos) in (lib.top..end).enumerate() {
        let y = area.y + n as u16;
        let row = &lib.rows[lib.order[pos]];
        let mut style = match row.state {
            RowState::Call(_) => Style::new(),
            _ => theme::NOTE,
        };
        if pos == lib.selected {
            buf.set_stringn(area.x, y, " ".repeat(w), w, theme::SELECTED);
            style = style.patch(theme::SELECTED);
        }
        buf.set_stringn(area.x, y, cols.line(cells(row)), w, style);
    }
}

/// The cells of a row, in column order.
fn cells(row: &Row) -> [String; 7] {
    let file = row.file.rel.clone();
    let Some(m) = row.meta() else {
        let name = format!("{file} · {}", size(row.file.size));
        return [
            "…".into(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            name,
            file,
        ];
    };
    let or_blank = |v: &Option<String>| v.clone().unwrap_or_default();
    let marks = if row.bookmarks > 0 {
        row.bookmarks.to_string()
    } else {
        String::new()
    };
    [
        m.company.clone().unwrap_or_else(|| "—".into()),
        or_blank(&m.period),
        or_blank(&m.date),
        m.languages_label(),
        marks,
        m.title.clone().unwrap_or_else(|| file.clone()),
        file,
    ]
}

/// `812 B`, `51 KB`, `2.4 MB`.
fn size(bytes: u64) -> String {
    match bytes {
        b if b < 1_000 => format!("{b} B"),
        b if b < 1_000_000 => format!("{} KB", b.div_ceil(1_000)),
        b => format!("{:.1} MB", b as f64 / 1e6),
    }
}

/// Column widths for a terminal width (0: column not shown).
struct Columns([usize; 7]);

impl Columns {
    /// Company, period, date, languages, bookmarks, title, file.
    fn for_width(w: usize) -> Self {
        let company = (w / 5).clamp(10, 28);
        let date = if w >= 64 { 10 } else { 0 };
        let file = if w >= FILE_COLUMN_FROM {
            (w / 5).min(40)
        } else {
            0
        };
        let fixed = [company, 7, date, 5, 3, file];
        let used: usize = fixed.iter().filter(|&&c| c > 0).map(|c| c + 1).sum();
        let title = w.saturating_sub(used + 1);
        Columns([company, 7, date, 5, 3, title, file])
    }

    /// The cells laid out in their columns (one leading space, one between columns).
    fn line<S: AsRef<str>>(&self, cells: [S; 7]) -> String {
        let mut out = String::from(" ");
        for (i, (cell, &w)) in cells.iter().zip(&self.0).enumerate() {
            if w == 0 {
                continue;
            }
            let text = truncate(cell.as_ref(), w);
            let pad = w.saturating_sub(width(&text));
            if i == MARKS {
                out.push_str(&" ".repeat(pad));
                out.push_str(&text);
            } else {
                out.push_str(&text);
                out.push_str(&" ".repeat(pad));
            }
            out.push(' ');
        }
        out.trim_end().to_string()
    }
}

/// The filter input while typing or filtering, else a message, else the keys.
fn status_line(buf: &mut Buffer, area: Rect, lib: &Library) {
    buf.set_style(area, theme::STATUS);
    let w = usize::from(area.width);
    let key = theme::KEY.bg(theme::STATUS.bg.unwrap_or_default());
    let line = if let Some((text, error)) = &lib.status {
        let style = if *error { theme::ERROR } else { theme::STATUS };
        Line::from(Span::styled(format!(" {text} "), style))
    } else if lib.typing || !lib.query().is_empty() {
        let cursor = if lib.typing { "▏" } else { "" };
        Line::from(vec![
            Span::styled(" Filter: ", key),
            Span::styled(format!("{}{cursor}", lib.query()), theme::STATUS),
            Span::styled("   Esc", key),
            Span::styled(" clear", theme::STATUS),
        ])
    } else {
        let mut spans = vec![Span::raw(" ")];
        for (k, label) in HINTS {
            spans.push(Span::styled(k, key));
            spans.push(Span::styled(format!(" {label}  "), theme::STATUS));
        }
        Line::from(spans)
    };
    buf.set_line(area.x, area.y, &line, area.width.min(w as u16));
}
