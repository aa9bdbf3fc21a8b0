//! The library's list: the files with what is known of them, the filter, the order and the
//! selection. Rows keep their scan index; the visible order is recomputed when rows or the
//! filter change, and the selection stays on the same file. Calls are grouped by company
//! ([`Companies`]: names, tickers and scripts joined), and an English call with its Chinese
//! translation shows as one entry ([`pairs`](super::pairs)), its files a step away.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use super::identity::{Companies, Identity};
use super::loader::Message;
use super::meta::{self, Meta};
use super::scan::FileInfo;
use crate::bookmarks::{Bookmark, CallRef};
use crate::script::ChineseScript;

/// One line of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// A file (a call, or a file not read yet).
    File(usize),
    /// An English call and its Chinese translation, opened aligned.
    Pair { en: usize, zh: usize },
    /// One file of the pair above it, shown when the pair is expanded.
    Member(usize),
}

impl Entry {
    /// The row that stands for the entry (a pair's English file).
    pub fn row(self) -> usize {
        match self {
            Entry::File(i) | Entry::Member(i) | Entry::Pair { en: i, .. } => i,
        }
    }

    /// True when the entry is, or holds, row `i`.
    fn holds(self, i: usize) -> bool {
        match self {
            Entry::File(j) | Entry::Member(j) => i == j,
            Entry::Pair { en, zh } => i == en || i == zh,
        }
    }
}

/// What is known about a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowState {
    /// Not read yet.
    Pending,
    /// A call.
    Call(Box<Meta>),
    /// Not a transcript.
    Skipped,
}

/// One file of the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub file: FileInfo,
    pub state: RowState,
    /// Bookmarks on this call.
    pub bookmarks: usize,
    /// True once its bookmarks are counted.
    pub counted: bool,
    /// The company as the list sorts it (its shown name folded), once the call is read.
    pub company_key: Option<String>,
    /// The company as the list shows it: one name for all the names and scripts it goes by.
    pub company: Option<String>,
    /// What the call says of its company (kept to look the company up again).
    identity: Option<Identity>,
}

impl Row {
    /// The call's metadata, once read.
    pub fn meta(&self) -> Option<&Meta> {
        match &self.state {
            RowState::Call(m) => Some(m),
            _ => None,
        }
    }

    /// True when every word of `terms` (lower case, Chinese in Simplified characters) occurs
    /// in its company (any of its names), title, period or file name, ignoring case and
    /// Chinese script.
    pub fn matches(&self, terms: &[String]) -> bool {
        let mut hay = self.file.rel.to_lowercase();
        if let Some(m) = self.meta() {
            let names = m.names.iter().chain(&m.tickers).chain(&self.company);
            for field in [&m.company, &m.title, &m.period]
                .into_iter()
                .flatten()
                .chain(names)
            {
                hay.push('\n');
                hay.push_str(&field.to_lowercase());
            }
        }
        if !terms.iter().all(|t| t.is_ascii()) {
            hay = crate::script::fold_script(&hay).into_owned();
        }
        terms.iter().all(|t| hay.contains(t.as_str()))
    }
}

/// The list the library screen shows.
#[derive(Debug, Clone, Default)]
pub struct Library {
    /// The folder as given (empty for the recent files).
    pub root: PathBuf,
    /// True for the recently opened files: kept most recent first, not sorted.
    pub recent: bool,
    /// Every file, in scan order (the loader's indices).
    pub rows: Vec<Row>,
    /// Files shown (indices into `rows`): calls and unread files matching the filter, sorted.
    pub order: Vec<usize>,
    /// The lines of the list: `order` with each pair as one entry (and its files under it
    /// when expanded).
    pub shown: Vec<Entry>,
    /// Index into `shown` of the selected line.
    pub selected: usize,
    /// The companies of the calls read so far.
    companies: Companies,
    /// Rows of each company (by sort key).
    by_company: HashMap<String, Vec<usize>>,
    /// Each row's translation in the library, if any.
    pair_of: Vec<Option<usize>>,
    /// Pairs (by English row) shown with their files.
    expanded: Vec<usize>,
    /// First visible row shown (kept by the view).
    pub top: usize,
    /// Rows the list showed last time (kept by the view; a page for PgUp/PgDn).
    pub page: usize,
    query: String,
    /// True once the user moved the selection (until then it stays on the first row).
    chosen: bool,
    /// True when companies were renamed since the order was last sorted.
    renamed: bool,
    /// True while the help shows (over the list).
    pub help: bool,
    /// True once the files are listed; `done` once all are read.
    pub listed: bool,
    pub done: bool,
    /// True when the folder held more files than the scan lists.
    pub truncated: bool,
    /// A message for the status line (an error when `error`).
    pub status: Option<(String, bool)>,
    /// The search and analysts views.
    pub desk: super::desk::Desk,
}

