//! Figures across a whole bilingual call: the built-in sample and a fixture check clean, and
//! errors planted in the Chinese are flagged, each where it was planted and nothing else.

use tandem::numbers::{Analysis, Kind, Reason, analyze};
use tandem::{Block, Transcript};

const FIXTURE: &str = include_str!("fixtures/interleaved_participants.txt");

/// Parses a transcript the way `tandem` does after reading a file.
fn parse(text: &str) -> Transcript {
    tandem::transcript::parse(&tandem::ingest::clean(text))
}

/// The sample with `from` (which must occur exactly once) replaced by `to`.
fn plant(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "{from:?} must occur once");
    text.replace(from, to)
}

/// The (turn, block) whose Chinese contains `needle`.
fn block_with(t: &Transcript, needle: &str) -> (usize, usize) {
    for (ti, turn) in t.turns.iter().enumerate() {
        for (bi, block) in turn.blocks.iter().enumerate() {
            if let Block::Para { zh: Some(zh), .. } = block
                && zh.contains(needle)
            {
                return (ti, bi);
            }
        }
    }
    panic!("no Chinese paragraph contains {needle:?}");
}

/// Each mismatch as (turn, block, English figure, Chinese figure, reason).
fn flagged(a: &Analysis) -> Vec<(usize, usize, Option<String>, String, Reason)> {
    a.mismatches
        .iter()
        .map(|m| {
            let (en, zh) = a.figures(m);
            (
                m.turn,
                m.block,
                en.map(|f| f.text.clone()),
                zh.text.clone(),
                m.reason,
            )
        })
        .collect()
}

#[test]
fn the_untouched_sample_and_fixture_are_clean() {
    let a = analyze(&parse(tandem::call::SAMPLE));
    assert_eq!(flagged(&a), []);
    assert!(a.pairs >= 120, "only {} pairs", a.pairs);
    let a = analyze(&parse(FIXTURE));
    assert_eq!(flagged(&a), []);
    assert!(a.pairs >= 15, "only {} pairs", a.pairs);
}

#[test]
fn planted_errors_are_flagged_exactly() {
    let text = plant(
        tandem::call::SAMPLE,
        "KeelOS 营收为 13.5 亿美元",
        "KeelOS 营收为 13.5 万美元",
    );
    let text = plant(&text, "装机总量达到 18.4 万台", "装机总量达到 14.8 万台");
    let text = plant(&text, "同比增长 18%", "同比增长 19%");
    let text = plant(&text, "约为 1,420 亿美元", "约为 14.2 亿美元");
    let t = parse(&text);
    let (wan, transposed) = (block_with(&t, "13.5 万美元"), block_with(&t, "14.8 万台"));
    let (percent, million) = (
        block_with(&t, "同比增长 19%"),
        block_with(&t, "14.2 亿美元"),
    );
    let mut expected = vec![
        (
            percent.0,
            percent.1,
            Some("18%".into()),
            "19%".into(),
            Reason::Differs,
        ),
        (
            wan.0,
            wan.1,
            Some("$1.35 billion".into()),
            "13.5 万美元".into(),
            Reason::Scale(-4),
        ),
        (
            transposed.0,
            transposed.1,
            Some("184,000".into()),
            "14.8 万".into(),
            Reason::Transposed,
        ),
        (
            million.0,
            million.1,
            Some("$142 billion".into()),
            "14.2 亿美元".into(),
            Reason::Scale(-2),
        ),
    ];
    expected.sort_by_key(|e| (e.0, e.1));
    assert_eq!(flagged(&analyze(&t)), expected);
}

#[test]
fn a_planted_error_in_the_fixture_is_flagged() {
    let text = plant(
        FIXTURE,
        "营业利润为 5,800 万美元",
        "营业利润为 5,800 亿美元",
    );
    let a = analyze(&parse(&text));
    let found = flagged(&a);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].2.as_deref(), found[0].4),
        (Some("$58 million"), Reason::Scale(4))
    );
}

