//! Formula units: short set phrases (提法) discovered from the corpus without a dictionary.
//!
//! The new-word discovery of Chinese NLP, on the comparison key: every run of Han characters
//! within a sentence (commas and quotes do not stop it) is cut into n-grams of 1 to
//! [`MAX_CHARS`] characters, counted level by level (an n-gram can only be frequent when its
//! prefix and its suffix one character shorter are, so each level only extends the frequent
//! n-grams of the level before, by the characters their suffixes allow). A frequent
//! n-gram becomes a unit when
//! - its edges are free: many different characters (or clause ends) before and after it across its
//!   occurrences — left and right branching entropy; 三去一降一 is always followed by 补, so it is
//!   not a unit, 三去一降一补 is;
//! - its inside is cohesive: at every cut, the two halves occur together far more often than by
//!   chance (pointwise mutual information), so 的经济发展 is not a unit;
//! - it has at least [`MIN_CHARS`] characters, or [`MIN_QUOTED_CHARS`] when most of its
//!   occurrences are quoted (“放管服”);
//! - its edges fall on word boundaries of its context (jieba), checked afterwards
//!   ([`super::bounds`]).
//!
//! Counting is exact (occurrences are grouped, never hashed), so document counts agree with a
//! substring search on the key. Only the neighbour statistics (branching entropy, quoting) are
//! read from a sample of at most `ENTROPY_SAMPLE` occurrences spread over the corpus.
//!
//! How a level is counted: each frequent n-gram owns a slot of one buffer holding its occurrences
//! in corpus order, and its children are its occurrences split by the symbol that follows them
//! (a stable counting sort), written back to the front of the slot. An occurrence is a 16-byte
//! entry carrying its neighbours and the next few symbols ([`super::unit_symbols::Entry`]), so a
//! level reads its slots in order and the scattered stream only every few levels: scattered
//! reads, not arithmetic, were what the counting cost.

use rayon::prelude::*;

use super::index::DocIndex;
use super::scatter;
use super::unit_stream::{build_stream, is_break, Stream, BREAK, NONE, QUOTE_AFTER, QUOTE_BEFORE};
use super::unit_symbols::{by_rank, by_symbol, characters, Alphabet, Entry, FIRST_SYMBOL, WINDOW};

/// Longest unit in key characters; longer repeated wording is found by the shingle index.
pub const MAX_CHARS: usize = 12;
/// Shortest unit.
pub const MIN_CHARS: usize = 4;
/// Shortest unit when most occurrences are quoted.
pub const MIN_QUOTED_CHARS: usize = 3;
/// Share of occurrences between quotes that makes a term "quoted".
pub const QUOTED_SHARE: f64 = 0.5;
/// Share of the corpus a unit must reach: speeches using it (at least 2).
pub const MIN_SHARE: f64 = 0.02;

/// Occurrences whose neighbours decide the branching entropy of an n-gram (and whether a
/// three-character one is mostly quoted).
const ENTROPY_SAMPLE: usize = 64;
/// Occurrences whose quotation marks give a unit's quoted share (within about 3%).
const QUOTED_SAMPLE: usize = 1024;

/// Minimum pointwise mutual information (natural log) at the weakest cut of a unit.
const MIN_COHESION: f64 = 1.5;

/// A frequent n-gram that passed the unit rules.
#[derive(Debug, Clone)]
pub struct Unit {
    /// The key characters (script-folded).
    pub key: String,
    /// Occurrences: (speech, first key position), in speech and text order.
    pub occurrences: Vec<(u32, u32)>,
    /// Number of speeches using it.
    pub documents: usize,
    /// Share of occurrences standing between quotation marks.
    pub quoted: f64,
}

/// One frequent n-gram of a level.
#[derive(Clone, Copy)]
struct Gram {
    occ: u32,
    /// Numbers of its prefix and suffix one character shorter, in the level below.
    pre: u32,
    suf: u32,
    /// Its first and last characters, as symbols.
    first: u16,
    last: u16,
    /// Its frequent extensions by one character, in the level above (in the order of their last
    /// symbol): `first_child..first_child + children`.
    first_child: u32,
    children: u32,
}

