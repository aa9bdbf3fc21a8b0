use super::{Outcome, Reason, pair};
use crate::numbers::extract;
use crate::transcript::model::Lang;

/// Pairs the figures of an English and a Chinese text.
fn run(en: &str, zh: &str) -> Outcome {
    let (e, z) = (extract(en, Lang::En), extract(zh, Lang::Zh));
    pair(&e, en, &z, zh.len())
}

/// The reasons of the mismatches found.
fn reasons(en: &str, zh: &str) -> Vec<Reason> {
    run(en, zh)
        .mismatches
        .into_iter()
        .map(|(_, _, r)| r)
        .collect()
}

/// Asserts that every figure on both sides pairs and nothing is flagged.
fn all_pair(en: &str, zh: &str, n: usize) {
    let out = run(en, zh);
    assert_eq!(out.pairs.len(), n, "{en} / {zh}: {out:?}");
    assert!(out.mismatches.is_empty(), "{en} / {zh}: {out:?}");
}

#[test]
fn rounding_and_change_of_unit_pair() {
    all_pair("a $1.557 trillion market", "1.56 万亿美元的市场", 1);
    all_pair("$165.7 billion in revenue", "收入为 1,657 亿美元", 1);
    all_pair("$2.75 million", "275 万美元", 1);
    all_pair("about $1.6 trillion", "约 1.557 万亿美元", 1);
    all_pair("$820 million", "8.2 亿美元", 1);
}

#[test]
fn kinds_that_say_the_same_thing_pair() {
    all_pair("up 2.1 percentage points", "提升 2.1%", 1);
    all_pair("up 120 basis points", "提升 1.2 个百分点", 1);
    all_pair(
        "between $13 billion and $17.5 billion",
        "在 130 亿至 175 亿美元之间",
        2,
    );
    all_pair("about a third of sales", "约占 33% 的销售", 1);
    all_pair("one-third of units", "三分之一的销量", 1);
    all_pair("operating income tripled", "营业利润成长两倍", 1);
    all_pair("a 2x improvement", "提升 2 倍", 1);
}

#[test]
fn an_exact_match_wins_over_a_rounding_one() {
    let out = run("Llama 4 and Claude 3.7", "Claude 3.7 和 Llama 4");
    assert_eq!(out.pairs, vec![(1, 0), (0, 1)]);
}

#[test]
fn duplicates_pair_in_order_and_each_once() {
    let out = run(
        "grew 8%, and 8% again, then 12%",
        "增长 8%，又增长 8%，随后 12%",
    );
    assert_eq!(out.pairs, vec![(0, 0), (1, 1), (2, 2)]);
}

#[test]
fn scale_errors_are_caught() {
    assert_eq!(reasons("$2.75 billion", "27.5 亿美元"), []);
    assert_eq!(reasons("$2.75 billion", "2.75 亿美元"), [Reason::Scale(-1)]);
    assert_eq!(reasons("$820 million", "8.2 万美元"), [Reason::Scale(-4)]);
    assert_eq!(
        reasons("2.75 million members", "2.75 亿会员"),
        [Reason::Scale(2)]
    );
    assert_eq!(reasons("$1.1 billion", "11 万亿美元"), [Reason::Scale(4)]);
    assert_eq!(reasons("up 1.8%", "增长 18%"), [Reason::Scale(1)]);
}

#[test]
fn transposed_digits_and_wrong_values_are_caught() {
    assert_eq!(
        reasons("$165.7 billion", "1,567 亿美元"),
        [Reason::Transposed]
    );
    assert_eq!(reasons("up 18%", "增长 81%"), [Reason::Transposed]);
    assert_eq!(reasons("up 18%", "增长 19%"), [Reason::Differs]);
    assert_eq!(
        reasons("$1.557 trillion", "1.5 万亿美元"),
        [Reason::Differs]
    );
    let out = run(
        "revenue was $4.86 billion, up 18%",
        "营收 48.6 亿美元，增长 19%",
    );
    assert_eq!(out.pairs, vec![(0, 0)]);
    assert_eq!(out.mismatches, vec![(Some(1), 1, Reason::Differs)]);
}

#[test]
fn a_chinese_figure_the_english_lacks_is_missing() {
    assert_eq!(
        reasons("revenue grew strongly", "营收增长 25%"),
        [Reason::Missing]
    );
    let out = run("revenue grew strongly", "营收增长 25%");
    assert_eq!(out.mismatches, vec![(None, 0, Reason::Missing)]);
}

#[test]
fn digits_the_english_writes_unread_are_not_called_wrong() {
    assert_eq!(reasons("the low 50s for the year", "50% 出头"), []);
    // A figure read in the English (19 stores) is no excuse for a Chinese 19%.
    assert_eq!(
        reasons("18% of 19 stores", "18% 的 19% 门店"),
        [Reason::Missing]
    );
}

#[test]
fn weak_and_spelled_small_figures_never_raise_alone() {
    assert_eq!(reasons("this year", "2026 年"), []);
    assert_eq!(reasons("this quarter", "第三季度"), []);
    assert_eq!(reasons("as of today", "截至 5 月 1 日"), []);
    assert_eq!(reasons("on Trainium", "在 Trainium 2 上"), []);
    assert_eq!(reasons("the pair of them", "这两个"), []);
    assert_eq!(reasons("triple-digit growth", "三位数增长"), []);
}

#[test]
fn english_figures_the_chinese_omits_are_not_mismatches() {
    let out = run("down $10 billion, at 60%", "约占 60%");
    assert_eq!(out.pairs.len(), 1);
    assert!(out.mismatches.is_empty());
}

#[test]
fn reasons_read_as_text() {
    assert_eq!(
        Reason::Scale(-1).to_string(),
        "scale: the Chinese is 1/10 of the English"
    );
    assert_eq!(
        Reason::Scale(4).to_string(),
        "scale: the Chinese is 10000 times the English"
    );
    assert_eq!(Reason::Missing.to_string(), "not in the English");
}
