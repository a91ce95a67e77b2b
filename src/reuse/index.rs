//! The shingle index: every `SHINGLE`-character window of every speech's comparison key, counted
//! across the corpus without a hash map (radix partition by hash, then small in-cache sorts), and
//! cut into segments of maximal repeated wording.
//!
//! Segments are the unitigs of the shingle graph: a shingle joins its successor when, everywhere in
//! the corpus, it is followed by that successor and the successor is preceded by it. All occurrences
//! of a segment are therefore the very same wording, and a document count taken over segments agrees
//! with a plain substring count on the comparison key.

use rayon::prelude::*;

use super::scatter::Disjoint;

use super::hash;
use crate::text::key::Key;
use crate::text::Span;

/// Length of a shingle in key characters. Passages shorter than this are not reuse (it is also the
/// aligner's default minimum passage length).
pub const SHINGLE: usize = 10;

/// The per-speech part of the index: all that is needed from a speech once its key is built, and
/// what the cache keeps per file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocIndex {
    /// `map[i]..ends[i]`: the cleaned-text chars key position `i` stands for (one char, or a whole
    /// number or placeholder run).
    pub map: Vec<u32>,
    /// End (exclusive) of each key position's run of cleaned-text chars (see `map`).
    pub ends: Vec<u32>,

    /// `hashes[i]`: hash of the shingle starting at key position `i`.
    pub hashes: Vec<u64>,
    /// The key characters (they tell, exactly, whether two equal shingles have equal neighbours).
    pub chars: Vec<char>,
    /// Length of the cleaned text in chars.
    pub text_chars: u32,
}

impl DocIndex {
    /// The index of one speech's cleaned text.
    pub fn build(text: &str) -> DocIndex {
        let key = Key::new(text);
        DocIndex {
            hashes: hash::shingles(&key.chars, SHINGLE),
            map: key.map,
            ends: key.ends,
            chars: key.chars,
            text_chars: key.text_len as u32,
        }
    }

    /// The cleaned-text span of the shingles `start..end` (their key characters and whatever
    /// punctuation lies between them).
    pub fn text_span(&self, start: usize, end: usize) -> Span {
        let last = end - 1 + SHINGLE - 1;
        Span {
            start: self.map[start] as usize,
            end: self.ends[last] as usize,
        }
    }

    /// Cleaned-text chars of the key positions `start..end`.
    pub fn text_chars_of(&self, start: usize, end: usize) -> usize {
        (self.ends[end - 1] - self.map[start]) as usize
    }

    /// Key characters covered by the shingles `start..end`.
    pub fn key_chars(start: usize, end: usize) -> usize {
        end - start + SHINGLE - 1
    }
}

/// Every occurrence of a shingle is followed by the same shingle.
const UNIQUE_NEXT: u8 = 1;
/// Every occurrence of a shingle is preceded by the same shingle.
const UNIQUE_PREV: u8 = 2;

/// Corpus-wide counts per shingle position (positions of all speeches laid end to end).
pub struct Counts {
    /// `starts[d]..starts[d + 1]`: the positions of speech `d`.
    pub starts: Vec<usize>,
    /// How many times the shingle at a position occurs in the corpus.
    pub occ: Vec<u32>,
    /// In how many speeches it occurs (checked by the tests; no caller reads it yet).
    #[cfg_attr(not(test), allow(dead_code))]
    pub docs: Vec<u32>,
    flags: Vec<u8>,
}

#[derive(Clone, Copy, Default)]
struct Entry {
    hash: u64,
    pos: u32,
    doc: u32,
    /// Key characters just after and just before the shingle (`NONE` at the edges of a speech):
    /// two occurrences of a shingle have the same successor shingle iff their `next` are equal.
    next: u32,
    prev: u32,
}

const NONE: u32 = u32::MAX;

