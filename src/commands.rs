//! The commands behind the command line: each returns an exit code or an error to print.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cli::{ParseArgs, ReadArgs};
use crate::ingest;
use crate::transcript::{self, Transcript};

/// The built-in sample call, shown when no file is given.
pub const SAMPLE: &str = include_str!("../assets/sample.txt");

/// Name shown for the built-in sample.
pub const SAMPLE_NAME: &str = "(built-in sample)";

/// A failure tied to one input file.
#[derive(Debug)]
pub struct FileError {
    pub path: PathBuf,
    pub reason: String,
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = self.path.display().to_string();
        write!(f, "{}: {}", path.escape_debug(), self.reason)
    }
}

impl std::error::Error for FileError {}

/// Reads, decodes and parses one transcript file (`-` is standard input).
pub fn load(path: &Path, encoding: Option<&str>) -> Result<Transcript, FileError> {
    let decoded = ingest::read_path(path, encoding).map_err(|e| FileError {
        path: path.into(),
        reason: e.to_string(),
    })?;
    let mut t = transcript::parse(&decoded.text);
    t.encoding = decoded.encoding;
    if t.turns.is_empty() {
        return Err(FileError {
            path: path.into(),
            reason: "no speaker turns found: this does not look like a call transcript".into(),
        });
    }
    Ok(t)
}

/// Parses the built-in sample.
pub fn load_sample() -> Transcript {
    let mut t = transcript::parse(&ingest::clean(SAMPLE));
    t.encoding = "UTF-8".into();
    t
}

/// Loads an English file and its Chinese translation (either order) as one aligned call.
pub fn load_pair(a: &Path, b: &Path, encoding: Option<&str>) -> Result<Transcript, FileError> {
    let (ta, tb) = (load(a, encoding)?, load(b, encoding)?);
    crate::align::align(ta, tb)
        .map(|aligned| aligned.transcript)
        .map_err(|e| FileError {
            path: PathBuf::from(format!("{} + {}", a.display(), b.display())),
            reason: e.to_string(),
        })
}

/// What the reader shows for two files: the aligned call; or, when they cannot be aligned,
/// the one that still makes sense alone (the bilingual one, the English one, else the first)
/// with a banner saying why. Also returns the files shown.
pub fn load_pair_to_read(
    a: &Path,
    b: &Path,
    encoding: Option<&str>,
) -> Result<(Transcript, Vec<PathBuf>, Option<String>), FileError> {
    let (ta, tb) = (load(a, encoding)?, load(b, encoding)?);
    let rank = |t: &Transcript| match (t.is_bilingual(), t.languages.first()) {
        (true, _) => 2,
        (false, Some(transcript::Lang::En)) => 1,
        _ => 0,
    };
    let first_alone = rank(&ta) >= rank(&tb);
    let err = match crate::align::align(ta.clone(), tb.clone()) {
        Ok(aligned) => return Ok((aligned.transcript, vec![a.into(), b.into()], None)),
        Err(e) => e,
    };
    let (t, shown) = if first_alone { (ta, a) } else { (tb, b) };
    let name = shown
        .file_name()
        .unwrap_or(shown.as_os_str())
        .to_string_lossy();
    let banner = format!("Showing {name} alone: {}", err.brief());
    Ok((t, vec![shown.into()], Some(banner)))
}

/// The call the command line names: the sample, one file, or an English file and its
/// Chinese translation.
pub fn load_call(files: &[PathBuf], encoding: Option<&str>) -> Result<Transcript, FileError> {
    match files {
        [] => Ok(load_sample()),
        [one] => load(one, encoding),
        [a, b] => load_pair(a, b, encoding),
        [a, ..] => Err(FileError {
            path: a.clone(),
            reason: format!(
                "{} files given; give one transcript, or an English transcript and its Chinese translation",
                files.len()
            ),
        }),
    }
}

/// How the reader names what it shows.
fn source_name(files: &[PathBuf]) -> String {
    match files {
        [] => SAMPLE_NAME.to_string(),
        _ => files
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(" + "),
    }
}

