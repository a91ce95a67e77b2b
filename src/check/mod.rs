//! Checking a draft against the corpus (查重): every passage of the draft found in the corpus,
//! with the speeches it is found in, best first, and the sources ranked by how much of the draft
//! they account for.
//!
//! Pipeline: [`index`] (winnowed shingles of the corpus, cached) → [`candidates`] (speeches
//! sharing wording with the draft, corpus-wide formulas left out) → the alignment engine on the
//! candidates only → [`passages`] (the draft cut into passages, each with its sources) →
//! [`formulas`] (wording many speeches share, reported apart from copying).

pub mod candidates;
pub mod formulas;
pub mod index;
pub mod passages;

use rayon::prelude::*;

use crate::align::{self, Params, Span, TokenOp};
use crate::corpus::Document;
use crate::reuse::{self, ReuseReport};
use crate::text::key::Key;
pub use formulas::UsedFormula;
pub use index::SourceIndex;

/// What a borrowed passage is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Wording taken from particular speeches.
    Copied,
    /// Wording most of which is a formula many speeches share (not evidence of copying).
    Formula,
}

impl Kind {
    /// The name used in reports and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Copied => "copied",
            Kind::Formula => "formula",
        }
    }
}

/// One place of a source speech holding a passage of the draft.
#[derive(Debug, Clone, PartialEq)]
pub struct Cited {
    /// Index into the corpus' documents.
    pub doc: usize,
    /// The passage's text in that speech.
    pub span: Span,
    /// 0..1, on the comparison key, over the whole passage.
    pub similarity: f64,
}

/// A passage of the draft found in the corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct BorrowedPassage {
    /// The passage's text in the draft.
    pub span: Span,
    /// Copied wording or a formula.
    pub kind: Kind,
    /// Best first: closest wording, then earliest dated.
    pub sources: Vec<Cited>,
    /// Word-level operations of the draft (a) against the best source (b).
    pub diff: Vec<TokenOp>,
}

/// A source speech and how much of the draft it accounts for.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceShare {
    /// Index into the corpus' documents.
    pub doc: usize,
    /// Draft characters inside copied passages this speech holds.
    pub shared_chars: usize,
    /// `shared_chars` over the draft's characters, 0..1.
    pub share: f64,
    /// How many copied passages it holds.
    pub passages: usize,
    /// The first of them, in draft order (index into [`Check::passages`]).
    pub first_passage: usize,
}

/// How the check was done.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    /// Candidate speeches aligned with the draft.
    pub candidates: usize,
    /// The source index came from the cache.
    pub source_index_cached: bool,
    /// Shingles in the source index.
    pub index_entries: usize,
    /// Seconds spent finding candidates, aligning them, cutting passages, finding formulas and
    /// computing word differences (for the bench's stage table).
    pub seconds: [f64; 5],
}

/// The result of a check.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Check {
    /// Length of the draft in characters.
    pub draft_chars: usize,
    /// Share of the draft's characters inside copied passages, 0..1.
    pub borrowed: f64,
    /// Share inside passages that are mostly formulas, 0..1.
    pub formulaic: f64,
    /// In draft order.
    pub passages: Vec<BorrowedPassage>,
    /// Most of the draft first.
    pub sources: Vec<SourceShare>,
    /// Corpus formulas the draft uses, most used first.
    pub formulas: Vec<UsedFormula>,
    /// Speeches of the corpus with exactly the draft's text, never cited.
    pub excluded: Vec<usize>,
    /// How the check was done.
    pub stats: Stats,
    /// Problems met on the way (cache trouble and the like), for the user.
    pub warnings: Vec<String>,
}

impl Check {
    /// Share of the draft found nowhere in the corpus, 0..1.
    pub fn original(&self) -> f64 {
        (1.0 - self.borrowed - self.formulaic).max(0.0)
    }
}

