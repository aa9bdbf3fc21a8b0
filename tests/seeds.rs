//! The real transcripts in ../shared/seeds (when present) parse into the right call structure.
//! Skips cleanly when the seeds are absent (a fresh clone has no ../shared).

use std::path::{Path, PathBuf};

use tandem::{Block, SpeakerKind, Transcript};

/// What one seed must parse into.
struct Expect {
    file: &'static str,
    /// (analyst name or alt, firm substring), in question order.
    analysts: [(&'static str, &'static str); 6],
    executives: &'static [&'static str],
    notes: usize,
    /// Text that is not speech (front matter, page chrome) and must be in no turn.
    not_in_turns: &'static [&'static str],
    /// English and Chinese that must share one paragraph.
    pair: Option<(&'static str, &'static str)>,
    period: &'static str,
    /// Turns after the last question's last answer (closing remarks, the goodbye), in no question.
    closing: usize,
}

const SEEDS: &[Expect] = &[
    Expect {
        file: "000_eaae31c8f3b10d3a.txt",
        analysts: [
            ("Mark Mahaney", "Evercore ISI"),
            ("Doug Anmuth", "JPMorgan"),
            ("Ross Sandler", "Barclays"),
            ("Michael Morton", "MoffettNathanson"),
            ("Brian Nowak", "Morgan Stanley"),
            ("Eric Sheridan", "Goldman Sachs"),
        ],
        executives: &["Dave Fildes", "Andy Jassy", "Brian Olsavsky"],
        notes: 7,
        not_in_turns: &["K佬前言", "張貼留言"],
        pair: None,
        period: "Q4 2025",
        closing: 1,
    },
    Expect {
        file: "001_2b5489ba4c6a2380.txt",
        analysts: [
            ("马克・马哈尼", "Evercore ISI"),
            ("道格・安穆斯", "摩根大通"),
            ("罗斯・桑德勒", "巴克莱"),
            ("迈克尔・莫顿", "莫菲特"),
            ("布莱恩・诺瓦克", "摩根士丹利"),
            ("埃里克・谢里丹", "高盛"),
        ],
        executives: &["戴夫・菲尔兹", "安迪・贾西", "布莱恩・奥尔萨夫斯基"],
        notes: 0,
        not_in_turns: &["财联社", "核心要点梳理", "营收:2134 亿美元"],
        pair: None,
        period: "Q4 2025",
        closing: 1,
    },
    Expect {
        file: "002_1a93538a227a53bc.txt",
        analysts: [
            ("马克·马哈尼", "Evercore ISI"),
            ("埃里克·谢里登", "高盛"),
            ("道格·安穆斯", "摩根大通"),
            ("布莱恩·诺瓦克", "摩根士丹利"),
            ("约翰·布莱克利奇", "TD Cowen"),
            ("迈克尔·莫顿", "MoffettNathanson"),
        ],
        executives: &["戴夫·菲尔德斯", "安迪·贾西", "布赖恩·T·奥尔萨夫斯基"],
        notes: 0,
        not_in_turns: &["要点总结", "风险提示及免责条款", "wallstreetcn.com"],
        pair: None,
        period: "Q4 2024",
        closing: 1,
    },
    Expect {
        file: "003_7ef905fc3de871df.txt",
        analysts: [
            ("Ross Sandler", "Barclays"),
            ("Eric Sheridan", "Goldman Sachs"),
            ("Justin Post", "Bank of America"),
            ("Doug Anmuth", "Morgan"),
            ("Brian Nowak", "Morgan Stanley"),
            ("Brent Thill", "Jefferies"),
        ],
        executives: &["Dave Fildes", "Andy Jassy", "Brian Olsavsky"],
        notes: 6,
        not_in_turns: &["Company Participants", "Conference Call Participants"],
        pair: Some(("$165.7 billion in revenue", "1,657 亿美元")),
        period: "Q1 2025",
        closing: 1,
    },
    Expect {
        file: "004_925dad6f64a5a1cf.txt",
        analysts: [
            ("Eric James Sheridan", "Goldman Sachs"),
            ("Brian Thomas Nowak", "Morgan Stanley"),
            ("Douglas Till Anmuth", "JPMorgan"),
            ("Mark Stephen F. Mahaney", "Evercore ISI"),
            ("Scott William Devitt", "Wedbush"),
            ("Colin Alan Sebastian", "Baird"),
        ],
        executives: &["Dave Fildes", "Andrew R. Jassy", "Brian T. Olsavsky"],
        notes: 0,
        not_in_turns: &["使用警語"],
        pair: Some(("we're reporting $170 billion in revenue", "1700 億美元")),
        period: "Q4 2023",
        closing: 2,
    },
];

