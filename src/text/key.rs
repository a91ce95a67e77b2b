//! The comparison key: a normalised view of a cleaned text, with a map back to it.
//!
//! Matching is done on the key, passages are shown from the cleaned text (CollateX principle: keep
//! the original beside the normalised form). The key
//! - folds Traditional to Simplified script and full width to half width, character by character;
//! - drops punctuation, spaces and control characters;
//! - lower-cases Latin letters;
//! - turns each run of digits (with decimal points) into one [`DIGITS`] class symbol, so refilled
//!   figures (`增长5%` / `增长12.5%`) still match;
//! - turns each run of placeholders (`X`, `XX`, `×`, `＊`, `*`, `某`, `○○`, `□`) into one
//!   [`WILDCARD`], which the aligner lets match any short run of the other text.

use super::fold;

/// Key symbol of a placeholder run (a private-use code point, never found in cleaned text keys).
pub const WILDCARD: char = '\u{E000}';
/// Key symbol of a run of digits.
pub const DIGITS: char = '\u{E001}';

/// A normalised text on which matching is done; `map[i]` is the char offset in the cleaned text of
/// key position `i`, so passages are always reported in the original script and punctuation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Key {
    /// The key characters (with [`WILDCARD`] and [`DIGITS`] class symbols).
    pub chars: Vec<char>,
    /// Start (char offset in the cleaned text) of the source run of each key position; increasing.
    pub map: Vec<u32>,
    /// End (exclusive) of the source run of each key position: a wildcard or digit class symbol
    /// stands for several characters.
    pub ends: Vec<u32>,
    /// Length of the cleaned text in chars.
    pub text_len: usize,
}

/// What one character of the cleaned text becomes in the key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Keep(char),
    Digit,
    Placeholder,
    /// Punctuation, space, control: not in the key.
    Drop,
}

impl Key {
    /// The key of a cleaned text.
    pub fn new(text: &str) -> Key {
        let src: Vec<char> = text.chars().collect();
        let mut key = Key {
            chars: Vec::with_capacity(src.len()),
            map: Vec::with_capacity(src.len()),
            ends: Vec::with_capacity(src.len()),
            text_len: src.len(),
        };
        let mut i = 0;
        while i < src.len() {
            match classify(&src, i) {
                Class::Keep(c) => {
                    key.push(c, i, i + 1);
                    // The rest of an `X` or `〇` run is what its first character is: classifying
                    // each again would rescan the run (quadratic on a long run).
                    let mut j = i + 1;
                    while j < src.len() && same_run(src[i], src[j]) {
                        key.push(c, j, j + 1);
                        j += 1;
                    }
                    i = j;
                    continue;
                }
                Class::Drop => {}
                Class::Digit => {
                    // One class symbol for the whole number, decimal point included.
                    let mut j = i + 1;
                    while j < src.len() {
                        if classify(&src, j) == Class::Digit {
                            j += 1;
                        } else if matches!(src[j], '.' | '．')
                            && j + 1 < src.len()
                            && classify(&src, j + 1) == Class::Digit
                        {
                            j += 2;
                        } else {
                            break;
                        }
                    }
                    key.push(DIGITS, i, j);
                    i = j;
                    continue;
                }
                Class::Placeholder => {
                    let mut j = i + 1;
                    while j < src.len()
                        && (same_run(src[j - 1], src[j]) || classify(&src, j) == Class::Placeholder)
                    {
                        j += 1;
                    }
                    // Runs separated only by punctuation (`X、X`) stay separate symbols; directly
                    // adjacent ones (`X某`) are one run.
                    key.push(WILDCARD, i, j);
                    i = j;
                    continue;
                }
            }
            i += 1;
        }
        key
    }

    fn push(&mut self, c: char, start: usize, end: usize) {
        self.chars.push(c);
        self.map.push(start as u32);
        self.ends.push(end as u32);
    }

    /// Number of key positions.
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// Whether the text has no key character at all (only punctuation and spaces).
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// The cleaned-text char range covered by key positions `start..end` (end exclusive).
    pub fn text_span(&self, start: usize, end: usize) -> super::Span {
        if start >= end || end > self.chars.len() {
            let at = self.map.get(start).copied().unwrap_or(self.text_len as u32) as usize;
            return super::Span { start: at, end: at };
        }
        super::Span {
            start: self.map[start] as usize,
            end: self.ends[end - 1] as usize,
        }
    }

    /// The key positions whose source lies inside the cleaned-text range `start..end`.
    pub fn key_range(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        let lo = self.map.partition_point(|&m| (m as usize) < start);
        let hi = self.ends.partition_point(|&e| (e as usize) <= end);
        lo..hi.max(lo)
    }

    /// The key as a string (for tests and debugging; class symbols are private-use characters).
    pub fn as_string(&self) -> String {
        self.chars.iter().collect()
    }
}

/// Normalises a short string on its own (used for tokens): the key characters only.
pub fn normalise(text: &str) -> String {
    Key::new(text).as_string()
}

