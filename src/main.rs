use std::process::ExitCode;

use clap::Parser;
use tandem::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let encoding = cli.read.encoding.clone();
    tandem::reader::set_color(cli.color);
    let result = match cli.command {
        Some(Command::Parse(args)) => tandem::commands::parse(&args, encoding.as_deref()),
        Some(Command::Check(args)) => tandem::numbers::check::run(&args, encoding.as_deref()),
        Some(Command::Bookmarks(cmd)) => tandem::bookmarks::cli::run(&cmd, encoding.as_deref()),
        Some(Command::Config(cmd)) => tandem::commands::config(&cmd),
        Some(Command::Completions { shell }) => tandem::commands::completions(shell),
        Some(Command::Man) => tandem::commands::man(),
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
