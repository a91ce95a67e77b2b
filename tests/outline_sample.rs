//! Goldens of the outline of the nine speeches of the bundled sample corpus (four pages holding
//! one speech each, and one page holding five). Every golden was checked by reading the speech.

mod outline_support;

use outline_support::*;
use speechtui::corpus;
use speechtui::outline::outline;

fn doc_golden(spec: &str) -> String {
    let path = corpus::sample_dir().join(spec);
    let doc = corpus::open_doc(path.to_str().expect("utf-8 path")).expect("sample speech opens");
    let o = outline(&doc.text);
    check_against_text(&doc.text, &o);
    golden(&doc.title, &o)
}

#[test]
fn page_000_two_parts_truncated_by_paywall() {
    insta::assert_snapshot!(doc_golden("000_887235e958cf192e.txt"));
}

#[test]
fn page_001_arabic_items_and_nested_points() {
    insta::assert_snapshot!(doc_golden("001_7df3ece87326869a.txt"));
}

#[test]
fn page_002_starts_mid_way() {
    insta::assert_snapshot!(doc_golden("002_019269771721435d.txt"));
}

#[test]
fn page_003_three_parts() {
    insta::assert_snapshot!(doc_golden("003_fad5f05ac5c28cf9.txt"));
}

#[test]
fn page_004_speech_1_ordinals_at_top() {
    insta::assert_snapshot!(doc_golden("004_3bce6aca9e0e3511.txt#1"));
}

#[test]
fn page_004_speech_2_openers_then_ordinals() {
    insta::assert_snapshot!(doc_golden("004_3bce6aca9e0e3511.txt#2"));
}

#[test]
fn page_004_speech_3_points_under_parts() {
    insta::assert_snapshot!(doc_golden("004_3bce6aca9e0e3511.txt#3"));
}

#[test]
fn page_004_speech_4_nine_parts() {
    insta::assert_snapshot!(doc_golden("004_3bce6aca9e0e3511.txt#4"));
}

#[test]
fn page_004_speech_5_two_parts() {
    insta::assert_snapshot!(doc_golden("004_3bce6aca9e0e3511.txt#5"));
}

/// The structure a reader sees on the page that starts mid-way, spelled out: the orphan `第五，`
/// hangs under the missing first question, the questions are the top level.
#[test]
fn page_002_levels_spelled_out() {
    let path = corpus::sample_dir().join("002_019269771721435d.txt");
    let doc = corpus::open_doc(path.to_str().unwrap()).unwrap();
    let o = outline(&doc.text);
    let levels: Vec<(u8, &str)> = o
        .sections
        .iter()
        .map(|s| (s.level, s.marker.as_str()))
        .collect();
    assert_eq!(levels[0], (2, "第五,"));
    assert_eq!(levels[1], (1, "第二个问题,"));
    let top: Vec<&str> = o
        .sections
        .iter()
        .filter(|s| s.level == 1)
        .map(|s| s.marker.as_str())
        .collect();
    assert_eq!(top, vec!["第二个问题,", "第三个问题,", "第四个问题,"]);
}
