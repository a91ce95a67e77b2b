//! The corpus as one stream of symbols for counting formula units: key characters of Han
//! script, a break wherever a sentence ends, at quotation marks and around figures, placeholders
//! and Latin, and between speeches; with each symbol's speech, key position and quotation marks.

use rayon::prelude::*;

use super::index::DocIndex;
use crate::text::key::{DIGITS, WILDCARD};

/// Symbol of a clause break (punctuation, figures, Latin, speech ends).
pub(super) const BREAK: u32 = 0;

const NONE: u32 = u32::MAX;

/// The corpus laid end to end as symbols, with a break between clauses and between speeches.
pub(super) struct Stream {
    pub(super) sym: Vec<u32>,
    /// Where each speech starts, and the end of the stream last: speech `d` is
    /// `doc_starts[d]..doc_starts[d + 1]`.
    pub(super) doc_starts: Vec<u32>,
    /// Key position of each symbol in its speech (`NONE` for breaks).
    pub(super) key_pos: Vec<u32>,
    /// Quotation marks at the position: [`QUOTE_BEFORE`], [`QUOTE_AFTER`].
    pub(super) quote: Vec<u8>,
}

/// A quotation mark stands just before the position.
pub(super) const QUOTE_BEFORE: u8 = 1;
/// A quotation mark stands just after the position.
pub(super) const QUOTE_AFTER: u8 = 2;

/// One speech's part of the stream; it starts and ends with a break.
struct Part {
    pub(super) sym: Vec<u32>,
    pub(super) key_pos: Vec<u32>,
    pub(super) quote: Vec<u8>,
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
    let chars: Vec<char> = text.chars().collect();
    let n = idx.chars.len();
    let cap = n + n / 8 + 2;
    let mut part = Part {
        sym: Vec::with_capacity(cap),
        key_pos: Vec::with_capacity(cap),
        quote: Vec::with_capacity(cap),
    };
    let push_break = |part: &mut Part| {
        if part.sym.last() != Some(&BREAK) {
            part.sym.push(BREAK);
            part.key_pos.push(NONE);
            part.quote.push(0);
        }
    };
    push_break(&mut part);
    for i in 0..=n {
        let gap_start = if i == 0 { 0 } else { idx.ends[i - 1] as usize };
        let gap_end = if i == n {
            chars.len().min(gap_start + 2)
        } else {
            idx.map[i] as usize
        };
        let gap = chars
            .get(gap_start..gap_end.min(chars.len()))
            .unwrap_or(&[]);
        let quoted = gap.iter().any(|&g| is_quote(g));
        if quoted && part.sym.last() != Some(&BREAK) {
            if let Some(last) = part.quote.last_mut() {
                *last |= QUOTE_AFTER;
            }
        }
        if i == n {
            break;
        }
        // A quoted term is a unit of its own: no unit runs across a quotation mark.
        if quoted || gap.iter().any(|&g| is_hard(g)) {
            push_break(&mut part);
        }
        let c = idx.chars[i];
        if c == DIGITS || c == WILDCARD || !is_han(c) {
            push_break(&mut part);
            continue;
        }
        part.sym.push(c as u32);
        part.key_pos.push(i as u32);
        part.quote.push(if quoted { QUOTE_BEFORE } else { 0 });
    }
    push_break(&mut part);
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
    let mut s = Stream {
        sym: vec![0; total],
        doc_starts,
        key_pos: vec![0; total],
        quote: vec![0; total],
    };
    // Each speech's part is copied to its place in parallel; a part starts and ends with a
    // break, so no neighbour is taken across speeches.
    split_by(&mut s.sym, &lens)
        .into_par_iter()
        .zip(split_by(&mut s.key_pos, &lens))
        .zip(split_by(&mut s.quote, &lens))
        .zip(&parts)
        .for_each(|(((sym, key_pos), quote), part)| {
            sym.copy_from_slice(&part.sym);
            key_pos.copy_from_slice(&part.key_pos);
            quote.copy_from_slice(&part.quote);
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
        (self.doc_starts.partition_point(|&st| st as usize <= p) - 1) as u32
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
