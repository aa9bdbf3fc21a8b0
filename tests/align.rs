//! Alignment of an English file with a separate Chinese translation, measured on generated
//! splits of the bilingual fixtures (true links known), and the errors a user can hit.

use std::path::Path;

use tandem::align::eval::{Score, score, split};
use tandem::align::{AlignError, align};
use tandem::transcript::parse;
use tandem::{Lang, Transcript};

fn fixture(name: &str) -> Transcript {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    tandem::commands::load(&path, None).unwrap()
}

/// The bilingual sources of the test set.
fn sources() -> Vec<(&'static str, Transcript)> {
    vec![
        ("sample", tandem::commands::load_sample()),
        (
            "interleaved_participants",
            fixture("interleaved_participants.txt"),
        ),
        ("interleaved_doubled", fixture("interleaved_doubled.txt")),
    ]
}

#[test]
fn paragraph_links_reach_the_f1_floor() {
    let mut total = Score::default();
    for (name, t) in sources() {
        for seed in 1..=5 {
            let s = score(&split(&t, seed));
            eprintln!(
                "{name} seed {seed}: P {:.3} R {:.3} F1 {:.3}",
                s.precision(),
                s.recall(),
                s.f1()
            );
            total.add(s);
        }
    }
    eprintln!(
        "total: P {:.3} R {:.3} F1 {:.3}",
        total.precision(),
        total.recall(),
        total.f1()
    );
    assert!(
        total.truth > 300,
        "test set too small: {} links",
        total.truth
    );
    assert!(total.f1() >= 0.97, "F1 {:.3}", total.f1());
}

#[test]
fn merged_transcript_keeps_structure_and_both_languages() {
    let t = tandem::commands::load_sample();
    let case = split(&t, 7);
    let (en, zh) = (parse(&case.en_text), parse(&case.zh_text));
    assert_eq!(en.languages, [Lang::En]);
    assert_eq!(zh.languages, [Lang::Zh]);
    // Either order works.
    let merged = align(zh, en).unwrap().transcript;
    assert_eq!(merged.languages, [Lang::En, Lang::Zh]);
    assert_eq!(merged.questions.len(), t.questions.len());
    for (q, orig) in merged.questions.iter().zip(&t.questions) {
        assert_eq!(
            merged.speakers[q.analyst].name,
            t.speakers[orig.analyst].name
        );
    }
    let paired = merged
        .turns
        .iter()
        .flat_map(|x| &x.blocks)
        .filter(|b| {
            matches!(
                b,
                tandem::Block::Para {
                    en: Some(_),
                    zh: Some(_)
                }
            )
        })
        .count();
    assert!(
        paired * 10 >= merged.paragraph_count() * 7,
        "{paired} of {}",
        merged.paragraph_count()
    );
    let ceo = merged
        .speakers
        .iter()
        .find(|s| s.name == "Tomas Wrenfield")
        .unwrap();
    assert_eq!(ceo.name_alt.as_deref(), Some("托马斯·伦菲尔德"));
}

#[test]
fn same_language_and_different_calls_are_refused() {
    let t = tandem::commands::load_sample();
    let case = split(&t, 3);
    let en = parse(&case.en_text);
    assert_eq!(
        align(en.clone(), en.clone()).unwrap_err(),
        AlignError::SameLanguage(Lang::En)
    );
    assert_eq!(
        align(t.clone(), en.clone()).unwrap_err(),
        AlignError::AlreadyBilingual
    );
    let other = split(&fixture("interleaved_participants.txt"), 3);
    let err = align(en, parse(&other.zh_text)).unwrap_err();
    assert!(matches!(err, AlignError::DifferentCalls(_)), "{err:?}");
}

#[test]
fn interleaved_seeds_split_and_realigned_when_present() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let mut total = Score::default();
    for name in ["003_7ef905fc3de871df.txt", "004_925dad6f64a5a1cf.txt"] {
        let path = dir.join(name);
        if !path.exists() {
            eprintln!("skipped: {name} is not present");
            continue;
        }
        let t = tandem::commands::load(&path, None).unwrap();
        for seed in 1..=3 {
            total.add(score(&split(&t, seed)));
        }
    }
    if total.truth > 0 {
        eprintln!(
            "seeds: P {:.3} R {:.3} F1 {:.3}",
            total.precision(),
            total.recall(),
            total.f1()
        );
        assert!(total.f1() >= 0.97, "F1 {:.3}", total.f1());
    }
}
