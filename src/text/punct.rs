//! Punctuation classes of Chinese (and mixed) text, one table each, for every rule that asks
//! "may this begin or end here?": line breaking (the TUI's wrapping, the side-by-side export) and
//! passage boundaries (the aligner's snapping).

/// Punctuation that ends a clause (and so begins the next one); a line break too.
pub fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '；' | '：' | '！' | '？' | '、' | '…' | ',' | ';' | ':' | '!' | '?' | '\n'
    )
}

/// Marks that close what precedes them: closing brackets and quotes, percent signs, the dash,
/// the middle dot and the stops that follow a figure (`8.5`, `。`'s half-width cousins).
pub fn is_closing_mark(c: char) -> bool {
    matches!(
        c,
        '）' | ')'
            | '》'
            | '」'
            | '』'
            | '】'
            | '〗'
            | '〕'
            | '〉'
            | ']'
            | '”'
            | '’'
            | '%'
            | '％'
            | '·'
            | '—'
            | '.'
            | '．'
    )
}

/// Marks that open what follows them: opening brackets and quotes.
pub fn is_opening(c: char) -> bool {
    matches!(
        c,
        '（' | '(' | '《' | '「' | '『' | '【' | '〖' | '〔' | '“' | '‘' | '〈' | '['
    )
}

/// Characters that may not begin a line (Chinese line-breaking rules, 禁则): clause punctuation
/// and closing marks.
pub fn no_line_start(c: char) -> bool {
    (is_clause_end(c) && c != '\n') || is_closing_mark(c)
}

/// Characters that may not end a line: opening marks.
pub fn no_line_end(c: char) -> bool {
    is_opening(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_classes_agree_with_each_other() {
        for c in "，。、；：？！…）》」』”’】％%,.;:?!)]—·".chars() {
            assert!(no_line_start(c), "{c}");
            assert!(!no_line_end(c), "{c}");
        }
        for c in "（《「『“‘【(".chars() {
            assert!(no_line_end(c) && !no_line_start(c), "{c}");
        }
        assert!(!no_line_start('\n') && is_clause_end('\n'));
        assert!(!no_line_start('发') && !no_line_end('发'));
    }
}
