//! Drawing the library: a header with the folder and counts, column headings, the calls, a
//! status line with the filter or the keys, and the help over them. The only part of
//! `library` (with `browse`) that uses ratatui.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;

use super::desk::{AnalystLine, View};
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
const HINTS: [(&str, &str); 6] = [
    ("type", "filter"),
    ("Enter", "open"),
    ("Tab", "search, analysts"),
    ("→ ←", "pair"),
    ("Esc", "quit"),
    ("F1 ?", "help"),
];

/// The keys shown after the filter.
const FILTER_HINTS: [(&str, &str); 3] = [("Enter", "open"), ("Esc", "clear"), ("F1", "help")];

/// Every key of the library, for the help.
const HELP: [(&str, &str); 17] = [
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
    ("", "▸ EN+ZH: a call and its translation, aligned"),
    ("→ ←", "Show or hide a pair's files (to open one alone)"),
    ("Tab Shift-Tab", "Views: calls, search every call, analysts"),
    ("", "Search: Enter opens the call there; Ctrl-o back"),
    ("", "Analysts: Enter or → lists their calls"),
    ("Esc (views)", "Clear the query, then back to the calls"),
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
    let used = header(buf, Rect { height: 1, ..area }, lib);
    tabs(buf, Rect { height: 1, ..area }, lib.desk.view, used);
    let status = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    match lib.desk.view {
        View::Calls => {}
        View::Search => {
            search_lines(buf, area, list, lib);
            desk_status(buf, status, lib);
            if lib.help {
                help(buf, area);
            }
            return;
        }
        View::Analysts => {
            analyst_lines(buf, area, list, lib);
            desk_status(buf, status, lib);
            if lib.help {
                help(buf, area);
            }
            return;
        }
    }
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
/// Returns the cells the text takes.
fn header(buf: &mut Buffer, area: Rect, lib: &Library) -> usize {
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
    let used = width(&text);
    buf.set_stringn(area.x, area.y, text, w, theme::STATUS);
    used
}

/// The views' tabs at the right of the header, the one shown marked
/// (when they fit after the `used` cells of the header).
fn tabs(buf: &mut Buffer, area: Rect, shown: View, used: usize) {
    let names = [View::Calls, View::Search, View::Analysts];
    let w: usize = names.iter().map(|v| v.name().len() + 2).sum::<usize>() + 6;
    if usize::from(area.width) < w + used + 1 {
        return;
    }
    let mut x = area.right() - w as u16;
    buf.set_stringn(x, area.y, " Tab ", 5, theme::STATUS);
    x += 5;
    for v in names {
        let style = if v == shown {
            theme::KEY
                .bg(theme::STATUS.bg.unwrap_or_default())
                .add_modifier(ratatui::style::Modifier::REVERSED)
        } else {
            theme::STATUS
        };
        let text = format!(" {} ", v.name());
        buf.set_stringn(x, area.y, &text, text.len(), style);
        x += text.len() as u16;
    }
}

/// The search view's lines: `company · period · speaker · Q3 · snippet`, the match marked.
fn search_lines(buf: &mut Buffer, area: Rect, list: Rect, lib: &mut Library) {
    let s = &mut lib.desk.search;
    let w = usize::from(area.width);
    buf.set_stringn(
        area.x,
        area.y + 1,
        " Company · period · speaker · question · where the text is found",
        w,
        theme::LIST_SECTION,
    );
    if s.lines.is_empty() {
        let why = if s.query.trim().is_empty() {
            "Type to search every call: paragraphs, notes and speakers, English or 中文 (either script)."
                .to_string()
        } else if lib.listed && !lib.done {
            format!("Nothing found for “{}” yet (still reading files).", s.query)
        } else {
            format!(
                "Nothing found for “{}” in {}.",
                s.query,
                plural(s.calls, "call")
            )
        };
        buf.set_stringn(list.x + 1, list.y, why, w.saturating_sub(1), theme::MATTER);
        return;
    }
    let page = usize::from(list.height).max(1);
    s.top = follow(s.top, s.selected, page);
    let end = (s.top + page).min(s.lines.len());
    for (n, pos) in (s.top..end).enumerate() {
        let y = list.y + n as u16;
        let h = &s.lines[pos];
        // The company within a quarter of the width, so the text keeps most of the line.
        let company = h.call.company.as_deref().unwrap_or("—");
        let mut head = vec![
            truncate(company, (w / 4).max(12)),
            h.call.period.clone().unwrap_or_else(|| "—".into()),
            h.speaker.clone(),
        ];
        if h.question > 0 {
            head.push(format!("Q{}", h.question));
        }
        let head = format!(" {} · ", head.join(" · "));
        let selected = pos == s.selected;
        let base = if selected {
            theme::SELECTED
        } else {
            Style::new()
        };
        if selected {
            buf.set_stringn(list.x, y, " ".repeat(w), w, theme::SELECTED);
        }
        let room = w.saturating_sub(width(&head));
        let mut spans = vec![Span::styled(head, base.patch(theme::MATTER))];
        match h.mark {
            Some((a, b)) if b <= h.snippet.len() => {
                // The match in view: what comes before it cut from the left when needed.
                let before = &h.snippet[..a];
                let keep = room.saturating_sub(width(&h.snippet[a..b])) / 3;
                let before = if width(before) > keep {
                    let mut start = before.len();
                    let mut used = 1;
                    for (i, c) in before.char_indices().rev() {
                        used += width(c.encode_utf8(&mut [0; 4]));
                        if used > keep {
                            break;
                        }
                        start = i;
                    }
                    format!("…{}", &before[start..])
                } else {
                    before.to_string()
                };
                spans.push(Span::styled(before, base));
                spans.push(Span::styled(h.snippet[a..b].to_string(), theme::MATCH));
                spans.push(Span::styled(h.snippet[b..].to_string(), base));
            }
            _ => spans.push(Span::styled(h.snippet.clone(), base)),
        }
        buf.set_line(list.x, y, &Line::from(spans), area.width);
    }
}

/// The analysts view's lines: each analyst with firms and counts, their calls under them
/// when expanded.
fn analyst_lines(buf: &mut Buffer, area: Rect, list: Rect, lib: &mut Library) {
    let a = &mut lib.desk.analysts;
    let w = usize::from(area.width);
    buf.set_stringn(
        area.x,
        area.y + 1,
        " Analyst · firm · questions asked, in how many calls",
        w,
        theme::LIST_SECTION,
    );
    if a.lines.is_empty() {
        let why = if a.all.is_empty() {
            "No analysts in these calls yet.".to_string()
        } else {
            format!("No analyst matches “{}”.", a.query)
        };
        buf.set_stringn(list.x + 1, list.y, why, w.saturating_sub(1), theme::MATTER);
        return;
    }
    let page = usize::from(list.height).max(1);
    a.top = follow(a.top, a.selected, page);
    let end = (a.top + page).min(a.lines.len());
    for (n, pos) in (a.top..end).enumerate() {
        let y = list.y + n as u16;
        let (text, style) = match a.lines[pos] {
            AnalystLine::Analyst(i) => {
                let an = &a.all[i];
                let mark = if a.expanded.contains(&i) {
                    "▾"
                } else {
                    "▸"
                };
                let other: Vec<&String> =
                    an.names.iter().filter(|n| **n != an.name).take(2).collect();
                let aka = if other.is_empty() {
                    String::new()
                } else {
                    format!(
                        " ({})",
                        other
                            .iter()
                            .map(|s| s.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                };
                let firms = if an.firms.is_empty() {
                    "—".to_string()
                } else {
                    an.firms.join(", ")
                };
                (
                    format!(
                        " {mark} {}{aka} · {firms} · {} in {}",
                        an.name,
                        plural(an.questions(), "question"),
                        plural(an.asked.len(), "call")
                    ),
                    Style::new(),
                )
            }
            AnalystLine::Call(i, k) => {
                let (call, qs) = &a.all[i].asked[k];
                let c = &a.calls[*call];
                let qs: Vec<String> = qs.iter().map(|q| format!("Q{q}")).collect();
                let langs = if c.files.len() > 1 { " · EN+ZH" } else { "" };
                (
                    format!(
                        "     └ {} · {}{langs} · {}",
                        c.company.as_deref().unwrap_or("—"),
                        c.period.as_deref().unwrap_or("—"),
                        qs.join(", ")
                    ),
                    theme::MATTER,
                )
            }
        };
        let style = if pos == a.selected {
            buf.set_stringn(list.x, y, " ".repeat(w), w, theme::SELECTED);
            style.patch(theme::SELECTED)
        } else {
            style
        };
        buf.set_stringn(list.x, y, truncate(&text, w), w, style);
    }
}

/// The status line of the search and analysts views: the query and what it found, or a
/// message.
fn desk_status(buf: &mut Buffer, area: Rect, lib: &Library) {
    buf.set_style(area, theme::STATUS);
    let key = theme::KEY.bg(theme::STATUS.bg.unwrap_or_default());
    if let Some((text, error)) = &lib.status {
        let style = if *error { theme::ERROR } else { theme::STATUS };
        buf.set_line(
            area.x,
            area.y,
            &Line::from(Span::styled(format!(" {text} "), style)),
            area.width,
        );
        return;
    }
    let d = &lib.desk;
    let (label, query, facts) = match d.view {
        View::Search => {
            let s = &d.search;
            let facts = if s.searched.trim().is_empty() {
                String::new()
            } else if s.total > s.lines.len() {
                format!("{} of {} texts", s.lines.len(), s.total)
            } else {
                plural(s.total, "text")
            };
            (" Search every call: ", &s.query, facts)
        }
        _ => {
            let a = &d.analysts;
            let n = a
                .lines
                .iter()
                .filter(|l| matches!(l, AnalystLine::Analyst(_)))
                .count();
            (" Analysts: ", &a.query, plural(n, "analyst"))
        }
    };
    let mut spans = vec![
        Span::styled(label, key),
        Span::styled(format!("{query}▏ "), theme::STATUS),
        Span::styled(format!(" {facts}   "), theme::STATUS),
    ];
    let hints: &[(&str, &str)] = match d.view {
        View::Search => &[("Enter", "open there"), ("Tab", "view"), ("Esc", "clear")],
        _ => &[("Enter → ←", "calls"), ("Tab", "view"), ("Esc", "clear")],
    };
    for &(k, what) in hints {
        spans.push(Span::styled(k, key));
        spans.push(Span::styled(format!(" {what}  "), theme::STATUS));
    }
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
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
    c[4] = if marks > 0 {
        marks.to_string()
    } else {
        String::new()
    };
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
