//! Keys as `config.toml` and the help screen write them: `j`, `G`, `?`, `Enter`, `PgDn`, `F5`,
//! `Ctrl-d`, `Alt-x`.

/// A key without its modifiers. Shift is part of the character for printable keys (`N`, `?`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)] // The names are the keys'.
pub enum KeyName {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Delete,
    F(u8),
    /// A key the terminal reports that has no name here.
    Other,
}

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeySpec {
    /// The key.
    pub name: KeyName,
    /// Control held.
    pub ctrl: bool,
    /// Alt held.
    pub alt: bool,
}

impl KeySpec {
    /// A key without modifiers.
    pub const fn plain(name: KeyName) -> KeySpec {
        KeySpec {
            name,
            ctrl: false,
            alt: false,
        }
    }

    /// Parses `j`, `G`, `?`, `Enter`, `Esc`, `Tab`, `BackTab`, `Space`, `Down`, `PageDown`, `F1`,
    /// `Ctrl-d`, `Alt-x` (also `C-d`, `A-x`), and every label [`KeySpec::label`] writes.
    pub fn parse(spec: &str) -> Result<KeySpec, String> {
        let mut key = KeySpec::plain(KeyName::Other);
        let mut rest = spec;
        loop {
            let lower = rest.to_ascii_lowercase();
            if lower.starts_with("ctrl-") || lower.starts_with("ctrl+") {
                key.ctrl = true;
                rest = &rest[5..];
            } else if lower.starts_with("c-") && rest.len() > 2 {
                key.ctrl = true;
                rest = &rest[2..];
            } else if lower.starts_with("alt-") || lower.starts_with("alt+") {
                key.alt = true;
                rest = &rest[4..];
            } else if lower.starts_with("a-") && rest.len() > 2 {
                key.alt = true;
                rest = &rest[2..];
            } else {
                break;
            }
        }
        // Names first (the labels of help and hints among them, so a key copied from `?` into
        // `config.toml` reads back as the same key), then a single character.
        key.name = match rest.to_ascii_lowercase().as_str() {
            "enter" | "return" => KeyName::Enter,
            "esc" | "escape" => KeyName::Esc,
            "tab" => KeyName::Tab,
            "backtab" | "shift-tab" | "s-tab" => KeyName::BackTab,
            "space" => KeyName::Char(' '),
            "backspace" | "bksp" => KeyName::Backspace,
            "up" | "↑" => KeyName::Up,
            "down" | "↓" => KeyName::Down,
            "left" | "←" => KeyName::Left,
            "right" | "→" => KeyName::Right,
            "pageup" | "pgup" => KeyName::PageUp,
            "pagedown" | "pgdn" => KeyName::PageDown,
            "home" => KeyName::Home,
            "end" => KeyName::End,
            "delete" | "del" => KeyName::Delete,
            f if f.len() > 1 && f.starts_with('f') && f[1..].parse::<u8>().is_ok() => {
                KeyName::F(f[1..].parse().unwrap_or(0))
            }
            _ => {
                let mut chars = rest.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if !c.is_control() => KeyName::Char(c),
                    _ => return Err(format!("unknown key {spec:?}")),
                }
            }
        };
        Ok(key)
    }

    /// How the key is written in help and hints (and read back by [`KeySpec::parse`]).
    pub fn label(&self) -> String {
        let base = match self.name {
            KeyName::Char(' ') => "Space".to_string(),
            KeyName::Char(c) => c.to_string(),
            KeyName::Enter => "Enter".into(),
            KeyName::Esc => "Esc".into(),
            KeyName::Tab => "Tab".into(),
            KeyName::BackTab => "S-Tab".into(),
            KeyName::Backspace => "Bksp".into(),
            KeyName::Up => "↑".into(),
            KeyName::Down => "↓".into(),
            KeyName::Left => "←".into(),
            KeyName::Right => "→".into(),
            KeyName::PageUp => "PgUp".into(),
            KeyName::PageDown => "PgDn".into(),
            KeyName::Home => "Home".into(),
            KeyName::End => "End".into(),
            KeyName::Delete => "Del".into(),
            KeyName::F(n) => format!("F{n}"),
            KeyName::Other => "Null".into(),
        };
        match (self.ctrl, self.alt) {
            (true, true) => format!("Ctrl-Alt-{base}"),
            (true, false) => format!("Ctrl-{base}"),
            (false, true) => format!("Alt-{base}"),
            (false, false) => base,
        }
    }

    /// Ctrl-c, which always quits and can never be bound.
    pub fn is_ctrl_c(&self) -> bool {
        self.ctrl && matches!(self.name, KeyName::Char('c' | 'C'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_and_labels_read_back() {
        for spec in [
            "j", "G", "?", "Enter", "S-Tab", "Space", "PgDn", "F5", "Ctrl-d", "Alt-x", "↑", "问",
        ] {
            let k = KeySpec::parse(spec).unwrap();
            assert_eq!(KeySpec::parse(&k.label()), Ok(k), "{spec}");
        }
        assert_eq!(KeySpec::parse("C-d").unwrap().label(), "Ctrl-d");
        assert_eq!(KeySpec::parse("pagedown").unwrap().name, KeyName::PageDown);
        assert!(KeySpec::parse("Hyper-w").is_err());
        assert!(KeySpec::parse("\u{1b}").is_err());
        assert!(KeySpec::parse("Ctrl-c").unwrap().is_ctrl_c());
    }
}
