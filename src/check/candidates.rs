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
    let found: Vec<&[u32]> = draft_hashes.iter().map(|&h| index.lookup(h)).collect();
    // Winnowing keeps different shingles near the edges of a formula in different speeches, so
    // the count at one position undercounts there: a position is common when any position of
    // its winnowing window is.
    let reach = super::index::WINDOW;
    let common: Vec<bool> = (0..found.len())
        .map(|i| {
            let lo = i.saturating_sub(reach);
            let hi = (i + reach + 1).min(found.len());
            found[lo..hi].iter().any(|d| d.len() > limits.stop_docs)
        })
        .collect();
    // Draft positions each speech shares, in draft order.
    let mut shared: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for (i, docs) in found.iter().enumerate() {
        if docs.is_empty() || common[i] {
            continue;
        }
        for &d in docs.iter() {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reuse::hash;
    use crate::reuse::index::SHINGLE;
    use crate::text::key::Key;

    fn hashes(text: &str) -> Vec<u64> {
        hash::shingles(&Key::new(text).chars, SHINGLE)
    }

    #[test]
    fn every_place_of_the_draft_gets_its_own_sources_and_formulas_name_none() {
        let long = "全省上下坚持稳中求进工作总基调，全面深化改革开放，着力推动高质量发展。";
        let short = "加快建设美丽乡村，持续改善农村人居环境。";
        let formula = "以习近平新时代中国特色社会主义思想为指导";
        let texts = [
            format!("{long}{formula}"),
            format!("{long}今年一季度经济运行平稳。{formula}"),
            format!("{short}{formula}"),
            format!("城市更新行动全面展开。{formula}"),
        ];
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let index = SourceIndex::build(&refs);
        let draft = hashes(&format!("{long}{short}{formula}"));
        let limits = Limits {
            per_position: 1,
            max: 10,
            stop_docs: 2,
        };
        let found = find(&draft, &index, limits, &|_| true);
        // One source for the long sentence (the first of the two holding it), one for the short
        // one; the formula, in all four, names nobody.
        assert_eq!(found, vec![0, 2]);
        // The draft itself (speech 0 here) is never a candidate.
        let found = find(&draft, &index, limits, &|d| d != 0);
        assert_eq!(found, vec![1, 2]);
    }
}
