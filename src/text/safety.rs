//! The one terminal-safety policy: which characters of a document may reach a terminal, and the
//! named renderings of those that may not.
//!
//! Scraped pages and file names can hold terminal escape sequences, C0/C1 controls, bidirectional
//! overrides (which reorder the rest of the line) and zero-width characters. [`class`] sorts every
//! character once; each output path picks the rendering that suits it:
//!
//! - [`strip`] / [`strip_char`] / [`strip_inline`] / [`one_line`]: unsafe characters removed
//!   (cleaned text, plain-text reports, outlines, concordance rows);
//! - [`visible_text`] / [`visible_inline`]: unsafe characters shown as symbols (`␛`, `<U+202E>`),
//!   for raw text and for names a user must be able to tell apart (`list`, `show --raw`, errors);
//! - [`picture`]: the TUI's drawing, one cell-safe character per character (control pictures,
//!   U+FFFD for C1, nothing for bidi and zero-width characters), which [`super::width`] measures.
//!
//! Line breaks and tabs are the caller's to lay out; they are never unsafe in themselves.

use std::borrow::Cow;

use unicode_width::UnicodeWidthChar;

/// What a character is, as far as a terminal is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// `\n`.
    Newline,
    /// `\t`.
    Tab,
    /// Any other C0 control, DEL or C1 control (ESC and the one-character CSI U+009B among them).
    Control,
    /// Bidirectional formatting: marks, embeddings, overrides, isolates, the Arabic letter mark.
    Bidi,
    /// Zero-width characters that carry nothing for a reader (ZWSP, ZWNJ, ZWJ, word joiner, BOM,
    /// soft hyphen, Mongolian vowel separator).
    ZeroWidth,
    /// Anything else: drawn as itself.
    Plain,
}

/// Sorts `c` into its [`Class`].
#[inline]
pub fn class(c: char) -> Class {
    match c {
        '\n' => Class::Newline,
        '\t' => Class::Tab,
        c if c.is_control() => Class::Control,
        c if is_bidi_control(c) => Class::Bidi,
        c if is_zero_width(c) => Class::ZeroWidth,
        _ => Class::Plain,
    }
}

/// Zero-width characters that carry nothing for a reader.
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

/// Any character that must never reach the terminal as is (newline and tab excepted; zero-width
/// characters are harmless to a terminal and left to each rendering).
pub fn is_unsafe(c: char) -> bool {
    matches!(class(c), Class::Control | Class::Bidi)
}

/// The stripped rendering of one character: itself, or `None` when it is a control, bidi or
/// zero-width character. Newline and tab are kept.
#[inline]
pub fn strip_char(c: char) -> Option<char> {
    match class(c) {
        Class::Newline | Class::Tab | Class::Plain => Some(c),
        Class::Control | Class::Bidi | Class::ZeroWidth => None,
    }
}

/// `s` with every control, bidi and zero-width character removed; newlines and tabs kept.
pub fn strip(s: &str) -> Cow<'_, str> {
    if s.chars().all(|c| strip_char(c) == Some(c)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().filter_map(strip_char).collect())
}

/// [`strip`] for one line of output (titles, headings): newlines and tabs removed as well.
pub fn strip_inline(s: &str) -> Cow<'_, str> {
    let keep = |c: char| class(c) == Class::Plain;
    if s.chars().all(keep) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().filter(|&c| keep(c)).collect())
}

/// [`strip`] for a field of a one-line record (a concordance row): line breaks, tabs and controls
/// become spaces, so words on either side stay apart; bidi and zero-width characters go.
pub fn one_line(s: &str) -> String {
    s.chars()
        .filter_map(|c| match class(c) {
            Class::Plain => Some(c),
            Class::Newline | Class::Tab | Class::Control => Some(' '),
            Class::Bidi | Class::ZeroWidth => None,
        })
        .collect()
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
    if !s
        .chars()
        .any(|c| matches!(class(c), Class::Newline | Class::Tab) || is_unsafe(c))
    {
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
        c if is_unsafe(c) => {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        }
        c => out.push(c),
    }
}

/// The picture rendering of one character, as the TUI draws it: the character itself, its
/// visible "control picture" (␛ for ESC, ␀ for NUL …), U+FFFD for a C1 control (0x9b is a CSI on
/// some terminals), or `None` when nothing is drawn (bidi and zero-width characters). A tab is
/// drawn as a space. Always one character of a known width, so widths and offsets agree with
/// what is drawn.
#[inline]
pub fn picture(c: char) -> Option<char> {
    match class(c) {
        // A character without a terminal width would put the drawn columns out of step.
        Class::Plain if c.width().is_none() => Some('\u{fffd}'),
        Class::Plain => Some(c),
        Class::Tab => Some(' '),
        Class::Bidi | Class::ZeroWidth => None,
        Class::Newline | Class::Control => Some(match c {
            '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
            '\u{7f}' => '\u{2421}',
            _ => '\u{fffd}',
        }),
    }
}

/// A string in the picture rendering: every character replaced as [`picture`] says.
pub fn picture_str(s: &str) -> String {
    s.chars().filter_map(picture).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renderings_of_a_hostile_line() {
        let raw = "a\u{1b}[2Jb\r\nc\u{202e}d\u{85}\u{200f}e\u{61c}\u{200b}";
        assert_eq!(strip(raw), "a[2Jb\ncde\u{200b}".replace('\u{200b}', ""));
        assert_eq!(
            visible_text(raw),
            "a␛[2Jb\nc<U+202E>d<U+0085><U+200F>e<U+061C>\u{200b}"
        );
        assert_eq!(picture_str(raw), "a␛[2Jb␍␊cd\u{fffd}e");
        assert_eq!(visible_inline("x\ny\tz\u{1b}"), "x␤y␉z␛");
        assert_eq!(strip_inline("标题\n\t正文\u{7}"), "标题正文");
        assert_eq!(one_line("标题\n正文\u{7}末\u{202e}尾"), "标题 正文 末尾");
    }

    #[test]
    fn safe_text_is_borrowed() {
        let t = "政府工作报告：GDP增长5%";
        assert!(matches!(strip(t), Cow::Borrowed(_)));
        assert!(matches!(visible_text(t), Cow::Borrowed(_)));
        assert!(matches!(visible_inline(t), Cow::Borrowed(_)));
        assert_eq!(picture_str(t), t);
    }
}
