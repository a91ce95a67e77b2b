//! Recognising one section marker at a given position: `一、`, `（一）`, `1.`, `（1）`, `①`,
//! `第一部分`, `第一章`, `第一个问题`, `第一，`, `首先，` and the inline points `一是`, `一要`.
//!
//! This module only answers "is there a marker here, of which family and number?". Whether it
//! really opens a section (position, sequence, nesting) is decided by `sequence`.

use serde::Serialize;

use super::numeral::{arabic_digit, circled, is_han_numeral_char, parse_arabic, parse_han};

/// The family of a marker. Families are how a speech signals its hierarchy; which family is
/// which level differs from speech to speech and is derived from the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkerKind {
    /// `第一部分`, `第一篇`, `第一编`
    Part,
    /// `第一章`
    Chapter,
    /// `第一个问题`, `第一个方面`, `第一方面`, `第一点`
    Question,
    /// `一、` (also `一，` `一．` and the annotation artifact `一&、`)
    Han,
    /// `（一）`, `(一)`
    HanParen,
    /// `第一，` `第一、` `第一是`, and the list openers `首先，` `其次，` `再次，` `最后，`
    Ordinal,
    /// `1.` `1．` `1、`
    Arabic,
    /// `（1）`, `(1)`
    ArabicParen,
    /// `①`
    Circled,
    /// Inline enumeration inside a paragraph: `一是…二是…`, `一要…二要…`
    Point,
}

impl MarkerKind {
    /// The conventional depth of a family in Chinese official writing (`一、` above `（一）` above
    /// `1.` …). Used only to place a section whose parent lies before the start of the text (a page
    /// that begins mid-way); everywhere else levels come from the speech's own nesting order.
    pub fn conventional_rank(self) -> u8 {
        match self {
            MarkerKind::Part => 0,
            MarkerKind::Chapter => 1,
            MarkerKind::Question => 2,
            MarkerKind::Han => 3,
            MarkerKind::HanParen => 4,
            MarkerKind::Ordinal => 5,
            MarkerKind::Arabic => 6,
            MarkerKind::ArabicParen => 7,
            MarkerKind::Circled => 8,
            MarkerKind::Point => 9,
        }
    }

    /// Heading families that, restarting at one right under a bare item of their own, list that
    /// item's contents rather than start a new series (reports: `二、2009年工作安排` then `一、`…).
    /// Lists of ordinals or numbers restart as siblings (`首先，其次，第三，` then `第一，第二，`).
    pub fn lists_under_bare_item(self) -> bool {
        matches!(
            self,
            MarkerKind::Part | MarkerKind::Chapter | MarkerKind::Question | MarkerKind::Han
        )
    }

    /// Families numbered with Chinese numerals that head sections (`一、`, `（一）`, `第一章` …).
    pub fn is_chinese_heading(self) -> bool {
        matches!(
            self,
            MarkerKind::Part
                | MarkerKind::Chapter
                | MarkerKind::Question
                | MarkerKind::Han
                | MarkerKind::HanParen
        )
    }

    /// Families numbered with Arabic or circled digits (`1.`, `（1）`, `①`).
    pub fn is_arabic_list(self) -> bool {
        matches!(
            self,
            MarkerKind::Arabic | MarkerKind::ArabicParen | MarkerKind::Circled
        )
    }

    /// Families whose lone item (a run of one) is more often a turn of phrase than a section:
    /// `首先，我代表…`, a stray `1.`. Such runs must reach a second item to count.
    pub fn needs_second_item(self) -> bool {
        matches!(
            self,
            MarkerKind::Ordinal
                | MarkerKind::Arabic
                | MarkerKind::ArabicParen
                | MarkerKind::Circled
                | MarkerKind::Point
        )
    }
}

/// The place of a marker in its sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seq {
    /// An explicit number: `三、` is 3, `首先` is 1, `其次` is 2.
    Number(u32),
    /// "The next one", whatever its number: `再次，`, `最后，`.
    Next,
}

/// A marker found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    pub kind: MarkerKind,
    pub seq: Seq,
    /// The marker as written, with the `&` annotation artifact removed (`二&、` gives `二、`).
    pub text: String,
    /// Length in chars of the marker in the text (artifact included).
    pub len: usize,
    /// A list opener word (`首先` …) rather than a number: never used to recover a page that
    /// starts mid-way.
    pub opener: bool,
    /// For points: the verb that follows the numeral (`是` or `要`); runs never mix them.
    pub point_verb: Option<char>,
    /// Written with the `&` annotation artifact (`二&、`): in the reports this marks the top-level
    /// heading of the year's work plan, whatever numbering precedes it.
    pub artifact: bool,
}

/// Spaces a marker may contain or be followed by (`一 、`, `（ 一 ）`, `1. `).
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\r'
            | '\u{3000}'
            | '\u{a0}'
            | '\u{2002}'
            | '\u{2003}'
            | '\u{200b}'
            | '\u{200d}'
            | '\u{feff}'
    )
}

