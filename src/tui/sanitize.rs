//! What a document's characters look like on screen: the TUI's names for the picture rendering
//! of the safety policy ([`speechtui::text::safety`]) and for the width helpers measured on it
//! ([`speechtui::text::width`]).
//!
//! Scraped pages can hold escape sequences, C1 controls and bidi overrides. None of them may reach
//! the terminal: every character is passed through [`display_char`] at render time, and the wrapper
//! measures the same replacement, so widths and offsets always agree with what is drawn.

pub use speechtui::text::safety::{picture as display_char, picture_str as clean};
pub use speechtui::text::width::{char_width, fit, str_width, truncate};

/// `one` or `many` by `n`.
pub fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_never_survive() {
        let hostile = "标题\u{1b}[2J\u{1b}]0;pwned\u{7}正文\u{9b}31m\u{202e}反转";
        let shown = clean(hostile);
        assert!(!shown.chars().any(|c| c.is_control()), "{shown:?}");
        assert!(!shown.contains('\u{202e}'));
        assert!(shown.starts_with("标题␛[2J"));
    }
}
