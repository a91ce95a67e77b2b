//! Display width and the one truncator, measured on the [`picture`]
//! rendering so that what is measured is what is drawn.

use unicode_width::UnicodeWidthChar;

use super::safety::{picture, picture_str};

/// Display width of `c` as drawn (after [`picture`]): 2 for CJK, 0 for what is not drawn.
#[inline]
pub fn char_width(c: char) -> usize {
    picture(c).and_then(|d| d.width()).unwrap_or(0)
}

/// Display width of a string as drawn.
pub fn str_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// `s` in the picture rendering, cut to at most `width` display columns, ending in `…` when
/// something was cut. A wide character that would straddle the limit is left out whole.
pub fn truncate(s: &str, width: usize) -> String {
    if str_width(s) <= width {
        return picture_str(s);
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars().filter_map(picture) {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// `s` padded with spaces (or cut) to exactly `width` columns.
pub fn fit(s: &str, width: usize) -> String {
    let mut out = truncate(s, width);
    let w = str_width(&out);
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_follow_east_asian_width() {
        assert_eq!(str_width("政府工作报告"), 12);
        assert_eq!(str_width("GDP增长5%"), 9);
        assert_eq!(str_width("，。"), 4);
        assert_eq!(str_width("a\u{200b}b"), 2);
        assert_eq!(str_width("\u{1b}"), 1);
        assert_eq!(str_width("a\u{61c}b"), 2);
    }

    #[test]
    fn truncate_and_fit_respect_columns() {
        assert_eq!(truncate("政府工作报告", 7), "政府工…");
        assert_eq!(truncate("一二三四五六", 7), "一二三…");
        assert_eq!(str_width(&fit("政府工作报告", 7)), 7);
        assert_eq!(fit("ab", 4), "ab  ");
        assert_eq!(truncate("政府", 4), "政府");
        assert_eq!(truncate("短", 10), "短");
        assert_eq!(truncate("标题\u{1b}[2J", 20), "标题␛[2J");
    }
}
