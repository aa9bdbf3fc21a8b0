//! Transcripts in containers read as the same call as their clean text: a PDF this test
//! builds (running headers, page numbers, rules, Q/A margin markers, a sentence across a
//! page break), and broken PDFs named as such.

#[path = "pdf_support/mod.rs"]
mod pdf_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use pdf_extract::{Document, Object};
use tandem::call::{self, Options};
use tandem::{SpeakerKind, Transcript};

/// The call, page by page, as a bank's investor-relations PDF lays it out (in its words:
/// the page furniture is added by `pdf_of`).
const PAGES: [&str; 3] = [
    "Northwind Bank plc
Q1 2026 Results
Analyst and investor call transcript
Host
Maren Holt, Head of Investor Relations
Speakers
Tobias Wren, Group Chief Executive
Ilse Brandt, Group Finance Director

Liam Forsyth, Kestrel Partners   Q
Good morning and thanks for taking my questions. I wanted to ask about deposit
margins, which fell in the quarter. How much further do you expect them to fall
this year?
...............................................................
Ilse Brandt, Group Finance Director   A
Thanks, Liam. We expect margins to settle around the current level, as the hedge
rolls onto higher rates through the second half and deposit volumes stay",
    "steady.
...............................................................
Tobias Wren, Group Chief Executive   A
And we remain comfortable with our guidance for the year. Can we go to the next
question, please?
...............................................................
Wanda Ostrowski
Good morning. Just one on costs: is the 2026 target still intact after the
restructuring charge?
...............................................................
Tobias Wren, Group Chief Executive   A
Yes, it is intact, and the charge was in the plan.",
    "Wanda Ostrowski
Thank you.
...............................................................
Ilse Brandt, Group Finance Director   A
Thank you. Next question, please.
...............................................................
Ravi Menon, Harbor Securities   Q
Hello. What is the outlook for mortgage volumes?
...............................................................
Ilse Brandt, Group Finance Director   A
Volumes should pick up in the second half of the year.",
];

/// A PDF of `pages`, each under a running header and over a `Page N of M` footer.
fn pdf_of(pages: &[&str]) -> Vec<u8> {
    let pages: Vec<Vec<String>> = pages
        .iter()
        .enumerate()
        .map(|(n, page)| {
            let mut lines = vec![
                "NORTHWIND BANK PLC Q1 2026 RESULTS CALL".to_string(),
                "T R A N S C R I P T".to_string(),
            ];
            lines.extend(page.lines().map(str::to_string));
            lines.push(format!("Copyright (c) 2026 Northwind Bank plc. {}", n + 1));
            lines.push(format!("Page {} of {}", n + 1, PAGES.len()));
            lines
        })
        .collect();
    pdf_support::pdf(&pages)
}

