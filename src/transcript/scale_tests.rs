//! Calls with thousands of speakers, names or hand-offs, generated here: what the parser
//! finds in them (who speaks, who asks, which spellings are one person).

use super::model::{SpeakerKind, Transcript};
use super::parse;

const SYLLABLES: [&str; 20] = [
    "ba", "ko", "ri", "mel", "dan", "so", "vi", "ta", "lu", "ner", "pa", "gor", "fi", "ze", "mo",
    "char", "li", "wen", "dor", "sa",
];

/// Given names, each with a short form that is the same person's.
const GIVEN: [(&str, &str); 5] = [
    ("William", "Bill"),
    ("Andrew", "Andy"),
    ("Daniel", "Dan"),
    ("Katherine", "Kate"),
    ("Michael", "Mike"),
];

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A surname of its own for each `i` below 8,000.
fn surname(i: usize) -> String {
    capitalised(&format!(
        "{}{}{}",
        SYLLABLES[i % 20],
        SYLLABLES[(i / 20) % 20],
        SYLLABLES[(i / 400) % 20]
    ))
}

/// Person `i`'s full name.
fn full(i: usize) -> String {
    format!("{} {}", GIVEN[i % 5].0, surname(i))
}

/// Person `i`'s name with the short form of the given name.
fn short(i: usize) -> String {
    format!("{} {}", GIVEN[i % 5].1, surname(i))
}

const OPENING: &str = "Acme Corp Q3 2026 Earnings Call\n\n\
    Operator: Good afternoon and welcome to the Acme third quarter 2026 call.\n\
    Jane Roe: Thank you. Revenue was $412 million.\n\
    Ben Li: Thanks, Jane. Margins grew.\n\n";

fn speaker_named(t: &Transcript, name: &str) -> Option<usize> {
    t.speakers.iter().position(|s| s.name == name)
}

/// `Name (Analyst): …` labels of thousands of people, and some of them again by the short
/// form of the given name: one speaker each, the short form joining the full one.
#[test]
fn thousands_of_labelled_speakers() {
    const N: usize = 3000;
    let mut text = OPENING.to_string();
    for i in 0..N {
        text.push_str(&format!("{} (Analyst): What about margins?\n\n", full(i)));
    }
    for i in (0..N).step_by(7) {
        text.push_str(&format!("{} (Analyst): And costs?\n\n", short(i)));
    }
    let t = parse(&text);
    assert_eq!(t.speakers.len(), 3 + N);
    for i in 0..N {
        let s = speaker_named(&t, &full(i)).unwrap_or_else(|| panic!("{}", full(i)));
        assert_eq!(t.speakers[s].kind, SpeakerKind::Analyst);
    }
    assert_eq!(t.turns.len(), 3 + N + N.div_ceil(7));
    for (k, i) in (0..N).step_by(7).enumerate() {
        assert_eq!(t.speakers[t.turns[3 + N + k].speaker].name, full(i));
    }
}

/// A participant list of thousands: those who speak, by the short form of the name, are
/// found in it (full name and firm); those who do not are no speakers.
#[test]
fn thousands_of_participants() {
    const N: usize = 3000;
    let mut text = "Acme Q3 2026 Earnings Call\n\nConference Call Participants\n".to_string();
    for i in 0..N {
        text.push_str(&format!("{} - Northgate Securities\n", full(i)));
    }
    text.push_str("\nOperator: Welcome.\nJane Roe: Thanks.\n");
    for i in (0..N).step_by(100) {
        text.push_str(&format!(
            "{}: A question.\nJane Roe: An answer.\n",
            short(i)
        ));
    }
    let t = parse(&text);
    assert_eq!(t.speakers.len(), N / 100 + 2);
    let askers: Vec<(&str, Option<&str>)> = t
        .turns
        .iter()
        .map(|turn| &t.speakers[turn.speaker])
        .filter(|s| s.name != "Operator" && s.name != "Jane Roe")
        .map(|s| (s.name.as_str(), s.firm.as_deref()))
        .collect();
    let expected: Vec<String> = (0..N).step_by(100).map(full).collect();
    let expected: Vec<(&str, Option<&str>)> = expected
        .iter()
        .map(|n| (n.as_str(), Some("Northgate Securities")))
        .collect();
    assert_eq!(askers, expected);
}

