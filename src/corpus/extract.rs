//! Separating the speech from the page around it.
//!
//! The method, in short:
//! 1. Every line is cleaned of inline debris (stray tags, data URIs, `[打印本页]`, `(第2/3页)`,
//!    `标题:` labels) and classified: blank, junk (no Chinese at all), chrome (by the configurable
//!    pattern list, weighed by line length), a part marker (`第二篇：…`), or content.
//! 2. Content lines weigh their count of Chinese characters; soft chrome (bylines, share prompts,
//!    promotional intros) weighs −150, junk −5; hard chrome (paywalls, download prompts, footers,
//!    related-article lists, licence trailers) ends a block.
//! 3. The speech is the heaviest run of lines (maximum-sum segment) over all blocks: prose-dense
//!    text wins over page furniture, a short chrome-like line inside a long speech is crossed, and
//!    nothing after a footer or a related-articles header is ever joined to the speech.
//! 4. Above the speech's title (or first line of speech), short lines without a sentence in them
//!    are page chrome too, whatever their words ([`super::shape`]).
//! 5. Whatever prose-like text is left outside the speech (and outside the page's tail) is reported
//!    as a warning, never dropped silently.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

// Old paths of `is_cjk` and `parse_number` (now in `text`) for the rest of `corpus`; they go once
// every branch has been merged onto `text`.
#[doc(hidden)]
pub(super) use crate::text::{is_cjk, parse_number};

use super::html::strip_stray_tags;
pub use super::lines::{Kind, Line, Page};
use super::patterns::{ChromeKind, ChromePatterns};

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("built-in regex compiles"))
}

fn data_uri() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, r"data:[a-zA-Z]+/[a-zA-Z0-9.+-]+;base64,[A-Za-z0-9+/=]*")
}

fn print_mark() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, r"\s*[\[【]?打印本[页頁][\]】]?")
}

fn pagination() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, r"[(（]\s*第\s*(\d+)\s*/\s*(\d+)\s*[页頁]\s*[)）]")
}

fn title_label() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, r"^(标题|標題|题目|題目|文章标题|文章標題)\s*[:：]\s*")
}

/// `第一篇：…`, `篇一：…`, `范文一：…`, `【篇一】…`, `【第一篇】…` (one regex per form: a regex
/// may not reuse a group name across alternatives).
fn part_markers() -> &'static [Regex] {
    static R: OnceLock<Vec<Regex>> = OnceLock::new();
    R.get_or_init(|| {
        const N: &str = r"(?P<n>[一二三四五六七八九十]{1,3}|\d{1,3})";
        let sep = r"\s*(?:[:：、.．]\s*(?P<t>.*))?$";
        [
            format!(r"^第\s*{N}\s*篇{sep}"),
            format!(r"^篇\s*{N}{sep}"),
            format!(r"^(?:范文|範文)\s*{N}{sep}"),
            format!(r"^【\s*第\s*{N}\s*篇\s*】\s*[:：、]?\s*(?P<t>.*)$"),
            format!(r"^【\s*篇\s*{N}\s*】\s*[:：、]?\s*(?P<t>.*)$"),
        ]
        .iter()
        .map(|p| Regex::new(p).expect("built-in regex compiles"))
        .collect()
    })
}

fn url_only() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, r"^(https?://|www\.)\S+$")
}

/// Notes about the page as a whole, gathered while the lines are cleaned.
#[derive(Default)]
struct Notes {
    pagination: Option<(String, String)>,
    data_uris: usize,
}

fn clean_line(raw: &str, notes: &mut Notes) -> (String, bool) {
    let (mut s, _) = strip_stray_tags(raw);
    if s.contains("data:") {
        let n = data_uri().find_iter(&s).count();
        if n > 0 {
            notes.data_uris += n;
            s = data_uri().replace_all(&s, "").into_owned();
        }
    }
    if s.contains("打印本") {
        s = print_mark().replace_all(&s, "").into_owned();
    }
    if let Some(c) = pagination().captures(&s) {
        notes
            .pagination
            .get_or_insert((c[1].to_string(), c[2].to_string()));
        s = pagination().replace_all(&s, "").into_owned();
    }
    let mut labelled = false;
    if let Some(m) = title_label().find(&s) {
        labelled = true;
        s = s[m.end()..].to_string();
    }
    (s.trim().to_string(), labelled)
}

