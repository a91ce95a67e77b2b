//! Fuzz target `settings`: the theme and config parsers of the TUI, on arbitrary text.
//!
//! They live in the binary (`src/tui/`), so this target compiles those three files as modules of
//! its own (they depend only on ratatui, crossterm, serde, toml and the library). The input, read
//! as lossy UTF-8, is split at the first NUL: the first part is `config.toml`, the second a theme
//! file `themes/fuzz.toml` (without a NUL both get the whole input). Checks:
//! - `Theme::parse` never panics at any colour depth; without colour (`NO_COLOR`) no role has a
//!   colour, on a 256-colour terminal none is 24-bit; an error is one line;
//! - `Config::load` never panics, whatever the config names (theme paths, odd keys); every
//!   warning is one line without control characters;
//! - the keymap stays consistent: every key a command lists maps back to that command, no key
//!   belongs to two commands, Ctrl-c is never bound, every label in the help reads back as its key.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

// At the crate root, so that their `super::keymap` and `super::theme` resolve as in the binary.
#[allow(dead_code)]
#[path = "../../src/tui/config.rs"]
mod config;
#[allow(dead_code)]
#[path = "../../src/tui/keymap.rs"]
mod keymap;
#[allow(dead_code)]
#[path = "../../src/tui/theme.rs"]
mod theme;

use config::Config;
use crossterm::event::KeyCode;
use keymap::{Command, Key};
use theme::{ColorDepth, Theme};

/// One folder per process, rewritten on every input (a fresh temp dir per run would dominate).
fn config_dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir =
            std::env::temp_dir().join(format!("speechtui-fuzz-settings-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("themes")).unwrap();
        dir
    })
}

fn one_line(what: &str, text: &str) {
    assert!(
        !text.chars().any(char::is_control),
        "{what} is not one clean line: {text:?}"
    );
}

fn check_colours(theme: &Theme, depth: ColorDepth) {
    // Every role's style, through Debug (the roles are plain fields).
    let debug = format!("{theme:?}");
    match depth {
        ColorDepth::None => assert!(
            !debug.contains("fg: Some") && !debug.contains("bg: Some"),
            "a colour without colour: {debug}"
        ),
        ColorDepth::Palette256 => assert!(!debug.contains("Rgb("), "24-bit on 256: {debug}"),
        ColorDepth::TrueColor => {}
    }
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (config_src, theme_src) = text.split_once('\0').unwrap_or((&text, &text));

    for depth in [
        ColorDepth::None,
        ColorDepth::Palette256,
        ColorDepth::TrueColor,
    ] {
        let base = Theme::builtin("default", depth);
        for base in [None, base.as_ref()] {
            match Theme::parse("fuzz", theme_src, base, depth) {
                Ok(theme) => check_colours(&theme, depth),
                Err(e) => one_line("a theme error", &e),
            }
        }
    }

    let dir = config_dir();
    std::fs::write(dir.join("config.toml"), config_src).unwrap();
    std::fs::write(dir.join("themes/fuzz.toml"), theme_src).unwrap();
    for depth in [ColorDepth::None, ColorDepth::Palette256] {
        let config = Config::load(Some(dir), depth);
        for w in &config.warnings {
            one_line("a config warning", w);
        }
        check_colours(&config.theme, depth);

        let km = &config.keymap;
        let mut seen = std::collections::HashMap::new();
        for &cmd in Command::ALL {
            for key in km.keys(cmd) {
                assert_eq!(km.command(key), Some(cmd), "{key:?} listed under {cmd:?}");
                if let Some(other) = seen.insert(*key, cmd) {
                    assert_eq!(other, cmd, "{key:?} belongs to {other:?} and {cmd:?}");
                }
                assert_eq!(
                    Key::parse(&key.label()),
                    Ok(*key),
                    "label {:?}",
                    key.label()
                );
            }
        }
        for c in ['c', 'C'] {
            let ctrl_c = Key {
                code: KeyCode::Char(c),
                ctrl: true,
                alt: false,
            };
            assert_eq!(km.command(&ctrl_c), None, "Ctrl-{c} is bound");
        }
        let rows: usize = km.help().iter().map(|(_, rows)| rows.len()).sum();
        assert_eq!(rows, Command::ALL.len());
    }
});
