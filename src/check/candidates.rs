//! Candidate sources of a draft, found through the source index instead of by comparing the draft
//! with every speech.
//!
//! Each shingle of the draft is looked up; wording shared by a large part of the corpus (formulas)
//! names no candidate, since it would name them all. A speech becomes a candidate when it is among
//! the [`Limits::per_position`] speeches sharing the most with the draft at some place of the
//! draft, so every borrowed stretch gets its closest sources, not only the overall strongest ones.

use rustc_hash::FxHashMap;

use super::index::SourceIndex;

/// Bounds of the candidate search.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// At each place of the draft, this many of the speeches sharing it become candidates.
    pub per_position: usize,
    /// At most this many candidates in all (the strongest).
    pub max: usize,
    /// Wording found in more speeches than this names no candidate.
    pub stop_docs: usize,
}

/// Candidate speeches, strongest first. `keep(d)` is false for speeches never to cite (the draft
/// itself when it is in the corpus).
pub fn find(
    draft_hashes: &[u64],
    index: &SourceIndex,
    limits: Limits,
    keep: &dyn Fn(usize) -> bool,
) -> Vec<usize> {
    // Draft positions each speech shares, in draft order.
    let mut shared: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for (i, &h) in draft_hashes.iter().enumerate() {
        let docs = index.lookup(h);
        if docs.is_empty() || docs.len() > limits.stop_docs {
            continue;
        }
        for &d in docs {
            if keep(d as usize) {
                shared.entry(d).or_default().push(i as u32);
            }
        }
    }
    let mut ranked: Vec<(u32, Vec<u32>)> = shared.into_iter().collect();
    ranked.sort_by(|x, y| y.1.len().cmp(&x.1.len()).then(x.0.cmp(&y.0)));
    let mut taken = vec![0u16; draft_hashes.len()];
    let mut out = Vec::new();
    for (d, positions) in ranked {
        if out.len() >= limits.max {
            break;
        }
        if positions
            .iter()
            .any(|&p| (taken[p as usize] as usize) < limits.per_position)
        {
            for &p in &positions {
                taken[p as usize] = taken[p as usize].saturating_add(1);
            }
            out.push(d as usize);
        }
    }
    out
}