/// The same call as clean text: rules as paragraph breaks, markers off, each paragraph on
/// one line (a wrapped line is a long one).
fn clean_text() -> String {
    let mut out = String::new();
    let mut prev_len = 0;
    for l in PAGES.join("\n").lines() {
        if l.starts_with("....") {
            out.push('\n');
            prev_len = 0;
            continue;
        }
        let l = l.trim_end_matches(" Q").trim_end_matches(" A").trim_end();
        out.push(if prev_len >= 70 { ' ' } else { '\n' });
        out.push_str(l);
        prev_len = l.len();
    }
    out
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Who asked, with which firm, in order.
fn askers(t: &Transcript) -> Vec<(String, Option<String>)> {
    t.questions
        .iter()
        .map(|q| (t.speakers[q.analyst].name.clone(), q.firm.clone()))
        .collect()
}

fn all_speech(t: &Transcript) -> String {
    t.turns
        .iter()
        .flat_map(|x| &x.blocks)
        .filter_map(|b| match b {
            tandem::Block::Para { en, .. } => en.clone(),
            tandem::Block::Note { note } => Some(note.clone()),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_pdf_reads_as_the_same_call_as_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = write(dir.path(), "northwind.pdf", &pdf_of(&PAGES));
    let txt = write(dir.path(), "northwind.txt", clean_text().as_bytes());
    let from_pdf = call::load(&pdf, &Options::default()).expect("the PDF opens");
    let from_text = call::load(&txt, &Options::default()).expect("the text opens");

    let expected = vec![
        (
            "Liam Forsyth".to_string(),
            Some("Kestrel Partners".to_string()),
        ),
        ("Wanda Ostrowski".to_string(), None),
        (
            "Ravi Menon".to_string(),
            Some("Harbor Securities".to_string()),
        ),
    ];
    assert_eq!(askers(&from_pdf), expected);
    assert_eq!(askers(&from_text), expected);
    assert_eq!(from_pdf.turns.len(), from_text.turns.len());
    assert_eq!(all_speech(&from_pdf), all_speech(&from_text));
    for name in ["Ilse Brandt", "Tobias Wren"] {
        let sp = from_pdf.speakers.iter().find(|s| s.name == name).unwrap();
        assert_eq!(sp.kind, SpeakerKind::Executive, "{name}");
    }
    // The page furniture is gone; the sentence across the page break is whole.
    let speech = all_speech(&from_pdf);
    for chrome in [
        "NORTHWIND BANK PLC",
        "T R A N S C R I P T",
        "Page ",
        "Copyright",
        "....",
    ] {
        assert!(!speech.contains(chrome), "{chrome:?} in {speech}");
    }
    assert!(speech.contains("deposit volumes stay steady."), "{speech}");
    assert_eq!(from_pdf.encoding, "PDF");
}

#[test]
fn broken_and_locked_pdfs_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let whole = pdf_of(&PAGES);
    let cut = write(dir.path(), "cut.pdf", &whole[..whole.len() / 2]);
    let locked = {
        let mut doc = Document::load_mem(&whole).unwrap();
        let id = Object::string_literal(b"0123456789abcdef".to_vec());
        doc.trailer.set("ID", vec![id.clone(), id]);
        let version = pdf_extract::EncryptionVersion::V2 {
            document: &doc.clone(),
            owner_password: "owner",
            user_password: "secret",
            key_length: 128,
            permissions: pdf_extract::Permissions::default(),
        };
        let state = pdf_extract::EncryptionState::try_from(version).unwrap();
        doc.encrypt(&state).unwrap();
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).unwrap();
        write(dir.path(), "locked.pdf", &bytes)
    };
    for (path, reason) in [
        (&cut, "the PDF is damaged"),
        (&locked, "the PDF is encrypted"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_tandem"))
            .arg("parse")
            .arg(path)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains(reason), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
    }
}

/// A table of turns reads as the same call whether its cells are separated by tabs or are
/// comma-separated and quoted.
#[test]
fn a_table_of_turns_reads_the_same_as_tabs_or_commas() {
    let tsv = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/table_tab_separated.tsv"),
    )
    .unwrap();
    let csv: String = tsv
        .lines()
        .map(|row| {
            row.split('\t')
                .map(|cell| format!("\"{}\"", cell.replace('"', "\"\"")))
                .collect::<Vec<_>>()
                .join(",")
                + "\r\n"
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let open = |name: &str, text: &str| {
        let path = write(dir.path(), name, text.as_bytes());
        call::Call::open(&[path], &Options::default())
            .unwrap()
            .transcript
    };
    let from_tabs = open("call.tsv", &tsv);
    let from_commas = open("call.csv", &csv);
    assert_eq!(
        askers(&from_tabs),
        [
            (
                "Ivo Strand".to_string(),
                Some("Tamsin Research Partners".to_string())
            ),
            (
                "Lena Okoro".to_string(),
                Some("Brightwater Securities Group".to_string())
            ),
        ]
    );
    assert_eq!(askers(&from_commas), askers(&from_tabs));
    assert_eq!(all_speech(&from_commas), all_speech(&from_tabs));
    assert_eq!(from_commas.turns.len(), from_tabs.turns.len());
    // The speech is the cells' words, quotes and commas kept, no column names or titles.
    let speech = all_speech(&from_tabs);
    assert!(speech.contains("our \"lab first\" program"), "{speech}");
    assert!(
        speech.contains("Pricing added about two points, and"),
        "{speech}"
    );
    assert!(
        !speech.contains("Analyst at") && !speech.contains("Content"),
        "{speech}"
    );
}
