use proptest::prelude::*;

use unicode_segmentation::UnicodeSegmentation;

use super::{each_cluster, truncate, width, wrap};

/// The wrapped lines of `text` as strings.
fn lines(text: &str, w: usize) -> Vec<&str> {
    wrap(text, w).into_iter().map(|r| &text[r]).collect()
}

#[test]
fn latin_breaks_at_spaces_and_drops_edge_spaces() {
    assert_eq!(
        lines("The quick  brown fox jumps", 10),
        ["The quick", "brown fox", "jumps"]
    );
    assert_eq!(
        lines("  leading and trailing  ", 11),
        ["leading and", "trailing"]
    );
}

#[test]
fn han_breaks_between_characters() {
    assert_eq!(
        lines("收入增长百分之二十", 6),
        ["收入增", "长百分", "之二十"]
    );
    // An odd width leaves the last cell empty rather than splitting a character.
    assert_eq!(
        lines("收入增长百分之二十", 7),
        ["收入增", "长百分", "之二十"]
    );
    for line in lines("收入增长百分之二十", 7) {
        assert_eq!(width(line), 6);
    }
}

#[test]
fn closing_punctuation_never_starts_a_line() {
    assert_eq!(lines("我们的收入，增长", 6), ["我们的", "收入，", "增长"]);
    assert_eq!(lines("增长。好", 4), ["增", "长。", "好"]);
}

#[test]
fn opening_punctuation_never_ends_a_line() {
    assert_eq!(lines("他说“好的”", 6), ["他说", "“好的”"]);
    assert_eq!(lines("看（一）", 6), ["看", "（一）"]);
}

#[test]
fn mixed_latin_and_han_break_at_the_script_change() {
    assert_eq!(lines("Q1收入增长20%", 6), ["Q1收入", "增长", "20%"]);
    assert_eq!(lines("ab收", 3), ["ab", "收"]);
}

#[test]
fn a_word_longer_than_the_column_is_cut_by_width() {
    assert_eq!(
        lines("Supercalifragilistic", 8),
        ["Supercal", "ifragili", "stic"]
    );
    assert_eq!(
        lines("a Supercalifragilistic b", 8),
        ["a", "Supercal", "ifragili", "stic b"]
    );
}

#[test]
fn ambiguous_width_punctuation_counts_one_cell() {
    assert_eq!(width("“Yes…” · ok"), 11);
    assert_eq!(lines("“Yes…” · ok", 8), ["“Yes…” ·", "ok"]);
}

#[test]
fn newlines_force_breaks_and_keep_empty_lines() {
    assert_eq!(lines("one\n\ntwo", 10), ["one", "", "two"]);
    assert_eq!(lines("", 10), [""]);
}

#[test]
fn combining_marks_stay_with_their_letter() {
    let text = "cafe\u{301} au lait";
    assert_eq!(lines(text, 5), ["cafe\u{301}", "au", "lait"]);
    assert_eq!(width("cafe\u{301}"), 4);
}

#[test]
fn truncate_cuts_by_width_and_marks_the_cut() {
    assert_eq!(truncate("Ross Sandler", 20), "Ross Sandler");
    assert_eq!(truncate("Ross Sandler", 6), "Ross …");
    assert_eq!(truncate("安迪贾西", 6), "安迪…");
    assert_eq!(width(&truncate("安迪贾西", 6)), 5);
}

/// Strategy: text built from a mix of Latin words, Han, punctuation and spaces.
fn mixed_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a",
        "bc",
        "word",
        " ",
        "  ",
        "收",
        "入",
        "增长",
        "，",
        "。",
        "“",
        "”",
        "…",
        "·",
        "（",
        "）",
        "\n",
        "Supercalifragilistic",
        "e\u{301}",
        "20%",
        "　",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn no_line_overflows_and_no_text_is_lost(text in mixed_text(), w in 2usize..40) {
        let ranges = wrap(&text, w);
        let mut kept = String::new();
        let mut last_end = 0;
        for r in &ranges {
            prop_assert!(r.start >= last_end, "lines overlap or go backwards");
            prop_assert!(width(&text[r.clone()]) <= w, "line {:?} overflows {}", &text[r.clone()], w);
            kept.push_str(&text[r.clone()]);
            last_end = r.end;
        }
        let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        prop_assert_eq!(strip(&kept), strip(&text));
    }
}

proptest! {
    #[test]
    fn the_ascii_fast_path_finds_the_same_clusters(text in mixed_text()) {
        let mut fast = Vec::new();
        each_cluster(&text, |i, g| fast.push((i, g.to_string())));
        let full: Vec<(usize, String)> = text.grapheme_indices(true).map(|(i, g)| (i, g.to_string())).collect();
        prop_assert_eq!(fast, full);
    }
}