/// Entropy of a neighbour list where `BREAK` entries are each a neighbour of their own.
fn entropy(neigh: &mut [u32]) -> f64 {
    let n = neigh.len() as f64;
    neigh.sort_unstable();
    let mut h = 0.0;
    for run in neigh.chunk_by(|a, b| a == b) {
        if run[0] == BREAK {
            h += run.len() as f64 * (1.0 / n) * n.ln();
        } else {
            let p = run.len() as f64 / n;
            h -= p * p.ln();
        }
    }
    h
}

/// Minimum entropy each edge needs: a share of the most a list of this many occurrences can have,
/// capped so that common units need a fixed freedom (≈ 3 equally likely neighbours).
fn min_entropy(occ: usize) -> f64 {
    (0.5 * (occ as f64).ln()).min(1.0)
}

/// Discovers the units of a corpus: n-grams in at least `min_docs` speeches that pass the rules
/// of the module documentation (all but the word-boundary check).
pub fn discover(docs: &[&DocIndex], texts: &[&str], min_docs: usize) -> Vec<Unit> {
    let s = build_stream(docs, texts);
    let total = s.sym.len();
    let min_docs = min_docs.max(2) as u32;
    let (alphabet, occ1) = characters(&s, min_docs);
    let level1: Vec<Gram> = (0..occ1.len())
        .map(|i| {
            let sym = i as u16 + FIRST_SYMBOL;
            Gram {
                occ: occ1[i],
                pre: NONE,
                suf: NONE,
                first: sym,
                last: sym,
                first_child: 0,
                children: 0,
            }
        })
        .collect();
    let ctx = Context {
        s: &s,
        alphabet: &alphabet,
        min_docs,
        positions: s.sym.iter().filter(|&&c| !is_break(c)).count().max(1) as f64,
    };
    // Each level's n-grams own a slot of `places`: their occurrences in corpus order, as
    // entries that carry what the work on them reads (see `Entry`), so no level reads the
    // stream at scattered places but every `WINDOW`th. A level's n-grams are split by the
    // symbol that follows each occurrence; the frequent children are written back to the front
    // of their parent's slot, so one buffer serves every level and each slot is worked on by one
    // thread.
    let mut places: Vec<Entry> = Vec::new();
    let starts = scatter::by_group(
        total,
        level1.len(),
        |p| {
            let sym = alphabet.symbol(s.sym[p]);
            (sym >= FIRST_SYMBOL).then(|| u32::from(sym - FIRST_SYMBOL))
        },
        |p| Entry::new(p, s.key_pos[p], alphabet.symbol(s.sym[p - 1])).refilled(&s, &alphabet, 1),
        &mut places,
    );
    let mut slots: Vec<(u32, u32)> = (0..level1.len())
        .map(|g| (starts[g] as u32, (starts[g + 1] - starts[g]) as u32))
        .collect();
    let mut levels: Vec<Vec<Gram>> = vec![Vec::new(), level1];
    let mut units = Vec::new();

    for n in 1..=MAX_CHARS {
        let found: Vec<(Option<Unit>, Vec<Found>)> = {
            let mut parts: Vec<(usize, u32, &mut [Entry])> = Vec::with_capacity(slots.len());
            let (mut rest, mut at): (&mut [Entry], u32) = (&mut places[..], 0);
            for (g, &(start, len)) in slots.iter().enumerate() {
                let (_, tail) = rest.split_at_mut((start - at) as usize);
                let (slot, tail) = tail.split_at_mut(len as usize);
                parts.push((g, start, slot));
                rest = tail;
                at = start + len;
            }
            let (ctx, levels) = (&ctx, &levels);
            parts
                .into_par_iter()
                .map_init(Scratch::new, |scratch, (g, start, slot)| {
                    extend(ctx, levels, n, g as u32, start, slot, scratch)
                })
                .collect()
        };
        let mut level = Vec::new();
        slots.clear();
        for (g, (unit, kids)) in found.into_iter().enumerate() {
            units.extend(unit);
            let parent = &mut levels[n][g];
            parent.first_child = level.len() as u32;
            parent.children = kids.len() as u32;
            for f in kids {
                slots.push((f.start, f.gram.occ));
                level.push(f.gram);
            }
        }
        if level.is_empty() {
            break;
        }
        levels.push(level);
    }
    // Units were found level by level, each level in key order.
    units
}

