//! The user's settings as text: `config.toml`, key specs and theme files, parsed into plain data
//! with one-line errors and warnings. Nothing here knows the terminal: the TUI turns these values
//! into its key events and styles (`tui/keymap.rs`, `tui/theme.rs`), and the `settings` fuzz
//! target checks them directly.

pub mod colour;
pub mod config;
pub mod keys;
pub mod theme;

/// A TOML error in one line: `line N: message` when the parser says where.
pub(crate) fn toml_error(src: &str, e: &toml::de::Error) -> String {
    match e.span() {
        Some(span) => {
            let line = src[..span.start.min(src.len())].matches('\n').count() + 1;
            format!("line {line}: {}", one_line(e.message().trim()))
        }
        None => one_line(e.message().trim()),
    }
}

/// The first line of a message, made safe to show.
fn one_line(s: &str) -> String {
    crate::text::safety::visible_inline(s.lines().next().unwrap_or("")).into_owned()
}
