//! The config layer: where tandem keeps its files (the config directory), the settings
//! (`config.toml`), remembered reading positions and the recent files. No terminal types;
//! below the reader and the commands, above the domain.

pub mod positions;
pub mod recent;
pub mod settings;

use std::path::PathBuf;

pub use positions::{Position, load_position, save_position};

/// Environment variable that overrides the config directory.
pub const CONFIG_ENV: &str = "TANDEM_CONFIG_DIR";

/// The config directory: `TANDEM_CONFIG_DIR`, else the platform's config dir for tandem.
pub fn config_dir() -> Option<PathBuf> {
    match std::env::var_os(CONFIG_ENV) {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => directories::ProjectDirs::from("", "", "tandem").map(|d| d.config_dir().to_path_buf()),
    }
}
