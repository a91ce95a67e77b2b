//! `<config dir>/speechtui/config.toml`: the theme and key overrides.
//!
//! ```toml
//! theme = "light"            # a built-in theme or <config dir>/speechtui/themes/<name>.toml
//! [keys]
//! quit = ["q", "Ctrl-q"]     # a list, or a single string
//! save = "w"
//! mouse = false              # (top level) leave the mouse to the terminal: select and copy text
//! ```
//! A config with an error never stops the reader: each problem becomes a one-line warning shown
//! in the status line, and the defaults are used for what could not be read. The file's syntax is
//! the library's ([`speechtui::settings::config`]); this reads it once at start and builds the
//! keymap and theme from it.

use std::path::{Path, PathBuf};

use super::keymap::Keymap;
use super::theme::{ColorDepth, Theme};

/// Everything the TUI takes from the user's configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub theme: Theme,
    pub keymap: Keymap,
    /// Capture the mouse (wheel and clicks); `mouse = false` leaves it to the terminal.
    pub mouse: bool,
    pub warnings: Vec<String>,
}

/// `<config dir>/speechtui`, or `$SPEECHTUI_CONFIG_DIR` when set.
pub fn config_dir() -> Option<PathBuf> {
    speechtui::paths::config_dir()
}

impl Config {
    /// Loads the config from `dir` (which may not exist) for a terminal of colour `depth`.
    pub fn load(dir: Option<&Path>, depth: ColorDepth) -> Config {
        let mut warnings = Vec::new();
        let mut theme_name = "default".to_string();
        let mut overrides: Vec<(String, Vec<String>)> = Vec::new();
        let mut mouse = true;
        if let Some(dir) = dir {
            let path = dir.join("config.toml");
            match std::fs::read_to_string(&path) {
                Ok(src) => match speechtui::settings::config::parse(&src) {
                    Ok(file) => {
                        if let Some(name) = file.theme {
                            theme_name = name;
                        }
                        mouse = file.mouse.unwrap_or(true);
                        overrides = file.keys;
                        let shown = path.display();
                        warnings.extend(file.warnings.iter().map(|w| format!("{shown}: {w}")));
                    }
                    Err(e) => warnings.push(format!("{}: {e}; using the defaults", path.display())),
                },
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => warnings.push(format!("cannot read {}: {e}", path.display())),
            }
        }
        let (keymap, key_warnings) = Keymap::with_overrides(&overrides);
        warnings.extend(key_warnings);
        let themes_dir = dir.map(|d| d.join("themes"));
        let (theme, theme_warning) = Theme::load(&theme_name, themes_dir.as_deref(), depth);
        warnings.extend(theme_warning);
        Config {
            theme,
            keymap,
            mouse,
            warnings,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::{Command, Key};

    #[test]
    fn no_config_dir_gives_defaults() {
        let c = Config::load(None, ColorDepth::Palette256);
        assert!(c.warnings.is_empty());
        assert_eq!(c.theme.name, "default");
        assert!(c.mouse, "the mouse is captured unless turned off");
        assert_eq!(
            c.keymap.command(&Key::parse("q").unwrap()),
            Some(Command::Quit)
        );
    }

    #[test]
    fn mouse_capture_can_be_turned_off() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("config.toml"), "mouse = false\n").unwrap();
        let c = Config::load(Some(dir.path()), ColorDepth::Palette256);
        assert!(c.warnings.is_empty(), "{:?}", c.warnings);
        assert!(!c.mouse);
        std::fs::write(dir.path().join("config.toml"), "mouse = \"no\"\n").unwrap();
        let c = Config::load(Some(dir.path()), ColorDepth::Palette256);
        assert!(c.mouse && c.warnings[0].contains("mouse must be true or false"));
    }

    #[test]
    fn config_sets_theme_and_keys() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("config.toml"),
            "theme = \"light\"\n[keys]\nsave = \"w\"\nquit = [\"x\", \"q\"]\n",
        )
        .unwrap();
        let c = Config::load(Some(dir.path()), ColorDepth::Palette256);
        assert!(c.warnings.is_empty(), "{:?}", c.warnings);
        assert_eq!(c.theme.name, "light");
        assert_eq!(
            c.keymap.command(&Key::parse("w").unwrap()),
            Some(Command::Save)
        );
        assert_eq!(c.keymap.command(&Key::parse("s").unwrap()), None);
        assert_eq!(
            c.keymap.command(&Key::parse("x").unwrap()),
            Some(Command::Quit)
        );
    }

    #[test]
    fn broken_config_warns_and_falls_back() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("config.toml"), "theme = \n[keys\n").unwrap();
        let c = Config::load(Some(dir.path()), ColorDepth::Palette256);
        assert_eq!(c.warnings.len(), 1);
        assert!(
            c.warnings[0].contains("config.toml: line "),
            "{:?}",
            c.warnings
        );
        assert_eq!(c.theme.name, "default");

        std::fs::write(
            dir.path().join("config.toml"),
            "colour = 1\n[keys]\nquit = 3\nfly = \"f\"\nsave = \"Hyper-w\"\n",
        )
        .unwrap();
        let c = Config::load(Some(dir.path()), ColorDepth::Palette256);
        assert_eq!(c.warnings.len(), 4, "{:?}", c.warnings);
        assert_eq!(
            c.keymap.command(&Key::parse("q").unwrap()),
            Some(Command::Quit)
        );
        // A key that cannot be read leaves the command its default key.
        assert!(
            c.warnings.iter().any(|w| w.contains("Hyper-w")),
            "{:?}",
            c.warnings
        );
        assert_eq!(
            c.keymap.command(&Key::parse("s").unwrap()),
            Some(Command::Save)
        );
    }
}
