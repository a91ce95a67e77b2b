//! Theme files: `role = { fg = "cyan", bg = "#1e1e2e", bold = true }` per role, read into plain
//! styles at a colour depth. Which roles exist is the TUI's to say (`tui/theme.rs`).

use std::collections::BTreeMap;

use serde::Deserialize;

use super::colour::{parse_colour, ColorDepth, Colour};

/// One role as written in a theme file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StyleSpec {
    fg: Option<String>,
    bg: Option<String>,
    #[serde(default)]
    bold: bool,
    #[serde(default)]
    italic: bool,
    #[serde(default)]
    underline: bool,
    #[serde(default)]
    reversed: bool,
    #[serde(default)]
    dim: bool,
}

/// A role's style as the terminal should show it: colours already adapted to the depth.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[allow(missing_docs)] // The attributes are their names.
pub struct StyleValue {
    pub fg: Option<Colour>,
    pub bg: Option<Colour>,
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
    pub reversed: bool,
    pub dim: bool,
}

impl StyleSpec {
    /// The style at `depth`, or a one-line error naming the colour that cannot be read.
    pub fn resolve(&self, depth: ColorDepth) -> Result<StyleValue, String> {
        let colour = |c: &Option<String>| match c {
            Some(s) => parse_colour(s, depth),
            None => Ok(None),
        };
        Ok(StyleValue {
            fg: colour(&self.fg)?,
            bg: colour(&self.bg)?,
            bold: self.bold,
            italic: self.italic,
            underline: self.underline,
            reversed: self.reversed,
            dim: self.dim,
        })
    }
}

/// The roles a theme file sets, by name, or a one-line error (`line N: …`).
pub fn parse(source: &str) -> Result<BTreeMap<String, StyleSpec>, String> {
    toml::from_str(source).map_err(|e| super::toml_error(source, &e))
}

/// Whether `name` can name a theme file in the themes folder: never a path to somewhere else.
pub fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && !name
            .chars()
            .any(|c| matches!(c, '/' | '\\') || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_read_at_each_depth() {
        let specs =
            parse("title = { fg = \"#ff0000\", bold = true }\ndim = { fg = \"gray\" }\n").unwrap();
        let title = &specs["title"];
        assert_eq!(title.resolve(ColorDepth::None).unwrap().fg, None);
        assert!(title.resolve(ColorDepth::None).unwrap().bold);
        assert_eq!(
            title.resolve(ColorDepth::Palette256).unwrap().fg,
            Some(Colour::Indexed(196))
        );
        assert_eq!(
            specs["dim"].resolve(ColorDepth::TrueColor).unwrap().fg,
            Some(Colour::Gray)
        );
    }

    #[test]
    fn errors_are_one_line_with_the_place() {
        let e = parse("title = { fg = \"red\" }\ntitle = 3\n").unwrap_err();
        assert!(e.starts_with("line 2: "), "{e}");
        assert!(!e.contains('\n'));
        let e = parse("title = { colour = \"red\" }").unwrap_err();
        assert!(e.contains("colour"), "{e}");
        assert!(!is_plain_name("../etc/passwd") && !is_plain_name(".hidden"));
        assert!(is_plain_name("light"));
    }
}
