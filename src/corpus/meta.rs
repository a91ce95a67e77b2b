//! Metadata of a speech: its title line (and how to tell a title from a sentence), its date, and
//! the fallback title made from a file name.

use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

use regex::Regex;

use super::lines::{Kind, Line};
use super::patterns::ChromeKind;

/// Words that end the title of a speech or report (Simplified and Traditional).
const GENRES: &str = "讲话|講話|讲话稿|講話稿|致辞|致辭|致词|致詞|发言|發言|报告|報告|讲稿|講稿|演讲|演講|总结|總結|贺词|賀詞|主持词|主持詞|开幕词|開幕詞|闭幕词|閉幕詞|提纲|提綱|决议|決議|汇报|匯報|党课|黨課|讲义|講義|动员|動員|讲评|講評|寄语|寄語|献词|獻詞|答谢词|答謝詞|欢迎词|歡迎詞|表态|表態";

fn genre_end() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        // A genre word at the end, optionally followed by bracketed notes: (提纲) （2021年） 【精选】.
        Regex::new(&format!(
            r"({GENRES})(\s*[(（\[【][^)）\]】]{{0,12}}[)）\]】])*\s*$"
        ))
        .expect("regex")
    })
}

fn genre_anywhere() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(GENRES).expect("regex"))
}

/// Removes the spaces of letter-spaced headings: `政 府 工 作 报 告` → `政府工作报告`.
fn squeeze_spaces(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let between_cjk = c == ' '
            && i > 0
            && chars.get(i + 1).is_some_and(|&n| crate::text::is_cjk(n))
            && crate::text::is_cjk(chars[i - 1]);
        if !between_cjk {
            out.push(c);
        }
    }
    out
}

fn promo_title() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(&format!(
            r"(?:推荐|推薦|整理的|整理了|分享的|收集的)(?:的|了)?(.{{4,60}}?(?:{GENRES}))"
        ))
        .expect("regex")
    })
}

fn salutation() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"^(尊敬的|各位|同志们|同志們|代表们|代表們|女士们|女士們|先生们|先生們|朋友们|朋友們|老师们|老師們|同学们|同學們|青年朋友|亲爱的|親愛的)")
            .expect("regex")
    })
}

fn closing() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"^(谢谢|謝謝|感谢|感謝)(大家|各位|你们|你們)?[!！。.]?$").expect("regex")
    })
}

/// Is this short line the speaker's salutation (`同志们：`, `尊敬的…，各位代表：`)?
pub fn is_salutation(s: &str) -> bool {
    let n = s.chars().count();
    n <= 80
        && salutation().is_match(s)
        && (s.ends_with([':', '：']) || matches!(s, "同志们" | "同志們" | "各位代表"))
}

/// Is this line a closing (`谢谢大家！`)?
pub fn is_closing(s: &str) -> bool {
    closing().is_match(s)
}

/// Does the line look like the title of a speech: short, no sentence end, ends with a genre word?
pub fn is_title_like(s: &str) -> bool {
    let n = s.chars().count();
    (4..=80).contains(&n)
        && !is_caption(s)
        && !s.ends_with(['。', '；', ';', '，', ',', '：', ':', '？', '?'])
        && genre_end().is_match(s)
}

/// A photo caption (`图为：省长作政府工作报告（某某 摄）`) names the speech but is not its title.
fn is_caption(s: &str) -> bool {
    s.starts_with("图为")
        || s.starts_with("圖為")
        || s.starts_with("图片")
        || s.contains("摄）")
        || s.contains("摄)")
        || s.contains("攝）")
}

