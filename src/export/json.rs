//! The JSON form of a comparison, per the interface contract (plus word operations).

use serde_json::{json, Value};

use crate::align::{rows, Comparison, TokenOp};
use crate::corpus::Document;
use crate::text::Span;

fn side(doc: &Document) -> Value {
    json!({
        "id": doc.id,
        "title": doc.title,
        "path": doc.path,
        "date": doc.date,
        "chars": doc.chars(),
    })
}

fn span(chars: &[char], s: Span) -> Value {
    let end = s.end.min(chars.len());
    let start = s.start.min(end);
    json!({"start": s.start, "end": s.end, "text": chars[start..end].iter().collect::<String>()})
}

fn op(a: &[char], b: &[char], op: &TokenOp) -> Value {
    match *op {
        TokenOp::Equal { a: sa, b: sb } => {
            json!({"op": "equal", "a": span(a, sa), "b": span(b, sb)})
        }
        TokenOp::Delete { a: sa } => json!({"op": "delete", "a": span(a, sa)}),
        TokenOp::Insert { b: sb } => json!({"op": "insert", "b": span(b, sb)}),
        TokenOp::Replace { a: sa, b: sb } => {
            json!({"op": "replace", "a": span(a, sa), "b": span(b, sb)})
        }
    }
}

/// `{"a": {...}, "b": {...}, "passages": [{"a", "b", "similarity", "ops"}], "rows": [{"a", "b",
/// "kind", "passage"}], "a_reused", "b_reused"}`
/// where each `text` is exactly the cleaned text between `start` and `end`.
pub fn comparison_json(a: &Document, b: &Document, cmp: &Comparison) -> Value {
    let ac: Vec<char> = a.text.chars().collect();
    let bc: Vec<char> = b.text.chars().collect();
    let passages: Vec<Value> = cmp
        .passages
        .iter()
        .map(|p| {
            json!({
                "a": span(&ac, p.a),
                "b": span(&bc, p.b),
                "similarity": (p.similarity * 1000.0).round() / 1000.0,
                "ops": p.ops.iter().map(|o| op(&ac, &bc, o)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let bounds = |s: Option<Span>| s.map(|s| json!({"start": s.start, "end": s.end}));
    let rows: Vec<Value> = rows::rows(cmp, ac.len(), bc.len())
        .iter()
        .map(|r| {
            json!({
                "a": bounds(r.a),
                "b": bounds(r.b),
                "kind": r.kind,
                "passage": r.passage,
            })
        })
        .collect();
    json!({
        "a": side(a),
        "b": side(b),
        "passages": passages,
        "rows": rows,
        "a_reused": cmp.a_reused,
        "b_reused": cmp.b_reused,
    })
}

/// Pretty JSON that is safe to print on a terminal. serde_json escapes only U+0000..U+001F, and
/// leaves DEL, the C1 controls (U+0080..U+009F, among them the one-character CSI U+009B) and the
/// bidirectional overrides raw, and ids and paths come from file names, which may hold any of
/// them; these are written as `\uXXXX` escapes instead (they can only occur inside strings, so
/// the JSON means the same).
pub fn json_pretty<T: serde::Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let s = serde_json::to_string_pretty(value)?;
    // Unsafe by the safety policy, and tabs (pretty JSON never writes one outside a string).
    let unsafe_char = |c: char| c == '\t' || crate::text::safety::is_unsafe(c);
    if !s.chars().any(unsafe_char) {
        return Ok(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_controls_are_escaped_and_the_json_is_unchanged() {
        let v = json!({"path": "a\u{9b}2J\u{7f}b\u{202e}c\u{1b}d\n", "n": 1});
        let s = json_pretty(&v).unwrap();
        assert!(!s.chars().any(|c| c.is_control() && c != '\n'), "{s}");
        assert!(s.contains("\\u009b") && s.contains("\\u202e") && s.contains("\\u007f"));
        assert_eq!(serde_json::from_str::<Value>(&s).unwrap(), v);
    }
}
