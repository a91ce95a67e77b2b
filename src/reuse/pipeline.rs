//! The report from the per-speech indexes: the shingle index's stages on one side of a
//! `rayon::join`, the formula units on the other, then one ranking of all formulas.

use rayon::prelude::*;

use super::index::{self, DocIndex};
use super::{
    bounds, figures, formulas, rank, unit_formulas, DocReuse, Formula, Options, Pair, Progress,
    ReuseReport, Stats,
};

/// What the shingle index gives.
struct ShingleResults {
    /// Formulas of repeated wording.
    grouping: formulas::Grouping,
    /// Per-speech figures.
    documents: Vec<DocReuse>,
    /// Pairs sharing enough wording to be scored.
    candidate_pairs: usize,
    /// Scored pairs, most shared first; the first `aligned` aligned by the alignment engine.
    pairs: Vec<Pair>,
    aligned: usize,
}

/// The stages on the shingle index: counting, segments, formulas of repeated wording, figures
/// and pairs (the strongest aligned by the alignment engine).
fn shingle_stages(
    refs: &[&DocIndex],
    texts: &[&str],
    ids: &[&str],
    years: &[Option<i32>],
    options: &Options,
    stage: &(dyn Fn(&'static str, usize) + Sync),
) -> ShingleResults {
    stage("counting shingles", 0);
    let counts = index::count(refs);
    stage("cutting segments", 1);
    let segs = index::segments(refs, &counts);
    drop(counts);
    stage("grouping formulas", 2);
    let unitigs = formulas::unitigs(&segs);
    let grouping = formulas::group(&segs, &unitigs, refs, texts, years);
    stage("measuring speeches", 3);
    let documents = figures::documents(ids, refs, &segs, &unitigs, &grouping);
    stage("ranking pairs", 4);
    let cands = figures::candidates(&grouping, options.stop_docs_for(refs.len()), refs.len());
    let shortlist = figures::shortlist(&cands, refs.len(), options.partners_per_doc);
    let pair_index = figures::PairIndex::new(refs.len(), &segs, &unitigs);
    let mut pairs: Vec<Pair> = shortlist
        .par_iter()
        .map(|&(a, b)| figures::exact_pair(a as usize, b as usize, refs, &pair_index))
        .collect();
    let by_shared = |x: &Pair, y: &Pair| {
        y.shared_chars
            .cmp(&x.shared_chars)
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    };
    pairs.sort_by(by_shared);
    // The strongest pairs get the alignment engine's passages (in parallel).
    stage("aligning pairs", 5);
    let n_aligned = options.aligned_pairs.min(pairs.len());
    pairs[..n_aligned].par_iter_mut().for_each(|p| {
        *p = figures::aligned_pair(p.a, p.b, refs, texts);
    });
    pairs.sort_by(by_shared);
    ShingleResults {
        grouping,
        documents,
        candidate_pairs: cands.len(),
        pairs,
        aligned: n_aligned,
    }
}

/// The report from the per-speech indexes (no cache involved).
pub fn compute(
    indexes: &[DocIndex],
    texts: &[&str],
    ids: &[&str],
    years: &[Option<i32>],
    options: &Options,
    progress: &(dyn Fn(Progress) + Sync),
) -> ReuseReport {
    let stage = |stage, done| {
        progress(Progress {
            stage,
            done,
            total: 9,
        })
    };
    let refs: Vec<&DocIndex> = indexes.iter().collect();
    let lengths: Vec<usize> = indexes.iter().map(|i| i.text_chars as usize).collect();
    let on_words = |f: &Formula| {
        let idx = refs[f.representative.doc];
        let span = f.representative.span;
        let start = idx.map.partition_point(|&m| (m as usize) < span.start);
        let end = idx.ends.partition_point(|&e| (e as usize) <= span.end);
        end > start && bounds::on_word_edges(idx, start, end - start)
    };
    // The formula units need only the texts: they are found, made formulas and ranked beside
    // the shingle index's stages, each filling the other's idle moments on the thread pool.
    let ((shingles, known), units) = rayon::join(
        || {
            let mut found = shingle_stages(&refs, texts, ids, years, options, &stage);
            rank::fill(
                found.grouping.formulas.par_iter_mut(),
                years,
                &lengths,
                &on_words,
            );
            let known = unit_formulas::unit_sized_keys(&found.grouping.formulas);
            stage("finding formula units", 6);
            (found, known)
        },
        || {
            let found = unit_formulas::discover_on_words(&refs, texts);
            let mut units = unit_formulas::formulas(found, &refs, texts, years);
            rank::fill(
                units.par_iter_mut().map(|(_, f)| f),
                years,
                &lengths,
                &on_words,
            );
            units
        },
    );
    stage("ranking formulas", 8);
    let ShingleResults {
        grouping,
        documents,
        candidate_pairs,
        pairs,
        aligned,
    } = shingles;
    let mut formulas = grouping.formulas;
    let units = unit_formulas::without_known(units, &known);
    formulas.extend(units);
    let ranked = rank::ranking(&formulas);
    stage("done", 9);
    ReuseReport {
        documents,
        stats: Stats {
            documents: indexes.len(),
            candidate_pairs,
            scored_pairs: pairs.len(),
            aligned_pairs: aligned,
            ..Stats::default()
        },
        pairs,
        formulas,
        ranked,
        warnings: Vec::new(),
    }
}
