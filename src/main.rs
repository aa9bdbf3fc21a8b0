use std::process::ExitCode;

use clap::Parser;
use tandem::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    tandem::reader::set_color(cli.color);
    if cli.command.is_some() && (cli.read.recent || !cli.read.files.is_empty()) {
        let what = if cli.read.recent {
            "--recent"
        } else {
            "a file"
        };
        eprintln!(
            "tandem: {what} cannot come before a command; give files after it (tandem parse FILE)"
        );
        return ExitCode::from(2);
    }
    let result = tandem::commands::run(&cli);
    // Ended by SIGTERM or SIGHUP: the conventional 128 + signal number.
    let signalled = tandem::reader::signalled();
    match result {
        Ok(_) if signalled.is_some() => {
            ExitCode::from(u8::try_from(128 + signalled.unwrap_or(0)).unwrap_or(u8::MAX))
        }
        Ok(code) => code,
        Err(err) => {
            eprintln!("tandem: {}", tandem::printable::text(&err.to_string()));
            ExitCode::from(2)
        }
    }
}
