//! Character-level normalisation of decoded text, and the terminal-safe rendering of raw text.
//!
//! Nothing that comes out of a file may drive the terminal: every control character other than
//! newline and tab is removed from the cleaned text (whole ANSI escape sequences at once, so that no
//! `[31m` debris is left behind), and `visible_*` render raw text with such characters made visible.

use std::borrow::Cow;

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

/// Zero-width characters that carry nothing for a reader: ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft
/// hyphen, Mongolian vowel separator.
pub fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' | '\u{180E}'
    )
}

/// Bidirectional formatting characters: they can reorder what the terminal shows.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}')
}

/// Any character that must never reach the terminal as is (newline and tab excepted).
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c)
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
            c if is_zero_width(c) => removed.zero_width += 1,
            c if is_unsafe(c) => removed.controls += 1,
            c => out.push(c),
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

/// The raw text made safe to print: line breaks kept (CRLF shown as a plain line break), tabs kept,
/// every other control or bidirectional character shown as a visible symbol (ESC as `␛`).
pub fn visible_text(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| is_unsafe(c) || c == '\r') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() == Some(&'\n') {
            continue;
        }
        push_visible(&mut out, c);
    }
    Cow::Owned(out)
}

/// A one-line rendering (file names, ids, titles in tables): every control character, newlines
/// and tabs included, is shown as a visible symbol.
pub fn visible_inline(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c.is_control() || is_bidi_control(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '\n' => out.push('\u{2424}'),
            '\t' => out.push('\u{2409}'),
            c => push_visible(&mut out, c),
        }
    }
    Cow::Owned(out)
}

fn push_visible(out: &mut String, c: char) {
    match c {
        '\n' | '\t' => out.push(c),
        '\u{0}'..='\u{1F}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}')),
        '\u{7F}' => out.push('\u{2421}'),
        c if c.is_control() || is_bidi_control(c) => {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        }
        c => out.push(c),
    }
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

    #[test]
    fn visible_renderings_never_carry_escapes() {
        let raw = "a\u{1b}[2Jb\r\nc\u{202e}d\u{85}";
        let t = visible_text(raw);
        assert_eq!(t, "a␛[2Jb\nc<U+202E>d<U+0085>");
        let i = visible_inline("x\ny\tz\u{1b}");
        assert_eq!(i, "x␤y␉z␛");
        assert!(!t.contains('\u{1b}') && !i.contains('\u{1b}'));
    }
}