/// Strips what sites add to a title: `第二篇：`, `最新范文`, `【精选推荐】`, trailing punctuation.
pub fn clean_title(s: &str) -> String {
    static PREFIX: OnceLock<Regex> = OnceLock::new();
    static SUFFIX: OnceLock<Regex> = OnceLock::new();
    let prefix = PREFIX.get_or_init(|| {
        Regex::new(
            r"^(第\s*[一二三四五六七八九十\d]{1,3}\s*篇\s*[:：、.．]?|标题[:：]|標題[:：])\s*",
        )
        .expect("regex")
    });
    let suffix = SUFFIX.get_or_init(|| {
        Regex::new(r"(最新)?(范文|範文|范本|範本|模板|全文)?\s*(【[^】]*】)*\s*[。.,，]*$")
            .expect("regex")
    });
    // A dated subtitle taken as the title keeps its words, not the dash that led it in.
    let s = s.trim_start_matches(['—', '－', '─', '―', '–', '-', '·', '•', ' ', '\u{3000}']);
    let s = squeeze_spaces(s.trim());
    let s = prefix.replace(&s, "");
    let s = suffix.replace(&s, "");
    s.trim().to_string()
}

/// Where a title was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleSource {
    /// A line of the speech's text (its index).
    InText(usize),
    /// A title line just before the speech, across bylines (its index): the speech's own title.
    Before(usize),
    /// Named elsewhere: a `第N篇` marker or a promotional intro.
    Named,
}

/// The title of the speech in `part`, and where it was found. `look_before`: the part is the
/// first of its page, so the lines above it may hold its title.
pub fn find_title(
    lines: &[Line],
    part: &Range<usize>,
    marker_title: Option<&str>,
    look_before: bool,
) -> Option<(String, TitleSource)> {
    // 1. The speech's own title line among its first lines.
    for (i, line) in lines[part.clone()].iter().enumerate().take(6) {
        if line.kind != Kind::Content {
            continue;
        }
        if is_salutation(&line.text) {
            break;
        }
        if is_title_like(&line.text) || (line.labelled_title && line.cjk > 0) {
            return Some((clean_title(&line.text), TitleSource::InText(part.start + i)));
        }
        // A title run together with its subtitle: `政府工作报告——1999年2月4日在…会议上`.
        if let Some((head, _)) = line.text.split_once("——") {
            if is_title_like(&squeeze_spaces(head)) {
                return Some((clean_title(head), TitleSource::InText(part.start + i)));
            }
        }
    }
    // 2. The title a multi-speech page gives the part.
    if let Some(t) = marker_title.map(clean_title).filter(|t| !t.is_empty()) {
        return Some((t, TitleSource::Named));
    }
    if look_before {
        // 3. A title line just before the speech, across bylines and banners.
        let from = part.start.saturating_sub(12);
        for (i, line) in lines[from..part.start].iter().enumerate().rev() {
            let titled = is_title_like(&line.text) || line.labelled_title;
            if titled && line.cjk >= 4 && !matches!(line.kind, Kind::Chrome(k) if k.is_hard()) {
                return Some((clean_title(&line.text), TitleSource::Before(from + i)));
            }
        }
        // 4. The title named by a promotional intro ("小编为您推荐…的讲话最新范文").
        for line in lines[from..part.start].iter().rev() {
            if line.kind == Kind::Chrome(ChromeKind::Promo) {
                if let Some(c) = promo_title().captures(&line.text) {
                    return Some((clean_title(&c[1]), TitleSource::Named));
                }
            }
        }
    }
    // 5. A short first line without a sentence end that names the genre somewhere
    //    (`政 府 工 作 报 告`, `重庆市人民政府工作报告（摘要）`); never a date or subtitle line.
    let first = lines[part.clone()]
        .iter()
        .position(|l| l.kind == Kind::Content)?;
    let line = &lines[part.start + first];
    let n = line.text.chars().count();
    if n <= 40
        && line.cjk >= 2
        && !line
            .text
            .ends_with(['。', '；', '，', '：', ':', '？', '！'])
        && !is_salutation(&line.text)
        && genre_anywhere().is_match(&squeeze_spaces(&line.text))
        && date_of_line(&line.text).is_none()
        && !line.text.starts_with(['—', '-', '－', '(', '（'])
    {
        return Some((
            clean_title(&line.text),
            TitleSource::InText(part.start + first),
        ));
    }
    None
}

