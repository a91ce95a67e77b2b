//! The comparison as rows, both speeches whole (the layout of delta's and difftastic's
//! side-by-side diffs and of CollateX's alignment table).
//!
//! Each character of A lies in exactly one row, in A's order, and each character of B likewise
//! in B's order. The passages both speeches hold in the same order (the heaviest such chain)
//! are `Shared` rows, level on both sides. Between two of them, each side's own text follows on
//! that side alone: `AOnly`/`BOnly` stretches and the passages that moved (`Moved`: one row on
//! A's side at A's place, one on B's side at B's place, both naming the passage). Nothing is
//! hidden and nothing is shown twice.

use serde::Serialize;

use super::{Comparison, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
/// What a row shows.
pub enum RowKind {
    /// A passage of the level chain, on both sides at once.
    Shared,
    /// Text of A found in no passage.
    AOnly,
    /// Text of B found in no passage.
    BOnly,
    /// A passage outside the level chain, shown on one side at that side's place.
    Moved,
}

/// One row: a span of A, of B, or (shared) of both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Row {
    /// The span of A in this row, if A has a side in it.
    pub a: Option<Span>,
    /// The span of B in this row, if B has a side in it.
    pub b: Option<Span>,
    /// What the row shows.
    pub kind: RowKind,
    /// Index into `Comparison::passages` for shared and moved rows.
    pub passage: Option<usize>,
}

/// A display block: one shared row level on both sides, or the run of rows between two shared
/// rows, each side's rows stacked in its own column (indices into the rows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A shared row, level on both sides.
    Level(usize),
    /// The rows between two shared rows, each side in its own column.
    Apart {
        /// A's rows, in order.
        a: Vec<usize>,
        /// B's rows, in order.
        b: Vec<usize>,
    },
}

/// The passages (indices, in A's order) that hold the same order on both sides and weigh most
/// (characters on both sides): a heaviest increasing subsequence of B starts, with a Fenwick tree
/// of best chain weights by B rank (O(n log n)).
pub fn level_chain(cmp: &Comparison) -> Vec<usize> {
    let n = cmp.passages.len();
    let mut by_a: Vec<usize> = (0..n).collect();
    by_a.sort_by_key(|&i| (cmp.passages[i].a.start, cmp.passages[i].b.start));
    let mut by_b: Vec<usize> = (0..n).collect();
    by_b.sort_by_key(|&i| (cmp.passages[i].b.start, cmp.passages[i].a.start));
    let mut rank = vec![0usize; n];
    for (r, &i) in by_b.iter().enumerate() {
        rank[i] = r + 1;
    }
    // tree[r]: (best weight, passage) over ranks in r's Fenwick range.
    let mut tree: Vec<(u64, usize)> = vec![(0, usize::MAX); n + 1];
    let mut best_into: Vec<(u64, usize)> = vec![(0, usize::MAX); n];
    for &i in &by_a {
        let p = &cmp.passages[i];
        let w = (p.a.len() + p.b.len()) as u64;
        // Best chain ending at a rank below this one.
        let mut r = rank[i] - 1;
        let mut best = (0u64, usize::MAX);
        while r > 0 {
            if tree[r].0 > best.0 {
                best = tree[r];
            }
            r &= r - 1;
        }
        best_into[i] = (best.0 + w, best.1);
        let mut r = rank[i];
        while r <= n {
            if best_into[i].0 > tree[r].0 {
                tree[r] = (best_into[i].0, i);
            }
            r += r & r.wrapping_neg();
        }
    }
    let Some(mut at) = (0..n).max_by_key(|&i| (best_into[i].0, std::cmp::Reverse(i))) else {
        return Vec::new();
    };
    let mut chain = vec![at];
    while best_into[at].1 != usize::MAX {
        at = best_into[at].1;
        chain.push(at);
    }
    chain.reverse();
    chain
}

