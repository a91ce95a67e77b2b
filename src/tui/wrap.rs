//! Pre-wrapping of Chinese (and mixed Chinese/Latin) text by display width.
//!
//! `Paragraph::wrap` knows nothing of Chinese line-breaking rules, and wrapping at render time would
//! lose the link between screen lines and text offsets that highlighting, search and the outline
//! need. So text is wrapped here, once per width, into lines that remember their char range.
//! Break opportunities come from the Unicode line-breaking algorithm (textwrap); on top of it the
//! Chinese rules (禁则) are enforced: no line starts with closing punctuation, none ends with an
//! opening bracket, and a Latin word or number is never cut unless it is wider than the line.

use textwrap::WordSeparator;

use super::sanitize::char_width;

/// One screen line: chars `start..end` of the wrapped text (line breaks excluded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub start: usize,
    pub end: usize,
}

/// Characters that may not end a line.
pub use speechtui::text::punct::no_line_end as is_no_end;
/// Characters that may not begin a line (the one table of `text::punct`).
pub use speechtui::text::punct::no_line_start as is_no_start;

/// Char offsets → byte offsets of a text, so that sub-ranges can be sliced in O(1).
#[derive(Debug, Clone, Default)]
pub struct CharIndex {
    bytes: Vec<usize>,
}

impl CharIndex {
    pub fn new(text: &str) -> CharIndex {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        CharIndex { bytes }
    }

    /// Number of chars in the text.
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        self.bytes.len() - 1
    }

    /// Byte offset of char `i` (clamped to the end).
    pub fn byte(&self, i: usize) -> usize {
        self.bytes[i.min(self.len())]
    }

    /// The text of chars `start..end`.
    pub fn slice<'a>(&self, text: &'a str, start: usize, end: usize) -> &'a str {
        &text[self.byte(start)..self.byte(end.max(start))]
    }
}

/// The line of `lines` (in text order) holding char `at`.
pub fn line_of(lines: &[Line], at: usize) -> usize {
    lines.partition_point(|l| l.start <= at).saturating_sub(1)
}

/// `lines` of `text`, wrapped at `wrapped_at`, wrapped again at `width` unless they already are
/// (and not empty). Returns the line that now holds the start of line `anchor`, or `None` when
/// nothing changed: the reader and the sources view keep the same text in view across a resize.
pub fn rewrapped(
    lines: &mut Vec<Line>,
    wrapped_at: &mut usize,
    text: &str,
    width: usize,
    anchor: usize,
) -> Option<usize> {
    if width == *wrapped_at && !lines.is_empty() {
        return None;
    }
    let at = lines.get(anchor).map(|l| l.start);
    *wrapped_at = width;
    *lines = wrap(text, width);
    Some(at.map_or(0, |a| line_of(lines, a)))
}

/// Wraps the whole of `text` to `width` columns.
pub fn wrap(text: &str, width: usize) -> Vec<Line> {
    wrap_part(text, 0, width)
}

/// Wraps `part`, a piece of a larger text starting at char `base`; lines carry offsets in the
/// larger text. Every `\n` ends a line; an empty paragraph gives an empty line.
pub fn wrap_part(part: &str, base: usize, width: usize) -> Vec<Line> {
    let width = width.max(2);
    let mut lines = Vec::new();
    let mut offset = base;
    for para in part.split('\n') {
        let para_chars = para.chars().count();
        let para = para.strip_suffix('\r').unwrap_or(para);
        wrap_paragraph(para, offset, width, &mut lines);
        offset += para_chars + 1;
    }
    lines
}

/// An unbreakable unit of a paragraph: chars `start..end`, `width` columns without its trailing
/// spaces, `full` with them.
#[derive(Debug, Clone, Copy)]
struct Unit {
    start: usize,
    end: usize,
    width: usize,
    full: usize,
}

