//! The library: the calls found in a folder, for `tandem DIR`, or the recently opened ones,
//! for `tandem --recent`.
//!
//! The domain part — scanning ([`scan`]), metadata ([`meta`]), the metadata cache
//! ([`cache`]), the background loader ([`loader`]) and the list with its sorting, filter and
//! selection ([`list`]) — never touches the terminal. [`view`] draws the list and [`browse`]
//! runs the screen (keys, the event loop, opening a call in the reader).

pub mod analysts;
pub mod browse;
pub mod cache;
pub mod desk;
pub mod identity;
pub mod list;
pub mod loader;
pub mod meta;
pub mod pairs;
pub mod scan;
pub mod search;
pub mod view;

pub use list::{Library, Row, RowState};
pub use loader::{Job, Loader, Message, Source};
pub use meta::Meta;
pub use scan::{FileInfo, Scan};