fn seeds_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    dir.is_dir().then_some(dir)
}

fn speech(t: &Transcript) -> String {
    serde_json::to_string(&t.turns).unwrap()
}

fn named(t: &Transcript, i: usize, name: &str) -> bool {
    let s = &t.speakers[i];
    s.name == name || s.name_alt.as_deref() == Some(name)
}

fn check(e: &Expect, t: &Transcript) -> Vec<String> {
    let mut errs = Vec::new();
    if t.questions.len() != 6 {
        errs.push(format!("{} questions", t.questions.len()));
    }
    for (q, (name, firm)) in t.questions.iter().zip(e.analysts) {
        let sp = &t.speakers[q.analyst];
        if !named(t, q.analyst, name) || sp.kind != SpeakerKind::Analyst {
            errs.push(format!(
                "Q{}: {} ({:?}), want {name}",
                q.number, sp.name, sp.kind
            ));
        }
        if !q.firm.as_deref().is_some_and(|f| f.contains(firm)) {
            errs.push(format!("Q{}: firm {:?}, want {firm}", q.number, q.firm));
        }
    }
    for exec in e.executives {
        let ok = (0..t.speakers.len())
            .any(|i| named(t, i, exec) && t.speakers[i].kind == SpeakerKind::Executive);
        if !ok {
            errs.push(format!("{exec} is not an executive"));
        }
    }
    if !t.speakers.iter().any(|s| s.kind == SpeakerKind::Operator) {
        errs.push("no operator".into());
    }
    if t.note_count() != e.notes {
        errs.push(format!("{} notes, want {}", t.note_count(), e.notes));
    }
    let text = speech(t);
    for s in e.not_in_turns {
        if text.contains(s) {
            errs.push(format!("{s:?} is inside a turn"));
        }
    }
    if let Some((en, zh)) = e.pair {
        let paired = t.turns.iter().flat_map(|x| &x.blocks).any(|b| {
            matches!(b, Block::Para { en: Some(a), zh: Some(b) } if a.contains(en) && b.contains(zh))
        });
        if !paired {
            errs.push(format!("{en:?} is not paired with {zh:?}"));
        }
    }
    if t.period.as_deref() != Some(e.period) {
        errs.push(format!("period {:?}", t.period));
    }
    let end = t
        .questions
        .last()
        .and_then(|q| q.turns.iter().max())
        .copied()
        .unwrap_or(0);
    let after = t.turns.len().saturating_sub(end + 1);
    if after != e.closing {
        errs.push(format!(
            "the last question ends at turn {end}, {after} turns after it, want {}",
            e.closing
        ));
    }
    if t.turns.iter().skip(end + 1).any(|x| x.question.is_some()) {
        errs.push("closing remarks are counted in a question".into());
    }
    if t.turns.first().map(|x| x.section) != Some(tandem::Section::Prepared) {
        errs.push("the call does not open with prepared remarks".into());
    }
    errs
}

#[test]
fn seeds_parse_into_the_right_structure() {
    let Some(dir) = seeds_dir() else {
        eprintln!("skipped: ../shared/seeds is not present");
        return;
    };
    let mut failures = Vec::new();
    for e in SEEDS {
        let path = dir.join(e.file);
        if !path.exists() {
            eprintln!("skipped: {} is not present", e.file);
            continue;
        }
        let t = tandem::call::load(&path, &tandem::call::Options::default()).expect("seed loads");
        let errs = check(e, &t);
        if !errs.is_empty() {
            failures.push(format!("{}:\n  {}", e.file, errs.join("\n  ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
