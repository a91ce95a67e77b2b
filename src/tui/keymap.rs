//! The keymap is data: every command with its default keys (the contract's), overridable from
//! `config.toml`. The help screen and the hint bar are generated from it, so they never lie.

use std::collections::HashMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use speechtui::settings::keys::{KeyName, KeySpec};

/// A key as the keymap sees it. Shift is part of the character for printable keys (`N`, `?`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    pub fn from_event(ev: &KeyEvent) -> Key {
        Key {
            code: ev.code,
            ctrl: ev.modifiers.contains(KeyModifiers::CONTROL),
            alt: ev.modifiers.contains(KeyModifiers::ALT),
        }
    }

    /// Parses a key spec ([`KeySpec::parse`]: `j`, `Enter`, `PgDn`, `F1`, `Ctrl-d` …).
    pub fn parse(spec: &str) -> Result<Key, String> {
        KeySpec::parse(spec).map(Key::from)
    }

    /// How the key is written in help and hints ([`KeySpec::label`]).
    pub fn label(&self) -> String {
        KeySpec::from(*self).label()
    }
}

// The terminal-specific bit of keys: the library's key names as crossterm's key codes.
impl From<KeySpec> for Key {
    fn from(k: KeySpec) -> Key {
        let code = match k.name {
            KeyName::Char(c) => KeyCode::Char(c),
            KeyName::Enter => KeyCode::Enter,
            KeyName::Esc => KeyCode::Esc,
            KeyName::Tab => KeyCode::Tab,
            KeyName::BackTab => KeyCode::BackTab,
            KeyName::Backspace => KeyCode::Backspace,
            KeyName::Up => KeyCode::Up,
            KeyName::Down => KeyCode::Down,
            KeyName::Left => KeyCode::Left,
            KeyName::Right => KeyCode::Right,
            KeyName::PageUp => KeyCode::PageUp,
            KeyName::PageDown => KeyCode::PageDown,
            KeyName::Home => KeyCode::Home,
            KeyName::End => KeyCode::End,
            KeyName::Delete => KeyCode::Delete,
            KeyName::F(n) => KeyCode::F(n),
            KeyName::Other => KeyCode::Null,
        };
        Key {
            code,
            ctrl: k.ctrl,
            alt: k.alt,
        }
    }
}

impl From<Key> for KeySpec {
    fn from(k: Key) -> KeySpec {
        let name = match k.code {
            KeyCode::Char(c) => KeyName::Char(c),
            KeyCode::Enter => KeyName::Enter,
            KeyCode::Esc => KeyName::Esc,
            KeyCode::Tab => KeyName::Tab,
            KeyCode::BackTab => KeyName::BackTab,
            KeyCode::Backspace => KeyName::Backspace,
            KeyCode::Up => KeyName::Up,
            KeyCode::Down => KeyName::Down,
            KeyCode::Left => KeyName::Left,
            KeyCode::Right => KeyName::Right,
            KeyCode::PageUp => KeyName::PageUp,
            KeyCode::PageDown => KeyName::PageDown,
            KeyCode::Home => KeyName::Home,
            KeyCode::End => KeyName::End,
            KeyCode::Delete => KeyName::Delete,
            KeyCode::F(n) => KeyName::F(n),
            _ => KeyName::Other,
        };
        KeySpec {
            name,
            ctrl: k.ctrl,
            alt: k.alt,
        }
    }
}

/// Where a command applies, for grouping the help screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Everywhere,
    Library,
    Reader,
    Comparison,
    Boilerplate,
}

impl Scope {
    pub fn title(self) -> &'static str {
        match self {
            Scope::Everywhere => "Everywhere",
            Scope::Library => "Library",
            Scope::Reader => "Reader",
            Scope::Comparison => "Comparison",
            Scope::Boilerplate => "Boilerplate explorer",
        }
    }
}

