//! A floor on how well real transcripts from elsewhere read (`../shared/corpus`, scored by
//! `examples/corpus_eval.rs`). Skipped, visibly, when the corpus is not beside the project
//! (a fresh clone has none). Raise the floors as the parser improves; never lower them to
//! let a change through.

#[path = "../examples/corpus_eval.rs"]
#[allow(dead_code)]
mod corpus_eval;

use corpus_eval::{
    compare, default_dir, evaluate, is_container, is_text, pct, pdf_text_pairs, totals,
};

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

#[test]
fn real_web_pages_pdfs_and_json_read_above_the_floor() {
    let dir = default_dir();
    let Some(rows) = evaluate(&dir) else {
        eprintln!("SKIPPED: no corpus at {}", dir.display());
        return;
    };
    let (t, refused, non_calls) = totals(rows.iter().filter(|r| is_container(&r.file)));
    let summary = format!(
        "in order {:.1}%, right firm {:.1}%, spurious {:.1}%, refused {refused}, non-calls read {non_calls}, chrome {}",
        pct(t.in_order, t.expected),
        pct(t.firm_right, t.expected),
        pct(t.spurious(), t.questions),
        t.chrome,
    );
    assert!(pct(t.in_order, t.expected) >= 97.0, "{summary}");
    assert!(pct(t.firm_right, t.expected) >= 95.0, "{summary}");
    assert!(pct(t.spurious(), t.questions) <= 2.0, "{summary}");
    assert_eq!((refused, non_calls, t.chrome), (0, 0, 0), "{summary}");
    // No page furniture in any call, text files included.
    let (all, _, _) = totals(rows.iter());
    assert_eq!(all.chrome, 0, "chrome inside turns");
    // A PDF reads as the same call as the corpus's text conversion of it.
    for (pdf, text) in pdf_text_pairs(&dir) {
        let (same, of) = compare(&dir, &pdf, &text).expect("both open");
        assert_eq!(same, of, "{pdf} vs {text}");
    }
}
