//! The reading pane laid out once per width and view: a flat list of rows, each knowing the
//! turn and block it belongs to, plus an index from turns and blocks to their first row.
//! Drawing reads only the visible rows; navigation is binary search on the index.

use crate::app::index::DocIndex;
use crate::app::search::{Match, Place};
use crate::transcript::{Block, Section, Transcript};

use crate::wrap::wrap_measured;

/// Block number of rows that belong to no block (banners, headers).
pub const NO_BLOCK: u32 = u32::MAX;
/// Cells between the English and the Chinese column.
pub const GAP: u16 = 3;
/// Cells of the gutter in front of a note.
pub const NOTE_GUTTER: u16 = 2;
/// Below this reading-pane width the automatic layout stacks the languages.
pub const STACK_BELOW: u16 = 70;
/// Cells a Chinese paragraph is set in under its English when stacked (a rule, a space).
pub const STACK_INDENT: u16 = 2;
/// The default reading measure: English lines of at most this many cells.
pub const MAX_WIDTH: u16 = 100;

/// Which languages the reading pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LangView {
    #[default]
    Both,
    En,
    Zh,
}

/// Which text a piece of a row shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Src {
    En,
    Zh,
    Note,
    /// A paragraph of the material before or after the call.
    Matter,
}

/// A slice (byte range) of one block's text, shown on one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub src: Src,
    pub start: u32,
    pub end: u32,
}

/// What a row shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// The heading of prepared remarks or Q&A.
    Section(Section),
    /// The heading of the material before (or, when `back`, after) the call.
    MatterTitle {
        back: bool,
    },
    /// A line of that material: paragraph `para`, byte range `start..end`.
    Matter {
        back: bool,
        para: u32,
        start: u32,
        end: u32,
    },
    /// The banner of a question (index into `Transcript::questions`).
    Question(usize),
    /// The heading of the closing remarks after the last question.
    Closing,
    /// The turn's speaker, role and firm.
    Header,
    Blank,
    /// The label above a note.
    NoteLabel,
    /// Speech: `[left, right]` side by side, or `[text, None]` across the full width.
    Text([Option<Piece>; 2]),
    /// One line of a note.
    Note(Piece),
    /// One line of the user's note on the bookmarked paragraph above (index into
    /// [`Layout::mark_notes`], byte range).
    MarkNote {
        note: u32,
        start: u32,
        end: u32,
    },
}

/// One screen line of the reading pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub turn: u32,
    /// Index of the block within its turn, or [`NO_BLOCK`].
    pub block: u32,
    pub kind: RowKind,
}

/// The inputs a layout depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    pub width: u16,
    pub lang: LangView,
    /// English above Chinese instead of side by side.
    pub stacked: bool,
    pub notes: bool,
    /// East Asian ambiguous-width characters take two cells.
    pub wide_ambiguous: bool,
    /// The reading measure: English never wider than this many cells, Chinese four fifths
    /// of it (about as many characters); 0 for the whole width.
    pub max_width: u16,
    /// Bookmark notes shown under their paragraphs.
    pub mark_notes: bool,
}

impl Shape {
    /// The widest an English line (or a note) may be in a column of `w` cells.
    pub fn en_measure(&self, w: u16) -> u16 {
        match self.max_width {
            0 => w,
            m => w.min(m.max(20)),
        }
    }

    /// The widest a Chinese line may be in a column of `w` cells.
    pub fn zh_measure(&self, w: u16) -> u16 {
        match self.max_width {
            0 => w,
            m => w.min((m.max(20) * 4 / 5).max(16)),
        }
    }
}

/// The bookmark notes a layout shows: (turn, block, note), sorted by place.
pub type MarkNotes = [(usize, usize, String)];