macro_rules! commands {
    ($($cmd:ident $name:literal $scope:ident $desc:literal [$($key:literal),*];)*) => {
        /// Everything a key can ask for.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Command { $($cmd),* }

        impl Command {
            pub const ALL: &'static [Command] = &[$(Command::$cmd),*];

            /// The name used in `config.toml`'s `[keys]` table.
            pub fn name(self) -> &'static str {
                match self { $(Command::$cmd => $name),* }
            }

            pub fn description(self) -> &'static str {
                match self { $(Command::$cmd => $desc),* }
            }

            pub fn scope(self) -> Scope {
                match self { $(Command::$cmd => Scope::$scope),* }
            }

            fn default_keys(self) -> &'static [&'static str] {
                match self { $(Command::$cmd => &[$($key),*]),* }
            }
        }
    };
}

commands! {
    Down "down" Everywhere "move down" ["j", "Down"];
    Up "up" Everywhere "move up" ["k", "Up"];
    PageDown "page_down" Everywhere "page down" ["PageDown", "Ctrl-d"];
    PageUp "page_up" Everywhere "page up" ["PageUp", "Ctrl-u"];
    Top "top" Everywhere "go to the top" ["g", "Home"];
    Bottom "bottom" Everywhere "go to the bottom" ["G", "End"];
    Open "open" Everywhere "open speech, section, passage, occurrence" ["Enter"];
    Back "back" Everywhere "back, close a popup" ["Esc"];
    NextPane "next_pane" Everywhere "next pane (explorer: kind; sources: text)" ["Tab"];
    Search "search" Everywhere "search (library: filter as you type)" ["/"];
    NextHit "next_hit" Everywhere "next search hit (sources: next passage)" ["n"];
    PrevHit "prev_hit" Everywhere "previous hit (sources: previous passage)" ["N"];
    Help "help" Everywhere "this help" ["?"];
    Quit "quit" Everywhere "quit (Ctrl-C always quits)" ["q"];
    Theme "theme" Everywhere "next colour theme" ["t"];
    Compare "compare" Library "mark a speech; on a second, compare them" ["c"];
    LoadReport "load_report" Library "load report: skipped files and warnings" ["L"];
    Explorer "explorer" Library "boilerplate explorer (corpus formulas)" ["b"];
    Sources "sources" Library "sources: where its passages come from" ["C"];
    ReadAt "read_at" Library "sources: read the speech at the passage" ["R"];
    SortTitle "sort_title" Library "sort by title (again: reverse)" ["1"];
    SortDate "sort_date" Library "sort by date (again: reverse)" ["2"];
    SortLength "sort_length" Library "sort by length (again: reverse)" ["3"];
    SortBorrowed "sort_borrowed" Library "sort by borrowed share (again: reverse)" ["4"];
    ToggleOutline "toggle_outline" Reader "show/hide the outline pane" ["o"];
    Collapse "collapse" Reader "fold/unfold the outline section" ["Space"];
    ReusedBy "reused_by" Reader "speeches sharing the reused text here" ["r"];
    Highlight "highlight" Reader "marks: copied+formulas/formulas/all/off" ["h"];
    NextPassage "next_passage" Comparison "next aligned passage" ["]"];
    PrevPassage "prev_passage" Comparison "previous aligned passage" ["["];
    Fold "fold" Comparison "fold/unfold the unshared text" ["z"];
    Save "save" Comparison "save the comparison / concordance / check" ["s"];
    SortYear "sort_year" Boilerplate "next order of the formulas / concordance" ["y"];
}

/// One line of help: the keys, what they do, the command's name in `config.toml`.
pub type HelpRow = (String, &'static str, &'static str);

/// Key → command, built from the defaults and the user's overrides.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: HashMap<Key, Command>,
    keys: HashMap<Command, Vec<Key>>,
}

impl Default for Keymap {
    fn default() -> Self {
        let mut keys = HashMap::new();
        for &cmd in Command::ALL {
            let list: Vec<Key> = cmd
                .default_keys()
                .iter()
                .map(|k| Key::parse(k).expect("default keys parse"))
                .collect();
            keys.insert(cmd, list);
        }
        Keymap::from_keys(keys)
    }
}

impl Keymap {
    fn from_keys(keys: HashMap<Command, Vec<Key>>) -> Keymap {
        let mut bindings = HashMap::new();
        for &cmd in Command::ALL {
            for k in &keys[&cmd] {
                bindings.insert(*k, cmd);
            }
        }
        Keymap { bindings, keys }
    }

