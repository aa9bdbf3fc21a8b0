//! Drawing the reader with ratatui: layout, panes, overlays, status line.
