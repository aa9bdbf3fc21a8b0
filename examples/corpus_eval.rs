//! How well tandem reads real transcripts it was not written for: every file listed in
//! `../shared/corpus/truth.json` is opened as a user would open it, and scored against what a
//! person read from it (analysts given the floor in order, their firms, spurious questions,
//! refused calls, non-calls read as calls, page furniture and site chrome inside turns).
//! Prints one line per file, the totals for the plain-text files, for the containers (web
//! pages, PDFs, JSON) and for every file, and how each PDF compares with the corpus's own
//! text conversion of it where there is one.
//!
//! cargo run --release --example corpus_eval [CORPUS_DIR]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use tandem::call::{self, Options};
use tandem::transcript::eval::{FileScore, Truth, score};

/// One file's result.
pub struct Row {
    pub file: String,
    pub score: FileScore,
    pub ms: f64,
    pub error: Option<String>,
}

/// The corpus beside the project, when it is there.
pub fn default_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus")
}

/// True for the plain-text calls (`en/`, `zh/`, `zh2/`, the JSON dump aside): the set the
/// text parser is held to.
pub fn is_text(file: &str) -> bool {
    let dir = file.split('/').next().unwrap_or("");
    ["en", "zh", "zh2"].contains(&dir) && !file.contains("jsondump")
}

/// Which files a total counts.
type FileSet = fn(&str) -> bool;

/// True for the calls in containers: saved pages, PDFs and the JSON dump.
pub fn is_container(file: &str) -> bool {
    !is_text(file)
}

/// Each PDF of the corpus with the corpus's own text conversion of it, by the PDF's name in
/// `SOURCES.md` (`transcripts_pdf/NAME.pdf` on the text file's row).
pub fn pdf_text_pairs(dir: &Path) -> Vec<(String, String)> {
    let Ok(sources) = std::fs::read_to_string(dir.join("SOURCES.md")) else {
        return Vec::new();
    };
    let mut pairs = Vec::new();
    for line in sources.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let Some(text) = cells.get(1).filter(|c| c.ends_with(".txt")) else {
            continue;
        };
        let Some(pdf) = cells.iter().find_map(|c| {
            let start = c.find("transcripts_pdf/")? + "transcripts_pdf/".len();
            let rest = &c[start..];
            Some(rest[..rest.find(".pdf")? + 4].to_string())
        }) else {
            continue;
        };
        if dir.join("pdf").join(&pdf).exists() && dir.join("en").join(text).exists() {
            pairs.push((format!("pdf/{pdf}"), format!("en/{text}")));
        }
    }
    pairs
}

/// How a call read from a PDF compares with the same call read from its text conversion:
/// (questions with the same analyst in the same place, questions in either).
pub fn compare(dir: &Path, pdf: &str, text: &str) -> Option<(usize, usize)> {
    let a = call::load(&dir.join(pdf), &Options::default()).ok()?;
    let b = call::load(&dir.join(text), &Options::default()).ok()?;
    let askers = |t: &tandem::Transcript| -> Vec<String> {
        t.questions
            .iter()
            .map(|q| t.speakers[q.analyst].name.to_lowercase())
            .collect()
    };
    let (qa, qb) = (askers(&a), askers(&b));
    let same = qa.iter().zip(&qb).filter(|(x, y)| x == y).count();
    Some((same, qa.len().max(qb.len())))
}

/// Scores every file of `truth.json` in `dir`; None when there is no corpus.
pub fn evaluate(dir: &Path) -> Option<Vec<Row>> {
    let text = std::fs::read_to_string(dir.join("truth.json")).ok()?;
    let truth: BTreeMap<String, Truth> = serde_json::from_str(&text).expect("truth.json parses");
    let mut rows = Vec::new();
    for (file, t) in &truth {
        let start = Instant::now();
        let loaded = call::load(&dir.join(file), &Options::default());
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        let (parsed, error) = match &loaded {
            Ok(t) => (Some(t), None),
            Err(e) => (None, Some(e.reason.clone())),
        };
        rows.push(Row {
            file: file.clone(),
            score: score(t, parsed),
            ms,
            error,
        });
    }
    Some(rows)
}

/// The totals of `rows`: the summed score, refused calls and non-calls read as calls.
pub fn totals<'a>(rows: impl Iterator<Item = &'a Row>) -> (FileScore, usize, usize) {
    let mut total = FileScore::default();
    let (mut refused, mut non_calls) = (0, 0);
    for r in rows {
        total.add(&r.score);
        refused += usize::from(r.score.refused);
        non_calls += usize::from(r.score.non_call_read);
    }
    (total, refused, non_calls)
}

/// `part` of `whole` in percent.
pub fn pct(part: usize, whole: usize) -> f64 {
    100.0 * part as f64 / whole.max(1) as f64
}

#[allow(dead_code)]
fn main() {
    let dir = std::env::args_os()
        .nth(1)
        .map_or_else(default_dir, PathBuf::from);
    let Some(rows) = evaluate(&dir) else {
        println!("no corpus at {} (skipped)", dir.display());
        return;
    };
    println!(
        "{:<44} {:>4} {:>4} {:>6} {:>5} {:>5} {:>6} {:>7}  note",
        "file", "want", "qs", "order", "firm", "spur", "chrome", "ms"
    );
    for r in &rows {
        let s = &r.score;
        let note = match (&r.error, s.refused, s.non_call_read) {
            (_, _, true) => "NOT A CALL, read as one".to_string(),
            (Some(e), true, _) => format!("REFUSED: {e}"),
            (Some(_), false, _) => "refused (right: not a call)".to_string(),
            _ => String::new(),
        };
        println!(
            "{:<44} {:>4} {:>4} {:>6} {:>5} {:>5} {:>6} {:>7.1}  {note}",
            r.file,
            s.expected,
            s.questions,
            s.in_order,
            s.firm_right,
            s.spurious(),
            s.chrome,
            r.ms
        );
    }
    let sets: [(&str, FileSet); 3] = [
        ("text files", is_text),
        ("containers", is_container),
        ("all files", |_| true),
    ];
    for (label, keep) in sets {
        let (t, refused, non_calls) = totals(rows.iter().filter(|r| keep(&r.file)));
        println!(
            "{label}: analysts in order {}/{} ({:.1}%), right firm {} ({:.1}%), spurious questions {}/{} ({:.1}%), refused calls {refused}, non-calls read as calls {non_calls}, chrome in turns {}",
            t.in_order,
            t.expected,
            pct(t.in_order, t.expected),
            t.firm_right,
            pct(t.firm_right, t.expected),
            t.spurious(),
            t.questions,
            pct(t.spurious(), t.questions),
            t.chrome,
        );
    }
    for (pdf, text) in pdf_text_pairs(&dir) {
        if let Some((same, of)) = compare(&dir, &pdf, &text) {
            println!("{pdf} vs {text}: {same}/{of} questions with the same analyst");
        }
    }
}