/// The laid-out reading pane.
#[derive(Debug, Clone)]
pub struct Layout {
    pub shape: Shape,
    /// True when paragraphs are drawn in two columns.
    pub side: bool,
    /// Width of the left (or only) column.
    pub left_w: u16,
    /// Start and width of the right column (side by side only).
    pub right_x: u16,
    pub right_w: u16,
    pub rows: Vec<Row>,
    /// First row of each turn; one extra entry holds the row count.
    pub turn_rows: Vec<u32>,
    /// First row of each global block (where it would be when hidden); one extra entry.
    pub block_rows: Vec<u32>,
    /// Rows where `j`/`k` stop: turn starts and every paragraph but a turn's first.
    pub stops: Vec<u32>,
    /// The first row of the call itself (after the material before it).
    pub call_start: u32,
    /// The first row after the call (the material after it, if any).
    pub call_end: u32,
    /// The first row of each paragraph of the material before (`[0]`) and after (`[1]`)
    /// the call.
    pub matter_rows: [Vec<u32>; 2],
    /// The text of the bookmark notes shown under their paragraphs.
    pub mark_notes: Vec<String>,
    /// False for the placeholder a reader starts with before it knows its pane's size.
    pub laid: bool,
}

impl Layout {
    /// Lays out all of `t` for `shape`, with `notes` under their paragraphs when the shape
    /// shows them.
    pub fn build(t: &Transcript, ix: &DocIndex, shape: Shape, notes: &MarkNotes) -> Self {
        let width = shape.width.max(4);
        let side = ix.bilingual && shape.lang == LangView::Both && !shape.stacked;
        let (left_w, right_w) = if side {
            let left = shape.en_measure((width - GAP) / 2);
            (left, shape.zh_measure(width.saturating_sub(left + GAP)))
        } else {
            (width, 0)
        };
        let mut l = Layout {
            shape,
            side,
            left_w,
            right_x: left_w + GAP,
            right_w,
            rows: Vec::new(),
            turn_rows: Vec::with_capacity(t.turns.len() + 1),
            block_rows: Vec::with_capacity(ix.block_base.last().map_or(0, |&n| n as usize + 1)),
            stops: Vec::new(),
            call_start: 0,
            call_end: 0,
            matter_rows: [Vec::new(), Vec::new()],
            mark_notes: Vec::new(),
            laid: true,
        };
        let mut notes = if shape.mark_notes { notes } else { &[] }.iter().peekable();
        for i in 0..t.turns.len() {
            l.turn(t, ix, i, &mut notes);
        }
        l.block_rows.push(l.rows.len() as u32);
        l.call_end = l.rows.len() as u32;
        l.matter(t.turns.len().saturating_sub(1), &t.back_matter, true);
        l.turn_rows.push(l.rows.len() as u32);
        l
    }

    /// Nothing laid out yet, for `shape` (the first real layout replaces it).
    pub fn empty(shape: Shape) -> Self {
        Layout {
            shape,
            side: false,
            left_w: 0,
            right_x: 0,
            right_w: 0,
            rows: Vec::new(),
            turn_rows: vec![0],
            block_rows: vec![0],
            stops: Vec::new(),
            call_start: 0,
            call_end: 0,
            matter_rows: [Vec::new(), Vec::new()],
            mark_notes: Vec::new(),
            laid: false,
        }
    }

