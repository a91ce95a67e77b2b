//! Formula units: short set phrases (提法) discovered from the corpus without a dictionary.
//!
//! The new-word discovery of Chinese NLP, on the comparison key: every run of Han characters
//! within a sentence (commas and quotes do not stop it) is cut into n-grams of 1 to
//! [`MAX_CHARS`] characters, counted level by level (an n-gram can only be frequent when both its
//! (n-1)-grams are, so each level only looks at the positions the previous one kept). A frequent
//! n-gram becomes a unit when
//! - its edges are free: many different characters (or clause ends) before and after it across its
//!   occurrences — left and right branching entropy; 三去一降一 is always followed by 补, so it is
//!   not a unit, 三去一降一补 is;
//! - its inside is cohesive: at every cut, the two halves occur together far more often than by
//!   chance (pointwise mutual information), so 的经济发展 is not a unit;
//! - it has at least [`MIN_CHARS`] characters, or [`MIN_QUOTED_CHARS`] when most of its
//!   occurrences are quoted (“放管服”);
//! - its edges fall on word boundaries of its context (jieba), checked afterwards
//!   ([`super::bounds`]).
//!
//! Counting is exact (n-grams are numbered level by level from pairs of (n-1)-gram numbers, no
//! hashing), so document counts agree with a substring search on the key. Only the neighbour
//! statistics (branching entropy, quoting) are read from a sample of at most
//! `ENTROPY_SAMPLE` occurrences spread over the corpus.
//!
//! A level is built without sorting the whole of it: the candidate positions are scattered into
//! the groups of their prefix ([`super::scatter`]), and only each group is sorted (by suffix,
//! then position). One buffer of level-tagged n-gram numbers serves every level.

use rayon::prelude::*;

use super::index::DocIndex;
use super::scatter;
use super::unit_stream::{build_stream, Stream, BREAK, QUOTE_AFTER, QUOTE_BEFORE};

/// Longest unit in key characters; longer repeated wording is found by the shingle index.
pub const MAX_CHARS: usize = 12;
/// Shortest unit.
pub const MIN_CHARS: usize = 4;
/// Shortest unit when most occurrences are quoted.
pub const MIN_QUOTED_CHARS: usize = 3;
/// Share of occurrences between quotes that makes a term "quoted".
pub const QUOTED_SHARE: f64 = 0.5;
/// Share of the corpus a unit must reach: speeches using it (at least 2).
pub const MIN_SHARE: f64 = 0.02;

/// Occurrences whose neighbours decide the branching entropy of an n-gram (and whether a
/// three-character one is mostly quoted).
const ENTROPY_SAMPLE: usize = 64;
/// Occurrences whose quotation marks give a unit's quoted share (within about 3%).
const QUOTED_SAMPLE: usize = 1024;

/// Minimum pointwise mutual information (natural log) at the weakest cut of a unit.
const MIN_COHESION: f64 = 1.5;

const NONE: u32 = u32::MAX;
/// Function characters (particles, conjunctions, prepositions) a unit never starts or ends with:
/// 的危机感 is 危机感 with the particle of whatever came before. Grammar, not a list of formulas.
const NO_START: &str = "的了着和与及或是把被对从向将并等而也都又其之";
const NO_END: &str = "的了着和与及或在是把被对从向将并而也又其之";

/// A frequent n-gram that passed the unit rules.
#[derive(Debug, Clone)]
pub struct Unit {
    /// The key characters (script-folded).
    pub key: String,
    /// Occurrences: (speech, first key position), in speech and text order.
    pub occurrences: Vec<(u32, u32)>,
    /// Number of speeches using it.
    pub documents: usize,
    /// Share of occurrences standing between quotation marks.
    pub quoted: f64,
}

/// One frequent n-gram of a level.
#[derive(Clone, Copy)]
struct Gram {
    occ: u32,
    /// Numbers of its prefix and suffix one character shorter, in the level below.
    pre: u32,
    suf: u32,
}

/// Entropy of a neighbour list where `BREAK` entries are each a neighbour of their own.
fn entropy(neigh: &mut [u32]) -> f64 {
    let n = neigh.len() as f64;
    neigh.sort_unstable();
    let mut h = 0.0;
    for run in neigh.chunk_by(|a, b| a == b) {
        if run[0] == BREAK {
            h += run.len() as f64 * (1.0 / n) * n.ln();
        } else {
            let p = run.len() as f64 / n;
            h -= p * p.ln();
        }
    }
    h
}

