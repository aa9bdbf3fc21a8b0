//! The reading pane laid out once per width and view: a flat list of rows, each knowing the
//! turn and block it belongs to, plus an index from turns and blocks to their first row.
//! Drawing reads only the visible rows; navigation is binary search on the index.

use std::collections::HashMap;

use crate::app::index::{DocIndex, Extent};
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

/// No bookmark note under a block.
const NO_NOTE: u32 = u32::MAX;

/// A run of rows laid out together: a paragraph with the blank after it, a turn's banners
/// and header, or a heading. Its height is known exactly once it is laid out (or when it
/// needs no wrapping), estimated from its text's length before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum UnitKind {
    /// The heading of the material before the call, and a blank.
    FrontHead,
    /// Paragraph `p` of the material before the call.
    FrontPara(u32),
    /// Turn `turn`'s section heading, question banner, closing heading and header.
    Head(u32),
    /// Block `b` of turn `turn` (nothing when the view hides it); `note` indexes
    /// [`Layout::mark_notes`].
    Block { turn: u32, b: u32, note: u32 },
    /// The blank after a turn of which nothing is shown.
    Tail(u32),
    /// The heading of the material after the call, and a blank.
    BackHead,
    /// Paragraph `p` of the material after the call.
    BackPara(u32),
}

#[derive(Debug, Clone, Copy)]
struct Unit {
    kind: UnitKind,
    /// Rows: exact when laid out (or needing no wrapping), else an estimate.
    height: u32,
}

/// The laid-out reading pane, built lazily: every paragraph's height is estimated when the
/// shape changes (a pass over the blocks, never over the text), and paragraphs are wrapped
/// when they come near the screen ([`Layout::lay_out`]). Row numbers are positions in the
/// estimated whole; the reader keeps its place across estimates by anchoring to units.
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
    units: Vec<Unit>,
    /// The rows of the units laid out, by unit.
    laid_rows: HashMap<u32, Box<[Row]>>,
    /// First row of each unit; one extra entry holds the row count.
    starts: Vec<u32>,
    /// First unit of each turn (the material before the call counts with the first); one
    /// extra entry: the number of units.
    turn_units: Vec<u32>,
    /// The unit of each global block; one extra entry: the first unit after the call.
    block_units: Vec<u32>,
    /// The units where `j`/`k` stop, in order.
    stop_units: Vec<u32>,
    /// The unit of each paragraph of the material before (`[0]`) and after (`[1]`) the call.
    matter_units: [Vec<u32>; 2],
    /// The first unit of the call itself (turn 0's banners), and the first after it.
    call_units: (u32, u32),
    /// The text of the bookmark notes shown under their paragraphs.
    pub mark_notes: Vec<String>,
    /// Where those notes are and what they say, as given to [`Layout::build`].
    notes_given: Vec<(usize, usize, String)>,
    /// False for the placeholder a reader starts with before it knows its pane's size.
    pub laid: bool,
}