fn classify(text: &str, cjk: usize, patterns: &ChromePatterns) -> Kind {
    if text.is_empty() {
        return Kind::Blank;
    }
    let chars = text.chars().count();
    if let Some(kind) = patterns.classify(text, chars) {
        return Kind::Chrome(kind);
    }
    if cjk == 0 {
        return Kind::Junk;
    }
    if url_only().is_match(text) {
        return Kind::Junk;
    }
    if let Some(c) = part_markers().iter().find_map(|r| r.captures(text)) {
        if let Some(n) = c.name("n").and_then(|m| parse_number(m.as_str())) {
            let title = c.name("t").map_or("", |m| m.as_str()).trim().to_string();
            return Kind::Marker { n, title };
        }
    }
    if let Some(kind) = super::shape::chrome_shape(text) {
        return Kind::Chrome(kind);
    }
    Kind::Content
}

/// Ends the speech at its last sentence when only chrome-shaped short lines follow it (a site's
/// "you may also like", a forum's edit note); a date or a signature stays.
fn trim_tail(lines: &mut [Line], body: Range<usize>) -> Range<usize> {
    let mut end = body.end;
    let mut cut = Vec::new();
    while end > body.start {
        let line = &lines[end - 1];
        match line.kind {
            Kind::Blank | Kind::Junk | Kind::Chrome(_) => {}
            Kind::Content if super::shape::below_speech_chrome(&line.text) => cut.push(end - 1),
            _ => break,
        }
        end -= 1;
    }
    // Nothing but short lines: not a tail, leave it to the caller's judgement.
    if end == body.start {
        return body;
    }
    for i in cut {
        lines[i].kind = Kind::Chrome(ChromeKind::Banner);
    }
    let mut e = body.end;
    while e > body.start && !matches!(lines[e - 1].kind, Kind::Content) {
        e -= 1;
    }
    body.start..e
}

/// Moves the start of the speech past the chrome-shaped lines above its title or first line of
/// speech (a site name, a menu without separators, a slogan): see [`super::shape`]. If nothing but
/// such lines is left, there is no speech.
fn trim_top(lines: &mut [Line], body: Range<usize>) -> Range<usize> {
    let mut i = body.start;
    while i < body.end {
        match lines[i].kind {
            Kind::Blank | Kind::Junk => {}
            Kind::Content if super::shape::above_speech_chrome(&lines[i].text) => {
                lines[i].kind = Kind::Chrome(ChromeKind::Banner);
            }
            _ => break,
        }
        i += 1;
    }
    while i < body.end && !matches!(lines[i].kind, Kind::Content | Kind::Marker { .. }) {
        i += 1;
    }
    i..body.end
}

/// Weight of soft chrome in the maximum-sum segment, in Chinese characters.
const SOFT_CHROME: i64 = -150;
const JUNK: i64 = -5;
/// Prose left outside the speech is reported from this many Chinese characters on.
const REPORT_DROPPED: usize = 150;

fn weight(line: &Line) -> Option<i64> {
    match &line.kind {
        Kind::Blank => Some(0),
        Kind::Junk => Some(JUNK),
        Kind::Chrome(k) if k.is_hard() => None,
        Kind::Chrome(_) => Some(SOFT_CHROME),
        Kind::Marker { .. } => Some(10),
        Kind::Content => Some(line.cjk.max(1) as i64),
    }
}

