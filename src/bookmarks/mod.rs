//! Bookmarks with notes: the model (anchored to content, not to screen rows), the store in
//! the config directory (atomic, locked, merged between readers), exports (Markdown, JSON,
//! CSV) and the `tandem bookmarks` command. No terminal here.

pub mod anchor;
pub mod cli;
pub mod clock;
pub mod export;
pub mod merge;
pub mod model;
pub mod store;

pub use anchor::{How, Located, locate, locate_all};
pub use model::{Bookmark, CallRef, Spot, StoreFile};
pub use store::Store;
