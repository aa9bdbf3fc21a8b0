//! `tandem parse`: the structure of a call, as an outline or JSON.

use std::fmt::Write as _;
use std::process::ExitCode;

use super::write_stdout;
use crate::call::{Call, Options};
use crate::cli::ParseArgs;
use crate::transcript::{self, Transcript};

/// `tandem parse`: an outline, or JSON.
pub(super) fn run(
    args: &ParseArgs,
    encoding: Option<&str>,
) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let opts = Options::with_encoding(encoding);
    if args.text {
        let mut out = String::new();
        match args.files.as_slice() {
            [] => out.push_str(&crate::ingest::clean(crate::call::SAMPLE)),
            files => {
                for f in files {
                    out.push_str(&crate::call::read_text(f, &opts)?);
                }
            }
        }
        write_stdout(&out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let t = Call::open(&args.files, &opts)?.transcript;
    let out = if args.json {
        crate::printable::json(serde_json::to_string_pretty(&t)? + "\n")
    } else {
        outline(&t)
    };
    write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// A readable summary of a transcript's structure.
pub fn outline(t: &Transcript) -> String {
    let mut s = String::new();
    let or_dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".into());
    let _ = writeln!(s, "Title:     {}", or_dash(&t.title));
    let _ = writeln!(s, "Company:   {}", or_dash(&t.company));
    let _ = writeln!(s, "Period:    {}", or_dash(&t.period));
    let _ = writeln!(s, "Date:      {}", or_dash(&t.date));
    let langs: Vec<&str> = t
        .languages
        .iter()
        .map(|l| match l {
            transcript::Lang::En => "English",
            transcript::Lang::Zh => "Chinese",
        })
        .collect();
    let _ = writeln!(s, "Languages: {}", langs.join(" + "));
    let _ = writeln!(s, "Encoding:  {}", t.encoding);
    let _ = writeln!(s, "\nSpeakers ({}):", t.speakers.len());
    for sp in &t.speakers {
        let mut line = format!("  {}", sp.name);
        if let Some(alt) = &sp.name_alt {
            let _ = write!(line, " ({alt})");
        }
        let _ = write!(line, " — {}", sp.kind.label());
        if let Some(role) = &sp.role {
            let _ = write!(line, ", {role}");
        }
        if let Some(firm) = &sp.firm {
            let _ = write!(line, ", {firm}");
        }
        let _ = writeln!(s, "{line}");
    }
    let _ = writeln!(s, "\nQuestions ({}):", t.questions.len());
    for q in &t.questions {
        let analyst = &t.speakers[q.analyst];
        let firm = q
            .firm
            .as_deref()
            .map(|f| format!(" · {f}"))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "  Q{} · {}{} ({} turn{})",
            q.number,
            analyst.name,
            firm,
            q.turns.len(),
            if q.turns.len() == 1 { "" } else { "s" }
        );
    }
    let prepared = t
        .turns
        .iter()
        .filter(|x| x.section == transcript::Section::Prepared)
        .count();
    let _ = writeln!(
        s,
        "\n{} turns ({} prepared, {} Q&A), {} paragraphs, {} notes; front matter {} paragraphs, back matter {}.",
        t.turns.len(),
        prepared,
        t.turns.len() - prepared,
        t.paragraph_count(),
        t.note_count(),
        t.front_matter.len(),
        t.back_matter.len()
    );
    s
}