/// Minimum entropy each edge needs: a share of the most a list of this many occurrences can have,
/// capped so that common units need a fixed freedom (≈ 3 equally likely neighbours).
fn min_entropy(occ: usize) -> f64 {
    (0.5 * (occ as f64).ln()).min(1.0)
}

/// Discovers the units of a corpus: n-grams in at least `min_docs` speeches that pass the rules
/// of the module documentation (all but the word-boundary check).
pub fn discover(docs: &[&DocIndex], texts: &[&str], min_docs: usize) -> Vec<Unit> {
    let s = build_stream(docs, texts);
    let total = s.sym.len();
    let positions = s.sym.iter().filter(|&&c| c != BREAK).count().max(1) as f64;
    let min_docs = min_docs.max(2) as u32;

    // Level 1: characters in enough speeches, numbered densely in code point order (so every
    // level's numbering follows the order of its keys).
    let max_code = s.sym.iter().copied().max().unwrap_or(0) as usize;
    let mut occ1 = vec![0u32; max_code + 1];
    let mut docs1 = vec![0u32; max_code + 1];
    let mut last_doc = vec![NONE; max_code + 1];
    for d in 0..s.doc_starts.len() - 1 {
        for p in s.doc_starts[d] as usize..s.doc_starts[d + 1] as usize {
            let c = s.sym[p] as usize;
            if c == BREAK as usize {
                continue;
            }
            occ1[c] += 1;
            if last_doc[c] != d as u32 {
                last_doc[c] = d as u32;
                docs1[c] += 1;
            }
        }
    }
    drop(last_doc);
    let mut dense = vec![NONE; max_code + 1];
    let mut level1 = Vec::new();
    for c in 1..=max_code {
        if docs1[c] >= min_docs {
            dense[c] = level1.len() as u32;
            level1.push(Gram {
                occ: occ1[c],
                pre: NONE,
                suf: NONE,
            });
        }
    }
    // The number of the frequent n-gram starting at each position, tagged with its level `n`:
    // one buffer serves every level, since a level reads the numbers of the level below before
    // it writes its own, and a stale number (an older tag) reads as none.
    let mut ids: Vec<u32> = s
        .sym
        .par_iter()
        .map(|&c| match dense.get(c as usize) {
            Some(&d) if c != BREAK && d != NONE => tagged(1, d),
            _ => NONE,
        })
        .collect();
    drop((occ1, docs1, dense));
    // Positions where a frequent (n-1)-gram starts, in order: the only places an n-gram can.
    // (`None`: every position, until most of them have dropped out.)
    let mut live: Option<Vec<u32>> = None;
    let mut levels: Vec<Vec<Gram>> = vec![Vec::new(), level1];
    let mut units = Vec::new();
    // Lives through all levels: the entries of the current one.
    let mut entries: Vec<u64> = Vec::new();

    for n in 2..=MAX_CHARS {
        // Positions where both (n-1)-grams are frequent are the only candidates, grouped by
        // their prefix, each entry carrying the number of its suffix.
        let prefixes = levels[n - 1].len();
        let below = |p: usize| untag(n - 1, ids.get(p).copied().unwrap_or(NONE));
        let starts = scatter::by_group(
            live.as_ref().map_or(total.saturating_sub(1), Vec::len),
            prefixes,
            |i| {
                let p = live.as_ref().map_or(i, |l| l[i] as usize);
                let (a, b) = (below(p)?, below(p + 1)?);
                Some((a, (u64::from(b) << 32) | p as u64))
            },
            &mut entries,
        );
        let used = starts[prefixes];
        if used == 0 {
            break;
        }
        let mut groups: Vec<&mut [u64]> = Vec::with_capacity(prefixes);
        let mut rest: &mut [u64] = &mut entries[..used];
        for g in 0..prefixes {
            let (head, tail) = rest.split_at_mut(starts[g + 1] - starts[g]);
            groups.push(head);
            rest = tail;
        }
        // Within a prefix, sorting the entries orders them by suffix, then by position: each run
        // of one suffix is one n-gram with its occurrences in corpus order.
        let found: Vec<Vec<Found>> = groups
            .into_par_iter()
            .enumerate()
            .map(|(prefix, group)| {
                group.sort_unstable();
                let mut out = Vec::new();
                let mut offset = 0;
                for run in group.chunk_by(|x, y| x >> 32 == y >> 32) {
                    let start = offset;
                    offset += run.len();
                    if run.len() < min_docs as usize
                        || s.count_docs(run.iter().map(|&e| pos(e)), min_docs) < min_docs
                    {
                        continue;
                    }
                    let gram = Gram {
                        occ: run.len() as u32,
                        pre: prefix as u32,
                        suf: (run[0] >> 32) as u32,
                    };
                    let unit = (n >= MIN_QUOTED_CHARS)
                        .then(|| judge(&s, run, n, &gram, &levels, positions))
                        .flatten();
                    out.push(Found {
                        start,
                        len: run.len(),
                        gram,
                        unit,
                    });
                }
                out
            })
            .collect();
        // Numbers in key order; each group writes its own entries' positions (every position is
        // in exactly one entry), so the writes run in parallel.
        let kept: usize = found.iter().flatten().map(|f| f.len).sum();
        let mut first_id = Vec::with_capacity(found.len());
        let mut level = Vec::new();
        for runs in &found {
            first_id.push(level.len() as u32);
            level.extend(runs.iter().map(|f| f.gram));
        }
        let w = scatter::Disjoint(ids.as_mut_ptr());
        let entries_ref = &entries;
        found
            .par_iter()
            .zip(first_id)
            .enumerate()
            .for_each(|(prefix, (runs, id0))| {
                for (i, f) in runs.iter().enumerate() {
                    let from = starts[prefix] + f.start;
                    for &e in &entries_ref[from..from + f.len] {
                        // SAFETY: `pos(e) < total` (entries are stream positions) and each
                        // position is in one entry of one run, written by this group alone; the
                        // level below was read in full before.
                        unsafe { w.write(pos(e), tagged(n, id0 + i as u32)) };
                    }
                }
            });
        units.extend(found.into_iter().flatten().filter_map(|f| f.unit));
        if level.is_empty() {
            break;
        }
        levels.push(level);
        // The list of places is shortened once it is mostly stale (places that no longer start
        // a frequent n-gram are skipped by their tags anyway).
        let places = live.as_ref().map_or(total, Vec::len);
        if kept * 2 < places {
            let now = |p: usize| untag(n, ids[p]).is_some();
            live = Some(match live.take() {
                Some(l) => l.into_par_iter().filter(|&p| now(p as usize)).collect(),
                None => (0..total as u32)
                    .into_par_iter()
                    .filter(|&p| now(p as usize))
                    .collect(),
            });
        }
    }
    units
}

