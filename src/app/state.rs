//! The reader's state: the transcript, its layout for the current width, the position and
//! the modes (focus, overlays, search, view options).

use std::sync::Arc;

use ratatui::layout::Rect;
use ratatui_textarea::TextArea;

use crate::app::layout::{LangView, Layout, NO_BLOCK, Row, STACK_BELOW, Shape};
use crate::transcript::Transcript;

use super::figures::Figures;
use super::index::DocIndex;
use super::marks::Marks;
use super::prefs::Prefs;
use super::search::{Haystack, Match, Place, Scope};

use super::shown::Shown;

/// The most text a keystroke in the search input reads for the first match near the screen
/// before it finds every match instead.
const NEARBY: usize = 1 << 19;

/// The layouts of views left that are kept ([`App::spare_layouts`]).
const SPARE_LAYOUTS: usize = 3;

/// What a keystroke in the search input found ([`App::find_nearby`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nearby {
    /// Every match (`search.matches`, maybe none).
    All,
    /// The first match from where the search began; the rest wait.
    First(Match),
}

/// Where `m` is in `matches` (in reading order).
fn position_of(matches: &[Match], m: Match) -> Option<usize> {
    let from = matches.partition_point(|x| x.place < m.place);
    matches[from..]
        .iter()
        .take_while(|x| x.place == m.place)
        .position(|x| *x == m)
        .map(|i| from + i)
}

/// Which pane receives the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Reader,
    List,
}

/// A window drawn over the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help {
        scroll: u16,
    },
    Analysts {
        selected: usize,
    },
    Bookmarks {
        selected: usize,
    },
    /// The call overview (`i`): the selected line.
    Overview {
        selected: usize,
    },
    /// Every figure pair of the call: the selected line.
    FigureList {
        selected: usize,
    },
}

/// How paragraphs in two languages are arranged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrangement {
    /// Side by side when the pane is wide enough, else stacked.
    Auto,
    SideBySide,
    Stacked,
}

/// What the reading pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct View {
    pub lang: LangView,
    pub arrangement: Arrangement,
    pub notes: bool,
    /// East Asian ambiguous-width characters take two cells (the terminal is set so).
    pub wide_ambiguous: bool,
    /// The reading measure in cells (0: the whole width).
    pub max_width: u16,
    /// Bookmark notes shown under their paragraphs.
    pub mark_notes: bool,
    /// The turn list shown beside the reading pane (when the terminal is wide enough).
    pub turn_list: bool,
}

/// A reading position independent of the width: a turn, a block in it, a line in that.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Anchor {
    pub turn: usize,
    pub block: Option<usize>,
    pub line: usize,
}

/// The search input and its results.
#[derive(Debug, Default)]
pub struct SearchState {
    /// The input line, while open.
    pub input: Option<TextArea<'static>>,
    pub query: String,
    pub matches: Vec<Match>,
    /// Index into `matches` of the current match.
    pub current: Option<usize>,
    /// True when `matches` holds only the matches near the screen: in a long call, typing
    /// finds those, and the rest wait for a pause ([`App::complete_search`]).
    pub partial: bool,
    /// Where the reader was when the search started: restored on cancel, recorded as a
    /// jump when a match is kept.
    pub from: Option<super::jumps::Place>,
}

/// A message in the status line until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// Screen areas the last frame used, for mapping mouse clicks.
#[derive(Debug, Clone, Copy, Default)]
pub struct Areas {
    pub list: Rect,
    pub reading: Rect,
    /// First turn-list entry shown.
    pub list_offset: usize,
}

