//! Drawing the reader with ratatui: layout, panes, overlays, status line.

pub mod layout;
pub mod wrap;
