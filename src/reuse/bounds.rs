//! Word boundaries of a unit's edges: a formula starts and ends where words do, so a unit cut
//! inside a word of its usual context (…人均可支配, 均可支配收入…) is dropped. jieba cuts the clause
//! around a few occurrences; the unit passes when most of them have both edges on cuts.

use super::index::DocIndex;
use crate::text::key::{DIGITS, WILDCARD};

/// Occurrences looked at per unit (from different speeches).
const SAMPLES: usize = 3;
/// Context kept on each side of an occurrence, in key characters.
const CONTEXT: usize = 8;

fn same_clause(idx: &DocIndex, i: usize) -> bool {
    // Key positions `i` and `i + 1` touch in the text, and neither is a figure or placeholder.
    idx.ends[i] == idx.map[i + 1]
        && ![DIGITS, WILDCARD].contains(&idx.chars[i])
        && ![DIGITS, WILDCARD].contains(&idx.chars[i + 1])
}

/// Whether key position `at` of `idx` is a word cut: punctuation stands there, or jieba cuts the
/// run of touching characters around it there.
fn word_cut(idx: &DocIndex, at: usize) -> bool {
    if at == 0 || at >= idx.chars.len() || !same_clause(idx, at - 1) {
        return true;
    }
    let mut lo = at - 1;
    while lo > 0 && at - lo < CONTEXT && same_clause(idx, lo - 1) {
        lo -= 1;
    }
    let mut hi = at + 1;
    while hi < idx.chars.len() && hi - at < CONTEXT && same_clause(idx, hi - 1) {
        hi += 1;
    }
    let context: String = idx.chars[lo..hi].iter().collect();
    let cut = at - lo;
    crate::align::tokens::jieba()
        .cut(&context, false)
        .iter()
        .any(|w| w.end == cut)
}

/// Whether the unit of `len` key characters at `pos` of `idx` starts and ends on word cuts.
pub fn on_word_edges(idx: &DocIndex, pos: usize, len: usize) -> bool {
    word_cut(idx, pos) && word_cut(idx, pos + len)
}

/// Whether most of a few sampled occurrences (speech, key position), from different speeches, have
/// both edges on word cuts.
pub fn unit_on_word_edges(docs: &[&DocIndex], occurrences: &[(u32, u32)], len: usize) -> bool {
    let mut last = u32::MAX;
    let (mut seen, mut ok) = (0, 0);
    for &(d, p) in occurrences {
        if d == last {
            continue;
        }
        last = d;
        seen += 1;
        ok += on_word_edges(docs[d as usize], p as usize, len) as usize;
        // Stop once the remaining samples cannot change the majority (jieba is the cost here).
        let left = SAMPLES - seen;
        if ok * 2 > seen + left || ok * 2 + left <= seen {
            break;
        }
    }
    seen > 0 && ok * 2 > seen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, unit: &str) -> bool {
        let idx = DocIndex::build(text);
        let key: String = idx.chars.iter().collect();
        let byte = key.find(unit).expect("unit in text");
        let pos = key[..byte].chars().count();
        on_word_edges(&idx, pos, unit.chars().count())
    }

    #[test]
    fn units_cut_inside_a_word_fail() {
        let text = "全年城镇居民人均可支配收入增长较快";
        assert!(check(text, "城镇居民人均可支配收入"));
        assert!(!check(text, "镇居民人均可支配收入"));
        assert!(!check(text, "均可支配收入"));
    }

    #[test]
    fn clause_edges_are_word_edges() {
        assert!(check("我们要深化“放管服”改革。", "放管服"));
        assert!(check("一分部署，九分落实。", "九分落实"));
    }
}