/// A frequent n-gram of a level: its entries (`start..start + len` of its prefix's group), its
/// counts, and the unit it makes, if any.
struct Found {
    start: usize,
    len: usize,
    gram: Gram,
    unit: Option<Unit>,
}

/// Level numbers are kept in the top bits of a tagged n-gram number.
const TAG_SHIFT: u32 = 27;

fn tagged(level: usize, id: u32) -> u32 {
    debug_assert!(id < 1 << TAG_SHIFT && level < 16);
    ((level as u32) << TAG_SHIFT) | id
}

/// The number of a tagged value of level `level`, none for other levels.
fn untag(level: usize, value: u32) -> Option<u32> {
    (value != NONE && (value >> TAG_SHIFT) as usize == level)
        .then_some(value & ((1 << TAG_SHIFT) - 1))
}

/// The stream position of an entry `(suffix << 32) | position`.
fn pos(entry: u64) -> usize {
    (entry & 0xFFFF_FFFF) as usize
}

/// Occurrences of the part of `k` characters of a gram of level `n`: its prefix (`prefix`) or
/// its suffix, reached through the chain of shorter prefixes or suffixes.
fn part_occ(levels: &[Vec<Gram>], n: usize, gram: &Gram, k: usize, prefix: bool) -> u32 {
    let mut g = *gram;
    let mut level = n;
    while level > k {
        let id = if prefix { g.pre } else { g.suf };
        level -= 1;
        g = levels[level][id as usize];
    }
    g.occ
}