    /// Applies overrides `command name → key specs`. A key the user gives to a command is taken
    /// away from whatever command had it by default. Returns one warning per bad entry.
    pub fn with_overrides(overrides: &[(String, Vec<String>)]) -> (Keymap, Vec<String>) {
        let mut keys = Keymap::default().keys;
        let mut warnings = Vec::new();
        for (name, specs) in overrides {
            let Some(cmd) = Command::ALL.iter().copied().find(|c| c.name() == name) else {
                warnings.push(format!("unknown command {name:?} in [keys]"));
                continue;
            };
            let mut parsed = Vec::new();
            let mut invalid = false;
            for spec in specs {
                match Key::parse(spec) {
                    Ok(k) if k.ctrl && matches!(k.code, KeyCode::Char('c' | 'C')) => {
                        invalid = true;
                        warnings.push("Ctrl-c always quits and cannot be rebound".into())
                    }
                    Ok(k) => parsed.push(k),
                    Err(e) => {
                        invalid = true;
                        warnings.push(format!("[keys] {name}: {e}"))
                    }
                }
            }
            // An entry that could not be read whole keeps the command's default keys: a typo must
            // not leave a command with no key at all.
            if invalid {
                continue;
            }
            for other in keys.values_mut() {
                other.retain(|k| !parsed.contains(k));
            }
            keys.insert(cmd, parsed);
        }
        (Keymap::from_keys(keys), warnings)
    }

    pub fn command(&self, key: &Key) -> Option<Command> {
        self.bindings.get(key).copied()
    }