/// Counts every shingle of the corpus. Linear in corpus size: the entries are scattered into
/// buckets by the top bits of their hash (hashes are uniform), then each bucket, a few thousand
/// entries, is sorted in cache.
pub fn count(docs: &[&DocIndex]) -> Counts {
    let mut starts = Vec::with_capacity(docs.len() + 1);
    let mut total = 0usize;
    for d in docs {
        starts.push(total);
        total += d.hashes.len();
    }
    starts.push(total);
    assert!(
        total < u32::MAX as usize,
        "corpus too large for 32-bit positions"
    );

    let bits = (usize::BITS - (total / 2048).max(1).leading_zeros()).clamp(4, 18);
    let nb = 1usize << bits;
    let bucket_of = |h: u64| (h >> (64 - bits)) as usize;

    // Chunks of speeches, each with its own histogram, so the scatter runs in parallel.
    let chunk_len = docs.len().div_ceil(16).max(1);
    let hists: Vec<Vec<u32>> = docs
        .par_chunks(chunk_len)
        .map(|chunk| {
            let mut hist = vec![0u32; nb];
            for d in chunk {
                for &h in &d.hashes {
                    hist[bucket_of(h)] += 1;
                }
            }
            hist
        })
        .collect();
    let mut bucket_starts = vec![0usize; nb + 1];
    for b in 0..nb {
        bucket_starts[b + 1] =
            bucket_starts[b] + hists.iter().map(|h| h[b] as usize).sum::<usize>();
    }
    let mut cursors: Vec<Vec<usize>> = Vec::with_capacity(hists.len());
    let mut running = bucket_starts[..nb].to_vec();
    for hist in &hists {
        cursors.push(running.clone());
        for b in 0..nb {
            running[b] += hist[b] as usize;
        }
    }

    let mut entries = vec![Entry::default(); total];
    {
        let out = Disjoint(entries.as_mut_ptr());
        docs.par_chunks(chunk_len)
            .zip(cursors.par_iter_mut())
            .enumerate()
            .for_each(|(c, (chunk, cursor))| {
                let first_doc = c * chunk_len;
                for (j, d) in chunk.iter().enumerate() {
                    let doc = first_doc + j;
                    for (i, &h) in d.hashes.iter().enumerate() {
                        let b = bucket_of(h);
                        let entry = Entry {
                            hash: h,
                            pos: (starts[doc] + i) as u32,
                            doc: doc as u32,
                            next: d.chars.get(i + SHINGLE).map_or(NONE, |&c| c as u32),
                            prev: i.checked_sub(1).map_or(NONE, |p| d.chars[p] as u32),
                        };
                        // SAFETY: the cursors of the chunks own disjoint ranges of each bucket.
                        unsafe { out.write(cursor[b], entry) };
                        cursor[b] += 1;
                    }
                }
            });
    }

    let mut slices: Vec<&mut [Entry]> = Vec::with_capacity(nb);
    let mut rest: &mut [Entry] = &mut entries;
    for b in 0..nb {
        let (head, tail) = rest.split_at_mut(bucket_starts[b + 1] - bucket_starts[b]);
        slices.push(head);
        rest = tail;
    }

    let mut occ = vec![1u32; total];
    let mut doc_counts = vec![1u32; total];
    let mut flags = vec![0u8; total];
    let occ_out = Disjoint(occ.as_mut_ptr());
    let docs_out = Disjoint(doc_counts.as_mut_ptr());
    let flags_out = Disjoint(flags.as_mut_ptr());
    slices.into_par_iter().for_each(|bucket| {
        // Entries arrive in position order within each chunk of speeches; the groups are put
        // back in position order below, which is cheaper than a two-key sort of the bucket.
        bucket.sort_unstable_by_key(|e| e.hash);
        for group in bucket.chunk_by_mut(|x, y| x.hash == y.hash) {
            if group.len() < 2 {
                continue;
            }
            group.sort_unstable_by_key(|e| e.pos);
            let mut n_docs = 1u32;
            for w in group.windows(2) {
                n_docs += (w[0].doc != w[1].doc) as u32;
            }
            let unique = |f: fn(&Entry) -> u32| {
                let first = f(&group[0]);
                first != NONE && group[1..].iter().all(|e| f(e) == first)
            };
            let flag = if unique(|e| e.next) { UNIQUE_NEXT } else { 0 }
                | if unique(|e| e.prev) { UNIQUE_PREV } else { 0 };
            for e in group.iter() {
                let p = e.pos as usize;
                // SAFETY: each position occurs in exactly one group.
                unsafe {
                    occ_out.write(p, group.len() as u32);
                    docs_out.write(p, n_docs);
                    flags_out.write(p, flag);
                }
            }
        }
    });

    Counts {
        starts,
        occ,
        docs: doc_counts,
        flags,
    }
}

