//! The effective key map: the built-in [`BINDINGS`] with the user's `[keys]` overrides
//! applied. Every bindable action has a stable kebab-case name (the name `config.toml`
//! uses); keys are written `"]"`, `"G"`, `"ctrl-n"`, `"alt-x"`, `"f5"`, `"pgdn"`, `"enter"`.

use std::collections::BTreeMap;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::config::settings::KeyError;

use super::action::Action;
use super::keymap::{BINDINGS, Binding, Context, Key, chain, key_label, normalize};

/// The name of every bindable action, as `config.toml` spells it.
pub static NAMES: &[(&str, Action)] = &[
    ("line-down", Action::LineDown),
    ("line-up", Action::LineUp),
    ("next-paragraph", Action::NextParagraph),
    ("prev-paragraph", Action::PrevParagraph),
    ("half-page-down", Action::HalfPageDown),
    ("half-page-up", Action::HalfPageUp),
    ("page-down", Action::PageDown),
    ("page-up", Action::PageUp),
    ("top", Action::Top),
    ("bottom", Action::Bottom),
    ("next-question", Action::NextQuestion),
    ("prev-question", Action::PrevQuestion),
    ("next-turn", Action::NextTurn),
    ("prev-turn", Action::PrevTurn),
    ("next-turn-same-speaker", Action::NextBySpeaker),
    ("prev-turn-same-speaker", Action::PrevBySpeaker),
    ("jump-back", Action::JumpBack),
    ("jump-forward", Action::JumpForward),
    ("overview", Action::OpenOverview),
    ("figure-list", Action::OpenFigureList),
    ("sheet-down", Action::SheetMove(1)),
    ("sheet-up", Action::SheetMove(-1)),
    ("sheet-page-down", Action::SheetMove(10)),
    ("sheet-page-up", Action::SheetMove(-10)),
    ("sheet-first", Action::SheetEnd(false)),
    ("sheet-last", Action::SheetEnd(true)),
    ("sheet-jump", Action::SheetJump),
    ("toggle-turn-list", Action::ToggleTurnList),
    ("toggle-bookmark-notes", Action::ToggleMarkNotes),
    ("search", Action::StartSearch),
    ("next-match", Action::SearchNext),
    ("prev-match", Action::SearchPrev),
    ("clear-search", Action::ClearSearch),
    ("search-keep", Action::SearchConfirm),
    ("search-cancel", Action::SearchCancel),
    ("cycle-language", Action::CycleLanguage),
    ("toggle-stacked", Action::ToggleStacked),
    ("toggle-notes", Action::ToggleNotes),
    ("cycle-script", Action::CycleScript),
    ("copy", Action::CopyParagraph),
    ("toggle-figures", Action::ToggleFigures),
    ("next-mismatch", Action::NextMismatch),
    ("prev-mismatch", Action::PrevMismatch),
    ("toggle-focus", Action::ToggleFocus),
    ("list-down", Action::ListMove(1)),
    ("list-up", Action::ListMove(-1)),
    ("list-first", Action::ListEnd(false)),
    ("list-last", Action::ListEnd(true)),
    ("list-jump", Action::ListJump),
    ("toggle-bookmark", Action::ToggleBookmark),
    ("edit-note", Action::EditNote),
    ("bookmarks", Action::OpenBookmarks),
    ("analysts", Action::OpenAnalysts),
    ("picker-down", Action::PickerMove(1)),
    ("picker-up", Action::PickerMove(-1)),
    ("picker-jump", Action::PickerJump),
    ("help", Action::OpenHelp),
    ("help-down", Action::HelpScroll(1)),
    ("help-up", Action::HelpScroll(-1)),
    ("close", Action::CloseOverlay),
    ("panel-down", Action::PanelMove(1)),
    ("panel-up", Action::PanelMove(-1)),
    ("panel-jump", Action::PanelJump),
    ("panel-note", Action::PanelNote),
    ("panel-delete", Action::PanelDelete),
    ("panel-undo", Action::PanelUndo),
    ("panel-export", Action::PanelExport),
    ("note-save", Action::NoteSave),
    ("note-cancel", Action::NoteCancel),
    ("quit", Action::Quit),
    ("suspend", Action::Suspend),
];

