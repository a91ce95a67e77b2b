//! Per-speech and per-pair figures: the borrowed share and reused spans of each speech, and the
//! pairs of speeches that share the most wording.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::formulas::{Grouping, Unitigs};
use super::index::{DocIndex, Segment, SHINGLE};
use super::{DocReuse, Formula, Pair, ReusedSpan};
use crate::align::{self, key::Key, Params};

/// The reuse figures of each speech: spans of its formulas and the share of its text they cover.
pub fn documents(
    ids: &[&str],
    docs: &[&DocIndex],
    segs: &[Segment],
    u: &Unitigs,
    grouping: &Grouping,
) -> Vec<DocReuse> {
    let mut spans: Vec<Vec<ReusedSpan>> = vec![Vec::new(); docs.len()];
    for (o, rank) in &grouping.occurrences {
        let f = &grouping.formulas[*rank];
        let (s, e) = (segs[o.lo as usize].start, segs[o.hi as usize - 1].end);
        spans[o.doc as usize].push(ReusedSpan {
            span: docs[o.doc as usize].text_span(s as usize, e as usize),
            formula: *rank,
            others: f.variant_documents - 1,
        });
    }
    // Key ranges shared with at least one other speech, per speech, in text order.
    let mut shared: Vec<Vec<(usize, usize)>> = vec![Vec::new(); docs.len()];
    for (j, s) in segs.iter().enumerate() {
        if u.docs[u.of_segment[j] as usize] >= 2 {
            let (start, end) = (s.start as usize, s.end as usize - 1 + SHINGLE);
            let ranges = &mut shared[s.doc as usize];
            match ranges.last_mut() {
                Some(last) if last.1 >= start => last.1 = last.1.max(end),
                _ => ranges.push((start, end)),
            }
        }
    }
    spans
        .into_iter()
        .zip(shared)
        .enumerate()
        .map(|(d, (spans, ranges))| {
            let covered: usize = ranges
                .iter()
                .map(|&(s, e)| docs[d].text_chars_of(s, e))
                .sum();
            let chars = docs[d].text_chars as usize;
            DocReuse {
                id: ids[d].to_string(),
                reused: if chars == 0 {
                    0.0
                } else {
                    covered as f64 / chars as f64
                },
                chars,
                spans,
            }
        })
        .collect()
}

/// Candidate pairs of speeches with an estimate of the wording they share, found through the
/// formulas they have in common. Formulas found in more than `stop_docs` speeches are left out
/// here (they are boilerplate of the whole corpus and would make this quadratic); they remain in
/// the formulas and in the exact figures of the pairs kept.
pub fn candidates(grouping: &Grouping, stop_docs: usize) -> Vec<(u32, u32, u64)> {
    // Key characters of each formula in each speech.
    let mut per_formula: Vec<Vec<(u32, u32)>> = vec![Vec::new(); grouping.formulas.len()];
    for (o, rank) in &grouping.occurrences {
        let f: &Formula = &grouping.formulas[*rank];
        if f.variant_documents > stop_docs {
            continue;
        }
        let chars = f.key_chars as u32;
        let list = &mut per_formula[*rank];
        match list.last_mut() {
            Some(last) if last.0 == o.doc => last.1 += chars,
            _ => list.push((o.doc, chars)),
        }
    }
    let scores = per_formula
        .par_iter()
        .fold(FxHashMap::<u64, u64>::default, |mut acc, list| {
            for (i, &(a, ca)) in list.iter().enumerate() {
                for &(b, cb) in &list[i + 1..] {
                    *acc.entry(((a as u64) << 32) | b as u64).or_default() += ca.min(cb) as u64;
                }
            }
            acc
        })
        .reduce(FxHashMap::default, |mut x, y| {
            if x.len() < y.len() {
                return merge(y, x);
            }
            merge(std::mem::take(&mut x), y)
        });
    let mut out: Vec<(u32, u32, u64)> = scores
        .into_iter()
        .map(|(k, v)| ((k >> 32) as u32, k as u32, v))
        .collect();
    out.par_sort_unstable_by_key(|&(a, b, v)| (std::cmp::Reverse(v), a, b));
    out
}

fn merge(mut x: FxHashMap<u64, u64>, y: FxHashMap<u64, u64>) -> FxHashMap<u64, u64> {
    for (k, v) in y {
        *x.entry(k).or_default() += v;
    }
    x
}

/// Which candidates get exact figures: each speech's strongest partners, and the strongest
/// pairs overall.
pub fn shortlist(cands: &[(u32, u32, u64)], n_docs: usize, per_doc: usize) -> Vec<(u32, u32)> {
    let mut taken = vec![0usize; n_docs];
    let mut out = Vec::new();
    for (i, &(a, b, _)) in cands.iter().enumerate() {
        let strong = i < n_docs * per_doc / 2;
        if strong || taken[a as usize] < per_doc || taken[b as usize] < per_doc {
            taken[a as usize] += 1;
            taken[b as usize] += 1;
            out.push((a, b));
        }
    }
    out
}

