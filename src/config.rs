//! Paths (config directory) and user settings.
