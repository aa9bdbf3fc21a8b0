//! `tandem man`: the manual page in roff, generated from the command definitions.

use std::process::ExitCode;

use clap::CommandFactory as _;

use super::write_stdout;
use crate::cli::Cli;

/// Prints the manual page.
pub(super) fn run() -> Result<ExitCode, Box<dyn std::error::Error>> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    write_stdout(&String::from_utf8(out)?)?;
    Ok(ExitCode::SUCCESS)
}
