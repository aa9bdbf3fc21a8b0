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
fn currency_amounts_with_scale() {
    is(
        &one("revenue of $155.7 billion, up"),
        "$155.7 billion",
        155.7e9,
        USD,
    );
    is(&one("a $1.1 billion charge"), "$1.1 billion", 1.1e9, USD);
    is(&one("$820 million of"), "$820 million", 820e6, USD);
    is(
        &one("a $1.557 trillion market"),
        "$1.557 trillion",
        1.557e12,
        USD,
    );
    is(&one("just $9 a month"), "$9", 9.0, USD);
    is(&one("at $0.10 per hour"), "$0.10", 0.1, USD);
    is(&one("about $5B in"), "$5B", 5e9, USD);
    is(&one("only 10 cents"), "10 cents", 0.1, USD);
    is(
        &one("HK$3 billion"),
        "HK$3 billion",
        3e9,
        Kind::Money(Some(Currency::Hkd)),
    );
}

#[test]
fn the_rounding_step_follows_the_written_digits() {
    assert_eq!(one("$155.7 billion").ulp, 1e8);
    assert_eq!(one("$0.10 per hour").ulp, 0.01);
    assert_eq!(one("17%").ulp, 1.0);
}

#[test]
fn percents_points_and_basis_points() {
    is(&one("up 17% year over year"), "17%", 17.0, Kind::Percent);
    is(&one("up 17 percent"), "17 percent", 17.0, Kind::Percent);
    is(
        &one("by 2.1 percentage points to"),
        "2.1 percentage points",
        2.1,
        Kind::PercentPoints,
    );
    is(
        &one("120 basis points higher"),
        "120 basis points",
        120.0,
        Kind::BasisPoints,
    );
    is(&one("about 50 bps."), "50 bps", 50.0, Kind::BasisPoints);
    is(
        &one("90-plus percent"),
        "90-plus percent",
        90.0,
        Kind::Percent,
    );
}

#[test]
fn counts_and_multipliers() {
    is(
        &one("2.75 million members"),
        "2.75 million",
        2.75e6,
        Kind::Count,
    );
    is(
        &one("300 million customers"),
        "300 million",
        300e6,
        Kind::Count,
    );
    is(&one("over 1,000 stores"), "1,000", 1000.0, Kind::Count);
    is(
        &one("2 million-plus sellers"),
        "2 million",
        2e6,
        Kind::Count,
    );
    is(&one("a 2x improvement"), "2x", 2.0, Kind::Multiplier);
    is(&one("3 times faster"), "3 times", 3.0, Kind::Multiplier);
    is(&one("20 times a day"), "20 times", 20.0, Kind::Count);
    is(&one("a 3-fold rise"), "3-fold", 3.0, Kind::Multiplier);
}

#[test]
fn both_ends_of_a_range_are_figures() {
    let figs = extract("between $159 billion and $164 billion");
    is(&figs[0], "$159 billion", 159e9, USD);
    is(&figs[1], "$164 billion", 164e9, USD);
    let figs = extract("between $15.1 billion and $15.6 billion");
    is(&figs[0], "$15.1 billion", 15.1e9, USD);
    is(&figs[1], "$15.6 billion", 15.6e9, USD);
    let figs = extract("between $15.1 and $15.6 billion");
    is(&figs[0], "$15.1", 15.1e9, USD);
    let figs = extract("in the 30-60% range");
    is(&figs[0], "30", 30.0, Kind::Percent);
    let figs = extract("30%-to-40% better");
    is(&figs[1], "40%", 40.0, Kind::Percent);
    let figs = extract("1 and 2 billion");
    is(&figs[0], "1", 1.0, Kind::Count);
}

#[test]
fn years_quarters_dates_lists_and_ordinals_are_weak() {
    let f = one("in 2025, we");
    is(&f, "2025", 2025.0, Kind::Year);
    assert_eq!(f.weak, Some(Weak::Year));
    let f = one("our Q1 results");
    is(&f, "Q1", 1.0, Kind::Quarter);
    assert_eq!(f.weak, Some(Weak::Quarter));
    assert_eq!(one("the 2Q EBIT").weak, Some(Weak::Quarter));
    is(&one("FY25 plan"), "FY25", 2025.0, Kind::Year);
    is(&one("in '24 and"), "'24", 2024.0, Kind::Year);
    assert_eq!(one("1. First point").weak, Some(Weak::ListMarker));
    assert_eq!(one("our 21st year").weak, Some(Weak::Ordinal));
    let figs = extract("as of May 1, 2025 only");
    assert_eq!(
        (figs[0].weak, figs[1].weak),
        (Some(Weak::Date), Some(Weak::Year))
    );
    let figs = extract("as of 12/31.");
    assert_eq!(figs.len(), 2);
    assert!(figs.iter().all(|f| f.weak == Some(Weak::Date)));
    assert_eq!(one("Trainium 2 instances").weak, Some(Weak::Label));
    assert_eq!(one("the first quarter").kind, Kind::Quarter);
}

#[test]
fn codes_and_times_are_not_figures() {
    for text in [
        "on EC2 and S3",
        "our 10-K filing",
        "COVID-19",
        "at 5:00 PM",
        "the 007 film",
        "x86 chips",
        "a 4K screen",
        "GPT-4 model",
    ] {
        assert!(extract(text).is_empty(), "{text}: {:?}", extract(text));
    }
}

#[test]
fn spelled_numbers_are_found_and_marked() {
    let f = one("over the trailing twelve months");
    is(&f, "twelve", 12.0, Kind::Count);
    assert!(f.spelled);
    is(
        &one("about a half billion devices"),
        "a half billion",
        0.5e9,
        Kind::Count,
    );
    is(
        &one("half a billion devices"),
        "half a billion",
        0.5e9,
        Kind::Count,
    );
    is(
        &one("the thousand-plus apps"),
        "thousand",
        1000.0,
        Kind::Count,
    );
    assert!(extract("a multi-billion-dollar business").is_empty());
    is(
        &one("the last four quarters of growth"),
        "four",
        4.0,
        Kind::Count,
    );
    is(
        &one("three quarters of sales"),
        "three quarters",
        0.75,
        Kind::Fraction,
    );
    let f = one("about a quarter of orders");
    is(&f, "a quarter", 0.25, Kind::Fraction);
}

#[test]
fn a_wide_character_after_a_figure_does_not_split() {
    let figs = extract("grew to $4.2 billion, and our “Harbor” platform");
    assert_eq!(figs.len(), 1, "{figs:?}");
    is(&figs[0], "$4.2 billion", 4.2e9, USD);
}

#[test]
fn endless_digit_runs_are_not_figures() {
    assert!(extract(&format!("id {} end", "9".repeat(50))).is_empty());
}
