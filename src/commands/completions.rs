//! `tandem completions SHELL`: a completion script generated from the command definitions.

use std::process::ExitCode;

use clap::CommandFactory as _;

use super::write_stdout;
use crate::cli::Cli;

/// Prints the completion script for `shell`.
pub(super) fn run(shell: clap_complete::Shell) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "tandem", &mut out);
    write_stdout(&String::from_utf8(out)?)?;
    Ok(ExitCode::SUCCESS)
}
