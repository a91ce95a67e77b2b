//! The plain-text comparison report: what `speechtui compare --format text` prints and what the
//! TUI saves. Plain UTF-8, no terminal escapes, no control characters from the documents.

use std::fmt::Write as _;

use crate::align::refill::is_refill;
use crate::align::{Comparison, Params, Passage, TokenOp};
use crate::corpus::Document;
use crate::text::{safety, Span};

/// The stripped rendering of the safety policy ([`safety::strip_char`]: controls, terminal
/// escapes, bidirectional and zero-width characters removed), with line breaks and tabs turned
/// into `⏎` and a space so each passage side stays on one line.
pub fn sanitize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => out.push_str(" ⏎ "),
            '\t' => out.push(' '),
            c => out.extend(safety::strip_char(c)),
        }
    }
    out
}

/// Char offset → 1-based line number, for locating passages in the cleaned text.
struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        for (i, c) in text.chars().enumerate() {
            if c == '\n' {
                starts.push(i + 1);
            }
        }
        Lines { starts }
    }
    fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }
}

fn chars_of(text: &str) -> Vec<char> {
    text.chars().collect()
}

fn piece(chars: &[char], span: Span) -> String {
    let end = span.end.min(chars.len());
    let start = span.start.min(end);
    sanitize(&chars[start..end].iter().collect::<String>())
}

/// The passage as one line: A's wording with the words only A has in `[-…-]` and those only B
/// has in `{+…+}`. Punctuation that only one side has is not marked (A's is kept).
pub(crate) fn marked_diff(a: &[char], b: &[char], passage: &Passage) -> String {
    let mut out = String::new();
    for op in &passage.ops {
        // Only refilled words are marked (the one definition in `align::refill`); elsewhere
        // A's text stands.
        if !is_refill(a, b, op) {
            match *op {
                TokenOp::Equal { a: sa, .. }
                | TokenOp::Delete { a: sa }
                | TokenOp::Replace { a: sa, .. } => out.push_str(&piece(a, sa)),
                TokenOp::Insert { .. } => {}
            }
            continue;
        }
        match *op {
            TokenOp::Equal { a: sa, .. } => out.push_str(&piece(a, sa)),
            TokenOp::Delete { a: sa } => {
                let _ = write!(out, "[-{}-]", piece(a, sa));
            }
            TokenOp::Insert { b: sb } => {
                let _ = write!(out, "{{+{}+}}", piece(b, sb));
            }
            TokenOp::Replace { a: sa, b: sb } => {
                let _ = write!(out, "[-{}-]{{+{}+}}", piece(a, sa), piece(b, sb));
            }
        }
    }
    out
}

fn header(out: &mut String, label: &str, doc: &Document, reused: f64) {
    let _ = writeln!(out, "{label}: {}", sanitize(&doc.title));
    let _ = writeln!(out, "   source: {}", sanitize(&doc.id));
    let _ = writeln!(
        out,
        "   date: {}   chars: {}   shared: {:.1}%",
        doc.date
            .as_deref()
            .map(sanitize)
            .unwrap_or_else(|| "unknown".into()),
        doc.chars(),
        reused * 100.0
    );
}

/// The full report of a comparison of `a` with `b`.
pub fn comparison_text(a: &Document, b: &Document, cmp: &Comparison, params: &Params) -> String {
    let ac = chars_of(&a.text);
    let bc = chars_of(&b.text);
    let (al, bl) = (Lines::new(&a.text), Lines::new(&b.text));
    let mut out = String::new();
    out.push_str("speechtui comparison report\n\n");
    header(&mut out, "A", a, cmp.a_reused);
    header(&mut out, "B", b, cmp.b_reused);
    let _ = writeln!(
        out,
        "\n{} shared passage{} (at least {} characters, similarity at least {:.2}), in A's order.",
        cmp.passages.len(),
        if cmp.passages.len() == 1 { "" } else { "s" },
        params.min_len,
        params.min_similarity
    );
    out.push_str("Offsets are characters of the cleaned text; in the ≈ line, [-…-] is only in A, {+…+} only in B.\n");
    for (n, p) in cmp.passages.iter().enumerate() {
        let _ = writeln!(
            out,
            "\n#{}  A {}–{} (line {})  ↔  B {}–{} (line {})  similarity {:.2}",
            n + 1,
            p.a.start,
            p.a.end,
            al.line(p.a.start),
            p.b.start,
            p.b.end,
            bl.line(p.b.start),
            p.similarity
        );
        let _ = writeln!(out, "  A: {}", piece(&ac, p.a));
        let _ = writeln!(out, "  B: {}", piece(&bc, p.b));
        if p.ops.iter().any(|op| is_refill(&ac, &bc, op)) {
            let _ = writeln!(out, "  ≈  {}", marked_diff(&ac, &bc, p));
        }
    }
    out
}

/// A default file name for saving the comparison of `a` with `b`: plain, portable characters.
pub fn default_file_name(a: &Document, b: &Document) -> String {
    let stem = |d: &Document| {
        let base = d
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "speech".into());
        let mut s: String = base
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .take(40)
            .collect();
        if let Some(part) = d.part {
            let _ = write!(s, "-{part}");
        }
        s
    };
    format!("compare_{}_vs_{}.txt", stem(a), stem(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_strips_escapes() {
        assert_eq!(sanitize("a\u{1b}[31mb\nc\u{202E}d"), "a[31mb ⏎ cd");
    }

    #[test]
    fn lines_are_one_based() {
        let l = Lines::new("ab\ncd\n");
        assert_eq!(l.line(0), 1);
        assert_eq!(l.line(3), 2);
    }
}
