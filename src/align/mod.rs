//! Local alignment of the template phrasing two speeches share.
//!
//! Pipeline: [`crate::text::key`] (normalised text with an offset map) → `seeds` (exact k-gram runs along
//! diagonals) → `extend` (banded X-drop gapped extension through refilled slots) →
//! `passages` (ranking and greedy selection) → [`units`] (snapped to clause and word
//! boundaries per `boundary`, merged, overlaps removed) → `tokens` (word-level ops with
//! jieba + `similar`; [`refill`] says which of them count as refilled). Passages may lie in any
//! order on either side, but never overlap on either; [`rows`] lays both texts out whole.

pub(crate) mod boundary;
mod extend;
mod passages;
pub mod refill;
pub mod rows;
mod seeds;
pub(crate) mod tokens;
pub mod units;

use serde::Serialize;

pub use crate::text::Span;
// The text layer's fold and key, named here for the stages below that work on them.
use crate::text::{fold, key};

/// One word-level operation inside a passage, from jieba tokens diffed with `similar`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "op", rename_all = "lowercase")]
#[allow(missing_docs)] // The fields are the spans of A and B each variant names.
pub enum TokenOp {
    /// The same word(s) on both sides.
    Equal { a: Span, b: Span },
    /// Word(s) only in A.
    Delete { a: Span },
    /// Word(s) only in B.
    Insert { b: Span },
    /// A's word(s) replaced by B's: a refilled slot.
    Replace { a: Span, b: Span },
}

/// A passage shared by speech A and speech B.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Passage {
    /// Where the passage lies in A's cleaned text.
    pub a: Span,
    /// Where it lies in B's.
    pub b: Span,
    /// 0..1, on the comparison key.
    pub similarity: f64,
    /// Word-level operations from A to B, in order (empty when not asked for).
    pub ops: Vec<TokenOp>,
}

/// Tuning of the aligner.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    /// Shortest passage reported, in key characters (punctuation and spaces not counted).
    pub min_len: usize,
    /// Lowest similarity of a reported passage (1 − edits / longer side, on the key).
    pub min_similarity: f64,
    /// Length of the exact k-gram seeds, in key characters (at most `min_len`).
    pub seed_len: usize,
    /// How far the extension score may fall below its best before it stops: roughly the longest
    /// rewritten stretch (refilled slot) a passage may bridge.
    pub x_drop: i32,
    /// A k-gram with more occurrence pairs than this (occurrences in A × in B) seeds nothing.
    pub max_seed_pairs: usize,
    /// Compute word-level operations for each passage.
    pub word_ops: bool,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            min_len: 8,
            min_similarity: 0.8,
            seed_len: 6,
            x_drop: 8,
            max_seed_pairs: 256,
            word_ops: true,
        }
    }
}

/// All passages two speeches share.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Comparison {
    /// In A's order.
    pub passages: Vec<Passage>,
    /// Share of each speech's key characters (its text without punctuation and spaces) inside
    /// passages, 0..1.
    pub a_reused: f64,
    /// The same for B.
    pub b_reused: f64,
}

impl Comparison {
    /// The same comparison seen from B: sides swapped, passages in B's order.
    pub fn mirror(&self) -> Comparison {
        let mut passages: Vec<Passage> = self
            .passages
            .iter()
            .map(|p| Passage {
                a: p.b,
                b: p.a,
                similarity: p.similarity,
                ops: tokens::mirror(&p.ops),
            })
            .collect();
        sort_passages(&mut passages);
        Comparison {
            passages,
            a_reused: self.b_reused,
            b_reused: self.a_reused,
        }
    }
}

/// Aligns two cleaned texts.
pub fn compare(a: &str, b: &str, params: &Params) -> Comparison {
    let ka = key::Key::new(a);
    let kb = key::Key::new(b);
    compare_keys(a, &ka, b, &kb, params)
}

/// Aligns two cleaned texts whose keys are already built (`ka = Key::new(a)`, same for b), e.g.
/// by a caller comparing one speech with many.
///
/// The work is always done in one canonical orientation (the lesser text first) and mirrored
/// when needed, so `compare(b, a)` is exactly the mirror of `compare(a, b)`.
pub fn compare_keys(a: &str, ka: &key::Key, b: &str, kb: &key::Key, params: &Params) -> Comparison {
    if (ka.chars.as_slice(), a) > (kb.chars.as_slice(), b) {
        return compare_oriented(b, kb, a, ka, params).mirror();
    }
    compare_oriented(a, ka, b, kb, params)
}

fn compare_oriented(a: &str, ka: &key::Key, b: &str, kb: &key::Key, params: &Params) -> Comparison {
    let ca: Vec<u32> = ka.chars.iter().map(|&c| c as u32).collect();
    let cb: Vec<u32> = kb.chars.iter().map(|&c| c as u32).collect();
    let found = passages::find(&ca, &cb, params);
    let (a_chars, b_chars): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let side_a = units::Side::new(&a_chars, ka);
    let side_b = units::Side::new(&b_chars, kb);
    let drafts: Vec<units::Draft> = found
        .iter()
        .map(|p| units::Draft {
            a: ka.text_span(p.a_start, p.a_end),
            b: kb.text_span(p.b_start, p.b_end),
            edits: p.edits as usize,
        })
        .collect();
    let drafts = units::reader_units(
        &side_a,
        &side_b,
        drafts,
        params.min_len,
        params.min_similarity,
    );
    let key_spans = |k: &key::Key, s: Span| {
        let r = k.key_range(s.start, s.end);
        (r.start, r.end)
    };
    let a_reused = passages::coverage(drafts.iter().map(|d| key_spans(ka, d.a)), ca.len());
    let b_reused = passages::coverage(drafts.iter().map(|d| key_spans(kb, d.b)), cb.len());
    let a_bytes = byte_offsets(a);
    let b_bytes = byte_offsets(b);
    let mut out: Vec<Passage> = drafts
        .iter()
        .map(|d| {
            let (sa, sb) = (d.a, d.b);
            let ops = if params.word_ops {
                tokens::diff(
                    &a[a_bytes[sa.start]..a_bytes[sa.end]],
                    sa.start,
                    &b[b_bytes[sb.start]..b_bytes[sb.end]],
                    sb.start,
                )
            } else {
                Vec::new()
            };
            Passage {
                a: sa,
                b: sb,
                similarity: units::similarity(&side_a, &side_b, d),
                ops,
            }
        })
        .collect();
    sort_passages(&mut out);
    Comparison {
        passages: out,
        a_reused,
        b_reused,
    }
}

/// Byte offset of every char of `s`, plus the end.
fn byte_offsets(s: &str) -> Vec<usize> {
    let mut v: Vec<usize> = s.char_indices().map(|(i, _)| i).collect();
    v.push(s.len());
    v
}

/// A's order, then B's: a total order, so results are deterministic.
fn sort_passages(passages: &mut [Passage]) {
    passages.sort_by(|x, y| {
        (x.a.start, x.a.end, x.b.start, x.b.end).cmp(&(y.a.start, y.a.end, y.b.start, y.b.end))
    });
}