impl Layout {
    /// Prepares the layout of `t` for `shape` (notes under their paragraphs when the shape
    /// shows them): every unit's height exact or estimated, nothing wrapped yet.
    pub fn build(t: &Transcript, ix: &DocIndex, shape: Shape, notes: &MarkNotes) -> Self {
        let width = shape.width.max(4);
        let side = ix.bilingual && shape.lang == LangView::Both && !shape.stacked;
        let (left_w, right_w) = if side {
            let left = shape.en_measure((width - GAP) / 2);
            (left, shape.zh_measure(width.saturating_sub(left + GAP)))
        } else {
            (width, 0)
        };
        let blocks = ix.block_base.last().map_or(0, |&n| n as usize);
        let mut l = Layout {
            shape,
            side,
            left_w,
            right_x: left_w + GAP,
            right_w,
            units: Vec::with_capacity(blocks + 2 * t.turns.len() + 4),
            laid_rows: HashMap::new(),
            starts: Vec::new(),
            turn_units: Vec::with_capacity(t.turns.len() + 1),
            block_units: Vec::with_capacity(blocks + 1),
            stop_units: Vec::new(),
            matter_units: [Vec::new(), Vec::new()],
            call_units: (0, 0),
            mark_notes: Vec::new(),
            notes_given: Vec::new(),
            laid: true,
        };
        let notes = if shape.mark_notes { notes } else { &[] };
        l.notes_given = notes.to_vec();
        let mut notes = notes.iter().peekable();
        let m = Measures::new(&l);
        for i in 0..t.turns.len() {
            l.turn_units.push(l.units.len() as u32);
            if i == 0 {
                l.matter(&t.front_matter, false);
                l.call_units.0 = l.units.len() as u32;
            }
            l.add(UnitKind::Head(i as u32), head_height(t, ix, i), true);
            let mut shown = 0;
            let first = ix.block_base[i] as usize;
            let extents = &ix.extents[first..ix.block_base[i + 1] as usize];
            for (b, &extent) in extents.iter().enumerate() {
                l.block_units.push(l.units.len() as u32);
                while notes.next_if(|n| (n.0, n.1) < (i, b)).is_some() {}
                let note = notes
                    .next_if(|n| (n.0, n.1) == (i, b))
                    .filter(|_| matches!(extent, Extent::Para { .. }));
                let height = l.estimate_block(&m, extent, note.map(|n| n.2.as_str()));
                let mut note_ix = NO_NOTE;
                if let Some((_, _, text)) = note.filter(|_| height > 0) {
                    note_ix = l.mark_notes.len() as u32;
                    l.mark_notes.push(text.clone());
                }
                let (turn, b) = (i as u32, b as u32);
                let kind = UnitKind::Block {
                    turn,
                    b,
                    note: note_ix,
                };
                l.add(kind, height, height > 0 && shown > 0);
                shown += usize::from(height > 0);
            }
            if shown == 0 {
                l.add(UnitKind::Tail(i as u32), 1, false);
            }
        }
        l.call_units.1 = l.units.len() as u32;
        l.block_units.push(l.call_units.1);
        l.matter(&t.back_matter, true);
        l.turn_units.push(l.units.len() as u32);
        l.restart(0);
        l
    }

    /// True when this is the layout [`Layout::build`] makes for `shape` and `notes` (of the
    /// same call).
    pub fn is_for(&self, shape: Shape, notes: &MarkNotes) -> bool {
        self.laid && self.shape == shape && (!shape.mark_notes || self.notes_given == notes)
    }

    /// Nothing laid out yet, for `shape` (the first real layout replaces it).
    pub fn empty(shape: Shape) -> Self {
        Layout {
            shape,
            side: false,
            left_w: 0,
            right_x: 0,
            right_w: 0,
            units: Vec::new(),
            laid_rows: HashMap::new(),
            starts: vec![0],
            turn_units: vec![0],
            block_units: vec![0],
            stop_units: Vec::new(),
            matter_units: [Vec::new(), Vec::new()],
            call_units: (0, 0),
            mark_notes: Vec::new(),
            notes_given: Vec::new(),
            laid: false,
        }
    }

    /// Adds a unit.
    fn add(&mut self, kind: UnitKind, height: u32, stop: bool) {
        if stop {
            self.stop_units.push(self.units.len() as u32);
        }
        self.units.push(Unit { kind, height });
    }

    /// Adds the units of the material before or after the call, if any.
    fn matter(&mut self, paras: &[String], back: bool) {
        if paras.is_empty() {
            return;
        }
        let head = if back {
            UnitKind::BackHead
        } else {
            UnitKind::FrontHead
        };
        self.add(head, 2, true);
        let fill = Measures::new(self).note;
        for (p, text) in paras.iter().enumerate() {
            self.matter_units[usize::from(back)].push(self.units.len() as u32);
            let kind = if back {
                UnitKind::BackPara(p as u32)
            } else {
                UnitKind::FrontPara(p as u32)
            };
            self.add(kind, lines(text.len() as u32, fill) + 1, p > 0);
        }
    }

    /// The estimated height of a block with the blank after it (and `note` under it); 0 when
    /// the view hides it.
    fn estimate_block(&self, m: &Measures, extent: Extent, note: Option<&str>) -> u32 {
        let under = note.map_or(0, |n| lines(n.len() as u32, m.note));
        match extent {
            Extent::Note(len) if self.shape.notes => 2 + lines(len, m.note),
            Extent::Note(_) => 0,
            Extent::Para { en, zh } => {
                let en = (en != Extent::ABSENT && self.shape.lang != LangView::Zh).then_some(en);
                let zh = (zh != Extent::ABSENT && self.shape.lang != LangView::En).then_some(zh);
                let text = match (en, zh) {
                    (None, None) => return 0,
                    (Some(e), None) => lines(e, m.en),
                    // Chinese: three bytes a character, two cells.
                    (None, Some(z)) => lines(z / 3 * 2, m.zh_alone),
                    (Some(e), Some(z)) if self.side => lines(e, m.en).max(lines(z / 3 * 2, m.zh)),
                    (Some(e), Some(z)) => lines(e, m.en) + lines(z / 3 * 2, m.zh),
                };
                text + under + 1
            }
        }
    }

