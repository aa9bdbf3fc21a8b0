//! The library's list: the files with what is known of them, the filter, the order and the
//! selection. Rows keep their scan index; the visible order is recomputed when rows or the
//! filter change, and the selection stays on the same file.

use std::path::{Path, PathBuf};

use super::loader::Message;
use super::meta::{self, Meta};
use super::scan::FileInfo;
use crate::bookmarks::{Bookmark, CallRef};

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
    /// The company as the list sorts it ([`meta::company_key`]), once the call is read.
    pub company_key: Option<String>,
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
    /// in its company, title, period or file name, ignoring case and Chinese script.
    pub fn matches(&self, terms: &[String]) -> bool {
        let mut hay = self.file.rel.to_lowercase();
        if let Some(m) = self.meta() {
            for field in [&m.company, &m.title, &m.period].into_iter().flatten() {
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
    /// Visible rows (indices into `rows`): calls and unread files matching the filter, sorted.
    pub order: Vec<usize>,
    /// Index into `order` of the selected row.
    pub selected: usize,
    /// First visible row shown (kept by the view).
    pub top: usize,
    /// Rows the list showed last time (kept by the view; a page for PgUp/PgDn).
    pub page: usize,
    query: String,
    /// True once the user moved the selection (until then it stays on the first row).
    chosen: bool,
    /// True while the help shows (over the list).
    pub help: bool,
    /// True once the files are listed; `done` once all are read.
    pub listed: bool,
    pub done: bool,
    /// True when the folder held more files than the scan lists.
    pub truncated: bool,
    /// A message for the status line (an error when `error`).
    pub status: Option<(String, bool)>,
}

impl Library {
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
                self.truncated = scan.truncated;
                self.listed = true;
            }
            Message::Failed(e) => {
                self.status = Some((format!("Cannot read the folder: {e}"), true));
                self.listed = true;
                self.done = true;
            }
            Message::Loaded(items) => {
                for (i, m) in items {
                    if let Some(row) = self.rows.get_mut(i) {
                        row.company_key = m.as_ref().and_then(meta::company_key);
                        row.state = m.map_or(RowState::Skipped, |m| RowState::Call(Box::new(m)));
                    }
                }
            }
            Message::Done { cache_error, .. } => {
                self.done = true;
                if let Some(e) = cache_error {
                    self.status = Some((format!("Library cache not saved: {e}"), true));
                }
            }
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
        // Many at once (the cached calls arrive together): one sort is cheaper.
        if whole || read.len() * 8 > self.rows.len() {
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
        self.restore_selection(keep);
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
        self.restore_selection(keep);
    }

    /// The filter's words, lower case, Chinese in Simplified characters.
    fn terms(&self) -> Vec<String> {
        self.query
            .split_whitespace()
            .map(|t| crate::script::fold_script(&t.to_lowercase()).into_owned())
            .collect()
    }

    /// The file the user selected (before the order changes).
    fn kept_selection(&self) -> Option<PathBuf> {
        self.selected_row()
            .filter(|_| self.chosen)
            .map(|r| r.file.path.clone())
    }

    /// Selects `keep` again where the order now has it (else the first row).
    fn restore_selection(&mut self, keep: Option<PathBuf>) {
        self.selected = keep
            .and_then(|p| self.order.iter().position(|&i| self.rows[i].file.path == p))
            .unwrap_or(0);
    }

    /// Selects the row at `pos` in the visible order (clamped to the last).
    pub fn select(&mut self, pos: usize) {
        self.chosen = true;
        self.selected = pos.min(self.order.len().saturating_sub(1));
    }

    /// The selected row, if any row shows.
    pub fn selected_row(&self) -> Option<&Row> {
        self.order.get(self.selected).map(|&i| &self.rows[i])
    }

    /// Moves the selection by `delta` rows, stopping at the ends.
    pub fn move_by(&mut self, delta: isize) {
        self.chosen = true;
        let last = self.order.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    /// Selects the first or the last row.
    pub fn to_end(&mut self, last: bool) {
        self.chosen = true;
        self.selected = if last {
            self.order.len().saturating_sub(1)
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
