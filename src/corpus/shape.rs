//! Page chrome told by the shape of a line, not by the words of any one site: navigation bars and
//! breadcrumbs (short items between separators), reading-time and count lines, toolbars, search
//! and keyword boxes, promoted links in 【】. Sites word their chrome in endless ways, but the
//! shapes repeat: a speech is made of sentences, chrome of short labelled items.
//!
//! Two tiers:
//! - [`chrome_shape`]: shapes no speech line has, recognised anywhere on the page (as soft chrome,
//!   so a false hit inside a speech is crossed and reported, never a cut);
//! - [`above_speech_chrome`]: weaker shapes (a short line without a sentence in it), chrome only
//!   when they stand above the speech's title or first line of speech.

use std::sync::OnceLock;

use regex::Regex;

use super::patterns::ChromeKind;

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("built-in regex compiles"))
}

/// A count of readers, words or minutes next to what it counts.
fn count_line() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?x)
        (阅读|浏览|点击|评论|点赞|收藏|人气|热度|访问|下载|字数|观看|围观|转发|在看|喜欢|推荐|回复|查看)(量|数|次数|人数)?\s*[:：]?\s*[(（]?\d
        | (本文|全文|文章|正文)(共|共计|总计|约|约有|字数)?\s*[:：]?\s*\d[\d,，.]*\s*(余|多)?\s*字
        | (阅读|读完|看完|阅读时间|预计阅读)(本文)?(约需|大约需要|需要|约需要|约|大约|需|时长|时间)?\s*[:：]?\s*\d+(\.\d+)?\s*(分钟|min)
        | \d[\d,.]*\s*(万|w|W|k|K)?\s*(人|次)?(阅读|浏览|点赞|收藏|评论|看过|已读|在看|围观|下载|喜欢|回复)
        | \d+\s*(页|頁)\s*/\s*\d",
    )
}

/// A label box: search, keywords, tags, hot searches.
fn label_box() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"^(站内搜索|全站搜索|搜索|检索|热门搜索|热搜|热搜词|关键词|关键字|标签|热门标签|Tags?|TAG|分类|栏目|专题|所属栏目|文档分类|上一篇|下一篇|上一条|下一条|上一页|下一页|当前位置|您的位置|你的位置|位置)\s*[:：]",
    )
}

/// Toolbar items: font sizes, print, close, favourites (each a word or two).
fn toolbar() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(字号|字体|字體|文字)\s*[:：]?\s*[【\[]?\s*(大|A\+)\s*[|｜ ]?\s*(中|A)\b?|[【\[]\s*(打印|关闭|關閉|收藏|纠错|返回顶部|大|中|小)\s*[】\]]",
    )
}

/// Does the line hold a sentence (punctuation a label, a link or a count never needs)?
pub fn has_sentence(s: &str) -> bool {
    s.contains(['。', '，', '；', '！', '？', '、', '“']) && !s.trim_end().ends_with(['】', ']'])
}

const SEPARATORS: &[char] = &[
    '|', '｜', '¦', '•', '●', '▪', '>', '》', '»', '›', '→', '/', '\t',
];

/// The items of a line cut at separators (and at runs of spaces), empty items dropped.
fn items(s: &str) -> Vec<&str> {
    s.split(|c: char| SEPARATORS.contains(&c) || c == '\u{3000}')
        .flat_map(|part| part.split("  "))
        .flat_map(|part| part.split(" - "))
        .map(|i| i.trim_matches(|c: char| c.is_whitespace() || c == '·'))
        .filter(|i| !i.is_empty())
        .collect()
}

/// A line of several short items between separators: a navigation bar, a breadcrumb, a toolbar.
fn separated_items(s: &str) -> bool {
    let has_sep = s.contains(SEPARATORS) || s.contains("  ") || s.contains('\u{3000}');
    if !has_sep || has_sentence(s) {
        return false;
    }
    let it = items(s);
    if letter_spaced(&it) {
        return false;
    }
    let short = it.iter().filter(|i| i.chars().count() <= 8).count();
    let breadcrumb = s.contains(['>', '»', '›', '→']) && it.len() >= 2;
    (it.len() >= 3 || breadcrumb) && short * 4 >= it.len() * 3
}