/// Whether the n-gram of a group is a unit, and the unit if so.
fn judge(
    s: &Stream,
    group: &[u64],
    n: usize,
    gram: &Gram,
    levels: &[Vec<Gram>],
    positions: f64,
) -> Option<Unit> {
    let occ = group.len();
    let first = char::from_u32(s.sym[pos(group[0])]).unwrap_or(' ');
    let last = char::from_u32(s.sym[pos(group[0]) + n - 1]).unwrap_or(' ');
    if NO_START.contains(first) || NO_END.contains(last) {
        return None;
    }
    // The cheap test first: cohesion needs only the counts of the parts.
    // Weakest cut: prefix of k characters and suffix of n - k.
    let mut cohesion = f64::INFINITY;
    for k in 1..n {
        let a = part_occ(levels, n, gram, k, true) as f64;
        let b = part_occ(levels, n, gram, n - k, false) as f64;
        cohesion = cohesion.min((occ as f64 * positions / (a * b)).ln());
    }
    if cohesion < MIN_COHESION {
        return None;
    }
    // Neighbours and quotation marks are read from at most `ENTROPY_SAMPLE` occurrences spread
    // evenly over the corpus: a sample that large decides the tests as the whole list does (the
    // entropy bar is about one nat), and the commonest n-grams, with tens of thousands of
    // occurrences, no longer cost a scattered read each.
    let step = occ.div_ceil(ENTROPY_SAMPLE).max(1);
    let quoted_share = |step: usize| {
        let (mut quoted, mut seen) = (0usize, 0usize);
        for &e in group.iter().step_by(step) {
            let p = pos(e);
            seen += 1;
            quoted +=
                (s.quote[p] & QUOTE_BEFORE != 0 && s.quote[p + n - 1] & QUOTE_AFTER != 0) as usize;
        }
        quoted as f64 / seen.max(1) as f64
    };
    if n < MIN_CHARS && quoted_share(step) < QUOTED_SHARE {
        return None;
    }
    // A quotation mark is an edge the writer drew: whatever stands beyond it is no neighbour.
    // (Every part of the stream starts and ends with a break, so `p - 1` and `p + n` exist.)
    let left_of = |p: usize| {
        if s.quote[p] & QUOTE_BEFORE != 0 {
            BREAK
        } else {
            s.sym[p - 1]
        }
    };
    let right_of = |p: usize| {
        if s.quote[p + n - 1] & QUOTE_AFTER != 0 {
            BREAK
        } else {
            s.sym[p + n]
        }
    };
    // A fragment of a longer unit always has the same neighbour on one side: its entropy is
    // zero. The sampled neighbours of each side are read once, into a buffer on the stack.
    let need = min_entropy(occ);
    let mut neigh = [0u32; ENTROPY_SAMPLE];
    for side in [&left_of as &dyn Fn(usize) -> u32, &right_of] {
        let mut k = 0;
        for &e in group.iter().step_by(step) {
            neigh[k] = side(pos(e));
            k += 1;
        }
        if entropy(&mut neigh[..k]) < need {
            return None;
        }
    }
    let p0 = pos(group[0]);
    let key: String = s.sym[p0..p0 + n]
        .iter()
        .filter_map(|&c| char::from_u32(c))
        .collect();
    let (mut doc, mut end) = (0u32, 0usize);
    let occurrences: Vec<(u32, u32)> = group
        .iter()
        .map(|&e| {
            let p = pos(e);
            if p >= end {
                doc = s.doc_of(p);
                end = s.doc_starts[doc as usize + 1] as usize;
            }
            (doc, s.key_pos[p])
        })
        .collect();
    let documents = occurrences.chunk_by(|a, b| a.0 == b.0).count();
    Some(Unit {
        key,
        occurrences,
        documents,
        quoted: quoted_share(occ.div_ceil(QUOTED_SAMPLE).max(1)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(texts: &[&str], min_docs: usize) -> Vec<Unit> {
        let idx: Vec<DocIndex> = texts.iter().map(|t| DocIndex::build(t)).collect();
        let refs: Vec<&DocIndex> = idx.iter().collect();
        discover(&refs, texts, min_docs)
    }

    #[test]
    fn entropy_counts_clause_ends_as_distinct() {
        assert_eq!(entropy(&mut [7, 7, 7]), 0.0);
        let free = entropy(&mut [BREAK, BREAK, BREAK]);
        assert!((free - 3f64.ln()).abs() < 1e-9);
    }

    #[test]
    fn a_formula_with_varied_context_is_a_unit_and_its_fragments_are_not() {
        let texts = [
            "我们要推进三去一降一补，做好各项工作。",
            "扎实抓好三去一降一补工作。",
            "坚持“三去一降一补”。深化放管服改革。",
            "落实三去一降一补任务，推进“放管服”。",
            "继续“放管服”改革，巩固三去一降一补成果。",
        ];
        let found = units(&texts, 2);
        let keys: Vec<&str> = found.iter().map(|u| u.key.as_str()).collect();
        assert!(keys.contains(&"三去一降一补"), "{keys:?}");
        assert!(!keys.contains(&"三去一降一"), "{keys:?}");
        assert!(!keys.contains(&"去一降一补"), "{keys:?}");
        // Three characters, quoted in most of its occurrences.
        assert!(keys.contains(&"放管服"), "{keys:?}");
        let u = found.iter().find(|u| u.key == "三去一降一补").unwrap();
        assert_eq!(u.documents, 5);
        assert_eq!(u.occurrences.len(), 5);
    }
}
