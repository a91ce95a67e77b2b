//! From seed runs to passages: every run is extended (unless an earlier extension already went
//! through it), the candidates are ranked by alignment score and accepted greedily while they
//! still cover new text on at least one side.
//!
//! Working on the keys only; offsets here are key positions.

use super::extend::{extend, Extension, MATCH};
use super::seeds::{exact_runs, Run};
use super::Params;

/// A passage on the keys, before it is mapped back to the cleaned texts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KeyPassage {
    pub a_start: usize,
    pub a_end: usize,
    pub b_start: usize,
    pub b_end: usize,
    pub score: i32,
    pub matches: u32,
    pub edits: u32,
}

impl KeyPassage {
    /// Levenshtein-style similarity on the key: 1 − edits / longer side.
    pub fn similarity(&self) -> f64 {
        let longest = (self.a_end - self.a_start).max(self.b_end - self.b_start);
        if longest == 0 {
            return 0.0;
        }
        (1.0 - self.edits as f64 / longest as f64).clamp(0.0, 1.0)
    }

    fn diagonals(&self, b_len: usize) -> (i64, i64) {
        let d0 = self.a_start as i64 - self.b_start as i64 + b_len as i64;
        let d1 = self.a_end as i64 - self.b_end as i64 + b_len as i64;
        (d0.min(d1), d0.max(d1))
    }
}

/// How far off its end diagonals a passage's path may have wandered (indels) and still be
/// taken to contain a run.
const DIAGONAL_SLACK: i64 = 8;
/// Width of the diagonal buckets used to look up earlier extensions.
const BUCKET: i64 = 32;

/// Finds the passages two keys share.
pub fn find(a: &[u32], b: &[u32], params: &Params) -> Vec<KeyPassage> {
    let seed_len = params.seed_len.clamp(2, params.min_len.max(2));
    let mut runs = exact_runs(a, b, seed_len, params.max_seed_pairs);
    // Longest runs first: their extension covers the shorter runs lying on the same alignment.
    runs.sort_unstable_by(|x, y| y.len.cmp(&x.len).then(x.a.cmp(&y.a)).then(x.b.cmp(&y.b)));

    let mut candidates: Vec<KeyPassage> = Vec::new();
    let mut buckets: std::collections::HashMap<i64, Vec<usize>> = Default::default();
    // Long passages that will be kept: a run lying inside one of them on both sides, on whatever
    // diagonal, is an echo of a repeated phrase (the selection would drop it), so it is not even
    // extended. This keeps a text against itself linear instead of one extension per repeat.
    let mut long: Vec<usize> = Vec::new();
    for run in &runs {
        if inside_earlier(run, &candidates, &buckets, b.len())
            || inside_long(run, &candidates, &long)
        {
            continue;
        }
        let p = extend_run(a, b, run, params.x_drop);
        if p.a_end - p.a_start >= LONG
            && p.b_end - p.b_start >= LONG
            && p.similarity() >= params.min_similarity
        {
            long.push(candidates.len());
        }
        let (d0, d1) = p.diagonals(b.len());
        let idx = candidates.len();
        candidates.push(p);
        let lo = (d0 - DIAGONAL_SLACK).div_euclid(BUCKET);
        let hi = (d1 + DIAGONAL_SLACK).div_euclid(BUCKET);
        for bucket in lo..=hi {
            buckets.entry(bucket).or_default().push(idx);
        }
    }

    candidates.retain(|p| {
        (p.a_end - p.a_start).max(p.b_end - p.b_start) >= params.min_len
            && (p.a_end - p.a_start).min(p.b_end - p.b_start) * 2 >= params.min_len
            && p.similarity() >= params.min_similarity
    });
    candidates.sort_by(|x, y| {
        y.score
            .cmp(&x.score)
            .then(x.a_start.cmp(&y.a_start))
            .then(x.b_start.cmp(&y.b_start))
            .then(x.a_end.cmp(&y.a_end))
            .then(x.b_end.cmp(&y.b_end))
    });
    select(candidates, a.len(), b.len(), params.min_len)
}

