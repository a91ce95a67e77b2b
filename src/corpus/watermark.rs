//! Site-name watermarks: template sites stamp their own name into the speech
//! (`不断壮大我老秘网区的高新技术产业集群`). The name is learnt from the page's own chrome lines
//! (banners, footers), and only that exact name is removed from the speech, with a warning.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::lines::{Kind, Line};
use crate::text::is_cjk;

fn static_regex(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("built-in regex compiles"))
}

fn site_name() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    static_regex(
        &R,
        r"(?:^|[\s:：_|—(（-])(\p{Han}{2,6}[网網])(?:[_\s:：|—(（-]|$)",
    )
}

/// Words ending in 网 that are not site names.
const NOT_SITE_NAMES: &[&str] = &[
    "互联网",
    "互聯網",
    "物联网",
    "物聯網",
    "因特网",
    "局域网",
    "电网",
    "電網",
    "管网",
    "管網",
    "路网",
    "路網",
    "本网",
    "本網",
    "该网",
    "該網",
    "此网",
    "此網",
    "全网",
    "全網",
    "上网",
    "上網",
    "联网",
    "聯網",
];

/// Template sites stamp their name into the speech (`壮大我老秘网区的高新技术产业`). The site's
/// name is learnt from the page's own banners and footers, and only that exact name is removed.
pub fn remove_watermarks(lines: &mut [Line], body: &Range<usize>, warnings: &mut Vec<String>) {
    let mut names: Vec<String> = Vec::new();
    for line in lines.iter() {
        if !matches!(line.kind, Kind::Chrome(_)) {
            continue;
        }
        for c in site_name().captures_iter(&line.text) {
            let name = &c[1];
            let plain = NOT_SITE_NAMES.iter().any(|w| name.ends_with(w));
            if !plain && !names.iter().any(|n| n == name) {
                names.push(name.to_string());
            }
        }
    }
    for name in names {
        let mut count = 0;
        for line in &mut lines[body.clone()] {
            if line.kind == Kind::Content && line.text.contains(&name) {
                count += line.text.matches(&name).count();
                line.text = line.text.replace(&name, "");
                line.cjk = line.text.chars().filter(|&c| is_cjk(c)).count();
            }
        }
        if count > 0 {
            warnings.push(format!(
                "removed {count} watermark(s) of the site name “{name}” from the text"
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::corpus::extract::extract;
    use crate::corpus::patterns::ChromePatterns;

    #[test]
    fn only_the_sites_own_name_goes() {
        let para = "我们要大力发展互联网经济，不断壮大我老秘网区的高新技术产业集群，确保全年目标任务圆满完成。";
        let text = format!(
            "老秘网_材夜思范文\n同志们：\n{para}\n欢迎光临 老秘网_材夜思范文 Powered by Discuz!"
        );
        let mut page = extract(&text, &ChromePatterns::default());
        super::remove_watermarks(&mut page.lines, &page.body, &mut page.warnings);
        let body: Vec<&str> = page.lines[page.body.clone()]
            .iter()
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(body[1], para.replace("老秘网", ""));
        assert!(body[1].contains("互联网经济"));
        assert!(page.warnings[0].contains("“老秘网”"));
    }
}