fn date_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"([12]\d{3}|[〇○零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日)?")
            .expect("regex")
    })
}

fn year_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(r"((?:19|20)\d{2})\s*年").expect("regex"))
}

/// Fullwidth digits to ASCII, for matching only.
fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => c,
        })
        .collect()
}

fn chinese_year(s: &str) -> Option<u32> {
    if let Ok(y) = s.parse() {
        return Some(y);
    }
    s.chars().try_fold(0u32, |acc, c| {
        let d = match c {
            '〇' | '○' | '零' => 0,
            c => "一二三四五六七八九".chars().position(|d| d == c)? as u32 + 1,
        };
        Some(acc * 10 + d)
    })
}

/// A date line: the date opens the line (after brackets or a dash) and the line is short, as in
/// `2015年4月10日`, `（2013年1月27日）`, `——2019年1月14日在…会议上`.
fn date_of_line(line: &str) -> Option<String> {
    if line.chars().count() > 80 {
        return None;
    }
    // A subtitle run into its title line: `政府工作报告——1999年2月4日在…`.
    if let Some((head, tail)) = line.split_once("——") {
        if !head.is_empty() && is_title_like(&squeeze_spaces(head)) {
            return date_of_line(tail);
        }
    }
    let s = ascii_digits(line);
    let lead = s.trim_start_matches(['(', '（', '—', '-', '－', '―', ' ', '[', '【']);
    let c = date_re().captures(lead)?;
    if c.get(0)?.start() != 0 {
        return None;
    }
    let year = chinese_year(&c[1])?;
    if !(1900..=2100).contains(&year) {
        return None;
    }
    let month = crate::text::parse_number(&c[2]).filter(|m| (1..=12).contains(m))?;
    match c.get(3).and_then(|d| crate::text::parse_number(d.as_str())) {
        Some(day) if (1..=31).contains(&day) => Some(format!("{year:04}-{month:02}-{day:02}")),
        _ => Some(format!("{year:04}-{month:02}")),
    }
}

/// The date the speech states: a date line near its start or end, else the year in its title.
pub fn find_date(lines: &[Line], part: &Range<usize>, title: Option<&str>) -> Option<String> {
    let content: Vec<&Line> = lines[part.clone()]
        .iter()
        .filter(|l| matches!(l.kind, Kind::Content | Kind::Junk))
        .collect();
    let head = content.iter().take(6);
    let tail = content.iter().rev().take(3);
    for line in head.chain(tail) {
        if let Some(d) = date_of_line(&line.text) {
            return Some(d);
        }
    }
    year_of_title(title?)
}

/// The year a title states: `2019年政府工作报告`, or a title made from a file name that leads
/// with the year as a word of its own (`2001 甘肃省 政府工作报告`).
fn year_of_title(title: &str) -> Option<String> {
    static LEAD: OnceLock<Regex> = OnceLock::new();
    let title = ascii_digits(title);
    if let Some(c) = year_re().captures(&title) {
        return Some(c[1].to_string());
    }
    let lead = LEAD.get_or_init(|| Regex::new(r"^((?:19|20)\d{2})[\s_\-]").expect("regex"));
    lead.captures(&title).map(|c| c[1].to_string())
}

/// The speech's title inside an HTML `<title>` (`在…上的讲话_某省人民政府门户网站`): the part
/// that reads as a title, without the site's name.
pub fn title_from_page_title(t: &str) -> Option<String> {
    t.split(['_', '|', '｜'])
        .flat_map(|p| p.split(" - "))
        .map(str::trim)
        .find(|p| is_title_like(p))
        .map(clean_title)
}

