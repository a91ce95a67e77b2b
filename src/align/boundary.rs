//! Where a passage may begin and end: clause punctuation, the inside of a number, and the word
//! boundaries jieba finds in the clause around a place. Shared by the snapping (`units`) and the
//! tests that measure it.

use super::fold;
use super::tokens::jieba;

pub use crate::text::punct::{is_clause_end, is_opening};

/// Characters a passage may not start with: clause punctuation and whatever closes something.
pub fn is_no_start(c: char) -> bool {
    is_clause_end(c) || c.is_whitespace() || crate::text::punct::is_closing_mark(c)
}

/// Characters that close what precedes them and belong at the end of a passage.
pub(crate) fn is_closing(c: char) -> bool {
    is_no_start(c) && !c.is_whitespace() && c != '—'
}

/// The opener a closing bracket or quote pairs with.
pub(crate) fn opener_of(c: char) -> Option<char> {
    Some(match c {
        '）' => '（',
        ')' => '(',
        '》' => '《',
        '」' => '「',
        '』' => '『',
        '】' => '【',
        '〕' => '〔',
        '”' => '“',
        '’' => '‘',
        '〉' => '〈',
        ']' => '[',
        _ => return None,
    })
}

pub(crate) fn is_digitish(c: char) -> bool {
    fold::half_width(c).is_ascii_digit()
}

/// Whether `p` (a char offset) lies between two characters of one number (`9364.8`, `8.5%`).
pub(crate) fn inside_number(t: &[char], p: usize) -> bool {
    if p == 0 || p >= t.len() {
        return false;
    }
    let (l, r) = (t[p - 1], t[p]);
    let dot = |c: char| matches!(c, '.' | '．');
    (is_digitish(l) && (is_digitish(r) || matches!(r, '%' | '％')))
        || (is_digitish(l) && dot(r) && t.get(p + 1).is_some_and(|&c| is_digitish(c)))
        || (dot(l) && is_digitish(r) && p >= 2 && is_digitish(t[p - 2]))
}

/// Whether `p` is a clause boundary: an end of the text, or next to punctuation or a space.
pub fn is_clause_boundary(t: &[char], p: usize) -> bool {
    if p == 0 || p >= t.len() {
        return true;
    }
    if inside_number(t, p) {
        return false;
    }
    let punct = |c: char| !c.is_alphanumeric();
    punct(t[p - 1]) || punct(t[p])
}

/// The clause around `p`: from after the previous clause punctuation to after the next one,
/// at most `limit` chars each way.
pub fn clause_around(t: &[char], p: usize, limit: usize) -> (usize, usize) {
    let floor = p.saturating_sub(limit);
    let mut s = p.min(t.len());
    while s > floor && !is_clause_end(t[s - 1]) {
        s -= 1;
    }
    let ceil = (p + limit).min(t.len());
    let mut e = p.min(t.len());
    while e < ceil && !is_clause_end(t[e]) {
        e += 1;
    }
    if e < t.len() && is_clause_end(t[e]) && t[e] != '\n' {
        e += 1;
    }
    (s, e)
}

/// How far (chars) the clause jieba cuts to find word boundaries reaches each way.
pub(crate) const WORD_WINDOW: usize = 32;

/// The places jieba cuts `t[s..e]` (char offsets of `t`).
pub(crate) fn word_cuts(t: &[char], s: usize, e: usize) -> Vec<usize> {
    let clause: String = t[s..e].iter().map(|&c| fold::fold(c)).collect();
    // Token offsets are in chars of the clause.
    jieba()
        .cut(&clause, false)
        .iter()
        .map(|w| s + w.end)
        .collect()
}

/// Whether `p` is a word or clause boundary of `t`: a clause boundary, or a place jieba cuts the
/// clause around it.
pub fn is_boundary(t: &[char], p: usize) -> bool {
    if is_clause_boundary(t, p) {
        return true;
    }
    if inside_number(t, p) {
        return false;
    }
    let (s, e) = clause_around(t, p, WORD_WINDOW);
    word_cuts(t, s, e).binary_search(&p).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn boundaries_follow_words_numbers_and_punctuation() {
        let t = chars("居民人均可支配收入增长8.5%，");
        assert!(is_boundary(&t, 0));
        assert!(is_boundary(&t, 2)); // 居民|人均
        assert!(!is_boundary(&t, 1)); // 居|民
        assert!(!is_boundary(&t, 12)); // 8|.5
        assert!(!is_boundary(&t, 14)); // 8.5|%
        assert!(is_boundary(&t, 15)); // %|，
    }

    #[test]
    fn clause_around_takes_the_closing_punctuation() {
        let t = chars("第一句，第二句话。第三");
        assert_eq!(clause_around(&t, 5, 40), (4, 9));
        assert_eq!(clause_around(&t, 0, 40), (0, 4));
    }
}