/// The heaviest segment of lines (Kadane over blocks delimited by hard chrome), trimmed to
/// content at both ends.
fn heaviest_segment(lines: &[Line]) -> Range<usize> {
    let mut best = (0i64, 0..0);
    let mut sum = 0i64;
    let mut start = 0;
    // After the header of a related-articles list, text is other articles' teasers: it weighs a
    // quarter, so a long list never outweighs the speech it follows.
    let mut in_list = false;
    for (i, line) in lines.iter().enumerate() {
        in_list |= line.kind == Kind::Chrome(ChromeKind::Related);
        let w = weight(line).map(|w| if in_list && w > 0 { w / 4 } else { w });
        match w {
            None => {
                sum = 0;
                start = i + 1;
            }
            Some(w) => {
                if sum <= 0 {
                    sum = 0;
                    start = i;
                }
                sum += w;
                // On a tie the segment grows (a short last line after a footnote mark).
                if sum > best.0 || (sum == best.0 && start == best.1.start && sum > 0) {
                    best = (sum, start..i + 1);
                }
            }
        }
    }
    let mut r = best.1;
    while r.start < r.end && !matches!(lines[r.start].kind, Kind::Content | Kind::Marker { .. }) {
        r.start += 1;
    }
    while r.end > r.start && !matches!(lines[r.end - 1].kind, Kind::Content) {
        r.end -= 1;
    }
    r
}

/// Does a line end like a finished sentence (rather than a cut-off teaser or a bare title)?
fn ends_sentence(s: &str) -> bool {
    s.ends_with(['。', '！', '？', '!', '?', '”', '」', '』', '）', ')', '；'])
        && !s.ends_with("…）")
}

/// Two or more adjacent pairs of (title line, cut-off teaser) are a list of other articles, with or
/// without a header: such lines become related-articles chrome.
fn mark_teaser_lists(lines: &mut [Line]) {
    use super::meta::is_title_like;
    let content: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].kind == Kind::Content)
        .collect();
    // A teaser is a cut-off paragraph: long, without a sentence end. (A report's header — title,
    // slogan, `——…会议上的报告`, the speaker — has short lines.)
    let is_pair = |k: usize| {
        let (title, teaser) = match (content.get(k), content.get(k + 1)) {
            (Some(&a), Some(&b)) => (&lines[a].text, &lines[b].text),
            _ => return false,
        };
        is_title_like(title)
            && !title.starts_with(['—', '（', '('])
            && !is_title_like(teaser)
            && !ends_sentence(teaser)
            && teaser.chars().count() >= 30
    };
    let pair: Vec<bool> = (0..content.len()).map(is_pair).collect();
    let mut k = 0;
    while k < content.len() {
        let mut end = k;
        while pair.get(end).copied().unwrap_or(false) {
            end += 2;
        }
        if end - k >= 4 {
            for &i in &content[k..end] {
                lines[i].kind = Kind::Chrome(ChromeKind::Related);
            }
            k = end;
        } else {
            k += 1;
        }
    }
}

/// A speech ends at its closing (`谢谢大家！`). What follows it in the same block is kept only if
/// it reads as more speech (another speech with its title and salutation, or finished sentences);
/// a list of titles and cut-off teasers without a header is another site's "related articles".
fn end_at_closing(lines: &[Line], body: Range<usize>) -> Range<usize> {
    use super::meta::{is_closing, is_salutation, is_title_like};
    let Some(close) = body.clone().rev().find(|&i| is_closing(&lines[i].text)) else {
        return body;
    };
    let after: Vec<usize> = (close + 1..body.end)
        .filter(|&i| lines[i].kind == Kind::Content)
        .collect();
    if after.is_empty() {
        return body;
    }
    let starts_speech = after.iter().enumerate().any(|(k, &i)| {
        is_title_like(&lines[i].text)
            && after[k + 1..]
                .iter()
                .take(3)
                .any(|&j| is_salutation(&lines[j].text))
    });
    let listy = after
        .iter()
        .filter(|&&i| is_title_like(&lines[i].text) || !ends_sentence(&lines[i].text))
        .count();
    let more_parts = (close + 1..body.end).any(|i| matches!(lines[i].kind, Kind::Marker { .. }));
    if starts_speech || more_parts || listy * 2 < after.len() {
        return body;
    }
    // Keep a date or a signature right after the closing.
    let mut end = close + 1;
    for &i in after.iter().take(2) {
        let text = &lines[i].text;
        if i <= end + 1 && text.chars().count() <= 25 && !is_title_like(text) {
            end = i + 1;
        } else {
            break;
        }
    }
    body.start..end
}