#[test]
fn paired_figures_share_an_id_and_marks_point_at_their_mismatch() {
    let text = plant(tandem::call::SAMPLE, "同比增长 18%", "同比增长 19%");
    let t = parse(&text);
    let a = analyze(&t);
    let (ti, bi) = block_with(&t, "48.6 亿美元，同比增长 19%");
    let b = a.block(ti, bi).expect("the block exists");
    let revenue =
        b.en.iter()
            .find(|m| m.figure.text == "$4.86 billion")
            .unwrap();
    let partner = b.zh.iter().find(|m| m.pair == revenue.pair).unwrap();
    assert_eq!(partner.figure.text, "48.6 亿美元");
    assert_eq!(
        partner.figure.kind,
        Kind::Money(Some(tandem::numbers::Currency::Usd))
    );
    let wrong = b.zh.iter().find(|m| m.figure.text == "19%").unwrap();
    assert_eq!((wrong.pair, wrong.mismatch), (None, Some(0)));
    let ids: Vec<usize> = a
        .blocks
        .iter()
        .flatten()
        .flat_map(|b| &b.zh)
        .filter_map(|m| m.pair)
        .collect();
    assert_eq!(ids.len(), a.pairs);
    assert!(
        ids.windows(2).all(|w| w[0] < w[1]),
        "pair ids run in reading order"
    );
}

#[test]
fn next_and_previous_mismatch_wrap_around() {
    let text = plant(tandem::call::SAMPLE, "同比增长 18%", "同比增长 19%");
    let text = plant(&text, "约为 1,420 亿美元", "约为 14.2 亿美元");
    let a = analyze(&parse(&text));
    let (first, second) = (&a.mismatches[0], &a.mismatches[1]);
    assert_eq!(a.next_mismatch(0, 0), Some(first));
    assert_eq!(a.next_mismatch(first.turn, first.block), Some(second));
    assert_eq!(a.next_mismatch(second.turn, second.block), Some(first));
    assert_eq!(a.prev_mismatch(second.turn, second.block), Some(first));
    assert_eq!(a.prev_mismatch(first.turn, first.block), Some(second));
    assert_eq!(analyze(&parse(FIXTURE)).next_mismatch(0, 0), None);
}

#[test]
fn notes_and_one_language_paragraphs_are_never_mismatches() {
    let t = parse(tandem::call::SAMPLE);
    let mut t2 = t.clone();
    for turn in &mut t2.turns {
        for block in &mut turn.blocks {
            if let Block::Para { en, .. } = block {
                *en = None;
            }
        }
    }
    let a = analyze(&t2);
    assert_eq!((a.pairs, a.mismatches.len()), (0, 0));
    assert!(
        a.blocks.iter().flatten().any(|b| !b.zh.is_empty()),
        "figures are still found"
    );
}

/// A one-turn call of bilingual paragraphs.
fn call(paras: &[(&str, &str)]) -> Transcript {
    let blocks = paras
        .iter()
        .map(|&(en, zh)| Block::Para {
            en: Some(en.into()),
            zh: Some(zh.into()),
        })
        .collect();
    Transcript {
        speakers: vec![tandem::Speaker::default()],
        turns: vec![tandem::Turn {
            blocks,
            ..Default::default()
        }],
        ..Default::default()
    }
}

#[test]
fn a_figure_the_next_english_paragraph_has_is_a_shifted_sentence_not_an_error() {
    let shifted = call(&[
        (
            "Revenue was $2 billion.",
            "营收为 20 亿美元，利润为 5 亿美元。",
        ),
        ("Profit was $500 million.", "我们对此很满意。"),
    ]);
    assert_eq!(flagged(&analyze(&shifted)), []);
    let added = call(&[
        (
            "Revenue was $2 billion.",
            "营收为 20 亿美元，利润为 5 亿美元。",
        ),
        ("We are pleased.", "我们对此很满意。"),
    ]);
    let found = flagged(&analyze(&added));
    assert_eq!(found, [(0, 0, None, "5 亿美元".into(), Reason::Missing)]);
}

#[test]
fn aligned_splits_of_the_sample_check_clean() {
    let sample = tandem::call::load_sample();
    for seed in 1..=5 {
        let case = tandem::align::eval::split(&sample, seed);
        let (en, zh) = (parse(&case.en_text), parse(&case.zh_text));
        let aligned = tandem::align::align(en, zh).expect("the split aligns");
        let a = analyze(&aligned.transcript);
        assert_eq!(flagged(&a), [], "seed {seed}");
        assert!(a.pairs >= 90, "seed {seed}: {} pairs", a.pairs);
    }
}