/// The whole state of the reader.
#[derive(Debug)]
pub struct App {
    /// The call (shared with the thread that folds it for searching).
    pub doc: Arc<Transcript>,
    pub index: DocIndex,
    /// The file shown (a path, or the sample's name).
    pub source: String,
    pub view: View,
    pub layout: Layout,
    /// The layouts of the last views and widths left, most recent last: switching back to
    /// one (`s`, `c`, `l` pressed again, a terminal resized back) costs nothing to lay out.
    pub spare_layouts: Vec<Layout>,
    /// Rows of text the reading pane shows.
    pub height: usize,
    /// First row shown.
    pub top: usize,
    /// The reading cursor: the first row of the paragraph it is on (always one of the
    /// layout's stops). Bookmarks, notes and copying act on that paragraph.
    pub cursor: usize,
    /// A count typed before a motion (`5j`, `7g`).
    pub count: Option<u32>,
    /// Where jumps came from, for going back and forth (also across calls).
    pub jumps: super::jumps::Jumps,
    pub focus: Focus,
    /// The turn-list selection while the list has focus.
    pub list_sel: usize,
    pub overlay: Overlay,
    /// The lines of the overview or the figure list while one is open.
    pub sheet: Vec<super::sheets::SheetLine>,
    pub search: SearchState,
    /// The call's texts folded for searching, built at the first search.
    pub haystack: Option<super::search::Haystack>,
    /// The same being built on another thread (see [`App::prepare_search`]).
    pub haystack_job: Option<std::sync::mpsc::Receiver<super::search::Haystack>>,
    pub status: Option<Status>,
    pub areas: Areas,
    /// Bookmarks: the store, this call's marks, the panel and the note editor.
    pub marks: Marks,
    /// The call's figures (analysed once on opening) and their highlighting.
    pub figures: Figures,
    /// The settings in effect: keys, colours, Chinese script.
    pub prefs: Prefs,
    /// The call's names, titles and surrounding material in the Chinese script shown.
    pub shown: Shown,
    /// The turn list's wanted width, for the script and call it was measured for.
    pub list_want: Vec<(crate::script::ChineseScript, String, u16)>,
    /// Text waiting to be sent to the terminal's clipboard (OSC 52) after this update.
    pub clipboard: Option<String>,
    pub quit: bool,
    /// Set when the user asked to suspend; the event loop does it and clears this.
    pub suspend: bool,
    /// Another call to open (a bookmark's): the event loop loads it and hands it back
    /// through [`App::open_for_bookmark`].
    pub open_request: Option<OpenRequest>,
}

/// Another call the event loop is asked to open, and where to go in it.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenRequest {
    pub files: Vec<std::path::PathBuf>,
    pub target: OpenTarget,
}

/// Where to go in a call opened for the reader.
#[derive(Debug, Clone, PartialEq)]
pub enum OpenTarget {
    /// A bookmark's paragraph.
    Bookmark(Box<crate::bookmarks::Bookmark>),
    /// A place left by a jump, going back (or forward) through the jump list.
    Place(super::jumps::Place),
}

impl App {
    /// Opens `doc` for a reading pane of `width` x `height` cells, laid out and its figures
    /// analysed.
    pub fn new(doc: Transcript, source: &str, width: u16, height: u16) -> Self {
        let mut app = App::unlaid(doc, source);
        app.figures = Figures::new(&app.doc);
        app.set_viewport(width, height);
        app
    }

    /// Opens `doc` without laying it out (the first [`App::set_viewport`] does, once the pane's
    /// size is known) and with its figures left for [`App::analyse_figures`]: what the reader
    /// does to draw its first frame soonest.
    pub fn unlaid(doc: Transcript, source: &str) -> Self {
        let width = 0;
        let height: u16 = 1;
        let index = DocIndex::new(&doc);
        let view = View {
            lang: LangView::Both,
            arrangement: Arrangement::Auto,
            notes: true,
            wide_ambiguous: false,
            max_width: super::layout::MAX_WIDTH,
            mark_notes: false,
            turn_list: true,
        };
        let layout = Layout::empty(shape(view, width));
        let marks = Marks::new(&doc, Vec::new());
        let figures = Figures::later();
        App {
            doc: Arc::new(doc),
            index,
            source: source.to_string(),
            view,
            layout,
            spare_layouts: Vec::new(),
            height: height.max(1).into(),
            top: 0,
            cursor: 0,
            count: None,
            jumps: Default::default(),
            focus: Focus::Reader,
            list_sel: 0,
            overlay: Overlay::None,
            sheet: Vec::new(),
            search: SearchState::default(),
            haystack: None,
            haystack_job: None,
            status: None,
            areas: Areas::default(),
            marks,
            figures,
            prefs: Prefs::default(),
            shown: Shown::default(),
            list_want: Vec::new(),
            clipboard: None,
            quit: false,
            suspend: false,
            open_request: None,
        }
    }

    /// Adapts to a reading pane of `width` x `height`, keeping the reading position (the
    /// first call lays the call out).
    pub fn set_viewport(&mut self, width: u16, height: u16) {
        self.height = height.max(1).into();
        if self.layout.shape.width != width || !self.layout.laid {
            self.relayout(shape(self.view, width));
        }
    }

    /// Lays the text out again for `shape`, keeping the reading position and the cursor.
    pub fn relayout(&mut self, shape: Shape) {
        let anchor = self.anchor();
        let cursor = self.anchor_at(self.cursor);
        let notes = self.mark_notes();
        let kept = self
            .spare_layouts
            .iter()
            .position(|l| l.is_for(shape, &notes));
        let layout = match kept {
            Some(i) => self.spare_layouts.remove(i),
            None => Layout::build(&self.doc, &self.index, shape, &notes),
        };
        let left = std::mem::replace(&mut self.layout, layout);
        if left.laid {
            if self.spare_layouts.len() == SPARE_LAYOUTS {
                self.spare_layouts.remove(0);
            }
            self.spare_layouts.push(left);
        }
        self.top = self.row_of(anchor);
        self.cursor = self.stop_of(self.row_of(cursor));
        self.settle();
        self.keep_cursor();
    }

