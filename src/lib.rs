//! tandem: read earnings-call transcripts in English and Chinese, side by side.
//!
//! The domain layer (`ingest`, `transcript`) never touches the terminal; the binary
//! wires it to the command line and the reader.

pub mod align;
pub mod app;
pub mod bookmarks;
pub mod cli;
pub mod clipboard;
pub mod commands;
pub mod config;
pub mod ingest;
pub mod library;
pub mod numbers;
pub mod reader;
pub mod recent;
pub mod script;
pub mod settings;
pub mod transcript;
pub mod ui;

pub use transcript::model::{
    Block, Lang, Question, Section, Speaker, SpeakerKind, Transcript, Turn,
};
