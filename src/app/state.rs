//! The reader's state: the transcript, its layout for the current width, the position and
//! the modes (focus, overlays, search, view options).

use ratatui::layout::Rect;
use ratatui_textarea::TextArea;

use crate::app::layout::{LangView, Layout, NO_BLOCK, STACK_BELOW, Shape};
use crate::transcript::Transcript;

use super::figures::Figures;
use super::index::DocIndex;
use super::marks::Marks;
use super::prefs::Prefs;
use super::search::{Match, Scope};
use super::shown::Shown;

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
    Help { scroll: u16 },
    Analysts { selected: usize },
    Bookmarks { selected: usize },
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
    /// The top row when the search started, restored on cancel.
    pub origin: usize,
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
    pub doc: Transcript,
    pub index: DocIndex,
    /// The file shown (a path, or the sample's name).
    pub source: String,
    pub view: View,
    pub layout: Layout,
    /// Rows of text the reading pane shows.
    pub height: usize,
    /// First row shown.
    pub top: usize,
    pub focus: Focus,
    /// The turn-list selection while the list has focus.
    pub list_sel: usize,
    pub overlay: Overlay,
    pub search: SearchState,
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
    /// Text waiting to be sent to the terminal's clipboard (OSC 52) after this update.
    pub clipboard: Option<String>,
    pub quit: bool,
    /// Set when the user asked to suspend; the event loop does it and clears this.
    pub suspend: bool,
    /// Another call to open (a bookmark's): the event loop loads it and hands it back
    /// through [`App::open_for_bookmark`].
    pub open_request: Option<OpenRequest>,
}

/// A bookmark in another call, whose files the event loop is asked to open.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenRequest {
    pub files: Vec<std::path::PathBuf>,
    pub bookmark: crate::bookmarks::Bookmark,
}

impl App {
    /// Opens `doc` for a reading pane of `width` x `height` cells.
    pub fn new(doc: Transcript, source: &str, width: u16, height: u16) -> Self {
        let index = DocIndex::new(&doc);
        let view = View {
            lang: LangView::Both,
            arrangement: Arrangement::Auto,
            notes: true,
            wide_ambiguous: false,
        };
        let layout = Layout::build(&doc, &index, shape(view, width));
        let marks = Marks::new(&doc, Vec::new());
        let figures = Figures::new(&doc);
        App {
            doc,
            index,
            source: source.to_string(),
            view,
            layout,
            height: height.max(1).into(),
            top: 0,
            focus: Focus::Reader,
            list_sel: 0,
            overlay: Overlay::None,
            search: SearchState::default(),
            status: None,
            areas: Areas::default(),
            marks,
            figures,
            prefs: Prefs::default(),
            shown: Shown::default(),
            clipboard: None,
            quit: false,
            suspend: false,
            open_request: None,
        }
    }

    /// Adapts to a reading pane of `width` x `height`, keeping the reading position.
    pub fn set_viewport(&mut self, width: u16, height: u16) {
        self.height = height.max(1).into();
        if self.layout.shape.width != width {
            self.relayout(shape(self.view, width));
        }
    }

    /// Lays the text out again for `shape`, keeping the reading position.
    pub fn relayout(&mut self, shape: Shape) {
        let anchor = self.anchor();
        self.layout = Layout::build(&self.doc, &self.index, shape);
        self.top = self.row_of(anchor);
    }

    /// Re-lays out after a change of `view`.
    pub fn apply_view(&mut self) {
        self.relayout(shape(self.view, self.layout.shape.width));
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
        let Some(row) = self.layout.rows.get(self.top) else {
            return Anchor::default();
        };
        let turn = row.turn as usize;
        if row.block == NO_BLOCK {
            let line = self.top - self.layout.turn_row(turn);
            return Anchor {
                turn,
                block: None,
                line,
            };
        }
        let id = self.index.block_id(turn, row.block as usize);
        let (start, _) = self.layout.block_span(id, turn);
        Anchor {
            turn,
            block: Some(row.block as usize),
            line: self.top - start,
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
            Some(b) => self.layout.block_span(self.index.block_id(turn, b), turn),
            None => (self.layout.turn_row(turn), self.layout.turn_row(turn + 1)),
        };
        (start + a.line).min(end.saturating_sub(1)).max(start)
    }

    /// The turn at the top of the reading pane.
    pub fn current_turn(&self) -> usize {
        self.layout
            .rows
            .get(self.top)
            .map_or(0, |r| r.turn as usize)
    }

    /// The highest top row a jump may reach (the last row at the top).
    pub fn max_jump(&self) -> usize {
        self.layout.rows.len().saturating_sub(1)
    }

    /// The top row that shows the last page.
    pub fn last_page(&self) -> usize {
        self.layout.rows.len().saturating_sub(self.height)
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
            (_, Some(_), _) => Context::Search,
            (_, None, Focus::List) => Context::List,
            (_, None, Focus::Reader) => Context::Reader,
        }
    }
}
