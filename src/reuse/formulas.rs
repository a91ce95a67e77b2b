//! Formulas: repeated wording grouped across the corpus.
//!
//! The segments of the index are exact repeats cut wherever any speech's wording branches off. A
//! formula joins segments that nearly always follow one another (a boilerplate sentence with a
//! variant word in a few speeches stays one formula), then picks as its representative the wording
//! most speeches use verbatim.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::index::{DocIndex, Segment, SHINGLE};
use super::{Formula, Occurrence};
use crate::text::key::{DIGITS, WILDCARD};
use crate::text::Span;

/// Two segments join one formula when at least this share of the occurrences of each is
/// immediately followed (resp. preceded) by the other.
const JOIN_SHARE: f64 = 0.6;

/// Segments of the same wording, numbered.
pub struct Unitigs {
    /// Unitig of each segment.
    pub of_segment: Vec<u32>,
    /// Number of occurrences of each unitig.
    pub occ: Vec<u32>,
    /// Number of speeches each unitig occurs in.
    pub docs: Vec<u32>,
}

pub fn unitigs(segs: &[Segment]) -> Unitigs {
    let mut order: Vec<u32> = (0..segs.len() as u32).collect();
    order.par_sort_unstable_by_key(|&i| {
        let s = &segs[i as usize];
        (s.first, s.doc, s.start)
    });
    let mut of_segment = vec![0u32; segs.len()];
    let (mut occ, mut docs) = (Vec::new(), Vec::new());
    for group in order.chunk_by(|&x, &y| segs[x as usize].first == segs[y as usize].first) {
        let id = occ.len() as u32;
        let mut n_docs = 0u32;
        let mut last_doc = u32::MAX;
        for &i in group {
            of_segment[i as usize] = id;
            let d = segs[i as usize].doc;
            n_docs += (d != last_doc) as u32;
            last_doc = d;
        }
        occ.push(group.len() as u32);
        docs.push(n_docs);
    }
    Unitigs {
        of_segment,
        occ,
        docs,
    }
}

fn find(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        parent[x as usize] = parent[parent[x as usize] as usize];
        x = parent[x as usize];
    }
    x
}

/// Whether segment `j` directly continues segment `i` in the same speech.
fn adjacent(segs: &[Segment], i: usize, j: usize) -> bool {
    segs[i].doc == segs[j].doc && segs[j].start == segs[i].end
}

/// The formula (family of unitigs) of each unitig.
fn families(segs: &[Segment], u: &Unitigs) -> Vec<u32> {
    let mut transitions: Vec<(u32, u32)> = (1..segs.len())
        .filter(|&j| adjacent(segs, j - 1, j))
        .map(|j| (u.of_segment[j - 1], u.of_segment[j]))
        .filter(|(a, b)| a != b)
        .collect();
    transitions.par_sort_unstable();
    let mut parent: Vec<u32> = (0..u.occ.len() as u32).collect();
    for run in transitions.chunk_by(|x, y| x == y) {
        let (a, b) = run[0];
        let t = run.len() as f64;
        if t >= JOIN_SHARE * u.occ[a as usize] as f64 && t >= JOIN_SHARE * u.occ[b as usize] as f64
        {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            parent[ra.max(rb) as usize] = ra.min(rb);
        }
    }
    (0..parent.len() as u32)
        .map(|x| find(&mut parent, x))
        .collect()
}

/// One occurrence of a formula: adjacent segments `lo..hi` of one speech.
#[derive(Debug, Clone, Copy)]
pub struct FormulaOcc {
    pub family: u32,
    pub doc: u32,
    pub lo: u32,
    pub hi: u32,
}

/// What the figures need besides the formulas themselves.
pub struct Grouping {
    pub formulas: Vec<Formula>,
    /// Every occurrence of a ranked formula, in speech and text order, with its formula's rank.
    pub occurrences: Vec<(FormulaOcc, usize)>,
}

