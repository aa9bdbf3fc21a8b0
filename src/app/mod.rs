//! Application state, actions, key map and the terminal-free update function.
