//! Character-level normalisation of decoded text.
//!
//! Nothing that comes out of a file may drive the terminal: every character the safety policy
//! ([`crate::text::safety`]) calls unsafe is removed from the cleaned text, whole ANSI escape
//! sequences at once so that no `[31m` debris is left behind.

use crate::text::safety::{self, Class};

/// What normalisation removed, for the load report.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Removed {
    /// Terminal escape sequences (ESC …), counted as one each.
    pub escapes: usize,
    /// Other control characters (C0 except `\n`/`\t`, DEL, C1, bidirectional overrides).
    pub controls: usize,
    /// Zero-width characters and byte order marks.
    pub zero_width: usize,
}

/// Horizontal whitespace of any script (ASCII space and tab, NBSP, en/em spaces, ideographic space …).
pub fn is_hspace(c: char) -> bool {
    c == ' '
        || c == '\t'
        || c == '\u{3000}'
        || c == '\u{00A0}'
        || ('\u{2000}'..='\u{200A}').contains(&c)
        || c == '\u{202F}'
        || c == '\u{205F}'
        || c == '\u{000B}'
        || c == '\u{000C}'
}

/// Line breaks normalised to `\n`; zero-width characters, escape sequences and control characters
/// removed. Line-level whitespace is left to [`tidy_lines`].
pub fn normalise_chars(s: &str) -> (String, Removed) {
    let mut out = String::with_capacity(s.len());
    let mut removed = Removed::default();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' | '\u{2028}' | '\u{2029}' | '\u{0085}' => out.push('\n'),
            '\u{000B}' | '\u{000C}' => out.push(' '),
            '\u{1B}' => {
                skip_escape_sequence(&mut chars);
                removed.escapes += 1;
            }
            '\u{9B}' => {
                // The one-character CSI of C1.
                skip_csi_body(&mut chars);
                removed.escapes += 1;
            }
            c => match safety::class(c) {
                Class::ZeroWidth => removed.zero_width += 1,
                Class::Control | Class::Bidi => removed.controls += 1,
                Class::Newline | Class::Tab | Class::Plain => out.push(c),
            },
        }
    }
    (out, removed)
}

/// Skips the rest of an escape sequence whose ESC was just read: CSI (`ESC [ … final`), OSC/DCS/
/// PM/APC strings (up to BEL or ST) and two-character escapes.
fn skip_escape_sequence(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.peek().copied() {
        Some('[') => {
            chars.next();
            skip_csi_body(chars);
        }
        Some(']' | 'P' | '^' | '_' | 'X') => {
            chars.next();
            // A string ends at BEL, at ST (ESC \\), or (defensively) at a line break.
            while let Some(&c) = chars.peek() {
                if c == '\u{7}' {
                    chars.next();
                    break;
                }
                if c == '\n' || c == '\r' {
                    break;
                }
                chars.next();
                if c == '\u{1B}' {
                    if chars.peek() == Some(&'\\') {
                        chars.next();
                    }
                    break;
                }
            }
        }
        Some(c) if (' '..='~').contains(&c) => {
            chars.next();
            // nF escapes carry intermediate bytes before the final one (e.g. `ESC ( B`).
            if (' '..='/').contains(&c) {
                if let Some(&f) = chars.peek() {
                    if ('0'..='~').contains(&f) {
                        chars.next();
                    }
                }
            }
        }
        _ => {}
    }
}

/// Skips CSI parameters and intermediates up to and including the final byte.
fn skip_csi_body(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(&c) = chars.peek() {
        if ('0'..='?').contains(&c) || (' '..='/').contains(&c) {
            chars.next();
        } else {
            if ('@'..='~').contains(&c) {
                chars.next();
            }
            break;
        }
    }
}

/// Trims every line, collapses runs of inner horizontal whitespace to one space and drops blank
/// lines: the cleaned text holds one paragraph per line.
pub fn tidy_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.split('\n') {
        let line = line.trim_matches(is_hspace);
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        let mut in_space = false;
        for c in line.chars() {
            if is_hspace(c) {
                in_space = true;
            } else {
                if in_space {
                    out.push(' ');
                    in_space = false;
                }
                out.push(c);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_go_whole() {
        let (s, r) = normalise_chars("红\u{1b}[31;1m色\u{1b}]0;title\u{7}字\u{1b}(B体\u{7}\u{0}");
        assert_eq!(s, "红色字体");
        assert_eq!(r.escapes, 3);
        assert_eq!(r.controls, 2);
    }

    #[test]
    fn line_breaks_and_zero_width() {
        let (s, r) = normalise_chars("\u{feff}甲\r\n乙\r丙\u{200b}丁\n");
        assert_eq!(s, "甲\n乙\n丙丁\n");
        assert_eq!(r.zero_width, 2);
    }

    #[test]
    fn tidy_trims_indents_and_blank_lines() {
        let s = tidy_lines("\u{3000}\u{3000}各位代表：\n\n\n  现在，\u{2002}我代表  政府 \n");
        assert_eq!(s, "各位代表：\n现在， 我代表 政府");
    }
}
