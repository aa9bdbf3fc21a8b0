//! `tandem man`: the manual page in roff. The synopsis, options and every subcommand come
//! from the command definitions; KEYS from the reader's key table; FILES, ENVIRONMENT, EXIT
//! STATUS and EXAMPLES are written here once (the examples are also `--help`'s).

use std::process::ExitCode;

use clap::CommandFactory as _;

use super::write_stdout;
use crate::app::keymap::{Context, HELP_ORDER, merged};
use crate::cli::{Cli, EXAMPLES};

/// Prints the manual page.
pub(super) fn run() -> Result<ExitCode, Box<dyn std::error::Error>> {
    write_stdout(&page()?)?;
    Ok(ExitCode::SUCCESS)
}

/// The whole page.
pub fn page() -> Result<String, Box<dyn std::error::Error>> {
    let mut cmd = Cli::command();
    cmd.build();
    let man = clap_mangen::Man::new(cmd.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    let mut page = String::from_utf8(out)?;
    page.push_str(".SH COMMANDS\n");
    for sub in cmd.get_subcommands() {
        page.push_str(&subcommand(sub, &format!("tandem {}", sub.get_name()))?);
    }
    page.push_str(&keys());
    page.push_str(FILES);
    page.push_str(ENVIRONMENT);
    page.push_str(EXIT_STATUS);
    page.push_str(".SH EXAMPLES\n");
    for line in EXAMPLES.lines().skip_while(|l| !l.starts_with("  ")) {
        page.push_str(&example(line));
    }
    let mut version = Vec::new();
    man.render_version_section(&mut version)?;
    page.push_str(&String::from_utf8(version)?);
    Ok(page)
}

/// One subcommand (and those under it): its synopsis and options under a sub-heading.
fn subcommand(cmd: &clap::Command, name: &str) -> Result<String, Box<dyn std::error::Error>> {
    if cmd.has_subcommands() {
        let mut out = String::new();
        for sub in cmd.get_subcommands() {
            out.push_str(&subcommand(sub, &format!("{name} {}", sub.get_name()))?);
        }
        return Ok(out);
    }
    let man = clap_mangen::Man::new(cmd.clone().bin_name(name));
    let mut synopsis = Vec::new();
    man.render_synopsis_section(&mut synopsis)?;
    let mut options = Vec::new();
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut options)?;
    }
    let mut out = format!(".SS \"{}\"\n", roff(name));
    if let Some(about) = cmd.get_long_about().or(cmd.get_about()) {
        out.push_str(&roff(&about.to_string()));
        out.push_str("\n.PP\n");
    }
    // The sections' own headings give way to the sub-heading above.
    for line in String::from_utf8(synopsis)?
        .lines()
        .chain(String::from_utf8(options)?.lines())
    {
        if !line.starts_with(".SH") {
            out.push_str(line);
            out.push('\n');
        }
    }
    Ok(out)
}

/// The reader's keys, from the built-in key table, section by section.
fn keys() -> String {
    let order = || HELP_ORDER.into_iter().chain([Context::Sheet]);
    let mut out = String::from(
        ".SH KEYS\nThe reader's keys as built in; \\fBconfig.toml\\fR's \\fB[keys]\\fR table \
         changes them, and \\fB?\\fR shows the keys in effect.\n",
    );
    let mut sections: Vec<&str> = Vec::new();
    for ctx in order() {
        for (_, b) in merged(ctx) {
            if !sections.contains(&b.section) {
                sections.push(b.section);
            }
        }
    }
    for section in sections {
        out.push_str(&format!(".SS \"{}\"\n", roff(section)));
        for ctx in order() {
            let rows: Vec<_> = merged(ctx)
                .into_iter()
                .filter(|(_, b)| b.section == section)
                .collect();
            if let Some(heading) = ctx.help_heading().filter(|_| !rows.is_empty()) {
                out.push_str(&format!(".PP\n\\fI{}\\fR\n", roff(heading)));
            }
            for (keys, b) in rows {
                out.push_str(&format!(
                    ".TP\n\\fB{}\\fR\n{}\n",
                    roff(&keys),
                    roff(b.description)
                ));
            }
        }
    }
    out
}

