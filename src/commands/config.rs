//! `tandem config path|dirs|init`: where the settings file is, where every kind of file
//! goes, or a commented settings file written.

use std::process::ExitCode;

use super::write_stdout;
use crate::cli::ConfigCommand;
use crate::config::settings;

/// `tandem config path|dirs|init`.
pub(super) fn run(cmd: &ConfigCommand) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let path = match cmd {
        ConfigCommand::Path => settings::path().ok_or("no config directory on this system")?,
        ConfigCommand::Dirs => {
            let d =
                crate::config::dirs::Dirs::current().ok_or("no home directory on this system")?;
            let lines = [
                ("config", &d.config),
                ("data", &d.data),
                ("state", &d.state),
                ("cache", &d.cache),
            ]
            .map(|(kind, dir)| format!("{kind}\t{}\n", dir.display()))
            .concat();
            write_stdout(&lines)?;
            return Ok(ExitCode::SUCCESS);
        }
        ConfigCommand::Init => settings::init()?,
    };
    write_stdout(&format!("{}\n", path.display()))?;
    Ok(ExitCode::SUCCESS)
}
