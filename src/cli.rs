//! Command-line definitions (clap derive), shared by the binary, completions and the man page.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Examples shown after `--help` and in the manual page's EXAMPLES.
pub const EXAMPLES: &str = "\
Examples:
  tandem call.txt                        # read a transcript (text, web page, PDF, JSON)
  tandem call_en.html call_zh.txt        # an English call and its Chinese translation, aligned
  tandem ~/calls                         # the library: every call in a folder, searchable
  tandem -r                              # the calls read before, most recent first
  tandem call.txt | less                 # not a terminal: the aligned call as text
  tandem print --format html en.txt zh.txt > call.html   # one page to share or print
  tandem check en.txt zh.txt             # the figures the Chinese gets wrong (exit 1 if any)
  tandem search AWS ~/calls              # every paragraph that says AWS, in every call
  tandem search --speaker 'Jane Park' ~/calls     # an analyst's questions, call by call
  tandem ls --json ~/calls               # the library as JSON, for scripts
  curl -s URL | tandem                   # piped in: the call read from standard input";

/// A terminal reader for earnings-call transcripts in English and Chinese.
///
/// tandem opens an earnings-call transcript as people find it — plain text, a saved web
/// page, a PDF, a data provider's JSON, a file with two languages interleaved, a Chinese
/// repost with commentary — and shows the call: the speaker turns (prepared remarks, then
/// each analyst's question), English and Chinese paragraphs side by side, figures checked
/// between the languages, bookmarks with notes, and a library of calls to search.
#[derive(Debug, Parser)]
#[command(
    name = "tandem",
    version,
    about,
    after_help = EXAMPLES,
    subcommand_precedence_over_arg = true
)]
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
    /// A transcript, or an English transcript and its Chinese translation (either order); a
    /// folder opens the library of the calls in it; `-` reads standard input; none opens the
    /// built-in sample (or reads standard input when it is piped).
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
    /// Print the aligned call as text, Markdown or an HTML page (speakers, questions, both
    /// languages, notes), for a pager, a file or a browser.
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
    /// Print where each kind of file goes, one `KIND<TAB>DIRECTORY` line each: config
    /// (config.toml), data (bookmarks), state (reading positions, recent files), cache
    /// (library cache, search index).
    Dirs,
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

    /// The output: plain text, Markdown, or an HTML page (side by side, mismatched figures
    /// marked).
    #[arg(long, value_enum, default_value_t)]
    pub format: PrintFormat,
}

/// How `tandem print` writes the call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum PrintFormat {
    #[default]
    Text,
    Markdown,
    /// One self-contained page, English and Chinese side by side, to share or print.
    Html,
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
