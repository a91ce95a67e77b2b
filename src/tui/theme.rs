//! Themes are data: `themes/*.toml` embedded in the binary, overridden by files of the same name
//! in `<config dir>/speechtui/themes/`. The file format, colour names and their adaptation to what
//! the terminal can show are the library's ([`speechtui::settings`]); this file names the roles
//! the widgets draw with and turns the library's styles into ratatui's.

use std::collections::BTreeMap;
use std::path::Path;

use ratatui::style::{Color, Modifier, Style};
pub use speechtui::settings::colour::ColorDepth;
use speechtui::settings::colour::Colour;
use speechtui::settings::theme::{self as spec, StyleSpec, StyleValue};

/// The built-in themes, in the order the theme switcher cycles through them.
pub const BUILTIN: [(&str, &str); 4] = [
    ("default", include_str!("../../themes/default.toml")),
    ("light", include_str!("../../themes/light.toml")),
    (
        "high-contrast",
        include_str!("../../themes/high-contrast.toml"),
    ),
    ("monochrome", include_str!("../../themes/monochrome.toml")),
];

/// The styles of every role the widgets draw with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub name: String,
    pub text: Style,
    pub dim: Style,
    pub border: Style,
    pub border_focus: Style,
    pub title: Style,
    pub header: Style,
    pub selected: Style,
    pub marked: Style,
    pub hint: Style,
    pub hint_key: Style,
    pub status: Style,
    pub error: Style,
    pub heading: Style,
    pub search_hit: Style,
    pub search_current: Style,
    /// Reader marks: shared with few other speeches / a set phrase / wording much of the corpus uses.
    pub copied: Style,
    pub formula: Style,
    pub common: Style,
    pub shared: Style,
    pub changed: Style,
    pub gap: Style,
    pub popup: Style,
    pub progress: Style,
}

/// The terminal-specific bit of themes: a role's style as ratatui draws it.
fn style(v: StyleValue) -> Style {
    let mut style = Style::default();
    if let Some(c) = v.fg {
        style = style.fg(color(c));
    }
    if let Some(c) = v.bg {
        style = style.bg(color(c));
    }
    for (on, m) in [
        (v.bold, Modifier::BOLD),
        (v.italic, Modifier::ITALIC),
        (v.underline, Modifier::UNDERLINED),
        (v.reversed, Modifier::REVERSED),
        (v.dim, Modifier::DIM),
    ] {
        if on {
            style = style.add_modifier(m);
        }
    }
    style
}

fn color(c: Colour) -> Color {
    match c {
        Colour::Reset => Color::Reset,
        Colour::Black => Color::Black,
        Colour::Red => Color::Red,
        Colour::Green => Color::Green,
        Colour::Yellow => Color::Yellow,
        Colour::Blue => Color::Blue,
        Colour::Magenta => Color::Magenta,
        Colour::Cyan => Color::Cyan,
        Colour::Gray => Color::Gray,
        Colour::DarkGray => Color::DarkGray,
        Colour::LightRed => Color::LightRed,
        Colour::LightGreen => Color::LightGreen,
        Colour::LightYellow => Color::LightYellow,
        Colour::LightBlue => Color::LightBlue,
        Colour::LightMagenta => Color::LightMagenta,
        Colour::LightCyan => Color::LightCyan,
        Colour::White => Color::White,
        Colour::Indexed(i) => Color::Indexed(i),
        Colour::Rgb(r, g, b) => Color::Rgb(r, g, b),
    }
}

macro_rules! roles {
    ($($role:ident),* $(,)?) => {
        /// Every role name a theme file may set.
        pub const ROLES: &[&str] = &[$(stringify!($role)),*];

        impl Theme {
            fn from_specs(
                name: &str,
                specs: &BTreeMap<String, StyleSpec>,
                base: Option<&Theme>,
                depth: ColorDepth,
            ) -> Result<Theme, String> {
                for key in specs.keys() {
                    if !ROLES.contains(&key.as_str()) {
                        return Err(format!("unknown role [{key}] (known: {})", ROLES.join(", ")));
                    }
                }
                Ok(Theme {
                    name: name.to_string(),
                    $($role: match (specs.get(stringify!($role)), base) {
                        (Some(spec), _) => spec
                            .resolve(depth)
                            .map(style)
                            .map_err(|e| format!("[{}]: {e}", stringify!($role)))?,
                        (None, Some(base)) => base.$role,
                        (None, None) => Style::default(),
                    },)*
                })
            }
        }
    };
}

roles!(
    text,
    dim,
    border,
    border_focus,
    title,
    header,
    selected,
    marked,
    hint,
    hint_key,
    status,
    error,
    heading,
    search_hit,
    search_current,
    copied,
    formula,
    common,
    shared,
    changed,
    gap,
    popup,
    progress,
);

