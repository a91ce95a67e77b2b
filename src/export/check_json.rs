//! The JSON form of a check, per the interface contract (plus formulas and word operations).

use serde_json::{json, Value};

use crate::check::Check;
use crate::corpus::Document;

fn slice(chars: &[char], start: usize, end: usize) -> String {
    let end = end.min(chars.len());
    chars[start.min(end)..end].iter().collect()
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// `{"draft", "passages", "sources", "formulas", "excluded"}`; every `text` is exactly the cleaned
/// text between `start` and `end` of its speech.
pub fn check_json(draft: &Document, docs: &[Document], check: &Check) -> Value {
    let dc: Vec<char> = draft.text.chars().collect();
    // Each cited speech's characters, made when it is first cited.
    let mut chars: Vec<Vec<char>> = vec![Vec::new(); docs.len()];
    let mut text_of = |d: usize, start: usize, end: usize| {
        if chars[d].is_empty() {
            chars[d] = docs[d].text.chars().collect();
        }
        slice(&chars[d], start, end)
    };
    let passages: Vec<Value> = check
        .passages
        .iter()
        .map(|p| {
            let sources: Vec<Value> = p
                .sources
                .iter()
                .map(|s| {
                    let doc = &docs[s.doc];
                    json!({
                        "id": doc.id, "title": doc.title, "date": doc.date, "place": doc.place,
                        "start": s.span.start, "end": s.span.end,
                        "text": text_of(s.doc, s.span.start, s.span.end),
                        "similarity": round(s.similarity),
                    })
                })
                .collect();
            json!({
                "start": p.span.start, "end": p.span.end,
                "text": slice(&dc, p.span.start, p.span.end),
                "kind": p.kind.as_str(),
                "sources": sources,
            })
        })
        .collect();
    let sources: Vec<Value> = check
        .sources
        .iter()
        .map(|s| {
            let doc = &docs[s.doc];
            json!({
                "id": doc.id, "title": doc.title, "date": doc.date, "place": doc.place,
                "shared_chars": s.shared_chars, "share": round(s.share), "passages": s.passages,
            })
        })
        .collect();
    let formulas: Vec<Value> = check
        .formulas
        .iter()
        .map(|f| {
            json!({
                "text": f.text, "template": f.template, "documents": f.documents,
                "score": round(f.score),
                "at": f.spans.iter().map(|s| json!({"start": s.start, "end": s.end})).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "draft": {
            "id": draft.id, "title": draft.title, "date": draft.date, "chars": check.draft_chars,
            "borrowed": round(check.borrowed), "formulaic": round(check.formulaic),
            "original": round(check.original()),
        },
        "corpus": {"documents": docs.len()},
        "excluded": check.excluded.iter().map(|&d| docs[d].id.clone()).collect::<Vec<_>>(),
        "passages": passages,
        "sources": sources,
        "formulas": formulas,
        "warnings": check.warnings,
    })
}
