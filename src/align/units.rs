//! Passages in the units a reader thinks in: the aligner's matches snapped to clause and word
//! boundaries, neighbours in the same clause merged, and overlaps removed, so that each
//! character of either speech lies in at most one passage.
//!
//! The aligner works on the key (no punctuation, figures as one class) and may start or end a
//! match inside a word (`收入`/`投入` share `入`), just after a comma, or reach the same stretch
//! of one speech from two places of the other. A reader wants none of that: a passage starts at
//! a clause or a word, ends after a whole word or number (taking the clause punctuation that
//! closes it), and a clause whose slots were refilled is one passage, not three fragments.
//!
//! Steps, each on text offsets (chars of the cleaned texts):
//! 1. trim punctuation at the start, take the closing punctuation at the end;
//! 2. grow an edge to its clause boundary when only a few key characters lie between them on
//!    both sides (and the passage stays similar enough), else shrink it to a word boundary;
//! 3. merge passages that follow each other on both sides within a line;
//! 4. keep the longest passages whole and cut the others where they overlap one already kept.

use std::cell::RefCell;

use rustc_hash::FxHashMap;

pub use super::boundary::{
    clause_around, is_boundary, is_clause_boundary, is_clause_end, is_no_start,
};
use super::boundary::{inside_number, is_closing, is_opening, opener_of, word_cuts, WORD_WINDOW};
use super::key::Key;
use super::{fold, Span};

/// A passage while it is being snapped: its spans and the edits the aligner counted in it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Draft {
    /// The passage's span in A.
    pub a: Span,
    /// The passage's span in B.
    pub b: Span,
    /// Key characters substituted or gapped (an estimate once edges have moved).
    pub edits: usize,
}

/// One side of a comparison: the cleaned text as chars and its key.
pub struct Side<'a> {
    /// The cleaned text.
    pub chars: &'a [char],
    /// The comparison key of `chars`.
    pub key: &'a Key,
    /// jieba's cuts of each clause window already segmented (snapping asks about the same
    /// clause many times; jieba is the costly part).
    cuts: RefCell<FxHashMap<(usize, usize), Vec<usize>>>,
}

impl<'a> Side<'a> {
    /// A side over `chars` and its `key`, with no cuts remembered yet.
    pub fn new(chars: &'a [char], key: &'a Key) -> Side<'a> {
        Side {
            chars,
            key,
            cuts: RefCell::default(),
        }
    }

    fn key_len(&self, s: Span) -> usize {
        self.key.key_range(s.start, s.end).len()
    }

    /// [`is_boundary`], remembering each clause's cuts.
    fn boundary(&self, p: usize) -> bool {
        let t = self.chars;
        if is_clause_boundary(t, p) {
            return true;
        }
        if inside_number(t, p) {
            return false;
        }
        let window = clause_around(t, p, WORD_WINDOW);
        let mut cuts = self.cuts.borrow_mut();
        let cuts = cuts
            .entry(window)
            .or_insert_with(|| word_cuts(t, window.0, window.1));
        cuts.binary_search(&p).is_ok()
    }
}

/// Longest stretch (key characters) between a passage edge and its clause boundary that the
/// edge grows over: about one refilled word or a short figure.
const CLAUSE_SLACK: usize = 6;
/// Longest stretch (key characters, each side) between two passages that are merged.
const MERGE_GAP: usize = 8;
/// How far (chars) an edge may move in lockstep to reach a word boundary on both sides.
const WORD_SLACK: usize = 4;

fn same(a: &[char], i: usize, b: &[char], j: usize) -> bool {
    match (a.get(i), b.get(j)) {
        (Some(&x), Some(&y)) => fold::fold(x) == fold::fold(y),
        _ => false,
    }
}

/// Moves a start past punctuation and spaces that may not begin a passage (each side alone:
/// they are not in the key, so the sides stay matched).
fn trim_start(t: &[char], s: &mut Span) {
    while s.start < s.end && (is_no_start(t[s.start]) || t[s.start].is_control()) {
        s.start += 1;
    }
    // An opening quote or bracket right before belongs to the passage (`“五位一体”`).
    while s.start > 0 && s.start < s.end && is_opening(t[s.start - 1]) {
        s.start -= 1;
    }
}

