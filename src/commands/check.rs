//! `tandem check`: the figures a translation got wrong, as text or JSON.
//!
//! Exit code 0 when every Chinese figure agrees with the English, 1 when some do not, 2 on
//! an error (through the caller), a call with no bilingual paragraph to check included.

use std::error::Error;
use std::fmt::Write as _;
use std::ops::Range;
use std::process::ExitCode;

use serde::Serialize;
use unicode_width::UnicodeWidthChar;

use super::write_stdout;
use crate::call::{Call, LoadError, Options, SAMPLE_NAME};
use crate::cli::CheckArgs;
use crate::numbers::{Analysis, Mismatch, analyze};
use crate::transcript::model::{Block, Transcript};

/// Columns of context shown on each side of a figure.
const CONTEXT: usize = 36;

/// The JSON report.
#[derive(Debug, Serialize)]
pub struct Report {
    pub pairs: usize,
    pub mismatches: Vec<Entry>,
}

/// One mismatch in the JSON report.
#[derive(Debug, Serialize)]
pub struct Entry {
    pub turn: usize,
    pub block: usize,
    /// The English figure as written, when there is one.
    pub en: Option<String>,
    /// The Chinese figure as written.
    pub zh: String,
    pub speaker: String,
    pub reason: String,
    /// The English around the figure (or around where it would be), when there is English.
    pub context_en: Option<String>,
    pub context_zh: String,
}

/// Runs `tandem check` on the files named (none: the built-in sample).
pub(super) fn run(args: &CheckArgs, encoding: Option<&str>) -> Result<ExitCode, Box<dyn Error>> {
    let t = Call::open(&args.files, &Options::with_encoding(encoding))?.transcript;
    if bilingual_paragraphs(&t) == 0 {
        let path = match args.files.as_slice() {
            [] => std::path::PathBuf::from(SAMPLE_NAME),
            [one] => one.clone(),
            [a, b, ..] => format!("{} + {}", a.display(), b.display()).into(),
        };
        return Err(Box::new(LoadError {
            path,
            reason: "nothing to check: no paragraph has both English and Chinese (give a bilingual call, or an English file and its translation)".into(),
        }));
    }
    let analysis = analyze(&t);
    let report = report(&t, &analysis);
    let out = if args.json {
        crate::printable::json(serde_json::to_string_pretty(&report)? + "\n")
    } else {
        text(&t, &report)
    };
    write_stdout(&out)?;
    Ok(if report.mismatches.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The report of an analysed call.
pub fn report(t: &Transcript, analysis: &Analysis) -> Report {
    Report {
        pairs: analysis.pairs,
        mismatches: analysis
            .mismatches
            .iter()
            .map(|m| entry(t, analysis, m))
            .collect(),
    }
}

/// One mismatch with its figures, speaker and context.
fn entry(t: &Transcript, analysis: &Analysis, m: &Mismatch) -> Entry {
    let turn = &t.turns[m.turn];
    let (en_text, zh_text) = match &turn.blocks[m.block] {
        Block::Para { en, zh } => (en.as_deref(), zh.as_deref().unwrap_or_default()),
        Block::Note { note } => (None, note.as_str()),
    };
    let (en, zh) = analysis.figures(m);
    let context_en = en_text.map(|text| match en {
        Some(f) => context(text, f.range.clone()),
        None => {
            let at = zh.range.start as f64 / zh_text.len().max(1) as f64 * text.len() as f64;
            let at = floor_char(text, at as usize);
            context(text, at..at)
        }
    });
    Entry {
        turn: m.turn,
        block: m.block,
        en: en.map(|f| f.text.clone()),
        zh: zh.text.clone(),
        speaker: t.speaker_of(turn).name.clone(),
        reason: m.reason.to_string(),
        context_en,
        context_zh: context(zh_text, zh.range.clone()),
    }
}

/// The largest char boundary of `text` at or before `i`.
fn floor_char(text: &str, i: usize) -> usize {
    (0..=i.min(text.len()))
        .rev()
        .find(|&j| text.is_char_boundary(j))
        .unwrap_or(0)
}

/// `range` of `text` with up to [`CONTEXT`] columns on each side (a Han character takes two),
/// cut at a word where the text has words, `…` where cut.
pub fn context(text: &str, range: Range<usize>) -> String {
    let (before, cut_before) = side(text[..range.start].chars().rev());
    let (after, cut_after) = side(text[range.end..].chars());
    let mut s = String::new();
    if cut_before {
        s.push('…');
    }
    s.extend(before.iter().rev());
    s.push_str(&text[range]);
    s.extend(after);
    if cut_after {
        s.push('…');
    }
    s.replace('\n', " ")
}

/// Characters from one side of a figure, outward, up to [`CONTEXT`] columns, and whether the
/// text went on; a cut never leaves part of a Latin word.
fn side(chars: impl Iterator<Item = char>) -> (Vec<char>, bool) {
    let mut out = Vec::new();
    let mut width = 0;
    let mut chars = chars.peekable();
    while let Some(&c) = chars.peek() {
        width += c.width().unwrap_or(0);
        if width > CONTEXT {
            break;
        }
        out.push(c);
        chars.next();
    }
    let cut = chars.peek().is_some();
    let latin = |c: &char| c.is_ascii_graphic();
    if cut && chars.peek().is_some_and(latin) {
        while out.last().is_some_and(latin) {
            out.pop();
        }
    }
    (out, cut)
}

/// The readable report: each mismatch with speaker and context, then a count.
fn text(t: &Transcript, report: &Report) -> String {
    let mut s = String::new();
    for e in &report.mismatches {
        let _ = writeln!(
            s,
            "Turn {}, paragraph {} — {}: {}",
            e.turn + 1,
            e.block + 1,
            e.speaker,
            e.reason
        );
        let en = e.en.as_deref().unwrap_or("(none)");
        let _ = writeln!(s, "  EN {en}: {}", e.context_en.as_deref().unwrap_or(""));
        let _ = writeln!(s, "  ZH {}: {}\n", e.zh, e.context_zh);
    }
    let bilingual = bilingual_paragraphs(t);
    let n = report.mismatches.len();
    let _ = writeln!(
        s,
        "{n} mismatch{} in {bilingual} bilingual paragraphs ({} figures paired).",
        if n == 1 { "" } else { "es" },
        report.pairs
    );
    s
}

/// Paragraphs with both English and Chinese.
fn bilingual_paragraphs(t: &Transcript) -> usize {
    t.turns
        .iter()
        .flat_map(|turn| &turn.blocks)
        .filter(|b| {
            matches!(
                b,
                Block::Para {
                    en: Some(_),
                    zh: Some(_)
                }
            )
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::context;

    #[test]
    fn context_is_cut_at_words_and_counts_han_as_two_columns() {
        let en = "Thank you. Revenue for the quarter was $2.75 billion, up 18% year over year, and we now serve 2.4 million households.";
        let at = en.find("$2.75").unwrap();
        let c = context(en, at..at + "$2.75 billion".len());
        assert_eq!(
            c,
            "… you. Revenue for the quarter was $2.75 billion, up 18% year over year, and we now …"
        );
        let zh = "谢谢。本季度营收为 2.75 亿美元，同比增长 19%，我们目前服务 240 万户家庭。";
        let at = zh.find("19%").unwrap();
        assert_eq!(
            context(zh, at..at + 3),
            "…本季度营收为 2.75 亿美元，同比增长 19%，我们目前服务 240 万户家庭。"
        );
        assert_eq!(context("up 18%\nnow", 3..6), "up 18% now");
    }
}
