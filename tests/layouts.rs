//! Every layout fixture in tests/fixtures parses into the structure its `.expect.json` gives.

use std::path::{Path, PathBuf};

use serde_json::Value;
use tandem::{Block, SpeakerKind, Transcript};

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// All text of the turns (speech and notes), for "never in a turn" checks.
fn turns_text(t: &Transcript) -> String {
    let mut s = String::new();
    for b in t.turns.iter().flat_map(|x| &x.blocks) {
        match b {
            Block::Para { en, zh } => {
                for x in [en, zh].into_iter().flatten() {
                    s.push_str(x);
                    s.push('\n');
                }
            }
            Block::Note { note } => s.push_str(note),
        }
    }
    s
}

fn has_name(t: &Transcript, i: usize, name: &str) -> bool {
    let sp = &t.speakers[i];
    sp.name == name || sp.name_alt.as_deref() == Some(name)
}

fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Checks one fixture; returns what differs.
fn check(name: &str) -> Vec<String> {
    let dir = fixture_dir();
    let t = tandem::call::load(&source(name), &tandem::call::Options::default())
        .expect("fixture loads");
    let exp: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join(format!("{name}.expect.json"))).unwrap(),
    )
    .expect("valid expect.json");
    let mut errs = Vec::new();
    let mut expect = |ok: bool, what: String| {
        if !ok {
            errs.push(what);
        }
    };
    let langs: Vec<String> = t
        .languages
        .iter()
        .map(|l| format!("{l:?}").to_lowercase())
        .collect();
    expect(
        langs == strs(&exp["languages"]),
        format!("languages {langs:?}"),
    );
    for (key, got) in [
        ("title_contains", &t.title),
        ("company_contains", &t.company),
    ] {
        if let Some(want) = exp[key].as_str() {
            expect(
                got.as_deref().is_some_and(|g| g.contains(want)),
                format!("{key} {want:?}, got {got:?}"),
            );
        }
    }
    for (key, got) in [
        ("period", &t.period),
        ("date", &t.date),
        ("company", &t.company),
    ] {
        if let Some(want) = exp[key].as_str() {
            expect(
                got.as_deref() == Some(want),
                format!("{key} {want:?}, got {got:?}"),
            );
        }
    }
    let has_operator = t.speakers.iter().any(|s| s.kind == SpeakerKind::Operator);
    expect(
        exp["operator"].as_bool() == Some(has_operator),
        format!("operator {has_operator}"),
    );
    for exec in strs(&exp["executives"]) {
        let found = (0..t.speakers.len()).find(|&i| has_name(&t, i, &exec));
        let kind = found.map(|i| t.speakers[i].kind);
        expect(
            kind == Some(SpeakerKind::Executive),
            format!("executive {exec}: {kind:?}"),
        );
    }
    let analysts = exp["analysts"].as_array().cloned().unwrap_or_default();
    expect(
        t.questions.len() == analysts.len(),
        format!("{} questions, want {}", t.questions.len(), analysts.len()),
    );
    for (q, a) in t.questions.iter().zip(&analysts) {
        let name = a["name"].as_str().unwrap_or_default();
        let firm = a["firm_contains"].as_str().unwrap_or_default();
        let sp = &t.speakers[q.analyst];
        expect(
            has_name(&t, q.analyst, name),
            format!("Q{} analyst {name}, got {}", q.number, sp.name),
        );
        expect(
            sp.kind == SpeakerKind::Analyst,
            format!("Q{} analyst kind {:?}", q.number, sp.kind),
        );
        // `"firm_contains": null`: the file names no firm, so none may be made up.
        let firm_ok = match a["firm_contains"].is_null() {
            true => q.firm.is_none(),
            false => q.firm.as_deref().is_some_and(|f| f.contains(firm)),
        };
        expect(
            firm_ok,
            format!("Q{} firm {firm}, got {:?}", q.number, q.firm),
        );
    }
    expect(
        exp["turns"].as_u64() == Some(t.turns.len() as u64),
        format!("{} turns", t.turns.len()),
    );
    check_closing(&t, &exp, &mut expect);
    expect(
        exp["notes"].as_u64() == Some(t.note_count() as u64),
        format!("{} notes", t.note_count()),
    );
    let notes: Vec<&str> = t
        .turns
        .iter()
        .flat_map(|x| &x.blocks)
        .filter_map(|b| match b {
            Block::Note { note } => Some(note.as_str()),
            _ => None,
        })
        .collect();
    for n in strs(&exp["note_texts_contain"]) {
        expect(
            notes.iter().any(|x| x.contains(&n)),
            format!("note containing {n:?}"),
        );
    }
    let speech = turns_text(&t);
    let front = t.front_matter.join("\n");
    for f in strs(&exp["front_matter_contains"]) {
        expect(
            front.contains(&f) && !speech.contains(&f),
            format!("front matter {f:?}"),
        );
    }
    for b in strs(&exp["back_matter_contains"]) {
        expect(
            !speech.contains(&b),
            format!("back matter {b:?} is in a turn"),
        );
    }
    // Page chrome (menus, share bars, related articles, page headers) is nowhere in the call;
    // decoration (`###`, `+++`) not even in who speaks (names, roles, firms) or the questions'
    // firms.
    let who: Vec<String> = t
        .speakers
        .iter()
        .flat_map(|s| [Some(&s.name), s.role.as_ref(), s.firm.as_ref()])
        .chain(t.questions.iter().map(|q| q.firm.as_ref()))
        .flatten()
        .cloned()
        .collect();
    let everything = format!(
        "{speech}\n{front}\n{}\n{}",
        t.back_matter.join("\n"),
        t.title.clone().unwrap_or_default(),
    );
    let who = who.join("\n");
    for n in strs(&exp["never_contains"]) {
        expect(!everything.contains(&n), format!("{n:?} is in the call"));
        let decoration = !n.chars().any(char::is_alphanumeric);
        expect(
            !(decoration && who.contains(&n)),
            format!("{n:?} is in a speaker's name, role or firm"),
        );
    }
    // Text hard-wrapped in the file is whole within one paragraph.
    for whole in strs(&exp["paragraphs_contain"]) {
        let found = t.turns.iter().flat_map(|x| &x.blocks).any(|b| match b {
            Block::Para { en, zh } => [en, zh].into_iter().flatten().any(|p| p.contains(&whole)),
            Block::Note { .. } => false,
        });
        expect(found, format!("no paragraph holds {whole:?}"));
    }
    for pair in exp["pairs_contain"].as_array().cloned().unwrap_or_default() {
        let (en, zh) = (
            pair[0].as_str().unwrap_or_default(),
            pair[1].as_str().unwrap_or_default(),
        );
        let paired = t.turns.iter().flat_map(|x| &x.blocks).any(|b| {
            matches!(b, Block::Para { en: Some(e), zh: Some(z) } if e.contains(en) && z.contains(zh))
        });
        expect(paired, format!("pair {en:?} / {zh:?}"));
    }
    errs
}

