//! Fuzz target `settings`: the library's settings parsers (`speechtui::settings`) on arbitrary
//! text. The input, read as lossy UTF-8, is split at the first NUL: the first part is a
//! `config.toml`, the second a theme file (without a NUL both get the whole input). Checks:
//! - `settings::theme::parse` never panics; every role resolves at every colour depth without a
//!   panic, with no colour at all under `NO_COLOR` and no 24-bit colour on a 256-colour terminal;
//!   every error is one clean line;
//! - `settings::config::parse` never panics; its error and every warning are one clean line;
//! - every key spec the config gives (and every line of the input) either parses to a key whose
//!   label reads back as the same key, or errs in one clean line; Ctrl-c is recognised as such.
//!
//! The keymap built from those overrides (each listed key maps back to its command, no key in two
//! commands, Ctrl-c never bound) is the TUI's; `src/tui/config_props.rs` checks it on stable in
//! every `cargo test`.
#![no_main]

use speechtui::settings::colour::{ColorDepth, Colour};
use speechtui::settings::keys::KeySpec;
use speechtui::settings::{config, theme};

fn one_line(what: &str, text: &str) {
    assert!(
        !text.chars().any(char::is_control),
        "{what} is not one clean line: {text:?}"
    );
}

fn key(spec: &str) {
    match KeySpec::parse(spec) {
        Ok(k) => {
            assert_eq!(KeySpec::parse(&k.label()), Ok(k), "label {:?}", k.label());
            assert_eq!(k.is_ctrl_c(), k.label().eq_ignore_ascii_case("ctrl-c"));
        }
        Err(e) => one_line("a key error", &e),
    }
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (config_src, theme_src) = text.split_once('\0').unwrap_or((&text, &text));

    match theme::parse(theme_src) {
        Ok(specs) => {
            for spec in specs.values() {
                for depth in [
                    ColorDepth::None,
                    ColorDepth::Palette256,
                    ColorDepth::TrueColor,
                ] {
                    match spec.resolve(depth) {
                        Ok(style) => match depth {
                            ColorDepth::None => assert!(
                                style.fg.is_none() && style.bg.is_none(),
                                "a colour without colour: {style:?}"
                            ),
                            ColorDepth::Palette256 => assert!(
                                ![style.fg, style.bg]
                                    .iter()
                                    .any(|c| matches!(c, Some(Colour::Rgb(..)))),
                                "24-bit on 256: {style:?}"
                            ),
                            ColorDepth::TrueColor => {}
                        },
                        Err(e) => one_line("a style error", &e),
                    }
                }
            }
        }
        Err(e) => one_line("a theme error", &e),
    }

    match config::parse(config_src) {
        Ok(file) => {
            for w in &file.warnings {
                one_line("a config warning", w);
            }
            for (_, specs) in &file.keys {
                for spec in specs {
                    key(spec);
                }
            }
        }
        Err(e) => one_line("a config error", &e),
    }
    for line in text.lines().take(64) {
        key(line);
    }
});
