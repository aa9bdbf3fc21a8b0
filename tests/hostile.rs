//! The audit's mutations of real-looking calls (every layout fixture, a PDF, pages, JSON)
//! never panic ingestion, parsing, alignment or the figure check, and what comes out is
//! well-formed: byte flips, truncation, two calls spliced, terminal escapes, invalid UTF-8,
//! UTF-16 without a BOM, a huge line, runs of blank lines, a speaker line repeated, RTL and
//! zero-width characters, NUL.

#[path = "pdf_support/mod.rs"]
mod pdf_support;

use std::path::Path;

use proptest::prelude::*;
use tandem::Transcript;

/// Every fixture's bytes, and a small PDF.
fn seeds() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| !p.to_string_lossy().ends_with(".expect.json"))
        .filter(|p| p.extension().is_some_and(|x| x != "md"))
        .filter_map(|p| std::fs::read(p).ok())
        .collect();
    out.sort();
    let page = |n: usize| {
        vec![
            "ACME Q1 2026 RESULTS".to_string(),
            "Jane Roe, Chief Financial Officer   A".to_string(),
            format!("Revenue was ${n}.2 billion, up 12%."),
            format!("Page {n} of 2"),
        ]
    };
    out.push(pdf_support::pdf(&[page(1), page(2)]));
    out
}

/// One way to damage a file.
#[derive(Debug, Clone)]
enum Mutation {
    Flip { at: usize, byte: u8 },
    Truncate { keep: usize },
    Splice { other: usize, at: usize },
    Insert { at: usize, what: &'static str },
    Utf16,
    HugeLine { at: usize, len: usize },
    Blanks { at: usize, n: usize },
    RepeatLine { line: usize, times: usize },
}

const INSERTS: &[&str] = &[
    "\u{1b}]0;title\u{7}",
    "\u{1b}]52;c;Y2xpcA==\u{7}",
    "\u{1b}[2J",
    "\u{9b}31m",
    "\u{202e}",
    "\u{200b}\u{200d}\u{feff}",
    "\0",
    "\u{fffd}",
    "שלום עולם",
    "\u{0}\u{1}\u{2}",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Flip { at, byte }),
        any::<usize>().prop_map(|keep| Mutation::Truncate { keep }),
        (any::<usize>(), any::<usize>()).prop_map(|(other, at)| Mutation::Splice { other, at }),
        (any::<usize>(), 0..INSERTS.len()).prop_map(|(at, k)| Mutation::Insert {
            at,
            what: INSERTS[k]
        }),
        Just(Mutation::Utf16),
        (any::<usize>(), 1_000usize..50_000).prop_map(|(at, len)| Mutation::HugeLine { at, len }),
        (any::<usize>(), 1usize..20_000).prop_map(|(at, n)| Mutation::Blanks { at, n }),
        (any::<usize>(), 2usize..2_000)
            .prop_map(|(line, times)| Mutation::RepeatLine { line, times }),
    ]
}

/// `bytes` with `m` applied (`seeds` for splicing).
fn apply(mut bytes: Vec<u8>, m: &Mutation, seeds: &[Vec<u8>]) -> Vec<u8> {
    let at = |i: usize, len: usize| if len == 0 { 0 } else { i % (len + 1) };
    match *m {
        Mutation::Flip { at: i, byte } => {
            if !bytes.is_empty() {
                let i = i % bytes.len();
                bytes[i] = byte;
            }
        }
        Mutation::Truncate { keep } => bytes.truncate(at(keep, bytes.len())),
        Mutation::Splice { other, at: i } => {
            let other = &seeds[other % seeds.len()];
            let (cut, from) = (at(i, bytes.len()), at(i, other.len()));
            bytes.truncate(cut);
            bytes.extend_from_slice(&other[from..]);
        }
        Mutation::Insert { at: i, what } => {
            let i = at(i, bytes.len());
            bytes.splice(i..i, what.bytes());
        }
        Mutation::Utf16 => {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            bytes = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        }
        Mutation::HugeLine { at: i, len } => {
            let i = at(i, bytes.len());
            bytes.splice(i..i, std::iter::repeat_n(b'x', len));
        }
        Mutation::Blanks { at: i, n } => {
            let i = at(i, bytes.len());
            bytes.splice(i..i, std::iter::repeat_n(b'\n', n));
        }
        Mutation::RepeatLine { line, times } => {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let lines: Vec<&str> = text.lines().collect();
            if let Some(l) = lines.get(line % lines.len().max(1)) {
                let mut out = text.clone();
                for _ in 0..times {
                    out.push('\n');
                    out.push_str(l);
                }
                bytes = out.into_bytes();
            }
        }
    }
    bytes
}

/// The structure holds together: indexes in range, no empty turn.
fn well_formed(t: &Transcript) -> Result<(), TestCaseError> {
    prop_assert!(
        t.turns
            .iter()
            .all(|x| x.speaker < t.speakers.len() && !x.blocks.is_empty())
    );
    for q in &t.questions {
        prop_assert!(q.analyst < t.speakers.len());
        prop_assert!(q.turns.iter().all(|&i| i < t.turns.len()));
    }
    Ok(())
}

/// Reads bytes as a user's file would be read, then parses, checks and (with `other`) aligns.
fn pipeline(bytes: &[u8], other: &[u8]) -> Result<(), TestCaseError> {
    let read = |b: &[u8]| {
        tandem::ingest::decode(b, None).ok().map(|d| {
            let hints = tandem::transcript::Hints {
                speakers: d.speakers,
                hard_wrapped: d.hard_wrapped,
            };
            tandem::transcript::parse_with(&d.text, &hints)
        })
    };
    let Some(t) = read(bytes) else {
        return Ok(());
    };
    well_formed(&t)?;
    prop_assert!(
        !t.turns
            .iter()
            .flat_map(|x| &x.blocks)
            .any(|b| format!("{b:?}").contains('\u{1b}')),
        "no escape survives into the text"
    );
    let _ = tandem::numbers::analyze(&t);
    if let Some(u) = read(other)
        && let Ok(aligned) = tandem::align::align(t, u)
    {
        well_formed(&aligned.transcript)?;
        let _ = tandem::numbers::analyze(&aligned.transcript);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn mutated_calls_never_panic_the_pipeline(
        seed in any::<usize>(),
        partner in any::<usize>(),
        mutations in proptest::collection::vec(mutation(), 1..4),
    ) {
        let seeds = seeds();
        let mut bytes = seeds[seed % seeds.len()].clone();
        for m in &mutations {
            bytes = apply(bytes, m, &seeds);
        }
        pipeline(&bytes, &seeds[partner % seeds.len()])?;
    }
}