/// The rows of a comparison of a text of `a_len` chars with one of `b_len`. Passages must not
/// overlap on either side (as `align::compare` gives them).
pub fn rows(cmp: &Comparison, a_len: usize, b_len: usize) -> Vec<Row> {
    let chain = level_chain(cmp);
    let n = cmp.passages.len();
    let mut level = vec![false; n];
    for &i in &chain {
        level[i] = true;
    }
    let mut moved_a: Vec<usize> = (0..n).filter(|&i| !level[i]).collect();
    moved_a.sort_by_key(|&i| cmp.passages[i].a.start);
    let mut moved_b = moved_a.clone();
    moved_b.sort_by_key(|&i| cmp.passages[i].b.start);
    let (mut ia, mut ib) = (0usize, 0usize);
    let (mut pa, mut pb) = (0usize, 0usize);
    let mut out = Vec::with_capacity(3 * n + 2);
    let ends = chain.iter().map(|&i| Some(i)).chain(std::iter::once(None));
    for c in ends {
        let (to_a, to_b) = match c {
            Some(i) => (cmp.passages[i].a.start, cmp.passages[i].b.start),
            None => (a_len, b_len),
        };
        // A's own text and moved passages up to the next level passage, then B's.
        while ia < moved_a.len() && cmp.passages[moved_a[ia]].a.start < to_a {
            let i = moved_a[ia];
            let s = cmp.passages[i].a;
            push_own(&mut out, true, pa, s.start);
            out.push(Row {
                a: Some(s),
                b: None,
                kind: RowKind::Moved,
                passage: Some(i),
            });
            pa = s.end;
            ia += 1;
        }
        push_own(&mut out, true, pa, to_a);
        while ib < moved_b.len() && cmp.passages[moved_b[ib]].b.start < to_b {
            let i = moved_b[ib];
            let s = cmp.passages[i].b;
            push_own(&mut out, false, pb, s.start);
            out.push(Row {
                a: None,
                b: Some(s),
                kind: RowKind::Moved,
                passage: Some(i),
            });
            pb = s.end;
            ib += 1;
        }
        push_own(&mut out, false, pb, to_b);
        if let Some(i) = c {
            let p = &cmp.passages[i];
            out.push(Row {
                a: Some(p.a),
                b: Some(p.b),
                kind: RowKind::Shared,
                passage: Some(i),
            });
            pa = p.a.end;
            pb = p.b.end;
        } else {
            pa = pa.max(a_len);
            pb = pb.max(b_len);
        }
    }
    out
}

fn push_own(out: &mut Vec<Row>, side_a: bool, start: usize, end: usize) {
    if end <= start {
        return;
    }
    let s = Some(Span { start, end });
    out.push(if side_a {
        Row {
            a: s,
            b: None,
            kind: RowKind::AOnly,
            passage: None,
        }
    } else {
        Row {
            a: None,
            b: s,
            kind: RowKind::BOnly,
            passage: None,
        }
    });
}

/// Groups rows for display: each shared row alone, the rows between two shared rows side by side.
pub fn blocks(rows: &[Row]) -> Vec<Block> {
    let mut out = Vec::new();
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for (i, r) in rows.iter().enumerate() {
        if r.kind == RowKind::Shared {
            if !a.is_empty() || !b.is_empty() {
                out.push(Block::Apart {
                    a: std::mem::take(&mut a),
                    b: std::mem::take(&mut b),
                });
            }
            out.push(Block::Level(i));
        } else if r.a.is_some() {
            a.push(i);
        } else {
            b.push(i);
        }
    }
    if !a.is_empty() || !b.is_empty() {
        out.push(Block::Apart { a, b });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::Passage;

    fn p(a: (usize, usize), b: (usize, usize)) -> Passage {
        Passage {
            a: Span {
                start: a.0,
                end: a.1,
            },
            b: Span {
                start: b.0,
                end: b.1,
            },
            similarity: 1.0,
            ops: Vec::new(),
        }
    }

    #[test]
    fn a_moved_passage_sits_at_its_place_on_each_side() {
        // A: [0,5) own, [5,10) P0, [10,15) P1; B: [0,5) P1, [5,8) own, [8,13) P0.
        let cmp = Comparison {
            passages: vec![p((5, 10), (8, 13)), p((10, 15), (0, 5))],
            a_reused: 0.0,
            b_reused: 0.0,
        };
        let r = rows(&cmp, 15, 13);
        let kinds: Vec<(RowKind, Option<usize>)> = r.iter().map(|r| (r.kind, r.passage)).collect();
        // P0 and P1 weigh the same; the chain keeps the first in A's order.
        assert_eq!(
            kinds,
            vec![
                (RowKind::AOnly, None),
                (RowKind::Moved, Some(1)),
                (RowKind::BOnly, None),
                (RowKind::Shared, Some(0)),
                (RowKind::Moved, Some(1)),
            ]
        );
    }

    #[test]
    fn the_heaviest_chain_stays_level() {
        // P1 is long and out of order with the two short ones: it stays level.
        let cmp = Comparison {
            passages: vec![
                p((0, 2), (50, 52)),
                p((2, 4), (52, 54)),
                p((10, 40), (0, 30)),
            ],
            a_reused: 0.0,
            b_reused: 0.0,
        };
        assert_eq!(level_chain(&cmp), vec![2]);
    }
}