    /// Appends the rows of turn `i`: banners, header, blocks (each bookmark note among
    /// `notes` of this turn under its paragraph).
    fn turn<'n>(
        &mut self,
        t: &Transcript,
        ix: &DocIndex,
        i: usize,
        notes: &mut std::iter::Peekable<impl Iterator<Item = &'n (usize, usize, String)>>,
    ) {
        let turn = &t.turns[i];
        let at = self.rows.len() as u32;
        self.turn_rows.push(at);
        self.stops.push(at);
        if i == 0 {
            self.matter(0, &t.front_matter, false);
            self.call_start = self.rows.len() as u32;
            if self.call_start > at {
                self.stops.push(self.call_start);
            }
        }
        if i == 0 || t.turns[i - 1].section != turn.section {
            self.push(i, NO_BLOCK, RowKind::Section(turn.section));
            self.push(i, NO_BLOCK, RowKind::Blank);
        }
        if let Some(q) = ix.opens_question[i] {
            self.push(i, NO_BLOCK, RowKind::Question(q));
        }
        if ix.closing == Some(i) {
            self.push(i, NO_BLOCK, RowKind::Closing);
        }
        self.push(i, NO_BLOCK, RowKind::Header);
        let mut shown = 0;
        for (b, block) in turn.blocks.iter().enumerate() {
            let start = self.rows.len() as u32;
            self.block_rows.push(start);
            while notes.next_if(|n| (n.0, n.1) < (i, b)).is_some() {}
            let note = notes.next_if(|n| (n.0, n.1) == (i, b));
            if self.block(i, b, block) {
                if shown > 0 {
                    self.stops.push(start);
                }
                shown += 1;
                if let Some((_, _, text)) = note.filter(|_| matches!(block, Block::Para { .. })) {
                    self.mark_note(i, b, text);
                }
                self.push(i, b as u32, RowKind::Blank);
            }
        }
        if shown == 0 {
            self.push(i, NO_BLOCK, RowKind::Blank);
        }
    }

    /// Appends the material before or after the call (owned by turn `turn`), if any.
    fn matter(&mut self, turn: usize, paras: &[String], back: bool) {
        if paras.is_empty() {
            return;
        }
        if back {
            self.stops.push(self.rows.len() as u32);
        }
        self.push(turn, NO_BLOCK, RowKind::MatterTitle { back });
        self.push(turn, NO_BLOCK, RowKind::Blank);
        for (p, text) in paras.iter().enumerate() {
            if p > 0 {
                self.stops.push(self.rows.len() as u32);
            }
            self.matter_rows[usize::from(back)].push(self.rows.len() as u32);
            let w = self.shape.en_measure(self.full_width());
            for r in self.wrap(text, w.into()) {
                let (para, start, end) = (p as u32, r.start as u32, r.end as u32);
                self.push(
                    turn,
                    NO_BLOCK,
                    RowKind::Matter {
                        back,
                        para,
                        start,
                        end,
                    },
                );
            }
            self.push(turn, NO_BLOCK, RowKind::Blank);
        }
    }

    /// Appends the rows of one block; false when the current view hides it.
    fn block(&mut self, turn: usize, b: usize, block: &Block) -> bool {
        match block {
            Block::Note { note } => {
                if !self.shape.notes {
                    return false;
                }
                self.push(turn, b as u32, RowKind::NoteLabel);
                let w = self
                    .shape
                    .en_measure(self.full_width().saturating_sub(NOTE_GUTTER));
                for r in self.wrap(note, w.into()) {
                    self.push(turn, b as u32, RowKind::Note(piece(Src::Note, r)));
                }
                true
            }
            Block::Para { en, zh } => {
                let en = en.as_deref().filter(|_| self.shape.lang != LangView::Zh);
                let zh = zh.as_deref().filter(|_| self.shape.lang != LangView::En);
                if en.is_none() && zh.is_none() {
                    return false;
                }
                if self.side {
                    self.side_by_side(turn, b, en, zh);
                } else {
                    let indent = if en.is_some() { STACK_INDENT } else { 0 };
                    let zh_w = self.shape.zh_measure(self.left_w.saturating_sub(indent));
                    let en_w = self.shape.en_measure(self.left_w);
                    for (src, text, w) in [(Src::En, en, en_w), (Src::Zh, zh, zh_w)] {
                        for r in text.map(|s| self.wrap(s, w.into())).unwrap_or_default() {
                            self.push(turn, b as u32, RowKind::Text([Some(piece(src, r)), None]));
                        }
                    }
                }
                true
            }
        }
    }

    /// Appends a paragraph as two top-aligned columns, as tall as the taller side.
    fn side_by_side(&mut self, turn: usize, b: usize, en: Option<&str>, zh: Option<&str>) {
        let left = en
            .map(|s| self.wrap(s, self.left_w.into()))
            .unwrap_or_default();
        let right = zh
            .map(|s| self.wrap(s, self.right_w.into()))
            .unwrap_or_default();
        for i in 0..left.len().max(right.len()) {
            let l = left.get(i).map(|r| piece(Src::En, r.clone()));
            let r = right.get(i).map(|r| piece(Src::Zh, r.clone()));
            self.push(turn, b as u32, RowKind::Text([l, r]));
        }
    }

    /// Appends the user's note on paragraph `b` of turn `turn`, under it.
    fn mark_note(&mut self, turn: usize, b: usize, text: &str) {
        let note = self.mark_notes.len() as u32;
        let w = self
            .shape
            .en_measure(self.full_width())
            .saturating_sub(NOTE_GUTTER);
        for r in self.wrap(text, w.into()) {
            let (start, end) = (r.start as u32, r.end as u32);
            self.push(turn, b as u32, RowKind::MarkNote { note, start, end });
        }
        self.mark_notes.push(text.to_string());
    }

    /// Appends one row.
    fn push(&mut self, turn: usize, block: u32, kind: RowKind) {
        self.rows.push(Row {
            turn: turn as u32,
            block,
            kind,
        });
    }

    /// Wraps `text` to `width` cells, measuring as the shape says.
    fn wrap(&self, text: &str, width: usize) -> Vec<std::ops::Range<usize>> {
        wrap_measured(text, width, self.shape.wide_ambiguous)
    }

    /// Cells the Chinese of `block` is set in when drawn in one column: stacked under its
    /// English it is; alone, it is not.
    pub fn zh_indent(&self, block: &Block) -> u16 {
        let en_shown =
            matches!(block, Block::Para { en: Some(_), .. }) && self.shape.lang == LangView::Both;
        if !self.side && en_shown {
            STACK_INDENT
        } else {
            0
        }
    }

    /// The whole width of the pane.
    pub fn full_width(&self) -> u16 {
        self.shape.width.max(4)
    }

    /// The first row of turn `turn`.
    pub fn turn_row(&self, turn: usize) -> usize {
        self.turn_rows.get(turn).copied().unwrap_or(0) as usize
    }

    /// The row that shows the start of match `m` (its block's or paragraph's first row if
    /// none does).
    pub fn row_of_match(&self, ix: &DocIndex, m: Match) -> usize {
        let (start, end) = match m.place {
            Place::Block(id) => self.block_span(id, ix.turn_of_block(id)),
            Place::Front(p) => self.matter_span(false, p as usize),
            Place::Back(p) => self.matter_span(true, p as usize),
        };
        (start..end)
            .find(|&r| holds(&self.rows[r], &m))
            .unwrap_or(start)
    }

    /// The rows `[start, end)` of paragraph `p` of the material before or after the call.
    fn matter_span(&self, back: bool, p: usize) -> (usize, usize) {
        let starts = &self.matter_rows[usize::from(back)];
        let last = if back {
            self.rows.len()
        } else {
            self.call_start as usize
        };
        let start = starts.get(p).map_or(last, |&r| r as usize);
        let end = starts.get(p + 1).map_or(last, |&r| r as usize);
        (start.min(last), end.max(start).min(last))
    }

    /// Where row `row` is, as search places go: the paragraph of the material before or after
    /// the call it is in (the title counts with the first), else the block it shows, or the
    /// first block of its turn for a turn's banners and header.
    pub fn place_of_row(&self, ix: &DocIndex, row: usize) -> Place {
        let para = |back: bool| {
            let starts = &self.matter_rows[usize::from(back)];
            let begun = starts.partition_point(|&r| r as usize <= row);
            begun.saturating_sub(1) as u32
        };
        if row < self.call_start as usize {
            return Place::Front(para(false));
        }
        if row >= self.call_end as usize {
            return Place::Back(para(true));
        }
        let Some(r) = self.rows.get(row) else {
            return Place::Back(0);
        };
        let b = if r.block == NO_BLOCK {
            0
        } else {
            r.block as usize
        };
        Place::Block(ix.block_id(r.turn as usize, b))
    }

    /// The rows `[start, end)` of global block `id`, which belongs to turn `turn`.
    pub fn block_span(&self, id: u32, turn: usize) -> (usize, usize) {
        let i = id as usize;
        let start = self.block_rows[i] as usize;
        let end = (self.block_rows[i + 1] as usize).min(self.turn_row(turn + 1));
        (start, end.max(start))
    }
}

/// True when `row` shows text of `m`'s source that ends after `m` starts.
fn holds(row: &Row, m: &Match) -> bool {
    let after = |p: &Option<Piece>| p.is_some_and(|p| p.src == m.src && p.end > m.start);
    match (&row.kind, m.place) {
        (RowKind::Text([a, b]), _) => after(a) || after(b),
        (RowKind::Note(p), _) => after(&Some(*p)),
        (
            RowKind::Matter {
                back, para, end, ..
            },
            Place::Front(p) | Place::Back(p),
        ) => *back == matches!(m.place, Place::Back(_)) && *para == p && *end > m.start,
        _ => false,
    }
}

/// A piece of `src` covering byte range `r`.
fn piece(src: Src, r: std::ops::Range<usize>) -> Piece {
    Piece {
        src,
        start: r.start as u32,
        end: r.end as u32,
    }
}