const FILES: &str = r#".SH FILES
Each kind of file goes to its platform's directory (\fBtandem config dirs\fR prints them):
.TP
\fIconfig.toml\fR
Settings, in the config directory: \fI~/.config/tandem\fR on Linux, \fI~/Library/Application Support/tandem\fR on macOS, \fI%APPDATA%\\tandem\\config\fR on Windows. \fBtandem config init\fR writes a commented one.
.TP
\fIbookmarks.json\fR
Bookmarks and notes, in the data directory: \fI~/.local/share/tandem\fR, \fI~/Library/Application Support/tandem\fR, \fI%APPDATA%\\tandem\\data\fR.
.TP
\fIpositions.json\fR, \fIrecent.json\fR
Reading positions and recently opened files, in the state directory: \fI~/.local/state/tandem\fR, \fI~/Library/Application Support/tandem\fR, \fI%LOCALAPPDATA%\\tandem\\data\fR.
.TP
\fIlibrary\-cache.json\fR, \fIsearch/\fR
The library's details and search index, in the cache directory: \fI~/.cache/tandem\fR, \fI~/Library/Caches/tandem\fR, \fI%LOCALAPPDATA%\\tandem\\cache\fR. Rebuilt when deleted.
.PP
Files an older tandem kept in the config directory are moved to their new place once.
"#;

const ENVIRONMENT: &str = r#".SH ENVIRONMENT
.TP
\fBTANDEM_CONFIG_DIR\fR
Keep every file in this directory.
.TP
\fBTANDEM_DATA_DIR\fR
Keep every file but \fIconfig.toml\fR in this directory.
.TP
\fBXDG_CONFIG_HOME\fR, \fBXDG_DATA_HOME\fR, \fBXDG_STATE_HOME\fR, \fBXDG_CACHE_HOME\fR
On Linux, where the directories above are.
.TP
\fBNO_COLOR\fR
When set and not empty, no colours (as \fB\-\-color never\fR); reverse video and bold keep matches and selections visible.
"#;

const EXIT_STATUS: &str = r#".SH EXIT STATUS
.TP
\fB0\fR
Success.
.TP
\fB1\fR
\fBtandem check\fR found a figure the Chinese gets wrong; \fBtandem search\fR found nothing; \fBtandem \-\-recent\fR has no call read yet.
.TP
\fB2\fR
Bad input or usage: a missing, unreadable, empty, binary or oversized file; a damaged, encrypted or image\-only PDF; broken JSON; not a transcript; two files in the same language or of different calls; an unknown option.
.TP
\fB129\fR, \fB143\fR
The reader was ended by SIGHUP or SIGTERM (after restoring the terminal).
"#;

/// One example line (`  tandem …   # what it does`) as an indented roff paragraph.
fn example(line: &str) -> String {
    let line = line.trim();
    if line.is_empty() {
        return String::new();
    }
    match line.split_once("  #") {
        Some((cmd, what)) => format!(".TP\n\\fB{}\\fR\n{}\n", roff(cmd.trim()), roff(what.trim())),
        None => format!(".TP\n\\fB{}\\fR\n", roff(line)),
    }
}

/// Text safe in roff: backslashes and hyphens escaped, no line taken for a request.
fn roff(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for line in s.lines() {
        if !out.is_empty() {
            out.push('\n');
        }
        if line.starts_with('.') || line.starts_with('\'') {
            out.push_str("\\&");
        }
        for c in line.chars() {
            match c {
                '\\' => out.push_str("\\e"),
                '-' => out.push_str("\\-"),
                c => out.push(c),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roff_escapes_requests_backslashes_and_hyphens() {
        assert_eq!(roff(".x\n'y\na\\b-c"), "\\&.x\n\\&'y\na\\eb\\-c");
    }

    #[test]
    fn the_page_has_every_section_and_every_command() {
        let page = page().unwrap();
        for section in [
            ".SH NAME",
            ".SH SYNOPSIS",
            ".SH OPTIONS",
            ".SH COMMANDS",
            ".SH KEYS",
            ".SH FILES",
            ".SH ENVIRONMENT",
            ".SH EXIT STATUS",
            ".SH EXAMPLES",
        ] {
            assert!(page.contains(section), "{section} missing");
        }
        let mut cmd = Cli::command();
        cmd.build();
        for sub in cmd.get_subcommands() {
            let name = format!(".SS \"tandem {}", sub.get_name());
            assert!(page.contains(&name), "{name} missing");
        }
        // Every built-in key binding's description is in KEYS.
        for ctx in [Context::Reader, Context::Search, Context::Marks] {
            for (_, b) in merged(ctx) {
                assert!(page.contains(&roff(b.description)), "{}", b.description);
            }
        }
    }
}