/// Length (key characters) from which a passage counts as long for [`inside_long`].
const LONG: usize = 64;

/// Whether `run` lies, on both sides, inside a long passage found earlier.
fn inside_long(run: &Run, candidates: &[KeyPassage], long: &[usize]) -> bool {
    let (ra, rb, len) = (run.a as usize, run.b as usize, run.len as usize);
    long.iter().any(|&i| {
        let c = &candidates[i];
        ra >= c.a_start && ra + len <= c.a_end && rb >= c.b_start && rb + len <= c.b_end
    })
}

/// Whether an earlier extension already went through `run`.
fn inside_earlier(
    run: &Run,
    candidates: &[KeyPassage],
    buckets: &std::collections::HashMap<i64, Vec<usize>>,
    b_len: usize,
) -> bool {
    let diag = run.diagonal(b_len) as i64;
    let Some(ids) = buckets.get(&diag.div_euclid(BUCKET)) else {
        return false;
    };
    let (ra, rb, len) = (run.a as usize, run.b as usize, run.len as usize);
    ids.iter().any(|&i| {
        let c = &candidates[i];
        let (d0, d1) = c.diagonals(b_len);
        ra >= c.a_start
            && ra + len <= c.a_end
            && rb >= c.b_start
            && rb + len <= c.b_end
            && diag >= d0 - DIAGONAL_SLACK
            && diag <= d1 + DIAGONAL_SLACK
    })
}

/// Extends a run both ways.
fn extend_run(a: &[u32], b: &[u32], run: &Run, x_drop: i32) -> KeyPassage {
    let (ra, rb, len) = (run.a as usize, run.b as usize, run.len as usize);
    let right: Extension = extend(
        |i| a[ra + len + i],
        a.len() - ra - len,
        |j| b[rb + len + j],
        b.len() - rb - len,
        x_drop,
    );
    let left: Extension = extend(|i| a[ra - 1 - i], ra, |j| b[rb - 1 - j], rb, x_drop);
    KeyPassage {
        a_start: ra - left.len_a,
        a_end: ra + len + right.len_a,
        b_start: rb - left.len_b,
        b_end: rb + len + right.len_b,
        score: len as i32 * MATCH + left.score + right.score,
        matches: len as u32 + left.matches + right.matches,
        edits: left.edits + right.edits,
    }
}

/// Greedy selection, best first: a candidate is kept while it covers at least `min_len` new key
/// characters on one side. This keeps every place of B a passage of A matches (and vice versa)
/// and drops the off-diagonal echoes of repeated phrases inside passages already kept.
fn select(
    candidates: Vec<KeyPassage>,
    a_len: usize,
    b_len: usize,
    min_len: usize,
) -> Vec<KeyPassage> {
    let mut covered_a = vec![false; a_len];
    let mut covered_b = vec![false; b_len];
    let mut kept = Vec::new();
    for p in candidates {
        let new_a = covered_a[p.a_start..p.a_end]
            .iter()
            .filter(|&&c| !c)
            .count();
        let new_b = covered_b[p.b_start..p.b_end]
            .iter()
            .filter(|&&c| !c)
            .count();
        if new_a.max(new_b) < min_len {
            continue;
        }
        covered_a[p.a_start..p.a_end]
            .iter_mut()
            .for_each(|c| *c = true);
        covered_b[p.b_start..p.b_end]
            .iter_mut()
            .for_each(|c| *c = true);
        kept.push(p);
    }
    kept
}

/// Share of `len` positions covered by the union of `spans`.
pub fn coverage(spans: impl Iterator<Item = (usize, usize)>, len: usize) -> f64 {
    if len == 0 {
        return 0.0;
    }
    let mut spans: Vec<(usize, usize)> = spans.collect();
    spans.sort_unstable();
    let mut total = 0;
    let mut reach = 0;
    for (s, e) in spans {
        let s = s.max(reach);
        if e > s {
            total += e - s;
            reach = e;
        }
    }
    total as f64 / len as f64
}
