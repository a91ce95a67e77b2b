//! Kinds and the default ranking: how formulaic each repeated wording is.
//!
//! Raw counts put everyday vocabulary (经济发展, 加快发展) on top, because every speech uses it.
//! What marks a formula is how it is used: adopted by a large share of the speeches of a few years
//! (a peak), absent before and often after (concentrated in time), quoted or numbered (“放管服”,
//! 四个全面). The score multiplies these, so it is a share of the corpus and behaves the same on 9
//! speeches and on 100,000.

use std::collections::BTreeMap;

use rayon::slice::ParallelSliceMut;

use super::{Formula, Kind};

/// Longest formula, in key characters; longer shared wording is a sentence or a passage.
const FORMULA_CHARS: usize = 18;
/// Years on either side of a year pooled into its rate (so one odd year does not make a peak).
const WINDOW: i32 = 1;
/// A window needs this many dated speeches for its rate to count.
const MIN_WINDOW_DOCS: usize = 5;

/// Speeches per year of the whole corpus.
pub struct CorpusYears {
    pub per_year: BTreeMap<i32, usize>,
    pub dated: usize,
    pub total: usize,
    /// The first dated year, and the speeches of the years before `first + i` (prefix sums over
    /// every year from the first to the last), so a window of years is two lookups.
    first: i32,
    before: Vec<usize>,
}

impl CorpusYears {
    pub fn new(years: &[Option<i32>]) -> CorpusYears {
        let mut per_year = BTreeMap::new();
        for y in years.iter().flatten() {
            *per_year.entry(*y).or_insert(0) += 1;
        }
        let first = per_year.keys().next().copied().unwrap_or(0);
        let last = per_year.keys().next_back().copied().unwrap_or(-1);
        let mut before = vec![0usize; (last - first + 2).max(1) as usize];
        for y in first..=last {
            let i = (y - first) as usize;
            before[i + 1] = before[i] + per_year.get(&y).copied().unwrap_or(0);
        }
        CorpusYears {
            dated: per_year.values().sum(),
            per_year,
            total: years.len(),
            first,
            before,
        }
    }

    /// Index into `before` of year `y`, clamped to the dated span.
    fn at(&self, y: i32) -> usize {
        (y - self.first).clamp(0, self.before.len() as i32 - 1) as usize
    }

    /// Speeches in the years `from..=to`.
    fn in_years(&self, from: i32, to: i32) -> usize {
        self.before[self.at(to + 1)] - self.before[self.at(from)]
    }
}

/// Speeches using a formula per year, and the undated ones, from its occurrences.
pub fn by_year(f: &Formula, years: &[Option<i32>]) -> (Vec<(i32, u32)>, u32) {
    let mut dated: Vec<i32> = Vec::new();
    let mut undated = 0;
    let mut last = usize::MAX;
    for o in &f.occurrences {
        if o.doc == last {
            continue;
        }
        last = o.doc;
        match years[o.doc] {
            Some(y) => dated.push(y),
            None => undated += 1,
        }
    }
    dated.sort_unstable();
    let counts = dated
        .chunk_by(|a, b| a == b)
        .map(|run| (run[0], run.len() as u32))
        .collect();
    (counts, undated)
}

/// The time profile of a formula: its peak rate (share of the speeches of its best window of
/// years using it) and its concentration (mean rate over the corpus ÷ peak rate: 1 for wording
/// used evenly through the years, small for a formula of a few years).
pub fn profile(by_year: &[(i32, u32)], corpus: &CorpusYears) -> Option<(f64, f64)> {
    let dated_uses: u32 = by_year.iter().map(|&(_, n)| n).sum();
    if dated_uses == 0 || corpus.dated * 2 < corpus.total {
        return None;
    }
    // Uses before each year of the corpus's span, as for the corpus itself.
    let mut before = vec![0u32; corpus.before.len()];
    for &(y, n) in by_year {
        let i = corpus.at(y + 1);
        if (y - corpus.first) as usize + 1 == i {
            before[i] += n;
        }
    }
    for i in 1..before.len() {
        before[i] += before[i - 1];
    }
    let min_docs = MIN_WINDOW_DOCS.min(corpus.dated);
    let mut peak: f64 = 0.0;
    for &y in corpus.per_year.keys() {
        let n = corpus.in_years(y - WINDOW, y + WINDOW);
        if n < min_docs {
            continue;
        }
        let used = before[corpus.at(y + WINDOW + 1)] - before[corpus.at(y - WINDOW)];
        peak = peak.max(used as f64 / n as f64);
    }
    if peak == 0.0 {
        return None;
    }
    let mean = dated_uses as f64 / corpus.dated as f64;
    Some((peak, (mean / peak).min(1.0)))
}

/// Numbered formulas: 四个全面, 两个维护, 三去一降一补, 一带一路.
pub fn numbered(key: &str) -> bool {
    const NUMERALS: &str = "一二三四五六七八九十两";
    let mut chars = key.chars();
    let leading = matches!((chars.next(), chars.next()), (Some(a), Some(b))
        if "两三四五六七八九十".contains(a) && "个项大条种化点".contains(b));
    leading || key.chars().filter(|&c| NUMERALS.contains(c)).count() >= 2
}