fn skip_spaces(chars: &[char], mut i: usize) -> usize {
    while i < chars.len() && is_space(chars[i]) {
        i += 1;
    }
    i
}

fn marker(kind: MarkerKind, seq: Seq, written: &[char]) -> Marker {
    Marker {
        kind,
        seq,
        text: written
            .iter()
            .filter(|c| **c != '&' && !is_space(**c))
            .collect(),
        len: written.len(),
        opener: false,
        point_verb: None,
        artifact: written.contains(&'&'),
    }
}

/// A section marker at the very start of `line` (a paragraph with its indent already skipped).
/// `line` may run past the end of the paragraph; nothing after a `\n` is used.
pub fn section_marker_at(line: &[char]) -> Option<Marker> {
    let first = *line.first()?;
    match first {
        '第' => ordinal_family(line),
        '（' | '(' => parenthesised(line),
        '首' | '其' | '再' | '最' => list_opener(line),
        c if circled(c).is_some() => {
            let n = circled(c)?;
            Some(marker(MarkerKind::Circled, Seq::Number(n), &line[..1]))
        }
        c if arabic_digit(c).is_some() => arabic(line),
        c if is_han_numeral_char(c) => han(line),
        _ => None,
    }
}

/// `第N…`: part, chapter, question or ordinal, told apart by the word after the numeral.
fn ordinal_family(line: &[char]) -> Option<Marker> {
    let (n, used) = parse_han(&line[1..])?;
    let after = 1 + used;
    let rest = &line[after..];
    let starts = |word: &str| {
        let w: Vec<char> = word.chars().collect();
        rest.len() >= w.len() && rest[..w.len()] == w[..]
    };
    for (word, kind) in [
        ("部分", MarkerKind::Part),
        ("篇", MarkerKind::Part),
        ("编", MarkerKind::Part),
        ("章", MarkerKind::Chapter),
        ("个问题", MarkerKind::Question),
        ("个方面", MarkerKind::Question),
        ("方面", MarkerKind::Question),
        ("点", MarkerKind::Question),
    ] {
        if starts(word) {
            let end = after + word.chars().count();
            // `第一点，` keeps its comma with the marker; the titles of parts and chapters follow
            // directly (`第一章经济社会发展的指导思想`).
            let end = match line.get(end) {
                Some('，' | ',' | '、' | '：' | ':') => end + 1,
                _ => end,
            };
            return Some(marker(kind, Seq::Number(n), &line[..end]));
        }
    }
    let sep = skip_spaces(line, after);
    match line.get(sep) {
        Some('，' | ',' | '、' | '：' | ':' | '是') => Some(marker(
            MarkerKind::Ordinal,
            Seq::Number(n),
            &line[..sep + 1],
        )),
        _ => None,
    }
}

/// `（一）` / `(一)` / `（1）` / `(1)`, with optional spaces inside.
fn parenthesised(line: &[char]) -> Option<Marker> {
    let i = skip_spaces(line, 1);
    let rest = line.get(i..)?;
    let (kind, (n, used)) = if let Some(p) = parse_han(rest) {
        (MarkerKind::HanParen, p)
    } else {
        (MarkerKind::ArabicParen, parse_arabic(rest)?)
    };
    let close = skip_spaces(line, i + used);
    match line.get(close) {
        Some('）' | ')') => Some(marker(kind, Seq::Number(n), &line[..close + 1])),
        _ => None,
    }
}

/// `首先，` `其次，` `再次，` `最后，`: the comma is required (`首先要…` is a sentence, not a list).
fn list_opener(line: &[char]) -> Option<Marker> {
    let seq = match line.get(..2)? {
        ['首', '先'] => Seq::Number(1),
        ['其', '次'] => Seq::Number(2),
        ['再', '次'] | ['最', '后'] => Seq::Next,
        _ => return None,
    };
    match line.get(2) {
        Some('，' | ',' | '：' | ':') => {
            let mut m = marker(MarkerKind::Ordinal, seq, &line[..3]);
            m.opener = true;
            Some(m)
        }
        _ => None,
    }
}

/// `1.` `1．` `1、`, not followed by another digit (`1.5亿元`, `2.3`), nor by a second
/// separator (`1..`).
fn arabic(line: &[char]) -> Option<Marker> {
    let (n, used) = parse_arabic(line)?;
    let sep = skip_spaces(line, used);
    match line.get(sep) {
        Some('.' | '．' | '、') => {}
        _ => return None,
    }
    match line.get(sep + 1) {
        Some(c) if arabic_digit(*c).is_some() || matches!(c, '.' | '．' | '、' | '%' | '％') => {
            None
        }
        _ => Some(marker(MarkerKind::Arabic, Seq::Number(n), &line[..sep + 1])),
    }
}

