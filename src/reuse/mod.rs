//! Corpus-wide boilerplate: the reuse index, ranked formulas, per-speech and per-pair figures.
//!
//! The pipeline, linear in corpus size:
//! 1. [`index`]: every speech's comparison key is cut into shingles (rolling hashes), counted
//!    across the corpus by radix partition, and cut into segments of exactly repeated wording;
//! 2. `formulas`: segments that nearly always follow one another become one formula, with the
//!    wording most speeches use verbatim as its representative;
//! 3. `figures`: each speech's reused spans and borrowed share; candidate pairs found through
//!    the formulas they share (boilerplate of the whole corpus left out, so this never goes
//!    quadratic), and exact figures for the strongest of them;
//! 4. formula units (`units`, `unit_formulas`): short set phrases found by n-gram statistics,
//!    beside stages 1–3 (`pipeline`), then every formula's kind and score (`rank`);
//! 5. [`cache`]: the per-speech index and the finished report persist on disk, keyed by content.
//!
//! Queries the screens ask of a finished report (what to mark in a speech, who shares a passage,
//! copies counted once) are in [`marks`] and [`duplicates`].

pub mod bounds;
pub mod cache;
pub mod duplicates;
mod figures;
mod formulas;
pub(crate) mod hash;
pub mod history;
pub mod index;
pub mod lookup;
pub mod marks;
mod pipeline;
mod rank;
mod scatter;
mod unit_formulas;
mod unit_stream;
mod unit_symbols;
mod units;

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::corpus::Document;
use crate::text::Span;
pub use hash::ContentHash;
use index::DocIndex;
pub use pipeline::compute;

/// Version of the reuse engine: part of every cache key, so a new engine never trusts old results.
pub const ENGINE_VERSION: u32 = 6;

/// Where indexing stands, for progress bars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// What is being done (`indexing`, `counting` …).
    pub stage: &'static str,
    /// Units of work done in this stage.
    pub done: usize,
    /// Units of work of this stage.
    pub total: usize,
}

/// One place a formula is used: a span of the cleaned text of a speech.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Occurrence {
    /// Index into the documents passed to [`build`].
    pub doc: usize,
    /// Where, in that speech's cleaned text.
    pub span: Span,
}

/// What a repeated wording is.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A set phrase or slogan (提法): 四个全面, 放管服, 一分部署九分落实.
    #[default]
    Formula,
    /// A sentence frame whose slots are refilled: figures as `#`, words as `…`.
    Template,
    /// A long run only a few speeches share: evidence of copying, not a set phrase.
    Passage,
    /// Titles, salutations and datelines at the head or foot of speeches.
    Heading,
    /// Everyday wording used evenly through the years (经济发展): common, not formulaic.
    Vocabulary,
}

impl Kind {
    /// Every kind, in the order the explorer shows them and cycles through them.
    pub const ALL: [Kind; 5] = [
        Kind::Formula,
        Kind::Template,
        Kind::Passage,
        Kind::Heading,
        Kind::Vocabulary,
    ];

    /// The name used in JSON and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Formula => "formula",
            Kind::Template => "template",
            Kind::Passage => "passage",
            Kind::Heading => "heading",
            Kind::Vocabulary => "vocabulary",
        }
    }

    /// A plural heading for lists.
    pub fn title(self) -> &'static str {
        match self {
            Kind::Formula => "Formulas",
            Kind::Template => "Sentence templates",
            Kind::Passage => "Shared passages",
            Kind::Heading => "Headings and datelines",
            Kind::Vocabulary => "Everyday wording",
        }
    }
}

/// A formula: the same or nearly the same wording found in many speeches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Formula {
    /// The representative wording, in the original script and punctuation of one speech.
    pub text: String,
    /// The representative with every number as `#` and every placeholder run as `…` (the key
    /// matches them whatever they hold).
    pub template: String,
    /// Where the representative was taken from.
    pub representative: Occurrence,
    /// Length of the representative on the comparison key.
    pub key_chars: usize,
    /// Speeches holding the representative wording verbatim on the comparison key (what a
    /// substring search for it finds).
    pub documents: usize,
    /// Speeches holding the formula or a near variant of it (a word changed, a clause cut).
    pub variant_documents: usize,
    /// Every occurrence, variants included, in speech and text order (the concordance).
    pub occurrences: Vec<Occurrence>,
    /// First and last year of the speeches using it, when they are dated.
    pub years: Option<(i32, i32)>,
    /// What it is (set phrase, sentence template, shared passage, heading, everyday wording).
    #[serde(default)]
    pub kind: Kind,
    /// How formulaic it is (see the `rank` module); the default ranking within a kind.
    #[serde(default)]
    pub score: f64,
    /// Speeches using it per year (years without any left out).
    #[serde(default)]
    pub by_year: Vec<(i32, u32)>,
    /// Undated speeches using it.
    #[serde(default)]
    pub undated: u32,

    /// Share of its occurrences standing between quotation marks.
    #[serde(default)]
    pub quoted: f64,
    /// Found by the formula-unit discovery (short wording with free edges), not by the shingle
    /// index.
    #[serde(default)]
    pub unit: bool,
    /// Longer forms merged into it (放管服改革 of 放管服), with their speeches.
    #[serde(default)]
    pub variants: Vec<(String, u32)>,
}

