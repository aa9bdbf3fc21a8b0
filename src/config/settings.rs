//! User settings: `config.toml` in the config directory. An invalid file is reported
//! precisely (file, line, column, what is wrong) and never rewritten.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

pub use crate::script::ChineseScript;

/// File name of the settings file in the config directory.
pub const FILE: &str = "config.toml";

/// Colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Theme {
    #[default]
    Dark,
    Light,
}

/// Which languages the reading pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum View {
    #[default]
    Both,
    En,
    Zh,
}

/// How the two languages are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Layout {
    /// Side by side, stacked when the terminal is narrow.
    #[default]
    Auto,
    SideBySide,
    Stacked,
}

/// Everything `config.toml` can set; anything left out keeps its default.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    pub theme: Theme,
    pub view: View,
    pub layout: Layout,
    pub script: ChineseScript,
    /// Capture the mouse (wheel scrolling, clicks); off leaves the terminal's own selection.
    pub mouse: bool,
    /// Cells for East Asian ambiguous-width characters (“ ” … ·): 1, or 2 for terminals set so.
    pub ambiguous_width: u8,
    /// The reading measure: English lines at most this many cells, Chinese four fifths of it;
    /// 0 for the whole width.
    pub max_width: u16,
    /// Key overrides: action name → key (`"]"`, `"ctrl-n"`, `"f5"`).
    pub keys: BTreeMap<String, String>,
    /// Company aliases for the library: the name to show → the other names and tickers the
    /// company goes by (`"Alphabet" = ["Google", "谷歌", "GOOGL"]`).
    pub companies: BTreeMap<String, Vec<String>>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: Theme::Dark,
            view: View::Both,
            layout: Layout::Auto,
            script: ChineseScript::Original,
            mouse: true,
            ambiguous_width: 1,
            max_width: 100,
            keys: BTreeMap::new(),
            companies: BTreeMap::new(),
        }
    }
}

/// A settings file that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsError {
    pub path: PathBuf,
    pub message: String,
}

impl fmt::Display for SettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for SettingsError {}

/// The commented default file `tandem config init` writes.
pub const DEFAULT_FILE: &str = r#"# tandem settings. Every line is optional; a missing one keeps its default.

# Colours: "dark" or "light". NO_COLOR in the environment, or --color never, turns colour off.
# theme = "dark"

# Languages shown: "both", "en" or "zh".
# view = "both"

# Layout of the two languages: "auto" (side by side, stacked when narrow), "side-by-side", "stacked".
# layout = "auto"

# Chinese script: "original" (as the file has it), "simplified" or "traditional".
# script = "original"

# Capture the mouse for scrolling and clicks (false keeps the terminal's own text selection).
# mouse = true

# Cells taken by ambiguous-width punctuation such as “ ” … · : 1, or 2 if your terminal is set so.
# ambiguous-width = 1

# The reading measure: English lines at most this many cells wide (Chinese four fifths of
# it, about as many characters), in each column; 0 uses the whole width.
# max-width = 100

# Key overrides: action = "key". Keys: a character ("]"), "ctrl-x", "f5", "pgdn", "enter", ...
# A key given to an action leaves what it did before. The help overlay (?) shows the keys
# in effect.
[keys]
# next-question = "f5"

# Company aliases for the library: the name to show = [other names and tickers]. Calls are
# already grouped by the names, tickers and scripts they give; aliases join the rest.
[companies]
# "Alphabet" = ["Google", "谷歌", "GOOGL"]
"#;

/// A `[keys]` entry that cannot be used: which action entry, and why. The reader knows the
/// actions and the keys; this layer only places the error in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyError {
    /// The action name as written.
    pub action: String,
    /// True when the key (not the action name) is at fault.
    pub in_key: bool,
    pub message: String,
}

/// What checks the `[keys]` table: the reader's key map (`app::keys::check`).
pub type KeyCheck = fn(&BTreeMap<String, String>) -> Result<(), KeyError>;

/// Parses settings from TOML text, checking `[keys]` with `check_keys`; `path` is only used
/// in the error.
pub fn parse(text: &str, path: &Path, check_keys: KeyCheck) -> Result<Settings, SettingsError> {
    let settings: Settings = toml::from_str(text).map_err(|e| SettingsError {
        path: path.to_path_buf(),
        message: describe(&e, text),
    })?;
    if !(1..=2).contains(&settings.ambiguous_width) {
        return Err(SettingsError {
            path: path.to_path_buf(),
            message: "ambiguous-width must be 1 or 2".into(),
        });
    }
    if settings.max_width != 0 && settings.max_width < 20 {
        return Err(SettingsError {
            path: path.to_path_buf(),
            message: "max-width must be 0 (the whole width) or at least 20".into(),
        });
    }
    check_keys(&settings.keys).map_err(|e| SettingsError {
        path: path.to_path_buf(),
        message: match key_entry(text, &e.action, e.in_key) {
            Some((line, col)) => format!("line {line}, column {col}: {}", e.message),
            None => e.message,
        },
    })?;
    Ok(settings)
}

/// Line and column (1-based) of the `[keys]` entry for `action`: its name, or with `value`
/// its value.
fn key_entry(text: &str, action: &str, value: bool) -> Option<(usize, usize)> {
    let mut in_keys = false;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with('[') {
            in_keys = trimmed
                .trim_end()
                .trim_end_matches(']')
                .trim_start_matches('[')
                .trim()
                == "keys";
            continue;
        }
        let Some((name, _)) = trimmed.split_once('=') else {
            continue;
        };
        if !in_keys || name.trim().trim_matches(['"', '\'']) != action {
            continue;
        }
        let at = if value {
            let eq = line.find('=')? + 1;
            eq + line[eq..].len() - line[eq..].trim_start().len()
        } else {
            line.len() - trimmed.len()
        };
        return Some((i + 1, line[..at].chars().count() + 1));
    }
    None
}

