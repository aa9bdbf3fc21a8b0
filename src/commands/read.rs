//! `tandem [FILE...]`: the reader; `tandem DIR`: the library of a folder's calls;
//! `tandem --recent`: the library of the calls opened before.

use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::call::{Call, Options};
use crate::cli::ReadArgs;
use crate::config::recent;

/// `tandem [FILE...]`: the reader; `tandem DIR`: the library of the calls in a folder;
/// `tandem --recent`: the library of the recently opened calls.
pub(super) fn run(args: &ReadArgs) -> Result<ExitCode, Box<dyn std::error::Error>> {
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
    // Input piped in with no file named is the call.
    let files = if args.files.is_empty() && !std::io::stdin().is_terminal() {
        vec![PathBuf::from("-")]
    } else {
        args.files.clone()
    };
    // While the call is read and parsed, another core prepares the screen (nothing is shown
    // yet: a call that cannot be read leaves the terminal as it was), then builds the parse's
    // patterns (the parse waits for one being built rather than building it twice).
    let to_screen = std::io::stdout().is_terminal();
    let (tx, prepared) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        if to_screen {
            let _ = tx.send(crate::reader::Prepared::new());
        }
        crate::transcript::warm();
    });
    let call = Call::open_to_read(&files, &Options::with_encoding(encoding))?;
    // Not a terminal to draw on: the call as text, as `tandem print` gives it.
    if !to_screen {
        if let Some(banner) = &call.banner {
            crate::reader::warn(banner);
        }
        let text = super::print::render(&call.transcript, crate::cli::PrintFormat::Text);
        super::write_stdout(&text)?;
        return Ok(ExitCode::SUCCESS);
    }
    let banner = call.banner.clone();
    // (Prepared here if the helper could not: it stopped before sending.)
    let prepared = prepared
        .recv()
        .unwrap_or_else(|_| crate::reader::Prepared::new())?;
    crate::reader::run_prepared(call, prepared)?;
    if let Some(banner) = banner {
        crate::reader::warn(&banner);
    }
    if let [one] = files.as_slice()
        && one.as_os_str() != "-"
        && let Err(e) = recent::remember(one)
    {
        crate::reader::warn(&format!("not added to the recent files: {e}"));
    }
    Ok(ExitCode::SUCCESS)
}

/// `tandem --recent`: the library of the files opened before, most recent first; exit 1
/// when there are none yet.
fn recent(encoding: Option<&str>) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let dir = crate::config::state_dir().ok_or("no state directory on this system")?;
    let remembered = recent::list(&dir)?;
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
