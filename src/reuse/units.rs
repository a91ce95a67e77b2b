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
//! - its edges fall on word boundaries of its context (jieba), checked afterwards in [`super::kinds`].
//!
//! Counting is exact (n-grams are numbered level by level from pairs of (n-1)-gram numbers, no
//! hashing), so document counts agree with a substring search on the key.

use rayon::prelude::*;

use super::index::DocIndex;
use crate::text::key::{DIGITS, WILDCARD};

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

/// Minimum pointwise mutual information (natural log) at the weakest cut of a unit.
const MIN_COHESION: f64 = 1.5;

const NONE: u32 = u32::MAX;
/// Function characters (particles, conjunctions, prepositions) a unit never starts or ends with:
/// 的危机感 is 危机感 with the particle of whatever came before. Grammar, not a list of formulas.
const NO_START: &str = "的了着和与及或是把被对从向将并等而也都又其之";
const NO_END: &str = "的了着和与及或在是把被对从向将并而也又其之";

/// Symbol of a clause break (punctuation, figures, Latin, speech ends).
const BREAK: u32 = 0;

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

/// The corpus laid end to end as symbols, with a break between clauses and between speeches.
struct Stream {
    sym: Vec<u32>,
    /// Speech of each position.
    doc: Vec<u32>,
    /// Key position of each symbol in its speech (`NONE` for breaks).
    key_pos: Vec<u32>,
    /// A quotation mark stands just before / just after the position.
    quote_before: Vec<bool>,
    quote_after: Vec<bool>,
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '“' | '”'
            | '‘'
            | '’'
            | '「'
            | '」'
            | '『'
            | '』'
            | '"'
            | '\''
            | '《'
            | '》'
            | '〈'
            | '〉'
    )
}

/// Marks that end a sentence: no unit runs across them (nor across quotation marks). Commas and
/// enumeration marks do not stop a unit (一分部署，九分落实 and 九牛爬坡、个个出力 are one formula
/// each).
fn is_hard(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n' | '\r' | '…'
    )
}

/// One speech as symbols: key characters, with a break wherever the cleaned text ends a sentence
/// between two key characters, and around figures, placeholders and Latin.
fn stream_of(idx: &DocIndex, text: &str) -> (Vec<u32>, Vec<u32>, Vec<bool>, Vec<bool>) {
    let chars: Vec<char> = text.chars().collect();
    let n = idx.chars.len();
    let cap = n + n / 8 + 2;
    let (mut sym, mut key_pos) = (Vec::with_capacity(cap), Vec::with_capacity(cap));
    let (mut qb, mut qa) = (Vec::with_capacity(cap), Vec::with_capacity(cap));
    let push_break =
        |sym: &mut Vec<u32>, kp: &mut Vec<u32>, qb: &mut Vec<bool>, qa: &mut Vec<bool>| {
            if sym.last() != Some(&BREAK) {
                sym.push(BREAK);
                kp.push(NONE);
                qb.push(false);
                qa.push(false);
            }
        };
    push_break(&mut sym, &mut key_pos, &mut qb, &mut qa);
    for i in 0..=n {
        let gap_start = if i == 0 { 0 } else { idx.ends[i - 1] as usize };
        let gap_end = if i == n {
            chars.len().min(gap_start + 2)
        } else {
            idx.map[i] as usize
        };
        let gap = chars
            .get(gap_start..gap_end.min(chars.len()))
            .unwrap_or(&[]);
        let quoted = gap.iter().any(|&g| is_quote(g));
        if quoted && sym.last() != Some(&BREAK) {
            if let Some(last) = qa.last_mut() {
                *last = true;
            }
        }
        if i == n {
            break;
        }
        // A quoted term is a unit of its own: no unit runs across a quotation mark.
        if quoted || gap.iter().any(|&g| is_hard(g)) {
            push_break(&mut sym, &mut key_pos, &mut qb, &mut qa);
        }
        let c = idx.chars[i];
        if c == DIGITS || c == WILDCARD || !is_han(c) {
            push_break(&mut sym, &mut key_pos, &mut qb, &mut qa);
            continue;
        }
        sym.push(c as u32);
        key_pos.push(i as u32);
        qb.push(quoted);
        qa.push(false);
    }
    push_break(&mut sym, &mut key_pos, &mut qb, &mut qa);
    (sym, key_pos, qb, qa)
}

