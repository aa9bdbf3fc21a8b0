//! The reading cursor and the speaker line: which paragraph the keys act on, how it follows
//! the scroll, and the line that names the speaker once their header has scrolled away.
//! Everything here is a binary search or a short scan on the layout's index.

use super::layout::{NO_BLOCK, RowKind};
use super::state::App;

impl App {
    /// The stop (paragraph or turn start) that row `row` belongs to.
    pub fn stop_of(&self, row: usize) -> usize {
        let i = self.layout.stops_before(row, true);
        i.checked_sub(1).map_or(0, |i| self.layout.stop(i))
    }

    /// The rows `[start, end)` of the paragraph that starts at stop `stop`.
    pub fn span_of(&self, stop: usize) -> (usize, usize) {
        let l = &self.layout;
        let i = l.stops_before(stop, true);
        let end = if i < l.stop_count() {
            l.stop(i)
        } else {
            l.len()
        };
        (stop, end.max(stop))
    }

    /// The rows of the paragraph under the cursor.
    pub fn cursor_span(&self) -> (usize, usize) {
        self.span_of(self.cursor)
    }

    /// The row of turn `turn`'s header.
    pub fn header_row(&self, turn: usize) -> Option<usize> {
        self.layout.header_row(turn)
    }

    /// The turn whose speaker the line at the top names: set when the top row is inside the
    /// call and below its turn's header.
    pub fn sticky_turn(&self) -> Option<usize> {
        let l = &self.layout;
        if self.top < l.call_start() || self.top >= l.call_end() {
            return None;
        }
        let turn = self.row(self.top)?.turn as usize;
        self.header_row(turn)
            .filter(|&h| h < self.top)
            .map(|_| turn)
    }

    /// Rows of text the reading pane shows under the speaker line (if one is shown).
    pub fn text_height(&self) -> usize {
        let sticky = usize::from(self.sticky_turn().is_some());
        self.height.saturating_sub(sticky).max(1)
    }

    /// Puts the cursor on the paragraph of row `row`.
    pub fn set_cursor(&mut self, row: usize) {
        self.cursor = self.stop_of(row.min(self.layout.len().saturating_sub(1)));
    }

    /// After a scroll: the cursor stays on screen, moving to the first paragraph shown (or
    /// the last one, scrolling up) when its own has left.
    pub fn keep_cursor(&mut self) {
        let h = self.text_height();
        let (start, end) = self.cursor_span();
        // A paragraph of which only the blank line after it shows is not on screen.
        let last = end.saturating_sub(1).max(start);
        if last <= self.top && start < self.top {
            let stop = self.stop_of(self.top);
            let (_, e) = self.span_of(stop);
            let blank_only = e.saturating_sub(1) <= self.top && e < self.layout.len();
            self.cursor = if blank_only && e > stop { e } else { stop };
        } else if start >= self.top + h {
            self.cursor = self.stop_of(self.top + h - 1);
        }
    }

    /// Scrolls as little as needed for the cursor's paragraph to be on screen: its start when
    /// it is taller than the pane.
    pub fn show_cursor(&mut self) {
        let h = self.height.saturating_sub(1).max(1);
        let (start, end) = self.cursor_span();
        // The blank after a paragraph need not show.
        let end = if end > start + 1 { end - 1 } else { end };
        if start < self.top || end - start > h {
            self.top = start;
        } else if end > self.top + h {
            self.top = end - h;
        }
        self.settle();
    }

    /// Moves the cursor to the next paragraph (or turn start), scrolling it into view; false
    /// at the last.
    pub fn next_paragraph(&mut self) -> bool {
        let i = self.layout.stops_before(self.cursor, true);
        if i >= self.layout.stop_count() {
            return false;
        }
        self.cursor = self.layout.stop(i);
        self.show_cursor();
        true
    }

    /// Moves the cursor to the previous paragraph (or turn start); false at the first.
    pub fn prev_paragraph(&mut self) -> bool {
        let i = self.layout.stops_before(self.cursor, false);
        let Some(i) = i.checked_sub(1) else {
            return false;
        };
        self.cursor = self.layout.stop(i);
        self.show_cursor();
        true
    }

    /// True when row `row` is text of the paragraph under the cursor (what gets its mark).
    pub fn under_cursor(&self, row: usize) -> bool {
        let (start, end) = self.cursor_span();
        (start..end).contains(&row)
            && self.row(row).is_some_and(|r| {
                matches!(
                    r.kind,
                    RowKind::Text(_)
                        | RowKind::Note(_)
                        | RowKind::NoteLabel
                        | RowKind::MarkNote { .. }
                        | RowKind::Matter { .. }
                ) && (r.block != NO_BLOCK || matches!(r.kind, RowKind::Matter { .. }))
            })
    }
}
