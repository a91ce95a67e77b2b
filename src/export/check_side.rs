//! The check as two columns, passage by passage: the draft on the left, its best source on the
//! right, each pre-wrapped by display width (CJK characters take two columns).

use std::fmt::Write as _;

use unicode_width::UnicodeWidthChar;

use super::check_text::label;
use super::text::sanitize;
use crate::check::Check;
use crate::corpus::Document;

/// Narrowest total width that still leaves a readable column on each side.
pub const MIN_WIDTH: usize = 40;

/// Cuts `text` into lines of at most `width` display columns.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        line.push(c);
        used += w;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn pad(s: &str, width: usize) -> String {
    let used: usize = s.chars().map(|c| c.width().unwrap_or(0)).sum();
    format!("{s}{}", " ".repeat(width.saturating_sub(used)))
}

/// Every passage of the check beside its best source, in `width` columns in all.
pub fn check_side_by_side(
    draft: &Document,
    docs: &[Document],
    check: &Check,
    width: usize,
) -> String {
    let width = width.max(MIN_WIDTH);
    let col = (width - 3) / 2;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} │ best source",
        pad(&format!("draft: {}", sanitize(&draft.title)), col)
    );
    let _ = writeln!(out, "{}", "─".repeat(width.min(col * 2 + 3)));
    if check.passages.is_empty() {
        let _ = writeln!(out, "Nothing in this draft was found in the corpus.");
        return out;
    }
    let dc: Vec<char> = draft.text.chars().collect();
    for (i, p) in check.passages.iter().enumerate() {
        let best = &p.sources[0];
        let doc = &docs[best.doc];
        let left_head = format!(
            "[{}] {}–{} {}",
            i + 1,
            p.span.start,
            p.span.end,
            p.kind.as_str()
        );
        let right_head = format!(
            "{:.2} {} {}–{}",
            best.similarity,
            label(doc),
            best.span.start,
            best.span.end
        );
        let left: String = dc[p.span.start..p.span.end.min(dc.len())].iter().collect();
        let right = crate::text::slice(&doc.text, best.span);
        let lh = wrap(&sanitize(&left_head), col);
        let rh = wrap(&right_head, col);
        let l = wrap(&sanitize(&left), col);
        let r = wrap(&sanitize(right), col);
        for (a, b) in [(lh, rh), (l, r)] {
            for k in 0..a.len().max(b.len()) {
                let x = a.get(k).map(String::as_str).unwrap_or("");
                let y = b.get(k).map(String::as_str).unwrap_or("");
                let _ = writeln!(out, "{} │ {}", pad(x, col), y);
            }
        }
        let _ = writeln!(out, "{}", "─".repeat(col * 2 + 3));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_counts_wide_characters_twice() {
        let lines = wrap("全面深化改革开放abc", 6);
        assert_eq!(lines, vec!["全面深", "化改革", "开放ab", "c"]);
        assert!(lines
            .iter()
            .all(|l| l.chars().map(|c| c.width().unwrap_or(0)).sum::<usize>() <= 6));
    }
}
