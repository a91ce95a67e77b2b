//! Formula units as formulas of the report: on word edges, edge variants merged into the shorter
//! form, a representative wording chosen, wording the shingle index already reports left out.

use rayon::prelude::*;

use super::index::DocIndex;
use super::units::{discover, Unit, MAX_CHARS, MIN_QUOTED_CHARS, MIN_SHARE};

/// Occurrences looked at to choose a unit's representative wording.
const REP_SAMPLE: usize = 16;

/// Longer units that contain a shorter one and are used in at least this share of its speeches
/// are its edge variants (放管服改革 of 放管服), not formulas of their own.
const EDGE_VARIANT_SHARE: f64 = 0.8;
/// Extra characters an edge variant may have.
const EDGE_VARIANT_CHARS: usize = 3;

/// The formula units of a corpus that start and end on word edges (jieba), in key order. Needs
/// only the texts, so it runs beside the shingle index's stages.
pub fn discover_on_words(docs: &[&DocIndex], texts: &[&str]) -> Vec<Unit> {
    let min_docs = ((docs.len() as f64 * MIN_SHARE).ceil() as usize).max(2);
    let found = discover(docs, texts, min_docs);
    let keep: Vec<bool> = found
        .par_iter()
        .map(|u| super::bounds::unit_on_word_edges(docs, &u.occurrences, u.key.chars().count()))
        .collect();
    found
        .into_iter()
        .zip(keep)
        .filter_map(|(u, k)| k.then_some(u))
        .collect()
}

/// The keys of formulas (of the shingle index) short enough to be formula units too.
pub fn unit_sized_keys(formulas: &[super::Formula]) -> rustc_hash::FxHashSet<String> {
    formulas
        .par_iter()
        .filter(|f| f.key_chars <= MAX_CHARS)
        .map(|f| crate::text::key::Key::new(&f.text).as_string())
        .collect()
}

/// Unit formulas without the wording the shingle index already reports as a formula (`known`:
/// its [`unit_sized_keys`]), so no wording is listed twice.
pub fn without_known(
    units: Vec<(String, super::Formula)>,
    known: &rustc_hash::FxHashSet<String>,
) -> Vec<super::Formula> {
    units
        .into_iter()
        .filter_map(|(key, f)| (!known.contains(&key)).then_some(f))
        .collect()
}

/// The units found by [`discover_on_words`] as formulas, each with its key: edge variants merged
/// into the shorter form, a representative wording chosen.
pub fn formulas(
    found: Vec<Unit>,
    docs: &[&DocIndex],
    texts: &[&str],
    years: &[Option<i32>],
) -> Vec<(String, super::Formula)> {
    let variant_of = edge_variants(&found);
    let mut variants: Vec<Vec<(String, u32)>> = vec![Vec::new(); found.len()];
    for (i, v) in variant_of.iter().enumerate() {
        if let Some(core) = *v {
            variants[core].push((found[i].key.clone(), found[i].documents as u32));
        }
    }
    let kept: Vec<(Unit, Vec<(String, u32)>)> = found
        .into_iter()
        .zip(variants)
        .zip(variant_of)
        .filter_map(|((u, mut variants), of)| {
            variants.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            of.is_none().then_some((u, variants))
        })
        .collect();
    let occurrences: Vec<Vec<super::Occurrence>> =
        kept.par_iter().map(|(u, _)| spans_of(u, docs)).collect();
    // The sampled wordings of every unit, sliced with one pass per speech.
    let mut owner = Vec::new();
    let mut spans = Vec::new();
    for (k, occ) in occurrences.iter().enumerate() {
        for (i, d, span) in sample_spans(occ) {
            owner.push((k, i));
            spans.push((d, span));
        }
    }
    let sliced = super::formulas::slice_texts(texts, &spans);
    let mut samples: Vec<Vec<(usize, &str)>> = vec![Vec::new(); kept.len()];
    for ((k, i), text) in owner.into_iter().zip(sliced) {
        samples[k].push((i, text));
    }
    kept.into_par_iter()
        .zip(occurrences)
        .zip(samples)
        .map(|(((u, variants), occ), samples)| {
            (u.key.clone(), to_formula(u, variants, occ, &samples, years))
        })
        .collect()
}

