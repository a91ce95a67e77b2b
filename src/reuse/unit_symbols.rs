//! The alphabet and the entries of formula-unit counting ([`super::units`]): characters in
//! enough speeches as dense 16-bit symbols, an occurrence as one 16-byte entry that carries what
//! the levels read of it, and the two stable orderings by following symbol.

use super::unit_stream::{Stream, BREAK, NONE};

/// Function characters (particles, conjunctions, prepositions) a unit never starts or ends with:
/// 的危机感 is 危机感 with the particle of whatever came before. Grammar, not a list of formulas.
const NO_START: &str = "的了着和与及或是把被对从向将并等而也都又其之";
const NO_END: &str = "的了着和与及或在是把被对从向将并而也又其之";

/// Symbols below this are breaks, with the stream's quotation bits; characters in too few
/// speeches are plain breaks too (nothing is counted through them, and each is a neighbour of
/// its own).
pub(super) const FIRST_SYMBOL: u16 = super::unit_stream::BREAKS as u16;

/// The characters in enough speeches, numbered densely from [`FIRST_SYMBOL`] in code point order
/// (so every level's numbering follows the order of its keys).
pub(super) struct Alphabet {
    /// Symbol of each code point.
    symbol_of: Vec<u16>,
    /// Whether a unit may start / end with the character of a symbol.
    pub(super) may_start: Vec<bool>,
    pub(super) may_end: Vec<bool>,
}

impl Alphabet {
    pub(super) fn symbol(&self, code: u32) -> u16 {
        self.symbol_of
            .get(code as usize)
            .copied()
            .unwrap_or(BREAK as u16)
    }
}

/// The alphabet of the characters in at least `min_docs` speeches, with the occurrences of each
/// (in symbol order: level 1 of the n-grams).
pub(super) fn characters(s: &Stream, min_docs: u32) -> (Alphabet, Vec<u32>) {
    let max_code = s.sym.iter().copied().max().unwrap_or(0) as usize;
    let mut occ = vec![0u32; max_code + 1];
    let mut docs = vec![0u32; max_code + 1];
    let mut last_doc = vec![NONE; max_code + 1];
    for d in 0..s.doc_starts.len() - 1 {
        for p in s.doc_starts[d] as usize..s.doc_starts[d + 1] as usize {
            let c = s.sym[p] as usize;
            occ[c] += 1;
            if last_doc[c] != d as u32 {
                last_doc[c] = d as u32;
                docs[c] += 1;
            }
        }
    }
    let breaks = u32::from(FIRST_SYMBOL);
    let mut alphabet = Alphabet {
        // Breaks keep their quotation bits; other characters are plain breaks until numbered.
        symbol_of: (0..=max_code as u32)
            .map(|c| if c < breaks { c as u16 } else { BREAK as u16 })
            .collect(),
        may_start: vec![false; usize::from(FIRST_SYMBOL)],
        may_end: vec![false; usize::from(FIRST_SYMBOL)],
    };
    let mut level = Vec::new();
    for code in breaks..=max_code as u32 {
        let Some(c) = char::from_u32(code) else {
            continue;
        };
        // Symbols are 16 bits: past that many characters (never, in any script), the rest stop
        // n-grams as rare characters do.
        let sym = level.len() + usize::from(FIRST_SYMBOL);
        if docs[code as usize] < min_docs || sym > usize::from(u16::MAX) {
            continue;
        }
        let sym = sym as u16;
        alphabet.symbol_of[code as usize] = sym;
        alphabet.may_start.push(!NO_START.contains(c));
        alphabet.may_end.push(!NO_END.contains(c));
        level.push(occ[code as usize]);
    }
    (alphabet, level)
}

/// Symbols an entry carries of what follows its n-gram.
pub(super) const WINDOW: usize = 3;

/// An occurrence of an n-gram in `places`: stream position, key position in its speech, the
/// symbol before it, and the next [`WINDOW`] symbols after the n-gram (refilled from the stream
/// every [`WINDOW`] levels), so a level reads its entries in order and the stream only rarely.
#[derive(Clone, Copy, Default)]
pub(super) struct Entry(u128);

