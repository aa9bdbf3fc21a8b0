//! Application state, actions, key map and the terminal-free update function.

pub mod action;
mod cursor;
pub mod figures;
pub mod index;
pub mod input;
pub mod jumps;
pub mod keymap;
pub mod keys;
pub mod layout;
pub mod marks;
mod marks_io;
mod marks_panel;
mod marks_update;
mod nav;
pub mod prefs;
pub mod search;
pub mod sheets;
pub mod shown;
pub mod state;
pub mod update;

pub use action::Action;
pub use state::App;
pub use update::update;
