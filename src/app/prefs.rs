//! The settings in effect in the reader: `config.toml` applied to the state at start.

use crate::app::layout::LangView;
use crate::config::settings::{self, ChineseScript, Settings};

use super::keys::Keymap;
use super::state::{App, Arrangement};

/// How the theme's styles reach the screen: the light theme, or no colour at all (`ui::theme`
/// applies it to each frame).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Colours chosen for a light background.
    pub light: bool,
    /// False draws without colours: highlights keep bold and reverse video.
    pub colour: bool,
}

impl Default for Palette {
    fn default() -> Self {
        Palette {
            light: false,
            colour: true,
        }
    }
}

/// What the settings decide beyond the view: the keys, the colours, the Chinese script.
#[derive(Debug, Clone, Default)]
pub struct Prefs {
    pub keys: Keymap,
    pub palette: Palette,
    pub script: ChineseScript,
}

impl App {
    /// Applies `s` (keys, theme, languages, layout, ambiguous width, script); `colour`
    /// false draws without colours. Keeps the reading position.
    pub fn configure(&mut self, s: &Settings, colour: bool) {
        self.prefs.palette = Palette {
            light: s.theme == settings::Theme::Light,
            colour,
        };
        match Keymap::with_overrides(&s.keys) {
            Ok(keys) => self.prefs.keys = keys,
            Err(e) => self.warn(format!("config.toml: {}; default keys in use", e.message)),
        }
        if self.index.bilingual {
            self.view.lang = match s.view {
                settings::View::Both => LangView::Both,
                settings::View::En => LangView::En,
                settings::View::Zh => LangView::Zh,
            };
        }
        self.view.arrangement = match s.layout {
            settings::Layout::Auto => Arrangement::Auto,
            settings::Layout::SideBySide => Arrangement::SideBySide,
            settings::Layout::Stacked => Arrangement::Stacked,
        };
        self.view.wide_ambiguous = s.ambiguous_width == 2;
        self.view.max_width = s.max_width;
        self.prefs.script = s.script;
        self.apply_view();
    }
}
