//! A floor on how well real transcripts from elsewhere read (`../shared/corpus`, scored by
//! `examples/corpus_eval.rs`). Skipped, visibly, when the corpus is not beside the project
//! (a fresh clone has none). Raise the floors as the parser improves; never lower them to
//! let a change through.

#[path = "../examples/corpus_eval.rs"]
#[allow(dead_code)]
mod corpus_eval;

use corpus_eval::{default_dir, evaluate, is_text, pct, totals};

#[test]
fn real_text_transcripts_read_above_the_floor() {
    let Some(rows) = evaluate(&default_dir()) else {
        eprintln!("SKIPPED: no corpus at {}", default_dir().display());
        return;
    };
    let (t, refused, non_calls) = totals(rows.iter().filter(|r| is_text(&r.file)));
    let summary = format!(
        "in order {:.1}%, right firm {:.1}%, spurious {:.1}%, refused {refused}, non-calls read {non_calls}",
        pct(t.in_order, t.expected),
        pct(t.firm_right, t.expected),
        pct(t.spurious(), t.questions),
    );
    assert!(pct(t.in_order, t.expected) >= 97.0, "{summary}");
    assert!(pct(t.firm_right, t.expected) >= 97.0, "{summary}");
    assert!(pct(t.spurious(), t.questions) <= 2.0, "{summary}");
    assert_eq!(refused, 0, "{summary}");
    assert_eq!(non_calls, 0, "{summary}");
}
