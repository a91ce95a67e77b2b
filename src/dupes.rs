//! Duplicate speeches: the same report collected twice (from two sites, in two encodings, under
//! two years). A set of duplicates is one speech for every share, list and count; each copy still
//! opens on its own.
//!
//! - **Exact**: the same comparison key (script, width, punctuation and spacing aside).
//! - **Near-exact**: one alignment of the two covers at least [`NEAR`] of both keys (a copy with a
//!   heading or a sentence more or less, a different trailer);
//! - **Abridged**: one of the two lies whole (≥ [`WHOLE`]) in the other, which is at most a few
//!   paragraphs longer (≥ [`ABRIDGED`] of it covered): the same report, cut by whoever copied it
//!   (a collection "screened to remove irrelevant phrases" beside the full Wikisource text).
//!
//! Pairs are never aligned all against all: each speech gets a small bottom-k sketch of its
//! shingles, only speeches of similar length sharing most of their sketch are shortlisted, and
//! only those are aligned. The original of a set is its earliest-dated member, else the first
//! listed.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::align;
use crate::text::key::Key;

/// Share of both keys one alignment must cover for a near-exact copy.
pub const NEAR: f64 = 0.95;
/// Share of the shorter key one alignment must cover for an abridged copy…
pub const WHOLE: f64 = 0.98;
/// …and share of the longer one.
pub const ABRIDGED: f64 = 0.80;
/// Shingle length of the sketches, in key characters.
const SHINGLE: usize = 12;
/// Sketch size: the K smallest shingle hashes of a speech.
const K: usize = 32;
/// A sketch value shared by more speeches than this is boilerplate and shortlists nothing.
const BUCKET_LIMIT: usize = 256;

/// How a speech copies its original.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Copy {
    /// The same comparison key.
    Exact,
    /// Near-exact: the smaller of the two shares of the keys the alignment covers (0.95..1).
    Near(f64),
    /// Abridged: one lies whole in the other; the smaller of the two shares (0.80..0.95).
    Abridged(f64),
}

/// What the finder needs of a speech.
pub struct Item<'a> {
    /// The speech's cleaned text.
    pub text: &'a str,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as the loader normalises it.
    pub date: Option<&'a str>,
}

/// For each speech of a list: the speech it copies, if any (always an original, never a copy).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Duplicates {
    of: Vec<Option<(usize, Copy)>>,
}

/// What is computed once per speech.
struct Summary {
    key_hash: u64,
    key_len: usize,
    sketch: Vec<u64>,
}

impl Duplicates {
    /// No duplicates among `n` speeches.
    pub fn none(n: usize) -> Duplicates {
        Duplicates { of: vec![None; n] }
    }

    /// Finds the duplicates among `items`.
    pub fn find(items: &[Item]) -> Duplicates {
        let summaries: Vec<Summary> = items.par_iter().map(|it| summarise(it.text)).collect();
        let mut sets = UnionFind::new(items.len());
        let mut how: FxHashMap<(usize, usize), Copy> = FxHashMap::default();
        // Exact: equal keys.
        let mut by_key: FxHashMap<(u64, usize), usize> = FxHashMap::default();
        for (i, s) in summaries.iter().enumerate() {
            if s.key_len == 0 {
                continue;
            }
            if let Some(&first) = by_key.get(&(s.key_hash, s.key_len)) {
                sets.union(first, i);
                how.insert((first, i), Copy::Exact);
            } else {
                by_key.insert((s.key_hash, s.key_len), i);
            }
        }
        // Near-exact: shortlisted through shared sketch values, then aligned.
        let verified: Vec<((usize, usize), Copy)> = shortlist(&summaries)
            .into_par_iter()
            .filter(|&(a, b)| !how.contains_key(&(a, b)))
            .filter_map(|(a, b)| Some(((a, b), copy_of(items[a].text, items[b].text)?)))
            .collect();
        for ((a, b), copy) in verified {
            sets.union(a, b);
            how.entry((a, b)).or_insert(copy);
        }
        // Each set's original: the earliest date, then the first listed.
        let mut original: FxHashMap<usize, usize> = FxHashMap::default();
        for i in 0..items.len() {
            let root = sets.find(i);
            let best = original.entry(root).or_insert(i);
            if earlier(&items[i], i, &items[*best], *best) {
                *best = i;
            }
        }
        let of = (0..items.len())
            .map(|i| {
                let o = original[&sets.find(i)];
                (o != i).then(|| {
                    let pair = (o.min(i), o.max(i));
                    // Linked through a third member: the pair itself was not measured.
                    let copy = how.get(&pair).copied().unwrap_or_else(|| {
                        if summaries[o].key_hash == summaries[i].key_hash
                            && summaries[o].key_len == summaries[i].key_len
                        {
                            Copy::Exact
                        } else {
                            // Linked through a third member; measured here for the message.
                            copy_of(items[o].text, items[i].text).unwrap_or_else(|| {
                                let (x, y) = aligned_shares(items[o].text, items[i].text);
                                Copy::Abridged(x.min(y))
                            })
                        }
                    });
                    (o, copy)
                })
            })
            .collect();
        Duplicates { of }
    }