/// A span of a speech that other speeches share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReusedSpan {
    /// Where, in the speech's cleaned text.
    pub span: Span,
    /// Index into [`ReuseReport::formulas`]; its occurrences list the speeches sharing the span.
    pub formula: usize,
    /// How many other speeches share it.
    pub others: usize,
}

/// How much of one speech other speeches share, and where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocReuse {
    /// The speech's id ([`crate::corpus::Document::id`]).
    pub id: String,
    /// Share of the speech covered by passages shared with other speeches, 0..1.
    pub reused: f64,
    /// Length of the cleaned text in chars.
    pub chars: usize,
    /// Reused spans in text order (spans of neighbouring formulas may overlap by a few chars).
    pub spans: Vec<ReusedSpan>,
    /// For a copy of another speech (see [`crate::dupes`]): that speech's index. A copy is left
    /// out of the engine (a set of duplicates is one speech in every share, pair and count) and
    /// carries its original's share; its spans are the original's when the texts are identical,
    /// else none.
    #[serde(default)]
    pub duplicate_of: Option<usize>,
}

/// Two speeches that share wording, with how much.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    /// Index of the first speech (into the documents passed to [`build`]).
    pub a: usize,
    /// Index of the second speech.
    pub b: usize,
    /// Characters shared (the smaller of the two sides).
    pub shared_chars: usize,
    /// Share of each speech's characters shared with the other, 0..1.
    pub a_reused: f64,
    /// The same for B.
    pub b_reused: f64,
    /// Passages the alignment engine found, for the pairs it aligned (the strongest ones); `None`:
    /// figures from the index alone (exactly repeated wording of 10 key chars or more).
    pub passages: Option<usize>,
}

/// How a report was obtained: what was computed and what came from the cache.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    /// Speeches in the report.
    pub documents: usize,
    /// Speeches whose index was built in this run.
    pub indexed: usize,
    /// Speeches whose index came from the cache.
    pub cached: usize,
    /// The whole report came from the cache.
    pub report_cached: bool,
    /// Candidate pairs found through shared formulas, and how many got exact figures.
    pub candidate_pairs: usize,
    /// Candidate pairs given exact shared-character figures.
    pub scored_pairs: usize,
    /// Pairs run through the alignment engine for their passages.
    pub aligned_pairs: usize,
}

/// Template phrasing across a corpus: per speech, per pair of speeches, and the formulas.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReuseReport {
    /// One entry per speech, in the order given.
    pub documents: Vec<DocReuse>,
    /// Most shared characters first.
    pub pairs: Vec<Pair>,
    /// The repeated wording of 10 key characters or more first, most speeches first (the order
    /// [`ReusedSpan::formula`] refers to); then the short formula units.
    pub formulas: Vec<Formula>,
    /// The default ranking: indices into `formulas`, grouped by kind (formulas first), most
    /// formulaic first.
    #[serde(default)]
    pub ranked: Vec<usize>,
    /// What was computed and what came from the cache.
    pub stats: Stats,
    /// Problems that did not stop the build (e.g. an unreadable cache, rebuilt).
    pub warnings: Vec<String>,
}

/// Options of an index build.
#[derive(Debug, Clone)]
pub struct Options {
    /// Skip the on-disk cache.
    pub no_cache: bool,
    /// Cache location; `None`: `SPEECHTUI_CACHE_DIR`, else the platform cache dir.
    pub cache_dir: Option<PathBuf>,
    /// Formulas found in more speeches than this are corpus-wide boilerplate: reported, but not
    /// used to find candidate pairs. `0`: chosen from the corpus size.
    pub stop_docs: usize,
    /// Exact figures are computed for each speech's strongest candidate partners, this many.
    pub partners_per_doc: usize,
    /// The strongest pairs, this many, are aligned by the alignment engine.
    pub aligned_pairs: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            no_cache: false,
            cache_dir: None,
            stop_docs: 0,
            partners_per_doc: 4,
            aligned_pairs: 24,
        }
    }
}

impl Options {
    fn stop_docs_for(&self, n_docs: usize) -> usize {
        if self.stop_docs > 0 {
            self.stop_docs
        } else {
            // Wording in more than ~5% of the speeches (at least 20) is corpus boilerplate.
            (n_docs / 20).max(20)
        }
    }

