//! `tandem ls`: the library's list on standard output — each call's company, period, date,
//! languages, bookmarks and file, in the library's order — read through the library's
//! loader and cache, so a second listing of the same folder reads no file again.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use serde::Serialize;

use crate::cli::LsArgs;
use crate::library::list::{Entry, Library, Row};
use crate::library::loader::{Job, Loader, Message, Source};
use crate::transcript::Lang;

/// One call as listed.
#[derive(Debug, Serialize)]
struct Listed {
    /// The file (a pair's English file).
    file: String,
    /// Every file of the call: one, or an English file and its Chinese translation.
    files: Vec<String>,
    /// The company as the library shows it (its names and scripts joined).
    company: Option<String>,
    /// The company as the file writes it.
    company_in_file: Option<String>,
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
    let cache = crate::config::cache_dir();
    // Company aliases and the Chinese script from the settings (defaults when unusable: a
    // listing is no place to stop on them).
    let settings = crate::config::settings::load(|_| Ok(())).unwrap_or_default();
    let marks =
        crate::config::data_dir().map(|d| crate::bookmarks::store::Store::open_read_only(&d).0);
    let mut lib = load(&paths, cache.as_deref(), encoding, &settings)?;
    if let Some(store) = &marks {
        lib.count_bookmarks(store.bookmarks());
    }
    let listed: Vec<Listed> = lib
        .shown
        .iter()
        .filter_map(|&e| match e {
            Entry::File(i) => Some(entry(&lib.rows[i])),
            Entry::Pair { en, zh } => Some(pair(&lib.rows[en], &lib.rows[zh])),
            Entry::Member(_) => None,
        })
        .collect();
    let out = if args.json {
        crate::printable::json(serde_json::to_string_pretty(&listed)?) + "\n"
    } else {
        listed.iter().map(line).collect()
    };
    super::write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// The library of `paths` (folders and files, as one list), every file read.
pub(super) fn load(
    paths: &[PathBuf],
    cache: Option<&Path>,
    encoding: Option<&str>,
    settings: &crate::config::settings::Settings,
) -> Result<Library, String> {
    for p in paths {
        std::fs::metadata(p).map_err(|e| format!("{}: {e}", p.display()))?;
    }
    let (source, mut lib) = match paths {
        // One folder: its scan is complete, so the cache forgets files no longer there.
        [one] if one.is_dir() => (Source::Folder(one.clone()), Library::new(one)),
        _ => (Source::Paths(paths.to_vec()), Library::new(Path::new(""))),
    };
    lib = lib.with_companies(&settings.companies, settings.script);
    let loader = Loader::start(Job {
        source,
        cache: cache.map(Path::to_path_buf),
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
        files: vec![row.file.path.display().to_string()],
        company: row.company.clone().or_else(|| field(|m| &m.company)),
        company_in_file: field(|m| &m.company),
        title: field(|m| &m.title),
        period: field(|m| &m.period),
        date: field(|m| &m.date),
        languages: m.map(|m| m.languages.clone()).unwrap_or_default(),
        bookmarks: row.bookmarks,
        label: m.map(|m| m.languages_label()).unwrap_or_default(),
    }
}

/// The listing of a pair: the English call's facts, both languages, both files.
fn pair(en: &Row, zh: &Row) -> Listed {
    let mut l = entry(en);
    let z = entry(zh);
    l.files.push(z.file);
    l.date = l.date.or(z.date);
    l.languages = vec![Lang::En, Lang::Zh];
    l.label = "EN+ZH".into();
    l.bookmarks += z.bookmarks;
    l
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
        c.files.join(" + ")
    )
}