    /// Rebuilds the sets from ids: `duplicate_of[i]` is the id of the speech `i` copies. An id not
    /// among `ids` (the original was left out of this list) makes `i` an original here. How each
    /// copies is not in the ids: [`Duplicates::copy_kind`] says `Exact` for all of them.
    pub fn from_ids(ids: &[&str], duplicate_of: &[Option<&str>]) -> Duplicates {
        let at: FxHashMap<&str, usize> = ids.iter().enumerate().map(|(i, &id)| (id, i)).collect();
        let mut of: Vec<Option<(usize, Copy)>> = duplicate_of
            .iter()
            .map(|d| d.and_then(|id| at.get(id)).map(|&o| (o, Copy::Exact)))
            .collect();
        // An original is never itself a copy (a hand-made list might chain them): follow to the end.
        for i in 0..of.len() {
            let mut hops = 0;
            while let Some((o, c)) = of[i] {
                match of[o] {
                    Some((oo, _)) if hops < of.len() && oo != i => {
                        of[i] = Some((oo, c));
                        hops += 1;
                    }
                    Some(_) => {
                        of[i] = None;
                        break;
                    }
                    None => break,
                }
            }
        }
        Duplicates { of }
    }

    /// Number of speeches in the list.
    pub fn len(&self) -> usize {
        self.of.len()
    }

    /// Whether the list was empty.
    pub fn is_empty(&self) -> bool {
        self.of.is_empty()
    }

    /// The speech `i` copies, if it is a copy.
    pub fn duplicate_of(&self, i: usize) -> Option<usize> {
        self.of.get(i).copied().flatten().map(|(o, _)| o)
    }

    /// How `i` copies its original.
    pub fn copy_kind(&self, i: usize) -> Option<Copy> {
        self.of.get(i).copied().flatten().map(|(_, c)| c)
    }

    /// The original of `i`'s set (`i` itself for an original).
    pub fn original(&self, i: usize) -> usize {
        self.duplicate_of(i).unwrap_or(i)
    }

    /// Whether `i` copies another speech.
    pub fn is_duplicate(&self, i: usize) -> bool {
        self.duplicate_of(i).is_some()
    }

    /// Speeches counting each set of duplicates once.
    pub fn distinct(&self) -> usize {
        self.of.iter().filter(|d| d.is_none()).count()
    }

    /// The sets with more than one member, each original first, then its copies in list order.
    pub fn sets(&self) -> Vec<Vec<usize>> {
        let mut by_original: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
        for i in 0..self.of.len() {
            if let Some(o) = self.duplicate_of(i) {
                by_original.entry(o).or_insert_with(|| vec![o]).push(i);
            }
        }
        by_original.into_values().collect()
    }

    /// Whether `a` and `b` are one speech (the same, or copies of each other).
    pub fn same_speech(&self, a: usize, b: usize) -> bool {
        self.original(a) == self.original(b)
    }
}