    /// Recomputes the first rows of units from unit `from` on.
    fn restart(&mut self, from: usize) {
        self.starts.truncate(from + 1);
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        let mut at = self.starts[from];
        for u in &self.units[from..] {
            at += u.height;
            self.starts.push(at);
        }
    }

    /// Lays out the units that rows `rows` fall in, going on past the end until `rows`' length
    /// of laid-out rows is covered (heights change as estimates become exact, so the rows
    /// after the first unit move). Returns the first unit whose height changed, if any.
    pub fn lay_out(
        &mut self,
        t: &Transcript,
        ix: &DocIndex,
        rows: std::ops::Range<usize>,
    ) -> Option<usize> {
        if self.units.is_empty() {
            return None;
        }
        let first = self.unit_of(rows.start);
        let want = rows.end.saturating_sub(self.starts[first] as usize) as u32;
        let mut changed = None;
        let mut covered = 0u32;
        let mut u = first;
        while u < self.units.len() && (covered < want || u == first) {
            if self.lay_out_unit(t, ix, u) {
                changed.get_or_insert(u);
            }
            covered += self.units[u].height;
            u += 1;
        }
        if let Some(c) = changed {
            self.restart(c);
        }
        changed
    }

    /// Lays out units backwards from the one before row `row` until `above` rows are laid
    /// out there (or the start is reached). Returns the first unit whose height changed.
    pub fn lay_out_above(
        &mut self,
        t: &Transcript,
        ix: &DocIndex,
        row: usize,
        above: usize,
    ) -> Option<usize> {
        let mut u = if row >= self.len() {
            self.units.len()
        } else {
            self.unit_of(row)
        };
        let mut covered = 0;
        let mut changed = None;
        while u > 0 && covered < above {
            u -= 1;
            if self.lay_out_unit(t, ix, u) {
                changed = Some(u);
            }
            covered += self.units[u].height as usize;
        }
        if let Some(c) = changed {
            self.restart(c);
        }
        changed
    }

    /// Lays out every unit: the exact layout of the whole call.
    pub fn lay_out_all(&mut self, t: &Transcript, ix: &DocIndex) {
        for u in 0..self.units.len() {
            self.lay_out_unit(t, ix, u);
        }
        self.restart(0);
    }

    /// Lays out unit `u` if it is not yet; true when its height changed.
    fn lay_out_unit(&mut self, t: &Transcript, ix: &DocIndex, u: usize) -> bool {
        if self.laid_rows.contains_key(&(u as u32)) {
            return false;
        }
        let rows = self.unit_rows(t, ix, u);
        let h = rows.len() as u32;
        self.laid_rows.insert(u as u32, rows.into_boxed_slice());
        std::mem::replace(&mut self.units[u].height, h) != h
    }

    /// True when every unit is laid out, so row numbers are exact.
    pub fn exact(&self) -> bool {
        self.laid_rows.len() == self.units.len()
    }

    /// The unit row `row` falls in (the last unit for rows past the end).
    fn unit_of(&self, row: usize) -> usize {
        let i = self.starts.partition_point(|&s| s as usize <= row);
        i.saturating_sub(1).min(self.units.len().saturating_sub(1))
    }

    /// Where row `row` is as (unit, line within it): a place that survives heights changing.
    pub fn unit_anchor(&self, row: usize) -> (usize, usize) {
        let u = self.unit_of(row);
        (
            u,
            row.saturating_sub(self.starts.get(u).map_or(0, |&s| s as usize)),
        )
    }

    /// The row of a place from [`Layout::unit_anchor`] (the unit's last row when the line no
    /// longer exists; the first row of the next unit shown when the unit is empty).
    pub fn row_of_unit_anchor(&self, (u, line): (usize, usize)) -> usize {
        let start = self.starts.get(u).map_or(self.len(), |&s| s as usize);
        let end = self.starts.get(u + 1).map_or(start, |&s| s as usize);
        (start + line).min(end.saturating_sub(1)).max(start)
    }

