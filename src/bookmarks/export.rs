//! Bookmarks out of tandem: Markdown grouped by call, JSON (the full records), CSV (one row
//! a bookmark, RFC 4180, guarded against spreadsheet formulas).

use std::borrow::Cow;
use std::fmt::Write as _;

use super::model::{Bookmark, CallRef};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Markdown, grouped by call.
    Md,
    /// JSON: an array of the full records.
    Json,
    /// CSV: one row a bookmark.
    Csv,
}

impl Format {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }
}

/// `bookmarks` in `format`.
pub fn render(bookmarks: &[Bookmark], format: Format) -> String {
    let ordered: Vec<&Bookmark> = by_call(bookmarks)
        .into_iter()
        .flat_map(|(_, v)| v)
        .collect();
    // Nothing a note or a file name holds acts on the terminal the export is shown in.
    match format {
        Format::Md => crate::printable::text(&markdown(bookmarks)).into_owned(),
        Format::Json => crate::printable::json(
            serde_json::to_string_pretty(&ordered).expect("bookmarks serialise") + "\n",
        ),
        Format::Csv => crate::printable::text(&csv(&ordered)).into_owned(),
    }
}

/// Bookmarks grouped by call (calls by name), each group in reading order.
pub fn by_call(bookmarks: &[Bookmark]) -> Vec<(&CallRef, Vec<&Bookmark>)> {
    let mut groups: Vec<(&CallRef, Vec<&Bookmark>)> = Vec::new();
    for b in bookmarks {
        match groups.iter_mut().find(|(c, _)| c.same_call(&b.call)) {
            Some((_, v)) => v.push(b),
            None => groups.push((&b.call, vec![b])),
        }
    }
    groups.sort_by_cached_key(|(c, _)| (c.name(), c.hash.clone()));
    for (_, v) in &mut groups {
        v.sort_by(|x, y| {
            let key = |b: &Bookmark| (b.spot.turn, b.spot.block, b.created.clone());
            key(x).cmp(&key(y))
        });
    }
    groups
}

/// Markdown: a section per call, a subsection per bookmark with its context, both texts
/// quoted, and the note.
pub fn markdown(bookmarks: &[Bookmark]) -> String {
    let mut s = String::from("# Bookmarks\n");
    if bookmarks.is_empty() {
        s.push_str("\nNo bookmarks.\n");
    }
    for (call, marks) in by_call(bookmarks) {
        let _ = write!(s, "\n## {}\n\n", call.name());
        let mut about: Vec<String> = call.company.iter().cloned().collect();
        about.push(match call.files.as_slice() {
            [] => crate::call::SAMPLE_NAME.to_string(),
            files => files.join(" + "),
        });
        let _ = writeln!(s, "*{}*", about.join(" · "));
        for b in marks {
            let _ = write!(s, "\n### {}\n\n*{}*\n", b.who(), b.context());
            for text in [&b.en, &b.zh].into_iter().flatten() {
                let _ = write!(s, "\n{}\n", quote(text));
            }
            if !b.note.trim().is_empty() {
                let lines: Vec<String> = b.note.trim().lines().map(md_line).collect();
                let _ = write!(s, "\n**Note:** {}\n", lines.join("\\\n"));
            }
        }
    }
    s
}

