//! Word-level differences inside a passage: both sides cut into words with jieba, the word slices
//! diffed with `similar` (its Words mode would treat a Chinese sentence as one word).
//!
//! Words are matched on their normalised form (script folded, placeholders and figures as
//! classes, punctuation all alike) and reported as spans of the original text.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use jieba_rs::Jieba;
use similar::{Algorithm, DiffOp};

use super::TokenOp;
use crate::text::{fold, key, Span};

/// The jieba segmenter, loaded once (its dictionary takes ~180 ms to load).
pub fn jieba() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(Jieba::new)
}

/// A word of the cleaned text: its char span and its normalised form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub span: Span,
    pub norm: String,
}

/// Cuts `text` (a slice of the cleaned text starting at char offset `base`) into words.
/// jieba runs on the script-folded text, which has the same number of characters, so its
/// offsets are the original's.
pub fn words(text: &str, base: usize) -> Vec<Word> {
    let folded = fold::fold_str(text);
    let tokens = jieba().cut(&folded, false);
    let mut out: Vec<Word> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        // jieba cuts a decimal at its point (`9364` `.` `8`): a figure is one word, so a
        // refilled figure is one slot.
        let digits = |w: &str| w.chars().all(|c| c.is_ascii_digit()) && !w.is_empty();
        if i + 2 < tokens.len()
            && digits(t.word)
            && matches!(tokens[i + 1].word, "." | "．")
            && tokens[i + 2].word.starts_with(|c: char| c.is_ascii_digit())
        {
            let (s, e) = (t.start, tokens[i + 2].end);
            let word = format!("{}{}{}", t.word, tokens[i + 1].word, tokens[i + 2].word);
            out.push(Word {
                span: Span {
                    start: base + s,
                    end: base + e,
                },
                norm: normalise_word(&word),
            });
            i += 3;
            continue;
        }
        out.push(Word {
            span: Span {
                start: base + t.start,
                end: base + t.end,
            },
            norm: normalise_word(t.word),
        });
        i += 1;
    }
    out
}

/// The key form of one (already folded) word. Most words are plain ideographs, which are their
/// own key: they skip the general path and its allocations. Figures are compared as written:
/// the key lets `1998年` match `2000年` so that a passage holds together, but in the word diff a
/// changed figure is a refilled slot the reader must see.
fn normalise_word(word: &str) -> String {
    let plain = word
        .chars()
        .all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c) && !matches!(c, '某'));
    if plain {
        return word.to_string();
    }
    let mut norm = key::normalise(word);
    if word.chars().any(|c| c.is_ascii_digit()) {
        norm.push('\u{0}');
        norm.extend(word.chars().filter(|c| c.is_ascii_digit() || *c == '.'));
    }
    norm
}

/// Word operations aligning `a` (at char offset `a_base`) with `b` (at `b_base`). The operations
/// tile both texts in order.
pub fn diff(a: &str, a_base: usize, b: &str, b_base: usize) -> Vec<TokenOp> {
    let wa = words(a, a_base);
    let wb = words(b, b_base);
    diff_words(&wa, &wb, a_base, b_base)
}

/// Word operations between two word lists.
pub fn diff_words(wa: &[Word], wb: &[Word], a_base: usize, b_base: usize) -> Vec<TokenOp> {
    let na: Vec<&str> = wa.iter().map(|w| w.norm.as_str()).collect();
    let nb: Vec<&str> = wb.iter().map(|w| w.norm.as_str()).collect();
    // Myers is O(ND); a deadline keeps a pathological pair from stalling (similar then falls
    // back to a coarser but still correct diff).
    let deadline = Instant::now() + Duration::from_millis(200);
    let ops = similar::capture_diff_slices_deadline(Algorithm::Myers, &na, &nb, Some(deadline));
    let span_a = |start: usize, len: usize| words_span(wa, start, len, a_base);
    let span_b = |start: usize, len: usize| words_span(wb, start, len, b_base);
    ops.into_iter()
        .map(|op| match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => TokenOp::Equal {
                a: span_a(old_index, len),
                b: span_b(new_index, len),
            },
            DiffOp::Delete {
                old_index, old_len, ..
            } => TokenOp::Delete {
                a: span_a(old_index, old_len),
            },
            DiffOp::Insert {
                new_index, new_len, ..
            } => TokenOp::Insert {
                b: span_b(new_index, new_len),
            },
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => TokenOp::Replace {
                a: span_a(old_index, old_len),
                b: span_b(new_index, new_len),
            },
        })
        .collect()
}

fn words_span(words: &[Word], start: usize, len: usize, base: usize) -> Span {
    if len == 0 || start >= words.len() {
        let at = words.get(start).map_or_else(
            || words.last().map_or(base, |w| w.span.end),
            |w| w.span.start,
        );
        return Span { start: at, end: at };
    }
    let end = (start + len).min(words.len());
    Span {
        start: words[start].span.start,
        end: words[end - 1].span.end,
    }
}

/// Mirrors operations computed for (A, B) into operations for (B, A).
pub fn mirror(ops: &[TokenOp]) -> Vec<TokenOp> {
    ops.iter()
        .map(|op| match *op {
            TokenOp::Equal { a, b } => TokenOp::Equal { a: b, b: a },
            TokenOp::Delete { a } => TokenOp::Insert { b: a },
            TokenOp::Insert { b } => TokenOp::Delete { a: b },
            TokenOp::Replace { a, b } => TokenOp::Replace { a: b, b: a },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(a: &str, b: &str) -> String {
        let ac: Vec<char> = a.chars().collect();
        let bc: Vec<char> = b.chars().collect();
        let s = |c: &[char], sp: Span| c[sp.start..sp.end].iter().collect::<String>();
        diff(a, 0, b, 0)
            .into_iter()
            .map(|op| match op {
                TokenOp::Equal { a, .. } => s(&ac, a),
                TokenOp::Delete { a } => format!("[-{}-]", s(&ac, a)),
                TokenOp::Insert { b } => format!("{{+{}+}}", s(&bc, b)),
                TokenOp::Replace { a, b } => format!("[-{}-]{{+{}+}}", s(&ac, a), s(&bc, b)),
            })
            .collect()
    }

    #[test]
    fn marks_refilled_slots_by_word() {
        assert_eq!(
            show(
                "以更加务实的举措推进乡村建设",
                "以更加务实的举措抓好乡村治理"
            ),
            "以更加务实的举措[-推进-]{+抓好+}乡村[-建设-]{+治理+}"
        );
    }

    #[test]
    fn changed_figures_are_marked_but_placeholders_match() {
        assert_eq!(
            show("1998年政府工作报告", "2000年政府工作报告"),
            "[-1998-]{+2000+}年政府工作报告"
        );
        assert_eq!(show("增长8.5%", "增长８.５％"), "增长8.5%");
        // A decimal is one word, though jieba cuts it at its point.
        assert_eq!(show("增长8.5%", "增长9.1%"), "增长[-8.5-]{+9.1+}%");
    }

    #[test]
    fn script_and_punctuation_differences_are_equal() {
        assert_eq!(
            show("九牛爬坡、個個出力", "九牛爬坡，个个出力"),
            "九牛爬坡、個個出力"
        );
    }
}
