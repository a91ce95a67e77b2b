//! Numbers as speeches write them in markers: Chinese numerals (`一` … `九十九`) and ASCII or
//! fullwidth Arabic digits.

/// The value of a Chinese digit `一`…`九`.
fn han_digit(c: char) -> Option<u32> {
    Some(match c {
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Whether `c` can be part of a Chinese numeral.
pub fn is_han_numeral_char(c: char) -> bool {
    c == '十' || han_digit(c).is_some()
}

/// Parses the Chinese numeral at the start of `chars` in its canonical form (`一`, `十`, `十二`,
/// `二十`, `二十三`; 1…99). Returns the value and the number of chars used.
///
/// Non-canonical runs such as `一九五八` (a year read digit by digit) or `一一` are refused as a
/// whole: a marker never uses them, so taking a prefix would only invent false sections.
pub fn parse_han(chars: &[char]) -> Option<(u32, usize)> {
    let run = chars
        .iter()
        .take_while(|c| is_han_numeral_char(**c))
        .count();
    let value = match &chars[..run] {
        [a] => han_digit(*a).or((*a == '十').then_some(10))?,
        ['十', b] => 10 + han_digit(*b)?,
        [a, '十'] => han_digit(*a)? * 10,
        [a, '十', b] => han_digit(*a)? * 10 + han_digit(*b)?,
        _ => return None,
    };
    // `一十` is not how anyone writes ten.
    if value == 10 && run == 2 {
        return None;
    }
    Some((value, run))
}

/// The value of an ASCII or fullwidth digit.
pub fn arabic_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Parses one to three Arabic digits at the start of `chars` (a longer run is a year or an amount,
/// never a marker). Returns the value and the number of chars used.
pub fn parse_arabic(chars: &[char]) -> Option<(u32, usize)> {
    let run = chars
        .iter()
        .take_while(|c| arabic_digit(**c).is_some())
        .count();
    if run == 0 || run > 3 {
        return None;
    }
    let value = chars[..run]
        .iter()
        .fold(0, |acc, c| acc * 10 + arabic_digit(*c).unwrap_or(0));
    Some((value, run))
}

/// The value of a circled number `①`…`⑳`.
pub fn circled(c: char) -> Option<u32> {
    match c {
        '①'..='⑳' => Some(c as u32 - '①' as u32 + 1),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn han(s: &str) -> Option<(u32, usize)> {
        parse_han(&s.chars().collect::<Vec<_>>())
    }

    #[test]
    fn canonical_chinese_numerals() {
        assert_eq!(han("一、"), Some((1, 1)));
        assert_eq!(han("十、"), Some((10, 1)));
        assert_eq!(han("十二、"), Some((12, 2)));
        assert_eq!(han("二十、"), Some((20, 2)));
        assert_eq!(han("九十九是"), Some((99, 3)));
    }

    #[test]
    fn digit_by_digit_years_are_not_numerals() {
        assert_eq!(han("一九五八，"), None);
        assert_eq!(han("一一"), None);
        assert_eq!(han("一十"), None);
        assert_eq!(han("十十"), None);
    }

    #[test]
    fn arabic_numbers() {
        let v: Vec<char> = "12.".chars().collect();
        assert_eq!(parse_arabic(&v), Some((12, 2)));
        let v: Vec<char> = "３．".chars().collect();
        assert_eq!(parse_arabic(&v), Some((3, 1)));
        let v: Vec<char> = "2019.".chars().collect();
        assert_eq!(parse_arabic(&v), None);
        assert_eq!(circled('③'), Some(3));
    }
}