/// Exact figures of a pair on the index: characters of each speech inside shingles that also
/// occur in the other, counted in cleaned-text characters.
pub fn exact_pair(a: usize, b: usize, docs: &[&DocIndex], sorted: &[Vec<(u64, u32)>]) -> Pair {
    let (sa, sb) = (&sorted[a], &sorted[b]);
    let mut in_a = vec![false; docs[a].hashes.len()];
    let mut in_b = vec![false; docs[b].hashes.len()];
    // One merge of the two hash-sorted lists marks the shared shingles on both sides.
    let (mut i, mut j) = (0, 0);
    while i < sa.len() && j < sb.len() {
        let (ha, hb) = (sa[i].0, sb[j].0);
        if ha < hb {
            i += 1;
        } else if hb < ha {
            j += 1;
        } else {
            while i < sa.len() && sa[i].0 == ha {
                in_a[sa[i].1 as usize] = true;
                i += 1;
            }
            while j < sb.len() && sb[j].0 == hb {
                in_b[sb[j].1 as usize] = true;
                j += 1;
            }
        }
    }
    let (ca, cb) = (covered(docs[a], &in_a), covered(docs[b], &in_b));
    let share = |c: usize, d: &DocIndex| {
        if d.text_chars == 0 {
            0.0
        } else {
            c as f64 / d.text_chars as f64
        }
    };
    Pair {
        a,
        b,
        shared_chars: ca.min(cb),
        a_reused: share(ca, docs[a]),
        b_reused: share(cb, docs[b]),
        passages: None,
    }
}

/// Cleaned-text characters of `doc` inside the marked shingles.
fn covered(doc: &DocIndex, marked: &[bool]) -> usize {
    let mut total = 0usize;
    let mut run: Option<(usize, usize)> = None;
    for (i, &m) in marked.iter().enumerate() {
        if !m {
            continue;
        }
        let end = i + SHINGLE;
        run = match run {
            Some((s, e)) if e >= i => Some((s, end)),
            r => {
                if let Some((s, e)) = r {
                    total += doc.text_chars_of(s, e);
                }
                Some((i, end))
            }
        };
    }
    if let Some((s, e)) = run {
        total += doc.text_chars_of(s, e);
    }
    total
}

/// `(hash, position)` of every shingle of each speech listed, sorted by hash (empty for the others).
pub fn sorted_hashes(docs: &[&DocIndex], needed: &[bool]) -> Vec<Vec<(u64, u32)>> {
    docs.par_iter()
        .zip(needed)
        .map(|(d, &need)| {
            if !need {
                return Vec::new();
            }
            let mut h: Vec<(u64, u32)> = d
                .hashes
                .iter()
                .enumerate()
                .map(|(i, &h)| (h, i as u32))
                .collect();
            h.sort_unstable();
            h
        })
        .collect()
}

/// Figures of a pair from the alignment engine: the passages it aligns (near-identical wording
/// included, not only exact shingles) and the characters they cover on each side.
pub fn aligned_pair(a: usize, b: usize, docs: &[&DocIndex], texts: &[&str]) -> Pair {
    let key = |d: &DocIndex| Key {
        chars: d.chars.clone(),
        map: d.map.clone(),
        ends: d.ends.clone(),
        text_len: d.text_chars as usize,
    };
    let params = Params {
        word_ops: false,
        ..Params::default()
    };
    let cmp = align::compare_keys(texts[a], &key(docs[a]), texts[b], &key(docs[b]), &params);
    let union = |mut spans: Vec<(usize, usize)>| {
        spans.sort_unstable();
        let mut total = 0;
        let mut cur: Option<(usize, usize)> = None;
        for (s, e) in spans {
            cur = match cur {
                Some((cs, ce)) if s <= ce => Some((cs, ce.max(e))),
                c => {
                    total += c.map_or(0, |(cs, ce)| ce - cs);
                    Some((s, e))
                }
            };
        }
        total + cur.map_or(0, |(cs, ce)| ce - cs)
    };
    let ca = union(cmp.passages.iter().map(|p| (p.a.start, p.a.end)).collect());
    let cb = union(cmp.passages.iter().map(|p| (p.b.start, p.b.end)).collect());
    let share = |c: usize, d: &DocIndex| {
        if d.text_chars == 0 {
            0.0
        } else {
            (c as f64 / d.text_chars as f64).min(1.0)
        }
    };
    Pair {
        a,
        b,
        shared_chars: ca.min(cb),
        a_reused: share(ca, docs[a]),
        b_reused: share(cb, docs[b]),
        passages: Some(cmp.passages.len()),
    }
}
