//! The side-by-side rows of a comparison: each shared passage level with its counterpart, the
//! unshared text between passages (or a one-row fold of it), in A's order or in B's own order.

use speechtui::align::{Comparison, Passage, Span, TokenOp};

use super::wrap::{wrap_part, CharIndex, Line};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Passages in A's order, with A's unshared text between them.
    A,
    /// Passages in B's own order, with B's unshared text; A's counterparts beside them.
    B,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// Text found in one speech only.
    Gap,
    /// A folded gap: how many chars of A and of B it hides.
    Folded { a: usize, b: usize },
    /// Part of passage `i` (index into `Comparison::passages`).
    Passage(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub kind: RowKind,
    pub left: Option<Line>,
    pub right: Option<Line>,
    /// First row of its block.
    pub first: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Rows {
    pub rows: Vec<Row>,
    /// First row of each passage, by passage index.
    pub passage_row: Vec<usize>,
    /// Passage indices in display order.
    pub sequence: Vec<usize>,
}

/// The two texts being compared.
pub struct Texts<'a> {
    pub a: &'a str,
    pub a_chars: &'a CharIndex,
    pub b: &'a str,
    pub b_chars: &'a CharIndex,
}

fn wrap_span(text: &str, chars: &CharIndex, span: Span, width: usize) -> Vec<Line> {
    if span.is_empty() {
        return Vec::new();
    }
    // Leading/trailing line breaks of a gap would only make empty rows.
    let lines = wrap_part(chars.slice(text, span.start, span.end), span.start, width);
    let keep = |l: &Line| l.end > l.start;
    let first = lines.iter().position(keep).unwrap_or(lines.len());
    let last = lines.iter().rposition(keep).map_or(first, |i| i + 1);
    lines[first..last.max(first)].to_vec()
}

/// Builds the rows for panes of `widths` (left, right) columns.
pub fn build(
    texts: &Texts,
    cmp: &Comparison,
    order: Order,
    fold: bool,
    widths: (usize, usize),
) -> Rows {
    let mut out = Rows {
        passage_row: vec![0; cmp.passages.len()],
        ..Rows::default()
    };
    let mut seq: Vec<usize> = (0..cmp.passages.len()).collect();
    // The primary side decides the order and whose gaps are shown in full.
    let key = |p: &Passage| match order {
        Order::A => (p.a.start, p.b.start),
        Order::B => (p.b.start, p.a.start),
    };
    seq.sort_by_key(|&i| key(&cmp.passages[i]));
    out.sequence = seq.clone();

    let (mut prev_a, mut prev_b) = (0usize, 0usize);
    let push_gap = |out: &mut Rows, a: Span, b: Span| {
        let (a_len, b_len) = (a.len(), b.len());
        if a_len == 0 && b_len == 0 {
            return;
        }
        let is_blank = |text: &str, chars: &CharIndex, s: Span| {
            s.is_empty() || chars.slice(text, s.start, s.end).trim().is_empty()
        };
        if is_blank(texts.a, texts.a_chars, a) && is_blank(texts.b, texts.b_chars, b) {
            return;
        }
        if fold {
            out.rows.push(Row {
                kind: RowKind::Folded { a: a_len, b: b_len },
                left: None,
                right: None,
                first: true,
            });
            return;
        }
        let left = wrap_span(texts.a, texts.a_chars, a, widths.0);
        let right = wrap_span(texts.b, texts.b_chars, b, widths.1);
        push_block(out, RowKind::Gap, left, right);
    };
    for &i in &seq {
        let p = &cmp.passages[i];
        // Gap before this passage on the primary side; on the other side only when the passages
        // follow each other there too (otherwise that text belongs elsewhere).
        let a_gap = span_between(prev_a, p.a.start);
        let b_gap = span_between(prev_b, p.b.start);
        let (a_gap, b_gap) = match order {
            Order::A => (a_gap, free(b_gap, cmp, false)),
            Order::B => (free(a_gap, cmp, true), b_gap),
        };
        push_gap(&mut out, a_gap, b_gap);
        out.passage_row[i] = out.rows.len();
        let left = wrap_span(texts.a, texts.a_chars, p.a, widths.0);
        let right = wrap_span(texts.b, texts.b_chars, p.b, widths.1);
        push_block(&mut out, RowKind::Passage(i), left, right);
        match order {
            Order::A => {
                prev_a = p.a.end;
                prev_b = prev_b.max(p.b.end);
            }
            Order::B => {
                prev_b = p.b.end;
                prev_a = prev_a.max(p.a.end);
            }
        }
    }
    let a_tail = span_between(prev_a, texts.a_chars.len());
    let b_tail = span_between(prev_b, texts.b_chars.len());
    let (a_tail, b_tail) = match order {
        Order::A => (a_tail, free(b_tail, cmp, false)),
        Order::B => (free(a_tail, cmp, true), b_tail),
    };
    push_gap(&mut out, a_tail, b_tail);
    out
}

/// `gap` on the secondary side, if no passage lies inside it (else that text belongs elsewhere
/// and is shown there).
fn free(gap: Span, cmp: &Comparison, side_a: bool) -> Span {
    let overlaps = cmp.passages.iter().any(|p| {
        let s = if side_a { p.a } else { p.b };
        s.start < gap.end && gap.start < s.end
    });
    if overlaps {
        empty()
    } else {
        gap
    }
}

fn empty() -> Span {
    Span { start: 0, end: 0 }
}

fn span_between(start: usize, end: usize) -> Span {
    if end > start {
        Span { start, end }
    } else {
        empty()
    }
}