    /// The number of rows (estimated until every unit is laid out).
    pub fn len(&self) -> usize {
        self.starts.last().map_or(0, |&s| s as usize)
    }

    /// True when there are no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Row `row`: its laid-out rows when its unit is laid out, else laid out now and
    /// dropped (the line clamped to the unit's real rows).
    pub fn row(&self, t: &Transcript, ix: &DocIndex, row: usize) -> Option<Row> {
        if row >= self.len() {
            return None;
        }
        let (u, line) = self.unit_anchor(row);
        match self.laid_rows.get(&(u as u32)) {
            Some(rows) => rows.get(line).copied(),
            None => {
                let rows = self.unit_rows(t, ix, u);
                rows.get(line.min(rows.len().saturating_sub(1))).copied()
            }
        }
    }

    /// The rows of unit `u`.
    fn unit_rows(&self, t: &Transcript, ix: &DocIndex, u: usize) -> Vec<Row> {
        let mut out = Rows {
            shape: &self.shape,
            side: self.side,
            left_w: self.left_w,
            right_w: self.right_w,
            rows: Vec::new(),
        };
        let last = t.turns.len().saturating_sub(1);
        match self.units[u].kind {
            UnitKind::FrontHead | UnitKind::BackHead => {
                let back = self.units[u].kind == UnitKind::BackHead;
                let turn = if back { last } else { 0 };
                out.push(turn, NO_BLOCK, RowKind::MatterTitle { back });
                out.push(turn, NO_BLOCK, RowKind::Blank);
            }
            UnitKind::FrontPara(p) => out.matter(0, &t.front_matter[p as usize], p, false),
            UnitKind::BackPara(p) => out.matter(last, &t.back_matter[p as usize], p, true),
            UnitKind::Head(i) => out.head(t, ix, i as usize),
            UnitKind::Block { turn, b, note } => {
                let block = &t.turns[turn as usize].blocks[b as usize];
                let note = self
                    .mark_notes
                    .get(note as usize)
                    .map(|s| (note, s.as_str()));
                out.block(turn as usize, b as usize, block, note);
            }
            UnitKind::Tail(i) => out.push(i as usize, NO_BLOCK, RowKind::Blank),
        }
        out.rows
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

    /// The first row of turn `turn` (the row count for the number of turns).
    pub fn turn_row(&self, turn: usize) -> usize {
        self.turn_units
            .get(turn)
            .map_or(0, |&u| self.starts[u as usize] as usize)
    }

    /// The number of turns laid out.
    pub fn turns(&self) -> usize {
        self.turn_units.len().saturating_sub(1)
    }

    /// The row of turn `turn`'s header (the last row of its banners).
    pub fn header_row(&self, turn: usize) -> Option<usize> {
        let first = *self.turn_units.get(turn)? as usize;
        let end = *self.turn_units.get(turn + 1)? as usize;
        let u = (first..end).find(|&u| matches!(self.units[u].kind, UnitKind::Head(_)))?;
        Some(self.starts[u + 1] as usize - 1)
    }

    /// The first row of the call itself (after the material before it).
    pub fn call_start(&self) -> usize {
        self.starts[self.call_units.0 as usize] as usize
    }

    /// The first row after the call (the material after it, if any).
    pub fn call_end(&self) -> usize {
        self.starts[self.call_units.1 as usize] as usize
    }

    /// The rows `[start, end)` of global block `id`.
    pub fn block_span(&self, id: u32) -> (usize, usize) {
        let u = self.block_units[id as usize] as usize;
        let start = self.starts[u] as usize;
        let end = self.starts.get(u + 1).map_or(start, |&s| s as usize);
        (start, end.max(start))
    }

    /// True when nothing of turn `turn` but its banners comes before global block `id` (the
    /// blocks before it are hidden).
    pub fn first_shown(&self, id: u32, turn: usize) -> bool {
        let first = self.turn_units[turn] as usize;
        let u = self.block_units[id as usize] as usize;
        self.units[first..u]
            .iter()
            .all(|x| x.height == 0 || !matches!(x.kind, UnitKind::Block { .. }))
    }

    /// The number of stops (rows where `j`/`k` stop).
    pub fn stop_count(&self) -> usize {
        self.stop_units.len()
    }

    /// Stop `i`'s row.
    pub fn stop(&self, i: usize) -> usize {
        self.starts[self.stop_units[i] as usize] as usize
    }

    /// The number of stops at or before row `row` (`inclusive`), or before it.
    pub fn stops_before(&self, row: usize, inclusive: bool) -> usize {
        self.stop_units.partition_point(|&u| {
            let s = self.starts[u as usize] as usize;
            if inclusive { s <= row } else { s < row }
        })
    }

    /// The number of turns starting at or before row `row` (`inclusive`), or before it.
    pub fn turns_before(&self, row: usize, inclusive: bool) -> usize {
        let n = self.turns();
        self.turn_units[..n].partition_point(|&u| {
            let s = self.starts[u as usize] as usize;
            if inclusive { s <= row } else { s < row }
        })
    }

    /// The row that shows the start of match `m` (its block's or paragraph's first row if
    /// none does).
    pub fn row_of_match(&self, t: &Transcript, ix: &DocIndex, m: Match) -> usize {
        let u = match m.place {
            Place::Block(id) => self.block_units[id as usize],
            Place::Front(p) => self.matter_units[0]
                .get(p as usize)
                .copied()
                .unwrap_or(self.call_units.0),
            Place::Back(p) => self.matter_units[1]
                .get(p as usize)
                .copied()
                .unwrap_or(self.call_units.1),
        } as usize;
        let Some(start) = self.starts.get(u).map(|&s| s as usize) else {
            return self.len();
        };
        if u >= self.units.len() {
            return start;
        }
        let owned;
        let rows = match self.laid_rows.get(&(u as u32)) {
            Some(r) => &r[..],
            None => {
                owned = self.unit_rows(t, ix, u);
                &owned[..]
            }
        };
        let end = self.starts[u + 1] as usize;
        rows.iter()
            .position(|r| holds(r, &m))
            .map_or(start, |i| (start + i).min(end.saturating_sub(1)).max(start))
    }

    /// Where row `row` is, as search places go: the paragraph of the material before or after
    /// the call it is in (the title counts with the first), else the block it shows, or the
    /// first block of its turn for a turn's banners and header.
    pub fn place_of_row(&self, t: &Transcript, ix: &DocIndex, row: usize) -> Place {
        let para = |back: bool| {
            let units = &self.matter_units[usize::from(back)];
            let begun = units.partition_point(|&u| self.starts[u as usize] as usize <= row);
            begun.saturating_sub(1) as u32
        };
        if row < self.call_start() {
            return Place::Front(para(false));
        }
        if row >= self.call_end() {
            return Place::Back(para(true));
        }
        let Some(r) = self.row(t, ix, row) else {
            return Place::Back(0);
        };
        let b = if r.block == NO_BLOCK {
            0
        } else {
            r.block as usize
        };
        Place::Block(ix.block_id(r.turn as usize, b))
    }
}

/// The cells a line of text is estimated to fill in a column: a tenth is lost to breaking
/// between words.
#[derive(Debug, Clone, Copy)]
struct Measures {
    en: u32,
    /// Chinese beside or under English.
    zh: u32,
    /// Chinese shown alone.
    zh_alone: u32,
    /// Notes, and the material before and after the call.
    note: u32,
}

impl Measures {
    fn new(l: &Layout) -> Self {
        let fill = |w: u16| (u32::from(w) * 9 / 10).max(1);
        let full = l.shape.en_measure(l.full_width());
        let (en, zh, zh_alone) = if l.side {
            (l.left_w, l.right_w, l.right_w)
        } else {
            let zh = l.shape.zh_measure(l.left_w.saturating_sub(STACK_INDENT));
            (
                l.shape.en_measure(l.left_w),
                zh,
                l.shape.zh_measure(l.left_w),
            )
        };
        Measures {
            en: fill(en),
            zh: fill(zh),
            zh_alone: fill(zh_alone),
            note: fill(full.saturating_sub(NOTE_GUTTER)),
        }
    }
}

/// The estimated rows of a text of `cells` cells in lines of `fill` cells. Only lengths are
/// read, so that estimating a whole call touches none of its text.
fn lines(cells: u32, fill: u32) -> u32 {
    cells.div_ceil(fill).max(1)
}

/// The rows of turn `i`'s banners and header.
fn head_height(t: &Transcript, ix: &DocIndex, i: usize) -> u32 {
    let section = i == 0 || t.turns[i - 1].section != t.turns[i].section;
    2 * u32::from(section)
        + u32::from(ix.opens_question[i].is_some())
        + u32::from(ix.closing == Some(i))
        + 1
}

/// Rows being laid out for one unit.
struct Rows<'s> {
    shape: &'s Shape,
    side: bool,
    left_w: u16,
    right_w: u16,
    rows: Vec<Row>,
}