fn excerpt(s: &str) -> String {
    let mut e: String = s.chars().take(24).collect();
    if s.chars().count() > 24 {
        e.push('…');
    }
    e
}

/// Splits cleaned text into lines, classifies them and finds the speech.
pub fn extract(text: &str, patterns: &ChromePatterns) -> Page {
    let mut notes = Notes::default();
    let mut lines: Vec<Line> = text
        .split('\n')
        .map(|raw| {
            let (text, labelled_title) = clean_line(raw, &mut notes);
            let cjk = text.chars().filter(|&c| is_cjk(c)).count();
            let kind = classify(&text, cjk, patterns);
            Line {
                text,
                kind,
                cjk,
                labelled_title,
            }
        })
        .collect();
    // A labelled title is the page's own title line, whatever else the line looks like.
    for line in &mut lines {
        if line.labelled_title && line.cjk > 0 {
            line.kind = Kind::Content;
        }
    }
    mark_teaser_lists(&mut lines);
    let body = end_at_closing(&lines, heaviest_segment(&lines));
    let body = trim_top(&mut lines, body);
    let body = trim_tail(&mut lines, body);
    let mut warnings = Vec::new();
    if let Some((page, pages)) = &notes.pagination {
        warnings.push(format!(
            "the page is part {page} of {pages} of a longer article: the rest of the speech is not in this file"
        ));
    }
    if notes.data_uris > 0 {
        warnings.push(format!(
            "{} embedded image(s) (data URIs) removed",
            notes.data_uris
        ));
    }
    for line in &lines[body.end..] {
        if let Kind::Chrome(ChromeKind::Paywall) = line.kind {
            warnings.push(format!(
                "the page shows only part of the speech (paywall: “{}”)",
                excerpt(line.text.trim_matches('.'))
            ));
            break;
        }
    }
    warnings.extend(dropped_prose(&lines, &body));
    Page {
        lines,
        body,
        warnings,
    }
}

/// Warnings for prose-like runs left outside the speech before the page's tail (the first hard
/// chrome after the speech): text a reader might miss.
fn dropped_prose(lines: &[Line], body: &Range<usize>) -> Vec<String> {
    let tail = lines[body.end..]
        .iter()
        .position(|l| matches!(l.kind, Kind::Chrome(k) if k.starts_tail()))
        .map_or(lines.len(), |p| body.end + p);
    let mut out = Vec::new();
    for range in [0..body.start, body.end..tail] {
        // Runs of content lines; blank lines do not break a run, anything else does.
        let mut run: Option<(usize, usize)> = None;
        for i in range.clone() {
            match lines[i].kind {
                Kind::Content => {
                    let r = run.get_or_insert((i, 0));
                    r.1 += lines[i].cjk;
                }
                Kind::Blank => {}
                _ => report_run(&mut out, lines, run.take()),
            }
        }
        report_run(&mut out, lines, run.take());
    }
    out
}

