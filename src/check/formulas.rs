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
    /// Speeches of the corpus using it or a near variant.
    pub documents: usize,
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
    for f in &report.formulas {
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
                documents: f.variant_documents.max(f.documents),
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