/// What every slot's work reads.
struct Context<'a> {
    s: &'a Stream,
    alphabet: &'a Alphabet,
    min_docs: u32,
    /// Symbols of the stream that are not breaks: the denominator of cohesion.
    positions: f64,
}

/// Buffers of one thread, reused from slot to slot.
struct Scratch {
    /// (following symbol, index in the slot) of the occurrences that can be extended.
    next: Vec<u64>,
    /// A copy of the slot's entries while children are written back over it.
    copy: Vec<Entry>,
    /// The other buffer of the radix sort of `next`.
    sorted: Vec<u64>,
    /// Rank + 1 of each symbol a child may end with (all 0 between slots).
    rank: Vec<u16>,
    /// Sampled (left, right) neighbours.
    left: Vec<u32>,
    right: Vec<u32>,
}

impl Scratch {
    fn new() -> Scratch {
        Scratch {
            next: Vec::new(),
            copy: Vec::new(),
            left: Vec::new(),
            right: Vec::new(),
            sorted: Vec::new(),
            rank: vec![0; 1 << 16],
        }
    }
}

/// The work on one n-gram `g` of level `n` (its occurrences `slot`, the part of `places` from
/// `start`): the unit it makes, if any, and its frequent extensions by one character. One pass
/// over the entries gives the neighbours of the n-gram's own judgement and its split into
/// children; the children's occurrences are written back to the front of the slot, child after
/// child.
fn extend(
    ctx: &Context,
    levels: &[Vec<Gram>],
    n: usize,
    g: u32,
    start: u32,
    slot: &mut [Entry],
    scratch: &mut Scratch,
) -> (Option<Unit>, Vec<Found>) {
    let gram = &levels[n][g as usize];
    // A child is frequent only if its suffix is: the parent's suffix extended by the same
    // symbol, one of that suffix's children. Those symbols are the only ones worth splitting by
    // (level 2 may take any: the suffix of a character is empty).
    let allowed = if n == 1 || n == MAX_CHARS {
        &[][..]
    } else {
        let of = &levels[n - 1][gram.suf as usize];
        let from = of.first_child as usize;
        &levels[n][from..from + of.children as usize]
    };
    let grows = n == 1 || !allowed.is_empty();
    // Every `WINDOW`th level reads the next symbols from the stream: for every occurrence when
    // the n-gram grows, else for the sampled neighbours only.
    let refill = n > 1 && (n - 1).is_multiple_of(WINDOW);
    let read_right = refill && !grows;
    // The tests in their cheapest order: the neighbours first when the slot's entries hold them,
    // cohesion (reads of the level tables) first when they would be read from the stream.
    let judged = n >= MIN_QUOTED_CHARS
        && ctx.alphabet.may_start[usize::from(gram.first)]
        && ctx.alphabet.may_end[usize::from(gram.last)]
        && (!read_right || cohesive(levels, n, gram, ctx.positions));
    if !judged && !grows {
        return (None, Vec::new());
    }
    if refill && grows {
        for e in slot.iter_mut() {
            *e = e.refilled(ctx.s, ctx.alphabet, n);
        }
    }
    let unit = if judged {
        let right_of = |e: Entry| {
            if read_right {
                e.refilled(ctx.s, ctx.alphabet, n).right()
            } else {
                e.right()
            }
        };
        let cohesion = || read_right || cohesive(levels, n, gram, ctx.positions);
        judge(ctx, slot, n, scratch, &right_of, &cohesion)
    } else {
        None
    };
    if !grows {
        return (unit, Vec::new());
    }
    // The occurrences that can be extended, each keyed by its child: the following symbol on
    // level 1, its rank among the allowed symbols above. Ordered by child (stably: they stay in
    // corpus order within a child), each run is one child.
    scratch.next.clear();
    if n == 1 {
        for (i, &e) in slot.iter().enumerate() {
            let right = e.right();
            if right >= FIRST_SYMBOL {
                scratch.next.push((u64::from(right) << 32) | i as u64);
            }
        }
        by_symbol(&mut scratch.next, &mut scratch.sorted);
    } else {
        for (rank, k) in allowed.iter().enumerate() {
            scratch.rank[usize::from(k.last)] = rank as u16 + 1;
        }
        for (i, &e) in slot.iter().enumerate() {
            let rank = scratch.rank[usize::from(e.right())];
            if rank > 0 {
                scratch.next.push((u64::from(rank - 1) << 32) | i as u64);
            }
        }
        for k in allowed {
            scratch.rank[usize::from(k.last)] = 0;
        }
        by_rank(&mut scratch.next, &mut scratch.sorted, allowed.len());
    }
    scratch.copy.clear();
    scratch.copy.extend_from_slice(slot);
    let mut kids = Vec::new();
    let mut written = 0usize;
    for run in scratch.next.chunk_by(|x, y| x >> 32 == y >> 32) {
        let at = |k: usize| scratch.copy[(run[k] & 0xFFFF_FFFF) as usize];
        if run.len() < ctx.min_docs as usize
            || ctx
                .s
                .count_docs((0..run.len()).map(|k| at(k).pos()), ctx.min_docs)
                < ctx.min_docs
        {
            continue;
        }
        // The suffix of the child is the parent's suffix extended by the same symbol: the
        // allowed child of that suffix (a frequent n-gram's suffix is frequent).
        let key = (run[0] >> 32) as u32;
        let (last, suf) = if n == 1 {
            (key as u16, key - u32::from(FIRST_SYMBOL))
        } else {
            let from = levels[n - 1][gram.suf as usize].first_child;
            (allowed[key as usize].last, from + key)
        };
        for (k, o) in slot[written..written + run.len()].iter_mut().enumerate() {
            *o = at(k).shifted();
        }
        kids.push(Found {
            start: start + written as u32,
            gram: Gram {
                occ: run.len() as u32,
                pre: g,
                suf,
                first: gram.first,
                last,
                first_child: 0,
                children: 0,
            },
        });
        written += run.len();
    }
    (unit, kids)
}