/// Groups the segments into formulas, ranked by how many speeches use the representative wording.
pub fn group(
    segs: &[Segment],
    u: &Unitigs,
    docs: &[&DocIndex],
    texts: &[&str],
    years: &[Option<i32>],
) -> Grouping {
    let family = families(segs, u);
    let mut occs: Vec<FormulaOcc> = Vec::new();
    for j in 0..segs.len() {
        let f = family[u.of_segment[j] as usize];
        match occs.last_mut() {
            Some(o) if o.family == f && adjacent(segs, j - 1, j) => o.hi = j as u32 + 1,
            _ => occs.push(FormulaOcc {
                family: f,
                doc: segs[j].doc,
                lo: j as u32,
                hi: j as u32 + 1,
            }),
        }
    }
    // Occurrences by formula, in speech order within each: (family, index) packed in one word.
    let mut packed: Vec<u64> = occs
        .iter()
        .enumerate()
        .map(|(i, o)| ((o.family as u64) << 32) | i as u64)
        .collect();
    packed.par_sort_unstable();
    let order: Vec<u32> = packed.into_iter().map(|x| x as u32).collect();

    let key_range = |o: &FormulaOcc| (segs[o.lo as usize].start, segs[o.hi as usize - 1].end);
    let unitig_seq = |o: &FormulaOcc| &u.of_segment[o.lo as usize..o.hi as usize];

    struct Draft {
        family: u32,
        example: FormulaOcc,
        key_chars: usize,
        documents: usize,
        variant_documents: usize,
        years: Option<(i32, i32)>,
    }
    let groups: Vec<&[u32]> = order
        .chunk_by(|&x, &y| occs[x as usize].family == occs[y as usize].family)
        .collect();
    let mut drafts: Vec<Draft> = groups
        .par_iter()
        .filter_map(|group| {
            let members: Vec<&FormulaOcc> = group.iter().map(|&i| &occs[i as usize]).collect();
            let variant_documents = count_docs(members.iter().map(|o| o.doc));
            if variant_documents < 2 {
                return None;
            }
            let seqs: Vec<&[u32]> = members.iter().map(|o| unitig_seq(o)).collect();
            let rep = representative(&members, &seqs, u);
            let example = FormulaOcc {
                family: members[rep.member].family,
                doc: members[rep.member].doc,
                lo: members[rep.member].lo + rep.start as u32,
                hi: members[rep.member].lo + rep.end as u32,
            };
            let documents = rep.documents;
            let mut span_years = members.iter().filter_map(|o| years[o.doc as usize]);
            let years = span_years
                .next()
                .map(|y| span_years.fold((y, y), |(lo, hi), y| (lo.min(y), hi.max(y))));
            let (s, e) = key_range(&example);
            Some(Draft {
                family: members[0].family,
                example,
                key_chars: DocIndex::key_chars(s as usize, e as usize),
                documents,
                variant_documents,
                years,
            })
        })
        .collect();
    drafts.par_sort_by_key(|d| {
        (
            std::cmp::Reverse(d.documents),
            std::cmp::Reverse(d.variant_documents),
            std::cmp::Reverse(d.key_chars),
            d.example.doc,
            d.example.lo,
        )
    });

    let mut rank_of_family = vec![usize::MAX; u.occ.len()];
    for (rank, d) in drafts.iter().enumerate() {
        rank_of_family[d.family as usize] = rank;
    }
    let span_of = |o: &FormulaOcc| {
        let (s, e) = key_range(o);
        docs[o.doc as usize].text_span(s as usize, e as usize)
    };
    // Each formula's list sized once (its group is its occurrences).
    let mut per_formula: Vec<Vec<Occurrence>> = vec![Vec::new(); drafts.len()];
    for group in &groups {
        let rank = rank_of_family[occs[group[0] as usize].family as usize];
        if rank != usize::MAX {
            per_formula[rank] = Vec::with_capacity(group.len());
        }
    }
    let mut occurrences = Vec::with_capacity(occs.len());
    for o in &occs {
        let rank = rank_of_family[o.family as usize];
        if rank != usize::MAX {
            per_formula[rank].push(Occurrence {
                doc: o.doc as usize,
                span: span_of(o),
            });
            occurrences.push((*o, rank));
        }
    }
    let rep_spans: Vec<(usize, Span)> = drafts
        .iter()
        .map(|d| (d.example.doc as usize, span_of(&d.example)))
        .collect();
    let rep_texts = slice_texts(texts, &rep_spans);
    let templates: Vec<String> = drafts
        .par_iter()
        .zip(&rep_texts)
        .map(|(d, text)| {
            let (s, e) = key_range(&d.example);
            template(text, docs[d.example.doc as usize], s as usize, e as usize)
        })
        .collect();
    let formulas = drafts
        .into_iter()
        .zip(per_formula)
        .zip(rep_texts)
        .zip(rep_spans.iter())
        .zip(templates)
        .map(
            |((((d, occurrences), text), &(doc, span)), template)| Formula {
                text: text.to_string(),
                template,
                representative: Occurrence { doc, span },
                key_chars: d.key_chars,
                documents: d.documents,
                variant_documents: d.variant_documents,
                occurrences,
                years: d.years,
                kind: super::Kind::default(),
                score: 0.0,
                by_year: Vec::new(),
                undated: 0,
                quoted: 0.0,
                variants: Vec::new(),
                unit: false,
            },
        )
        .collect();
    Grouping {
        formulas,
        occurrences,
    }
}

