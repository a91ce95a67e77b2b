//! The comparison as two columns of plain text, A on the left and B on the right, both whole
//! (`speechtui compare --format side-by-side`, and what the TUI saves). Columns are measured in
//! display width (a CJK character takes two cells) and pre-wrapped here, with the Chinese rule
//! that no line starts with closing punctuation.
//!
//! Each line starts with a mark: `=` a passage both speeches share, level with its counterpart;
//! `~` the same with refilled words, shown `[-…-]` on A's side and `{+…+}` on B's; `>` a passage
//! that moved, under a note naming where its counterpart is; a space, text only this speech has.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthChar;

use crate::align::refill::{has_refill, refilled_spans};
use crate::align::rows::{blocks, rows, Block, Row, RowKind};
use crate::align::{Comparison, Span};
use crate::corpus::Document;
use crate::outline::place::Places;
use crate::text::punct::no_line_start;

/// Narrowest total width accepted: two columns of 16 cells.
pub const MIN_WIDTH: usize = 40;
/// Default total width.
pub const DEFAULT_WIDTH: usize = 120;

/// One speech as the layout needs it.
struct Side<'a> {
    chars: Vec<char>,
    places: Places,
    doc: &'a Document,
}

/// A column line: its mark and text.
type Cell = (char, String);