/// A frequent n-gram of the next level: where its occurrences start in `places`, and its counts
/// and links.
struct Found {
    start: u32,
    gram: Gram,
}

/// Whether an occurrence between these neighbours stands between quotation marks.
fn is_quoted(left: u32, right: u32) -> bool {
    is_break(left) && left & QUOTE_BEFORE != 0 && is_break(right) && right & QUOTE_AFTER != 0
}

/// Whether the gram `gram` of level `n` is cohesive: at its weakest cut (prefix of k characters,
/// suffix of n - k), the two parts occur together far more often than by chance.
fn cohesive(levels: &[Vec<Gram>], n: usize, gram: &Gram, positions: f64) -> bool {
    // Occurrences of every prefix and suffix, by length, one walk down each chain.
    let mut prefix = [0u32; MAX_CHARS + 1];
    let mut suffix = [0u32; MAX_CHARS + 1];
    let (mut p, mut q) = (*gram, *gram);
    for k in (1..n).rev() {
        p = levels[k][p.pre as usize];
        q = levels[k][q.suf as usize];
        prefix[k] = p.occ;
        suffix[k] = q.occ;
    }
    // Pointwise mutual information ln(occ · positions / (a · b)) ≥ MIN_COHESION at every cut.
    let need = MIN_COHESION.exp();
    let joint = f64::from(gram.occ) * positions;
    (1..n).all(|k| joint >= need * f64::from(prefix[k]) * f64::from(suffix[n - k]))
}

