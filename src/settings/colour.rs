//! Colours as theme files write them, adapted to what the terminal can show.

/// How many colours the terminal can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorDepth {
    /// `NO_COLOR` is set: modifiers only.
    None,
    /// The xterm 256-colour palette (anything that isn't known to be truecolor).
    Palette256,
    /// 24-bit colour, announced by `COLORTERM=truecolor|24bit`.
    TrueColor,
}

impl ColorDepth {
    /// Reads `NO_COLOR` (<https://no-color.org>: present and not empty) and `COLORTERM`.
    pub fn detect(no_color: Option<&str>, colorterm: Option<&str>) -> ColorDepth {
        if no_color.is_some_and(|v| !v.is_empty()) {
            return ColorDepth::None;
        }
        match colorterm.map(str::to_ascii_lowercase).as_deref() {
            Some("truecolor") | Some("24bit") => ColorDepth::TrueColor,
            _ => ColorDepth::Palette256,
        }
    }

    /// [`ColorDepth::detect`] on this process's environment.
    pub fn from_env() -> ColorDepth {
        ColorDepth::detect(
            std::env::var("NO_COLOR").ok().as_deref(),
            std::env::var("COLORTERM").ok().as_deref(),
        )
    }
}

/// A colour: one of the 16 ANSI colours by name, a palette index, or 24-bit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)] // The ANSI names.
pub enum Colour {
    Reset,
    Black,
    Red,
    Green,
    Yellow,
    Blue,
    Magenta,
    Cyan,
    Gray,
    DarkGray,
    LightRed,
    LightGreen,
    LightYellow,
    LightBlue,
    LightMagenta,
    LightCyan,
    White,
    Indexed(u8),
    Rgb(u8, u8, u8),
}

impl Colour {
    /// Reads `cyan`, `light-blue`, `bright red`, `grey`, an index `0`–`255` or `#rrggbb` (the
    /// names and spellings ratatui accepts).
    pub fn parse(s: &str) -> Option<Colour> {
        let name = s
            .to_lowercase()
            .replace([' ', '-', '_'], "")
            .replace("bright", "light")
            .replace("grey", "gray")
            .replace("silver", "gray")
            .replace("lightblack", "darkgray")
            .replace("lightwhite", "white")
            .replace("lightgray", "white");
        Some(match name.as_str() {
            "reset" => Colour::Reset,
            "black" => Colour::Black,
            "red" => Colour::Red,
            "green" => Colour::Green,
            "yellow" => Colour::Yellow,
            "blue" => Colour::Blue,
            "magenta" => Colour::Magenta,
            "cyan" => Colour::Cyan,
            "gray" => Colour::Gray,
            "darkgray" => Colour::DarkGray,
            "lightred" => Colour::LightRed,
            "lightgreen" => Colour::LightGreen,
            "lightyellow" => Colour::LightYellow,
            "lightblue" => Colour::LightBlue,
            "lightmagenta" => Colour::LightMagenta,
            "lightcyan" => Colour::LightCyan,
            "white" => Colour::White,
            _ => {
                if let Ok(i) = s.parse::<u8>() {
                    Colour::Indexed(i)
                } else {
                    let (r, g, b) = parse_hex(s)?;
                    Colour::Rgb(r, g, b)
                }
            }
        })
    }
}

fn parse_hex(s: &str) -> Option<(u8, u8, u8)> {
    if !s.starts_with('#') || s.len() != 7 {
        return None;
    }
    let r = u8::from_str_radix(s.get(1..3)?, 16).ok()?;
    let g = u8::from_str_radix(s.get(3..5)?, 16).ok()?;
    let b = u8::from_str_radix(s.get(5..7)?, 16).ok()?;
    Some((r, g, b))
}

/// A theme file's colour at `depth`: `None` without colour, 24-bit colours mapped to the palette
/// on a 256-colour terminal.
pub fn parse_colour(s: &str, depth: ColorDepth) -> Result<Option<Colour>, String> {
    let colour = Colour::parse(s).ok_or_else(|| {
        format!("unknown colour {s:?} (use a name like \"cyan\", an index 0-255 or \"#rrggbb\")")
    })?;
    Ok(match (depth, colour) {
        (ColorDepth::None, _) => None,
        (ColorDepth::Palette256, Colour::Rgb(r, g, b)) => {
            Some(Colour::Indexed(rgb_to_256(r, g, b)))
        }
        (_, c) => Some(c),
    })
}

/// The nearest colour of the xterm 256-colour cube or grey ramp.
pub fn rgb_to_256(r: u8, g: u8, b: u8) -> u8 {
    const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
    let nearest = |v: u8| -> usize {
        (0..6)
            .min_by_key(|&i| (LEVELS[i] as i32 - v as i32).abs())
            .unwrap_or(0)
    };
    let (ri, gi, bi) = (nearest(r), nearest(g), nearest(b));
    let cube = (LEVELS[ri], LEVELS[gi], LEVELS[bi]);
    let dist = |(x, y, z): (u8, u8, u8)| {
        let d = |a: u8, b: u8| (a as i32 - b as i32).pow(2);
        d(x, r) + d(y, g) + d(z, b)
    };
    let avg = (r as u32 + g as u32 + b as u32) / 3;
    let gi_ramp = ((avg as i32 - 8).max(0) / 10).min(23) as u8;
    let grey = 8 + 10 * gi_ramp;
    if dist((grey, grey, grey)) < dist(cube) {
        232 + gi_ramp
    } else {
        16 + 36 * ri as u8 + 6 * gi as u8 + bi as u8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_indices_and_hex() {
        assert_eq!(Colour::parse("Light-Blue"), Some(Colour::LightBlue));
        assert_eq!(Colour::parse("bright red"), Some(Colour::LightRed));
        assert_eq!(Colour::parse("grey"), Some(Colour::Gray));
        assert_eq!(Colour::parse("silver"), Some(Colour::Gray));
        assert_eq!(Colour::parse("light gray"), Some(Colour::White));
        assert_eq!(Colour::parse("244"), Some(Colour::Indexed(244)));
        assert_eq!(
            Colour::parse("#1e90ff"),
            Some(Colour::Rgb(0x1e, 0x90, 0xff))
        );
        assert_eq!(Colour::parse("#1e90f"), None);
        assert_eq!(Colour::parse("256"), None);
        assert_eq!(Colour::parse("chartreuse"), None);
    }

    #[test]
    fn depth_adapts_colours() {
        assert_eq!(parse_colour("#ff0000", ColorDepth::None), Ok(None));
        assert_eq!(
            parse_colour("#ff0000", ColorDepth::Palette256),
            Ok(Some(Colour::Indexed(196)))
        );
        assert_eq!(
            parse_colour("#ff0000", ColorDepth::TrueColor),
            Ok(Some(Colour::Rgb(255, 0, 0)))
        );
        assert!(parse_colour("nope", ColorDepth::TrueColor)
            .unwrap_err()
            .contains("\"nope\""));
    }
}