/// `一、` (`一，` `一．` `一&、`), not an enumeration of numerals (`一、二、三等奖`, `一、二产业`).
fn han(line: &[char]) -> Option<Marker> {
    let (n, used) = parse_han(line)?;
    let mut sep = skip_spaces(line, used);
    if line.get(sep) == Some(&'&') {
        sep += 1;
    }
    // A numeral alone on its line is a heading in wiki layouts (`二` then the text).
    if line.get(sep).is_none_or(|c| *c == '\n') {
        return Some(marker(MarkerKind::Han, Seq::Number(n), &line[..used]));
    }
    match line.get(sep) {
        Some('、' | '，' | ',' | '．' | '.') => {}
        _ => return None,
    }
    let next = skip_spaces(line, sep + 1);
    if let Some(c) = line.get(next) {
        if is_han_numeral_char(*c) && parse_han(&line[next..]).is_some() {
            let (_, u) = parse_han(&line[next..])?;
            if matches!(line.get(next + u), Some('、' | '，' | ',' | '产' | '等')) {
                return None;
            }
        }
        if *c == '&' || arabic_digit(*c).is_some() && line[sep] != '、' {
            return None;
        }
    }
    Some(marker(MarkerKind::Han, Seq::Number(n), &line[..sep + 1]))
}

/// An inline point `一是` / `一要` at `chars[i]`. The caller checks what precedes it.
pub fn point_marker_at(chars: &[char], i: usize) -> Option<Marker> {
    let (n, used) = parse_han(chars.get(i..)?)?;
    let verb = *chars.get(i + used)?;
    if verb != '是' && verb != '要' {
        return None;
    }
    // `一是一、二是二` is an idiom, not an enumeration.
    if chars
        .get(i + used + 1)
        .is_some_and(|c| is_han_numeral_char(*c))
    {
        return None;
    }
    let mut m = marker(MarkerKind::Point, Seq::Number(n), &chars[i..i + used + 1]);
    m.point_verb = Some(verb);
    Some(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Option<(MarkerKind, Seq, String)> {
        let v: Vec<char> = s.chars().collect();
        section_marker_at(&v).map(|m| (m.kind, m.seq, m.text))
    }

    #[test]
    fn recognises_every_family() {
        use MarkerKind::*;
        let n = Seq::Number;
        assert_eq!(at("一、总体要求"), Some((Han, n(1), "一、".into())));
        assert_eq!(at("十二、加强"), Some((Han, n(12), "十二、".into())));
        assert_eq!(at("二&、2010年主要任务"), Some((Han, n(2), "二、".into())));
        assert_eq!(at("（三）聚焦"), Some((HanParen, n(3), "（三）".into())));
        assert_eq!(at("( 二 )聚焦"), Some((HanParen, n(2), "(二)".into())));
        assert_eq!(at("3.高水平"), Some((Arabic, n(3), "3.".into())));
        assert_eq!(at("１．高水平"), Some((Arabic, n(1), "１．".into())));
        assert_eq!(at("4、社会事业"), Some((Arabic, n(4), "4、".into())));
        assert_eq!(at("（2）加快"), Some((ArabicParen, n(2), "（2）".into())));
        assert_eq!(at("②加快"), Some((Circled, n(2), "②".into())));
        assert_eq!(at("第一部分 总结"), Some((Part, n(1), "第一部分".into())));
        assert_eq!(at("第三章巩固"), Some((Chapter, n(3), "第三章".into())));
        assert_eq!(
            at("第二个问题,怎么理解"),
            Some((Question, n(2), "第二个问题,".into()))
        );
        assert_eq!(at("第五，这是"), Some((Ordinal, n(5), "第五，".into())));
        assert_eq!(at("第一是要"), Some((Ordinal, n(1), "第一是".into())));
        assert_eq!(at("首先，政府"), Some((Ordinal, n(1), "首先，".into())));
        assert_eq!(
            at("最后，关于"),
            Some((Ordinal, Seq::Next, "最后，".into()))
        );
    }

    #[test]
    fn refuses_look_alikes() {
        assert_eq!(at("1.5亿元"), None);
        assert_eq!(at("2019.1.1"), None);
        assert_eq!(at("2019、2020年"), None);
        assert_eq!(at("2、3月份"), None);
        assert_eq!(at("一九五八，将积极发展"), None);
        assert_eq!(at("一、二、三等奖"), None);
        assert_eq!(at("一、二产业"), None);
        assert_eq!(at("首先要解决"), None);
        assert_eq!(at("第一次会议"), None);
        assert_eq!(at("第一季度"), None);
        assert_eq!(at("一方面"), None);
        assert_eq!(at("一是加强"), None);
    }

    #[test]
    fn points() {
        let v: Vec<char> = "一是要以强烈".chars().collect();
        assert_eq!(point_marker_at(&v, 0).map(|m| m.text), Some("一是".into()));
        let v: Vec<char> = "一是一、二是二".chars().collect();
        assert_eq!(point_marker_at(&v, 0), None);
        let v: Vec<char> = "统一要求".chars().collect();
        assert_eq!(
            point_marker_at(&v, 1).map(|m| m.kind),
            Some(MarkerKind::Point)
        );
    }
}
