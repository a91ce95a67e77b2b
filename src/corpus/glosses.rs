//! Removal of romanisation glosses left by Simplified→Traditional converters: `書(shū)記`,
//! `會(huì )議`, `統(tǒng)`. A gloss is a parenthesised run of Latin letters that carries at least one
//! pinyin tone mark; ordinary parentheses such as `(大全五篇)`, `(2021年)` or `(PPP)` are kept.
//! A gloss cut off by the end of a line (`創(chuàng` at a truncated line end) is removed as well.

/// Vowels with a pinyin tone mark (and ü, which only pinyin uses among these letters).
fn is_tone_letter(c: char) -> bool {
    matches!(
        c,
        'ā' | 'á'
            | 'ǎ'
            | 'à'
            | 'ē'
            | 'é'
            | 'ě'
            | 'è'
            | 'ī'
            | 'í'
            | 'ǐ'
            | 'ì'
            | 'ō'
            | 'ó'
            | 'ǒ'
            | 'ò'
            | 'ū'
            | 'ú'
            | 'ǔ'
            | 'ù'
            | 'ǖ'
            | 'ǘ'
            | 'ǚ'
            | 'ǜ'
            | 'ü'
            | 'ń'
            | 'ň'
            | 'ǹ'
            | 'ḿ'
    )
}

fn is_pinyin_letter(c: char) -> bool {
    c.is_ascii_lowercase() || is_tone_letter(c)
}

/// Longest gloss body we accept (`zhuāng` is 6 letters; converters sometimes add a space).
const MAX_GLOSS: usize = 8;

/// Removes every gloss from `text`; returns the text and how many glosses went.
pub fn remove_glosses(text: &str) -> (String, usize) {
    if !text.contains('(') && !text.contains('（') {
        return (text.to_string(), 0);
    }
    let (text, orphans) = remove_orphan_glosses(text);
    let (text, n) = remove_parenthesised(&text);
    (text, n + orphans)
}

/// A gloss whose opening parenthesis was swallowed by GBK mojibake: `髦?zhù)` → `髦?`.
fn remove_orphan_glosses(text: &str) -> (String, usize) {
    if !text.contains("?") {
        return (text.to_string(), 0);
    }
    let mut out = String::with_capacity(text.len());
    let mut count = 0;
    let mut rest = text;
    while let Some(q) = rest.find('?') {
        out.push_str(&rest[..=q]);
        rest = &rest[q + 1..];
        let body: String = rest.chars().take_while(|&c| is_pinyin_letter(c)).collect();
        let n = body.chars().count();
        if (1..=MAX_GLOSS).contains(&n)
            && body.chars().any(is_tone_letter)
            && rest[body.len()..].starts_with(')')
        {
            rest = &rest[body.len() + 1..];
            count += 1;
        }
    }
    out.push_str(rest);
    (out, count)
}

fn remove_parenthesised(text: &str) -> (String, usize) {
    let mut out = String::with_capacity(text.len());
    let mut removed = 0;
    let mut rest = text;
    while let Some(pos) = rest.find(['(', '（']) {
        let open_len = if rest[pos..].starts_with('(') {
            1
        } else {
            '（'.len_utf8()
        };
        out.push_str(&rest[..pos]);
        let after = &rest[pos + open_len..];
        // A gloss follows a character, never a line start or a space.
        let follows_char = out
            .chars()
            .next_back()
            .is_some_and(|c| c != '\n' && c != ' ');
        match gloss_len(after) {
            Some(len) if follows_char => {
                removed += 1;
                rest = &after[len..];
            }
            _ => {
                out.push_str(&rest[pos..pos + open_len]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    (out, removed)
}

/// If `after` (the text right after an opening parenthesis) is a gloss body, the byte length to
/// skip: the body and its closing parenthesis.
fn gloss_len(after: &str) -> Option<usize> {
    let mut letters = 0;
    let mut tone = false;
    for (i, c) in after.char_indices() {
        match c {
            ')' | '）' if letters > 0 && tone => return Some(i + c.len_utf8()),
            // Cut off by a truncated line: the gloss runs into the line end or a replacement char.
            '\n' | '\u{FFFD}' if letters > 0 && tone => return Some(i),
            ' ' if letters > 0 => {}
            c if is_pinyin_letter(c) && letters < MAX_GLOSS => {
                letters += 1;
                tone |= is_tone_letter(c);
            }
            _ => return None,
        }
    }
    // At the very end of the text.
    (letters > 0 && tone).then_some(after.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glosses_go_ordinary_parentheses_stay() {
        let (s, n) = remove_glosses(
            "市委書(shū)記在全市三級干部大會(huì )上講話(huà)(大全五篇)(2021年)(PPP)",
        );
        assert_eq!(s, "市委書記在全市三級干部大會上講話(大全五篇)(2021年)(PPP)");
        assert_eq!(n, 3);
    }

    #[test]
    fn gloss_that_lost_its_parenthesis_to_mojibake() {
        let (s, n) = remove_glosses("毕笳髦?zhù)實干(shí)拼搏? 好(a)");
        assert_eq!(s, "毕笳髦?實干拼搏? 好(a)");
        assert_eq!(n, 2);
    }

    #[test]
    fn truncated_gloss_at_line_end() {
        let (s, n) = remove_glosses("爭先創(chuàng\n下一行創(chuàng\u{FFFD}");
        assert_eq!(s, "爭先創\n下一行創\u{FFFD}");
        assert_eq!(n, 2);
    }

    #[test]
    fn gloss_needs_a_tone_mark_and_a_preceding_character() {
        assert_eq!(remove_glosses("(a)甲(abc)乙").0, "(a)甲(abc)乙");
        assert_eq!(remove_glosses("(shū)記").0, "(shū)記");
    }
}