    /// Lays out the paragraphs on screen and a screen's worth either side, keeping the top
    /// row and the cursor on the text they show while estimated heights become exact.
    /// Every change of the top row ends here; it costs nothing when those rows are laid out.
    pub fn settle(&mut self) {
        self.lay_out_around(self.height, 2 * self.height);
    }

    /// Lays out `above` rows before the top row and `below` rows from it, moving the top row
    /// and the cursor with their text as estimated heights become exact.
    pub fn lay_out_around(&mut self, above: usize, below: usize) {
        if !self.layout.laid {
            return;
        }
        let top = self.layout.unit_anchor(self.top);
        let cursor = self.layout.unit_anchor(self.cursor);
        let (doc, ix) = (&self.doc, &self.index);
        let after = self.layout.lay_out(doc, ix, self.top..self.top + below);
        let top_row = self.layout.row_of_unit_anchor(top);
        let before = self.layout.lay_out_above(doc, ix, top_row, above);
        if after.is_some() || before.is_some() {
            self.top = self.layout.row_of_unit_anchor(top);
            self.cursor = self.stop_of(self.layout.row_of_unit_anchor(cursor));
        }
    }

    /// Row `row` of the reading pane.
    pub fn row(&self, row: usize) -> Option<Row> {
        self.layout.row(&self.doc, &self.index, row)
    }

    /// The notes of this call's bookmarks, by place, for showing under their paragraphs.
    pub fn mark_notes(&self) -> Vec<(usize, usize, String)> {
        if !self.view.mark_notes {
            return Vec::new();
        }
        let all = self.marks.store.bookmarks();
        self.marks
            .placed
            .iter()
            .filter_map(|(turn, block, id)| {
                let b = all.iter().find(|b| &b.id == id)?;
                let note = b.note.trim();
                (!note.is_empty()).then(|| (*turn, *block, note.to_string()))
            })
            .collect()
    }

    /// Re-lays out after a change of `view` (nothing to do before the first layout).
    pub fn apply_view(&mut self) {
        if self.layout.laid {
            self.relayout(shape(self.view, self.layout.shape.width));
        }
    }

    /// The matches of the current query in what the view shows (the call's texts prepared
    /// for search once, at its first search if [`App::prepare_search`] has not).
    pub fn search_matches(&mut self) -> Vec<super::search::Match> {
        let scope = self.scope();
        // The last matches' buffer is filled again.
        let mut out = std::mem::take(&mut self.search.matches);
        self.with_haystack(|hay, t, ix, query| hay.find_into(t, ix, query, scope, &mut out));
        out
    }

    /// Finds every match of the current query: the count is complete.
    pub fn find_all(&mut self) {
        self.search.matches = self.search_matches();
        self.search.partial = false;
    }

    /// What a keystroke in the search input finds: every match when that is quick, else
    /// ([`Nearby::First`]) the first match at or after `from` (round the end of the call), to
    /// be shown while the rest wait; every match, too, when the first is far.
    pub fn find_nearby(&mut self, from: Place) -> Nearby {
        let scope = self.scope();
        let first = self.with_haystack(|hay, t, ix, query| {
            if hay.finds_all_cheaply(query) {
                None
            } else {
                hay.first_from(t, ix, query, scope, from, NEARBY).ok()
            }
        });
        match first {
            Some(Some(m)) => {
                self.search.matches = vec![m];
                self.search.partial = true;
                Nearby::First(m)
            }
            Some(None) => {
                self.search.matches.clear();
                self.search.partial = false;
                Nearby::All
            }
            None => {
                self.find_all();
                Nearby::All
            }
        }
    }

    /// Makes the matches those from place `a` to place `b`, keeping `current` current: what
    /// the screen shows of a search [`App::find_nearby`] left partial.
    pub fn find_between(&mut self, between: (Place, Place), current: Match) {
        let scope = self.scope();
        self.search.matches =
            self.with_haystack(|hay, t, ix, query| hay.find_between(t, ix, query, scope, between));
        self.search.current = position_of(&self.search.matches, current);
    }

    /// Finds every match of a search typed in a long call, of which only those near the
    /// screen were found, keeping the current match current; true when there was one to
    /// complete.
    pub fn complete_search(&mut self) -> bool {
        if !self.search.partial {
            return false;
        }
        let current = self
            .search
            .current
            .and_then(|i| self.search.matches.get(i).copied());
        self.find_all();
        self.search.current = current.and_then(|m| position_of(&self.search.matches, m));
        true
    }

