//! The place a speech belongs to — province, city or county (`浙江省`, `长沙市`, `湖南省长沙市`) —
//! from its title, its first lines (`在浙江省第十三届人民代表大会第二次会议上`), or its file name
//! (`2019_浙江省_政府工作报告.txt`). National speeches (国务院, 全国人民代表大会) are `全国`.
//! Labels use it where titles all read 政府工作报告.

use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

/// An administrative name right before what marks it as the speech's own place: its government,
/// its people's congress and session, its party committee.
static PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(\p{Han}{1,12}?(?:特别行政区|自治区|自治州|自治县|地区|省|市|县|州|盟|旗|区))(?:人民政府|政府工作|政府|人民代表大会|人大|第[一二三四五六七八九十]+届|委员会|市委|县委|区委|省委|党代会)",
    )
    .expect("place pattern")
});

/// A name standing alone (a file name part): the whole of it is the place.
static NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Han}{2,14}(?:特别行政区|自治区|自治州|自治县|地区|省|市|县|州|盟|旗|区)$")
        .expect("name pattern")
});

/// Words that end like a place but are not one, or stand for "this place" without naming it.
const NOT_PLACES: &[&str] = &[
    "全市", "全省", "全县", "全区", "本市", "本省", "本县", "本区", "我市", "我省", "我县", "我区",
    "各市", "各省", "各县", "各区", "该市", "该省", "城市", "地区", "社区", "园区", "新区", "市区",
    "城区", "景区", "辖区", "山区", "街区", "片区", "县区", "省市", "市县", "地市", "州市",
];

/// Where the place of a speech is looked for, in this order.
pub fn find_place(title: &str, text: &str, path: &Path) -> Option<String> {
    if let Some(p) = in_line(title) {
        return Some(p);
    }
    // The byline under the title: a few lines without a sentence in them, never the body (which
    // names other places: 贯彻落实省委省政府…).
    for line in text
        .lines()
        .take(6)
        .filter(|l| !super::shape::has_sentence(l))
    {
        if let Some(p) = in_line(line) {
            return Some(p);
        }
    }
    if national(title)
        || text
            .lines()
            .take(6)
            .filter(|l| !super::shape::has_sentence(l))
            .any(national)
    {
        return Some("全国".into());
    }
    from_file_name(path)
}

/// The first place named in a line, as its own government or congress.
fn in_line(line: &str) -> Option<String> {
    // Only the head of a long line: a title or byline, not a paragraph quoting other places.
    let head: String = line.chars().take(60).collect();
    PLACE
        .captures_iter(&head)
        .filter_map(|c| clean(c.get(1)?.as_str()))
        .next()
}

/// A candidate cut back to the name: the words before it in the line (`2019年`, `在`, `关于`)
/// dropped, and "this city"-like words refused.
fn clean(candidate: &str) -> Option<String> {
    let cut = candidate
        .rfind(['在', '年', '于', '向', '的', '是', '和', '与', '暨'])
        .map(|i| &candidate[i + candidate[i..].chars().next().map_or(0, char::len_utf8)..])
        .unwrap_or(candidate);
    let name = cut.strip_prefix("中共").unwrap_or(cut);
    // Words of a sentence, not of a name (贯彻落实省委省政府 is no place).
    const NOT_IN_NAMES: &[char] = &[
        '委', '党', '黨', '政', '府', '的', '了', '和', '与', '與', '及', '对', '對', '把', '将',
        '將', '要', '贯', '貫', '彻', '徹', '落', '实', '實', '推', '进', '進', '全', '各', '本',
        '我', '该', '該', '届', '屆', '次', '议', '議',
    ];
    if name.chars().count() < 2 || NOT_PLACES.contains(&name) || name.contains(NOT_IN_NAMES) {
        return None;
    }
    Some(name.to_string())
}

/// A national speech: of the State Council, or at a session of the National People's Congress or
/// a national party congress (`在第十三届全国人民代表大会…`, not a province's own congress
/// mentioning it).
fn national(line: &str) -> bool {
    static SESSION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(^|[在于—\s])(中华人民共和国)?第[一二三四五六七八九十]+(届|次)全国(人民代表大会|代表大会)")
            .expect("national pattern")
    });
    let head: String = line.chars().take(60).collect();
    head.contains("国务院") || SESSION.is_match(&head)
}

/// `2019_浙江省_政府工作报告.txt` → `浙江省`; `2005_国务院_…` → `全国`.
fn from_file_name(path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_string_lossy();
    let parts: Vec<&str> = stem.split(['_', ' ', '-', '—']).collect();
    if parts
        .iter()
        .any(|p| national(p) || *p == "全国人大" || p.contains("全国代表大会"))
    {
        return Some("全国".into());
    }
    parts
        .iter()
        .find(|p| NAME.is_match(p) && !NOT_PLACES.contains(p))
        .map(|p| p.to_string())
        .or_else(|| parts.iter().find_map(|p| in_line(p)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(title: &str, text: &str, file: &str) -> Option<String> {
        find_place(title, text, Path::new(file))
    }

    #[test]
    fn from_title_byline_and_file_name() {
        assert_eq!(
            place("2019年浙江省政府工作报告", "", "x.txt").as_deref(),
            Some("浙江省")
        );
        assert_eq!(
            place(
                "政府工作报告（2017年）",
                "政府工作报告\n——2017年1月15日在湖南省第十二届人民代表大会第六次会议上\n省长 许达哲\n各位代表：",
                "a.txt"
            )
            .as_deref(),
            Some("湖南省")
        );
        assert_eq!(
            place(
                "政府工作报告",
                "各位代表：",
                "2015_广西壮族自治区_政府工作报告.txt"
            )
            .as_deref(),
            Some("广西壮族自治区")
        );
        assert_eq!(
            place("长沙市人民政府工作报告", "", "b.txt").as_deref(),
            Some("长沙市")
        );
        assert_eq!(
            place(
                "政府工作报告",
                "——在中华人民共和国第十三届全国人民代表大会第二次会议上",
                "c.txt"
            )
            .as_deref(),
            Some("全国")
        );
        assert_eq!(
            place("政府工作报告", "", "2005_国务院_政府工作报告.txt").as_deref(),
            Some("全国")
        );
    }

    #[test]
    fn this_city_is_not_a_place() {
        assert_eq!(
            place(
                "市委书记在2025年全市三级干部大会上的讲话",
                "同志们:\n今天,我们市县乡三级干部齐聚一堂",
                "000_887235e958cf192e.txt"
            ),
            None
        );
        assert_eq!(place("在全市政府工作会议上的讲话", "", "x.txt"), None);
        assert_eq!(
            place(
                "在市级政府投资项目推进工作会议上的讲话",
                "贯彻落实省委省政府决策部署",
                "y.txt"
            ),
            None
        );
    }
}