impl Rows<'_> {
    /// Turn `i`'s section heading, question banner, closing heading and header.
    fn head(&mut self, t: &Transcript, ix: &DocIndex, i: usize) {
        let turn = &t.turns[i];
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
    }

    /// Paragraph `p` of the material before or after the call (owned by turn `turn`).
    fn matter(&mut self, turn: usize, text: &str, p: u32, back: bool) {
        let w = self.shape.en_measure(self.shape.width.max(4));
        for r in self.wrap(text, w.into()) {
            let (start, end) = (r.start as u32, r.end as u32);
            let kind = RowKind::Matter {
                back,
                para: p,
                start,
                end,
            };
            self.push(turn, NO_BLOCK, kind);
        }
        self.push(turn, NO_BLOCK, RowKind::Blank);
    }

    /// One block with the blank after it and `note` under it; nothing when the view hides it.
    fn block(&mut self, turn: usize, b: usize, block: &Block, note: Option<(u32, &str)>) {
        let full = self.shape.width.max(4);
        match block {
            Block::Note { note } => {
                if !self.shape.notes {
                    return;
                }
                self.push(turn, b as u32, RowKind::NoteLabel);
                let w = self.shape.en_measure(full.saturating_sub(NOTE_GUTTER));
                for r in self.wrap(note, w.into()) {
                    self.push(turn, b as u32, RowKind::Note(piece(Src::Note, r)));
                }
            }
            Block::Para { en, zh } => {
                let en = en.as_deref().filter(|_| self.shape.lang != LangView::Zh);
                let zh = zh.as_deref().filter(|_| self.shape.lang != LangView::En);
                if en.is_none() && zh.is_none() {
                    return;
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
                if let Some((note, text)) = note {
                    let w = self.shape.en_measure(full).saturating_sub(NOTE_GUTTER);
                    for r in self.wrap(text, w.into()) {
                        let (start, end) = (r.start as u32, r.end as u32);
                        self.push(turn, b as u32, RowKind::MarkNote { note, start, end });
                    }
                }
            }
        }
        self.push(turn, b as u32, RowKind::Blank);
    }

    /// A paragraph as two top-aligned columns, as tall as the taller side.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::{Speaker, Turn};

    #[test]
    fn a_layout_is_for_its_shape_and_the_notes_it_shows() {
        let t = Transcript {
            speakers: vec![Speaker {
                name: "A".into(),
                ..Default::default()
            }],
            turns: vec![Turn {
                blocks: vec![Block::Para {
                    en: Some("Revenue grew.".into()),
                    zh: None,
                }],
                ..Default::default()
            }],
            ..Default::default()
        };
        let ix = DocIndex::new(&t);
        let shape = Shape {
            width: 80,
            lang: LangView::Both,
            stacked: false,
            notes: true,
            wide_ambiguous: false,
            max_width: MAX_WIDTH,
            mark_notes: true,
        };
        let notes = vec![(0, 0, "check this".to_string())];
        let other = vec![(0, 0, "check that".to_string())];
        let l = Layout::build(&t, &ix, shape, &notes);
        assert!(l.is_for(shape, &notes));
        assert!(!l.is_for(shape, &other), "another note");
        assert!(!l.is_for(shape, &[]), "a note gone");
        assert!(!l.is_for(Shape { width: 81, ..shape }, &notes));
        let hidden = Shape {
            mark_notes: false,
            ..shape
        };
        let l = Layout::build(&t, &ix, hidden, &notes);
        assert!(l.is_for(hidden, &other), "notes not shown do not matter");
        assert!(
            !Layout::empty(shape).is_for(shape, &[]),
            "a placeholder is for nothing"
        );
    }
}
