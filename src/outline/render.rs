//! The outline as indented plain text, for the terminal or for notes.

use std::fmt::Write;

use unicode_width::UnicodeWidthChar;

use super::Outline;

/// Cuts `s` to at most `width` terminal columns, ending in `…` when cut.
pub fn truncate_display(s: &str, width: usize) -> String {
    let total: usize = s.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// The title, then one line per section, indented two spaces per level; points are marked `·`.
/// Headings longer than `width` columns are truncated. Control characters never get through.
pub fn render_text(title: &str, outline: &Outline, width: usize) -> String {
    let clean = |s: &str| -> String { s.chars().filter(|c| !c.is_control()).collect() };
    let mut out = String::new();
    let _ = writeln!(out, "{}", clean(title));
    for s in &outline.sections {
        let indent = "  ".repeat(usize::from(s.level));
        let bullet = if s.point { "· " } else { "" };
        // A numeral alone (`二`, wiki layouts) needs a space before its heading.
        let gap = if s
            .marker
            .ends_with(|c: char| "一二三四五六七八九十".contains(c) || c.is_ascii_digit())
        {
            " "
        } else {
            ""
        };
        let line = format!("{bullet}{}{gap}{}", clean(&s.marker), clean(&s.heading));
        let _ = writeln!(out, "{indent}{}", truncate_display(&line, width));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_by_columns() {
        assert_eq!(truncate_display("短", 10), "短");
        assert_eq!(truncate_display("一二三四五六", 7), "一二三…");
    }
}
