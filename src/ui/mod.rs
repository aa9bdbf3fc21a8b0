//! Drawing the reader with ratatui: layout, panes, overlays, status line.

pub mod labels;
pub mod marks;
pub mod overlay;
pub mod reading;
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
