//! Which characters are Chinese, and numbers as Chinese texts write them.

/// A CJK unified ideograph (the basic block, Extension A, the compatibility ideographs and the
/// supplementary planes' extensions).
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

/// Parses a Chinese or Arabic number up to 999 (`十二`, `二十三`, `12`).
pub fn parse_number(s: &str) -> Option<usize> {
    if let Ok(n) = s.parse() {
        return Some(n);
    }
    let digit = |c| "零一二三四五六七八九".chars().position(|d| d == c);
    let mut total = 0;
    let mut current = 0;
    for c in s.chars() {
        match c {
            '十' => {
                total += if current == 0 { 10 } else { current * 10 };
                current = 0;
            }
            '百' => {
                total += current * 100;
                current = 0;
            }
            c => current = digit(c)?,
        }
    }
    Some(total + current)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_ideographs_only() {
        assert!(is_cjk('政') && is_cjk('㐀') && is_cjk('𠀀'));
        assert!(!is_cjk('，') && !is_cjk('A') && !is_cjk('〇'));
    }

    #[test]
    fn numbers_chinese_and_arabic() {
        assert_eq!(parse_number("五"), Some(5));
        assert_eq!(parse_number("十二"), Some(12));
        assert_eq!(parse_number("二十三"), Some(23));
        assert_eq!(parse_number("三百零五"), Some(305));
        assert_eq!(parse_number("7"), Some(7));
        assert_eq!(parse_number("七x"), None);
    }
}
