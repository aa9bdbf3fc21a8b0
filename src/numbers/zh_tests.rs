use super::extract;
use crate::numbers::{Currency, Figure, Kind, Weak};

const USD: Kind = Kind::Money(Some(Currency::Usd));

/// The only figure in `text`.
fn one(text: &str) -> Figure {
    let figs = extract(text);
    assert_eq!(figs.len(), 1, "{text}: {figs:?}");
    figs.into_iter().next().unwrap()
}

/// Asserts a figure's text, value and kind.
fn is(f: &Figure, text: &str, value: f64, kind: Kind) {
    assert_eq!(f.text, text);
    assert!(
        (f.value - value).abs() <= value.abs() * 1e-12,
        "{f:?} is not {value}"
    );
    assert_eq!(f.kind, kind, "{f:?}");
}

#[test]
fn digits_with_wan_and_yi_in_both_scripts() {
    is(
        &one("收入为 1,557 亿美元，同比"),
        "1,557 亿美元",
        1557e8,
        USD,
    );
    is(&one("營收為1557億美元。"), "1557億美元", 1557e8, USD);
    is(&one("逾 2.75 亿的广告"), "2.75 亿", 2.75e8, Kind::Count);
    is(&one("交付 240 万台"), "240 万", 2.4e6, Kind::Count);
    is(&one("达到 1.56 万亿美元"), "1.56 万亿美元", 1.56e12, USD);
    is(&one("達到 1.56 萬億美元"), "1.56 萬億美元", 1.56e12, USD);
    is(&one("300 百萬用戶"), "300 百萬", 3e8, Kind::Count);
    assert_eq!(one("1,557 亿美元").ulp, 1e8);
}

#[test]
fn currencies() {
    is(
        &one("营收 123.6 亿元"),
        "123.6 亿元",
        123.6e8,
        Kind::Money(Some(Currency::Cny)),
    );
    is(
        &one("5 亿人民币"),
        "5 亿人民币",
        5e8,
        Kind::Money(Some(Currency::Cny)),
    );
    is(
        &one("30 亿港元"),
        "30 亿港元",
        3e9,
        Kind::Money(Some(Currency::Hkd)),
    );
    is(&one("每股 30 美分"), "30 美分", 0.3, USD);
    is(&one("每月 9.99 美元"), "9.99 美元", 9.99, USD);
    is(&one("约 $5 亿"), "$5 亿", 5e8, USD);
}

#[test]
fn chinese_numerals() {
    is(&one("约两千亿美元的"), "两千亿美元", 2e11, USD);
    is(&one("約兩千億的"), "兩千億", 2e11, Kind::Count);
    let f = one("连续十三个季度");
    is(&f, "十三", 13.0, Kind::Count);
    assert!(f.spelled);
    is(&one("連續十三個季度"), "十三", 13.0, Kind::Count);
    is(&one("一点五亿用户"), "一点五亿", 1.5e8, Kind::Count);
    is(&one("提高五度"), "五", 5.0, Kind::Count);
}

#[test]
fn shares_fractions_and_halves() {
    is(&one("增长百分之十七"), "百分之十七", 17.0, Kind::Percent);
    is(&one("百分之三点五"), "百分之三点五", 3.5, Kind::Percent);
    is(&one("百分之百"), "百分之百", 100.0, Kind::Percent);
    let f = one("占三分之一");
    is(&f, "三分之一", 1.0 / 3.0, Kind::Fraction);
    is(&one("三分之二"), "三分之二", 2.0 / 3.0, Kind::Fraction);
    is(&one("大约一半"), "一半", 0.5, Kind::Fraction);
    is(&one("增长 17%"), "17%", 17.0, Kind::Percent);
    is(&one("增長 17％"), "17％", 17.0, Kind::Percent);
    is(&one("增长１２％"), "１２％", 12.0, Kind::Percent);
}

#[test]
fn points_and_basis_points() {
    is(
        &one("提升 2.1 个百分点"),
        "2.1 个百分点",
        2.1,
        Kind::PercentPoints,
    );
    is(
        &one("提升 2.1 個百分點"),
        "2.1 個百分點",
        2.1,
        Kind::PercentPoints,
    );
    is(
        &one("提升 120 个基点"),
        "120 个基点",
        120.0,
        Kind::BasisPoints,
    );
    is(
        &one("提升 120 個基點"),
        "120 個基點",
        120.0,
        Kind::BasisPoints,
    );
    is(&one("增长 3 倍"), "3 倍", 3.0, Kind::Multiplier);
    is(&one("成長兩倍"), "兩倍", 2.0, Kind::Multiplier);
}

#[test]
fn ranges_share_the_unit_of_their_second_end() {
    let figs = extract("在 1,590 亿至 1,640 亿美元之间");
    is(&figs[0], "1,590 亿", 1590e8, USD);
    is(&figs[1], "1,640 亿美元", 1640e8, USD);
    let figs = extract("介于 151 至 156 亿美元");
    is(&figs[0], "151", 151e8, USD);
    let figs = extract("提供 30%-40% 的优势");
    is(&figs[0], "30%", 30.0, Kind::Percent);
    is(&figs[1], "40%", 40.0, Kind::Percent);
    let figs = extract("分别提高约 90 个和 70 个基点");
    is(&figs[0], "90", 90.0, Kind::BasisPoints);
    let figs = extract("未来 10-20 年");
    is(&figs[1], "20", 20.0, Kind::Count);
    is(&one("全球 200 多万卖家"), "200 多万", 2e6, Kind::Count);
    is(&one("增加了 450 多億美元"), "450 多億美元", 450e8, USD);
}

#[test]
fn years_quarters_dates_and_markers_are_weak() {
    let f = one("2025 年是");
    is(&f, "2025 年", 2025.0, Kind::Year);
    assert_eq!(f.weak, Some(Weak::Year));
    is(&one("二〇二五年"), "二〇二五年", 2025.0, Kind::Year);
    let f = one("第一季度营收");
    is(&f, "第一季度", 1.0, Kind::Quarter);
    assert_eq!(f.weak, Some(Weak::Quarter));
    let figs = extract("2023 年第四季");
    assert_eq!((figs[0].kind, figs[1].kind), (Kind::Year, Kind::Quarter));
    assert_eq!(one("三季度营收").weak, Some(Weak::Quarter));
    assert_eq!(one("Q2 净销售额").weak, Some(Weak::Quarter));
    let figs = extract("截至 5 月 1 日");
    assert!(figs.iter().all(|f| f.weak == Some(Weak::Date)), "{figs:?}");
    assert_eq!(one("第 11 届大会").weak, Some(Weak::Ordinal));
    assert_eq!(one("1、主要财务数据").weak, Some(Weak::ListMarker));
    assert_eq!(one("Trainium 2 实例").weak, Some(Weak::Label));
    assert_eq!(one("过去 12 个月").weak, None);
}

#[test]
fn words_with_numeral_characters_are_not_figures() {
    for text in [
        "一些客户",
        "统一",
        "十分重要",
        "数百万用户",
        "千万不要",
        "一个问题",
        "三大板块",
        "万一",
        "百度",
        "一两个",
        "十几个",
        "EC2 实例",
        "P5 GPU",
        "4K 播放",
        "《007》",
    ] {
        assert!(extract(text).is_empty(), "{text}: {:?}", extract(text));
    }
}

#[test]
fn endless_digit_runs_are_not_figures() {
    assert!(extract(&format!("id {} end", "9".repeat(50))).is_empty());
}
