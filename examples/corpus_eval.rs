//! How well tandem reads real transcripts it was not written for: every file listed in
//! `../shared/corpus/truth.json` is opened as a user would open it, and scored against what a
//! person read from it (analysts given the floor in order, their firms, spurious questions,
//! refused calls, non-calls read as calls). Prints one line per file and the totals for the
//! plain-text files and for every file.
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
        "{:<44} {:>4} {:>4} {:>6} {:>5} {:>5} {:>7}  note",
        "file", "want", "qs", "order", "firm", "spur", "ms"
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
            "{:<44} {:>4} {:>4} {:>6} {:>5} {:>5} {:>7.1}  {note}",
            r.file,
            s.expected,
            s.questions,
            s.in_order,
            s.firm_right,
            s.spurious(),
            r.ms
        );
    }
    for (label, text_only) in [("text files", true), ("all files", false)] {
        let (t, refused, non_calls) =
            totals(rows.iter().filter(|r| !text_only || is_text(&r.file)));
        println!(
            "{label}: analysts in order {}/{} ({:.1}%), right firm {} ({:.1}%), spurious questions {}/{} ({:.1}%), refused calls {refused}, non-calls read as calls {non_calls}",
            t.in_order,
            t.expected,
            pct(t.in_order, t.expected),
            t.firm_right,
            pct(t.firm_right, t.expected),
            t.spurious(),
            t.questions,
            pct(t.spurious(), t.questions),
        );
    }
}
