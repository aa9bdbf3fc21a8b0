use super::*;

/// Each spelled number in `text`: its text, value and kind.
fn values(text: &str) -> Vec<(String, f64, Kind)> {
    extract(text)
        .into_iter()
        .map(|d| (text[d.start..d.end].to_string(), d.number * d.scale, d.kind))
        .collect()
}

#[test]
fn compound_numbers_and_scales() {
    assert_eq!(
        values("twenty-five stores"),
        [("twenty-five".into(), 25.0, Kind::Count)]
    );
    assert_eq!(
        values("two hundred and five"),
        [("two hundred and five".into(), 205.0, Kind::Count)]
    );
    assert_eq!(
        values("two billion devices"),
        [("two billion".into(), 2e9, Kind::Count)]
    );
    assert_eq!(values("a dozen"), [("a dozen".into(), 12.0, Kind::Count)]);
    assert_eq!(
        values("trailing-twelve-month"),
        [("twelve".into(), 12.0, Kind::Count)]
    );
}

#[test]
fn one_alone_is_not_a_figure_but_with_a_unit_it_is() {
    assert!(values("one of our customers, and a few more").is_empty());
    assert_eq!(
        values("one percentage point"),
        [("one percentage point".into(), 1.0, Kind::PercentPoints)]
    );
    assert_eq!(
        values("seventeen percent"),
        [("seventeen percent".into(), 17.0, Kind::Percent)]
    );
}

#[test]
fn fractions_multipliers_and_quarters() {
    let third = values("about a third of it");
    assert_eq!(
        (third[0].0.as_str(), third[0].2),
        ("a third", Kind::Fraction)
    );
    assert!((third[0].1 - 1.0 / 3.0).abs() < 1e-9);
    assert_eq!(values("two-thirds")[0].0, "two-thirds");
    assert_eq!(
        values("About half of it"),
        [("half".into(), 0.5, Kind::Fraction)]
    );
    assert!(values("in the second half of the year").is_empty());
    assert_eq!(
        values("it doubled"),
        [("doubled".into(), 2.0, Kind::Multiplier)]
    );
    assert_eq!(
        values("the third quarter"),
        [("third quarter".into(), 3.0, Kind::Quarter)]
    );
    assert!(values("the third time").is_empty());
}

#[test]
fn the_vocabulary_is_sorted_for_binary_search() {
    assert!(VOCABULARY.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(lookup("Twenty"), Some("twenty"));
    assert_eq!(lookup("twentyfive"), None);
}