impl Library {
    /// Names companies by the user's `aliases` (shown name → other names and tickers) and
    /// shows Chinese names in `script`; before any file is read.
    pub fn with_companies(
        mut self,
        aliases: &BTreeMap<String, Vec<String>>,
        script: ChineseScript,
    ) -> Self {
        self.companies = Companies::new(aliases, script);
        self
    }

    /// An empty list for the folder `root`, before scanning.
    pub fn new(root: &Path) -> Self {
        Library {
            root: root.to_path_buf(),
            page: 10,
            ..Library::default()
        }
    }

    /// An empty list of the recently opened files, before reading them.
    pub fn recent() -> Self {
        Library {
            recent: true,
            page: 10,
            ..Library::default()
        }
    }

    /// Takes in a loader message.
    pub fn apply(&mut self, msg: Message) {
        match msg {
            Message::Listed(scan) => {
                self.rows = scan.files.into_iter().map(pending).collect();
                self.pair_of = vec![None; self.rows.len()];
                self.truncated = scan.truncated;
                self.listed = true;
            }
            Message::Failed(e) => {
                self.status = Some((format!("Cannot read the folder: {e}"), true));
                self.listed = true;
                self.done = true;
            }
            Message::Loaded(items) => {
                let mut changed = false;
                let mut new = Vec::new();
                for (i, m) in items {
                    if let Some(row) = self.rows.get_mut(i) {
                        row.identity = m.as_ref().map(Meta::identity);
                        if let Some(id) = &row.identity {
                            changed |= self.companies.add(id);
                        }
                        row.state = m.map_or(RowState::Skipped, |m| RowState::Call(Box::new(m)));
                        new.push(i);
                    }
                }
                if changed {
                    // A company now goes by another name, or two became one: name every call
                    // again (the order is then sorted whole).
                    self.by_company.clear();
                    new = (0..self.rows.len()).collect();
                }
                let mut touched = Vec::new();
                for i in new {
                    if let Some(k) = self.name_company(i) {
                        self.by_company.entry(k.clone()).or_default().push(i);
                        touched.push(k);
                    }
                }
                touched.sort_unstable();
                touched.dedup();
                for k in touched {
                    self.pair_company(&k);
                }
                self.renamed |= changed;
            }
            Message::Done { cache_error, .. } => {
                self.done = true;
                if let Some(e) = cache_error {
                    self.status = Some((format!("Library cache not saved: {e}"), true));
                }
            }
        }
    }

    /// Names row `i`'s company from what is known now; its sort key, if it has one.
    fn name_company(&mut self, i: usize) -> Option<String> {
        let row = &mut self.rows[i];
        let named = row
            .identity
            .as_ref()
            .and_then(|id| self.companies.company(id));
        let (key, shown) = match named {
            Some((k, s)) => (Some(k), Some(s)),
            // No name: the title stands in, as the list shows it.
            None => (row.meta().and_then(meta::company_key), None),
        };
        row.company_key = key.clone();
        row.company = shown;
        key.filter(|_| row.company.is_some())
    }

    /// Finds the pairs among company `key`'s calls (not in the recent list).
    fn pair_company(&mut self, key: &str) {
        if self.recent {
            return;
        }
        let Some(members) = self.by_company.get(key) else {
            return;
        };
        let calls: Vec<(usize, &Meta)> = members
            .iter()
            .filter_map(|&i| self.rows[i].meta().map(|m| (i, m)))
            .collect();
        let pairs = super::pairs::find(&calls);
        for &i in members {
            self.pair_of[i] = None;
        }
        for (en, zh) in pairs {
            self.pair_of[en] = Some(zh);
            self.pair_of[zh] = Some(en);
        }
    }

    /// Takes in several loader messages: files read are put in their places in the order
    /// (the rest of the order stays as it is); a new listing is sorted whole.
    pub fn apply_all(&mut self, msgs: Vec<Message>) {
        if msgs.is_empty() {
            return;
        }
        let mut read = Vec::new();
        let mut whole = false;
        for m in msgs {
            match &m {
                Message::Loaded(items) => read.extend(items.iter().map(|(i, _)| *i)),
                _ => whole = true,
            }
            self.apply(m);
        }
        // Many at once (the cached calls arrive together), or companies renamed: one sort.
        if whole || std::mem::take(&mut self.renamed) || read.len() * 8 > self.rows.len() {
            self.refresh();
        } else {
            self.place(&read);
        }
    }