#[test]
fn a_neighbour_figure_paired_in_its_own_paragraph_excuses_nothing() {
    // The robotics paragraph after this one says 13% in both languages.
    let text = plant(tandem::call::SAMPLE, "同比增长 31%", "同比增长 13%");
    let t = parse(&text);
    let (ti, bi) = block_with(&t, "同比增长 13%，季末");
    let expected = [(ti, bi, Some("31%".into()), "13%".into(), Reason::Transposed)];
    assert_eq!(flagged(&analyze(&t)), expected);
}

/// Text built from the pieces figures are made of, and any other characters, in any order.
fn figure_soup() -> impl proptest::strategy::Strategy<Value = String> {
    let piece = proptest::sample::select(vec![
        "0",
        "1",
        "2",
        "7",
        "9",
        "１２",
        ",",
        ".",
        "．",
        "%",
        "％",
        "$",
        "US$",
        "¥",
        " ",
        "-",
        ":",
        "/",
        "'",
        "’",
        "“",
        "”",
        "亿",
        "億",
        "万",
        "萬",
        "千",
        "百",
        "十",
        "一",
        "两",
        "兩",
        "三",
        "零",
        "〇",
        "点",
        "分之",
        "百分之",
        "第",
        "年",
        "月",
        "日",
        "个",
        "個",
        "季度",
        "基点",
        "个百分点",
        "倍",
        "美元",
        "元",
        "多",
        "几",
        "至",
        "和",
        "、",
        "Q",
        "FY",
        "x",
        "B",
        "K",
        "bn",
        "st",
        "billion",
        "million",
        "percent",
        "basis points",
        "points",
        "times",
        "a",
        "half",
        "third",
        "quarter",
        "of",
        "and",
        "twenty",
        "five",
        "hundred",
        "plus",
        "between",
        "to",
        "\n",
    ]);
    let any_char = any::<char>().prop_map(String::from);
    let piece = prop_oneof![4 => piece.prop_map(String::from), 1 => any_char];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn extraction_never_panics_and_ranges_cut_the_text(text in figure_soup()) {
        for lang in [tandem::Lang::En, tandem::Lang::Zh] {
            let figures = tandem::numbers::extract(&text, lang);
            let mut end = 0;
            for f in &figures {
                prop_assert!(f.range.start >= end, "overlap in {text:?}: {figures:?}");
                prop_assert_eq!(text.get(f.range.clone()), Some(f.text.as_str()));
                prop_assert!(f.value.is_finite() && f.ulp > 0.0, "{f:?}");
                end = f.range.end;
            }
        }
    }

    #[test]
    fn analysis_never_panics_and_marks_agree(en in figure_soup(), zh in figure_soup()) {
        let t = call(&[(en.as_str(), zh.as_str()), (zh.as_str(), en.as_str())]);
        let a = analyze(&t);
        for m in &a.mismatches {
            let (_, z) = a.figures(m);
            prop_assert_eq!(a.blocks[m.turn][m.block].zh[m.zh].mismatch.is_some(), true);
            prop_assert!(z.is_strong());
        }
        let paired = a.blocks.iter().flatten().flat_map(|b| &b.en).filter(|m| m.pair.is_some()).count();
        prop_assert_eq!(paired, a.pairs);
    }
}

#[test]
fn a_paragraph_with_twenty_thousand_figures_is_checked_in_linear_time() {
    // One bilingual paragraph, 20,000 figures a side, every hundredth Chinese one wrong.
    let mut en = String::new();
    let mut zh = String::new();
    for k in 0..20_000u32 {
        en.push_str(&format!("item {k} was ${k}.5 million; "));
        let shown = if k % 100 == 7 { k + 1 } else { k };
        zh.push_str(&format!("第{k}项为{shown}.5百万美元；"));
    }
    let mut t = Transcript::default();
    t.speakers.push(tandem::Speaker {
        name: "Jane Roe".into(),
        ..Default::default()
    });
    t.turns.push(tandem::Turn {
        speaker: 0,
        blocks: vec![Block::Para {
            en: Some(en),
            zh: Some(zh),
        }],
        ..Default::default()
    });
    let a = analyze(&t);
    assert!(a.pairs >= 19_700, "{} pairs", a.pairs);
    assert!(
        (150..=300).contains(&a.mismatches.len()),
        "{} mismatches (200 planted)",
        a.mismatches.len()
    );
}