/// `text` as a Markdown block quote.
fn quote(text: &str) -> String {
    text.lines()
        .map(|l| format!("> {}", md_line(l)).trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A line of text that cannot change the document's structure: a heading, quote, list,
/// table, fence, rule or HTML marker at its start is escaped (`\# not a heading`).
pub fn md_line(line: &str) -> String {
    let body = line.trim_start();
    let indent = &line[..line.len() - body.len()];
    // A line of `=` under text would make that text a heading.
    let underline = !body.is_empty() && body.chars().all(|c| c == '=' || c == ' ');
    let marker = underline || body.starts_with(['#', '>', '`', '~', '-', '*', '+', '|', '<', '_']);
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let numbered = digits > 0 && matches!(body.as_bytes().get(digits), Some(b'.' | b')'));
    if marker {
        format!("{indent}\\{body}")
    } else if numbered {
        format!("{indent}{}\\{}", &body[..digits], &body[digits..])
    } else {
        line.to_string()
    }
}

/// The CSV columns.
const COLUMNS: [&str; 20] = [
    "call",
    "period",
    "company",
    "files",
    "section",
    "question",
    "analyst",
    "analyst_firm",
    "speaker",
    "role",
    "firm",
    "english",
    "chinese",
    "note",
    "created",
    "updated",
    "id",
    "turn",
    "block",
    "call_hash",
];

/// CSV with a header row, every text cell guarded against formula injection.
pub fn csv(bookmarks: &[&Bookmark]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(COLUMNS).expect("write to memory");
    for b in bookmarks {
        let cells: Vec<String> = row(b).iter().map(|c| guard(c).into_owned()).collect();
        w.write_record(&cells).expect("write to memory");
    }
    let bytes = w.into_inner().expect("flush to memory");
    String::from_utf8(bytes).expect("UTF-8 in, UTF-8 out")
}

/// The cells of one bookmark, in [`COLUMNS`] order.
fn row(b: &Bookmark) -> Vec<String> {
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    let section = match b.section {
        crate::transcript::Section::Prepared => "prepared",
        crate::transcript::Section::Qa => "qa",
    };
    vec![
        b.call.title.clone().unwrap_or_else(|| b.call.name()),
        opt(&b.call.period),
        opt(&b.call.company),
        b.call.files.join(" + "),
        section.into(),
        b.question.map(|q| q.to_string()).unwrap_or_default(),
        opt(&b.analyst),
        opt(&b.analyst_firm),
        b.speaker.clone(),
        opt(&b.role),
        opt(&b.firm),
        opt(&b.en),
        opt(&b.zh),
        b.note.clone(),
        b.created.clone(),
        b.updated.clone(),
        b.id.clone(),
        b.spot.turn.to_string(),
        b.spot.block.to_string(),
        b.call.hash.clone(),
    ]
}

/// A cell a spreadsheet would read as a formula gets a leading `'`: one starting with `=`,
/// `+`, `-`, `@` (or their full-width forms), a tab or a carriage return, also behind
/// leading spaces, line feeds or invisible characters.
pub fn guard(cell: &str) -> Cow<'_, str> {
    let invisible = |c: char| {
        c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
    };
    let visible = cell.trim_start_matches(invisible);
    let formula = ['=', '+', '-', '@', '＝', '＋', '－', '＠'];
    if cell.starts_with(['\t', '\r']) || visible.starts_with(formula) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn note_lines_cannot_change_the_markdown_structure() {
        for (line, shown) in [
            ("# Heading", "\\# Heading"),
            ("```rust", "\\```rust"),
            ("  > quoted", "  \\> quoted"),
            ("- item", "\\- item"),
            ("1. first", "1\\. first"),
            ("12) twelfth", "12\\) twelfth"),
            ("---", "\\---"),
            ("Revenue rose 12%.", "Revenue rose 12%."),
            ("2026 was good", "2026 was good"),
            ("===", "\\==="),
            ("=A1+B1", "=A1+B1"),
        ] {
            assert_eq!(md_line(line), shown, "{line:?}");
        }
    }

    #[test]
    fn formula_cells_are_guarded_and_others_left_alone() {
        for bad in ["=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "\rx"] {
            assert_eq!(guard(bad), format!("'{bad}"));
        }
        for hidden in [" =1+1", "\n=1+1", "＝1+1", "\u{200B}=1+1", " \u{FEFF}@cmd"] {
            assert_eq!(guard(hidden), format!("'{hidden}"), "{hidden:?}");
        }
        assert_eq!(guard(" plain"), " plain");
        assert_eq!(guard("Revenue = $4.2B"), "Revenue = $4.2B");
        assert_eq!(guard("云业务"), "云业务");
        assert_eq!(guard(""), "");
    }
}
