//! Where a speech was given, as its file name says (`2019_浙江省_政府工作报告.txt` → 浙江省).
//!
//! A temporary source: the corpus is learning to read the place from the text itself; until then
//! the library column and the reuse marks use this, and prefer the document's own place when it
//! has one.

use super::Document;

/// The place in a file name of the form `YYYY_<place>_…`, when that field names an issuer (a
/// province, city, county or the State Council), not a title.
pub fn from_file_name(name: &str) -> Option<String> {
    let mut parts = name.split('_');
    let year = parts.next()?;
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let place = parts.next()?;
    let n = place.chars().count();
    let issuer = ["省", "市", "区", "县", "州", "盟", "国务院"]
        .iter()
        .any(|end| place.ends_with(end));
    (issuer && (2..=12).contains(&n) && parts.next().is_some()).then(|| place.to_string())
}

/// The place of `doc`, from its file name.
pub fn of(doc: &Document) -> Option<String> {
    doc.path
        .file_name()
        .and_then(|n| from_file_name(&n.to_string_lossy()))
}

#[cfg(test)]
mod tests {
    use super::from_file_name;

    #[test]
    fn issuers_are_read_and_titles_are_not() {
        let cases = [
            ("2019_浙江省_政府工作报告.txt", Some("浙江省")),
            ("2005_国务院_政府工作报告.txt", Some("国务院")),
            (
                "2013_广西壮族自治区_政府工作报告.txt",
                Some("广西壮族自治区"),
            ),
            (
                "2022_全国人大_第十三届第五次会议_关于政府工作报告的决议_wikisource.txt",
                None,
            ),
            ("2012_中共第18次全国代表大会_坚定不移_wikisource.txt", None),
            ("000_3bce6aca9e0e3511.html", None),
            ("浙江省_2019.txt", None),
        ];
        for (name, want) in cases {
            assert_eq!(from_file_name(name).as_deref(), want, "{name}");
        }
    }
}