    pub fn keys(&self, cmd: Command) -> &[Key] {
        self.keys.get(&cmd).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The first key of `cmd`, for hints (`-` when the user unbound it).
    pub fn first_label(&self, cmd: Command) -> String {
        self.keys(cmd)
            .first()
            .map(Key::label)
            .unwrap_or_else(|| "-".into())
    }

    /// Help lines, grouped by scope: (scope title, [(keys, description, name in config.toml)]).
    #[cfg(test)]
    pub fn help(&self) -> Vec<(&'static str, Vec<HelpRow>)> {
        self.help_for(|_| true)
    }

    /// Help lines of the commands `keep` accepts; scopes left empty are left out.
    pub fn help_for(&self, keep: impl Fn(Command) -> bool) -> Vec<(&'static str, Vec<HelpRow>)> {
        let scopes = [
            Scope::Everywhere,
            Scope::Library,
            Scope::Reader,
            Scope::Comparison,
            Scope::Boilerplate,
        ];
        scopes
            .iter()
            .map(|&scope| {
                let rows = Command::ALL
                    .iter()
                    .filter(|c| c.scope() == scope && keep(**c))
                    .map(|&c| {
                        let keys: Vec<String> = self.keys(c).iter().map(Key::label).collect();
                        let keys = if keys.is_empty() {
                            "(unbound)".to_string()
                        } else {
                            keys.join(" ")
                        };
                        (keys, c.description(), c.name())
                    })
                    .collect();
                (scope.title(), rows)
            })
            .filter(|(_, rows): &(&str, Vec<HelpRow>)| !rows.is_empty())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Key {
        Key::parse(s).unwrap()
    }

    #[test]
    fn contract_defaults() {
        let km = Keymap::default();
        let expect = [
            ("j", Command::Down),
            ("Down", Command::Down),
            ("k", Command::Up),
            ("PageDown", Command::PageDown),
            ("PageUp", Command::PageUp),
            ("g", Command::Top),
            ("G", Command::Bottom),
            ("Enter", Command::Open),
            ("Esc", Command::Back),
            ("Tab", Command::NextPane),
            ("o", Command::ToggleOutline),
            ("/", Command::Search),
            ("n", Command::NextHit),
            ("N", Command::PrevHit),
            ("c", Command::Compare),
            ("]", Command::NextPassage),
            ("[", Command::PrevPassage),
            ("s", Command::Save),
            ("?", Command::Help),
            ("q", Command::Quit),
        ];
        for (k, cmd) in expect {
            assert_eq!(km.command(&key(k)), Some(cmd), "{k}");
        }
        // No two commands share a default key.
        let total: usize = Command::ALL.iter().map(|c| km.keys(*c).len()).sum();
        assert_eq!(total, km.bindings.len());
    }

    #[test]
    fn key_specs_parse_and_label() {
        assert_eq!(key("Ctrl-d").label(), "Ctrl-d");
        assert_eq!(key("C-d"), key("ctrl+d"));
        assert_eq!(key("Space").code, KeyCode::Char(' '));
        assert_eq!(key("F5").code, KeyCode::F(5));
        assert_eq!(key("PgDn").label(), "PgDn");
        assert!(Key::parse("Hyper-x").is_err());
        assert!(
            Key::parse("\u{1b}").is_err(),
            "a control character is no key name"
        );
        // Every label of help and hints reads back as its key.
        for spec in [
            "Ctrl-Alt-x",
            "Alt-Enter",
            "BackTab",
            "Up",
            "Left",
            "Backspace",
            "PageUp",
            "Delete",
            "F12",
            "Space",
            "-",
            "Ctrl--",
            "Alt-f1",
            "é",
            "F",
        ] {
            let k = key(spec);
            assert_eq!(Key::parse(&k.label()), Ok(k), "{spec} → {}", k.label());
        }
        assert!(Key::parse("").is_err());
        // A shifted letter arrives as the capital with SHIFT set; the keymap ignores SHIFT.
        let ev = KeyEvent::new(KeyCode::Char('N'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(&ev), key("N"));
    }

    #[test]
    fn overrides_rebind_and_steal_keys() {
        let (km, warnings) = Keymap::with_overrides(&[
            ("quit".into(), vec!["x".into(), "Ctrl-q".into()]),
            ("down".into(), vec!["q".into()]),
            ("frobnicate".into(), vec!["f".into()]),
            ("help".into(), vec!["Hyper-h".into()]),
            ("top".into(), vec!["Ctrl-c".into()]),
        ]);
        assert_eq!(km.command(&key("x")), Some(Command::Quit));
        assert_eq!(km.command(&key("Ctrl-q")), Some(Command::Quit));
        assert_eq!(km.command(&key("q")), Some(Command::Down));
        assert_eq!(km.command(&key("j")), None);
        // Entries that could not be read keep the defaults (with a warning each).
        assert_eq!(km.keys(Command::Help), &[key("?")]);
        assert_eq!(km.first_label(Command::Help), "?");
        assert_eq!(km.keys(Command::Top), &[key("g"), key("Home")]);
        assert_eq!(warnings.len(), 3, "{warnings:?}");
        assert!(warnings[0].contains("frobnicate"));
        // One bad key spoils the whole entry: the valid `x` is not taken from anyone.
        let (km, warnings) =
            Keymap::with_overrides(&[("save".into(), vec!["x".into(), "Hyper-w".into()])]);
        assert_eq!(km.keys(Command::Save), &[key("s")]);
        assert_eq!(km.command(&key("x")), None);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        // An empty list still unbinds on purpose.
        let (km, warnings) = Keymap::with_overrides(&[("help".into(), vec![])]);
        assert!(warnings.is_empty());
        assert_eq!(km.keys(Command::Help), &[] as &[Key]);
        assert_eq!(km.first_label(Command::Help), "-");
    }

    #[test]
    fn help_lists_every_command_with_its_keys() {
        let (km, _) = Keymap::with_overrides(&[("save".into(), vec!["w".into()])]);
        let help = km.help();
        let rows: Vec<_> = help.iter().flat_map(|(_, r)| r).collect();
        assert_eq!(rows.len(), Command::ALL.len());
        assert!(rows
            .iter()
            .any(|(k, d, n)| k == "w" && d.starts_with("save the comparison") && *n == "save"));
        assert!(rows.iter().any(|(k, _, n)| k == "j ↓" && *n == "down"));
        // Descriptions fit the help popup beside the keys and the names.
        for (_, d, n) in &rows {
            assert!(d.chars().count() <= 42 && n.len() <= 15, "{d} / {n}");
        }
    }
}