/// A formula's representative: unitigs `start..end` of member occurrence `member`.
struct Representative {
    member: usize,
    start: usize,
    end: usize,
    /// Speeches holding it verbatim.
    documents: usize,
}

/// A representative keeps at least this share of the speeches of the formula's core.
const REP_KEEP: f64 = 0.8;

/// The representative wording of a formula: its most widely used unitig (the core), extended one
/// neighbour at a time on the side most speeches share, while at least `REP_KEEP` of the core's
/// speeches still hold the whole wording verbatim. So 民主党派、工商联、无党派人士 is not
/// reported as 各民主党派… just because most speeches, not all, put 各 in front.
fn representative(members: &[&FormulaOcc], seqs: &[&[u32]], u: &Unitigs) -> Representative {
    let core = seqs
        .iter()
        .flat_map(|s| s.iter().copied())
        .max_by_key(|&x| (u.docs[x as usize], std::cmp::Reverse(x)))
        .expect("a formula has unitigs");
    let mut rep = vec![core];
    // Where each member holds the representative (first place), and how many speeches do.
    let holders = |rep: &[u32]| -> Vec<(usize, usize)> {
        seqs.iter()
            .enumerate()
            .filter_map(|(m, s)| s.windows(rep.len()).position(|w| w == rep).map(|p| (m, p)))
            .collect()
    };
    let docs_of = |h: &[(usize, usize)]| count_docs(h.iter().map(|&(m, _)| members[m].doc));
    let mut held = holders(&rep);
    let core_docs = docs_of(&held);
    let needed = (REP_KEEP * core_docs as f64).ceil() as usize;
    loop {
        // Speeches per possible extension: (to the right?, unitig) -> (speeches, last speech seen).
        let mut ext: FxHashMap<(bool, u32), (usize, u32)> = FxHashMap::default();
        for &(m, p) in &held {
            let s = seqs[m];
            let d = members[m].doc;
            let mut count = |key| {
                let e = ext.entry(key).or_insert((0, u32::MAX));
                if e.1 != d {
                    e.0 += 1;
                    e.1 = d;
                }
            };
            if let Some(&next) = s.get(p + rep.len()) {
                count((true, next));
            }
            if p > 0 {
                count((false, s[p - 1]));
            }
        }
        let best = ext
            .into_iter()
            .max_by_key(|&((right, x), (n, _))| (n, right, std::cmp::Reverse(x)));
        match best {
            Some(((right, x), (n, _))) if n >= needed && rep.len() < 256 => {
                if right {
                    rep.push(x);
                } else {
                    rep.insert(0, x);
                }
                held = holders(&rep);
            }
            _ => break,
        }
    }
    let (member, start) = held[0];
    Representative {
        member,
        start,
        end: start + rep.len(),
        documents: docs_of(&held),
    }
}

