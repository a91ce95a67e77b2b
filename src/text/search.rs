//! The one folded search: what the library filter, the reader's `/` search and formula lookup
//! match on.
//!
//! Both sides are folded character by character ([`super::fold::fold`]: Simplified script, half
//! width) and lower-cased where lower case is one character (Latin, Greek, Cyrillic …; a letter
//! whose lower case is longer, such as `İ`, is kept). The fold never changes the number of
//! characters, so a hit's char offsets in the folded text are its offsets in the text itself.

use super::fold::fold;
use super::Span;

/// The search fold of one character.
#[inline]
pub fn fold_char(c: char) -> char {
    let c = fold(c);
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// The search fold of a string: as many chars out as in.
pub fn fold_str(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// Whether `query` occurs in a text already folded with [`fold_str`].
pub fn contains(folded: &str, query: &str) -> bool {
    folded.contains(fold_str(query).as_str())
}

/// Every occurrence of `query` in a text already folded with [`fold_str`], as char spans, left to
/// right and not overlapping. An empty query finds nothing.
pub fn find_folded(folded: &str, query: &str) -> Vec<Span> {
    let needle = fold_str(query);
    if needle.is_empty() {
        return Vec::new();
    }
    let needle_chars = needle.chars().count();
    let mut hits = Vec::new();
    let (mut last_byte, mut last_char) = (0, 0);
    for (b, _) in folded.match_indices(&needle) {
        last_char += folded[last_byte..b].chars().count();
        last_byte = b;
        hits.push(Span {
            start: last_char,
            end: last_char + needle_chars,
        });
    }
    hits
}

/// Every occurrence of `query` in `text`, both folded.
pub fn find(text: &str, query: &str) -> Vec<Span> {
    find_folded(&fold_str(text), query)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::slice;

    #[test]
    fn finds_across_scripts_widths_and_case() {
        let text = "推進項目建設，ＧＤＰ增长；gdp 与 GDP。代表,代表，";
        let hits = find(text, "项目");
        assert_eq!(hits.len(), 1);
        assert_eq!(slice(text, hits[0]), "項目");
        let gdp: Vec<&str> = find(text, "Gdp").iter().map(|&s| slice(text, s)).collect();
        assert_eq!(gdp, ["ＧＤＰ", "gdp", "GDP"]);
        assert_eq!(find(text, "代表,").len(), 2);
        assert!(find(text, "").is_empty());
    }

    #[test]
    fn the_fold_keeps_the_char_count() {
        for s in ["İstanbul ǅ ẞ", "政府工作報告", "ＡＢＣ　ｘ", "Ωμέγα"] {
            assert_eq!(fold_str(s).chars().count(), s.chars().count(), "{s}");
        }
        assert!(contains(&fold_str("Ωμέγα 计划"), "ωΜΈΓΑ"));
    }
}
