//! Page numbers left inside a speech by a site that copied a paginated document: a paragraph that
//! stops mid-sentence on ` 3` and goes on in the next one (`…提高城镇化质量等方 3` / `面先行先试…`).
//! The number is dropped and the two halves are joined, so the sentence reads whole again for the
//! reader, the outline, alignment and the reuse index.
//!
//! Only where nothing else fits: the paragraph is long (a page's last line, not a heading such as
//! `表 3`), the number has one to three digits and stands after a space behind an ideograph (no
//! sentence ends there), and the next paragraph starts with an ideograph (the sentence goes on).

use super::clean::is_hspace;
use crate::text::is_cjk;

/// A paragraph shorter than this (in chars, number excluded) is never taken for a page's end.
const MIN_PARAGRAPH: usize = 20;

/// The text with page-number breaks joined, and a sample of each join (`…等方 3 / 面先行…`).
pub fn join_page_breaks(text: &str) -> (String, Vec<String>) {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = String::with_capacity(text.len());
    let mut joined = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let next = lines.get(i + 1).copied();
        match (page_number_at_end(line), next) {
            (Some(body), Some(next)) if next.chars().next().is_some_and(is_cjk) => {
                out.push_str(body);
                let tail: String = {
                    let rev: Vec<char> = body.chars().rev().take(6).collect();
                    rev.into_iter().rev().collect()
                };
                let head: String = next.chars().take(6).collect();
                let number = line[body.len()..].trim();
                joined.push(format!("…{tail} {number} / {head}…"));
            }
            _ => {
                out.push_str(line);
                if next.is_some() {
                    out.push('\n');
                }
            }
        }
    }
    (out, joined)
}

/// The paragraph without its trailing page number, if it ends like a page.
fn page_number_at_end(line: &str) -> Option<&str> {
    let digits = line.len() - line.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let before_digits = &line[..line.len() - digits];
    let body = before_digits.trim_end_matches(is_hspace);
    if body.len() == before_digits.len() {
        return None; // `第3`, `增长3`: the figure belongs to the sentence
    }
    let last = body.chars().next_back()?;
    (is_cjk(last) && body.chars().count() >= MIN_PARAGRAPH).then_some(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LONG: &str = "特别是从去年底开始我市还被列为国家新型城镇化综合试点，提出要在统筹城乡、提高城镇化质量等方";

    #[test]
    fn a_page_number_inside_a_sentence_is_dropped_and_the_halves_joined() {
        let text = format!("{LONG} 3\n面先行先试，打造全国样板区。\n二、下一段");
        let (out, joined) = join_page_breaks(&text);
        assert_eq!(
            out,
            format!("{LONG}面先行先试，打造全国样板区。\n二、下一段")
        );
        assert_eq!(joined, ["…镇化质量等方 3 / 面先行先试，…"]);
    }

    #[test]
    fn figures_headings_and_sentence_ends_are_left_alone() {
        for text in [
            // The number belongs to the sentence.
            format!("{LONG}3\n面先行先试"),
            // Too many digits for a page number.
            format!("{LONG} 2024\n面先行先试"),
            // A short line: a heading or a caption.
            "表 3\n主要指标完成情况".to_string(),
            // The sentence ended before the number.
            format!("{LONG}。 3\n面先行先试"),
            // The next paragraph does not go on with an ideograph.
            format!("{LONG} 3\n(一)先行先试"),
            // The last paragraph.
            format!("{LONG} 3"),
        ] {
            let (out, joined) = join_page_breaks(&text);
            assert_eq!(out, text);
            assert!(joined.is_empty());
        }
    }

    #[test]
    fn text_without_breaks_is_unchanged() {
        for text in [
            "",
            "\n",
            "一\n\n二",
            "同志们：\n今天的会议很重要。\n谢谢大家！",
        ] {
            assert_eq!(join_page_breaks(text).0, text);
        }
    }
}