fn units(para: &str, base: usize) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    let mut chars_before = 0usize;
    let mut byte_cursor = 0usize;
    for word in WordSeparator::UnicodeBreakProperties.find_words(para) {
        // Words are slices of `para` (or empty); find where this one starts.
        let text = if word.word.is_empty() {
            word.whitespace
        } else {
            word.word
        };
        let start_byte = if text.is_empty() {
            byte_cursor
        } else {
            (text.as_ptr() as usize).saturating_sub(para.as_ptr() as usize)
        };
        if start_byte > byte_cursor {
            // Anything the separator skipped stays attached to the previous unit.
            let skipped = &para[byte_cursor..start_byte];
            let n = skipped.chars().count();
            let w: usize = skipped.chars().map(char_width).sum();
            match out.last_mut() {
                Some(u) => {
                    u.end += n;
                    u.width = u.full + w;
                    u.full += w;
                }
                None => out.push(Unit {
                    start: base + chars_before,
                    end: base + chars_before + n,
                    width: w,
                    full: w,
                }),
            }
            chars_before += n;
        }
        let n_word = word.word.chars().count();
        let n_ws = word.whitespace.chars().count();
        let w_word: usize = word.word.chars().map(char_width).sum();
        let w_ws: usize = word.whitespace.chars().map(char_width).sum();
        if n_word + n_ws > 0 {
            out.push(Unit {
                start: base + chars_before,
                end: base + chars_before + n_word + n_ws,
                width: w_word,
                full: w_word + w_ws,
            });
        }
        chars_before += n_word + n_ws;
        byte_cursor = start_byte + word.word.len() + word.whitespace.len();
    }
    if byte_cursor < para.len() {
        let rest = &para[byte_cursor..];
        let n = rest.chars().count();
        let w: usize = rest.chars().map(char_width).sum();
        out.push(Unit {
            start: base + chars_before,
            end: base + chars_before + n,
            width: w,
            full: w,
        });
    }
    out
}