fn push_block(out: &mut Rows, kind: RowKind, left: Vec<Line>, right: Vec<Line>) {
    let n = left.len().max(right.len()).max(1);
    for i in 0..n {
        out.rows.push(Row {
            kind,
            left: left.get(i).copied(),
            right: right.get(i).copied(),
            first: i == 0,
        });
    }
}

/// The spans of one side of a passage whose words were refilled (changed, added or dropped).
pub fn changed_spans(p: &Passage, side_a: bool) -> Vec<Span> {
    p.ops
        .iter()
        .filter_map(|op| match (op, side_a) {
            (TokenOp::Equal { .. }, _) => None,
            (TokenOp::Delete { a }, true) => Some(*a),
            (TokenOp::Insert { b }, false) => Some(*b),
            (TokenOp::Replace { a, .. }, true) => Some(*a),
            (TokenOp::Replace { b, .. }, false) => Some(*b),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    fn passage(a: Span, b: Span) -> Passage {
        Passage {
            a,
            b,
            similarity: 1.0,
            ops: vec![TokenOp::Equal { a, b }],
        }
    }

    // Two texts built by hand so that the expected layout is known exactly.
    const A: &str = "甲甲甲甲。共同段落一。乙乙乙。共同段落二。丙";
    const B: &str = "共同段落二。丁丁丁丁丁。共同段落一。";

    fn texts<'a>(ai: &'a CharIndex, bi: &'a CharIndex) -> Texts<'a> {
        Texts {
            a: A,
            a_chars: ai,
            b: B,
            b_chars: bi,
        }
    }

    fn cmp() -> Comparison {
        Comparison {
            passages: vec![
                passage(span(5, 11), span(12, 18)),
                passage(span(15, 21), span(0, 6)),
            ],
            a_reused: 0.5,
            b_reused: 0.6,
        }
    }

    fn show(text: &str, l: Option<Line>) -> String {
        let idx = CharIndex::new(text);
        l.map(|l| idx.slice(text, l.start, l.end).to_string())
            .unwrap_or_default()
    }

    #[test]
    fn a_order_puts_each_passage_level_with_its_counterpart() {
        let (ai, bi) = (CharIndex::new(A), CharIndex::new(B));
        let rows = build(&texts(&ai, &bi), &cmp(), Order::A, false, (40, 40));
        let shown: Vec<(String, String, RowKind)> = rows
            .rows
            .iter()
            .map(|r| (show(A, r.left), show(B, r.right), r.kind))
            .collect();
        assert_eq!(
            shown,
            vec![
                // B's text before its copy of passage 0 holds B's copy of passage 1 (out of
                // order), so in A's order it is not shown beside A's opening.
                ("甲甲甲甲。".into(), "".into(), RowKind::Gap),
                (
                    "共同段落一。".into(),
                    "共同段落一。".into(),
                    RowKind::Passage(0)
                ),
                ("乙乙乙。".into(), "".into(), RowKind::Gap),
                (
                    "共同段落二。".into(),
                    "共同段落二。".into(),
                    RowKind::Passage(1)
                ),
                ("丙".into(), "".into(), RowKind::Gap),
            ]
        );
        assert_eq!(rows.passage_row, vec![1, 3]);
    }

    #[test]
    fn b_order_follows_b_and_keeps_links() {
        let (ai, bi) = (CharIndex::new(A), CharIndex::new(B));
        let rows = build(&texts(&ai, &bi), &cmp(), Order::B, false, (40, 40));
        assert_eq!(rows.sequence, vec![1, 0]);
        let kinds: Vec<RowKind> = rows.rows.iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            vec![
                RowKind::Passage(1),
                RowKind::Gap,
                RowKind::Passage(0),
                RowKind::Gap
            ]
        );
        // A's opening holds A's copy of passage 0, so it is not shown before passage 1.
        assert_eq!(show(A, rows.rows[0].left), "共同段落二。");
        assert_eq!(show(B, rows.rows[1].right), "丁丁丁丁丁。");
        assert_eq!(show(A, rows.rows[2].left), "共同段落一。");
    }

    #[test]
    fn folding_hides_gaps_in_one_row_each() {
        let (ai, bi) = (CharIndex::new(A), CharIndex::new(B));
        let rows = build(&texts(&ai, &bi), &cmp(), Order::A, true, (40, 40));
        assert_eq!(rows.rows[0].kind, RowKind::Folded { a: 5, b: 0 });
        assert_eq!(rows.rows.len(), 5);
    }

    #[test]
    fn narrow_panes_give_blocks_as_tall_as_the_longer_side() {
        let (ai, bi) = (CharIndex::new(A), CharIndex::new(B));
        let rows = build(&texts(&ai, &bi), &cmp(), Order::A, false, (6, 12));
        let p0: Vec<&Row> = rows
            .rows
            .iter()
            .filter(|r| r.kind == RowKind::Passage(0))
            .collect();
        assert_eq!(p0.len(), 2);
        assert!(p0[0].first && !p0[1].first);
        assert!(p0[1].right.is_none());
    }

    #[test]
    fn changed_spans_come_from_token_ops() {
        let p = Passage {
            a: span(0, 10),
            b: span(0, 9),
            similarity: 0.8,
            ops: vec![
                TokenOp::Equal {
                    a: span(0, 4),
                    b: span(0, 4),
                },
                TokenOp::Replace {
                    a: span(4, 6),
                    b: span(4, 5),
                },
                TokenOp::Delete { a: span(6, 7) },
                TokenOp::Insert { b: span(5, 6) },
                TokenOp::Equal {
                    a: span(7, 10),
                    b: span(6, 9),
                },
            ],
        };
        assert_eq!(changed_spans(&p, true), vec![span(4, 6), span(6, 7)]);
        assert_eq!(changed_spans(&p, false), vec![span(4, 5), span(5, 6)]);
    }
}
