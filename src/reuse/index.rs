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
/// The shingle occurs at least twice in the corpus.
const REPEATED: u8 = 4;

/// Corpus-wide counts per shingle position (positions of all speeches laid end to end).
pub struct Counts {
    /// `starts[d]..starts[d + 1]`: the positions of speech `d`.
    pub starts: Vec<usize>,
    /// What segments need of each position: [`REPEATED`], [`UNIQUE_NEXT`], [`UNIQUE_PREV`]. One
    /// byte, written once per repeated shingle: the writes land at scattered positions, so each
    /// costs a cache miss.
    flags: Vec<u8>,
    /// How many times the shingle at a position occurs in the corpus (only the tests read it).
    #[cfg(test)]
    pub occ: Vec<u32>,
    /// In how many speeches the shingle at a position occurs (only the tests read it).
    #[cfg(test)]
    pub docs: Vec<u32>,
}

/// A shingle occurrence in 16 bytes (the scatter writes millions of them): its position, the key
/// characters just after and just before it (`NONE` at the edges of a speech: two occurrences of
/// a shingle have the same successor shingle iff their `next` are equal), and the bits of its hash
/// below the bucket's.
#[derive(Clone, Copy)]
struct Entry(u128);

const NONE: u32 = u32::MAX;
/// A character in 21 bits (`NONE` as all ones: no character is that high).
const CHAR_BITS: u32 = 21;
const CHAR_MASK: u32 = (1 << CHAR_BITS) - 1;

impl Entry {
    /// `bits`: the bucket bits of the hash, at least `64 - REST_BITS`.
    fn new(hash: u64, bits: u32, pos: u32, next: u32, prev: u32) -> Entry {
        let rest = hash & (u64::MAX >> bits);
        Entry(
            u128::from(pos)
                | u128::from(next & CHAR_MASK) << 32
                | u128::from(prev & CHAR_MASK) << (32 + CHAR_BITS)
                | u128::from(rest) << REST_SHIFT,
        )
    }
    fn pos(self) -> u32 {
        self.0 as u32
    }
    fn char_at(self, shift: u32) -> u32 {
        match (self.0 >> shift) as u32 & CHAR_MASK {
            CHAR_MASK => NONE,
            c => c,
        }
    }
    fn next(self) -> u32 {
        self.char_at(32)
    }
    fn prev(self) -> u32 {
        self.char_at(32 + CHAR_BITS)
    }
    /// The hash bits below the bucket's: equal for two entries of a bucket iff their hashes are.
    fn rest(self) -> u64 {
        (self.0 >> REST_SHIFT) as u64
    }
}

const REST_SHIFT: u32 = 32 + 2 * CHAR_BITS;
/// Hash bits an entry keeps; the bucket (the top bits) gives the others.
const REST_BITS: u32 = 128 - REST_SHIFT;

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

    let bits = (usize::BITS - (total / 2048).max(1).leading_zeros()).clamp(64 - REST_BITS, 18);
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

    // Every entry is written once by the scatter below, so the buffer is not filled first.
    let mut entries: Vec<Entry> = Vec::with_capacity(total);
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
                        let entry = Entry::new(
                            h,
                            bits,
                            (starts[doc] + i) as u32,
                            d.chars.get(i + SHINGLE).map_or(NONE, |&c| c as u32),
                            i.checked_sub(1).map_or(NONE, |p| d.chars[p] as u32),
                        );
                        // SAFETY: the cursors of the chunks own disjoint ranges of each bucket,
                        // all within the capacity (`total` entries).
                        unsafe { out.write(cursor[b], entry) };
                        cursor[b] += 1;
                    }
                }
            });
    }
    // SAFETY: the histograms counted every shingle, so the cursors wrote all of `0..total`;
    // `Entry` is `Copy`.
    unsafe { entries.set_len(total) };

    let mut slices: Vec<&mut [Entry]> = Vec::with_capacity(nb);
    let mut rest: &mut [Entry] = &mut entries;
    for b in 0..nb {
        let (head, tail) = rest.split_at_mut(bucket_starts[b + 1] - bucket_starts[b]);
        slices.push(head);
        rest = tail;
    }

    let mut flags = vec![0u8; total];
    let flags_out = Disjoint(flags.as_mut_ptr());
    #[cfg(test)]
    let (mut occ, mut doc_counts) = (vec![1u32; total], vec![1u32; total]);
    #[cfg(test)]
    let (occ_out, docs_out) = (
        Disjoint(occ.as_mut_ptr()),
        Disjoint(doc_counts.as_mut_ptr()),
    );
    slices
        .into_par_iter()
        .for_each_init(Vec::new, |keys, bucket| {
            // The hashes of a bucket share their top `bits`, so each shifted left with the entry's
            // index in the low bits is a sort key of one word: cheaper to sort than the entries.
            let packed = bucket.len() <= 1 << bits;
            if !packed {
                bucket.sort_unstable_by_key(|e| e.rest());
            }
            keys.clear();
            keys.extend(bucket.iter().enumerate().map(|(i, e)| {
                if packed {
                    (e.rest() << bits) | i as u64
                } else {
                    i as u64
                }
            }));
            if packed {
                keys.sort_unstable();
            }
            let at = |k: u64| {
                if packed {
                    (k & ((1 << bits) - 1)) as usize
                } else {
                    k as usize
                }
            };
            let mut members = Vec::new();
            for run in keys.chunk_by(|&x, &y| bucket[at(x)].rest() == bucket[at(y)].rest()) {
                if run.len() < 2 {
                    continue;
                }
                members.clear();
                members.extend(run.iter().map(|&k| bucket[at(k)]));
                let group = &mut members[..];
                let unique = |f: fn(Entry) -> u32| {
                    let first = f(group[0]);
                    first != NONE && group[1..].iter().all(|&e| f(e) == first)
                };
                let flag = REPEATED
                    | if unique(Entry::next) { UNIQUE_NEXT } else { 0 }
                    | if unique(Entry::prev) { UNIQUE_PREV } else { 0 };
                #[cfg(test)]
                let n_docs = {
                    let doc = |e: &Entry| starts.partition_point(|&s| s <= e.pos() as usize);
                    group.sort_unstable_by_key(|e| e.pos());
                    1 + group
                        .windows(2)
                        .filter(|w| doc(&w[0]) != doc(&w[1]))
                        .count() as u32
                };
                for e in group.iter() {
                    let p = e.pos() as usize;
                    // SAFETY: each position occurs in exactly one group.
                    unsafe { flags_out.write(p, flag) };
                    #[cfg(test)]
                    unsafe {
                        occ_out.write(p, group.len() as u32);
                        docs_out.write(p, n_docs);
                    }
                }
            }
        });

    Counts {
        starts,
        flags,
        #[cfg(test)]
        occ,
        #[cfg(test)]
        docs: doc_counts,
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
                if counts.flags[base + i] & REPEATED == 0 {
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

    #[test]
    fn an_entry_keeps_its_fields() {
        let bits = 64 - REST_BITS;
        let hash = 0xDEAD_BEEF_0123_4567u64;
        let e = Entry::new(hash, bits, 7, '\u{10FFFF}' as u32, NONE);
        assert_eq!(e.pos(), 7);
        assert_eq!((e.next(), e.prev()), (0x10FFFF, NONE));
        assert_eq!(e.rest(), hash & (u64::MAX >> bits));
    }
}
