//! Speeches that are the same text count as one in every share and list.
//!
//! The grouping is an interface: [`Duplicates::from_duplicate_of`] takes whatever the corpus
//! knows (a `duplicate_of` per speech), and [`Duplicates::exact`] is the stop-gap used until the
//! corpus detects near-copies itself: speeches whose comparison keys are identical (the same
//! text up to script, width, case and punctuation, e.g. a re-encoding or a second scrape).

use std::collections::HashMap;

use super::hash::ContentHash;
use super::ReuseReport;
use crate::corpus::Document;
use crate::text::key::Key;

/// Share of both speeches that a pair must share to be copies of one text.
pub const NEAR_COPY: f64 = 0.85;

/// One group id per speech: the index of the first speech of its group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicates {
    group: Vec<usize>,
    groups: usize,
}

impl Duplicates {
    /// Every speech on its own.
    pub fn none(n: usize) -> Duplicates {
        Duplicates {
            group: (0..n).collect(),
            groups: n,
        }
    }

    /// From `duplicate_of[i]`: the speech `i` copies (chains are followed; out-of-range or
    /// circular links are ignored, so bad data never merges unrelated speeches).
    pub fn from_duplicate_of(duplicate_of: &[Option<usize>]) -> Duplicates {
        let n = duplicate_of.len();
        let mut group: Vec<usize> = (0..n).collect();
        for (i, g) in group.iter_mut().enumerate() {
            let mut at = i;
            let mut steps = 0;
            while let Some(next) = duplicate_of[at].filter(|&d| d < n && d != at) {
                at = next;
                steps += 1;
                if steps > n {
                    at = i;
                    break;
                }
            }
            *g = at;
        }
        // The group id is the smallest member, whichever way the links point.
        let mut first: HashMap<usize, usize> = HashMap::new();
        for (i, &g) in group.iter().enumerate() {
            first.entry(g).or_insert(i);
        }
        let group: Vec<usize> = group.iter().map(|g| first[g]).collect();
        let groups = first.len();
        Duplicates { group, groups }
    }

    /// Stop-gap detection: speeches with identical comparison keys are one text.
    pub fn exact(docs: &[Document]) -> Duplicates {
        use rayon::prelude::*;
        let hashes: Vec<ContentHash> = docs
            .par_iter()
            .map(|d| {
                let key: String = Key::new(&d.text).chars.into_iter().collect();
                ContentHash::of(key.as_bytes())
            })
            .collect();
        let mut first: HashMap<ContentHash, usize> = HashMap::new();
        let links: Vec<Option<usize>> = hashes
            .iter()
            .enumerate()
            .map(|(i, h)| {
                // An empty text is nobody's copy.
                if docs[i].text.trim().is_empty() {
                    return None;
                }
                let f = *first.entry(*h).or_insert(i);
                (f != i).then_some(f)
            })
            .collect();
        Duplicates::from_duplicate_of(&links)
    }

    /// Stop-gap detection of near-exact copies too: identical comparison keys, or a pair of the
    /// report sharing at least [`NEAR_COPY`] of *both* speeches (a re-scrape, a wikisource copy
    /// of a report with a line more or less).
    pub fn near(report: &ReuseReport, docs: &[Document]) -> Duplicates {
        let exact = Duplicates::exact(docs);
        let mut links: Vec<Option<usize>> = (0..docs.len())
            .map(|i| (exact.group(i) != i).then(|| exact.group(i)))
            .collect();
        let root = |links: &[Option<usize>], mut i: usize| {
            while let Some(n) = links[i] {
                i = n;
            }
            i
        };
        for p in &report.pairs {
            if p.a.max(p.b) >= docs.len() || p.a_reused < NEAR_COPY || p.b_reused < NEAR_COPY {
                continue;
            }
            let (ra, rb) = (root(&links, p.a), root(&links, p.b));
            if ra != rb {
                // Link the later root to the earlier: links always point down, so no cycles.
                let (lo, hi) = (ra.min(rb), ra.max(rb));
                links[hi] = Some(lo);
            }
        }
        Duplicates::from_duplicate_of(&links)
    }

    /// The group of speech `doc` (the smallest index among its copies).
    pub fn group(&self, doc: usize) -> usize {
        self.group.get(doc).copied().unwrap_or(doc)
    }

    /// How many distinct texts there are.
    pub fn groups(&self) -> usize {
        self.groups
    }

    /// Whether speech `doc` has a copy in the corpus.
    pub fn has_copies(&self, doc: usize) -> bool {
        let g = self.group(doc);
        self.group
            .iter()
            .enumerate()
            .any(|(i, &h)| h == g && i != doc)
    }

    /// The other speeches of `doc`'s group.
    pub fn copies_of(&self, doc: usize) -> Vec<usize> {
        let g = self.group(doc);
        (0..self.group.len())
            .filter(|&i| i != doc && self.group[i] == g)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_make_groups_named_by_their_smallest_member() {
        let d = Duplicates::from_duplicate_of(&[None, None, Some(0), Some(2), Some(9), Some(5)]);
        assert_eq!(
            (0..6).map(|i| d.group(i)).collect::<Vec<_>>(),
            [0, 1, 0, 0, 4, 5]
        );
        assert_eq!(d.groups(), 4);
        assert_eq!(d.copies_of(3), [0, 2]);
        assert!(!d.has_copies(1));
        // A cycle never hangs and keeps its members apart.
        let c = Duplicates::from_duplicate_of(&[Some(1), Some(0)]);
        assert_eq!(c.groups(), 2);
    }
}