/// A readable title made from a file name: extension, hash-like parts and separators dropped.
pub fn title_from_file_name(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = stem.strip_suffix(".gbk").unwrap_or(&stem);
    let parts: Vec<&str> = stem
        .split(['_', '-', ' '])
        .filter(|p| !p.is_empty())
        .filter(|p| !(p.len() >= 8 && p.chars().all(|c| c.is_ascii_hexdigit())))
        .filter(|p| !p.eq_ignore_ascii_case("wikisource"))
        .collect();
    let t = parts.join(" ");
    let t = if t.is_empty() { stem.to_string() } else { t };
    // A file name may hold escape sequences and newlines; a title is shown everywhere.
    crate::text::safety::visible_inline(&t).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        assert!(is_title_like(
            "在2025年全区“冲刺三季度、决战下半年”重点工作推进会上的讲话"
        ));
        assert!(is_title_like(
            "在全縣“五型”政府建設調度推進會上的講話(匯編)"
        ));
        assert!(is_title_like("2019年政府工作报告"));
        assert!(!is_title_like("下面，我讲几点意见。"));
        assert!(!is_title_like(
            "图为：省长李鸿忠作政府工作报告（郑元昌 田悦 摄）"
        ));
        assert_eq!(
            clean_title("——1998年1月12日在吉林省第九届人民代表大会第一次会议上的政府工作报告"),
            "1998年1月12日在吉林省第九届人民代表大会第一次会议上的政府工作报告"
        );
        assert_eq!(clean_title("－1999年2月日在天津市"), "1999年2月日在天津市");
        assert_eq!(
            clean_title("第二篇:在政府投資項目推進會上的講話"),
            "在政府投資項目推進會上的講話"
        );
        assert_eq!(
            clean_title("2022年度市委書記在全市三級干部大會上講話最新范本【精選推薦】"),
            "2022年度市委書記在全市三級干部大會上講話"
        );
    }

    #[test]
    fn page_titles() {
        assert_eq!(
            title_from_page_title("首页 | 在全省安全生产工作会议上的讲话_某省人民政府门户网站")
                .as_deref(),
            Some("在全省安全生产工作会议上的讲话")
        );
        assert_eq!(title_from_page_title("某省人民政府门户网站"), None);
    }

    #[test]
    fn letter_spaced_titles() {
        assert_eq!(clean_title("政 府 工 作 报 告"), "政府工作报告");
        assert_eq!(clean_title("在 2020 年会上的讲话"), "在 2020 年会上的讲话");
    }

    #[test]
    fn dates() {
        assert_eq!(date_of_line("2015年4月10日").as_deref(), Some("2015-04-10"));
        assert_eq!(
            date_of_line("（2013年1月27日）").as_deref(),
            Some("2013-01-27")
        );
        assert_eq!(
            date_of_line("——2019年1月14日在浙江省第十三届人民代表大会第二次会议上").as_deref(),
            Some("2019-01-14")
        );
        assert_eq!(
            date_of_line("二〇一九年一月十四日").as_deref(),
            Some("2019-01-14")
        );
        assert_eq!(date_of_line("今年1月，我们召开了2015年4月10日的会议"), None);
        assert_eq!(year_of_title("2019年政府工作报告").as_deref(), Some("2019"));
        assert_eq!(
            year_of_title("2001 甘肃省 政府工作报告").as_deref(),
            Some("2001")
        );
        assert_eq!(year_of_title("２００１ 甘肃省").as_deref(), Some("2001"));
        assert_eq!(year_of_title("20010 号文件"), None);
        assert_eq!(year_of_title("1234 计划"), None);
        assert_eq!(year_of_title("政府工作报告"), None);
    }

    #[test]
    fn file_names() {
        assert_eq!(
            title_from_file_name(Path::new("a/2019_浙江省_政府工作报告.gbk.txt")),
            "2019 浙江省 政府工作报告"
        );
        assert_eq!(
            title_from_file_name(Path::new("000_887235e958cf192e.txt")),
            "000"
        );
    }

    #[test]
    fn salutations() {
        assert!(is_salutation("同志们:"));
        assert!(is_salutation("尊敬的主席、各位代表："));
        assert!(!is_salutation(
            "同志们，躺在功劳簿上数星星，不如站起来追太阳！"
        ));
        assert!(is_closing("谢谢大家！"));
    }
}
