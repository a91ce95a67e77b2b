//! The corpus as one stream of symbols for counting formula units: key characters of Han
//! script, a break wherever a sentence ends, at quotation marks and around figures, placeholders
//! and Latin, and between speeches; with each symbol's speech, key position and quotation marks.

use rayon::prelude::*;

use super::index::DocIndex;
use crate::text::key::{DIGITS, WILDCARD};

/// Symbols below this are clause breaks (punctuation, figures, Latin, speech ends); a break's
/// bits say whether a quotation mark stands on either side of it ([`QUOTE_AFTER`],
/// [`QUOTE_BEFORE`]). Key characters are their code points, all above.
pub(super) const BREAKS: u32 = 4;
/// A plain break.
pub(super) const BREAK: u32 = 0;
/// Bit of a break that follows a quotation mark closing the term before it.
pub(super) const QUOTE_AFTER: u32 = 1;
/// Bit of a break followed by a quotation mark opening the term after it.
pub(super) const QUOTE_BEFORE: u32 = 2;

/// No number: a break's key position, a gram's missing link.
pub(super) const NONE: u32 = u32::MAX;

/// Whether a symbol is a break.
pub(super) fn is_break(sym: u32) -> bool {
    sym < BREAKS
}

/// The corpus laid end to end as symbols, with a break between clauses and between speeches.
/// The quotation marks of a term are in the breaks around it, so a term's neighbours tell at once
/// whether it is quoted.
pub(super) struct Stream {
    pub(super) sym: Vec<u32>,
    /// Where each speech starts, and the end of the stream last: speech `d` is
    /// `doc_starts[d]..doc_starts[d + 1]`.
    pub(super) doc_starts: Vec<u32>,
    /// Key position of each symbol in its speech (`NONE` for breaks).
    pub(super) key_pos: Vec<u32>,
    /// The speech at the start of every block of `1 << BLOCK_BITS` positions: where the search
    /// for a position's speech starts.
    block_doc: Vec<u32>,
}

/// Blocks of positions for [`Stream::doc_of`]: smaller than most speeches, so the speech of a
/// position is nearly always its block's speech or the next.
const BLOCK_BITS: u32 = 12;

/// One speech's part of the stream; it starts and ends with a break.
struct Part {
    pub(super) sym: Vec<u32>,
    pub(super) key_pos: Vec<u32>,
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '“' | '”'
            | '‘'
            | '’'
            | '「'
            | '」'
            | '『'
            | '』'
            | '"'
            | '\''
            | '《'
            | '》'
            | '〈'
            | '〉'
    )
}

/// Marks that end a sentence: no unit runs across them (nor across quotation marks). Commas and
/// enumeration marks do not stop a unit (一分部署，九分落实 and 九牛爬坡、个个出力 are one formula
/// each).
fn is_hard(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n' | '\r' | '…'
    )
}

/// One speech as symbols: key characters, with a break wherever the cleaned text ends a sentence
/// between two key characters, and around figures, placeholders and Latin.
fn stream_of(idx: &DocIndex, text: &str) -> Part {
    let n = idx.chars.len();
    let cap = n + n / 8 + 2;
    let mut part = Part {
        sym: Vec::with_capacity(cap),
        key_pos: Vec::with_capacity(cap),
    };
    // `bits`: quotation marks on either side of the break (added to the break already there).
    let push_break = |part: &mut Part, bits: u32| match part.sym.last_mut() {
        Some(last) if is_break(*last) => *last |= bits,
        _ => {
            part.sym.push(BREAK | bits);
            part.key_pos.push(NONE);
        }
    };
    push_break(&mut part, 0);
    // The text between key characters is read with one forward cursor (gaps only move forward).
    let (mut cursor, mut at) = (text.chars(), 0usize);
    let mut gap = Vec::new();
    for i in 0..=n {
        let gap_start = if i == 0 { 0 } else { idx.ends[i - 1] as usize };
        let gap_end = if i == n {
            gap_start + 2
        } else {
            idx.map[i] as usize
        };
        gap.clear();
        if gap_end > gap_start {
            if gap_start > at {
                cursor.nth(gap_start - at - 1);
            }
            gap.extend(cursor.by_ref().take(gap_end - gap_start));
            at = gap_end;
        }
        let quoted = gap.iter().any(|&g| is_quote(g));
        // A quoted term is a unit of its own: no unit runs across a quotation mark.
        if quoted || gap.iter().any(|&g| is_hard(g)) || i == n {
            let after = part.sym.last().is_some_and(|&l| quoted && !is_break(l));
            push_break(&mut part, if after { QUOTE_AFTER } else { 0 });
        }
        if i == n {
            break;
        }
        let c = idx.chars[i];
        if c == DIGITS || c == WILDCARD || !is_han(c) {
            push_break(&mut part, 0);
            continue;
        }
        if quoted {
            push_break(&mut part, QUOTE_BEFORE);
        }
        part.sym.push(c as u32);
        part.key_pos.push(i as u32);
    }
    part
}

