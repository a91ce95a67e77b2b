//! The formulas (提法) a draft uses: wording many speeches of the corpus share, listed apart from
//! copied passages so that a phrase found in 300 speeches does not read as copying.
//!
//! Today's formulas come from the reuse report ([`crate::reuse::Formula`]); this is the one place
//! that knows where they come from, so a richer formula list can replace it.

use rustc_hash::FxHashMap;

use crate::align::Span;
use crate::reuse::hash;
use crate::reuse::index::SHINGLE;
use crate::reuse::ReuseReport;
use crate::text::key::Key;

/// A formula found in the draft.
#[derive(Debug, Clone, PartialEq)]
pub struct UsedFormula {
    /// Its representative wording (in the corpus' script and punctuation).
    pub text: String,
    /// The same with its refilled slots as `#` (社会消费品零售总额增长#%): what the formula is,
    /// whatever figure a speech (or the draft) puts in it.
    pub template: String,
    /// Speeches of the corpus using it or a near variant.
    pub documents: usize,
    /// Its index in the reuse report's formulas.
    pub formula: usize,
    /// How formulaic the formula engine judges it ([`crate::reuse::Formula::score`]).
    pub score: f64,
    /// Where the draft uses it, in draft order.
    pub spans: Vec<Span>,
}

/// How many speeches must share wording for it to count as a formula rather than a source: 3, or
/// 1 in 50 speeches on a large corpus (the same share whatever the corpus size).
pub fn min_documents(n_docs: usize) -> usize {
    (n_docs / 50).max(3)
}

/// The formulas of `report` the draft holds on the comparison key, most used first.
pub fn used_by(draft: &Key, report: &ReuseReport, n_docs: usize) -> Vec<UsedFormula> {
    let hashes = hash::shingles(&draft.chars, SHINGLE);
    let mut at: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    for (i, &h) in hashes.iter().enumerate() {
        at.entry(h).or_default().push(i as u32);
    }
    let min_docs = min_documents(n_docs);
    let mut out: Vec<UsedFormula> = Vec::new();
    for (i, f) in report.formulas.iter().enumerate() {
        if f.variant_documents.max(f.documents) < min_docs {
            continue;
        }
        let key = Key::new(&f.text);
        if key.len() < SHINGLE {
            continue;
        }
        let first = hash::shingles(&key.chars[..SHINGLE], SHINGLE)[0];
        let Some(starts) = at.get(&first) else {
            continue;
        };
        let spans: Vec<Span> = starts
            .iter()
            .map(|&p| p as usize)
            .filter(|&p| draft.chars.get(p..p + key.len()) == Some(&key.chars[..]))
            .map(|p| draft.text_span(p, p + key.len()))
            .collect();
        if !spans.is_empty() {
            out.push(UsedFormula {
                text: f.text.clone(),
                template: f.template.clone(),
                documents: f.variant_documents.max(f.documents),
                formula: i,
                score: f.score,
                spans,
            });
        }
    }
    out.sort_by(|x, y| {
        y.documents
            .cmp(&x.documents)
            .then(x.spans[0].start.cmp(&y.spans[0].start))
    });
    out
}
/// The formulas to list for a reader of the check: the wording of `used` where its place in
/// the draft starts and ends on word boundaries (the shingle index also shares fragments cut
/// mid-word, 方一般公共预算收入增, which still make a passage formulaic but are no formula a
/// reader names), and the set phrases (kind formula) shorter than a shingle (放管服, 四个意识),
/// which `used` cannot see; each place listed once, under the formula unit covering it, else the
/// longest wording; most formulaic first.
pub fn listed(
    draft: &Key,
    draft_text: &str,
    used: &[UsedFormula],
    report: &ReuseReport,
    n_docs: usize,
) -> Vec<UsedFormula> {
    use crate::align::boundary::is_boundary;
    use crate::reuse::Kind;
    let text: Vec<char> = draft_text.chars().collect();
    let on_words = |s: &Span| is_boundary(&text, s.start) && is_boundary(&text, s.end);
    let mut all: Vec<UsedFormula> = used.to_vec();
    let min_docs = min_documents(n_docs);
    let mut short: FxHashMap<String, usize> = FxHashMap::default();
    let mut longest = 0;
    for (i, f) in report.formulas.iter().enumerate() {
        if f.kind != Kind::Formula || f.variant_documents.max(f.documents) < min_docs {
            continue;
        }
        let k = Key::new(&f.text).as_string();
        let n = k.chars().count();
        if n < SHINGLE {
            longest = longest.max(n);
            short.entry(k).or_insert(i);
        }
    }
    let key: String = draft.chars.iter().collect();
    let at: Vec<usize> = key
        .char_indices()
        .map(|(b, _)| b)
        .chain([key.len()])
        .collect();
    let mut found: FxHashMap<usize, Vec<Span>> = FxHashMap::default();
    for start in 0..draft.chars.len() {
        for len in (3..=longest.min(draft.chars.len() - start)).rev() {
            if let Some(&i) = short.get(&key[at[start]..at[start + len]]) {
                found
                    .entry(i)
                    .or_default()
                    .push(draft.text_span(start, start + len));
                break;
            }
        }
    }
    let mut ids: Vec<usize> = found.keys().copied().collect();
    ids.sort_unstable();
    for i in ids {
        let f = &report.formulas[i];
        all.push(UsedFormula {
            text: f.text.clone(),
            template: f.template.clone(),
            documents: f.variant_documents.max(f.documents),
            formula: i,
            score: f.score,
            spans: found.remove(&i).unwrap_or_default(),
        });
    }
    // Every place on word boundaries, longest first where places nest or overlap.
    let mut places: Vec<(Span, usize)> = all
        .iter()
        .enumerate()
        .flat_map(|(k, u)| u.spans.iter().filter(|s| on_words(s)).map(move |&s| (s, k)))
        .collect();
    // Formula units (the engine's whole set phrases) before longer shared wording around them,
    // so 一带一路 is listed rather than 积极参与“一带一路”建设; among equals the longest.
    let unit = |k: usize| report.formulas[all[k].formula].unit;
    places.sort_by_key(|&(s, k)| (!unit(k), std::cmp::Reverse(s.end - s.start), s.start, k));
    let mut taken: Vec<Span> = Vec::new();
    let mut kept: Vec<Vec<Span>> = vec![Vec::new(); all.len()];
    for (s, k) in places {
        if taken.iter().any(|t| t.start < s.end && s.start < t.end) {
            continue;
        }
        taken.push(s);
        kept[k].push(s);
    }
    let mut out: Vec<UsedFormula> = all
        .into_iter()
        .zip(kept)
        .filter_map(|(mut u, mut spans)| {
            spans.sort_by_key(|s| s.start);
            u.spans = spans;
            (!u.spans.is_empty()).then_some(u)
        })
        .collect();
    // Most formulaic first (一带一路 before 继续抓好), as in the formula explorer.
    out.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then(y.documents.cmp(&x.documents))
            .then(x.spans[0].start.cmp(&y.spans[0].start))
    });
    out
}
