//! The outline as indented plain text, for the terminal or for notes.

use std::fmt::Write;

use super::Outline;
use crate::text::safety::strip_inline;
use crate::text::width::truncate;

/// The title, then one line per section, indented two spaces per level; points are marked `·`.
/// Headings longer than `width` columns are truncated. Control characters never get through.
pub fn render_text(title: &str, outline: &Outline, width: usize) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", strip_inline(title));
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
        let line = format!(
            "{bullet}{}{gap}{}",
            strip_inline(&s.marker),
            strip_inline(&s.heading)
        );
        let _ = writeln!(out, "{indent}{}", truncate(&line, width));
    }
    out
}