fn report_run(out: &mut Vec<String>, lines: &[Line], run: Option<(usize, usize)>) {
    if let Some((start, cjk)) = run {
        if cjk >= REPORT_DROPPED {
            out.push(format!(
                "left out {cjk} Chinese characters of text outside the speech (line {}: “{}”)",
                start + 1,
                excerpt(&lines[start].text)
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn part_markers() {
        let p = ChromePatterns::default();
        let marker = |s: &str| match classify(s, s.chars().filter(|&c| is_cjk(c)).count(), &p) {
            Kind::Marker { n, title } => Some((n, title)),
            _ => None,
        };
        assert_eq!(
            marker("第二篇:在会上的讲话"),
            Some((2, "在会上的讲话".into()))
        );
        assert_eq!(
            marker("篇三：在会上的讲话"),
            Some((3, "在会上的讲话".into()))
        );
        assert_eq!(
            marker("【篇一】在会上的讲话"),
            Some((1, "在会上的讲话".into()))
        );
        assert_eq!(marker("【第十二篇】"), Some((12, String::new())));
        assert_eq!(marker("范文四"), Some((4, String::new())));
        assert_eq!(marker("第一篇章，开局良好。"), None);
        assert_eq!(marker("篇幅不长，但意义重大。"), None);
    }

    #[test]
    fn related_list_without_header_ends_at_the_closing() {
        let para = "我们要坚持以人民为中心的发展思想，扎实推进各项工作，确保全年目标任务圆满完成。"
            .repeat(4);
        let teaser =
            "今天我们召开全县工作会议，主要任务是总结工作、部署任务，希望大家认真贯彻落实。"
                .repeat(4);
        let text = format!(
            "同志们：\n{para}\n谢谢大家！\n2023年5月6日\n在全县工作会议上的讲话\n{teaser}……\n在全镇工作会议上的讲话\n同志们：这次会议的主要任务是贯彻落实全市工作会议精神，总结上半年"
        );
        let page = extract(&text, &ChromePatterns::default());
        assert_eq!(page.body, 0..4);
        // The titles and teasers read as a list of other articles: no warning needed.
        assert!(page.warnings.is_empty(), "{:?}", page.warnings);
        // Finished sentences after a closing are still the speech.
        let text = format!("同志们：\n{para}\n谢谢大家！\n{para}");
        assert_eq!(extract(&text, &ChromePatterns::default()).body, 0..4);
    }

    #[test]
    fn headerless_teaser_list_is_chrome() {
        let para = "我们要坚持以人民为中心的发展思想，扎实推进各项工作，确保全年目标任务圆满完成。"
            .repeat(4);
        let teaser = "今天我们召开全县工作会议，主要任务是总结工作、部署任务，希望大家认真贯彻落实";
        let text = format!(
            "同志们：\n{para}\n在全县工作会议上的讲话\n{teaser}…\n在全镇工作会议上的讲话\n{teaser}"
        );
        let page = extract(&text, &ChromePatterns::default());
        assert_eq!(page.body, 0..2);
        // One title and its first lines are not a list.
        let text = format!("在全县工作会议上的讲话\n2023年5月6日\n同志们：\n{para}");
        assert_eq!(extract(&text, &ChromePatterns::default()).body, 0..4);
    }

    #[test]
    fn speech_between_chrome() {
        let text = "某某网 —— 专注公文写作范文\n在全市工作会议上的讲话\n作者: 某某 时间: 昨天\n同志们：\n今天我们召开全市工作会议，主要任务是总结工作、部署任务。希望大家认真贯彻落实。\n谢谢大家！\n221381\n相关文章推荐\n在全县工作会议上的讲话\n今天我们召开全县工作会议，主要任务是总结工作、部署任务，希望大家认真贯彻落实。今天我们召开全县工作会议，主要任务是总结工作、部署任务，希望大家认真贯彻落实。";
        let page = extract(text, &ChromePatterns::default());
        let body: Vec<&str> = page.lines[page.body.clone()]
            .iter()
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(body.first(), Some(&"同志们："));
        assert_eq!(body.last(), Some(&"谢谢大家！"));
        assert!(page.warnings.is_empty(), "{:?}", page.warnings);
    }

    #[test]
    fn a_chrome_like_line_inside_a_long_speech_is_crossed() {
        let para = "我们要坚持以人民为中心的发展思想，扎实推进各项工作，确保全年目标任务圆满完成。"
            .repeat(6);
        let text = format!("{para}\n分享\n{para}");
        let page = extract(&text, &ChromePatterns::default());
        assert_eq!(page.body, 0..3);
    }
}
