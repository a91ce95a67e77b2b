//! Per-speech and per-pair figures: the borrowed share and reused spans of each speech, and the
//! pairs of speeches that share the most wording.

use rayon::prelude::*;

use super::formulas::{Grouping, Unitigs};
use super::index::{DocIndex, Segment, SHINGLE};
use super::{DocReuse, Formula, Pair, ReusedSpan};
use crate::align::{self, Params};
use crate::text::key::Key;

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
                duplicate_of: None,
            }
        })
        .collect()
}

/// Corpora of at most this many speeches count their candidate pairs in a table (4 MB).
const DENSE_PAIRS: usize = 1024;

/// Candidate pairs of speeches with an estimate of the wording they share, found through the
/// formulas they have in common. Formulas found in more than `stop_docs` speeches are left out
/// here (they are boilerplate of the whole corpus and would make this quadratic); they remain in
/// the formulas and in the exact figures of the pairs kept. `n`: the number of speeches.
pub fn candidates(grouping: &Grouping, stop_docs: usize, n: usize) -> Vec<(u32, u32, u64)> {
    candidates_with(grouping, stop_docs, n, n <= DENSE_PAIRS)
}

/// [`candidates`], summed in a table of every pair (`dense`) or by sorting the contributions.
fn candidates_with(
    grouping: &Grouping,
    stop_docs: usize,
    n: usize,
    dense: bool,
) -> Vec<(u32, u32, u64)> {
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
    if dense {
        // A table of every pair fits in cache: add the contributions straight into it.
        let mut table = vec![0u32; n * n];
        for list in &per_formula {
            for (i, &(a, ca)) in list.iter().enumerate() {
                for &(b, cb) in &list[i + 1..] {
                    table[a as usize * n + b as usize] += ca.min(cb);
                }
            }
        }
        let mut out: Vec<(u32, u32, u64)> = table
            .iter()
            .enumerate()
            .filter(|&(_, &v)| v > 0)
            .map(|(k, &v)| ((k / n) as u32, (k % n) as u32, u64::from(v)))
            .collect();
        out.par_sort_unstable_by_key(|&(a, b, v)| (std::cmp::Reverse(v), a, b));
        return out;
    }
    // Every (pair, characters) contribution, then one sort: no hash map to grow or merge.
    let mut contributions: Vec<(u64, u32)> = per_formula
        .par_iter()
        .flat_map_iter(|list| {
            list.iter().enumerate().flat_map(move |(i, &(a, ca))| {
                list[i + 1..]
                    .iter()
                    .map(move |&(b, cb)| (((a as u64) << 32) | b as u64, ca.min(cb)))
            })
        })
        .collect();
    contributions.par_sort_unstable_by_key(|c| c.0);
    let mut out: Vec<(u32, u32, u64)> = contributions
        .chunk_by(|x, y| x.0 == y.0)
        .map(|run| {
            let k = run[0].0;
            let v: u64 = run.iter().map(|c| c.1 as u64).sum();
            ((k >> 32) as u32, k as u32, v)
        })
        .collect();
    out.par_sort_unstable_by_key(|&(a, b, v)| (std::cmp::Reverse(v), a, b));
    out
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

/// The segments of each speech and the unitigs it holds, for exact pair figures.
pub struct PairIndex<'a> {
    segs: &'a [Segment],
    of_segment: &'a [u32],
    /// `seg_starts[d]..seg_starts[d + 1]`: the segments of speech `d`.
    seg_starts: Vec<usize>,
    /// Sorted, deduplicated unitigs of each speech.
    unitigs: Vec<Vec<u32>>,
}

impl<'a> PairIndex<'a> {
    pub fn new(n_docs: usize, segs: &'a [Segment], u: &'a Unitigs) -> PairIndex<'a> {
        let mut seg_starts = vec![0usize; n_docs + 1];
        for s in segs {
            seg_starts[s.doc as usize + 1] += 1;
        }
        for d in 0..n_docs {
            seg_starts[d + 1] += seg_starts[d];
        }
        let unitigs = (0..n_docs)
            .into_par_iter()
            .map(|d| {
                let mut v = u.of_segment[seg_starts[d]..seg_starts[d + 1]].to_vec();
                v.sort_unstable();
                v.dedup();
                v
            })
            .collect();
        PairIndex {
            segs,
            of_segment: &u.of_segment,
            seg_starts,
            unitigs,
        }
    }

    /// Cleaned-text characters of speech `a` inside wording it shares with speech `b`. All
    /// occurrences of a unitig are the same wording, so a segment of `a` is shared with `b`
    /// exactly when its unitig occurs in `b`.
    fn covered(&self, doc: &DocIndex, a: usize, b: usize) -> usize {
        let other = &self.unitigs[b];
        let mut total = 0;
        let mut run: Option<(usize, usize)> = None;
        for j in self.seg_starts[a]..self.seg_starts[a + 1] {
            if other.binary_search(&self.of_segment[j]).is_err() {
                continue;
            }
            let s = &self.segs[j];
            let (start, end) = (s.start as usize, s.end as usize - 1 + SHINGLE);
            run = match run {
                Some((rs, re)) if start <= re => Some((rs, re.max(end))),
                r => {
                    total += r.map_or(0, |(rs, re)| doc.text_chars_of(rs, re));
                    Some((start, end))
                }
            };
        }
        total + run.map_or(0, |(rs, re)| doc.text_chars_of(rs, re))
    }
}

/// Exact figures of a pair on the index: characters of each speech inside wording (10 key chars
/// or more) that also occurs in the other, counted in cleaned-text characters.
pub fn exact_pair(a: usize, b: usize, docs: &[&DocIndex], index: &PairIndex) -> Pair {
    let (ca, cb) = (index.covered(docs[a], a, b), index.covered(docs[b], b, a));
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

#[cfg(test)]
mod tests {
    use super::super::{formulas, index};
    use super::*;

    #[test]
    fn the_pair_table_and_the_sorted_contributions_agree() {
        // Speeches drawn from a pool of sentences, so pairs share different amounts of wording.
        let pool = [
            "坚持以经济建设为中心，推动高质量发展。",
            "深化放管服改革，优化营商环境。",
            "扎实推进乡村振兴战略，巩固脱贫攻坚成果。",
            "加强生态文明建设，打好污染防治攻坚战。",
            "全面从严治党，加强党风廉政建设和反腐败斗争。",
            "完善社会保障体系，提高城乡居民收入水平。",
            "实施创新驱动发展战略，建设现代化经济体系。",
        ];
        let texts: Vec<String> = (0..24usize)
            .map(|d| {
                (0..pool.len())
                    .filter(|&k| (d * 7 + k * 3) % 5 < 3)
                    .map(|k| format!("第{d}号文件。{}", pool[k]))
                    .collect()
            })
            .collect();
        let idx: Vec<DocIndex> = texts.iter().map(|t| DocIndex::build(t)).collect();
        let refs: Vec<&DocIndex> = idx.iter().collect();
        let strs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let years = vec![None; texts.len()];
        let counts = index::count(&refs);
        let segs = index::segments(&refs, &counts);
        let unitigs = formulas::unitigs(&segs);
        let grouping = formulas::group(&segs, &unitigs, &refs, &strs, &years);
        let dense = candidates_with(&grouping, 20, texts.len(), true);
        let sorted = candidates_with(&grouping, 20, texts.len(), false);
        assert!(dense.len() > 20, "{dense:?}");
        assert_eq!(dense, sorted);
    }
}