pub(super) fn build_stream(docs: &[&DocIndex], texts: &[&str]) -> Stream {
    let parts: Vec<Part> = docs
        .par_iter()
        .zip(texts.par_iter())
        .map(|(d, t)| stream_of(d, t))
        .collect();
    let mut doc_starts = Vec::with_capacity(parts.len() + 1);
    let mut total = 0usize;
    for p in &parts {
        doc_starts.push(total as u32);
        total += p.sym.len();
    }
    doc_starts.push(total as u32);
    let lens: Vec<usize> = parts.iter().map(|p| p.sym.len()).collect();
    let mut block_doc = Vec::with_capacity((total >> BLOCK_BITS) + 1);
    let mut d = 0u32;
    for b in 0..=(total >> BLOCK_BITS) {
        while (d as usize + 1) < parts.len()
            && doc_starts[d as usize + 1] as usize <= b << BLOCK_BITS
        {
            d += 1;
        }
        block_doc.push(d);
    }
    let mut s = Stream {
        sym: vec![0; total],
        doc_starts,
        key_pos: vec![0; total],
        block_doc,
    };
    // Each speech's part is copied to its place in parallel; a part starts and ends with a
    // break, so no neighbour is taken across speeches.
    split_by(&mut s.sym, &lens)
        .into_par_iter()
        .zip(split_by(&mut s.key_pos, &lens))
        .zip(&parts)
        .for_each(|((sym, key_pos), part)| {
            sym.copy_from_slice(&part.sym);
            key_pos.copy_from_slice(&part.key_pos);
        });
    s
}

/// `v` cut into consecutive pieces of the given lengths.
fn split_by<'a, T>(mut v: &'a mut [T], lens: &[usize]) -> Vec<&'a mut [T]> {
    let mut out = Vec::with_capacity(lens.len());
    for &n in lens {
        let (head, tail) = v.split_at_mut(n);
        out.push(head);
        v = tail;
    }
    out
}

impl Stream {
    /// The speech of stream position `p`.
    pub(super) fn doc_of(&self, p: usize) -> u32 {
        let mut d = self.block_doc[p >> BLOCK_BITS] as usize;
        while self.doc_starts[d + 1] as usize <= p {
            d += 1;
        }
        d as u32
    }

    /// The number of speeches among positions in increasing order, counted up to `enough`:
    /// one lookup per speech met, not one per position, and none once the count is known to
    /// reach `enough` (most n-grams of a level are in hundreds of speeches).
    pub(super) fn count_docs(&self, positions: impl Iterator<Item = usize>, enough: u32) -> u32 {
        let (mut n, mut end) = (0u32, 0usize);
        for p in positions {
            if p >= end {
                n += 1;
                if n >= enough {
                    break;
                }
                end = self.doc_starts[self.doc_of(p) as usize + 1] as usize;
            }
        }
        n
    }
}
