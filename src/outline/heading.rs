//! A section's heading: its lead clause or sentence, up to the first `。！？；` or the end of the
//! line, without the marker. Kept whole; only displays truncate it.

use super::marker::is_space;

/// Whether `c` ends the lead sentence.
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n')
}

/// Whether a paragraph goes on after its lead sentence (a run-in heading, `一、甲。正文…`)
/// rather than being a heading line (`一、甲`, `一、甲。`).
pub fn runs_in(line: &[char]) -> bool {
    line.iter()
        .position(|c| ends_sentence(*c))
        .is_some_and(|p| line[p + 1..].iter().any(|c| !is_space(*c)))
}

/// The lead sentence starting at `from`, stopping before `limit` at the latest.
pub fn lead(chars: &[char], from: usize, limit: usize) -> String {
    let limit = limit.min(chars.len());
    let from = from.min(limit);
    let end = chars[from..limit]
        .iter()
        .position(|c| ends_sentence(*c))
        .map_or(limit, |p| from + p);
    tidy(&chars[from..end])
}

/// The heading of a section whose marker ends at `after`. A marker alone on its line (`第三，`
/// then the text on the next line, as in some transcripts) takes the next non-empty line's lead.
pub fn section_heading(chars: &[char], after: usize) -> String {
    let here = lead(chars, after, chars.len());
    if !here.is_empty() {
        return here;
    }
    let mut i = after;
    while i < chars.len() && chars[i] != '\n' {
        if !is_space(chars[i]) {
            return here; // the line has only punctuation after the marker
        }
        i += 1;
    }
    while i < chars.len() && (chars[i] == '\n' || is_space(chars[i])) {
        i += 1;
    }
    lead(chars, i, chars.len())
}

/// Trims spaces and trailing list punctuation, and drops control characters (a heading must
/// never carry terminal escapes).
fn tidy(chars: &[char]) -> String {
    let s: String = chars
        .iter()
        .filter(|c| !c.is_control())
        .map(|c| if is_space(*c) { ' ' } else { *c })
        .collect();
    s.trim()
        .trim_end_matches(['，', ',', '、', '：', ':', ' '])
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn lead_sentence_without_marker() {
        let c = chars("（一）聚焦动能转换，打造产业强市。实施");
        assert_eq!(section_heading(&c, 3), "聚焦动能转换，打造产业强市");
        let c = chars("一、2018年主要工作回顾\n正文");
        assert_eq!(section_heading(&c, 2), "2018年主要工作回顾");
    }

    #[test]
    fn marker_alone_on_its_line() {
        let c = chars("第三，\n\n加强领导；落实责任。");
        assert_eq!(section_heading(&c, 3), "加强领导");
    }

    #[test]
    fn control_characters_never_reach_a_heading() {
        let c = chars("一、\u{1b}[31m红色\u{7}");
        assert_eq!(section_heading(&c, 2), "[31m红色");
    }
}
