//! The one definition of a refilled word, shared by every view of a comparison (the TUI's
//! highlighting, the text report's `[-…-]{+…+}`, the side-by-side columns): a word operation
//! that changes wording. A change of punctuation or spacing alone (`，` for `、`, a dropped
//! space) is not a refill: the key ignores it, and marking it would drown the real slots.

use super::{key, Passage, Span, TokenOp};

/// Whether a span of `chars` holds only punctuation and spaces (nothing the key compares).
pub fn is_punctuation(chars: &[char], span: Span) -> bool {
    let end = span.end.min(chars.len());
    let start = span.start.min(end);
    let text: String = chars[start..end].iter().collect();
    key::normalise(&text).is_empty()
}

/// Whether `op` changes wording (A's text in `a`, B's in `b`, whole cleaned texts as chars).
pub fn is_refill(a: &[char], b: &[char], op: &TokenOp) -> bool {
    match *op {
        TokenOp::Equal { .. } => false,
        TokenOp::Delete { a: sa } => !is_punctuation(a, sa),
        TokenOp::Insert { b: sb } => !is_punctuation(b, sb),
        TokenOp::Replace { a: sa, b: sb } => !(is_punctuation(a, sa) && is_punctuation(b, sb)),
    }
}

/// The refilled spans of one side of a passage (`side_a`: A's), in order.
pub fn refilled_spans(a: &[char], b: &[char], p: &Passage, side_a: bool) -> Vec<Span> {
    p.ops
        .iter()
        .filter(|op| is_refill(a, b, op))
        .filter_map(|op| match (op.clone(), side_a) {
            (TokenOp::Delete { a }, true) | (TokenOp::Replace { a, .. }, true) => Some(a),
            (TokenOp::Insert { b }, false) | (TokenOp::Replace { b, .. }, false) => Some(b),
            _ => None,
        })
        .filter(|s| !s.is_empty())
        .collect()
}

/// Whether a passage has any refilled word.
pub fn has_refill(a: &[char], b: &[char], p: &Passage) -> bool {
    p.ops.iter().any(|op| is_refill(a, b, op))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    #[test]
    fn punctuation_alone_is_no_refill_but_words_are() {
        // A: 九牛爬坡，个个出力   B: 九牛爬坡、人人出力
        let a: Vec<char> = "九牛爬坡，个个出力".chars().collect();
        let b: Vec<char> = "九牛爬坡、人人出力".chars().collect();
        let p = Passage {
            a: span(0, 9),
            b: span(0, 9),
            similarity: 0.75,
            ops: vec![
                TokenOp::Equal {
                    a: span(0, 4),
                    b: span(0, 4),
                },
                TokenOp::Replace {
                    a: span(4, 5),
                    b: span(4, 5),
                },
                TokenOp::Replace {
                    a: span(5, 7),
                    b: span(5, 7),
                },
                TokenOp::Equal {
                    a: span(7, 9),
                    b: span(7, 9),
                },
            ],
        };
        assert_eq!(refilled_spans(&a, &b, &p, true), vec![span(5, 7)]);
        assert_eq!(refilled_spans(&a, &b, &p, false), vec![span(5, 7)]);
        assert!(has_refill(&a, &b, &p));
    }
}
