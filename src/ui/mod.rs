//! Drawing the reader with ratatui: layout, panes, overlays, status line.

pub mod labels;
pub mod layout;
pub mod marks;
pub mod overlay;
pub mod reading;
pub mod spans;
pub mod status;
pub mod theme;
pub mod turns;
pub mod wrap;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::App;
use crate::app::state::{Areas, Overlay};
use crate::settings::ChineseScript;

/// Below this terminal width the turn list is hidden.
const LIST_BELOW: u16 = 60;

/// The screen split: turn list, separator column, reading pane, status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    pub list: Rect,
    pub separator: Rect,
    pub reading: Rect,
    pub status: Rect,
}

/// Splits `area` into the reader's panes.
pub fn panes(area: Rect) -> Panes {
    let main_h = area.height.saturating_sub(1);
    let status = Rect {
        y: area.y + main_h,
        height: area.height.min(1),
        ..area
    };
    let list_w = if area.width < LIST_BELOW {
        0
    } else {
        (area.width / 5).clamp(20, 34)
    };
    let list = Rect {
        height: main_h,
        width: list_w,
        ..area
    };
    let sep_w = u16::from(list_w > 0);
    let separator = Rect {
        x: area.x + list_w,
        width: sep_w,
        height: main_h,
        ..area
    };
    let pad = if list_w > 0 { 1 } else { 0 };
    let reading = Rect {
        x: separator.x + sep_w + pad,
        width: area.width.saturating_sub(list_w + sep_w + pad * 2),
        height: main_h,
        ..area
    };
    Panes {
        list,
        separator,
        reading,
        status,
    }
}

/// Draws the whole reader (re-laying out first if the reading pane changed size).
pub fn draw(frame: &mut Frame, app: &mut App) {
    app.refresh_shown();
    let p = panes(frame.area());
    app.set_viewport(p.reading.width, p.reading.height);
    app.areas = Areas {
        list: p.list,
        reading: p.reading,
        ..app.areas
    };
    let buf = frame.buffer_mut();
    turns::render(buf, p.list, app);
    // The separator is zero cells wide when the list is hidden: nothing to draw then.
    for y in p.separator.top()..p.separator.bottom() {
        for x in p.separator.left()..p.separator.right() {
            buf.set_stringn(x, y, "│", 1, theme::RULE);
        }
    }
    reading::render(buf, p.reading, app);
    if p.list.width > 0 {
        marks::render_gutter(buf, p.reading, app);
    }
    status::render(buf, p.status, app);
    // The status line takes the call's title from the call itself: its Chinese is put in the
    // script shown here, where the line is drawn (before the search input covers it).
    show_in_script(buf, p.status, app.prefs.script, &mut app.shown.row_memo);
    let main = Rect {
        height: p.list.height,
        ..frame.area()
    };
    match app.overlay {
        Overlay::Help { scroll } => {
            overlay::render_help(frame.buffer_mut(), main, scroll, &app.prefs.keys)
        }
        Overlay::Analysts { selected } => {
            overlay::render_analysts(frame.buffer_mut(), main, app, selected);
        }
        Overlay::Bookmarks { selected } => {
            marks::render_panel(frame.buffer_mut(), main, app, selected);
        }
        Overlay::None => {}
    }
    overlay::render_search(frame, p.status, app);
    marks::render_note(frame, main, app);
    theme::apply(frame.buffer_mut(), app.prefs.palette);
}

/// Puts the Chinese drawn in `area` in `script`, cell by cell, converting each row as one
/// text (so that phrases convert as they would in a paragraph) and keeping every cell's
/// style; a character whose width would change is left as it is. `memo` holds the last row
/// converted and its conversion.
fn show_in_script(
    buf: &mut Buffer,
    area: Rect,
    script: ChineseScript,
    memo: &mut (String, String),
) {
    if script == ChineseScript::Original {
        return;
    }
    let is_han = crate::transcript::text::is_han;
    for y in area.top()..area.bottom() {
        let han = (area.left()..area.right()).any(|x| buf[(x, y)].symbol().chars().any(is_han));
        if !han {
            continue;
        }
        // The row's text, and for each cell that starts a symbol, its byte range in it.
        let mut text = String::new();
        let mut cells: Vec<(u16, std::ops::Range<usize>)> = Vec::new();
        let mut x = area.left();
        while x < area.right() {
            let sym = buf[(x, y)].symbol();
            let start = text.len();
            text.push_str(sym);
            cells.push((x, start..text.len()));
            x += (wrap::width(sym) as u16).max(1);
        }
        if memo.0 != text {
            let converted = crate::script::to_script(&text, script).into_owned();
            *memo = (text, converted);
        }
        let (text, converted) = (&memo.0, &memo.1);
        for (x, range) in cells {
            let (old, new) = (&text[range.clone()], &converted[range]);
            if old != new && wrap::width(old) == wrap::width(new) {
                buf[(x, y)].set_symbol(new);
            }
        }
    }
}