/// Question headings naming thousands of analysts who do not speak themselves: a question
/// each, asked by the analyst the heading names, a short form naming the same one again.
#[test]
fn thousands_of_question_headings() {
    const N: usize = 2000;
    let mut text = OPENING.to_string();
    for i in 0..N {
        text.push_str(&format!(
            "Question {} - {} (Northgate)\n\nJane Roe: We expect growth.\n\n",
            i % 999 + 1,
            full(i)
        ));
    }
    for (k, i) in (0..N).step_by(50).enumerate() {
        text.push_str(&format!(
            "Question {} - {} (Northgate)\n\nJane Roe: We expect growth.\n\n",
            (N + k) % 999 + 1,
            short(i)
        ));
    }
    let t = parse(&text);
    let asked: Vec<&str> = t
        .questions
        .iter()
        .map(|q| t.speakers[q.analyst].name.as_str())
        .collect();
    let expected: Vec<String> = (0..N).chain((0..N).step_by(50)).map(full).collect();
    // Compared one by one: a failure names the question rather than printing thousands.
    assert_eq!(asked.len(), expected.len());
    for (k, (a, e)) in asked.iter().zip(&expected).enumerate() {
        assert_eq!(a, e, "question {}", k + 1);
    }
    assert!(
        t.questions
            .iter()
            .all(|q| q.firm.as_deref() == Some("Northgate"))
    );
    assert_eq!(t.speakers.len(), 3 + N);
    for (k, q) in t.questions.iter().enumerate() {
        assert_eq!(q.turns, vec![3 + k], "question {}", k + 1);
    }
}

/// Thousands of headings giving the floor to one analyst who then asks each time: a
/// question for each hand-off, of the analyst's turn and the answer.
#[test]
fn thousands_of_hand_offs_to_one_analyst() {
    const N: usize = 5000;
    let mut text = OPENING.to_string();
    for i in 0..N {
        text.push_str(&format!(
            "Question {} - Ben Li (Northgate)\n\nBen Li: What about margins?\n\n\
             Jane Roe: We expect growth.\n\n",
            i % 999 + 1
        ));
    }
    let t = parse(&text);
    assert_eq!(t.speakers.len(), 3);
    assert_eq!(t.turns.len(), 3 + 2 * N);
    // The opening's `Ben Li` turn is a question of its own; each hand-off gives one more.
    assert_eq!(t.questions.len(), N + 1);
    assert_eq!(t.questions[0].turns, vec![2]);
    for (k, q) in t.questions.iter().enumerate().skip(1) {
        assert_eq!(t.speakers[q.analyst].name, "Ben Li");
        assert_eq!(q.firm.as_deref(), Some("Northgate"));
        assert_eq!(q.turns, vec![1 + 2 * k, 2 + 2 * k], "question {}", k + 1);
    }
}

/// Thousands of names each heading one turn, every third one named in the speech before
/// it: a name line or label used once is a speaker when the text mentions it elsewhere, and
/// is not otherwise (standalone name lines and `Name: speech` labels alike).
#[test]
fn thousands_of_names_used_once() {
    const N: usize = 3000;
    for standalone in [true, false] {
        let mut text = OPENING.to_string();
        for i in 0..N {
            let speech = if i % 3 == 0 {
                format!("Thank you. Over to {}.", full(i + 1))
            } else {
                "Thank you for the question about margins.".to_string()
            };
            let gap = if standalone { "\n" } else { ": " };
            text.push_str(&format!("{}{gap}{speech}\n\n", full(i)));
        }
        let t = parse(&text);
        let names: Vec<&str> = t.speakers.iter().map(|s| s.name.as_str()).collect();
        let mentioned: Vec<String> = (1..N).step_by(3).map(full).collect();
        let mut expected = vec!["Operator"];
        expected.extend(mentioned.iter().map(String::as_str));
        assert_eq!(names.len(), expected.len(), "standalone: {standalone}");
        for (k, (a, e)) in names.iter().zip(&expected).enumerate() {
            assert_eq!(a, e, "speaker {k}, standalone: {standalone}");
        }
        assert_eq!(t.turns.len(), expected.len(), "standalone: {standalone}");
    }
}

/// A call with no speaker labels and thousands of questions, run into one paragraph: each
/// introduction opens a question asked by the person it names.
#[test]
fn thousands_of_questions_in_an_unlabelled_call() {
    const N: usize = 2000;
    let mut text = "Thank you for standing by. I will now turn the call over to Jane Roe. \
                    Thank you. Revenue grew. "
        .to_string();
    for i in 0..N {
        text.push_str(&format!(
            "Our next question comes from {} with Firm {}. Please go ahead. Hi, how is \
             pricing? Pricing is stable. ",
            full(i),
            surname(i + 1)
        ));
    }
    let t = parse(&text);
    assert!(t.unlabelled);
    assert_eq!(t.questions.len(), N);
    for (i, q) in t.questions.iter().enumerate() {
        assert_eq!(t.speakers[q.analyst].name, full(i), "question {i}");
        assert_eq!(
            q.firm.as_deref(),
            Some(format!("Firm {}", surname(i + 1)).as_str())
        );
        assert_eq!(q.turns.len(), 2, "question {i}");
    }
}