/// Tuning of a check.
#[derive(Debug, Clone)]
pub struct Options {
    /// Alignment parameters for draft against candidate.
    pub params: Params,
    /// Lowest similarity of a cited source over the whole passage.
    pub min_source_similarity: f64,
    /// Candidate sources per place of the draft, and in all.
    pub per_position: usize,
    /// At most this many candidate speeches in all.
    pub max_candidates: usize,
    /// Share of a passage's key characters inside formulas from which it is a formula passage.
    pub formula_share: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            params: Params::default(),
            min_source_similarity: 0.7,
            per_position: 4,
            max_candidates: 40,
            formula_share: 0.8,
        }
    }
}

/// What a check needs of the corpus besides its texts: the source index and today's formulas.
pub struct Prepared {
    /// Winnowed shingles of the corpus.
    pub index: SourceIndex,
    /// The corpus' reuse report, for its formulas.
    pub report: ReuseReport,
    /// The source index came from the cache.
    pub index_cached: bool,
    /// Problems met while preparing (cache trouble and the like).
    pub warnings: Vec<String>,
}

/// Builds (or loads from the cache) what checks against `docs` need.
pub fn prepare(docs: &[Document], options: &reuse::Options) -> anyhow::Result<Prepared> {
    if docs.is_empty() {
        anyhow::bail!("the corpus holds no speech to check against");
    }
    let mut warnings = Vec::new();
    let cache = reuse::cache::Cache::open_for_use(
        options.no_cache,
        options.cache_dir.clone(),
        &mut warnings,
    );
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    let key = index::cache_key(&texts);
    let cached = cache
        .as_ref()
        .and_then(|c| index::load(c, key, docs.len(), &mut warnings));
    let index_cached = cached.is_some();
    // When the reuse engine cuts the keys anyway, the source index is made from its shingles.
    let mut built: Option<SourceIndex> = None;
    let report = reuse::build_observed(docs, options, &|_| {}, &mut |indexes| {
        if !index_cached {
            built = Some(SourceIndex::from_doc_indexes(indexes));
        }
    })?;
    warnings.extend(report.warnings.iter().cloned());
    let index = match (cached, built) {
        (Some(idx), _) => idx,
        (None, built) => {
            let idx = built.unwrap_or_else(|| SourceIndex::build(&texts));
            if let Some(c) = &cache {
                index::store(c, key, &idx, &mut warnings);
            }
            idx
        }
    };
    Ok(Prepared {
        index,
        report,
        index_cached,
        warnings,
    })
}

/// Checks `draft` (a cleaned text) against the corpus `docs`.
pub fn check(draft: &str, docs: &[Document], prepared: &Prepared, options: &Options) -> Check {
    let mut c = check_with(draft, docs, &prepared.index, &prepared.report, options);
    c.stats.source_index_cached = prepared.index_cached;
    c.warnings = prepared.warnings.clone();
    c
}

