//! Command-line definitions (clap derive), shared by the binary, completions and the man page.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// A terminal reader for earnings-call transcripts in English and Chinese.
#[derive(Debug, Parser)]
#[command(name = "tandem", version, about, subcommand_precedence_over_arg = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub read: ReadArgs,

    /// Colours in the reader: auto (on unless NO_COLOR is set), always, never.
    #[arg(long, value_enum, value_name = "WHEN", global = true, default_value_t)]
    pub color: crate::config::settings::ColorChoice,
}

/// Options for opening transcripts in the reader (the default command).
#[derive(Debug, Args, Default, Clone)]
pub struct ReadArgs {
    /// A transcript, or an English transcript and its Chinese translation (either order);
    /// none opens the built-in sample.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// List the recently opened calls (most recent first) to pick one.
    #[arg(short, long, conflicts_with = "files")]
    pub recent: bool,

    /// Decode input with this encoding (e.g. utf-8, gb18030, big5, utf-16le) instead of detecting it.
    #[arg(long, value_name = "LABEL", global = true)]
    pub encoding: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse transcripts and print their structure (outline, or JSON with --json).
    Parse(ParseArgs),
    /// Print the aligned call as text or Markdown (speakers, questions, both languages,
    /// notes), for a pager or a file.
    Print(PrintArgs),
    /// Check the figures of the Chinese against the English (exit 1 on a mismatch).
    Check(CheckArgs),
    /// List the calls in folders or files as the library sorts them: company, period, date,
    /// languages, bookmarks and file, tab-separated (or JSON), for scripts and fuzzy finders.
    Ls(LsArgs),
    /// Search every call in folders or files: paragraphs, notes and speakers, both languages,
    /// either Chinese script, case-insensitive; or, with --speaker, the questions an analyst
    /// asked across the calls.
    Search(SearchArgs),
    /// List bookmarks, or export them as Markdown, JSON or CSV.
    #[command(subcommand)]
    Bookmarks(BookmarksCommand),
    /// Where the settings file is, or write a commented default one.
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), generated from these definitions.
    Man,
}

/// `tandem config …`
#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the path of the settings file (config.toml).
    Path,
    /// Write a commented default config.toml (never replaces an existing one).
    Init,
}

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// A transcript, or an English transcript and its Chinese translation (either order);
    /// `-` reads standard input; none parses the built-in sample.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Print the transcript as JSON instead of an outline.
    #[arg(long)]
    pub json: bool,

    /// Print the text read from the file (decoded, taken out of its web page, PDF or
    /// JSON, cleaned) that the parser works on, instead of its structure.
    #[arg(long, conflicts_with = "json")]
    pub text: bool,
}

/// `tandem ls …`
#[derive(Debug, Args)]
pub struct LsArgs {
    /// Folders (read with everything under them) or files; none: the current folder.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Print a JSON array instead of tab-separated lines.
    #[arg(long)]
    pub json: bool,
}

/// `tandem search …`
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to find (not with --speaker, where every argument is a path).
    #[arg(value_name = "QUERY", required_unless_present = "speaker")]
    pub query: Option<String>,

    /// Folders (read with everything under them) or files; none: the current folder.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// List the questions an analyst asked (names match across spellings and scripts).
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,

    /// Print a JSON array instead of one line per hit.
    #[arg(long)]
    pub json: bool,
}

/// `tandem print …`
#[derive(Debug, Args)]
pub struct PrintArgs {
    /// A transcript, or an English transcript and its Chinese translation (either order);
    /// `-` reads standard input; none prints the built-in sample.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// The output: plain text, or Markdown.
    #[arg(long, value_enum, default_value_t)]
    pub format: PrintFormat,
}

/// How `tandem print` writes the call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum PrintFormat {
    #[default]
    Text,
    Markdown,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// A bilingual transcript, or an English transcript and its Chinese translation;
    /// none checks the built-in sample.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Print the mismatches as JSON.
    #[arg(long)]
    pub json: bool,
}

/// What `tandem bookmarks` does.
#[derive(Debug, Subcommand)]
pub enum BookmarksCommand {
    /// List the bookmarks: call, speaker, the start of the text, the note.
    List(ListArgs),
    /// Export the bookmarks as Markdown, JSON or CSV (to standard output by default).
    Export(ExportArgs),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only the bookmarks of this call: a transcript, or an English transcript and its
    /// Chinese translation (the same text, or made on one of these files).
    #[arg(long, value_name = "FILE", num_args = 1..=2)]
    pub transcript: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "md")]
    pub format: crate::bookmarks::export::Format,
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Only the bookmarks of this call: a transcript, or an English transcript and its
    /// Chinese translation (the same text, or made on one of these files).
    #[arg(long, value_name = "FILE", num_args = 1..=2)]
    pub transcript: Vec<PathBuf>,
    /// Overwrite the output file if it exists.
    #[arg(long)]
    pub force: bool,
}