/// `tandem parse`: an outline, or JSON.
pub fn parse(
    args: &ParseArgs,
    encoding: Option<&str>,
) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let t = load_call(&args.files, encoding)?;
    let out = if args.json {
        serde_json::to_string_pretty(&t)? + "\n"
    } else {
        outline(&t)
    };
    write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// `tandem [FILE...]`: the reader; `tandem DIR`: the library of the calls in a folder;
/// `tandem --recent`: the library of the recently opened calls.
pub fn read(args: &ReadArgs) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let encoding = args.encoding.as_deref();
    if args.recent {
        return recent(encoding);
    }
    if let [dir] = args.files.as_slice()
        && dir.is_dir()
    {
        crate::library::browse::run(dir, encoding)?;
        return Ok(ExitCode::SUCCESS);
    }
    if let [a, b] = args.files.as_slice() {
        let (t, files, banner) = load_pair_to_read(a, b, encoding)?;
        crate::reader::run(t, &source_name(&files), &files, banner.clone())?;
        if let Some(banner) = banner {
            eprintln!("tandem: warning: {banner}");
        }
        return Ok(ExitCode::SUCCESS);
    }
    let t = load_call(&args.files, encoding)?;
    crate::reader::run(t, &source_name(&args.files), &args.files, None)?;
    if let [one] = args.files.as_slice()
        && let Err(e) = remember(one)
    {
        eprintln!("tandem: warning: not added to the recent files: {e}");
    }
    Ok(ExitCode::SUCCESS)
}

/// `tandem --recent`: the library of the files opened before, most recent first; exit 1
/// when there are none yet.
fn recent(encoding: Option<&str>) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let dir = crate::config::config_dir().ok_or("no config directory on this system")?;
    let remembered = crate::recent::list(&dir)?;
    let files: Vec<PathBuf> = remembered
        .iter()
        .map(|e| e.path.clone())
        .filter(|p| p.is_file())
        .collect();
    if files.is_empty() {
        if remembered.is_empty() {
            eprintln!("tandem: no recently opened calls yet; open one with `tandem FILE`");
        } else {
            eprintln!(
                "tandem: none of the {} recently opened files is still there (moved or deleted)",
                remembered.len()
            );
        }
        return Ok(ExitCode::from(1));
    }
    crate::library::browse::run_recent(files, encoding)?;
    Ok(ExitCode::SUCCESS)
}

/// Adds `file` to the recent files (standard input is not a file to reopen).
pub(crate) fn remember(file: &Path) -> Result<(), String> {
    if file == Path::new("-") {
        return Ok(());
    }
    match crate::config::config_dir() {
        Some(dir) => crate::recent::record(&dir, file),
        None => Ok(()),
    }
}

/// `tandem config path|init`.
pub fn config(cmd: &crate::cli::ConfigCommand) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let path = match cmd {
        crate::cli::ConfigCommand::Path => {
            crate::settings::path().ok_or("no config directory on this system")?
        }
        crate::cli::ConfigCommand::Init => crate::settings::init()?,
    };
    write_stdout(&format!("{}\n", path.display()))?;
    Ok(ExitCode::SUCCESS)
}

/// `tandem completions SHELL`: a completion script generated from the command definitions.
pub fn completions(shell: clap_complete::Shell) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let mut out = Vec::new();
    clap_complete::generate(
        shell,
        &mut <crate::cli::Cli as clap::CommandFactory>::command(),
        "tandem",
        &mut out,
    );
    write_stdout(&String::from_utf8(out)?)?;
    Ok(ExitCode::SUCCESS)
}

/// `tandem man`: the manual page in roff, generated from the command definitions.
pub fn man() -> Result<ExitCode, Box<dyn std::error::Error>> {
    let mut out = Vec::new();
    clap_mangen::Man::new(<crate::cli::Cli as clap::CommandFactory>::command()).render(&mut out)?;
    write_stdout(&String::from_utf8(out)?)?;
    Ok(ExitCode::SUCCESS)
}

/// Writes to stdout, treating a closed pipe (`| head`) as success.
pub(crate) fn write_stdout(text: &str) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
    {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
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
