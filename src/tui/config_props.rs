//! Property tests of the settings: any `config.toml` and theme file, written from the formats'
//! own words and from noise, gives a usable reader. The same invariants as the `settings` fuzz
//! target (fuzz/fuzz_targets/settings.rs), here on stable in every `cargo test`.

use std::collections::HashMap;

use crossterm::event::KeyCode;
use proptest::prelude::*;

use super::config::Config;
use super::keymap::{Command, Key};
use super::theme::{ColorDepth, Theme, ROLES};

/// Any text, controls (C0, C1, DEL, ESC sequences, bidi) well represented: `any::<String>()`
/// alone never yields a control character.
fn hostile() -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        2 => any::<char>(),
        1 => prop::sample::select(vec!['\u{1b}', '\n', '\r', '\u{7}', '\u{7f}', '\u{9b}', '\u{202e}', '\0']),
    ];
    prop::collection::vec(ch, 0..8).prop_map(|v| v.into_iter().collect())
}

/// A key spec: names, labels, modifiers, single characters (CJK and controls included), noise.
fn key_spec() -> impl Strategy<Value = String> {
    let named = prop::sample::select(vec![
        "j",
        "G",
        "?",
        "Enter",
        "Esc",
        "Tab",
        "BackTab",
        "S-Tab",
        "Space",
        "Bksp",
        "↑",
        "PgDn",
        "F5",
        "F0",
        "Ctrl-c",
        "Ctrl-C",
        "C-d",
        "A-x",
        "Alt-Enter",
        "Ctrl-Alt-x",
        "Hyper-h",
        "",
        "-",
        "Ctrl--",
        "中",
        "\u{1b}",
        "\u{202e}",
        "f",
        "ctrl-",
        "c-",
    ]);
    prop_oneof![
        4 => named.prop_map(String::from),
        1 => "\\PC{0,4}",
        1 => hostile(),
    ]
}

/// A command name, mostly real.
fn command_name() -> impl Strategy<Value = String> {
    let names: Vec<&'static str> = Command::ALL.iter().map(|c| c.name()).collect();
    prop_oneof![
        5 => prop::sample::select(names).prop_map(String::from),
        1 => "[a-z_]{1,12}",
        1 => hostile(),
    ]
}

fn toml_string(s: &str) -> String {
    // Escaped the TOML way; control characters as \u escapes, so the file stays valid TOML.
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn config_text() -> impl Strategy<Value = String> {
    let binding = (
        command_name(),
        prop::collection::vec(key_spec(), 0..4),
        0..4u8,
    )
        .prop_map(|(name, keys, form)| {
            let value = match (form, keys.first()) {
                // Values of the wrong type: a number, a list holding one.
                (0, _) => "3".to_string(),
                (1, _) => "[1, \"x\"]".to_string(),
                (2, Some(k)) => toml_string(k),
                _ => format!(
                    "[{}]",
                    keys.iter()
                        .map(|k| toml_string(k))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            format!("{} = {value}", toml_string(&name))
        });
    let theme = prop_oneof![
        Just("light".to_string()),
        Just("mine".to_string()),
        Just("../config".to_string()),
        hostile(),
    ];
    (
        prop::option::of(theme),
        prop::collection::vec(binding, 0..8),
        prop::option::of("\\PC{0,20}"),
    )
        .prop_map(|(theme, bindings, noise)| {
            let mut s = String::new();
            if let Some(t) = theme {
                s += &format!("theme = {}\n", toml_string(&t));
            }
            s += "[keys]\n";
            for b in bindings {
                s += &b;
                s.push('\n');
            }
            if let Some(n) = noise {
                s += &n;
            }
            s
        })
}

fn theme_text() -> impl Strategy<Value = String> {
    let colour = prop_oneof![
        prop::sample::select(vec![
            "cyan", "lightred", "reset", "darkgray", "reddish", "", "300"
        ])
        .prop_map(String::from),
        any::<u8>().prop_map(|i| i.to_string()),
        any::<[u8; 3]>().prop_map(|[r, g, b]| format!("#{r:02x}{g:02x}{b:02x}")),
        hostile(),
    ];
    let role = prop_oneof![
        4 => prop::sample::select(ROLES.to_vec()).prop_map(String::from),
        1 => "[a-z_]{1,10}",
    ];
    let section = (
        role,
        prop::option::of(colour.clone()),
        prop::option::of(colour),
        any::<bool>(),
    )
        .prop_map(|(role, fg, bg, bold)| {
            let mut s = format!("[{role}]\n");
            if let Some(fg) = fg {
                s += &format!("fg = {}\n", toml_string(&fg));
            }
            if let Some(bg) = bg {
                s += &format!("bg = {}\n", toml_string(&bg));
            }
            s += &format!("bold = {bold}\n");
            s
        });
    prop::collection::vec(section, 0..6).prop_map(|v| v.concat())
}

fn assert_one_clean_line(text: &str) {
    assert!(!text.chars().any(char::is_control), "{text:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn any_config_gives_a_consistent_keymap_and_clean_warnings(
        config in config_text(),
        theme in theme_text(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("config.toml"), &config).unwrap();
        std::fs::create_dir(dir.path().join("themes")).unwrap();
        std::fs::write(dir.path().join("themes/mine.toml"), &theme).unwrap();
        for depth in [ColorDepth::None, ColorDepth::Palette256, ColorDepth::TrueColor] {
            let c = Config::load(Some(dir.path()), depth);
            for w in &c.warnings {
                assert_one_clean_line(w);
            }
            let mut owner = HashMap::new();
            for &cmd in Command::ALL {
                for key in c.keymap.keys(cmd) {
                    prop_assert_eq!(c.keymap.command(key), Some(cmd));
                    if let Some(other) = owner.insert(*key, cmd) {
                        prop_assert_eq!(other, cmd);
                    }
                    prop_assert_eq!(Key::parse(&key.label()), Ok(*key));
                }
            }
            for ch in ['c', 'C'] {
                let ctrl_c = Key { code: KeyCode::Char(ch), ctrl: true, alt: false };
                prop_assert_eq!(c.keymap.command(&ctrl_c), None);
            }
            let debug = format!("{:?}", c.theme);
            match depth {
                ColorDepth::None => prop_assert!(!debug.contains("fg: Some") && !debug.contains("bg: Some")),
                ColorDepth::Palette256 => prop_assert!(!debug.contains("Rgb(")),
                ColorDepth::TrueColor => {}
            }
        }
    }

    #[test]
    fn any_theme_file_parses_or_errs_in_one_line(theme in theme_text(), noise in hostile()) {
        for source in [theme.as_str(), noise.as_str()] {
            for depth in [ColorDepth::None, ColorDepth::Palette256, ColorDepth::TrueColor] {
                let base = Theme::builtin("default", depth);
                if let Err(e) = Theme::parse("t", source, base.as_ref(), depth) {
                    assert_one_clean_line(&e);
                }
            }
        }
    }
}