/// Drops trailing openers and spaces, then takes the closing punctuation right after the end
/// (`亿元` + `，`, `8.5` + `%`), up to and including one clause end.
fn settle_end(t: &[char], s: &mut Span) {
    while s.end > s.start && (is_opening(t[s.end - 1]) || t[s.end - 1].is_whitespace()) {
        s.end -= 1;
    }
    if s.end == s.start {
        return;
    }
    let mut n = 0;
    while s.end < t.len() && n < 3 && is_closing(t[s.end]) {
        let c = t[s.end];
        // A closing bracket or quote only with its opener inside the passage.
        if let Some(open) = opener_of(c) {
            let inside = &t[s.start..s.end];
            let opens = inside.iter().filter(|&&x| x == open).count();
            let closes = inside.iter().filter(|&&x| x == c).count();
            if opens <= closes {
                break;
            }
        }
        s.end += 1;
        n += 1;
        if is_clause_end(c) {
            break;
        }
    }
}

/// Snaps the start of a passage: grow to the clause start, or shrink to a word boundary.
fn snap_start(a: &Side, b: &Side, d: &mut Draft, min_similarity: f64) {
    let (ca, _) = clause_around(a.chars, d.a.start, 64);
    let (cb, _) = clause_around(b.chars, d.b.start, 64);
    let ga = a.key_len(Span {
        start: ca,
        end: d.a.start,
    });
    let gb = b.key_len(Span {
        start: cb,
        end: d.b.start,
    });
    if ga.max(gb) <= CLAUSE_SLACK {
        let grown = Draft {
            a: Span {
                start: ca,
                end: d.a.end,
            },
            b: Span {
                start: cb,
                end: d.b.end,
            },
            edits: d.edits + ga.max(gb),
        };
        if similarity(a, b, &grown) >= min_similarity {
            *d = grown;
            trim_start(a.chars, &mut d.a);
            trim_start(b.chars, &mut d.b);
            return;
        }
    }
    if a.boundary(d.a.start) && b.boundary(d.b.start) {
        return;
    }
    // Shrink in lockstep over characters both sides share.
    for k in 1..=WORD_SLACK {
        let (i, j) = (d.a.start + k, d.b.start + k);
        if i >= d.a.end || j >= d.b.end || !same(a.chars, i - 1, b.chars, j - 1) {
            break;
        }
        if a.boundary(i) && b.boundary(j) {
            d.a.start = i;
            d.b.start = j;
            trim_start(a.chars, &mut d.a);
            trim_start(b.chars, &mut d.b);
            return;
        }
    }
}

/// Snaps the end of a passage: grow to the clause end, or shrink to a word boundary.
fn snap_end(a: &Side, b: &Side, d: &mut Draft, min_similarity: f64) {
    let probe = |t: &[char], e: usize| clause_around(t, e.saturating_sub(1), 64).1.max(e);
    let (ea, eb) = (probe(a.chars, d.a.end), probe(b.chars, d.b.end));
    let ga = a.key_len(Span {
        start: d.a.end,
        end: ea,
    });
    let gb = b.key_len(Span {
        start: d.b.end,
        end: eb,
    });
    if ga.max(gb) <= CLAUSE_SLACK {
        let grown = Draft {
            a: Span {
                start: d.a.start,
                end: ea,
            },
            b: Span {
                start: d.b.start,
                end: eb,
            },
            edits: d.edits + ga.max(gb),
        };
        if similarity(a, b, &grown) >= min_similarity {
            *d = grown;
            settle_end(a.chars, &mut d.a);
            settle_end(b.chars, &mut d.b);
            return;
        }
    }
    if !(a.boundary(d.a.end) && b.boundary(d.b.end)) {
        for k in 1..=WORD_SLACK {
            let (i, j) = (d.a.end.saturating_sub(k), d.b.end.saturating_sub(k));
            if i <= d.a.start || j <= d.b.start || !same(a.chars, i, b.chars, j) {
                break;
            }
            if a.boundary(i) && b.boundary(j) {
                d.a.end = i;
                d.b.end = j;
                break;
            }
        }
    }
    settle_end(a.chars, &mut d.a);
    settle_end(b.chars, &mut d.b);
}