/// Many single-space separated words, none of them long: a menu written with spaces.
fn spaced_words(s: &str) -> bool {
    if has_sentence(s) {
        return false;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    words.len() >= 4 && words.iter().all(|w| w.chars().count() <= 6) && !letter_spaced(&words)
}

/// Single characters spaced out (`政 府 工 作 报 告`): a title set in spaced letters, not a menu
/// (whose items are words).
fn letter_spaced(items: &[&str]) -> bool {
    let single = items.iter().filter(|i| i.chars().count() == 1).count();
    single * 2 >= items.len()
}

/// 【推荐】… lines: promoted links, several bracketed labels, a bracket around the whole line.
fn bracket_promo(s: &str) -> bool {
    if has_sentence(s) || !s.starts_with(['【', '[']) {
        return false;
    }
    let groups = s.matches(['【', '[']).count();
    let whole = s.ends_with(['】', ']']) && groups == 1 && s.chars().count() <= 30;
    groups >= 2 || whole
}

/// Chrome by its shape alone, wherever it stands; `None` for a line that may be speech.
pub fn chrome_shape(s: &str) -> Option<ChromeKind> {
    let n = s.chars().count();
    if n > 80 {
        return None;
    }
    if n <= 60 && count_line().is_match(s) && !s.ends_with(['。', '！', '？']) {
        return Some(ChromeKind::Byline);
    }
    if label_box().is_match(s) && !has_sentence(s.split_once(['：', ':']).map_or(s, |x| x.1)) {
        return Some(ChromeKind::Banner);
    }
    if toolbar().is_match(s) && !s.contains('。') {
        return Some(ChromeKind::Banner);
    }
    if separated_items(s) || spaced_words(s) {
        return Some(ChromeKind::Banner);
    }
    if bracket_promo(s) {
        return Some(ChromeKind::Promo);
    }
    None
}

/// Chrome when it stands above the speech: a short line with no sentence in it that is neither a
/// title nor the speech's own header (a dateline, a byline of the speaker, a salutation).
pub fn above_speech_chrome(s: &str) -> bool {
    use super::meta::{is_salutation, is_title_like};
    let n = s.chars().count();
    if n > 40 || has_sentence(s) || is_title_like(s) || is_salutation(s) {
        return false;
    }
    // The speech's own header lines: `——在…会议上`, `（2019年1月…）`, `省长 许达哲`.
    let header = s.starts_with(['—', '－', '─', '（', '('])
        || s.contains("会议")
        || s.contains("大会")
        || s.ends_with(['）', ')']);
    // The first half of a title broken over two lines (`…办公厅关于印发` / `《…》的通知`).
    let title_head =
        s.contains("关于") || s.contains("關於") || s.ends_with(['发', '發', '的', '在']);
    let speaker = two_cjk_words(s) && n <= 12;
    let date_only = s
        .chars()
        .all(|c| c.is_ascii_digit() || "年月日 -./".contains(c));
    !(header || title_head || speaker || date_only)
}

/// `省长 袁家军`: a role and a name (not `收听本文 00:00`).
fn two_cjk_words(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    words.len() == 2 && words.iter().all(|w| w.chars().all(crate::text::is_cjk))
}

/// Chrome when it stands after the speech's last sentence: a short line with no sentence in it
/// that is not how a speech or a document ends (a date, a signature of an office or a person).
pub fn below_speech_chrome(s: &str) -> bool {
    let n = s.chars().count();
    if n > 40 || has_sentence(s) || s.ends_with(['！', '!', '。', '？', '?']) {
        return false;
    }
    let date = s
        .chars()
        .all(|c| c.is_ascii_digit() || "年月日号 -./（）()〇零一二三四五六七八九十".contains(c));
    let signature = s.ends_with([
        '府', '会', '厅', '室', '局', '部', '院', '委', '处', '中', '心', '司', '组',
    ]) || two_cjk_words(s) && n <= 12
        // A speaker's name alone (李强, 王小明).
        || s.chars().all(crate::text::is_cjk) && n <= 3;
    let header = s.starts_with(['—', '－', '（', '(', '附']);
    !(date || signature || header)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_of_chrome() {
        for line in [
            "首页 | 新闻中心 | 政务公开 | 办事服务 | 互动交流",
            "当前位置：首页 > 工作报告 > 正文",
            "首页 > 范文大全 > 讲话稿",
            "本文共计3256字，阅读约需8分钟",
            "阅读：1234 评论：5",
            "2.3万人阅读",
            "【字体：大 中 小】【打印】【关闭】",
            "热门搜索：工作报告 述职报告 心得体会",
            "【推荐】【热门】2024年最新讲话稿",
            "【相关推荐】",
            "政务 新闻 公开 服务 互动 专题",
        ] {
            assert!(chrome_shape(line).is_some(), "{line}");
        }
    }

    #[test]
    fn shapes_of_speech() {
        for line in [
            "各位代表：",
            "一、2018年工作回顾",
            "（一）坚持稳中求进，经济运行保持在合理区间。",
            "全民阅读活动广泛开展，参与人数达100万人次。",
            "2019年浙江省政府工作报告",
            "——2019年1月14日在浙江省第十三届人民代表大会第二次会议上",
            "省长  袁家军",
            "同志们：",
            "政 府 工 作 报 告",
            "人 民 代 表 大 会 第 三 次 会 议 上",
            "【篇一】在全市工作会议上的讲话",
            "我们要坚持“两个毫不动摇”，巩固和发展公有制经济。",
        ] {
            assert_eq!(chrome_shape(line), None, "{line}");
        }
        assert!(!above_speech_chrome(
            "——2019年1月14日在浙江省第十三届人民代表大会第二次会议上"
        ));
        assert!(!above_speech_chrome("省长 袁家军"));
        assert!(!above_speech_chrome("宁夏回族自治区人民政府办公厅关于印发"));
        assert!(above_speech_chrome("精品范文网"));
        assert!(!below_speech_chrome("宁夏回族自治区人民政府办公厅"));
        assert!(!below_speech_chrome("二〇二三年一月五日"));
        assert!(!below_speech_chrome("谢谢大家！"));
        assert!(below_speech_chrome("相关阅读推荐"));
        assert!(below_speech_chrome("关闭窗口"));
        assert!(above_speech_chrome("收听本文 00:00"));
        assert!(above_speech_chrome("欢迎访问本站"));
    }
}