    /// Moves rows `read` (just read) to where the order puts them among the others, which
    /// keep their order: a binary search each, not a sort of the whole list.
    fn place(&mut self, read: &[usize]) {
        let keep = self.kept_selection();
        let mut moved = vec![false; self.rows.len()];
        for &i in read {
            if let Some(m) = moved.get_mut(i) {
                *m = true;
            }
        }
        self.order.retain(|&i| !moved[i]);
        let terms = self.terms();
        for &i in read {
            if !moved.get(i).is_some_and(|&m| m) {
                continue;
            }
            moved[i] = false;
            let row = &self.rows[i];
            if row.state == RowState::Skipped || !row.matches(&terms) {
                continue;
            }
            let at = if self.recent {
                self.order.partition_point(|&j| j < i)
            } else {
                let rows = &self.rows;
                self.order
                    .partition_point(|&j| order(&rows[j], row) == std::cmp::Ordering::Less)
            };
            self.order.insert(at, i);
        }
        self.rebuild_shown();
        self.restore_selection(keep);
    }

    /// Makes `shown` from `order`: each pair as one line where its first file stands (its
    /// two files under it when expanded), every other file as itself.
    fn rebuild_shown(&mut self) {
        self.shown.clear();
        let mut done = vec![false; self.rows.len()];
        for &i in &self.order {
            if done[i] {
                continue;
            }
            done[i] = true;
            match self.pair_of.get(i).copied().flatten() {
                Some(j) => {
                    done[j] = true;
                    let en_first = self.rows[i]
                        .meta()
                        .is_some_and(|m| m.languages == [crate::Lang::En]);
                    let (en, zh) = if en_first { (i, j) } else { (j, i) };
                    self.shown.push(Entry::Pair { en, zh });
                    if self.expanded.contains(&en) {
                        self.shown.extend([Entry::Member(en), Entry::Member(zh)]);
                    }
                }
                None => self.shown.push(Entry::File(i)),
            }
        }
    }

    /// The selected line.
    pub fn selected_entry(&self) -> Option<Entry> {
        self.shown.get(self.selected).copied()
    }

    /// The files the selected line opens: one, or a pair's English and Chinese files.
    pub fn selected_files(&self) -> Vec<PathBuf> {
        match self.selected_entry() {
            None => Vec::new(),
            Some(Entry::Pair { en, zh }) => {
                vec![
                    self.rows[en].file.path.clone(),
                    self.rows[zh].file.path.clone(),
                ]
            }
            Some(e) => {
                let row = &self.rows[e.row()];
                if row.state == RowState::Skipped {
                    Vec::new()
                } else {
                    vec![row.file.path.clone()]
                }
            }
        }
    }

    /// Shows the selected pair's files under it (`open`), or hides them; false when the
    /// selection is no pair.
    pub fn expand(&mut self, open: bool) -> bool {
        let lead = match self.selected_entry() {
            Some(Entry::Pair { en, .. }) => en,
            Some(Entry::Member(i)) if !open => {
                let j = self.pair_of[i].unwrap_or(i);
                let en = if self.expanded.contains(&i) { i } else { j };
                // Back on the pair line.
                if let Some(p) = self
                    .shown
                    .iter()
                    .position(|e| matches!(e, Entry::Pair { en: x, .. } if *x == en))
                {
                    self.selected = p;
                }
                en
            }
            _ => return false,
        };
        self.chosen = true;
        let had = self.expanded.contains(&lead);
        if open && !had {
            self.expanded.push(lead);
        } else if !open && had {
            self.expanded.retain(|&x| x != lead);
        }
        let keep = self.selected_entry();
        self.rebuild_shown();
        self.restore_selection(keep);
        true
    }

    /// Forgets the bookmark counts (the bookmarks changed): the next count counts every call.
    pub fn recount(&mut self) {
        for row in &mut self.rows {
            row.counted = false;
        }
    }

    /// Counts the bookmarks among `marks` (same text, or the same file) of each call not
    /// counted yet.
    pub fn count_bookmarks(&mut self, marks: &[Bookmark]) {
        for row in &mut self.rows {
            if row.counted {
                continue;
            }
            let Some(m) = row.meta() else { continue };
            let me = CallRef {
                hash: m.call_hash.clone(),
                files: vec![row.file.path.display().to_string()],
                title: None,
                company: None,
                period: None,
            };
            row.bookmarks = marks.iter().filter(|b| b.call.same_call(&me)).count();
            row.counted = true;
        }
    }