fn build_stream(docs: &[&DocIndex], texts: &[&str]) -> Stream {
    let parts: Vec<_> = docs
        .par_iter()
        .zip(texts.par_iter())
        .map(|(d, t)| stream_of(d, t))
        .collect();
    let total: usize = parts.iter().map(|p| p.0.len()).sum();
    let mut s = Stream {
        sym: Vec::with_capacity(total),
        doc: Vec::with_capacity(total),
        key_pos: Vec::with_capacity(total),
        quote_before: Vec::with_capacity(total),
        quote_after: Vec::with_capacity(total),
    };
    for (d, (sym, kp, qb, qa)) in parts.into_iter().enumerate() {
        s.doc.extend(std::iter::repeat_n(d as u32, sym.len()));
        s.sym.extend(sym);
        s.key_pos.extend(kp);
        s.quote_before.extend(qb);
        s.quote_after.extend(qa);
    }
    s
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

    // Level 1: characters, numbered by their code point.
    let max_code = s.sym.iter().copied().max().unwrap_or(0) as usize;
    let mut occ1 = vec![0u32; max_code + 1];
    let mut docs1 = vec![0u32; max_code + 1];
    let mut last_doc = vec![NONE; max_code + 1];
    for p in 0..total {
        let c = s.sym[p] as usize;
        if c == BREAK as usize {
            continue;
        }
        occ1[c] += 1;
        if last_doc[c] != s.doc[p] {
            last_doc[c] = s.doc[p];
            docs1[c] += 1;
        }
    }
    drop(last_doc);
    let mut ids: Vec<u32> = s
        .sym
        .par_iter()
        .map(|&c| {
            if c != BREAK && docs1[c as usize] >= min_docs {
                c
            } else {
                NONE
            }
        })
        .collect();
    let level1: Vec<Gram> = occ1
        .iter()
        .map(|&occ| Gram {
            occ,
            pre: NONE,
            suf: NONE,
        })
        .collect();
    let mut levels: Vec<Vec<Gram>> = vec![Vec::new(), level1];
    let mut units = Vec::new();

    for n in 2..=MAX_CHARS {
        // Positions where both (n-1)-grams are frequent: the only candidates.
        let entries: Vec<(u64, u32)> = (0..total.saturating_sub(1))
            .into_par_iter()
            .filter_map(|p| {
                let (a, b) = (ids[p], ids[p + 1]);
                (a != NONE && b != NONE).then_some((((a as u64) << 32) | b as u64, p as u32))
            })
            .collect();
        if entries.is_empty() {
            break;
        }
        let entries = group_sort(entries, levels[n - 1].len());
        let groups: Vec<&[(u64, u32)]> = entries.chunk_by(|x, y| x.0 == y.0).collect();
        struct Found {
            gram: Gram,
            unit: Option<Unit>,
        }
        let found: Vec<Option<Found>> = groups
            .par_iter()
            .map(|g| {
                let mut n_docs = 0u32;
                let mut last = NONE;
                for &(_, p) in g.iter() {
                    let d = s.doc[p as usize];
                    n_docs += (d != last) as u32;
                    last = d;
                }
                if n_docs < min_docs {
                    return None;
                }
                let key = g[0].0;
                let gram = Gram {
                    occ: g.len() as u32,
                    pre: (key >> 32) as u32,
                    suf: key as u32,
                };
                let unit = (n >= MIN_QUOTED_CHARS)
                    .then(|| judge(&s, g, n, n_docs, &gram, &levels, positions))
                    .flatten();
                Some(Found { gram, unit })
            })
            .collect();
        let mut level = Vec::new();
        let mut next = vec![NONE; total];
        for (g, f) in groups.iter().zip(found) {
            let Some(f) = f else { continue };
            let id = level.len() as u32;
            level.push(f.gram);
            for &(_, p) in g.iter() {
                next[p as usize] = id;
            }
            if let Some(u) = f.unit {
                units.push(u);
            }
        }
        if level.is_empty() {
            break;
        }
        levels.push(level);
        ids = next;
    }
    units
}

/// Entries sorted by key, positions in order within each key: a stable counting scatter into
/// buckets by the prefix number (numbers are dense, `0..prefixes`), then each bucket, a few
/// thousand entries, sorted stably in cache and in parallel. Several times faster than one
/// parallel sort of the whole level, which dominated the discovery.
fn group_sort(entries: Vec<(u64, u32)>, prefixes: usize) -> Vec<(u64, u32)> {
    let nb = (entries.len() / 4096).clamp(1, 1 << 16);
    let prefixes = prefixes.max(1) as u64;
    let bucket = |key: u64| ((key >> 32) * nb as u64 / prefixes).min(nb as u64 - 1) as usize;
    let mut starts = vec![0usize; nb + 1];
    for e in &entries {
        starts[bucket(e.0) + 1] += 1;
    }
    for b in 0..nb {
        starts[b + 1] += starts[b];
    }
    let mut cursor = starts.clone();
    let mut out = vec![(0u64, 0u32); entries.len()];
    for e in entries {
        let b = bucket(e.0);
        out[cursor[b]] = e;
        cursor[b] += 1;
    }
    let mut slices: Vec<&mut [(u64, u32)]> = Vec::with_capacity(nb);
    let mut rest: &mut [(u64, u32)] = &mut out;
    for b in 0..nb {
        let (head, tail) = rest.split_at_mut(starts[b + 1] - starts[b]);
        slices.push(head);
        rest = tail;
    }
    slices.into_par_iter().for_each(|s| s.sort_by_key(|e| e.0));
    out
}

