//! The JSON form of a comparison, per the interface contract (plus word operations).

use serde_json::{json, Value};

use crate::align::{Comparison, Span, TokenOp};
use crate::corpus::Document;

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

/// `{"a": {...}, "b": {...}, "passages": [{"a", "b", "similarity", "ops"}], "a_reused", "b_reused"}`
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
    json!({
        "a": side(a),
        "b": side(b),
        "passages": passages,
        "a_reused": cmp.a_reused,
        "b_reused": cmp.b_reused,
    })
}
