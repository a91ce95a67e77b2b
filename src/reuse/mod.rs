//! Corpus-wide boilerplate: the reuse index, ranked formulas, per-speech and per-pair figures.

use serde::Serialize;

use crate::align::Span;
use crate::corpus::Document;

/// Where indexing stands, for progress bars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub stage: &'static str,
    pub done: usize,
    pub total: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Occurrence {
    /// Index into the documents passed to [`build`].
    pub doc: usize,
    pub span: Span,
}

/// A formula: the same or nearly the same wording found in many speeches.
#[derive(Debug, Clone, Serialize)]
pub struct Formula {
    pub text: String,
    pub documents: usize,
    pub occurrences: Vec<Occurrence>,
    pub years: Option<(i32, i32)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocReuse {
    pub id: String,
    /// Share of the speech covered by passages shared with other speeches, 0..1.
    pub reused: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Pair {
    pub a: usize,
    pub b: usize,
    pub shared_chars: usize,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ReuseReport {
    pub documents: Vec<DocReuse>,
    pub pairs: Vec<Pair>,
    pub formulas: Vec<Formula>,
}

/// Options of an index build.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Skip the on-disk cache.
    pub no_cache: bool,
}

/// Builds the reuse report of a corpus.
pub fn build(
    docs: &[Document],
    options: &Options,
    progress: &(dyn Fn(Progress) + Sync),
) -> anyhow::Result<ReuseReport> {
    let _ = (docs, options, progress);
    anyhow::bail!("the reuse index is not yet available")
}
