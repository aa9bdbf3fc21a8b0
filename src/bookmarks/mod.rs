//! Bookmarks with notes: the model (anchored to content, not to screen rows), the store in
//! the data directory (atomic, locked, merged between readers), exports (Markdown, JSON,
//! CSV). No terminal here; the `tandem bookmarks` command is in `commands/bookmarks.rs`.

pub mod anchor;
pub mod clock;
pub mod export;
pub mod merge;
pub mod model;
pub mod store;

pub use anchor::{How, Located, locate, locate_all};
pub use model::{Bookmark, CallRef, Spot, StoreFile};
pub use store::Store;
