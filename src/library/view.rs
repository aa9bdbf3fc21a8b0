//! Drawing the library: a header with the folder and counts, column headings, the calls, a
//! status line with the filter or the keys, and the help over them. The only part of
//! `library` (with `browse`) that uses ratatui.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;

use super::list::{Entry, Library, Row, RowState};
use crate::ui::theme;
use crate::wrap::{truncate, width};

/// Screen rows above the list (header, column headings).
pub const LIST_Y: u16 = 2;
/// The bookmarks column, right-aligned.
const MARKS: usize = 4;
/// From this width on, a column shows each call's file.
const FILE_COLUMN_FROM: usize = 110;

/// The keys shown in the status line when nothing else is.
const HINTS: [(&str, &str); 7] = [
    ("type", "filter"),
    ("↑ ↓", "move"),
    ("→ ←", "pair's files"),
    ("PgUp PgDn", "page"),
    ("Enter", "open"),
    ("Esc", "quit"),
    ("F1 ?", "help"),
];

/// The keys shown after the filter.
const FILTER_HINTS: [(&str, &str); 3] = [("Enter", "open"), ("Esc", "clear"), ("F1", "help")];

/// Every key of the library, for the help.
const HELP: [(&str, &str); 13] = [
    ("type", "Filter by company, title, period or file name"),
    ("", "(every key that prints is typed: j, k, q, / too)"),
    ("Backspace", "Delete the filter's last character"),
    ("Esc", "Clear the filter; quit when there is none"),
    ("↑ ↓ Ctrl-p Ctrl-n", "Move"),
    (
        "PgUp PgDn Home End",
        "Move a page, to the first or last call",
    ),
    ("Enter", "Open the call; quitting the reader comes back"),
    ("", "(EN+ZH ▸: an English call and its translation, opened aligned)"),
    ("→ ←", "Show or hide a pair's two files, to open one alone"),
    ("F1, ?", "This help (? when the filter is empty)"),
    ("Ctrl-c", "Quit"),
    ("Ctrl-z", "Suspend (fg resumes)"),
    ("Mouse", "Wheel moves; click selects, click again opens"),
];
/// The help's title, with the keys that close it.
const HELP_TITLE: &str = " Library keys — Esc, F1, q or ? closes ";

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
    if lib.help {
        help(buf, area);
    }
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
        facts.push(format!("{} shown", lib.shown.len()));
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
        let folder = shorten_path(&lib.root.display().to_string(), room);
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
    if lib.shown.is_empty() {
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
    let end = (lib.top + usize::from(area.height)).min(lib.shown.len());
    for (n, pos) in (lib.top..end).enumerate() {
        let y = area.y + n as u16;
        let entry = lib.shown[pos];
        let row = &lib.rows[entry.row()];
        let mut style = match (row.state.clone(), entry) {
            (_, Entry::Member(_)) => theme::MATTER,
            (RowState::Call(_), _) => Style::new(),
            _ => theme::NOTE,
        };
        if pos == lib.selected {
            buf.set_stringn(area.x, y, " ".repeat(w), w, theme::SELECTED);
            style = style.patch(theme::SELECTED);
        }
        let line = match entry {
            Entry::File(_) => cells(row, cols),
            Entry::Pair { en, zh } => pair_cells(&lib.rows[en], &lib.rows[zh], cols),
            Entry::Member(_) => member_cells(row, cols),
        };
        buf.set_stringn(area.x, y, cols.line(line), w, style);
    }
}

/// The cells of a pair: the English call's facts, both languages, both files.
fn pair_cells(en: &Row, zh: &Row, cols: &Columns) -> [String; 7] {
    let mut c = cells(en, cols);
    let zh_meta = zh.meta();
    if c[2].is_empty() {
        c[2] = zh_meta.and_then(|m| m.date.clone()).unwrap_or_default();
    }
    c[3] = "EN+ZH".into();
    let marks = en.bookmarks + zh.bookmarks;
    c[4] = if marks > 0 { marks.to_string() } else { String::new() };
    c[5] = format!("▸ {}", c[5]);
    let file_w = cols.0[6];
    let half = file_w.saturating_sub(3) / 2;
    c[6] = format!(
        "{} + {}",
        shorten_path(&en.file.rel, half),
        shorten_path(&zh.file.rel, half)
    );
    c
}

/// The cells of one file of an expanded pair, under it: its language, title and file.
fn member_cells(row: &Row, cols: &Columns) -> [String; 7] {
    let mut c = cells(row, cols);
    c[0] = String::new();
    c[5] = format!("  └ {}", c[5]);
    c
}

