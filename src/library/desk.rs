//! The library's other two views: search every call, and follow analysts across calls.
//! Both read the calls the list knows ([`Library`]) and keep their own query, lines and
//! selection; opening a line gives the files and where to start in them.

use std::path::{Path, PathBuf};

use super::analysts::{self, Analyst};
use super::list::{Entry, Library};
use super::search::{self, Kind, Target};
use crate::app::jumps::Start;

/// Which view the library shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Calls,
    Search,
    Analysts,
}

impl View {
    /// The next view (`Tab`), or the one before (`Shift-Tab`).
    pub fn cycle(self, forward: bool) -> View {
        let all = [View::Calls, View::Search, View::Analysts];
        let i = all.iter().position(|&v| v == self).unwrap_or(0);
        all[(i + if forward { 1 } else { 2 }) % 3]
    }

    /// The view's name on its tab.
    pub fn name(self) -> &'static str {
        match self {
            View::Calls => "Calls",
            View::Search => "Search",
            View::Analysts => "Analysts",
        }
    }
}

/// A call as the other views name it: the files that open it, company, period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallName {
    pub files: Vec<PathBuf>,
    pub company: Option<String>,
    pub period: Option<String>,
}

/// One line of the search view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HitLine {
    pub call: CallName,
    pub speaker: String,
    /// 0: not in a question.
    pub question: u32,
    pub kind: Kind,
    pub snippet: String,
    /// Byte range of the match in the snippet.
    pub mark: Option<(usize, usize)>,
    pub turn: u32,
    pub block: u32,
}

impl HitLine {
    /// Where the reader starts: the paragraph, the match shown as the reader's search.
    pub fn start(&self) -> Start {
        let found = self
            .mark
            .and_then(|(a, b)| self.snippet.get(a..b))
            .map(String::from);
        Start::Block {
            turn: self.turn as usize,
            block: self.block as usize,
            found,
        }
    }
}

/// The search view: the query, what it found, the selection.
#[derive(Debug, Clone, Default)]
pub struct SearchView {
    pub query: String,
    /// The query the lines were found for.
    pub searched: String,
    pub lines: Vec<HitLine>,
    /// Texts matching in all (more than `lines` when cut at [`search::MAX_HITS`]).
    pub total: usize,
    /// Calls searched.
    pub calls: usize,
    pub selected: usize,
    pub top: usize,
}

/// One line of the analysts view: an analyst, or (under one expanded) a call they asked in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnalystLine {
    Analyst(usize),
    /// Analyst, index into their `asked`.
    Call(usize, usize),
}

/// The analysts view.
#[derive(Debug, Clone, Default)]
pub struct AnalystsView {
    pub query: String,
    pub all: Vec<Analyst>,
    /// The calls `all` refers to.
    pub calls: Vec<CallName>,
    pub lines: Vec<AnalystLine>,
    /// Analysts shown with their calls.
    pub expanded: Vec<usize>,
    pub selected: usize,
    pub top: usize,
    /// Calls read when the analysts were gathered (gathered again when more are read).
    gathered_from: Option<usize>,
}

/// The two views together.
#[derive(Debug, Clone, Default)]
pub struct Desk {
    pub view: View,
    pub search: SearchView,
    pub analysts: AnalystsView,
}

/// The calls of `lib` in its order, each once: a pair as its two files (aligned when
/// opened) with the English file's facts; with each, its rows (a pair's English one first).
pub fn calls(lib: &Library) -> Vec<(CallName, Vec<usize>)> {
    let mut out = Vec::new();
    for e in &lib.shown {
        let (rows, files) = match *e {
            Entry::File(i) => (vec![i], vec![lib.rows[i].file.path.clone()]),
            Entry::Pair { en, zh } => (
                vec![en, zh],
                vec![
                    lib.rows[en].file.path.clone(),
                    lib.rows[zh].file.path.clone(),
                ],
            ),
            Entry::Member(_) => continue,
        };
        let lead = &lib.rows[rows[0]];
        let Some(m) = lead.meta() else { continue };
        out.push((
            CallName {
                files,
                company: lead.company.clone().or_else(|| m.company.clone()),
                period: m.period.clone(),
            },
            rows,
        ));
    }
    out
}