/// A passage that runs over a line break into a few characters of the next paragraph (a
/// heading's `（一）`) or starts with the tail of the previous one stops at the line break, on
/// both sides (only when both sides have such a stray piece, so they stay matched). A piece that
/// is a whole line (a title) or ends a clause stays, and so does any piece whose removal would
/// leave less than a passage.
fn drop_stray_lines(a: &Side, b: &Side, d: &mut Draft, min_len: usize) {
    let whole_end = |t: &[char], e: usize| {
        // Up to the end of its line (nothing but punctuation or spaces left on it), or a clause
        // of its own: the piece is whole. Else it is a marker or a fragment (`（一）`, `一、`
        // before the heading's words).
        let ends_clause = e > 0 && is_clause_end(t[e - 1]) && t[e - 1] != '、';
        ends_clause
            || t[e.min(t.len())..]
                .iter()
                .take_while(|&&c| c != '\n')
                .all(|c| !c.is_alphanumeric())
    };
    let tail = |side: &Side, s: Span| {
        let nl = side.chars[s.start..s.end]
            .iter()
            .rposition(|&c| c == '\n')?;
        let cut = s.start + nl;
        let rest = Span {
            start: cut,
            end: s.end,
        };
        let stray = side.key_len(rest) <= CLAUSE_SLACK && !whole_end(side.chars, s.end);
        stray.then_some(cut)
    };
    if let (Some(ca), Some(cb)) = (tail(a, d.a), tail(b, d.b)) {
        let kept = Draft {
            a: Span {
                start: d.a.start,
                end: ca,
            },
            b: Span {
                start: d.b.start,
                end: cb,
            },
            edits: d.edits,
        };
        if long_enough(a, b, &kept, min_len) {
            *d = kept;
        }
    }
    let head = |side: &Side, s: Span| {
        let nl = side.chars[s.start..s.end].iter().position(|&c| c == '\n')?;
        let cut = s.start + nl + 1;
        let lead = Span {
            start: s.start,
            end: cut,
        };
        // Starting a line or a clause, the piece is a whole clause of its own.
        let whole_line = s.start == 0 || !side.chars[s.start - 1].is_alphanumeric();
        (side.key_len(lead) <= CLAUSE_SLACK && cut < s.end && !whole_line).then_some(cut)
    };
    if let (Some(ca), Some(cb)) = (head(a, d.a), head(b, d.b)) {
        let mut kept = *d;
        kept.a.start = ca;
        kept.b.start = cb;
        trim_start(a.chars, &mut kept.a);
        trim_start(b.chars, &mut kept.b);
        if long_enough(a, b, &kept, min_len) {
            *d = kept;
        }
    }
}

/// 1 − edits / longer side, on the key.
pub fn similarity(a: &Side, b: &Side, d: &Draft) -> f64 {
    let longest = a.key_len(d.a).max(b.key_len(d.b));
    if longest == 0 {
        return 0.0;
    }
    (1.0 - d.edits as f64 / longest as f64).clamp(0.0, 1.0)
}

fn overlaps(x: Span, y: Span) -> bool {
    x.start < y.end && y.start < x.end
}

/// Merges passages that follow each other on both sides, separated by at most [`MERGE_GAP`] key
/// characters each and no line break (a refilled slot the aligner did not bridge).
fn merge(a: &Side, b: &Side, mut drafts: Vec<Draft>, min_similarity: f64) -> Vec<Draft> {
    drafts.sort_by_key(|d| (d.a.start, d.b.start));
    let mut out: Vec<Draft> = Vec::with_capacity(drafts.len());
    for d in drafts {
        if let Some(last) = out.last_mut() {
            let gap_a = Span {
                start: last.a.end,
                end: d.a.start,
            };
            let gap_b = Span {
                start: last.b.end,
                end: d.b.start,
            };
            let in_order = d.a.start >= last.a.end && d.b.start >= last.b.end;
            let no_break = |t: &[char], s: Span| !t[s.start..s.end].contains(&'\n');
            if in_order && no_break(a.chars, gap_a) && no_break(b.chars, gap_b) {
                let (ga, gb) = (a.key_len(gap_a), b.key_len(gap_b));
                if ga.max(gb) <= MERGE_GAP {
                    let merged = Draft {
                        a: Span {
                            start: last.a.start,
                            end: d.a.end,
                        },
                        b: Span {
                            start: last.b.start,
                            end: d.b.end,
                        },
                        edits: last.edits + d.edits + ga.max(gb),
                    };
                    if similarity(a, b, &merged) >= min_similarity {
                        *last = merged;
                        continue;
                    }
                }
            }
        }
        out.push(d);
    }
    out
}