/// The whole side-by-side report at `width` display cells (at least [`MIN_WIDTH`]).
pub fn comparison_side_by_side(
    a: &Document,
    b: &Document,
    cmp: &Comparison,
    width: usize,
) -> String {
    let width = width.max(MIN_WIDTH);
    // Mark, space, text; the two columns joined by " │ ".
    let col = (width - 3) / 2 - 2;
    let sa = Side {
        chars: a.text.chars().collect(),
        places: Places::new(&a.text),
        doc: a,
    };
    let sb = Side {
        chars: b.text.chars().collect(),
        places: Places::new(&b.text),
        doc: b,
    };
    let rows = rows(cmp, sa.chars.len(), sb.chars.len());
    let mut out = String::new();
    out.push_str("speechtui side-by-side comparison\n\n");
    for (label, s, reused) in [("A", &sa, cmp.a_reused), ("B", &sb, cmp.b_reused)] {
        let _ = writeln!(
            out,
            "{label}: {} · {} · {} chars · {:.1}% shared",
            clean(&s.doc.title),
            s.doc.date.as_deref().map(clean).unwrap_or("undated".into()),
            s.chars.len(),
            reused * 100.0
        );
    }
    let moved = rows.iter().filter(|r| r.kind == RowKind::Moved).count() / 2;
    let _ = writeln!(
        out,
        "{} shared passages, {} of them moved. Marks: = shared, level; ~ shared with refilled words \
         ([-A's-] {{+B's+}}); > moved (the note says where the other speech has it); blank: only this speech.",
        cmp.passages.len(),
        moved
    );
    let _ = writeln!(out, "{}", "─".repeat(width));
    for block in blocks(&rows) {
        let (left, right) = match block {
            Block::Level(i) => (
                cell_lines(&sa, &sb, cmp, &rows[i], true, col),
                cell_lines(&sa, &sb, cmp, &rows[i], false, col),
            ),
            Block::Apart { a: ra, b: rb } => (
                ra.iter()
                    .flat_map(|&i| cell_lines(&sa, &sb, cmp, &rows[i], true, col))
                    .collect(),
                rb.iter()
                    .flat_map(|&i| cell_lines(&sa, &sb, cmp, &rows[i], false, col))
                    .collect(),
            ),
        };
        for k in 0..left.len().max(right.len()) {
            let (lm, lt) = left.get(k).cloned().unwrap_or((' ', String::new()));
            let (rm, rt) = right.get(k).cloned().unwrap_or((' ', String::new()));
            let pad = col.saturating_sub(width_of(&lt));
            let line = format!("{lm} {lt}{} │ {rm} {rt}", " ".repeat(pad));
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    out
}

/// The column lines of one side of a row.
fn cell_lines(
    sa: &Side,
    sb: &Side,
    cmp: &Comparison,
    row: &Row,
    side_a: bool,
    col: usize,
) -> Vec<Cell> {
    let (me, other) = if side_a { (sa, sb) } else { (sb, sa) };
    let Some(span) = (if side_a { row.a } else { row.b }) else {
        return Vec::new();
    };
    match (row.kind, row.passage) {
        (RowKind::Shared | RowKind::Moved, Some(i)) => {
            let p = &cmp.passages[i];
            let refills = refilled_spans(&sa.chars, &sb.chars, p, side_a);
            let text = marked(&me.chars, span, &refills, side_a);
            let mark = match row.kind {
                RowKind::Moved => '>',
                _ if has_refill(&sa.chars, &sb.chars, p) => '~',
                _ => '=',
            };
            let mut lines = Vec::new();
            if row.kind == RowKind::Moved {
                let there = if side_a { p.b } else { p.a };
                let note = format!(
                    "↷ moved: {} has it at {}",
                    if side_a { "B" } else { "A" },
                    other.places.name(there.start)
                );
                lines.extend(wrap(&note, col).into_iter().map(|l| ('>', l)));
            }
            lines.extend(wrap(&text, col).into_iter().map(|l| (mark, l)));
            lines
        }
        _ => {
            let text: String = me.chars[span.start..span.end].iter().collect();
            wrap(&clean(&text), col)
                .into_iter()
                .map(|l| (' ', l))
                .collect()
        }
    }
}

/// The passage's text with its refilled words in `[-…-]` (A) or `{+…+}` (B).
fn marked(chars: &[char], span: Span, refills: &[Span], side_a: bool) -> String {
    let (open, close) = if side_a { ("[-", "-]") } else { ("{+", "+}") };
    let mut out = String::new();
    let mut at = span.start;
    for r in refills {
        let (s, e) = (r.start.max(at), r.end.min(span.end));
        if s >= e {
            continue;
        }
        out.extend(&chars[at..s]);
        out.push_str(open);
        out.extend(&chars[s..e]);
        out.push_str(close);
        at = e;
    }
    out.extend(&chars[at..span.end]);
    clean(&out)
}

/// Drops what must not reach a terminal (controls but the line break, bidi overrides); tabs
/// become spaces.
fn clean(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200B}'..='\u{200F}' => None,
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

fn width_of(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Part of a number or a Latin word, which a line break must not cut.
fn latin(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '%' | '-')
}

/// Wraps `text` to lines of at most `width` display cells; a line break starts a new line, blank
/// lines are dropped, and a closing punctuation mark never starts a line (it takes the last
/// character of the line before along with it).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(2);
    let mut out = Vec::new();
    for para in text.split('\n') {
        let para = para.trim_end();
        if para.trim().is_empty() {
            continue;
        }
        let mut line: Vec<char> = Vec::new();
        let mut w = 0;
        for c in para.chars() {
            let cw = c.width().unwrap_or(0);
            if w + cw > width && !line.is_empty() {
                let mut carry = Vec::new();
                let ends_latin = line.last().is_some_and(|&x| latin(x));
                if no_line_start(c) && line.len() > 1 && !ends_latin {
                    carry.push(line.pop().unwrap_or(' '));
                } else if latin(c) || (no_line_start(c) && ends_latin) {
                    // A number or Latin word moves down whole (unless it fills the line).
                    let run = line.iter().rev().take_while(|&&x| latin(x)).count();
                    if run < line.len() {
                        carry = line.split_off(line.len() - run);
                    }
                }
                out.push(line.iter().collect::<String>());
                line = carry;
                w = line.iter().map(|c| c.width().unwrap_or(0)).sum();
            }
            line.push(c);
            w += cw;
        }
        if !line.is_empty() {
            out.push(line.iter().collect());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_measures_display_width_and_keeps_punctuation_off_line_starts() {
        let lines = wrap("坚持稳中求进，工作总基调。", 12);
        assert_eq!(lines, vec!["坚持稳中求", "进，工作总基", "调。"]);
        assert!(lines.iter().all(|l| width_of(l) <= 12));
        assert_eq!(wrap("第一段\n\n第二段", 20), vec!["第一段", "第二段"]);
        assert_eq!(wrap("提高到39.0%。", 12), vec!["提高到", "39.0%。"]);
    }

    #[test]
    fn refilled_words_are_bracketed_on_their_side() {
        let chars: Vec<char> = "推进乡村建设".chars().collect();
        let span = Span { start: 0, end: 6 };
        let refill = [Span { start: 4, end: 6 }];
        assert_eq!(marked(&chars, span, &refill, true), "推进乡村[-建设-]");
        assert_eq!(marked(&chars, span, &refill, false), "推进乡村{+建设+}");
    }
}