    /// Calls `f` with the call's texts prepared for search (from the folding thread, waited
    /// for if it is still at work, or folded here if there is none or it failed), the call,
    /// its index and the query.
    fn with_haystack<R>(
        &mut self,
        f: impl FnOnce(&mut Haystack, &Transcript, &DocIndex, &str) -> R,
    ) -> R {
        if self.haystack.is_none() {
            let folded = self.haystack_job.take().and_then(|job| job.recv().ok());
            self.haystack = folded.or_else(|| Some(Haystack::new(&self.doc)));
        }
        let hay = self.haystack.get_or_insert_with(Default::default);
        f(hay, &self.doc, &self.index, &self.search.query)
    }

    /// Starts folding the call's texts for searching on another thread, if that was not
    /// done or started yet (the reader does it after the first frame, so that typing a
    /// search finds it ready and keys are not held up meanwhile); true when it started.
    pub fn prepare_search(&mut self) -> bool {
        if self.haystack.is_some() || self.haystack_job.is_some() {
            return false;
        }
        let doc = Arc::clone(&self.doc);
        let (done, job) = std::sync::mpsc::channel();
        let started = std::thread::Builder::new()
            .name("search-fold".into())
            .spawn(move || {
                let _ = done.send(super::search::Haystack::new(&doc));
            });
        // (Without a thread, the first search folds the texts itself.)
        self.haystack_job = started.ok().map(|_| job);
        self.haystack_job.is_some()
    }

    /// What the current view searches.
    pub fn scope(&self) -> Scope {
        Scope {
            lang: self.view.lang,
            notes: self.view.notes,
        }
    }

    /// The position of the top row.
    pub fn anchor(&self) -> Anchor {
        self.anchor_at(self.top)
    }

    /// The position of row `at`, independent of the width.
    pub fn anchor_at(&self, at: usize) -> Anchor {
        let Some(row) = self.row(at) else {
            return Anchor::default();
        };
        let turn = row.turn as usize;
        if row.block == NO_BLOCK {
            let line = at - self.layout.turn_row(turn);
            return Anchor {
                turn,
                block: None,
                line,
            };
        }
        let id = self.index.block_id(turn, row.block as usize);
        let (start, _) = self.layout.block_span(id);
        Anchor {
            turn,
            block: Some(row.block as usize),
            line: at - start,
        }
    }

    /// The row of `a` in the current layout (a nearby row when it no longer exists).
    pub fn row_of(&self, a: Anchor) -> usize {
        let turns = self.doc.turns.len();
        if turns == 0 {
            return 0;
        }
        let turn = a.turn.min(turns - 1);
        let blocks = self.doc.turns[turn].blocks.len();
        let (start, end) = match a.block.filter(|&b| b < blocks) {
            Some(b) => self.layout.block_span(self.index.block_id(turn, b)),
            None => (self.layout.turn_row(turn), self.layout.turn_row(turn + 1)),
        };
        (start + a.line).min(end.saturating_sub(1)).max(start)
    }

    /// The turn the reading cursor is in.
    pub fn current_turn(&self) -> usize {
        self.row(self.cursor).map_or(0, |r| r.turn as usize)
    }

    /// The highest top row a jump may reach (the last row at the top).
    pub fn max_jump(&self) -> usize {
        self.layout.len().saturating_sub(1)
    }

    /// The top row that shows the last page (under the speaker line kept at the top).
    pub fn last_page(&self) -> usize {
        let h = self.height.saturating_sub(1).max(1);
        self.layout.len().saturating_sub(h)
    }

    /// Shows `text` in the status line until the next key.
    pub fn say(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }

    /// Shows an error in the status line.
    pub fn warn(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
        });
    }
}

/// The layout inputs for `view` at `width`.
pub fn shape(view: View, width: u16) -> Shape {
    let stacked = match view.arrangement {
        Arrangement::Auto => width < STACK_BELOW,
        Arrangement::SideBySide => false,
        Arrangement::Stacked => true,
    };
    Shape {
        width,
        lang: view.lang,
        stacked,
        notes: view.notes,
        wide_ambiguous: view.wide_ambiguous,
        max_width: view.max_width,
        mark_notes: view.mark_notes,
    }
}

impl App {
    /// Where keys go now: the open overlay or input, else the focused pane.
    pub fn context(&self) -> super::keymap::Context {
        use super::keymap::Context;
        if self.marks.editor.is_some() {
            return Context::Note;
        }
        match (self.overlay, &self.search.input, self.focus) {
            (Overlay::Help { .. }, _, _) => Context::Help,
            (Overlay::Bookmarks { .. }, _, _) => Context::Marks,
            (Overlay::Analysts { .. }, _, _) => Context::Picker,
            (Overlay::Overview { .. } | Overlay::FigureList { .. }, _, _) => Context::Sheet,
            (_, Some(_), _) => Context::Search,
            (_, None, Focus::List) => Context::List,
            (_, None, Focus::Reader) => Context::Reader,
        }
    }
}