/// Whether item `a` (at list position `i`) is a better original than `b` (at `j`).
fn earlier(a: &Item, i: usize, b: &Item, j: usize) -> bool {
    // Undated sorts after every date.
    let date = |it: &Item| it.date.unwrap_or("\u{10FFFF}").to_string();
    (date(a), i) < (date(b), j)
}

fn summarise(text: &str) -> Summary {
    let key = Key::new(text);
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for &c in &key.chars {
        h = mix64(h ^ c as u64);
    }
    let mut shingles = shingle_hashes(&key.chars);
    // The 2K smallest, then distinct values: the bottom-K sketch (repeated wording inside one
    // speech must not fill it with one value).
    let take = (2 * K).min(shingles.len());
    if take < shingles.len() {
        shingles.select_nth_unstable(take);
        shingles.truncate(take);
    }
    shingles.sort_unstable();
    shingles.dedup();
    shingles.truncate(K);
    Summary {
        key_hash: h,
        key_len: key.chars.len(),
        sketch: shingles,
    }
}

/// splitmix64's finaliser. (The reuse engine has its own stable hashes; these need only be good
/// within one run, and a module of their own keeps the loader free of the reuse engine.)
fn mix64(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Hashes of every [`SHINGLE`]-character window of a key (a polynomial rolling hash, mixed).
fn shingle_hashes(chars: &[char]) -> Vec<u64> {
    const BASE: u64 = 0x9e37_79b9_7f4a_7c15;
    if chars.len() < SHINGLE {
        return Vec::new();
    }
    let top = (1..SHINGLE).fold(1u64, |p, _| p.wrapping_mul(BASE));
    let f = |c: char| mix64(c as u64);
    let mut h = chars[..SHINGLE]
        .iter()
        .fold(0u64, |h, &c| h.wrapping_mul(BASE).wrapping_add(f(c)));
    let mut out = Vec::with_capacity(chars.len() - SHINGLE + 1);
    out.push(mix64(h));
    for i in SHINGLE..chars.len() {
        h = h
            .wrapping_sub(f(chars[i - SHINGLE]).wrapping_mul(top))
            .wrapping_mul(BASE)
            .wrapping_add(f(chars[i]));
        out.push(mix64(h));
    }
    out
}

/// Pairs `(a, b)`, `a < b`, of similar length sharing at least half their sketch.
fn shortlist(summaries: &[Summary]) -> Vec<(usize, usize)> {
    let mut buckets: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    for (i, s) in summaries.iter().enumerate() {
        for &v in &s.sketch {
            buckets.entry(v).or_default().push(i as u32);
        }
    }
    let mut shared: FxHashMap<(u32, u32), u32> = FxHashMap::default();
    for docs in buckets.values() {
        if docs.len() < 2 || docs.len() > BUCKET_LIMIT {
            continue;
        }
        for (x, &a) in docs.iter().enumerate() {
            for &b in &docs[x + 1..] {
                if a != b {
                    *shared.entry((a.min(b), a.max(b))).or_default() += 1;
                }
            }
        }
    }
    let mut pairs: Vec<(usize, usize)> = shared
        .into_iter()
        .filter(|&((a, b), n)| {
            let (la, lb) = (summaries[a as usize].key_len, summaries[b as usize].key_len);
            let k = summaries[a as usize]
                .sketch
                .len()
                .min(summaries[b as usize].sketch.len());
            // A copy needs lengths within about the abridged ratio.
            2 * n as usize >= k && la.min(lb) * 100 >= la.max(lb) * 75
        })
        .map(|((a, b), _)| (a as usize, b as usize))
        .collect();
    pairs.sort_unstable();
    pairs
}

/// Whether one text copies the other, and how.
fn copy_of(a: &str, b: &str) -> Option<Copy> {
    let (x, y) = aligned_shares(a, b);
    let (lo, hi) = (x.min(y), x.max(y));
    if lo >= NEAR {
        Some(Copy::Near(lo))
    } else if hi >= WHOLE && lo >= ABRIDGED {
        Some(Copy::Abridged(lo))
    } else {
        None
    }
}

/// The shares of both keys that one alignment of the texts covers.
fn aligned_shares(a: &str, b: &str) -> (f64, f64) {
    // Copies share long runs: longer seeds and passages are enough, and much cheaper than the
    // fine passages a reader's comparison needs; word operations are not needed at all.
    let params = align::Params {
        min_len: 24,
        seed_len: 12,
        word_ops: false,
        ..align::Params::default()
    };
    let cmp = align::compare(a, b, &params);
    (cmp.a_reused, cmp.b_reused)
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind((0..n).collect())
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEECH: &str = include_str!("../sample/000_887235e958cf192e.txt");

    fn item<'a>(text: &'a str, date: Option<&'static str>) -> Item<'a> {
        Item { text, date }
    }

    #[test]
    fn exact_near_and_distinct() {
        // The sample page as it is (this module does not depend on the loader).
        let base = SPEECH.to_string();
        // Punctuation and width changed only: exact on the key.
        let respaced = base.replace('，', ",").replace('。', "．\n");
        // A short paragraph dropped: near-exact.
        let cut = {
            let paras: Vec<&str> = base.lines().collect();
            // The paragraph nearest 3% of the text.
            let target = base.len() * 3 / 100;
            let longest = (0..paras.len())
                .min_by_key(|&i| paras[i].len().abs_diff(target))
                .unwrap();
            let kept: Vec<&str> = paras
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != longest)
                .map(|(_, p)| *p)
                .collect();
            kept.join("\n")
        };
        let other = include_str!("../sample/003_fad5f05ac5c28cf9.txt");
        let items = [
            item(&respaced, Some("2021")),
            item(other, None),
            item(&base, Some("2019-03")),
            item(&cut, None),
        ];
        let d = Duplicates::find(&items);
        // The earliest dated is the original, whatever its place in the list.
        assert_eq!(d.duplicate_of(0), Some(2));
        assert_eq!(d.copy_kind(0), Some(Copy::Exact));
        assert_eq!(d.duplicate_of(1), None);
        assert_eq!(d.duplicate_of(2), None);
        let share = 1.0 - cut.chars().count() as f64 / base.chars().count() as f64;
        match d.copy_kind(3) {
            Some(Copy::Near(s)) => assert!(s >= NEAR, "{s}"),
            other => panic!("{other:?} (cut {share:.3} of the text)"),
        }
        assert_eq!(d.original(3), 2);
        assert_eq!(d.distinct(), 2);
        assert_eq!(d.sets(), vec![vec![2, 0, 3]]);
        assert!(d.same_speech(0, 3) && !d.same_speech(1, 2));
    }

    #[test]
    fn an_abridged_copy_is_a_copy() {
        let text = include_str!("../sample/003_fad5f05ac5c28cf9.txt").to_string();
        // Its last tenth cut off.
        let n = text.chars().count();
        let cut: String = text.chars().take(n * 9 / 10).collect();
        let d = Duplicates::find(&[item(&text, None), item(&cut, None)]);
        match d.copy_kind(1) {
            Some(Copy::Abridged(s)) => assert!((ABRIDGED..NEAR).contains(&s), "{s}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_speech_sharing_half_its_text_is_no_copy() {
        let half: String = SPEECH.chars().take(SPEECH.chars().count() / 2).collect();
        let d = Duplicates::find(&[item(SPEECH, None), item(&half, None)]);
        assert_eq!(d.distinct(), 2);
    }

    #[test]
    fn from_ids_follows_chains_and_ignores_missing_originals() {
        let ids = ["a", "b", "c", "d"];
        let d = Duplicates::from_ids(&ids, &[None, Some("a"), Some("b"), Some("zz")]);
        assert_eq!(d.duplicate_of(1), Some(0));
        assert_eq!(d.duplicate_of(2), Some(0));
        assert_eq!(d.duplicate_of(3), None);
        assert_eq!(d.distinct(), 2);
    }
}
