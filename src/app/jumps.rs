//! The jump list: every jump (question, turn, analyst, search, mismatch, bookmark, another
//! call) remembers where it left from; `Ctrl-o` goes back, also into the call read before,
//! and forward again, as a browser's history does.

use std::path::PathBuf;

use super::state::{Anchor, App, OpenRequest, OpenTarget};

/// Places kept; the oldest go first.
const KEEP: usize = 100;

/// A place in a call: which call (its key and files) and where (top row and cursor).
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// The call's content key ([`super::index::DocIndex::key`]).
    pub key: String,
    /// The files it was read from (empty for the built-in sample).
    pub files: Vec<PathBuf>,
    pub top: Anchor,
    pub cursor: Anchor,
}

/// The places jumped from, and where going back and forth is in them.
#[derive(Debug, Default)]
pub struct Jumps {
    list: Vec<Place>,
    /// The place going back would leave from: `list.len()` when not going back.
    pos: usize,
}

impl Jumps {
    /// Records `from` before a jump; places ahead of a step back are forgotten.
    pub fn record(&mut self, from: Place) {
        self.list.truncate(self.pos);
        if self.list.last() != Some(&from) {
            self.list.push(from);
        }
        if self.list.len() > KEEP {
            self.list.remove(0);
        }
        self.pos = self.list.len();
    }

    /// The place before `here`, if any (`here` is kept for going forward again).
    pub fn back(&mut self, here: Place) -> Option<Place> {
        if self.pos >= self.list.len() {
            if self.list.last() != Some(&here) {
                self.list.push(here);
            }
            self.pos = self.list.len() - 1;
        }
        let to = self.pos.checked_sub(1)?;
        self.pos = to;
        Some(self.list[to].clone())
    }

    /// The place after the current one, after going back.
    pub fn forward(&mut self) -> Option<Place> {
        let to = self.pos + 1;
        let place = self.list.get(to)?.clone();
        self.pos = to;
        Some(place)
    }

    /// The number of places kept.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// True when no jump was made yet.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

impl App {
    /// Where the reader is: this call, the top row and the cursor.
    pub fn place(&self) -> Place {
        Place {
            key: self.index.key.clone(),
            files: self.marks.files.clone(),
            top: self.anchor(),
            cursor: self.anchor_at(self.cursor),
        }
    }

    /// Records the place `from` when the reader has moved away from it (a jump happened).
    pub fn record_jump(&mut self, from: Place) {
        let here = self.place();
        if here.key != from.key || here.top != from.top || here.cursor != from.cursor {
            self.jumps.record(from);
        }
    }

    /// `Ctrl-o`: back to where the last jump left from.
    pub fn jump_back(&mut self) {
        let here = self.place();
        match self.jumps.back(here) {
            Some(p) => self.go_to_place(p),
            None => self.say("No earlier place in the jump list"),
        }
    }

    /// Forward again after going back.
    pub fn jump_forward(&mut self) {
        match self.jumps.forward() {
            Some(p) => self.go_to_place(p),
            None => self.say("No later place in the jump list"),
        }
    }

    /// Goes to `p`: in this call directly, in another by asking the event loop to open it.
    fn go_to_place(&mut self, p: Place) {
        if p.key == self.index.key {
            self.put_at(&p);
        } else if p.files.iter().any(|f| f.as_os_str() == "-") {
            self.warn("That call was read from standard input: open its file to go back there");
        } else {
            self.open_request = Some(OpenRequest {
                files: p.files.clone(),
                target: OpenTarget::Place(p),
            });
        }
    }

    /// Puts the top row and the cursor where `p` says (in the call shown).
    pub fn put_at(&mut self, p: &Place) {
        self.top = self.row_of(p.top).min(self.max_jump());
        self.cursor = self.stop_of(self.row_of(p.cursor));
        self.keep_cursor();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(turn: usize) -> Place {
        Place {
            key: "k".into(),
            files: Vec::new(),
            top: Anchor {
                turn,
                block: None,
                line: 0,
            },
            cursor: Anchor::default(),
        }
    }

    #[test]
    fn back_and_forward_walk_the_jumps_like_a_browser_history() {
        let mut j = Jumps::default();
        j.record(at(1));
        j.record(at(5));
        // Reading at 9: back goes to 5, then 1, then nowhere.
        assert_eq!(j.back(at(9)), Some(at(5)));
        assert_eq!(j.back(at(5)), Some(at(1)));
        assert_eq!(j.back(at(1)), None);
        assert_eq!(j.forward(), Some(at(5)));
        assert_eq!(j.forward(), Some(at(9)));
        assert_eq!(j.forward(), None);
        // A new jump after going back forgets what was ahead.
        assert_eq!(j.back(at(9)), Some(at(5)));
        j.record(at(5));
        assert_eq!(j.forward(), None);
        assert_eq!(j.back(at(7)), Some(at(5)));
    }

    #[test]
    fn the_list_keeps_the_latest_places() {
        let mut j = Jumps::default();
        for t in 0..KEEP + 10 {
            j.record(at(t));
        }
        assert_eq!(j.len(), KEEP);
        assert_eq!(j.back(at(999)), Some(at(KEEP + 9)));
    }
}

/// Where a call opened from the library's search or analysts view starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    /// A paragraph (turn and block, from 0), with the text found there to show as the
    /// search (as the call writes it, so that `n` finds the next one).
    Block {
        turn: usize,
        block: usize,
        found: Option<String>,
    },
    /// A question by its number.
    Question(usize),
}

impl App {
    /// Goes to `start` from where the call opened (its remembered position), which the jump
    /// list keeps: `Ctrl-o` goes back there. False when the call has no such place.
    pub fn start_at(&mut self, start: &Start) -> bool {
        let from = self.place();
        let went = match start {
            Start::Question(n) => self.goto_question(*n),
            Start::Block { turn, block, found } => {
                let exists = self
                    .doc
                    .turns
                    .get(*turn)
                    .is_some_and(|t| *block < t.blocks.len());
                if exists {
                    let id = self.index.block_id(*turn, *block);
                    let (row, _) = self.layout.block_span(id);
                    self.jump_to_row(row);
                    if let Some(q) = found.as_deref().filter(|q| !q.trim().is_empty()) {
                        self.search.query = q.to_string();
                        self.find_all();
                        self.search.current = self
                            .search
                            .matches
                            .iter()
                            .position(|m| m.place >= super::search::Place::Block(id));
                    }
                }
                exists
            }
        };
        if went {
            self.record_jump(from);
        }
        went
    }
}
