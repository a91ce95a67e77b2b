//! Goldens of the outline of real government work reports of different years and provinces
//! (from `../shared/corpus-extra`, skipped when it is absent). Each golden was checked by reading
//! the report: every numbered section at its level, no false ones.

mod common;
mod outline_support;

use outline_support::*;
use speechtui::outline::outline;

/// The golden of one report, or `None` (with a note) when the corpus is absent.
fn report_golden(rel: &str) -> Option<String> {
    let dir = common::corpus_extra()?;
    let text = read_report(&dir.join(rel));
    let o = outline(&text);
    check_against_text(&text, &o);
    Some(golden(rel, &o))
}

/// 1960, national: sections numbered by a bare numeral on its own line (wiki layout).
#[test]
fn national_1960_bare_numerals() {
    if let Some(g) = report_golden("wikisource-national/1960_国务院_政府工作报告_wikisource.txt")
    {
        insta::assert_snapshot!(g);
    }
}

/// 2004, Jiangxi: ordinals `第一，` inside the review, points inside an ordinal, then `二&、`.
#[test]
fn jiangxi_2004_ordinals_and_artifact() {
    if let Some(g) = report_golden("gov-work-reports/2004_江西省_政府工作报告.txt") {
        insta::assert_snapshot!(g);
    }
}

/// 2009, Guangdong: the review has no number, `二&、` heads the plan and holds `一、`…`十二、`.
#[test]
fn guangdong_2009_plan_holds_its_own_list() {
    if let Some(g) = report_golden("gov-work-reports/2009_广东省_政府工作报告.txt") {
        insta::assert_snapshot!(g);
    }
}

/// 2013, Heilongjiang: an echoed first heading, three parts, points in every subsection.
#[test]
fn heilongjiang_2013_echoed_heading_and_points() {
    if let Some(g) = report_golden("gov-work-reports/2013_黑龙江省_政府工作报告.txt") {
        insta::assert_snapshot!(g);
    }
}

/// 2015, Sichuan: `二&、` over an unnumbered review, and `二，` written for `二、`.
#[test]
fn sichuan_2015_comma_variant() {
    if let Some(g) = report_golden("gov-work-reports/2015_四川省_政府工作报告.txt") {
        insta::assert_snapshot!(g);
    }
}

/// 2019, Zhejiang: the ten livelihood projects `一、`…`十、` listed inside `（九）`, then `（十）`.
#[test]
fn zhejiang_2019_list_inside_a_subsection() {
    if let Some(g) = report_golden("gov-work-reports/2019_浙江省_政府工作报告.txt") {
        insta::assert_snapshot!(g);
    }
}

/// 2004, Xinjiang: review items `一、`…`八、` under an unnumbered review, then `二&、`.
#[test]
fn xinjiang_2004_unnumbered_review() {
    if let Some(g) = report_golden("gov-work-reports/2004_新疆维吾尔自治区_政府工作报告.txt")
    {
        insta::assert_snapshot!(g);
    }
}

/// Every report of the shared corpus outlines without a panic into a well-formed tree whose
/// sections start at their markers, and almost every report has sections.
#[test]
fn every_report_is_well_formed() {
    let Some(dir) = common::corpus_extra() else {
        return;
    };
    let mut files = Vec::new();
    for sub in ["gov-work-reports", "wikisource-national"] {
        for entry in std::fs::read_dir(dir.join(sub)).expect("corpus folder") {
            files.push(entry.expect("entry").path());
        }
    }
    assert_eq!(files.len(), 871);
    let mut without = Vec::new();
    for path in &files {
        let text = read_report(path);
        let o = outline(&text);
        check_against_text(&text, &o);
        if o.sections.is_empty() {
            without.push(path.file_name().unwrap().to_string_lossy().to_string());
        }
    }
    // The ones without: the 22 NPC resolutions (a few formulaic paragraphs) and a few early
    // national reports that use unnumbered headings (1954, 1975, 1923, 1973).
    assert!(
        without.len() <= 30,
        "{} reports without sections: {without:?}",
        without.len()
    );
    let resolutions = without.iter().filter(|n| n.contains("决议")).count();
    assert!(resolutions >= 20);
}