/// For each unit, the shorter unit it is an edge variant of, if any.
fn edge_variants(units: &[Unit]) -> Vec<Option<usize>> {
    let by_key: rustc_hash::FxHashMap<&str, usize> = units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.key.as_str(), i))
        .collect();
    units
        .par_iter()
        .map(|u| {
            let chars: Vec<(usize, char)> = u.key.char_indices().collect();
            let n = chars.len();
            let mut best: Option<usize> = None;
            for len in MIN_QUOTED_CHARS..n {
                if n - len > EDGE_VARIANT_CHARS {
                    continue;
                }
                for start in 0..=n - len {
                    let from = chars[start].0;
                    let to = chars.get(start + len).map_or(u.key.len(), |c| c.0);
                    if let Some(&core) = by_key.get(&u.key[from..to]) {
                        let c = &units[core];
                        if u.documents as f64 >= EDGE_VARIANT_SHARE * c.documents as f64
                            && best.is_none_or(|b| units[b].key.len() > c.key.len())
                        {
                            best = Some(core);
                        }
                    }
                }
            }
            best
        })
        .collect()
}

/// The representative of a unit: the wording most of the sampled speeches write (`samples`: the
/// text of the first occurrence in each of the first speeches), earliest first on ties.
fn choose(
    occurrences: &[super::Occurrence],
    samples: &[(usize, &str)],
) -> (super::Occurrence, String) {
    let mut surfaces: rustc_hash::FxHashMap<&str, (u32, usize)> = Default::default();
    for &(i, text) in samples {
        let e = surfaces.entry(text).or_insert((0, i));
        e.0 += 1;
    }
    let (text, (_, rep)) = surfaces
        .into_iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
        .expect("a unit has occurrences");
    (occurrences[rep].clone(), text.to_string())
}

/// Occurrences of a unit as spans of the cleaned texts.
fn spans_of(u: &Unit, docs: &[&DocIndex]) -> Vec<super::Occurrence> {
    let n = u.key.chars().count();
    u.occurrences
        .iter()
        .map(|&(d, p)| {
            let idx = docs[d as usize];
            super::Occurrence {
                doc: d as usize,
                span: crate::align::Span {
                    start: idx.map[p as usize] as usize,
                    end: idx.ends[p as usize + n - 1] as usize,
                },
            }
        })
        .collect()
}

/// The first occurrence in each of the first [`REP_SAMPLE`] speeches: (occurrence index, span).
fn sample_spans(occurrences: &[super::Occurrence]) -> Vec<(usize, usize, crate::align::Span)> {
    let mut out = Vec::new();
    let mut last = usize::MAX;
    for (i, o) in occurrences.iter().enumerate() {
        if o.doc != last {
            last = o.doc;
            out.push((i, o.doc, o.span));
            if out.len() == REP_SAMPLE {
                break;
            }
        }
    }
    out
}

fn to_formula(
    u: Unit,
    variants: Vec<(String, u32)>,
    occurrences: Vec<super::Occurrence>,
    samples: &[(usize, &str)],
    years: &[Option<i32>],
) -> super::Formula {
    let n = u.key.chars().count();
    let (representative, text) = choose(&occurrences, samples);
    let mut span_years = occurrences.iter().filter_map(|o| years[o.doc]);
    let years = span_years
        .next()
        .map(|y| span_years.fold((y, y), |(lo, hi), y| (lo.min(y), hi.max(y))));
    super::Formula {
        template: text.clone(),
        text,
        representative,
        key_chars: n,
        documents: u.documents,
        variant_documents: u.documents,
        occurrences,
        years,
        kind: super::Kind::Formula,
        score: 0.0,
        by_year: Vec::new(),
        undated: 0,
        quoted: u.quoted,
        variants,
        unit: true,
    }
}
