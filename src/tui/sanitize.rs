//! What a document's characters look like on screen.
//!
//! Scraped pages can hold escape sequences, C1 controls and bidi overrides. None of them may reach
//! the terminal: every character is passed through [`display_char`] at render time, and the wrapper
//! measures the same replacement, so widths and offsets always agree with what is drawn.

use unicode_width::UnicodeWidthChar;

/// The character drawn in place of `c`, or `None` when nothing is drawn (zero-width formatting).
pub fn display_char(c: char) -> Option<char> {
    match c {
        '\t' => Some(' '),
        // C0 controls become their visible "control picture" (␛ for ESC, ␀ for NUL …).
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('\u{2421}'),
        // C1 controls (0x9b is a CSI on some terminals).
        '\u{80}'..='\u{9f}' => Some('\u{fffd}'),
        // Bidi embeddings, overrides and isolates could reorder the rest of the line.
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => None,
        // Zero-width spaces and joiners, the BOM, soft hyphens: invisible anyway.
        '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => None,
        _ => {
            if c.width().is_none() {
                Some('\u{fffd}')
            } else {
                Some(c)
            }
        }
    }
}

/// Display width of `c` as drawn (after [`display_char`]).
pub fn char_width(c: char) -> usize {
    display_char(c).and_then(|d| d.width()).unwrap_or(0)
}

/// Display width of a string as drawn.
pub fn str_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// A string made safe to draw: every character replaced as [`display_char`] says.
pub fn clean(s: &str) -> String {
    s.chars().filter_map(display_char).collect()
}

/// `s` cut to at most `width` display columns, with `…` when something was cut.
pub fn truncate(s: &str, width: usize) -> String {
    if str_width(s) <= width {
        return clean(s);
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars().filter_map(display_char) {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// `s` padded with spaces (or cut) to exactly `width` columns.
pub fn fit(s: &str, width: usize) -> String {
    let mut out = truncate(s, width);
    let w = str_width(&out);
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    out
}

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

    #[test]
    fn widths_follow_east_asian_width() {
        assert_eq!(str_width("政府工作报告"), 12);
        assert_eq!(str_width("GDP增长5%"), 9);
        assert_eq!(str_width("，。"), 4);
        assert_eq!(str_width("a\u{200b}b"), 2);
        assert_eq!(str_width("\u{1b}"), 1);
    }

    #[test]
    fn truncate_and_fit_respect_columns() {
        assert_eq!(truncate("政府工作报告", 7), "政府工…");
        assert_eq!(str_width(&fit("政府工作报告", 7)), 7);
        assert_eq!(fit("ab", 4), "ab  ");
        assert_eq!(truncate("政府", 4), "政府");
    }
}
