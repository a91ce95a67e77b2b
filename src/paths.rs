//! Where speechtui keeps the user's files, in one place so the loader, the reader and the tests
//! agree.

use std::path::PathBuf;

/// `<config dir>/speechtui` (e.g. `~/.config/speechtui`), or `$SPEECHTUI_CONFIG_DIR` when set.
pub fn config_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("SPEECHTUI_CONFIG_DIR") {
        return Some(PathBuf::from(dir));
    }
    dirs::config_dir().map(|d| d.join("speechtui"))
}