impl Desk {
    /// Searches every call of `lib` for the search view's query (index in `dir`).
    pub fn run_search(&mut self, lib: &Library, dir: Option<&Path>, encoding: Option<&str>) {
        let s = &mut self.search;
        s.searched = s.query.clone();
        s.lines.clear();
        s.total = 0;
        s.selected = 0;
        s.top = 0;
        let calls = calls(lib);
        s.calls = calls.len();
        if s.query.trim().is_empty() {
            return;
        }
        // Each file searched; a hit in a pair's file opens that file alone, where the
        // paragraph numbers are its own.
        let mut names = Vec::new();
        let mut targets = Vec::new();
        for (name, rows) in &calls {
            for &r in rows {
                let row = &lib.rows[r];
                if let Some(m) = row.meta() {
                    targets.push(Target {
                        path: row.file.path.clone(),
                        hash: m.call_hash.clone(),
                    });
                    names.push(CallName {
                        files: vec![row.file.path.clone()],
                        ..name.clone()
                    });
                }
            }
        }
        let found = search::search(dir, &targets, &s.query, encoding);
        s.total = found.total;
        s.lines = found
            .hits
            .into_iter()
            .map(|h| HitLine {
                call: names[h.call].clone(),
                speaker: h.speaker,
                question: h.question,
                kind: h.kind,
                snippet: h.snippet,
                mark: h.mark,
                turn: h.turn,
                block: h.block,
            })
            .collect();
    }

    /// Gathers the analysts of `lib`'s calls, unless no call was read since last time.
    pub fn gather_analysts(&mut self, lib: &Library) {
        let read = lib.counts().0;
        if self.analysts.gathered_from == Some(read) {
            return;
        }
        let calls = calls(lib);
        let a = &mut self.analysts;
        a.gathered_from = Some(read);
        let metas: Vec<&super::meta::Meta> = calls
            .iter()
            .filter_map(|(_, rows)| lib.rows[rows[0]].meta())
            .collect();
        a.all = analysts::gather(&metas);
        a.calls = calls.into_iter().map(|c| c.0).collect();
        a.expanded.clear();
        self.filter_analysts();
    }

    /// Recomputes the analysts view's lines for its query.
    pub fn filter_analysts(&mut self) {
        let a = &mut self.analysts;
        let keep = a.lines.get(a.selected).copied();
        a.lines.clear();
        for (i, an) in a.all.iter().enumerate() {
            if !an.matches(&a.query) {
                continue;
            }
            a.lines.push(AnalystLine::Analyst(i));
            if a.expanded.contains(&i) {
                a.lines
                    .extend((0..an.asked.len()).map(|k| AnalystLine::Call(i, k)));
            }
        }
        a.selected = keep
            .and_then(|k| a.lines.iter().position(|&l| l == k))
            .unwrap_or(0);
    }

    /// Shows (`open`) or hides the calls of the selected analyst; false when there is none.
    pub fn expand_analyst(&mut self, open: bool) -> bool {
        let a = &mut self.analysts;
        let Some(&line) = a.lines.get(a.selected) else {
            return false;
        };
        let i = match line {
            AnalystLine::Analyst(i) | AnalystLine::Call(i, _) => i,
        };
        if open {
            if !a.expanded.contains(&i) {
                a.expanded.push(i);
            }
        } else {
            a.expanded.retain(|&x| x != i);
        }
        self.filter_analysts();
        let a = &mut self.analysts;
        if !open {
            a.selected = a
                .lines
                .iter()
                .position(|&l| l == AnalystLine::Analyst(i))
                .unwrap_or(0);
        }
        true
    }

    /// What `Enter` opens in the current view: files and where to start. In the analysts
    /// view an analyst's line opens their most recent question.
    pub fn opened(&self) -> Option<(Vec<PathBuf>, Start)> {
        match self.view {
            View::Calls => None,
            View::Search => {
                let h = self.search.lines.get(self.search.selected)?;
                Some((h.call.files.clone(), h.start()))
            }
            View::Analysts => {
                let a = &self.analysts;
                let (i, k) = match *a.lines.get(a.selected)? {
                    AnalystLine::Analyst(i) => (i, 0),
                    AnalystLine::Call(i, k) => (i, k),
                };
                let (call, questions) = a.all.get(i)?.asked.get(k)?;
                let q = *questions.first()?;
                Some((
                    a.calls.get(*call)?.files.clone(),
                    Start::Question(q as usize),
                ))
            }
        }
    }

    /// Lines in the current view (not the calls view).
    pub fn len(&self) -> usize {
        match self.view {
            View::Calls => 0,
            View::Search => self.search.lines.len(),
            View::Analysts => self.analysts.lines.len(),
        }
    }

    /// True when the current view has no lines.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The current view's selection, to move.
    pub fn selected_mut(&mut self) -> &mut usize {
        match self.view {
            View::Analysts => &mut self.analysts.selected,
            _ => &mut self.search.selected,
        }
    }

    /// Moves the current view's selection by `delta`, stopping at the ends.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.len().saturating_sub(1);
        let sel = self.selected_mut();
        *sel = sel.saturating_add_signed(delta).min(last);
    }
}
