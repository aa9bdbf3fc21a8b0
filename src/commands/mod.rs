//! The commands behind the command line, one file each: the only code that reads the `cli`
//! structs and prints to standard output. Each returns an exit code or an error to print.

mod bookmarks;
mod check;
mod completions;
mod config;
mod ls;
mod man;
mod parse;
mod print;
mod print_html;
mod read;
mod search;

use std::io::Write as _;
use std::process::ExitCode;

use crate::cli::{Cli, Command};

pub use parse::outline;
pub use print::render as print_call;

/// Runs the command the command line names (none: the reader).
pub fn run(cli: &Cli) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let encoding = cli.read.encoding.as_deref();
    if !matches!(
        cli.command,
        Some(Command::Completions { .. } | Command::Man | Command::Config(_))
    ) {
        // Files an older tandem kept in the config directory go where they now belong.
        for line in crate::config::migrate() {
            eprintln!("tandem: {}", crate::printable::text(&line));
        }
    }
    match &cli.command {
        Some(Command::Parse(args)) => parse::run(args, encoding),
        Some(Command::Print(args)) => print::run(args, encoding),
        Some(Command::Check(args)) => check::run(args, encoding),
        Some(Command::Ls(args)) => ls::run(args, encoding),
        Some(Command::Search(args)) => search::run(args, encoding),
        Some(Command::Bookmarks(cmd)) => bookmarks::run(cmd, encoding),
        Some(Command::Config(cmd)) => config::run(cmd),
        Some(Command::Completions { shell }) => completions::run(*shell),
        Some(Command::Man) => man::run(),
        None => read::run(&cli.read),
    }
}

/// Writes to stdout, treating a closed pipe (`| head`) as success. Nothing in `text` reaches
/// the terminal as a control sequence (JSON is made safe with `printable::json` first).
fn write_stdout(text: &str) -> std::io::Result<()> {
    let text = crate::printable::text(text);
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
    {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}