/// Occurrences of the gram numbered `id` at level `n` (its prefix chain down to a character):
/// the count of the prefix of `k` characters.
fn prefix_occ(levels: &[Vec<Gram>], n: usize, gram: &Gram, k: usize) -> u32 {
    let mut g = *gram;
    let mut level = n;
    while level > k {
        let id = g.pre;
        level -= 1;
        g = levels[level][id as usize];
    }
    g.occ
}

fn suffix_occ(levels: &[Vec<Gram>], n: usize, gram: &Gram, k: usize) -> u32 {
    let mut g = *gram;
    let mut level = n;
    while level > k {
        let id = g.suf;
        level -= 1;
        g = levels[level][id as usize];
    }
    g.occ
}

/// Whether the n-gram of a group is a unit, and the unit if so.
fn judge(
    s: &Stream,
    group: &[(u64, u32)],
    n: usize,
    n_docs: u32,
    gram: &Gram,
    levels: &[Vec<Gram>],
    positions: f64,
) -> Option<Unit> {
    let occ = group.len();
    let first = char::from_u32(s.sym[group[0].1 as usize]).unwrap_or(' ');
    let last = char::from_u32(s.sym[group[0].1 as usize + n - 1]).unwrap_or(' ');
    if NO_START.contains(first) || NO_END.contains(last) {
        return None;
    }
    // The cheap test first: cohesion needs only the counts of the parts.
    // Weakest cut: prefix of k characters and suffix of n - k.
    let mut cohesion = f64::INFINITY;
    for k in 1..n {
        let a = prefix_occ(levels, n, gram, k) as f64;
        let b = suffix_occ(levels, n, gram, n - k) as f64;
        cohesion = cohesion.min((occ as f64 * positions / (a * b)).ln());
    }
    if cohesion < MIN_COHESION {
        return None;
    }
    let mut quoted = 0usize;
    for &(_, p) in group {
        let p = p as usize;
        quoted += (s.quote_before[p] && s.quote_after[p + n - 1]) as usize;
    }
    let quoted = quoted as f64 / occ as f64;
    if n < MIN_CHARS && quoted < QUOTED_SHARE {
        return None;
    }
    // A fragment of a longer unit always has the same neighbour on one side: rejected without
    // sorting its neighbours.
    let left_of = |p: usize| {
        if s.quote_before[p] {
            BREAK
        } else {
            s.sym[p - 1]
        }
    };
    let right_of = |p: usize| {
        if s.quote_after[p + n - 1] {
            BREAK
        } else {
            s.sym[p + n]
        }
    };
    for side in [&left_of as &dyn Fn(usize) -> u32, &right_of] {
        let first = side(group[0].1 as usize);
        if first != BREAK && group.iter().all(|&(_, p)| side(p as usize) == first) {
            return None;
        }
    }
    let need = min_entropy(occ);
    // A quotation mark is an edge the writer drew: whatever stands beyond it is no neighbour.
    let mut neigh: Vec<u32> = group
        .iter()
        .map(|&(_, p)| {
            let p = p as usize;
            if s.quote_before[p] {
                BREAK
            } else {
                s.sym[p - 1]
            }
        })
        .collect();
    let left = entropy(&mut neigh);
    if left < need {
        return None;
    }
    neigh.clear();
    neigh.extend(group.iter().map(|&(_, p)| {
        let p = p as usize;
        if s.quote_after[p + n - 1] {
            BREAK
        } else {
            s.sym[p + n]
        }
    }));
    let right = entropy(&mut neigh);
    if right < need {
        return None;
    }
    let p0 = group[0].1 as usize;
    let key: String = s.sym[p0..p0 + n]
        .iter()
        .filter_map(|&c| char::from_u32(c))
        .collect();
    let occurrences = group
        .iter()
        .map(|&(_, p)| (s.doc[p as usize], s.key_pos[p as usize]))
        .collect();
    Some(Unit {
        key,
        occurrences,
        documents: n_docs as usize,
        quoted,
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
