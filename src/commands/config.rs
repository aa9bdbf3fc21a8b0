//! `tandem config path|init`: where the settings file is, or a commented one written there.

use std::process::ExitCode;

use super::write_stdout;
use crate::cli::ConfigCommand;
use crate::config::settings;

/// `tandem config path|init`.
pub(super) fn run(cmd: &ConfigCommand) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let path = match cmd {
        ConfigCommand::Path => settings::path().ok_or("no config directory on this system")?,
        ConfigCommand::Init => settings::init()?,
    };
    write_stdout(&format!("{}\n", path.display()))?;
    Ok(ExitCode::SUCCESS)
}