/// `path` in at most `max` cells: whole when it fits, else its end after `…`, from a `/`
/// when one is in what fits (`…/calls/2025/msft_q1.txt`), so that the file name shows.
fn shorten_path(path: &str, max: usize) -> String {
    if width(path) <= max {
        return path.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut start = path.len();
    let mut used = 1;
    for (i, g) in path.grapheme_indices(true).rev() {
        used += width(g);
        if used > max {
            break;
        }
        start = i;
    }
    let tail = &path[start..];
    let tail = tail.find('/').map_or(tail, |i| &tail[i..]);
    format!("…{tail}")
}

/// The cells of a row, in column order, paths shortened to fit theirs.
fn cells(row: &Row, cols: &Columns) -> [String; 7] {
    let [.., title_w, file_w] = cols.0;
    let rel = &row.file.rel;
    let file = shorten_path(rel, file_w);
    let Some(m) = row.meta() else {
        let size = format!(" · {}", size(row.file.size));
        let name = shorten_path(rel, title_w.saturating_sub(width(&size))) + &size;
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
        row.company
            .clone()
            .or_else(|| m.company.clone())
            .unwrap_or_else(|| "—".into()),
        or_blank(&m.period),
        or_blank(&m.date),
        m.languages_label(),
        marks,
        m.title
            .clone()
            .unwrap_or_else(|| shorten_path(rel, title_w)),
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

/// The filter when there is one, else a message, else the keys.
fn status_line(buf: &mut Buffer, area: Rect, lib: &Library) {
    buf.set_style(area, theme::STATUS);
    let key = theme::KEY.bg(theme::STATUS.bg.unwrap_or_default());
    let hints = |spans: &mut Vec<Span<'static>>, keys: &[(&'static str, &str)]| {
        for &(k, label) in keys {
            spans.push(Span::styled(k, key));
            spans.push(Span::styled(format!(" {label}  "), theme::STATUS));
        }
    };
    let line = if let Some((text, error)) = &lib.status {
        let style = if *error { theme::ERROR } else { theme::STATUS };
        Line::from(Span::styled(format!(" {text} "), style))
    } else if !lib.query().is_empty() {
        let mut spans = vec![
            Span::styled(" Filter: ", key),
            Span::styled(format!("{}▏   ", lib.query()), theme::STATUS),
        ];
        hints(&mut spans, &FILTER_HINTS);
        Line::from(spans)
    } else {
        let mut spans = vec![Span::raw(" ")];
        hints(&mut spans, &HINTS);
        Line::from(spans)
    };
    buf.set_line(area.x, area.y, &line, area.width);
}

/// The help: every key, in a box centred over the screen.
fn help(buf: &mut Buffer, area: Rect) {
    let keys = HELP.iter().map(|(k, _)| width(k)).max().unwrap_or(0);
    let lines: Vec<Line> = HELP
        .iter()
        .map(|&(k, what)| {
            Line::from(vec![
                Span::styled(format!(" {k}{}", " ".repeat(keys - width(k))), theme::KEY),
                Span::raw(format!("  {what}")),
            ])
        })
        .collect();
    let text_w = lines.iter().map(Line::width).max().unwrap_or(0) + 1;
    let w = (text_w.max(width(HELP_TITLE)) + 2).min(usize::from(area.width)) as u16;
    let h = (lines.len() as u16 + 2).min(area.height);
    let inner = crate::ui::overlay::window(buf, area, w, h, HELP_TITLE.trim());
    for (line, y) in lines.iter().zip(inner.top()..inner.bottom()) {
        buf.set_line(inner.x, y, line, inner.width);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_shortened_from_the_left_at_a_folder_when_one_fits() {
        let path = "~/calls/2025/msft_q1.txt";
        assert_eq!(shorten_path(path, 40), path);
        assert_eq!(shorten_path(path, 20), "…/2025/msft_q1.txt");
        assert_eq!(shorten_path(path, 13), "…/msft_q1.txt");
        assert_eq!(shorten_path(path, 12), "…msft_q1.txt", "no room for the /");
        assert_eq!(
            shorten_path(path, 8),
            "…_q1.txt",
            "a name wider than the room"
        );
        assert_eq!(
            (shorten_path(path, 1), shorten_path(path, 0)),
            ("…".into(), "".into())
        );
    }

    #[test]
    fn chinese_paths_are_measured_in_cells() {
        let path = "/研究/电话会/鹭岸科技Q1.txt";
        assert_eq!(shorten_path(path, 20), "…/鹭岸科技Q1.txt");
        assert_eq!(shorten_path(path, 15), "…鹭岸科技Q1.txt");
        assert_eq!(
            shorten_path(path, 14),
            "…岸科技Q1.txt",
            "a wide character does not fit in one cell"
        );
    }
}