/// One occurrence of a stretch of repeated wording in one speech: shingles `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// The speech.
    pub doc: u32,
    /// First shingle position of the segment.
    pub start: u32,
    /// Shingle position just past it.
    pub end: u32,

    /// Hash of the first shingle: the same for every occurrence of the same wording.
    pub first: u64,
}

/// Cuts every speech into segments of repeated wording (shingles occurring at least twice in the
/// corpus), in speech order and, within a speech, in text order.
pub fn segments(docs: &[&DocIndex], counts: &Counts) -> Vec<Segment> {
    let per_doc: Vec<Vec<Segment>> = (0..docs.len())
        .into_par_iter()
        .map(|d| {
            let base = counts.starts[d];
            let n = docs[d].hashes.len();
            let mut out = Vec::new();
            let mut i = 0;
            while i < n {
                if counts.occ[base + i] < 2 {
                    i += 1;
                    continue;
                }
                let start = i;
                while i + 1 < n
                    && counts.flags[base + i] & UNIQUE_NEXT != 0
                    && counts.flags[base + i + 1] & UNIQUE_PREV != 0
                {
                    i += 1;
                }
                out.push(Segment {
                    doc: d as u32,
                    start: start as u32,
                    end: (i + 1) as u32,
                    first: docs[d].hashes[start],
                });
                i += 1;
            }
            out
        })
        .collect();
    per_doc.concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(texts: &[&str]) -> Vec<DocIndex> {
        texts.iter().map(|t| DocIndex::build(t)).collect()
    }

    #[test]
    fn counts_occurrences_and_documents() {
        let idx = index(&[
            "向各民主党派、工商联、无党派人士表示感谢。",
            "向各民主党派、工商联、无党派人士表示衷心感谢！民主党派工商联无党派人士",
            "今年经济运行总体平稳。",
        ]);
        let refs: Vec<&DocIndex> = idx.iter().collect();
        let counts = count(&refs);
        // "向各民主党派工商" starts both of the first two speeches, once in each.
        assert_eq!(counts.occ[0], 2);
        assert_eq!(counts.docs[0], 2);
        // "民主党派工商联无党派" occurs three times in two speeches.
        let p = counts.starts[1] + 2;
        assert_eq!(counts.occ[p], 3);
        assert_eq!(counts.docs[p], 2);
        // The third speech shares nothing.
        assert!(counts.occ[counts.starts[2]..].iter().all(|&o| o == 1));
    }

    #[test]
    fn segments_are_maximal_shared_wording() {
        let idx = index(&[
            "本次会议审议通过了政府工作报告，请予审议。甲",
            "乙本次会议审议通过了政府工作报告，请予审议。丙丁",
        ]);
        let refs: Vec<&DocIndex> = idx.iter().collect();
        let counts = count(&refs);
        let segs = segments(&refs, &counts);
        assert_eq!(segs.len(), 2, "{segs:?}");
        let key_len = "本次会议审议通过了政府工作报告请予审议".chars().count();
        for s in &segs {
            assert_eq!(
                DocIndex::key_chars(s.start as usize, s.end as usize),
                key_len
            );
        }
        assert_eq!(segs[0].first, segs[1].first);
        let span = idx[1].text_span(segs[1].start as usize, segs[1].end as usize);
        assert_eq!(span, Span { start: 1, end: 21 });
    }
}
