//! `tandem ls`: the library's list on standard output — each call's company, period, date,
//! languages, bookmarks and file, in the library's order — read through the library's
//! loader and cache, so a second listing of the same folder reads no file again.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use serde::Serialize;

use crate::cli::LsArgs;
use crate::library::list::{Library, Row};
use crate::library::loader::{Job, Loader, Message, Source};
use crate::transcript::Lang;

/// One call as listed.
#[derive(Debug, Serialize)]
struct Listed {
    file: String,
    company: Option<String>,
    title: Option<String>,
    period: Option<String>,
    date: Option<String>,
    languages: Vec<Lang>,
    bookmarks: usize,
    /// `EN+ZH`, `EN`, `ZH` (empty when unknown), for the text form.
    #[serde(skip)]
    label: String,
}

pub fn run(args: &LsArgs, encoding: Option<&str>) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let config = crate::config::config_dir();
    let marks = config
        .as_deref()
        .map(|d| crate::bookmarks::store::Store::open_read_only(d).0);
    let mut listed = Vec::new();
    for path in &paths {
        let mut lib = load(path, config.as_deref(), encoding)?;
        if let Some(store) = &marks {
            lib.count_bookmarks(store.bookmarks());
        }
        listed.extend(lib.order.iter().map(|&i| entry(&lib.rows[i])));
    }
    let out = if args.json {
        crate::printable::json(serde_json::to_string_pretty(&listed)?) + "\n"
    } else {
        listed.iter().map(line).collect()
    };
    super::write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// The library of `path` (a folder, or one file), every file read.
fn load(path: &Path, config: Option<&Path>, encoding: Option<&str>) -> Result<Library, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (source, mut lib) = if meta.is_dir() {
        (Source::Folder(path.to_path_buf()), Library::new(path))
    } else {
        (Source::Files(vec![path.to_path_buf()]), Library::recent())
    };
    let loader = Loader::start(Job {
        source,
        config: config.map(Path::to_path_buf),
        encoding: encoding.map(Into::into),
    });
    // The loader ends with `Done`, or stops after `Failed`; a closed channel ends it too.
    while let Some(msg) = loader.next(Duration::from_secs(600)) {
        let end = matches!(msg, Message::Done { .. });
        if let Message::Failed(e) = &msg {
            return Err(format!("cannot read the folder {e}"));
        }
        lib.apply_all(vec![msg]);
        if end {
            break;
        }
    }
    Ok(lib)
}

/// The listing of a row the library shows.
fn entry(row: &Row) -> Listed {
    let m = row.meta();
    let field =
        |f: fn(&crate::library::meta::Meta) -> &Option<String>| m.and_then(|m| f(m).clone());
    Listed {
        file: row.file.path.display().to_string(),
        company: field(|m| &m.company),
        title: field(|m| &m.title),
        period: field(|m| &m.period),
        date: field(|m| &m.date),
        languages: m.map(|m| m.languages.clone()).unwrap_or_default(),
        bookmarks: row.bookmarks,
        label: m.map(|m| m.languages_label()).unwrap_or_default(),
    }
}

/// `company  period  date  languages  bookmarks  file`, tab-separated (`-` for unknown).
fn line(c: &Listed) -> String {
    let or_dash = |s: &Option<String>| {
        s.as_deref()
            .map(|s| s.replace(['\t', '\n'], " "))
            .unwrap_or_else(|| "-".into())
    };
    format!(
        "{}\t{}\t{}\t{}\t{}\t{}\n",
        or_dash(&c.company.clone().or_else(|| c.title.clone())),
        or_dash(&c.period),
        or_dash(&c.date),
        if c.label.is_empty() { "-" } else { &c.label },
        c.bookmarks,
        c.file
    )
}