/// [`check`] from the parts: the source index of `docs` (built over exactly these speeches, in
/// this order) and a reuse report whose formulas stand for the corpus' formulas.
pub fn check_with(
    draft: &str,
    docs: &[Document],
    index: &SourceIndex,
    report: &ReuseReport,
    options: &Options,
) -> Check {
    let kd = Key::new(draft);
    let draft_chars = kd.text_len;
    let excluded: Vec<usize> = (0..docs.len()).filter(|&d| docs[d].text == draft).collect();
    let n = docs.len();
    let limits = candidates::Limits {
        per_position: options.per_position,
        max: options.max_candidates,
        stop_docs: (n / 20).max(20),
    };
    let mut clock = std::time::Instant::now();
    let mut seconds = [0.0; 5];
    let mut lap = |i: usize| {
        seconds[i] = clock.elapsed().as_secs_f64();
        clock = std::time::Instant::now();
    };
    let hashes = reuse::hash::shingles(&kd.chars, reuse::index::SHINGLE);
    let cands = candidates::find(&hashes, index, limits, &|d| !excluded.contains(&d));
    lap(0);
    let hits: Vec<passages::Hit> = cands
        .par_iter()
        .flat_map_iter(|&d| {
            let text = &docs[d].text;
            let ks = Key::new(text);
            let cmp = align::compare_keys(draft, &kd, text, &ks, &options.params);
            cmp.passages.into_iter().map(move |p| passages::Hit {
                doc: d,
                a: p.a,
                b: p.b,
                similarity: p.similarity,
                ops: p.ops,
            })
        })
        .collect();
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    let dates: Vec<Option<&str>> = docs.iter().map(|d| d.date.as_deref()).collect();
    lap(1);
    let claimed = passages::assemble(
        draft,
        &kd,
        &hits,
        &texts,
        &dates,
        options.params.min_len,
        options.min_source_similarity,
    );

    lap(2);
    let used = formulas::used_by(&kd, report, n);
    lap(3);
    let mut in_formula = vec![false; kd.len()];
    for f in &used {
        for s in &f.spans {
            let r = kd.key_range(s.start, s.end);
            in_formula[r].iter_mut().for_each(|x| *x = true);
        }
    }
    let draft_text: Vec<char> = draft.chars().collect();
    let passages: Vec<BorrowedPassage> = claimed
        .into_par_iter()
        .map(|c| {
            let r = kd.key_range(c.span.start, c.span.end);
            let inside = in_formula[r.clone()].iter().filter(|&&x| x).count();
            let kind = if inside as f64 >= options.formula_share * r.len().max(1) as f64 {
                Kind::Formula
            } else {
                Kind::Copied
            };
            let (best_doc, best_span, _) = c.sources[0];
            let a_text: String = draft_text[c.span.start..c.span.end].iter().collect();
            let diff = align::tokens::diff(
                &a_text,
                c.span.start,
                crate::text::slice(&docs[best_doc].text, best_span),
                best_span.start,
            );
            BorrowedPassage {
                span: c.span,
                kind,
                sources: c
                    .sources
                    .into_iter()
                    .map(|(doc, span, similarity)| Cited {
                        doc,
                        span,
                        similarity,
                    })
                    .collect(),
                diff,
            }
        })
        .collect();

    lap(4);
    let share = |kind: Kind| {
        let chars: usize = passages
            .iter()
            .filter(|p| p.kind == kind)
            .map(|p| p.span.len())
            .sum();
        if draft_chars == 0 {
            0.0
        } else {
            chars as f64 / draft_chars as f64
        }
    };
    let sources = rank_sources(&passages, docs, draft_chars);
    Check {
        draft_chars,
        borrowed: share(Kind::Copied),
        formulaic: share(Kind::Formula),
        sources,
        passages,
        formulas: formulas::listed(&kd, draft, &used, report, n),
        excluded,
        stats: Stats {
            candidates: cands.len(),
            source_index_cached: false,
            index_entries: index.hashes.len(),
            seconds,
        },
        warnings: Vec::new(),
    }
}

/// The sources of copied passages, ranked by how much of the draft they hold (earliest first
/// among equals).
fn rank_sources(
    passages: &[BorrowedPassage],
    docs: &[Document],
    draft_chars: usize,
) -> Vec<SourceShare> {
    let mut by_doc: std::collections::BTreeMap<usize, SourceShare> = Default::default();
    for (i, p) in passages.iter().enumerate() {
        if p.kind != Kind::Copied {
            continue;
        }
        for s in &p.sources {
            let e = by_doc.entry(s.doc).or_insert(SourceShare {
                doc: s.doc,
                shared_chars: 0,
                share: 0.0,
                passages: 0,
                first_passage: i,
            });
            e.shared_chars += p.span.len();
            e.passages += 1;
        }
    }
    let mut out: Vec<SourceShare> = by_doc.into_values().collect();
    for s in &mut out {
        s.share = s.shared_chars as f64 / draft_chars.max(1) as f64;
    }
    out.sort_by(|x, y| {
        y.shared_chars
            .cmp(&x.shared_chars)
            .then_with(|| {
                passages::date_order(docs[x.doc].date.as_deref(), docs[y.doc].date.as_deref())
            })
            .then(x.doc.cmp(&y.doc))
    });
    out
}
