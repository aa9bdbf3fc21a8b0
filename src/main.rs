use std::process::ExitCode;

use clap::Parser;
use tandem::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let encoding = cli.read.encoding.clone();
    let result = match cli.command {
        Some(Command::Parse(args)) => tandem::commands::parse(&args, encoding.as_deref()),
        None => tandem::commands::read(&cli.read),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("tandem: {err}");
            ExitCode::from(2)
        }
    }
}
