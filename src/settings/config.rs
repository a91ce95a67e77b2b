//! `<config dir>/speechtui/config.toml`: the theme and key overrides.
//!
//! ```toml
//! theme = "light"            # a built-in theme or <config dir>/speechtui/themes/<name>.toml
//! [keys]
//! quit = ["q", "Ctrl-q"]     # a list, or a single string
//! save = "w"
//! ```

/// What a config file asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConfigFile {
    /// The theme's name, when set.
    pub theme: Option<String>,
    /// Key overrides: command name → key specs, in file order.
    pub keys: Vec<(String, Vec<String>)>,
    /// Whether the TUI captures the mouse, when set (default: it does).
    pub mouse: Option<bool>,
    /// Settings that were ignored, one line each.
    pub warnings: Vec<String>,
}

/// Reads a config file; a file TOML cannot read is a one-line error (`line N: …`), an unknown or
/// ill-typed setting a warning.
pub fn parse(src: &str) -> Result<ConfigFile, String> {
    let table: toml::Table = toml::from_str(src).map_err(|e| super::toml_error(src, &e))?;
    let mut out = ConfigFile::default();
    for (k, v) in &table {
        match (k.as_str(), v) {
            ("theme", toml::Value::String(s)) => out.theme = Some(s.clone()),
            ("theme", _) => out.warnings.push("theme must be a string".to_string()),
            ("keys", toml::Value::Table(t)) => {
                for (cmd, spec) in t {
                    match spec {
                        toml::Value::String(s) => out.keys.push((cmd.clone(), vec![s.clone()])),
                        toml::Value::Array(items) => {
                            let specs: Option<Vec<String>> =
                                items.iter().map(|i| i.as_str().map(String::from)).collect();
                            match specs {
                                Some(s) => out.keys.push((cmd.clone(), s)),
                                None => out
                                    .warnings
                                    .push(format!("[keys] {cmd:?}: keys must be strings")),
                            }
                        }
                        _ => out
                            .warnings
                            .push(format!("[keys] {cmd:?}: give a key or a list of keys")),
                    }
                }
            }
            ("keys", _) => out.warnings.push("keys must be a table".to_string()),
            ("mouse", toml::Value::Boolean(b)) => out.mouse = Some(*b),
            ("mouse", _) => out.warnings.push("mouse must be true or false".to_string()),
            (other, _) => out.warnings.push(format!("unknown setting {other:?}")),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn theme_keys_and_warnings() {
        let c = parse(
            "theme = \"light\"\ncolour = 1\n[keys]\nsave = \"w\"\nquit = [\"x\", \"q\"]\nfly = 3\n",
        )
        .unwrap();
        assert_eq!(c.theme.as_deref(), Some("light"));
        assert_eq!(
            c.keys,
            vec![
                ("quit".to_string(), vec!["x".to_string(), "q".to_string()]),
                ("save".to_string(), vec!["w".to_string()]),
            ]
        );
        assert_eq!(c.warnings.len(), 2, "{:?}", c.warnings);
        let e = parse("theme = \n[keys\n").unwrap_err();
        assert!(e.starts_with("line "), "{e}");
    }
}