/// The unit the n-gram of level `n` with occurrences `group` makes, if it passes the tests on
/// its neighbours (`right_of`: the symbol after an occurrence) and `cohesive`. The caller has
/// checked its first and last character.
fn judge(
    ctx: &Context,
    group: &[Entry],
    n: usize,
    scratch: &mut Scratch,
    right_of: &dyn Fn(Entry) -> u16,
    cohesive: &dyn Fn() -> bool,
) -> Option<Unit> {
    let s = ctx.s;
    let occ = group.len();
    // Neighbours and quotation marks are read from at most `ENTROPY_SAMPLE` occurrences spread
    // evenly over the corpus: a sample that large decides the tests as the whole list does (the
    // entropy bar is about one nat).
    scratch.left.clear();
    scratch.right.clear();
    for &e in group.iter().step_by(occ.div_ceil(ENTROPY_SAMPLE).max(1)) {
        scratch.left.push(u32::from(e.left()));
        scratch.right.push(u32::from(right_of(e)));
    }
    if n < MIN_CHARS {
        let sampled = scratch.left.len().max(1);
        let q = (scratch.left.iter().zip(&scratch.right))
            .filter(|&(&l, &r)| is_quoted(l, r))
            .count();
        if (q as f64 / sampled as f64) < QUOTED_SHARE {
            return None;
        }
    }
    // A fragment of a longer unit always has the same neighbour on one side: its entropy is
    // zero. A quotation mark is an edge the writer drew: a break, whatever stands beyond it.
    let need = min_entropy(occ);
    for side in [&mut scratch.left, &mut scratch.right] {
        for x in side.iter_mut() {
            if is_break(*x) {
                *x = BREAK;
            }
        }
        if entropy(side) < need {
            return None;
        }
    }
    if !cohesive() {
        return None;
    }
    // The stored quoted share comes from a finer sample.
    let (mut quoted, mut seen) = (0usize, 0usize);
    for &e in group.iter().step_by(occ.div_ceil(QUOTED_SAMPLE).max(1)) {
        seen += 1;
        quoted += is_quoted(u32::from(e.left()), u32::from(right_of(e))) as usize;
    }
    let quoted = quoted as f64 / seen.max(1) as f64;
    let p0 = group[0].pos();
    let key: String = s.sym[p0..p0 + n]
        .iter()
        .filter_map(|&c| char::from_u32(c))
        .collect();
    let (mut doc, mut end) = (0u32, 0usize);
    let occurrences: Vec<(u32, u32)> = group
        .iter()
        .map(|e| {
            let p = e.pos();
            if p >= end {
                doc = s.doc_of(p);
                end = s.doc_starts[doc as usize + 1] as usize;
            }
            (doc, e.key_pos())
        })
        .collect();
    let documents = occurrences.chunk_by(|a, b| a.0 == b.0).count();
    Some(Unit {
        key,
        occurrences,
        documents,
        quoted,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(texts: &[&str], min_docs: usize) -> Vec<Unit> {
        let idx: Vec<DocIndex> = texts.iter().map(|t| DocIndex::build(t)).collect();
        let refs: Vec<&DocIndex> = idx.iter().collect();
        discover(&refs, texts, min_docs)
    }

    #[test]
    fn entropy_counts_clause_ends_as_distinct() {
        assert_eq!(entropy(&mut [7, 7, 7]), 0.0);
        let free = entropy(&mut [BREAK, BREAK, BREAK]);
        assert!((free - 3f64.ln()).abs() < 1e-9);
    }

    #[test]
    fn a_formula_with_varied_context_is_a_unit_and_its_fragments_are_not() {
        let texts = [
            "我们要推进三去一降一补，做好各项工作。",
            "扎实抓好三去一降一补工作。",
            "坚持“三去一降一补”。深化放管服改革。",
            "落实三去一降一补任务，推进“放管服”。",
            "继续“放管服”改革，巩固三去一降一补成果。",
        ];
        let found = units(&texts, 2);
        let keys: Vec<&str> = found.iter().map(|u| u.key.as_str()).collect();
        assert!(keys.contains(&"三去一降一补"), "{keys:?}");
        assert!(!keys.contains(&"三去一降一"), "{keys:?}");
        assert!(!keys.contains(&"去一降一补"), "{keys:?}");
        // Three characters, quoted in most of its occurrences.
        assert!(keys.contains(&"放管服"), "{keys:?}");
        let u = found.iter().find(|u| u.key == "三去一降一补").unwrap();
        assert_eq!(u.documents, 5);
        assert_eq!(u.occurrences.len(), 5);
    }
}