/// Cuts `d` so that it no longer overlaps `kept` on either side; the other side moves in
/// lockstep (by the same number of key characters), then the new edge is snapped to a word.
/// Returns the pieces left (none, one, or two when `kept` lies inside `d`).
fn cut(a: &Side, b: &Side, d: Draft, kept: &Draft) -> Vec<Draft> {
    let mut pieces = Vec::new();
    // Which side overlaps decides the cut; if both do, A's ranges decide and B follows.
    let (on_a, x, k) = if overlaps(d.a, kept.a) {
        (true, d.a, kept.a)
    } else {
        (false, d.b, kept.b)
    };
    let (this, other) = if on_a { (a, b) } else { (b, a) };
    let (this_span, other_span) = if on_a { (d.a, d.b) } else { (d.b, d.a) };
    let total_this = this.key_len(this_span).max(1);
    let total_other = other.key_len(other_span);
    let key_at = |side: &Side, p: usize| side.key.key_range(0, p).end;
    // Left piece: up to the kept span's start.
    if x.start < k.start {
        let n = this.key_len(Span {
            start: x.start,
            end: k.start,
        });
        // Proportional when the two sides differ in length.
        let m = n * total_other / total_this;
        let o0 = key_at(other, other_span.start);
        let other_end = other
            .key
            .text_span(o0, (o0 + m).min(other.key.len()))
            .end
            .min(other_span.end);
        let mut dl = to_draft(
            on_a,
            Span {
                start: this_span.start,
                end: k.start,
            },
            Span {
                start: other_span.start,
                end: other_end.max(other_span.start),
            },
            d.edits * n / total_this,
        );
        shrink_end_to_words(a, b, &mut dl);
        pieces.push(dl);
    }
    if x.end > k.end {
        let n = this.key_len(Span {
            start: k.end,
            end: x.end,
        });
        let m = n * total_other / total_this;
        let o1 = key_at(other, other_span.end);
        let other_start = other
            .key
            .text_span(o1.saturating_sub(m), o1)
            .start
            .max(other_span.start);
        let mut dr = to_draft(
            on_a,
            Span {
                start: k.end,
                end: this_span.end,
            },
            Span {
                start: other_start.min(other_span.end),
                end: other_span.end,
            },
            d.edits * n / total_this,
        );
        trim_start(a.chars, &mut dr.a);
        trim_start(b.chars, &mut dr.b);
        shrink_start_to_words(a, b, &mut dr);
        pieces.push(dr);
    }
    pieces
}

fn to_draft(on_a: bool, this: Span, other: Span, edits: usize) -> Draft {
    if on_a {
        Draft {
            a: this,
            b: other,
            edits,
        }
    } else {
        Draft {
            a: other,
            b: this,
            edits,
        }
    }
}

fn shrink_start_to_words(a: &Side, b: &Side, d: &mut Draft) {
    for _ in 0..=WORD_SLACK * 2 {
        let ok_a = a.boundary(d.a.start);
        let ok_b = b.boundary(d.b.start);
        if (ok_a && ok_b) || d.a.start >= d.a.end || d.b.start >= d.b.end {
            break;
        }
        if !ok_a {
            d.a.start += 1;
        }
        if !ok_b {
            d.b.start += 1;
        }
    }
    trim_start(a.chars, &mut d.a);
    trim_start(b.chars, &mut d.b);
}

fn shrink_end_to_words(a: &Side, b: &Side, d: &mut Draft) {
    for _ in 0..=WORD_SLACK * 2 {
        let ok_a = a.boundary(d.a.end);
        let ok_b = b.boundary(d.b.end);
        if (ok_a && ok_b) || d.a.start >= d.a.end || d.b.start >= d.b.end {
            break;
        }
        if !ok_a {
            d.a.end -= 1;
        }
        if !ok_b {
            d.b.end -= 1;
        }
    }
    while d.a.end > d.a.start && is_opening(a.chars[d.a.end - 1]) {
        d.a.end -= 1;
    }
    while d.b.end > d.b.start && is_opening(b.chars[d.b.end - 1]) {
        d.b.end -= 1;
    }
}

