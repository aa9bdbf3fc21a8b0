//! Drawing the reader with ratatui: layout, panes, overlays, status line.

pub mod labels;
pub mod marks;
pub mod overlay;
pub mod reading;
pub mod sheets;
pub mod spans;
pub mod status;
pub mod theme;
pub mod turns;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::app::App;
use crate::app::state::{Areas, Overlay};

/// Below this terminal width the turn list is hidden.
const LIST_BELOW: u16 = 60;
/// The turn list's width when nothing else says: a fifth of the terminal, within limits.
const LIST_DEFAULT: (u16, u16) = (20, 34);
/// The turn list's least width, and its widest as a share of the terminal (tenths).
const LIST_LEAST: u16 = 20;
const LIST_MOST_TENTHS: u16 = 3;

/// The screen split: turn list, separator column, reading pane, status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    pub list: Rect,
    pub separator: Rect,
    pub reading: Rect,
    pub status: Rect,
}

/// Splits `area` into the reader's panes, the turn list at its default width.
pub fn panes(area: Rect) -> Panes {
    let w = (area.width / 5).clamp(LIST_DEFAULT.0, LIST_DEFAULT.1);
    split(area, Some(w))
}

/// Splits `area` for `app`: the turn list as wide as its longest entry (within limits) or
/// hidden, and a gutter column before the reading pane for the cursor and bookmark marks.
pub fn panes_for(area: Rect, app: &mut App) -> Panes {
    if !app.view.turn_list {
        return split(area, None);
    }
    // Measured once per call and script (cycling the script with `t` measures each once).
    let script = app.prefs.script;
    app.list_want.retain(|(_, k, _)| *k == app.index.key);
    let known = app.list_want.iter().find(|(s, _, _)| *s == script);
    let want = match known {
        Some(&(_, _, w)) => w,
        None => {
            let w = turns::widest(app);
            app.list_want.push((script, app.index.key.clone(), w));
            w
        }
    };
    let most = (area.width * LIST_MOST_TENTHS / 10).max(LIST_LEAST);
    split(area, Some(want.clamp(LIST_LEAST, most)))
}

/// The split with a turn list `list` cells wide (None: hidden).
fn split(area: Rect, list: Option<u16>) -> Panes {
    let main_h = area.height.saturating_sub(1);
    let status = Rect {
        y: area.y + main_h,
        height: area.height.min(1),
        ..area
    };
    let list_w = match list {
        Some(w) if area.width >= LIST_BELOW => w,
        _ => 0,
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
    // One column before the text holds the cursor's and the bookmarks' marks.
    let pad = 1;
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
    let p = panes_for(frame.area(), app);
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
    marks::render_gutter(buf, p.reading, app);
    status::render(buf, p.status, app);
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
        Overlay::Overview { selected } => {
            sheets::render_overview(frame.buffer_mut(), main, app, selected)
        }
        Overlay::FigureList { selected } => {
            sheets::render_figure_list(frame.buffer_mut(), main, app, selected)
        }
        Overlay::None => {}
    }
    overlay::render_search(frame, p.status, app);
    marks::render_note(frame, main, app);
    theme::apply(frame.buffer_mut(), app.prefs.palette);
}