/// A one-line description of a TOML error: line, column and what is wrong.
fn describe(e: &toml::de::Error, text: &str) -> String {
    let what = e.message().trim().replace('\n', " ");
    match e.span() {
        Some(span) => {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            format!("line {line}, column {col}: {what}")
        }
        None => what,
    }
}

/// Where the settings file is (or would be).
pub fn path() -> Option<PathBuf> {
    crate::config::config_dir().map(|d| d.join(FILE))
}

/// Loads the settings (`[keys]` checked by `check_keys`): defaults when there is no file, an
/// error when the file is invalid.
pub fn load(check_keys: KeyCheck) -> Result<Settings, SettingsError> {
    let Some(path) = path() else {
        return Ok(Settings::default());
    };
    match crate::persist::read_text(&path) {
        Ok(text) => parse(&text, &path, check_keys),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Settings::default()),
        Err(e) => Err(SettingsError {
            path,
            message: format!("cannot read: {e}"),
        }),
    }
}

/// Writes the commented default file; refuses to replace an existing one.
pub fn init() -> Result<PathBuf, SettingsError> {
    let path = path().ok_or_else(|| SettingsError {
        path: PathBuf::from(FILE),
        message: "no config directory on this system; set TANDEM_CONFIG_DIR".into(),
    })?;
    let err = |message: String| SettingsError {
        path: path.clone(),
        message,
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| err(format!("cannot create the directory: {e}")))?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => err("already exists; it was left as it is".into()),
            _ => err(format!("cannot write: {e}")),
        })?;
    std::io::Write::write_all(&mut file, DEFAULT_FILE.as_bytes())
        .map_err(|e| err(format!("cannot write: {e}")))?;
    Ok(path)
}

/// The `--color` flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour unless NO_COLOR is set.
    #[default]
    Auto,
    Always,
    Never,
}

/// Whether to draw colours: `--color always|never`, or (auto) unless `NO_COLOR` is set to
/// something non-empty.
pub fn colour_wanted(choice: ColorChoice, no_color: Option<&std::ffi::OsStr>) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => no_color.is_none_or(|v| v.is_empty()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Result<Settings, SettingsError> {
        parse(text, Path::new("config.toml"), |_| Ok(()))
    }

    #[test]
    fn the_default_file_gives_the_defaults() {
        assert_eq!(p(DEFAULT_FILE).unwrap(), Settings::default());
        assert_eq!(p("").unwrap(), Settings::default());
    }

    #[test]
    fn values_are_read() {
        let s = p("theme = \"light\"\nview = \"zh\"\nlayout = \"stacked\"\nscript = \"traditional\"\nmouse = false\n\
            ambiguous-width = 2\n[keys]\nnext-question = \"n\"\n")
        .unwrap();
        assert_eq!(s.theme, Theme::Light);
        assert_eq!(s.view, View::Zh);
        assert_eq!(s.layout, Layout::Stacked);
        assert_eq!(s.script, ChineseScript::Traditional);
        assert!(!s.mouse);
        assert_eq!(s.ambiguous_width, 2);
        assert_eq!(s.keys["next-question"], "n");
    }

    #[test]
    fn errors_name_line_column_and_problem() {
        let e = p("view = \"both\"\ntheme = \"blue\"\n").unwrap_err();
        assert!(e.message.starts_with("line 2, column 9:"), "{e}");
        assert!(
            e.message.contains("blue") || e.message.contains("dark"),
            "{e}"
        );
        assert!(!e.to_string().contains('\n'));
        let e = p("colour = 1\n").unwrap_err();
        assert!(
            e.message.contains("line 1") && e.message.contains("colour"),
            "{e}"
        );
        let e = p("theme = \n").unwrap_err();
        assert!(e.message.starts_with("line 1"), "{e}");
        let e = p("max-width = 12\n").unwrap_err();
        assert!(e.message.contains("max-width"), "{}", e.message);
        assert_eq!(p("max-width = 72\n").unwrap().max_width, 72);
        assert_eq!(p("max-width = 0\n").unwrap().max_width, 0);
        let e = p("ambiguous-width = 3\n").unwrap_err();
        assert!(e.message.contains("1 or 2"), "{e}");
    }

    #[test]
    fn key_errors_are_placed_where_they_are_written() {
        // The reader's key map decides what is wrong; settings say where.
        fn check(keys: &BTreeMap<String, String>) -> Result<(), KeyError> {
            match keys.iter().find(|(_, v)| v.as_str() == "bad") {
                Some((k, _)) => Err(KeyError {
                    action: k.clone(),
                    in_key: true,
                    message: "bad key".into(),
                }),
                None => Ok(()),
            }
        }
        let e = parse(
            "theme = \"dark\"\n[keys]\nquit = \"x\"\n  help =  \"bad\"\n",
            Path::new("config.toml"),
            check,
        )
        .unwrap_err();
        assert_eq!(e.message, "line 4, column 11: bad key");
    }

    #[test]
    fn no_color_is_honoured_only_when_set_and_not_forced() {
        let set = Some(std::ffi::OsStr::new("1"));
        let empty = Some(std::ffi::OsStr::new(""));
        assert!(!colour_wanted(ColorChoice::Auto, set));
        assert!(colour_wanted(ColorChoice::Auto, empty));
        assert!(colour_wanted(ColorChoice::Auto, None));
        assert!(colour_wanted(ColorChoice::Always, set));
        assert!(!colour_wanted(ColorChoice::Never, None));
    }
}