/// Whether a passage is long enough to report (as the aligner's own rule: `min_len` key
/// characters on the longer side, half of it on the shorter).
fn long_enough(a: &Side, b: &Side, d: &Draft, min_len: usize) -> bool {
    let (la, lb) = (a.key_len(d.a), b.key_len(d.b));
    la.max(lb) >= min_len && la.min(lb) * 2 >= min_len
}

/// Drops, before any snapping, the matches that lie mostly inside longer ones on either side
/// (one stretch of A matched at a second place of B, or the reverse): the overlap rule below
/// would leave less than a passage of them. Longest first; a match is dropped when fewer than
/// `min_len` of its key characters (or half that on its shorter side) are still free on a side.
/// Snapping is the costly step, and this keeps it to the matches that can survive.
fn without_echoes(a: &Side, b: &Side, mut drafts: Vec<Draft>, min_len: usize) -> Vec<Draft> {
    drafts.sort_by(|x, y| {
        let (lx, ly) = (
            a.key_len(x.a) + b.key_len(x.b),
            a.key_len(y.a) + b.key_len(y.b),
        );
        ly.cmp(&lx).then(x.a.start.cmp(&y.a.start))
    });
    let mut taken_a = vec![false; a.chars.len()];
    let mut taken_b = vec![false; b.chars.len()];
    let free = |taken: &[bool], side: &Side, s: Span| {
        let r = side.key.key_range(s.start, s.end);
        r.filter(|&k| !taken[side.key.map[k] as usize]).count()
    };
    let mut out = Vec::with_capacity(drafts.len());
    for d in drafts {
        let (fa, fb) = (free(&taken_a, a, d.a), free(&taken_b, b, d.b));
        if fa.max(fb) < min_len || fa.min(fb) * 2 < min_len {
            continue;
        }
        taken_a[d.a.start..d.a.end]
            .iter_mut()
            .for_each(|t| *t = true);
        taken_b[d.b.start..d.b.end]
            .iter_mut()
            .for_each(|t| *t = true);
        out.push(d);
    }
    out
}

/// The aligner's matches as reader units: snapped, merged, without overlaps, in A's order.
pub fn reader_units(
    a: &Side,
    b: &Side,
    drafts: Vec<Draft>,
    min_len: usize,
    min_similarity: f64,
) -> Vec<Draft> {
    let drafts = without_echoes(a, b, drafts, min_len);
    let mut snapped: Vec<Draft> = drafts
        .into_iter()
        .filter_map(|mut d| {
            trim_start(a.chars, &mut d.a);
            trim_start(b.chars, &mut d.b);
            snap_start(a, b, &mut d, min_similarity);
            snap_end(a, b, &mut d, min_similarity);
            drop_stray_lines(a, b, &mut d, min_len);
            (!d.a.is_empty() && !d.b.is_empty()).then_some(d)
        })
        .collect();
    snapped = merge(a, b, snapped, min_similarity);
    // Longest first (then A's order): the big passages stay whole, the echoes are cut.
    snapped.sort_by(|x, y| {
        let (lx, ly) = (
            a.key_len(x.a) + b.key_len(x.b),
            a.key_len(y.a) + b.key_len(y.b),
        );
        ly.cmp(&lx)
            .then(x.a.start.cmp(&y.a.start))
            .then(x.b.start.cmp(&y.b.start))
    });
    let mut kept: Vec<Draft> = Vec::with_capacity(snapped.len());
    let mut queue: std::collections::VecDeque<Draft> = snapped.into();
    while let Some(d) = queue.pop_front() {
        if !long_enough(a, b, &d, min_len) || d.a.is_empty() || d.b.is_empty() {
            continue;
        }
        match kept
            .iter()
            .find(|k| overlaps(k.a, d.a) || overlaps(k.b, d.b))
        {
            None => kept.push(d),
            Some(k) => {
                // Pieces go back to the front: they may overlap another kept passage too.
                for piece in cut(a, b, d, k).into_iter().rev() {
                    if piece.a.len() < d.a.len() || piece.b.len() < d.b.len() {
                        queue.push_front(piece);
                    }
                }
            }
        }
    }
    kept.sort_by_key(|d| (d.a.start, d.b.start));
    kept
}