impl Entry {
    pub(super) fn new(p: usize, key_pos: u32, left: u16) -> Entry {
        Entry(p as u128 | u128::from(key_pos) << 32 | u128::from(left) << 64)
    }
    pub(super) fn pos(self) -> usize {
        (self.0 & 0xFFFF_FFFF) as usize
    }
    pub(super) fn key_pos(self) -> u32 {
        (self.0 >> 32) as u32
    }
    pub(super) fn left(self) -> u16 {
        (self.0 >> 64) as u16
    }
    /// The symbol right after the n-gram.
    pub(super) fn right(self) -> u16 {
        (self.0 >> 80) as u16
    }
    /// The entry of the n-gram one symbol longer.
    pub(super) fn shifted(self) -> Entry {
        let window = self.0 >> 96;
        Entry((self.0 & ((1 << 80) - 1)) | window << 80)
    }
    /// The entry with its window read from the stream, for an n-gram of `n` symbols.
    pub(super) fn refilled(self, s: &Stream, alphabet: &Alphabet, n: usize) -> Entry {
        let at = self.pos() + n;
        let mut window = 0u128;
        for k in 0..WINDOW {
            let sym = s
                .sym
                .get(at + k)
                .map_or(BREAK as u16, |&c| alphabet.symbol(c));
            window |= u128::from(sym) << (16 * k);
            if sym < FIRST_SYMBOL {
                break;
            }
        }
        Entry((self.0 & ((1 << 80) - 1)) | window << 80)
    }
}

/// Sorts entries `(rank << 32) | index` of increasing index by rank (below `ranks`), keeping the
/// index order within a rank: one counting pass (a child's suffix allows only a few symbols).
pub(super) fn by_rank(keys: &mut Vec<u64>, other: &mut Vec<u64>, ranks: usize) {
    if ranks <= 1 {
        return;
    }
    let mut count = vec![0usize; ranks + 1];
    for &k in keys.iter() {
        count[(k >> 32) as usize + 1] += 1;
    }
    for r in 1..=ranks {
        count[r] += count[r - 1];
    }
    other.clear();
    other.resize(keys.len(), 0);
    for &k in keys.iter() {
        let r = (k >> 32) as usize;
        other[count[r]] = k;
        count[r] += 1;
    }
    std::mem::swap(keys, other);
}

/// Sorts entries `(symbol << 32) | index` of increasing index by symbol, keeping the index order
/// within a symbol: the same order as a plain sort, in two linear passes of a byte each (a
/// comparison sort of the many large slots costs more than the rest of their work).
pub(super) fn by_symbol(keys: &mut Vec<u64>, other: &mut Vec<u64>) {
    if keys.len() <= 64 {
        keys.sort_unstable();
        return;
    }
    other.clear();
    other.resize(keys.len(), 0);
    for shift in [32, 40] {
        let mut count = [0usize; 257];
        for &k in keys.iter() {
            count[((k >> shift) & 0xFF) as usize + 1] += 1;
        }
        for b in 1..257 {
            count[b] += count[b - 1];
        }
        for &k in keys.iter() {
            let b = ((k >> shift) & 0xFF) as usize;
            other[count[b]] = k;
            count[b] += 1;
        }
        std::mem::swap(keys, other);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_orderings_are_a_plain_sort() {
        // Keys of increasing index, symbols spread over two bytes, as the levels make them.
        let keys: Vec<u64> = (0..5000u64)
            .map(|i| (((i * 7919) % 3001 + 4) << 32) | i)
            .collect();
        let mut want = keys.clone();
        want.sort_unstable();
        let (mut got, mut other) = (keys.clone(), Vec::new());
        by_symbol(&mut got, &mut other);
        assert_eq!(got, want);
        let ranked: Vec<u64> = (0..5000u64).map(|i| ((i * 13 % 7) << 32) | i).collect();
        let mut want = ranked.clone();
        want.sort_unstable();
        let mut got = ranked;
        by_rank(&mut got, &mut other, 7);
        assert_eq!(got, want);
    }

    #[test]
    fn an_entry_keeps_its_fields_and_shifts_its_window() {
        let e = Entry::new(4_000_000_000, 123_456, 2);
        assert_eq!(
            (e.pos(), e.key_pos(), e.left()),
            (4_000_000_000, 123_456, 2)
        );
        let e = Entry(e.0 | (5u128 << 80) | (6u128 << 96) | (7u128 << 112));
        assert_eq!(e.right(), 5);
        let e = e.shifted();
        assert_eq!(
            (e.right(), e.pos(), e.key_pos()),
            (6, 4_000_000_000, 123_456)
        );
        assert_eq!(e.shifted().right(), 7);
    }
}
