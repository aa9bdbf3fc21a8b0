//! `tandem search`: every call of folders or files searched at once (through the library's
//! loader, cache and search index), or an analyst's questions across the calls.

use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use crate::cli::SearchArgs;
use crate::library::analysts;
use crate::library::list::Library;
use crate::library::meta::Meta;
use crate::library::search::{self, Kind, Target};

/// A call searched: its file, company as the library shows it, period.
struct Call {
    file: PathBuf,
    company: Option<String>,
    period: Option<String>,
    meta: Meta,
}

/// One hit, as printed.
#[derive(Debug, Serialize)]
struct Hit {
    file: String,
    company: Option<String>,
    period: Option<String>,
    /// Turn and block in the call (from 0), as `tandem parse --json` numbers them.
    turn: u32,
    block: u32,
    /// `en`, `zh`, `note`, `speaker`.
    kind: Kind,
    speaker: String,
    question: Option<u32>,
    text: String,
    /// Byte range of the match in `text`.
    #[serde(skip_serializing_if = "Option::is_none")]
    mark: Option<(usize, usize)>,
}

/// One question an analyst asked, as printed.
#[derive(Debug, Serialize)]
struct Asked {
    file: String,
    company: Option<String>,
    period: Option<String>,
    speaker: String,
    firm: Option<String>,
    question: u32,
}

pub fn run(
    args: &SearchArgs,
    encoding: Option<&str>,
) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let mut paths = args.paths.clone();
    // With --speaker every argument is a path.
    if args.speaker.is_some()
        && let Some(q) = &args.query
    {
        paths.insert(0, PathBuf::from(q));
    }
    if paths.is_empty() {
        paths.push(PathBuf::from("."));
    }
    let cache = crate::config::cache_dir();
    let settings = crate::config::settings::load(|_| Ok(())).unwrap_or_default();
    let lib = super::ls::load(&paths, cache.as_deref(), encoding, &settings)?;
    let calls = calls_of(&lib);
    let out = match &args.speaker {
        Some(name) => speaker(&calls, name, args.json)?,
        None => hits(
            &calls,
            args.query.as_deref().unwrap_or(""),
            cache,
            encoding,
            args.json,
        )?,
    };
    super::write_stdout(&out.0)?;
    Ok(if out.1 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The calls of a library in its order: each file once (a pair's two files each), under
/// the company the library shows.
fn calls_of(lib: &Library) -> Vec<Call> {
    let mut out = Vec::new();
    for (name, rows) in crate::library::desk::calls(lib) {
        for i in rows {
            let row = &lib.rows[i];
            if let Some(m) = row.meta() {
                out.push(Call {
                    file: row.file.path.clone(),
                    company: name.company.clone(),
                    period: m.period.clone(),
                    meta: m.clone(),
                });
            }
        }
    }
    out
}

/// The hits of `query` in `calls`: the text to print, and whether anything was found.
fn hits(
    calls: &[Call],
    query: &str,
    cache: Option<PathBuf>,
    encoding: Option<&str>,
    json: bool,
) -> Result<(String, bool), Box<dyn std::error::Error>> {
    let targets: Vec<Target> = calls
        .iter()
        .map(|c| Target {
            path: c.file.clone(),
            hash: c.meta.call_hash.clone(),
        })
        .collect();
    let found = search::search(cache.as_deref(), &targets, query, encoding);
    for (file, why) in &found.failed {
        eprintln!("tandem: {}: {why}", file.display());
    }
    let hits: Vec<Hit> = found
        .hits
        .iter()
        .map(|h| {
            let c = &calls[h.call];
            Hit {
                file: c.file.display().to_string(),
                company: c.company.clone(),
                period: c.period.clone(),
                turn: h.turn,
                block: h.block,
                kind: h.kind,
                speaker: h.speaker.clone(),
                question: (h.question > 0).then_some(h.question),
                text: h.snippet.clone(),
                mark: h.mark,
            }
        })
        .collect();
    if found.total > hits.len() {
        eprintln!(
            "tandem: {} texts match; the first {} are listed",
            found.total,
            hits.len()
        );
    }
    let text = if json {
        crate::printable::json(serde_json::to_string_pretty(&hits)?) + "\n"
    } else {
        hits.iter()
            .map(|h| {
                let mut fields = vec![
                    h.company.clone().unwrap_or_else(|| "-".into()),
                    h.period.clone().unwrap_or_else(|| "-".into()),
                    h.speaker.clone(),
                ];
                if let Some(q) = h.question {
                    fields.push(format!("Q{q}"));
                }
                fields.push(h.text.clone());
                format!(
                    "{}\t{}#{}.{}\n",
                    fields.join(" · "),
                    h.file,
                    h.turn,
                    h.block
                )
            })
            .collect()
    };
    Ok((text, !hits.is_empty()))
}

/// The questions analysts matching `name` asked in `calls`.
fn speaker(
    calls: &[Call],
    name: &str,
    json: bool,
) -> Result<(String, bool), Box<dyn std::error::Error>> {
    let metas: Vec<&Meta> = calls.iter().map(|c| &c.meta).collect();
    let mut rows = Vec::new();
    for a in analysts::gather(&metas).iter().filter(|a| a.matches(name)) {
        for (call, questions) in &a.asked {
            let c = &calls[*call];
            let asker = c
                .meta
                .analysts
                .iter()
                .find(|x| x.questions.iter().any(|q| questions.contains(q)));
            for &q in questions {
                rows.push(Asked {
                    file: c.file.display().to_string(),
                    company: c.company.clone(),
                    period: c.period.clone(),
                    speaker: asker.map_or_else(|| a.name.clone(), |x| x.name.clone()),
                    firm: asker
                        .and_then(|x| x.firm.clone())
                        .or_else(|| a.firms.first().cloned()),
                    question: q,
                });
            }
        }
    }
    let text = if json {
        crate::printable::json(serde_json::to_string_pretty(&rows)?) + "\n"
    } else {
        rows.iter()
            .map(|r| {
                format!(
                    "{} · {} · {} · {} · Q{}\t{}\n",
                    r.speaker,
                    r.firm.as_deref().unwrap_or("-"),
                    r.company.as_deref().unwrap_or("-"),
                    r.period.as_deref().unwrap_or("-"),
                    r.question,
                    r.file
                )
            })
            .collect()
    };
    Ok((text, !rows.is_empty()))
}
