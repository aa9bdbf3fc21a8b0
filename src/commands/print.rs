//! `tandem print`: the aligned call as plain text, Markdown or HTML, for a pager, a file or a
//! pipe; also what `tandem FILE` prints when standard output is not a terminal.

use std::fmt::Write as _;
use std::process::ExitCode;

use super::write_stdout;
use crate::app::index::DocIndex;
use crate::bookmarks::export::md_line;
use crate::call::{Call, Options};
use crate::cli::{PrintArgs, PrintFormat};
use crate::transcript::{Block, Section, Transcript};
use crate::ui::labels::{question_label as question, speaker_header as header};

/// `tandem print`: the call in the format asked for.
pub(super) fn run(
    args: &PrintArgs,
    encoding: Option<&str>,
) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let call = Call::open_to_read(&args.files, &Options::with_encoding(encoding))?;
    if let Some(banner) = &call.banner {
        crate::reader::warn(banner);
    }
    write_stdout(&render(&call.transcript, args.format))?;
    Ok(ExitCode::SUCCESS)
}

/// The call's title (its company, else "Earnings call") and the company, period and date
/// that the title does not already say.
pub(super) fn title_and_facts(t: &Transcript) -> (String, Vec<&str>) {
    let title = t
        .title
        .clone()
        .or_else(|| t.company.clone())
        .unwrap_or_else(|| "Earnings call".into());
    let facts: Vec<&str> = [&t.company, &t.period, &t.date]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .filter(|f| !title.contains(*f))
        .collect();
    (title, facts)
}

/// The call as text, Markdown or HTML ([`super::print_html`]): title, sections, questions, each turn's speaker, each
/// paragraph in English then Chinese, commentary notes, the material before and after.
pub fn render(t: &Transcript, format: PrintFormat) -> String {
    if format == PrintFormat::Html {
        return super::print_html::render(t);
    }
    let md = format == PrintFormat::Markdown;
    let line = |s: &str| if md { md_line(s) } else { s.to_string() };
    let mut out = String::new();
    let (title, facts) = title_and_facts(t);
    if md {
        let _ = writeln!(out, "# {}", line(&title));
        if !facts.is_empty() {
            let _ = writeln!(out, "\n*{}*", facts.join(" · "));
        }
    } else {
        let _ = writeln!(out, "{title}");
        if !facts.is_empty() {
            let _ = writeln!(out, "{}", facts.join(" · "));
        }
    }
    let heading = |out: &mut String, level: usize, text: &str| {
        if md {
            let _ = writeln!(out, "\n{} {}", "#".repeat(level), line(text));
        } else if level == 2 {
            let _ = writeln!(out, "\n── {text} ──");
        } else {
            let _ = writeln!(out, "\n{text}");
        }
    };
    let paragraphs = |out: &mut String, paras: &[String]| {
        for p in paras {
            let _ = writeln!(out, "\n{}", line(p));
        }
    };
    if !t.front_matter.is_empty() {
        heading(&mut out, 2, "Before the call");
        paragraphs(&mut out, &t.front_matter);
    }
    let ix = DocIndex::new(t);
    for (i, turn) in t.turns.iter().enumerate() {
        if i == 0 || t.turns[i - 1].section != turn.section {
            let name = match turn.section {
                Section::Prepared => "Prepared remarks",
                Section::Qa => "Questions and answers",
            };
            heading(&mut out, 2, name);
        }
        if let Some(q) = ix.opens_question[i] {
            heading(&mut out, 3, &question(t, q));
        }
        if ix.closing == Some(i) {
            heading(&mut out, 3, "Closing remarks");
        }
        let who = header(t.speaker_of(turn));
        if md {
            let _ = writeln!(out, "\n**{}**", line(&who));
        } else {
            let _ = writeln!(out, "\n{who}");
        }
        for block in &turn.blocks {
            match block {
                Block::Para { en, zh } => {
                    if let Some(en) = en {
                        let _ = writeln!(out, "{}{}", if md { "\n" } else { "" }, line(en));
                    }
                    if let Some(zh) = zh {
                        if md {
                            let _ = writeln!(out, "\n> {}", md_line(zh));
                        } else {
                            let _ = writeln!(out, "    {zh}");
                        }
                    }
                    if !md {
                        out.push('\n');
                    }
                }
                Block::Note { note } => {
                    for (k, l) in note.lines().enumerate() {
                        let lead = if k == 0 { "Note: " } else { "" };
                        if md {
                            let _ = writeln!(out, "\n> *{lead}{}*", md_line(l).trim());
                        } else {
                            let _ = writeln!(out, "  ┊ {lead}{l}");
                        }
                    }
                    if !md {
                        out.push('\n');
                    }
                }
            }
        }
    }
    if !t.back_matter.is_empty() {
        heading(&mut out, 2, "After the call");
        paragraphs(&mut out, &t.back_matter);
    }
    // One blank line at most between blocks, one newline at the end.
    let mut tidy = String::with_capacity(out.len());
    for l in out.trim().lines() {
        if l.trim().is_empty() && tidy.ends_with("\n\n") {
            continue;
        }
        tidy.push_str(l.trim_end());
        tidy.push('\n');
    }
    tidy
}