    /// Everything besides the speeches that the report depends on.
    fn fingerprint(&self, n_docs: usize) -> ContentHash {
        let text = format!(
            "reuse v{ENGINE_VERSION} shingle {} stop {} partners {} aligned {} align {:?}",
            index::SHINGLE,
            self.stop_docs_for(n_docs),
            self.partners_per_doc,
            self.aligned_pairs,
            crate::align::Params::default(),
        );
        ContentHash::of(text.as_bytes())
    }
}

/// A fingerprint of the comparison key's rules: the key of a probe text exercising each of them
/// (script folding, widths, case, figures, placeholders, punctuation). Cached indexes built under
/// other rules are never used, even when the engine version did not change.
pub(crate) fn key_fingerprint() -> ContentHash {
    const PROBE: &str =
        "各位代表：現在，我代表省人民政府向大會報告工作，請予審議。ＧＤＰ增長１２.５%、\
                         XX县××局某某同志○○□□，AbC123；民主党派、工商联、无党派人士";
    let key = crate::text::key::Key::new(PROBE);
    let mut bytes = Vec::new();
    for ((c, m), e) in key.chars.iter().zip(&key.map).zip(&key.ends) {
        bytes.extend_from_slice(&(*c as u32).to_le_bytes());
        bytes.extend_from_slice(&m.to_le_bytes());
        bytes.extend_from_slice(&e.to_le_bytes());
    }
    ContentHash::of(&bytes)
}

/// Builds the reuse report of a corpus. Speeches marked as copies of others (`duplicate_of`, set
/// by the loader) count as one speech with their original: they are left out of the engine and
/// given their original's figures, so twins never top the borrowed list at 100% nor the pairs.
pub fn build(
    docs: &[Document],
    options: &Options,
    progress: &(dyn Fn(Progress) + Sync),
) -> anyhow::Result<ReuseReport> {
    build_observed(docs, options, progress, &mut |_| {})
}

/// [`build`], showing `observe` the per-speech indexes of every speech in `docs` (copies
/// included) when they are built or read (not when the whole report comes from the cache), so
/// another index over the same keys (the draft checker's) need not cut every key again.
pub fn build_observed(
    docs: &[Document],
    options: &Options,
    progress: &(dyn Fn(Progress) + Sync),
    observe: &mut dyn FnMut(&[DocIndex]),
) -> anyhow::Result<ReuseReport> {
    let dupes = crate::corpus::duplicates(docs);
    let keep: Vec<usize> = (0..docs.len())
        .filter(|&i| !dupes.is_duplicate(i))
        .collect();
    let originals: Vec<&Document> = keep.iter().map(|&i| &docs[i]).collect();
    let report = build_distinct(&originals, options, progress, &mut |indexes| {
        if keep.len() == docs.len() {
            return observe(indexes);
        }
        // Copies are not in the engine: their indexes are cut here, few as they are.
        let mut by_doc: Vec<Option<&DocIndex>> = vec![None; docs.len()];
        for (k, idx) in keep.iter().zip(indexes) {
            by_doc[*k] = Some(idx);
        }
        let full: Vec<DocIndex> = by_doc
            .iter()
            .zip(docs)
            .map(|(idx, d)| match idx {
                Some(idx) => (*idx).clone(),
                None => DocIndex::build(&d.text),
            })
            .collect();
        observe(&full);
    })?;
    Ok(if keep.len() == docs.len() {
        report
    } else {
        with_copies(report, docs, &keep, &dupes)
    })
}

/// The report of the originals (`keep`, positions in `docs`) spread over the whole list: indexes
/// mapped back, each copy given its original's figures.
fn with_copies(
    mut report: ReuseReport,
    docs: &[Document],
    keep: &[usize],
    dupes: &crate::dupes::Duplicates,
) -> ReuseReport {
    let mut documents: Vec<Option<DocReuse>> = vec![None; docs.len()];
    for (k, d) in std::mem::take(&mut report.documents)
        .into_iter()
        .enumerate()
    {
        documents[keep[k]] = Some(d);
    }
    for (i, doc) in docs.iter().enumerate() {
        let Some(o) = dupes.duplicate_of(i) else {
            continue;
        };
        let original = documents[o].as_ref().expect("an original is in the engine");
        // Spans are offsets into the original's text: valid for the copy only if the text is the
        // same (a near copy would get marks in the wrong places).
        let spans = if doc.text == docs[o].text {
            original.spans.clone()
        } else {
            Vec::new()
        };
        documents[i] = Some(DocReuse {
            id: doc.id.clone(),
            reused: original.reused,
            chars: doc.chars(),
            spans,
            duplicate_of: Some(o),
        });
    }
    report.documents = documents
        .into_iter()
        .map(|d| d.expect("every speech has figures"))
        .collect();
    for p in &mut report.pairs {
        (p.a, p.b) = (keep[p.a], keep[p.b]);
    }
    for f in &mut report.formulas {
        f.representative.doc = keep[f.representative.doc];
        for o in &mut f.occurrences {
            o.doc = keep[o.doc];
        }
    }
    report.stats.documents = docs.len();
    report
}