    /// (calls, files skipped, files not read yet).
    pub fn counts(&self) -> (usize, usize, usize) {
        self.rows
            .iter()
            .fold((0, 0, 0), |(c, s, p), r| match r.state {
                RowState::Call(_) => (c + 1, s, p),
                RowState::Skipped => (c, s + 1, p),
                RowState::Pending => (c, s, p + 1),
            })
    }

    /// The filter text.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Replaces the filter text.
    pub fn set_query(&mut self, q: &str) {
        self.query = q.to_string();
        self.refresh();
    }

    /// Adds typed text to the filter.
    pub fn type_text(&mut self, text: &str) {
        let clean: String = text.chars().filter(|c| !c.is_control()).collect();
        self.set_query(&format!("{}{clean}", self.query));
    }

    /// Deletes the filter's last character.
    pub fn backspace(&mut self) {
        if self.query.pop().is_some() {
            self.refresh();
        }
    }

    /// Clears the filter; false when there was nothing to clear (Esc then quits).
    pub fn clear(&mut self) -> bool {
        let had = !self.query.is_empty();
        self.set_query("");
        had
    }

    /// Recomputes the visible order, keeping the file the user selected selected when it
    /// still shows (else the first row).
    pub fn refresh(&mut self) {
        let keep = self.kept_selection();
        let terms = self.terms();
        let rows = &self.rows;
        self.order = (0..rows.len())
            .filter(|&i| rows[i].state != RowState::Skipped && rows[i].matches(&terms))
            .collect();
        if !self.recent {
            self.order.sort_by(|&a, &b| order(&rows[a], &rows[b]));
        }
        self.rebuild_shown();
        self.restore_selection(keep);
    }

    /// The filter's words, lower case, Chinese in Simplified characters.
    fn terms(&self) -> Vec<String> {
        self.query
            .split_whitespace()
            .map(|t| crate::script::fold_script(&t.to_lowercase()).into_owned())
            .collect()
    }

    /// The line the user selected (before the order changes).
    fn kept_selection(&self) -> Option<Entry> {
        self.selected_entry().filter(|_| self.chosen)
    }

    /// Selects `keep` again where the list now has it — the same line, else the line that
    /// holds its file (a file that became one of a pair) — else the first line.
    fn restore_selection(&mut self, keep: Option<Entry>) {
        self.selected = keep
            .and_then(|k| {
                self.shown
                    .iter()
                    .position(|&e| e == k)
                    .or_else(|| self.shown.iter().position(|&e| e.holds(k.row())))
            })
            .unwrap_or(0);
    }

    /// Selects the line at `pos` (clamped to the last).
    pub fn select(&mut self, pos: usize) {
        self.chosen = true;
        self.selected = pos.min(self.shown.len().saturating_sub(1));
    }

    /// The selected line's row (a pair's English file), if any line shows.
    pub fn selected_row(&self) -> Option<&Row> {
        self.selected_entry().map(|e| &self.rows[e.row()])
    }

    /// The partner of row `i` in its pair, if it has one.
    pub fn pair_of(&self, i: usize) -> Option<usize> {
        self.pair_of.get(i).copied().flatten()
    }

