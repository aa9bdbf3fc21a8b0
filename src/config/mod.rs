//! The config layer: where tandem keeps its files (config, data, state and cache directories), the settings
//! (`config.toml`), remembered reading positions and the recent files. No terminal types;
//! below the reader and the commands, above the domain.

pub mod dirs;
pub mod positions;
pub mod recent;
pub mod settings;

pub use positions::{Position, load_position, save_position};

pub use dirs::{CONFIG_ENV, DATA_ENV, cache_dir, config_dir, data_dir, migrate, state_dir};