/// Two neighbours of one `X` run or one `〇` run, which [`classify`] always classifies alike.
fn same_run(a: char, b: char) -> bool {
    let x = |c: char| matches!(fold::half_width(c), 'X' | 'x');
    (x(a) && x(b)) || (a == '〇' && b == '〇')
}

fn is_placeholder_char(c: char) -> bool {
    matches!(c, '×' | '*' | '某' | '○' | '◯' | '□' | '〇')
}

fn is_ascii_letter(c: char) -> bool {
    fold::half_width(c).is_ascii_alphabetic()
}

fn classify(src: &[char], i: usize) -> Class {
    let raw = src[i];
    let c = fold::fold(raw);
    if c == 'X' || c == 'x' {
        // `X` is a placeholder unless it is part of a Latin word (`XBRL`, `Xi`).
        let mut lo = i;
        while lo > 0 && matches!(fold::half_width(src[lo - 1]), 'X' | 'x') {
            lo -= 1;
        }
        let mut hi = i + 1;
        while hi < src.len() && matches!(fold::half_width(src[hi]), 'X' | 'x') {
            hi += 1;
        }
        let before = lo > 0 && is_ascii_letter(src[lo - 1]);
        let after = hi < src.len() && is_ascii_letter(src[hi]);
        return if before || after {
            Class::Keep('x')
        } else {
            Class::Placeholder
        };
    }
    if c == '〇' {
        // 〇 is also the written zero of dates (二〇二一): a placeholder only when doubled and not
        // beside another numeral.
        let numeral = |k: usize| {
            src.get(k).is_some_and(|&n| {
                matches!(
                    n,
                    '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '零'
                )
            })
        };
        let doubled = src.get(i + 1) == Some(&'〇') || (i > 0 && src[i - 1] == '〇');
        let mut lo = i;
        while lo > 0 && src[lo - 1] == '〇' {
            lo -= 1;
        }
        let mut hi = i + 1;
        while hi < src.len() && src[hi] == '〇' {
            hi += 1;
        }
        return if doubled && !numeral(hi) && !(lo > 0 && numeral(lo - 1)) {
            Class::Placeholder
        } else {
            Class::Keep('〇')
        };
    }
    if is_placeholder_char(c) {
        return Class::Placeholder;
    }
    if c.is_ascii_digit() {
        return Class::Digit;
    }
    // The common case first: the CJK Unified Ideographs block, every one a letter (the general
    // Unicode lookup below costs several times as much).
    if matches!(c as u32, 0x4E00..=0x9FFF) || c.is_alphanumeric() {
        return Class::Keep(c.to_ascii_lowercase());
    }
    Class::Drop
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(s: &str) -> String {
        Key::new(s)
            .as_string()
            .replace(WILDCARD, "◆")
            .replace(DIGITS, "#")
    }

    #[test]
    fn drops_punctuation_and_space() {
        assert_eq!(
            k("一切围绕项目转，一切盯着项目干。"),
            "一切围绕项目转一切盯着项目干"
        );
        assert_eq!(k("“九牛爬坡　个个出力”"), "九牛爬坡个个出力");
    }

    #[test]
    fn folds_traditional_script() {
        assert_eq!(k("九牛爬坡、個個出力"), "九牛爬坡个个出力");
    }

    #[test]
    fn placeholders_become_one_wildcard() {
        assert_eq!(k("X市XX区"), "◆市◆区");
        assert_eq!(k("××县某某镇"), "◆县◆镇");
        assert_eq!(k("＊＊同志"), "◆同志");
        assert_eq!(k("○○乡"), "◆乡");
        // A Latin word keeps its x.
        assert_eq!(k("XBRL"), "xbrl");
        // 〇 as a written zero stays a character.
        assert_eq!(k("二〇二一年"), "二〇二一年");
    }

    #[test]
    fn digits_are_a_class() {
        assert_eq!(k("增长12.5%，达到3亿"), "增长#达到#亿");
        assert_eq!(k("１９５５年"), "#年");
    }

    #[test]
    fn map_points_back_to_the_cleaned_text() {
        let text = "以更加务实的举措，推进X乡村建设12.5亿";
        let key = Key::new(text);
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(key.len(), key.map.len());
        for w in key.map.windows(2) {
            assert!(w[0] < w[1], "map must increase");
        }
        for (i, &c) in key.chars.iter().enumerate() {
            if c != WILDCARD && c != DIGITS {
                assert_eq!(chars[key.map[i] as usize], c);
            }
        }
        let span = key.text_span(0, key.len());
        assert_eq!(span.start, 0);
        assert_eq!(span.end, chars.len());
        let digits = key.chars.iter().position(|&c| c == DIGITS).unwrap();
        let s = key.text_span(digits, digits + 1);
        let slice: String = chars[s.start..s.end].iter().collect();
        assert_eq!(slice, "12.5");
    }
}
