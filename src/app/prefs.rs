//! The settings in effect in the reader: `config.toml` applied to the state at start.

use crate::settings::{self, ChineseScript, Settings};
use crate::ui::layout::LangView;
use crate::ui::theme::Palette;

use super::keys::Keymap;
use super::state::{App, Arrangement};

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
        self.prefs.script = s.script;
        self.apply_view();
    }
}