impl Theme {
    /// Parses a theme file. Roles it leaves out are taken from `base`.
    pub fn parse(
        name: &str,
        source: &str,
        base: Option<&Theme>,
        depth: ColorDepth,
    ) -> Result<Theme, String> {
        let specs = spec::parse(source)?;
        Theme::from_specs(name, &specs, base, depth)
    }

    /// A built-in theme (always valid: checked by the tests).
    pub fn builtin(name: &str, depth: ColorDepth) -> Option<Theme> {
        let depth_for = if name == "monochrome" {
            ColorDepth::None
        } else {
            depth
        };
        let (_, src) = BUILTIN.iter().find(|(n, _)| *n == name)?;
        Theme::parse(name, src, None, depth_for).ok()
    }

    /// The monochrome theme, for `NO_COLOR` and tests.
    pub fn monochrome() -> Theme {
        Theme::builtin("monochrome", ColorDepth::None).expect("built-in theme")
    }

    /// Loads theme `name`: the user's file `<themes_dir>/<name>.toml` if present, else the
    /// built-in one. Returns the theme and, when something was wrong, a one-line warning; on any
    /// error the built-in theme of that name (or the default) is used.
    pub fn load(
        name: &str,
        themes_dir: Option<&Path>,
        depth: ColorDepth,
    ) -> (Theme, Option<String>) {
        if depth == ColorDepth::None {
            // NO_COLOR wins over any configured theme.
            return (Theme::monochrome(), None);
        }
        let fallback = Theme::builtin(name, depth);
        let default = Theme::builtin("default", depth).expect("built-in theme");
        let base = fallback.clone().unwrap_or_else(|| default.clone());
        // A theme is a file name in the themes folder, never a path to somewhere else.
        let plain = spec::is_plain_name(name);
        if let Some(dir) = themes_dir.filter(|_| plain) {
            let path = dir.join(format!("{name}.toml"));
            match std::fs::read_to_string(&path) {
                Ok(src) => {
                    return match Theme::parse(name, &src, Some(&base), depth) {
                        Ok(theme) => (theme, None),
                        Err(e) => (
                            base.clone(),
                            Some(format!(
                                "theme file {}: {e}; using the built-in {} theme",
                                path.display(),
                                base.name
                            )),
                        ),
                    };
                }
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return (
                        base.clone(),
                        Some(format!("cannot read theme file {}: {e}", path.display())),
                    );
                }
                Err(_) => {}
            }
        }
        match fallback {
            Some(theme) => (theme, None),
            None => (
                default,
                Some(format!(
                    "no theme named {name:?} (built in: {}); using default",
                    BUILTIN.map(|(n, _)| n).join(", ")
                )),
            ),
        }
    }

    /// Every built-in theme name loaded as [`Theme::load`] does, in the switcher's order: read
    /// once at start, so switching themes needs no I/O.
    pub fn load_all(themes_dir: Option<&Path>, depth: ColorDepth) -> Vec<(Theme, Option<String>)> {
        BUILTIN
            .iter()
            .map(|(name, _)| Theme::load(name, themes_dir, depth))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use speechtui::settings::colour::rgb_to_256;

    #[test]
    fn every_builtin_theme_parses_and_sets_every_role() {
        for (name, src) in BUILTIN {
            let specs: BTreeMap<String, StyleSpec> = toml::from_str(src).unwrap();
            for role in ROLES {
                assert!(specs.contains_key(*role), "{name} lacks [{role}]");
            }
            for depth in [
                ColorDepth::None,
                ColorDepth::Palette256,
                ColorDepth::TrueColor,
            ] {
                Theme::parse(name, src, None, depth).unwrap();
            }
        }
    }

    #[test]
    fn default_theme_uses_ansi_colours_only() {
        let t = Theme::builtin("default", ColorDepth::TrueColor).unwrap();
        let styles = [t.text, t.dim, t.selected, t.changed, t.copied, t.search_hit];
        for s in styles {
            for c in [s.fg, s.bg].into_iter().flatten() {
                assert!(
                    !matches!(c, Color::Rgb(..) | Color::Indexed(..)),
                    "{c:?} is not an ANSI colour"
                );
            }
        }
    }

    #[test]
    fn reader_marks_are_never_red_and_stay_apart_without_colour() {
        let reddish = |c: Color| match c {
            Color::Red | Color::LightRed => true,
            Color::Rgb(r, g, b) => r > 150 && g < 90 && b < 90,
            Color::Indexed(i) => [1, 9, 88, 124, 160, 196].contains(&i),
            _ => false,
        };
        for (name, _) in BUILTIN {
            let t = Theme::builtin(name, ColorDepth::TrueColor).unwrap();
            for s in [t.copied, t.formula, t.common] {
                for c in [s.fg, s.bg].into_iter().flatten() {
                    assert!(!reddish(c), "{name}: {c:?} for a reuse mark");
                }
            }
        }
        // Monochrome: one attribute per kind, a different one each, none of them the
        // underline of everything.
        let m = Theme::monochrome();
        let attrs: Vec<Modifier> = [m.copied, m.formula, m.common]
            .iter()
            .map(|s| s.add_modifier)
            .collect();
        for a in &attrs {
            assert_eq!(a.bits().count_ones(), 1, "{attrs:?}");
        }
        assert!(attrs[0] != attrs[1] && attrs[1] != attrs[2] && attrs[0] != attrs[2]);
        assert_eq!(
            attrs
                .iter()
                .filter(|a| a.contains(Modifier::UNDERLINED))
                .count(),
            1
        );
    }

    #[test]
    fn truecolor_only_when_announced() {
        assert_eq!(ColorDepth::detect(None, None), ColorDepth::Palette256);
        assert_eq!(
            ColorDepth::detect(None, Some("truecolor")),
            ColorDepth::TrueColor
        );
        assert_eq!(
            ColorDepth::detect(None, Some("24bit")),
            ColorDepth::TrueColor
        );
        assert_eq!(
            ColorDepth::detect(None, Some("yes")),
            ColorDepth::Palette256
        );
        assert_eq!(
            ColorDepth::detect(Some("1"), Some("truecolor")),
            ColorDepth::None
        );
        // An empty NO_COLOR does not count (no-color.org).
        assert_eq!(ColorDepth::detect(Some(""), None), ColorDepth::Palette256);

        let light256 = Theme::builtin("light", ColorDepth::Palette256).unwrap();
        let light24 = Theme::builtin("light", ColorDepth::TrueColor).unwrap();
        assert_eq!(light256.selected.bg, Some(Color::Indexed(24))); // #005f87
        assert_eq!(light24.selected.bg, Some(Color::Rgb(0, 0x5f, 0x87)));
    }

    #[test]
    fn nearest_palette_colours() {
        assert_eq!(rgb_to_256(0, 0, 0), 16);
        assert_eq!(rgb_to_256(255, 255, 255), 231);
        assert_eq!(rgb_to_256(0x5f, 0x87, 0xaf), 67);
        assert_eq!(rgb_to_256(0x80, 0x80, 0x80), 244);
    }

    #[test]
    fn no_color_gives_monochrome_without_any_colour() {
        let (t, warn) = Theme::load("light", None, ColorDepth::None);
        assert!(warn.is_none());
        assert_eq!(t.name, "monochrome");
        for s in [t.text, t.selected, t.changed, t.copied, t.error] {
            assert_eq!((s.fg, s.bg), (None, None));
        }
        assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn user_theme_overrides_and_broken_theme_falls_back() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("default.toml"), "[title]\nfg = \"red\"\n").unwrap();
        let (t, warn) = Theme::load("default", Some(dir.path()), ColorDepth::Palette256);
        assert!(warn.is_none());
        assert_eq!(t.title.fg, Some(Color::Red));
        // Roles the user left out come from the built-in theme.
        assert_eq!(t.selected.bg, Some(Color::Cyan));

        std::fs::write(dir.path().join("light.toml"), "[title]\nfg = \"reddish\"\n").unwrap();
        let (t, warn) = Theme::load("light", Some(dir.path()), ColorDepth::Palette256);
        let warn = warn.unwrap();
        assert!(
            warn.contains("reddish") && warn.contains("light.toml"),
            "{warn}"
        );
        assert_eq!(t, Theme::builtin("light", ColorDepth::Palette256).unwrap());

        std::fs::write(dir.path().join("high-contrast.toml"), "[title\nfg = 1").unwrap();
        let (t, warn) = Theme::load("high-contrast", Some(dir.path()), ColorDepth::Palette256);
        assert!(warn.unwrap().contains("line 1"));
        assert_eq!(t.name, "high-contrast");

        std::fs::write(dir.path().join("mine.toml"), "[titel]\nbold = true\n").unwrap();
        let (t, warn) = Theme::load("mine", Some(dir.path()), ColorDepth::Palette256);
        assert!(warn.unwrap().contains("unknown role [titel]"));
        assert_eq!(t.name, "default");

        let (t, warn) = Theme::load("nope", Some(dir.path()), ColorDepth::Palette256);
        assert!(warn.unwrap().contains("no theme named"));
        assert_eq!(t.name, "default");

        // A name is a file in the themes folder, not a path out of it.
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        std::fs::write(dir.path().join("outside.toml"), "[title]\nfg = \"red\"\n").unwrap();
        for name in ["../outside", "/etc/passwd", ".hidden", "", "a\u{1b}b"] {
            let (t, warn) = Theme::load(name, Some(&sub), ColorDepth::Palette256);
            assert!(warn.unwrap().contains("no theme named"), "{name:?}");
            assert_eq!(t.name, "default", "{name:?}");
        }
    }
}