/// How formulaic a formula is (higher first), from its time profile, quoting and numbering.
/// `profile`: the formula's [`profile`].
pub fn score(f: &Formula, corpus: &CorpusYears, profile: Option<(f64, f64)>) -> f64 {
    let shape = match profile {
        Some((peak, conc)) => peak * (1.05 - conc),
        // Undated corpus: the share of speeches using it.
        None => 0.5 * f.variant_documents as f64 / corpus.total.max(1) as f64,
    };
    let numbered = if numbered(&f.template) { 1.5 } else { 1.0 };
    shape * (1.0 + f.quoted) * numbered
}

/// Where most occurrences stand: at the head or the foot of their speeches.
fn at_speech_edges(f: &Formula, lengths: &[usize]) -> bool {
    let sample = f.occurrences.iter().take(50);
    let (mut n, mut edge) = (0usize, 0usize);
    for o in sample {
        let len = lengths[o.doc];
        n += 1;
        // The title, salutation and dateline take the first lines; the closing lines the last.
        let head = o.span.start < 60;
        let foot = o.span.end + 30 > len;
        edge += (head || foot) as usize;
    }
    n > 0 && edge * 10 >= n * 6
}

/// Speeches a formula needs, as a share of the corpus (the same as for formula units).
fn min_docs(corpus: &CorpusYears) -> usize {
    ((corpus.total as f64 * super::units::MIN_SHARE).ceil() as usize).max(2)
}

/// The kind of a formula; `profile`: its [`profile`]; `lengths`: chars of each speech; `on_words`: whether a formula's
/// representative starts and ends on word boundaries (asked only of repeated wording the shingle
/// index found, which is cut wherever speeches branch off, often inside a word).
pub fn kind(
    f: &Formula,
    corpus: &CorpusYears,
    profile: Option<(f64, f64)>,
    lengths: &[usize],
    on_words: &(dyn Fn(&Formula) -> bool + Sync),
) -> Kind {
    if f.template.contains("#年#月#日") || at_speech_edges(f, lengths) {
        return Kind::Heading;
    }
    if f.template.contains(['#', '…']) {
        return Kind::Template;
    }
    if f.key_chars > FORMULA_CHARS {
        // Long wording few speeches share is evidence of copying, not a set phrase.
        let few = (corpus.total / 50).max(2);
        return if f.variant_documents <= few {
            Kind::Passage
        } else {
            Kind::Template
        };
    }
    if !f.unit {
        if f.variant_documents < min_docs(corpus) {
            return Kind::Passage;
        }
        if !on_words(f) {
            return Kind::Template;
        }
    }
    let flat = profile.is_some_and(|(_, conc)| conc >= 0.7);
    let years = f.by_year.len();
    if flat && years >= 5 && f.quoted < 0.2 && !numbered(&f.template) {
        return Kind::Vocabulary;
    }
    Kind::Formula
}

/// The default ranking: formulas first, then templates, passages, headings and everyday
/// vocabulary; by score within a kind.
pub fn ranking(formulas: &[Formula]) -> Vec<usize> {
    // The sort keys side by side (not read through the formulas at every comparison); the
    // order is total, so an unstable parallel sort gives the one answer.
    let mut keys: Vec<(Kind, f64, usize, usize)> = formulas
        .iter()
        .enumerate()
        .map(|(i, f)| (f.kind, f.score, f.variant_documents, i))
        .collect();
    keys.par_sort_unstable_by(|x, y| {
        x.0.cmp(&y.0)
            .then(y.1.total_cmp(&x.1))
            .then(y.2.cmp(&x.2))
            .then(x.3.cmp(&y.3))
    });
    keys.into_iter().map(|k| k.3).collect()
}

/// Fills in each formula's years, kind and score (each formula on its own, so the formulas of
/// the shingle index and the formula units are filled on their own threads).
pub fn fill<'a>(
    formulas: impl rayon::iter::ParallelIterator<Item = &'a mut Formula>,
    years: &[Option<i32>],
    lengths: &[usize],
    on_words: &(dyn Fn(&Formula) -> bool + Sync),
) {
    let corpus = CorpusYears::new(years);
    formulas.for_each(|f| {
        let (by_year, undated) = by_year(f, years);
        f.by_year = by_year;
        f.undated = undated;
        let profile = profile(&f.by_year, &corpus);
        f.kind = kind(f, &corpus, profile, lengths, on_words);
        f.score = score(f, &corpus, profile);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_formulas() {
        assert!(numbered("四个全面"));
        assert!(numbered("三去一降一补"));
        assert!(numbered("一带一路"));
        assert!(!numbered("进一步深化改革"));
        assert!(!numbered("经济发展"));
    }

    #[test]
    fn a_burst_outranks_even_use() {
        let years: Vec<Option<i32>> = (2000..2020).flat_map(|y| [Some(y); 10]).collect();
        let corpus = CorpusYears::new(&years);
        // Every speech of every year: flat.
        let even: Vec<(i32, u32)> = (2000..2020).map(|y| (y, 10)).collect();
        let (peak, conc) = profile(&even, &corpus).unwrap();
        assert!((peak - 1.0).abs() < 1e-9 && conc > 0.99);
        // Most speeches of five years only.
        let burst: Vec<(i32, u32)> = (2014..2019).map(|y| (y, 8)).collect();
        let (peak, conc) = profile(&burst, &corpus).unwrap();
        assert!(peak >= 0.8 && conc < 0.3, "{peak} {conc}");
    }
}