/// [`build`] over speeches that are all distinct.
fn build_distinct(
    docs: &[&Document],
    options: &Options,
    progress: &(dyn Fn(Progress) + Sync),
    observe: &mut dyn FnMut(&[DocIndex]),
) -> anyhow::Result<ReuseReport> {
    let mut warnings = Vec::new();
    let cache =
        cache::Cache::open_for_use(options.no_cache, options.cache_dir.clone(), &mut warnings);
    // A speech's index depends on its text and on the comparison key's rules.
    let key_rules = key_fingerprint();
    let content: Vec<ContentHash> = docs
        .par_iter()
        .map(|d| ContentHash::combine([ContentHash::of(d.text.as_bytes()), key_rules]))
        .collect();
    // The report also shows ids and years, so they are part of its key.
    let report_key = ContentHash::combine(std::iter::once(options.fingerprint(docs.len())).chain(
        docs.iter().zip(&content).map(|(d, h)| {
            let meta = format!("{}\0{:?}", d.id, d.year());
            ContentHash::combine([*h, ContentHash::of(meta.as_bytes())])
        }),
    ));
    if let Some(cache) = &cache {
        match cache.load_report(report_key) {
            Ok(Some(mut report)) => {
                report.stats.report_cached = true;
                report.stats.indexed = 0;
                report.stats.cached = docs.len();
                report.warnings = warnings;
                return Ok(report);
            }
            Ok(None) => {}
            Err(e) => warnings.push(format!("cached report unreadable, rebuilt: {e:#}")),
        }
    }

    let total = docs.len();
    let done = AtomicUsize::new(0);
    let indexed = AtomicUsize::new(0);
    // One summary line per kind of cache trouble, not one per speech: a full disk or a damaged
    // cache would otherwise print hundreds of lines on every run.
    let damaged = CacheTrouble::default();
    let unwritten = CacheTrouble::default();
    progress(Progress {
        stage: "indexing",
        done: 0,
        total,
    });
    let indexes: Vec<DocIndex> = docs
        .par_iter()
        .zip(&content)
        .map(|(doc, hash)| {
            let cached = cache.as_ref().and_then(|c| match c.load_doc(*hash) {
                // The key already names this text; the length is checked too, so an entry that
                // slipped through can never index out of the speech.
                Ok(Some(idx)) if idx.text_chars as usize != doc.text.chars().count() => {
                    damaged.note(format!("{}: built for another text", doc.id));
                    None
                }
                Ok(found) => found,
                Err(e) => {
                    damaged.note(format!("{e:#}"));
                    None
                }
            });
            let idx = cached.unwrap_or_else(|| {
                indexed.fetch_add(1, Ordering::Relaxed);
                let idx = DocIndex::build(&doc.text);
                if let Some(c) = &cache {
                    if let Err(e) = c.store_doc(*hash, &idx) {
                        unwritten.note(format!("{e:#}"));
                    }
                }
                idx
            });
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            progress(Progress {
                stage: "indexing",
                done: n,
                total,
            });
            idx
        })
        .collect();
    warnings.extend(damaged.summary("cache entries were damaged and rebuilt"));
    warnings.extend(unwritten.summary("speech indexes could not be cached"));
    observe(&indexes);

    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    let years: Vec<Option<i32>> = docs.iter().map(|d| d.year()).collect();
    let mut report = compute(&indexes, &texts, &ids, &years, options, progress);
    report.stats.indexed = indexed.into_inner();
    report.stats.cached = total - report.stats.indexed;
    if let Some(cache) = &cache {
        if let Err(e) = cache.store_report(report_key, &report) {
            warnings.push(format!("could not cache the report: {e:#}"));
        }
    }
    report.warnings = warnings;
    Ok(report)
}

/// Cache problems of one kind met while indexing in parallel: how many, and the first one.
#[derive(Default)]
struct CacheTrouble(std::sync::Mutex<(usize, Option<String>)>);

impl CacheTrouble {
    fn note(&self, what: String) {
        let mut t = self.0.lock().expect("cache trouble lock");
        t.0 += 1;
        t.1.get_or_insert(what);
    }

    /// "37 cache entries were damaged and rebuilt (first: …)", or nothing.
    fn summary(self, what: &str) -> Option<String> {
        let (n, first) = self.0.into_inner().expect("cache trouble lock");
        (n > 0).then(|| format!("{n} {what} (first: {})", first.unwrap_or_default()))
    }
}
