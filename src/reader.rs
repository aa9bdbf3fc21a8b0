//! The full-screen reader: terminal setup and restore, the event loop.

use crate::transcript::Transcript;

/// Opens the reader on `transcript` (shown under `source`, a path or the sample's name).
pub fn run(transcript: Transcript, source: &str) -> std::io::Result<()> {
    let _ = source;
    print!("{}", crate::commands::outline(&transcript));
    Ok(())
}