    /// Moves the selection by `delta` lines, stopping at the ends.
    pub fn move_by(&mut self, delta: isize) {
        self.chosen = true;
        let last = self.shown.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    /// Selects the first or the last line.
    pub fn to_end(&mut self, last: bool) {
        self.chosen = true;
        self.selected = if last {
            self.shown.len().saturating_sub(1)
        } else {
            0
        };
    }
}

/// A row for a file not read yet.
fn pending(file: FileInfo) -> Row {
    Row {
        file,
        state: RowState::Pending,
        bookmarks: 0,
        counted: false,
        company_key: None,
        company: None,
        identity: None,
    }
}

/// Calls in library order ([`meta::compare`]), then files not read yet by name.
fn order(a: &Row, b: &Row) -> std::cmp::Ordering {
    match (a.meta(), b.meta()) {
        (Some(x), Some(y)) => meta::compare_keyed(
            (x, a.company_key.as_deref(), &a.file.rel),
            (y, b.company_key.as_deref(), &b.file.rel),
        ),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => meta::natural(&a.file.rel, &b.file.rel),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::scan::Scan;

    /// A list of `n` files not read yet.
    fn listed(n: usize) -> Library {
        let files = (0..n)
            .map(|i| FileInfo {
                path: PathBuf::from(format!("/c/{i}.txt")),
                rel: format!("{i}.txt"),
                size: 1,
                mtime: 1,
            })
            .collect();
        let mut lib = Library::new(Path::new("/c"));
        lib.apply_all(vec![Message::Listed(Scan {
            files,
            ..Scan::default()
        })]);
        lib
    }

    /// Metadata of a call by `company`.
    fn by(company: &str) -> Option<Meta> {
        Some(Meta {
            title: None,
            company: Some(company.into()),
            period: None,
            date: None,
            languages: vec![],
            call_hash: String::new(),
            ..Meta::default()
        })
    }

    /// The file of the selected row.
    fn selected(lib: &Library) -> &str {
        &lib.selected_row().unwrap().file.rel
    }

    #[test]
    fn files_read_a_few_at_a_time_land_where_a_whole_sort_puts_them() {
        let companies = ["Zeta", "alpha", "Mid", "亚马逊", "亞馬遜", "beta", "Alpha"];
        for query in ["", "a", "1"] {
            let mut lib = listed(120);
            lib.set_query(query);
            lib.select(5);
            let before = lib.selected_row().map(|r| r.file.path.clone());
            // Files arrive in an order unlike the list's, some not calls, a few per tick.
            let mut next = (0..120).map(|i| (i * 37) % 120);
            loop {
                let batch: Vec<(usize, Option<Meta>)> = next
                    .by_ref()
                    .take(3)
                    .map(|i| (i, (i % 9 != 4).then(|| by(companies[i % 7]).unwrap())))
                    .collect();
                if batch.is_empty() {
                    break;
                }
                lib.apply_all(vec![Message::Loaded(batch)]);
                let placed = lib.order.clone();
                lib.refresh();
                assert_eq!(placed, lib.order, "query {query:?}");
            }
            if let Some(p) =
                before.filter(|p| lib.order.iter().any(|&i| lib.rows[i].file.path == *p))
            {
                assert_eq!(
                    lib.selected_row().unwrap().file.path,
                    p,
                    "the selection stays"
                );
            }
        }
    }

    #[test]
    fn the_first_row_stays_selected_until_the_user_moves_then_the_file_does() {
        let mut lib = listed(4);
        lib.apply_all(vec![Message::Loaded(vec![(0, by("Beta"))])]);
        assert_eq!(selected(&lib), "0.txt");
        lib.apply_all(vec![Message::Loaded(vec![(1, by("Alpha"))])]);
        assert_eq!(selected(&lib), "1.txt", "the new first row");
        lib.move_by(1);
        assert_eq!(selected(&lib), "0.txt");
        lib.apply_all(vec![Message::Loaded(vec![(2, by("Aardvark"))])]);
        assert_eq!(selected(&lib), "0.txt", "the chosen file stays selected");
        assert_eq!(lib.selected, 2);
    }

    #[test]
    fn the_filter_matches_either_chinese_script() {
        let mut lib = listed(3);
        lib.apply_all(vec![Message::Loaded(vec![
            (0, by("亞馬遜")),
            (1, by("亚马逊")),
            (2, by("Acme")),
        ])]);
        for q in ["亚马逊", "亞馬遜"] {
            lib.set_query(q);
            let mut shown = lib.order.clone();
            shown.sort();
            assert_eq!(shown, [0, 1], "{q}");
        }
        lib.set_query("ACME");
        assert_eq!(lib.order, [2]);
    }

    #[test]
    fn recent_files_keep_their_order() {
        let mut lib = Library::recent();
        let files = ["/c/b.txt", "/c/a.txt"]
            .map(|p| FileInfo {
                path: PathBuf::from(p),
                rel: p.into(),
                size: 1,
                mtime: 1,
            })
            .to_vec();
        lib.apply_all(vec![
            Message::Listed(Scan {
                files,
                ..Scan::default()
            }),
            Message::Loaded(vec![(0, by("Zeta")), (1, by("Alpha"))]),
        ]);
        assert_eq!(lib.order, [0, 1], "most recent first, not by company");
        lib.set_query("alpha");
        assert_eq!(lib.order, [1], "filtered all the same");
    }

    #[test]
    fn files_found_not_to_be_calls_leave_the_list_and_are_counted() {
        let mut lib = listed(3);
        lib.apply_all(vec![Message::Loaded(vec![(0, None), (1, by("Acme"))])]);
        assert_eq!(lib.counts(), (1, 1, 1));
        assert_eq!(lib.order, [1, 2], "the call, then the file not read yet");
    }
}