/// The last question ends at its last real answer; the closing remarks after it (the end of
/// the Q&A, closing statements, the goodbye) are in the Q&A and in no question.
fn check_closing(t: &Transcript, exp: &Value, expect: &mut impl FnMut(bool, String)) {
    let Some(last) = t.questions.last() else {
        return;
    };
    let end = last.turns.iter().copied().max().unwrap_or(0);
    if let Some(want) = exp["last_answer_contains"].as_str() {
        let said = t.turns.get(end).is_some_and(|turn| {
            turn.blocks.iter().any(|b| {
                matches!(b, Block::Para { en, zh } if [en, zh].into_iter().flatten().any(|x| x.contains(want)))
            })
        });
        expect(
            said,
            format!("Q{} does not end with the answer {want:?}", last.number),
        );
    }
    if let Some(want) = exp["closing_turns"].as_u64() {
        let after = t.turns.len().saturating_sub(end + 1);
        expect(
            after as u64 == want,
            format!(
                "Q{} ends at turn {end}: {after} turns after it, want {want} closing turns",
                last.number
            ),
        );
        let counted: Vec<usize> = (end + 1..t.turns.len())
            .filter(|&i| {
                t.turns[i].question.is_some() || t.questions.iter().any(|q| q.turns.contains(&i))
            })
            .collect();
        expect(
            counted.is_empty(),
            format!("closing turns {counted:?} are counted in a question"),
        );
        let outside: Vec<usize> = (end + 1..t.turns.len())
            .filter(|&i| t.turns[i].section != tandem::Section::Qa)
            .collect();
        expect(
            outside.is_empty(),
            format!("closing turns {outside:?} are not in the Q&A section"),
        );
    }
}

/// The fixture file named `name`: the file beside `name.expect.json` (a `.txt`, or a
/// container such as `.html`, `.json` or `.pdf`).
fn source(name: &str) -> PathBuf {
    std::fs::read_dir(fixture_dir())
        .unwrap()
        .filter_map(|e| Some(e.ok()?.path()))
        .find(|p| p.file_stem().and_then(|s| s.to_str()) == Some(name))
        .unwrap_or_else(|| panic!("no source file for fixture {name}"))
}

/// The fixtures, by name.
fn fixtures() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixture_dir())
        .unwrap()
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".expect.json").map(str::to_string)
        })
        .collect();
    names.sort();
    names
}

#[test]
fn every_layout_fixture_parses_as_expected() {
    let names = fixtures();
    assert!(names.len() >= 7, "fixtures missing: {names:?}");
    let failures: Vec<String> = names
        .iter()
        .filter_map(|n| {
            let errs = check(n);
            (!errs.is_empty()).then(|| format!("{n}:\n  {}", errs.join("\n  ")))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_built_in_sample_is_a_full_bilingual_call() {
    let t = tandem::call::load_sample();
    assert_eq!(t.languages.len(), 2);
    assert!(t.questions.len() >= 3, "{} questions", t.questions.len());
    assert!(t.note_count() >= 1);
    assert!(
        t.speakers
            .iter()
            .filter(|s| s.kind == SpeakerKind::Executive)
            .count()
            >= 2
    );
    for q in &t.questions {
        assert!(q.firm.is_some(), "Q{} has no firm", q.number);
    }
}