/// The action called `name`, if there is one.
pub fn action_named(name: &str) -> Option<&'static Action> {
    NAMES.iter().find(|(n, _)| *n == name).map(|(_, a)| a)
}

/// The name of `action`, if it can be bound.
pub fn name_of(action: &Action) -> Option<&'static str> {
    NAMES.iter().find(|(_, a)| a == action).map(|(n, _)| *n)
}

/// Named keys (lower case) and their codes.
const NAMED: &[(&str, KeyCode)] = &[
    ("space", KeyCode::Char(' ')),
    ("enter", KeyCode::Enter),
    ("return", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("escape", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("shift-tab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("del", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pgup", KeyCode::PageUp),
    ("pageup", KeyCode::PageUp),
    ("pgdn", KeyCode::PageDown),
    ("pagedown", KeyCode::PageDown),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
];

/// Parses a key as `config.toml` writes it: one character (case kept), a named key, an
/// `f1`–`f24`, each optionally after `ctrl-` or `alt-`.
pub fn parse_key(s: &str) -> Result<Key, String> {
    let bad = || {
        format!(
            "bad key \"{s}\": use one character, ctrl-<key>, alt-<key>, f1-f24 or a name (enter, esc, tab, space, pgup, pgdn, home, end, up, down, left, right, backspace, delete)"
        )
    };
    let lower = s.to_ascii_lowercase();
    let (mods, rest, rest_lower) = if let Some(r) = lower.strip_prefix("ctrl-") {
        (KeyModifiers::CONTROL, &s[5..], r)
    } else if let Some(r) = lower.strip_prefix("alt-") {
        (KeyModifiers::ALT, &s[4..], r)
    } else {
        (KeyModifiers::NONE, s, lower.as_str())
    };
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) if mods.is_empty() => KeyCode::Char(c),
        (Some(c), None) => KeyCode::Char(c.to_ascii_lowercase()),
        _ => named(rest_lower).ok_or_else(bad)?,
    };
    Ok(Key { code, mods })
}

/// The code of a named key or function key (`rest` in lower case).
fn named(rest: &str) -> Option<KeyCode> {
    if let Some(n) = rest.strip_prefix('f').and_then(|d| d.parse::<u8>().ok()) {
        return (1..=24).contains(&n).then_some(KeyCode::F(n));
    }
    NAMED.iter().find(|(n, _)| *n == rest).map(|(_, c)| *c)
}

/// Checks every `[keys]` entry: a known action name and a key that parses.
pub fn check(keys: &BTreeMap<String, String>) -> Result<(), KeyError> {
    Keymap::with_overrides(keys).map(|_| ())
}

/// The key table in effect.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            bindings: BINDINGS.to_vec(),
        }
    }
}

impl Keymap {
    /// The built-in table with `keys` (action name → key) applied.
    pub fn with_overrides(keys: &BTreeMap<String, String>) -> Result<Self, KeyError> {
        let mut map = Keymap::default();
        // Each override's key, action and contexts, to catch one key given to two actions.
        let mut given: Vec<(Key, &str, Vec<Context>)> = Vec::new();
        for (name, key) in keys {
            let Some(action) = action_named(name) else {
                return Err(KeyError {
                    action: name.clone(),
                    in_key: false,
                    message: format!("unknown action \"{name}\" in [keys]"),
                });
            };
            let key = parse_key(key).map_err(|message| KeyError {
                action: name.clone(),
                in_key: true,
                message,
            })?;
            let contexts: Vec<Context> = BINDINGS
                .iter()
                .filter(|b| &b.action == action)
                .map(|b| b.context)
                .collect();
            if let Some((_, other, _)) = given
                .iter()
                .find(|(k, _, cs)| *k == key && cs.iter().any(|c| contexts.contains(c)))
            {
                return Err(KeyError {
                    action: name.clone(),
                    in_key: true,
                    message: format!(
                        "key \"{}\" is given to both \"{other}\" and \"{name}\" in [keys]",
                        keys[name.as_str()]
                    ),
                });
            }
            given.push((key, name, contexts));
            map.rebind(action, key);
        }
        Ok(map)
    }

