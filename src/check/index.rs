//! The source index: where in the corpus each stretch of wording occurs, small enough to load
//! in a blink from the cache.
//!
//! Every speech's comparison key is cut into the reuse engine's shingles and *winnowed*: of every
//! [`WINDOW`] consecutive shingles only the one with the least hash is kept (Schleimer, Wilkerson
//! and Aiken's winnowing). Two texts sharing a run of `SHINGLE + WINDOW - 1` key characters are
//! then guaranteed to share a kept shingle, at about a third of the size of a full index. The
//! draft is looked up with *all* its shingles, so a kept shingle of the corpus is found wherever
//! the draft holds it.

use rayon::prelude::*;

use crate::reuse::cache::Cache;
use crate::reuse::hash::{self, ContentHash};
use crate::reuse::index::SHINGLE;
use crate::text::key::Key;

/// Winnowing window, in shingles: shared runs of `SHINGLE + WINDOW - 1` (13) key characters are
/// always found; the aligner's splices with a refilled slot every ~25 characters keep such runs.
pub const WINDOW: usize = 4;

/// Kept shingles of a corpus, sorted by hash, one entry per (hash, speech).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceIndex {
    /// Hash of each kept shingle, ascending.
    pub hashes: Vec<u64>,
    /// The speech holding each shingle of `hashes`.
    pub docs: Vec<u32>,
    /// Number of speeches indexed.
    pub n_docs: usize,
}

/// The positions of `hashes` kept by winnowing (the rightmost least hash of each window).
pub fn winnow(hashes: &[u64], window: usize) -> Vec<usize> {
    let mut kept: Vec<usize> = Vec::new();
    if hashes.is_empty() {
        return kept;
    }
    if hashes.len() <= window {
        let (i, _) = hashes
            .iter()
            .enumerate()
            .rev()
            .min_by_key(|(_, h)| **h)
            .expect("non-empty");
        kept.push(i);
        return kept;
    }
    for start in 0..=hashes.len() - window {
        let mut best = start;
        for i in start..start + window {
            if hashes[i] <= hashes[best] {
                best = i;
            }
        }
        if kept.last() != Some(&best) {
            kept.push(best);
        }
    }
    kept
}

/// The kept shingles of one speech, sorted, once each.
fn kept(hashes: &[u64], doc: usize) -> Vec<(u64, u32)> {
    let mut kept: Vec<(u64, u32)> = winnow(hashes, WINDOW)
        .into_iter()
        .map(|i| (hashes[i], doc as u32))
        .collect();
    kept.sort_unstable();
    kept.dedup();
    kept
}

impl SourceIndex {
    /// Builds the index of `texts` (in parallel).
    pub fn build(texts: &[&str]) -> SourceIndex {
        let per_doc: Vec<Vec<(u64, u32)>> = texts
            .par_iter()
            .enumerate()
            .map(|(d, text)| kept(&hash::shingles(&Key::new(text).chars, SHINGLE), d))
            .collect();
        Self::from_parts(per_doc)
    }

    /// Builds the index from the reuse engine's per-speech indexes (the same shingles).
    pub fn from_doc_indexes(indexes: &[crate::reuse::index::DocIndex]) -> SourceIndex {
        let per_doc: Vec<Vec<(u64, u32)>> = indexes
            .par_iter()
            .enumerate()
            .map(|(d, idx)| kept(&idx.hashes, d))
            .collect();
        Self::from_parts(per_doc)
    }

    fn from_parts(per_doc: Vec<Vec<(u64, u32)>>) -> SourceIndex {
        let n_docs = per_doc.len();
        let mut all: Vec<(u64, u32)> = per_doc.concat();
        all.par_sort_unstable();
        SourceIndex {
            hashes: all.iter().map(|e| e.0).collect(),
            docs: all.iter().map(|e| e.1).collect(),
            n_docs,
        }
    }

    /// The speeches holding a kept shingle with this hash (a slice of [`SourceIndex::docs`]).
    pub fn lookup(&self, h: u64) -> &[u32] {
        let lo = self.hashes.partition_point(|&x| x < h);
        let hi = lo + self.hashes[lo..].partition_point(|&x| x == h);
        &self.docs[lo..hi]
    }

    fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + self.hashes.len() * 12);
        out.extend_from_slice(&(self.n_docs as u64).to_le_bytes());
        out.extend_from_slice(&(self.hashes.len() as u64).to_le_bytes());
        for h in &self.hashes {
            out.extend_from_slice(&h.to_le_bytes());
        }
        for d in &self.docs {
            out.extend_from_slice(&d.to_le_bytes());
        }
        out
    }

    fn decode(bytes: &[u8]) -> anyhow::Result<SourceIndex> {
        let word = |i: usize| -> anyhow::Result<u64> {
            let b = bytes
                .get(i..i + 8)
                .ok_or_else(|| anyhow::anyhow!("truncated source index"))?;
            Ok(u64::from_le_bytes(b.try_into().expect("8 bytes")))
        };
        let n_docs = word(0)? as usize;
        let n = word(8)? as usize;
        if bytes.len() != 16 + n.saturating_mul(12) {
            anyhow::bail!("source index of the wrong size");
        }
        let hashes: Vec<u64> = bytes[16..16 + n * 8]
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes")))
            .collect();
        let docs: Vec<u32> = bytes[16 + n * 8..]
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes(c.try_into().expect("4 bytes")))
            .collect();
        if docs.iter().any(|&d| d as usize >= n_docs) || hashes.windows(2).any(|w| w[0] > w[1]) {
            anyhow::bail!("source index out of order");
        }
        Ok(SourceIndex {
            hashes,
            docs,
            n_docs,
        })
    }
}