/// The representative `text` (shingles `start..end` of `idx`) with each number shown as `#` and
/// each placeholder run as `…`: the key matches them whatever they hold, so the formula is the
/// wording around them, not the figures of the one speech the text was taken from.
fn template(text: &str, idx: &DocIndex, start: usize, end: usize) -> String {
    let keys = start..end - 1 + SHINGLE;
    let base = idx.map[start] as usize;
    let mut slots: Vec<(usize, usize, &str)> = keys
        .filter_map(|i| match idx.chars[i] {
            DIGITS => Some((idx.map[i] as usize - base, idx.ends[i] as usize - base, "#")),
            WILDCARD => Some((idx.map[i] as usize - base, idx.ends[i] as usize - base, "…")),
            _ => None,
        })
        .collect();
    if slots.is_empty() {
        return text.to_string();
    }
    slots.reverse();
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        match slots.last() {
            Some(&(s, e, with)) if i >= s => {
                if i == s {
                    out.push_str(with);
                }
                if i + 1 >= e {
                    slots.pop();
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// Distinct speeches in a run sorted by speech.
fn count_docs(docs: impl Iterator<Item = u32>) -> usize {
    let mut last = u32::MAX;
    let mut n = 0;
    for d in docs {
        n += (d != last) as usize;
        last = d;
    }
    n
}

/// The text of each `(doc, span)`, with one char-to-byte pass per speech involved.
pub(super) fn slice_texts<'a>(texts: &[&'a str], spans: &[(usize, Span)]) -> Vec<&'a str> {
    let mut by_doc: Vec<u32> = (0..spans.len() as u32).collect();
    by_doc.sort_by_key(|&i| spans[i as usize].0);
    let mut out = vec![""; spans.len()];
    let parts: Vec<Vec<(u32, &str)>> = by_doc
        .chunk_by(|&x, &y| spans[x as usize].0 == spans[y as usize].0)
        .collect::<Vec<_>>()
        .par_iter()
        .map(|group| {
            let text = texts[spans[group[0] as usize].0];
            // The byte offsets of just the char positions asked for, in one walk of the text.
            let mut wanted: Vec<usize> = group
                .iter()
                .flat_map(|&i| [spans[i as usize].1.start, spans[i as usize].1.end])
                .collect();
            wanted.sort_unstable();
            wanted.dedup();
            let mut bytes = Vec::with_capacity(wanted.len());
            // Chars are counted by their first bytes (no decoding).
            let mut chars = 0usize;
            let mut next = wanted.iter().peekable();
            for (b, &byte) in text.as_bytes().iter().enumerate() {
                if byte & 0xC0 == 0x80 {
                    continue;
                }
                while next.next_if(|&&w| w == chars).is_some() {
                    bytes.push(b);
                }
                if next.peek().is_none() {
                    break;
                }
                chars += 1;
            }
            bytes.resize(wanted.len(), text.len());
            let byte = |c: usize| bytes[wanted.partition_point(|&w| w < c)];
            group
                .iter()
                .map(|&i| {
                    let s = spans[i as usize].1;
                    (i, &text[byte(s.start)..byte(s.end)])
                })
                .collect()
        })
        .collect();
    for (i, t) in parts.into_iter().flatten() {
        out[i as usize] = t;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_hide_the_figures_of_one_speech() {
        let text = "全年增长10.7%，社会消费品零售总额XX亿元";
        let idx = DocIndex::build(text);
        let shingles = idx.hashes.len();
        assert_eq!(
            template(text, &idx, 0, shingles),
            "全年增长#%，社会消费品零售总额…亿元"
        );
        let plain = "民主党派、工商联、无党派人士";
        let idx = DocIndex::build(plain);
        assert_eq!(template(plain, &idx, 0, idx.hashes.len()), plain);
    }
}