    /// Makes `key` the only key of `action` in every context that binds it; other actions
    /// lose `key` there.
    fn rebind(&mut self, action: &Action, key: Key) {
        let contexts: Vec<Context> = self
            .bindings
            .iter()
            .filter(|b| &b.action == action)
            .map(|b| b.context)
            .collect();
        for ctx in contexts.iter().copied() {
            let Some(first) = self
                .bindings
                .iter()
                .position(|b| b.context == ctx && &b.action == action)
            else {
                continue;
            };
            let mut new = self.bindings[first].clone();
            new.key = key;
            if new.hint.is_none() {
                new.hint = self
                    .bindings
                    .iter()
                    .find(|b| b.context == ctx && &b.action == action && b.hint.is_some())
                    .and_then(|b| b.hint);
            }
            self.bindings[first] = new;
            let mut i = 0;
            self.bindings.retain(|b| {
                let keep = i == first || b.context != ctx || (&b.action != action && b.key != key);
                i += 1;
                keep
            });
        }
    }

    /// Every binding in effect, in table order.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The action bound to `ev` in `ctx` (falling back as [`chain`] says), if any.
    pub fn lookup(&self, ctx: Context, ev: KeyEvent) -> Option<Action> {
        lookup_in(&self.bindings, ctx, ev)
    }

    /// Bindings of `ctx` merged by action: (keys joined with " ", first binding).
    pub fn merged(&self, ctx: Context) -> Vec<(String, &Binding)> {
        merged_in(&self.bindings, ctx)
    }

    /// Status-line hints for `ctx`: (first key, binding), in table order.
    pub fn hints(&self, ctx: Context) -> Vec<(String, &Binding)> {
        hints_in(&self.bindings, ctx)
    }

    /// The keys of `action` in `ctx` as help writes them (empty when unbound).
    pub fn keys_of(&self, ctx: Context, action: &Action) -> String {
        self.merged(ctx)
            .into_iter()
            .find(|(_, b)| &b.action == action)
            .map(|(k, _)| k)
            .unwrap_or_default()
    }
}

/// The action bound to `ev` in `ctx` in `table`.
pub fn lookup_in(table: &[Binding], ctx: Context, ev: KeyEvent) -> Option<Action> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    let key = normalize(ev);
    chain(ctx).iter().find_map(|c| {
        table
            .iter()
            .find(|b| b.context == *c && b.key == key)
            .map(|b| b.action.clone())
    })
}

/// Bindings of `ctx` in `table` merged by action.
pub fn merged_in(table: &[Binding], ctx: Context) -> Vec<(String, &Binding)> {
    let mut out: Vec<(String, &Binding)> = Vec::new();
    for bd in table.iter().filter(|b| b.context == ctx) {
        match out.iter_mut().find(|(_, first)| first.action == bd.action) {
            Some((keys, _)) => {
                keys.push(' ');
                keys.push_str(&key_label(bd.key));
            }
            None => out.push((key_label(bd.key), bd)),
        }
    }
    out
}

/// Status-line hints for `ctx` in `table`.
pub fn hints_in(table: &[Binding], ctx: Context) -> Vec<(String, &Binding)> {
    let mut out: Vec<(String, &Binding)> = Vec::new();
    for c in chain(ctx) {
        for bd in table.iter().filter(|b| b.context == *c && b.hint.is_some()) {
            let taken = out
                .iter()
                .any(|(_, o)| o.key == bd.key || o.action == bd.action);
            if !taken {
                out.push((key_label(bd.key), bd));
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "keys_tests.rs"]
mod tests;