fn wrap_paragraph(para: &str, base: usize, width: usize, lines: &mut Vec<Line>) {
    let chars: Vec<char> = para.chars().collect();
    let at = |i: usize| chars[i - base];
    // Glue units so that no unit starts with a no-start char or ends with a no-end char.
    let mut glued: Vec<Unit> = Vec::new();
    for u in units(para, base) {
        if let Some(prev) = glued.last_mut() {
            let starts_closing = is_no_start(at(u.start));
            let prev_opens = prev.width == prev.full && is_no_end(at(prev.end - 1));
            if starts_closing || prev_opens {
                prev.end = u.end;
                prev.width = prev.full + u.width;
                prev.full += u.full;
                continue;
            }
        }
        glued.push(u);
    }
    if glued.is_empty() {
        lines.push(Line {
            start: base,
            end: base,
        });
        return;
    }
    let mut line_start = glued[0].start;
    let mut used = 0usize;
    for u in glued {
        if used > 0 && used + u.width > width {
            lines.push(Line {
                start: line_start,
                end: u.start,
            });
            line_start = u.start;
            used = 0;
        }
        if u.width > width {
            // Wider than a line on its own: cut by characters, still keeping the rules.
            let mut i = u.start;
            while i < u.end {
                let room = width - used;
                let mut j = i;
                let mut w = 0;
                while j < u.end && w + char_width(at(j)) <= room {
                    w += char_width(at(j));
                    j += 1;
                }
                if j == u.end {
                    used += w;
                    break;
                }
                if j == i && used == 0 {
                    j = i + 1; // a single char wider than the line: put it alone
                }
                // Keep the rules at the cut: move chars down while the next line would start
                // with closing punctuation or this one end with an opening bracket. (Only a line
                // narrower than a char plus its punctuation, under 8 columns, can defeat this.)
                while j > i + 1 && j < u.end && (is_no_start(at(j)) || is_no_end(at(j - 1))) {
                    j -= 1;
                }
                lines.push(Line {
                    start: line_start,
                    end: j,
                });
                line_start = j;
                used = 0;
                i = j;
            }
            // Trailing spaces of the unit count only if more text follows on the line.
            used += u.full - u.width;
            continue;
        }
        used += u.full;
    }
    lines.push(Line {
        start: line_start,
        end: base + chars.len(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::sanitize::str_width;

    fn shown(text: &str, lines: &[Line]) -> Vec<String> {
        let idx = CharIndex::new(text);
        lines
            .iter()
            .map(|l| idx.slice(text, l.start, l.end).to_string())
            .collect()
    }

    fn check_rules(text: &str, width: usize) -> Vec<String> {
        let lines = wrap(text, width);
        let out = shown(text, &lines);
        let chars: Vec<char> = text.chars().collect();
        for (i, l) in out.iter().enumerate() {
            // A paragraph may begin with anything; the rules are about wrapped lines.
            let continuation = lines[i].start > 0 && chars[lines[i].start - 1] != '\n';
            assert!(
                str_width(l.trim_end()) <= width,
                "line {i} too wide ({} > {width}): {l:?}",
                str_width(l)
            );
            if let Some(c) = l.chars().next().filter(|_| continuation) {
                assert!(!is_no_start(c), "line {i} starts with {c:?}: {out:?}");
            }
            let next_continues = i + 1 < out.len() && chars[lines[i + 1].start - 1] != '\n';
            if let Some(c) = l.trim_end().chars().last() {
                if next_continues {
                    assert!(!is_no_end(c), "line {i} ends with {c:?}: {out:?}");
                }
            }
        }
        // Nothing lost, nothing doubled.
        let joined: String = out.concat();
        let expected: String = text.chars().filter(|&c| c != '\n' && c != '\r').collect();
        assert_eq!(joined, expected);
        out
    }

    #[test]
    fn no_line_starts_with_closing_punctuation() {
        // Width chosen so that a greedy cut would put "，" or "。" first on a line.
        let text =
            "今天，我们市县乡三级干部齐聚一堂，既是总结成绩的“交卷会”，更是决战全年的“誓师会”。";
        for width in 8..40 {
            check_rules(text, width);
        }
    }

    #[test]
    fn every_forbidden_start_is_kept_off_line_starts() {
        let text = "一二三，四五六。七八九、十一二；十三四：十五六？十七八！（十九二十）《报告》「引语」“口号”";
        for width in 8..30 {
            check_rules(text, width);
        }
    }

    #[test]
    fn latin_words_and_numbers_stay_whole() {
        let text = "24年GDP增长5%，规上工业增加值增幅全省第3，高新技术产业占比达到12.5%。";
        for width in 8..30 {
            let out = check_rules(text, width);
            assert!(out.iter().any(|l| l.contains("GDP")), "{out:?}");
            assert!(out.iter().any(|l| l.contains("12.5%")), "{out:?}");
        }
    }

    #[test]
    fn lines_fill_the_width_by_display_columns() {
        let text = "政府工作报告政府工作报告政府工作报告";
        let lines = wrap(text, 10);
        let out = shown(text, &lines);
        assert_eq!(out[0], "政府工作报");
        assert_eq!(str_width(&out[0]), 10);
        // An odd width cannot hold half a wide char.
        let out = shown(text, &wrap(text, 9));
        assert!(out.iter().all(|l| str_width(l) <= 9));
        assert_eq!(out[0].chars().count(), 4);
    }

    #[test]
    fn paragraphs_and_offsets() {
        let text = "第一段。\n\n第二段，很长很长很长。\r\nEnd";
        let lines = wrap(text, 8);
        let out = shown(text, &lines);
        assert_eq!(
            out,
            vec!["第一段。", "", "第二段，", "很长很长", "很长。", "End"]
        );
        // Offsets are chars of the whole text.
        let end = lines.last().unwrap();
        assert_eq!(end.end, text.chars().count());
    }

    #[test]
    fn wrapping_a_part_reports_offsets_in_the_whole() {
        let text = "前言。正文很长很长很长很长。";
        let idx = CharIndex::new(text);
        let lines = wrap_part(idx.slice(text, 3, 14), 3, 6);
        assert_eq!(lines[0].start, 3);
        assert_eq!(lines.last().unwrap().end, 14);
    }

    #[test]
    fn real_seed_text_keeps_the_rules() {
        let dir = crate::tui::testdata::sample_dir();
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let head: String = text.chars().take(3000).collect();
            for width in [20, 37, 60] {
                check_rules(&head, width);
            }
        }
    }

    #[test]
    fn ideographic_space_indents_are_kept() {
        let text = "\u{3000}\u{3000}同志们：今天召开会议。";
        let out = check_rules(text, 10);
        assert!(out[0].starts_with("\u{3000}\u{3000}同"));
    }
}
