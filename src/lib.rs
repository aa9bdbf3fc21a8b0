//! tandem: read earnings-call transcripts in English and Chinese, side by side.
//!
//! Four layers, each importing only those below it (ARCHITECTURE.md; `tests/layers.rs`
//! holds the rule):
//! - commands: `cli`, `commands` — the only code that reads `cli` structs and prints;
//! - reader and library: `reader` (terminal, event loop), `app` (state, update, view model),
//!   `ui` (draws), `library`; `app` never imports `ui`;
//! - config: `config` (paths, settings, positions, recent files);
//! - domain: `call`, `ingest`, `transcript`, `align`, `numbers`, `bookmarks`, `script`,
//!   `wrap`, `persist` — no terminal, no printing.

pub mod align;
pub mod app;
pub mod bookmarks;
pub mod call;
pub mod cli;
pub mod commands;
pub mod config;
pub mod ingest;
pub mod library;
pub mod numbers;
pub mod persist;
pub mod printable;
pub mod quick_hash;
pub mod reader;
pub mod script;
pub mod transcript;
pub mod ui;
pub mod wrap;

pub use transcript::model::{
    Block, Lang, Question, Section, Speaker, SpeakerKind, Transcript, Turn,
};
