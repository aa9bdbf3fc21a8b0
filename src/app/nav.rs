//! Moving through the call: every function here is a binary search on the layout's index,
//! so it costs the same on a 5 MB transcript as on a short one.

use super::index::EntryKind;
use super::state::App;

impl App {
    /// Puts `row` at the top (clamped to the last row), the cursor on its paragraph.
    pub fn jump_to_row(&mut self, row: usize) {
        self.top = row.min(self.max_jump());
        self.set_cursor(row);
        self.settle();
    }

    /// Scrolls by `delta` rows (never down past the last page); the cursor stays on screen.
    pub fn scroll(&mut self, delta: isize) {
        // Rows farther than the screen laid out around it are laid out first, so that the
        // move counts real rows.
        let far = delta.unsigned_abs();
        if far > self.height {
            match delta < 0 {
                true => self.lay_out_around(far, 0),
                false => self.lay_out_around(0, far + self.height),
            }
        }
        if delta < 0 {
            self.top = self.top.saturating_sub(delta.unsigned_abs());
        } else {
            let limit = self.last_page().max(self.top);
            self.top = (self.top + delta as usize).min(limit);
        }
        self.settle();
        self.keep_cursor();
    }

    /// Goes to the start of the call (the material before it included).
    pub fn go_top(&mut self) {
        self.jump_to_row(0);
    }

    /// Shows the last page, the cursor on the last paragraph.
    pub fn go_bottom(&mut self) {
        let end = self.layout.len();
        self.layout
            .lay_out_above(&self.doc, &self.index, end, self.height);
        self.top = self.last_page();
        self.settle();
        self.set_cursor(self.layout.len().saturating_sub(1));
        self.keep_cursor();
    }

    /// Brings question number `n` (as the call numbers them) to the top; false when there
    /// is no such question.
    pub fn goto_question(&mut self, n: usize) -> bool {
        let qs = &self.doc.questions;
        let Some(qi) = qs.iter().position(|q| q.number == n) else {
            return false;
        };
        let Some(&(turn, _)) = self.index.question_starts.iter().find(|&&(_, q)| q == qi) else {
            return false;
        };
        self.jump_to_row(self.layout.turn_row(turn));
        true
    }

    /// Brings the next (or previous) turn of the speaker under the cursor to the top; false
    /// when they do not speak again (or before).
    pub fn turn_by_same_speaker(&mut self, forward: bool) -> bool {
        let turns = &self.doc.turns;
        let here = self.current_turn();
        let Some(who) = turns.get(here).map(|t| t.speaker) else {
            return false;
        };
        let found = if forward {
            (here + 1..turns.len()).find(|&t| turns[t].speaker == who)
        } else {
            (0..here).rev().find(|&t| turns[t].speaker == who)
        };
        match found {
            Some(t) => {
                self.jump_to_row(self.layout.turn_row(t));
                true
            }
            None => false,
        }
    }

    /// Brings the next question to the top; false when there is none.
    pub fn next_question(&mut self) -> bool {
        let starts = &self.index.question_starts;
        let i = starts.partition_point(|&(turn, _)| self.layout.turn_row(turn) <= self.top);
        match starts.get(i) {
            Some(&(turn, _)) => {
                self.jump_to_row(self.layout.turn_row(turn));
                true
            }
            None => false,
        }
    }

    /// Brings the previous question (or the current one's start) to the top.
    pub fn prev_question(&mut self) -> bool {
        let starts = &self.index.question_starts;
        let i = starts.partition_point(|&(turn, _)| self.layout.turn_row(turn) < self.top);
        if i == 0 {
            return false;
        }
        self.jump_to_row(self.layout.turn_row(starts[i - 1].0));
        true
    }

    /// Brings the next turn to the top; false when there is none.
    pub fn next_turn(&mut self) -> bool {
        let i = self.layout.turns_before(self.top, true);
        if i >= self.layout.turns() {
            return false;
        }
        self.jump_to_row(self.layout.turn_row(i));
        true
    }

    /// Brings the previous turn (or the current one's start) to the top.
    pub fn prev_turn(&mut self) -> bool {
        let i = self.layout.turns_before(self.top, false);
        if i == 0 {
            return false;
        }
        self.jump_to_row(self.layout.turn_row(i - 1));
        true
    }

    /// The number (1-based) of the question the cursor is in, if any.
    pub fn current_question(&self) -> Option<usize> {
        self.doc.turns.get(self.current_turn())?.question
    }

    /// Jumps to turn-list entry `i`.
    pub fn jump_to_entry(&mut self, i: usize) {
        let Some(e) = self.index.entries.get(i) else {
            return;
        };
        let row = match e.kind {
            EntryKind::Before => 0,
            EntryKind::After => self.layout.call_end(),
            _ if e.turn == 0 => self.layout.call_start(),
            _ => self.layout.turn_row(e.turn),
        };
        self.jump_to_row(row);
    }
}

impl App {
    /// The turn-list entry of the reading cursor: the material before or after the call has
    /// its own entry, anything else is under its turn's.
    pub fn current_entry(&self) -> usize {
        let entries = &self.index.entries;
        let kind = |e: Option<&super::index::Entry>| e.map(|e| e.kind);
        if self.cursor < self.layout.call_start()
            && kind(entries.first()) == Some(EntryKind::Before)
        {
            return 0;
        }
        if self.cursor >= self.layout.call_end() && kind(entries.last()) == Some(EntryKind::After) {
            return entries.len() - 1;
        }
        self.index.entry_of_turn(self.current_turn())
    }
}
