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
    tandem::call::load(&path, &tandem::call::Options::default()).unwrap()
}

/// The bilingual sources of the test set.
fn sources() -> Vec<(&'static str, Transcript)> {
    vec![
        ("sample", tandem::call::load_sample()),
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
    let t = tandem::call::load_sample();
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
    let t = tandem::call::load_sample();
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
fn another_call_of_the_same_company_is_told_apart_by_its_figures() {
    let t = tandem::call::load_sample();
    let case = split(&t, 3);
    let en = parse(&case.en_text);
    // The same names, speakers and structure, but other figures: another quarter's call.
    let other_figures: String = case
        .zh_text
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_digit((d * 7 + 3) % 10, 10).unwrap(),
            None => c,
        })
        .collect();
    let err = align(en.clone(), parse(&other_figures)).unwrap_err();
    assert!(matches!(err, AlignError::DifferentCalls(_)), "{err:?}");
    assert!(
        align(en, parse(&case.zh_text)).is_ok(),
        "the real translation aligns"
    );
}

#[test]
fn the_reader_shows_one_file_of_a_pair_that_cannot_be_aligned_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let case = split(&tandem::call::load_sample(), 3);
    let other = split(&fixture("interleaved_participants.txt"), 3);
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p
    };
    let en = write("en.txt", &case.en_text);
    let en2 = write("en2.txt", &other.en_text);
    let zh = write("zh.txt", &case.zh_text);
    let zh_other = write("zh_other.txt", &other.zh_text);
    let both = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/interleaved_doubled.txt");
    let read = |a: &Path, b: &Path| {
        let c = tandem::call::Call::open_to_read(
            &[a.to_path_buf(), b.to_path_buf()],
            &tandem::call::Options::default(),
        )
        .unwrap();
        (c.transcript, c.files, c.banner)
    };
    let name = |files: &[std::path::PathBuf]| {
        files
            .iter()
            .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
    };

    let (t, files, banner) = read(&zh, &en);
    assert_eq!(
        (name(&files), banner),
        (vec!["zh.txt".into(), "en.txt".into()], None)
    );
    assert!(t.is_bilingual(), "aligned");

    let (t, files, banner) = read(&en, &en2);
    assert_eq!(name(&files), ["en.txt"], "the first of two English files");
    assert_eq!(t.languages, [Lang::En]);
    let banner = banner.unwrap();
    assert!(
        banner.contains("both files in English") && banner.contains("en.txt"),
        "{banner}"
    );

    let (t, files, banner) = read(&zh_other, &en);
    assert_eq!(
        name(&files),
        ["en.txt"],
        "the English one of two different calls"
    );
    assert_eq!(t.languages, [Lang::En]);
    assert!(banner.unwrap().contains("not the same call"));

    let (t, files, banner) = read(&en, &both);
    assert_eq!(
        name(&files),
        ["interleaved_doubled.txt"],
        "the bilingual one"
    );
    assert!(t.is_bilingual());
    assert!(banner.unwrap().contains("already has both languages"));
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
        let t = tandem::call::load(&path, &tandem::call::Options::default()).unwrap();
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

/// A Chinese repost that carries only the Q&A, each answer condensed to one paragraph, pairs
/// with the full English call: the English it leaves out says nothing against it.
#[test]
fn an_abridged_translation_of_the_q_and_a_pairs_with_the_full_call() {
    let en = parse(
        "Operator\nGood afternoon and welcome to the Tallow Systems fiscal 2026 second quarter call.\n\n\
         Rhea Morant - Chief Executive Officer\nRevenue was $812 million, up 14%. Cloud grew 31%.\n\
         Our backlog reached $2.4 billion and we added 120 customers.\n\
         We opened offices in Lisbon and Osaka.\n\n\
         Ivo Castell - Chief Financial Officer\nGross margin was 71.5%. Operating margin was 24%.\n\
         We expect next quarter revenue of $840 million to $850 million.\n\n\
         Operator\nOur first question comes from the line of Petra Lind with Oakbridge Capital.\n\n\
         Petra Lind - Oakbridge Capital - Analyst\nCloud grew 31%. How much of that came from the 120 new customers?\n\n\
         Rhea Morant - Chief Executive Officer\nAbout 40% of it. New customers start small.\n\
         They usually double their spending in the second year.\nSo the 120 customers matter for 2027.\n\n\
         Operator\nOur next question comes from the line of Amos Reyes with Kettering Securities.\n\n\
         Amos Reyes - Kettering Securities - Analyst\nOn margins: will 71.5% hold next year?\n\n\
         Ivo Castell - Chief Financial Officer\nWe expect 71% to 72% next year.\n\
         Hardware is 9% of revenue and falling.\nThat keeps the gross margin where it is.\n",
    );
    let zh = parse(
        "以下是电话会议实录：\n\
         Oakbridge Capital分析师Petra Lind：云业务增长31%，其中有多少来自120家新客户？\n\
         瑞亚·莫兰特：大约40%。新客户起步较小，通常在第二年支出翻倍，所以这120家客户对2027年很重要。\n\
         Kettering Securities分析师Amos Reyes：关于利润率，71.5%明年能保持吗？\n\
         伊沃·卡斯特尔：我们预计明年在71%到72%之间。硬件占收入的9%且在下降，因此毛利率会保持。\n",
    );
    assert_eq!(zh.questions.len(), 2, "{zh:#?}");
    let merged = align(en, zh).expect("the same call").transcript;
    let analysts: Vec<&str> = merged
        .questions
        .iter()
        .map(|q| merged.speakers[q.analyst].name.as_str())
        .collect();
    assert_eq!(analysts, ["Petra Lind", "Amos Reyes"]);
    assert!(merged.is_bilingual());
}

/// One speaker's turn of `n` paragraphs in English and its Chinese, each naming its number
/// (a figure the aligner can anchor on).
fn one_long_turn(n: usize) -> (String, String) {
    let mut en = String::from("Acme Q3 2026 Earnings Call\n\nJane Roe - Chief Executive Officer\n");
    let mut zh = String::from("Acme 2026年第三季度财报电话会议\n\nJane Roe - 首席执行官\n");
    for k in 0..n {
        en.push_str(&format!(
            "\nItem {k}: revenue in this line of business grew to ${k}.5 million, well ahead of plan.\n"
        ));
        zh.push_str(&format!(
            "\n第{k}项：该业务收入增长至{k}.5百万美元，远超计划。\n"
        ));
    }
    (en, zh)
}

#[test]
fn a_two_megabyte_single_turn_pair_aligns_in_linear_time_and_memory() {
    // 20,000 paragraphs a side in one turn: an exact table would be 400 million cells.
    let (en, zh) = one_long_turn(20_000);
    assert!(en.len() + zh.len() > 2_000_000);
    let a = parse(&en);
    let b = parse(&zh);
    assert_eq!((a.turns.len(), b.turns.len()), (1, 1));
    let t = align(a, b).expect("the pair aligns").transcript;
    let paired = t.turns[0]
        .blocks
        .iter()
        .filter(|b| {
            matches!(b, tandem::Block::Para { en: Some(e), zh: Some(z) }
            if e.split(':').next().map(|x| x.trim_start_matches("Item ")) ==
               z.split('：').next().map(|x| x.trim_start_matches('第').trim_end_matches('项')))
        })
        .count();
    assert!(
        paired >= 19_900,
        "{paired} of 20,000 paragraphs paired with their translation"
    );
}