/// The index of `texts`, from the cache when it holds one for exactly these texts (in this order)
/// under the current key rules; built and stored otherwise. Cache problems become warnings.
pub fn load_or_build(
    texts: &[&str],
    cache: Option<&Cache>,
    warnings: &mut Vec<String>,
) -> (SourceIndex, bool) {
    let Some(cache) = cache else {
        return (SourceIndex::build(texts), false);
    };
    let key = cache_key(texts);
    if let Some(idx) = load(cache, key, texts.len(), warnings) {
        return (idx, true);
    }
    let idx = SourceIndex::build(texts);
    store(cache, key, &idx, warnings);
    (idx, false)
}

/// The cache key of the index of `texts`: their contents, in order, and the key rules.
pub fn cache_key(texts: &[&str]) -> ContentHash {
    let rules = format!("check-index shingle {SHINGLE} window {WINDOW}");
    let parts: Vec<ContentHash> = texts
        .par_iter()
        .map(|t| ContentHash::of(t.as_bytes()))
        .collect();
    ContentHash::combine(
        [
            ContentHash::of(rules.as_bytes()),
            crate::reuse::key_fingerprint(),
        ]
        .into_iter()
        .chain(parts),
    )
}

/// The cached index under `key`, if there is a sound one for `n_docs` speeches.
pub fn load(
    cache: &Cache,
    key: ContentHash,
    n_docs: usize,
    warnings: &mut Vec<String>,
) -> Option<SourceIndex> {
    match cache.load_blob("check", key) {
        Ok(Some(bytes)) => match SourceIndex::decode(&bytes) {
            Ok(idx) if idx.n_docs == n_docs => return Some(idx),
            Ok(_) => warnings.push("cached source index does not fit the corpus, rebuilt".into()),
            Err(e) => warnings.push(format!("cached source index unreadable, rebuilt: {e:#}")),
        },
        Ok(None) => {}
        Err(e) => warnings.push(format!("cached source index unreadable, rebuilt: {e:#}")),
    }
    None
}

/// Stores `idx` in the cache under `key`; a failure only adds a warning.
pub fn store(cache: &Cache, key: ContentHash, idx: &SourceIndex, warnings: &mut Vec<String>) {
    if let Err(e) = cache.store_blob("check", key, &idx.encode()) {
        warnings.push(format!("could not cache the source index: {e:#}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn winnowing_keeps_one_shingle_in_every_window() {
        let hashes: Vec<u64> = (0..200u64).map(hash::mix64).collect();
        let kept = winnow(&hashes, WINDOW);
        for start in 0..=hashes.len() - WINDOW {
            assert!(
                kept.iter().any(|&k| k >= start && k < start + WINDOW),
                "window at {start} has no kept shingle"
            );
        }
        // Far fewer than all of them.
        assert!(kept.len() * 2 < hashes.len(), "{}", kept.len());
    }

    #[test]
    fn a_shared_sentence_is_found_in_its_speech_only() {
        let texts = [
            "今年要坚持稳中求进工作总基调，全面深化改革开放，着力推动高质量发展。",
            "过去一年，全省经济运行总体平稳，城乡居民收入稳步增长。",
        ];
        let idx = SourceIndex::build(&texts);
        let draft = Key::new("我们要全面深化改革开放，着力推动高质量发展！");
        let hits: Vec<u32> = hash::shingles(&draft.chars, SHINGLE)
            .iter()
            .flat_map(|&h| idx.lookup(h).to_vec())
            .collect();
        assert!(!hits.is_empty());
        assert!(hits.iter().all(|&d| d == 0), "{hits:?}");
    }

    #[test]
    fn the_reuse_engines_shingles_give_the_same_index() {
        let texts = [
            "今年要坚持稳中求进工作总基调，全面深化改革开放，着力推动高质量发展。",
            "過去一年，全省經濟運行總體平穩，城鄉居民收入穩步增長。",
        ];
        let docs: Vec<crate::reuse::index::DocIndex> = texts
            .iter()
            .map(|t| crate::reuse::index::DocIndex::build(t))
            .collect();
        assert_eq!(
            SourceIndex::from_doc_indexes(&docs),
            SourceIndex::build(&texts)
        );
    }

    #[test]
    fn encoding_round_trips_and_rejects_damage() {
        let idx = SourceIndex::build(&[
            "坚持稳中求进工作总基调，全面深化改革开放。",
            "全面深化改革开放，着力推动高质量发展。",
        ]);
        let bytes = idx.encode();
        assert_eq!(SourceIndex::decode(&bytes).unwrap(), idx);
        assert!(SourceIndex::decode(&bytes[..bytes.len() - 1]).is_err());
    }
}
