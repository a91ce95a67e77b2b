//! The 871 real reports of `../shared/corpus-extra` (skipped with a note when the folder is absent):
//! clean reports come through whole, GBK twins decode to exactly their UTF-8 text.

mod common;

use std::path::PathBuf;

use speechtui::corpus::{self, Document};

fn extra() -> Option<PathBuf> {
    common::corpus_extra()
}

/// Characters a reader sees: no whitespace, no zero-width characters, no controls.
fn significant(s: &str) -> usize {
    s.chars()
        .filter(|&c| {
            !c.is_whitespace()
                && !c.is_control()
                && !matches!(
                    c,
                    '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
                )
        })
        .count()
}

/// Characters of the Wikisource licence trailer, which is page chrome, not the report.
fn licence_trailer(raw: &str) -> usize {
    let markers = ["本作品是", "本作品来自", "这部作品", "這部作品", "本作品在"];
    markers
        .iter()
        .filter_map(|m| raw.rfind(m))
        .min()
        .map_or(0, |i| significant(&raw[i..]))
}

#[test]
fn every_report_survives_whole() {
    let Some(dir) = extra() else { return };
    let report = corpus::load(&[
        dir.join("gov-work-reports"),
        dir.join("wikisource-national"),
    ]);
    assert_eq!(report.documents.len(), 871, "skipped: {:?}", report.skipped);
    assert!(report.skipped.is_empty());
    let mut losses: Vec<(f64, usize, &Document)> = Vec::new();
    for d in &report.documents {
        assert_eq!(d.part, None, "{} split into parts", d.id);
        assert_eq!(d.encoding, "UTF-8");
        let raw = significant(&d.raw) - licence_trailer(&d.raw);
        let clean = significant(&d.text);
        let lost = raw.saturating_sub(clean);
        losses.push((lost as f64 / raw as f64, lost, d));
        assert!(
            d.warnings.iter().all(|w| !w.contains("chrome-like")
                && !w.contains("paywall")
                && !w.contains("left out")
                && !w.contains("mojibake")),
            "{}: {:?}",
            d.id,
            d.warnings
        );
    }
    losses.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (share, lost, d) in losses.iter().take(5) {
        eprintln!(
            "largest losses: {lost} chars ({:.3}%) {}",
            share * 100.0,
            d.id
        );
    }
    // Nothing of substance is lost: at most a byline a portal put above a report (see below).
    for (share, lost, d) in &losses {
        assert!(*lost <= 40 && *share < 0.003, "{}: lost {lost} chars", d.id);
    }
}

#[test]
fn reports_keep_their_titles_and_dates() {
    let Some(dir) = extra() else { return };
    let gov = dir.join("gov-work-reports");
    let d = corpus::open_doc(&gov.join("2019_浙江省_政府工作报告.txt").to_string_lossy()).unwrap();
    assert_eq!(d.title, "2019年政府工作报告");
    assert_eq!(d.date.as_deref(), Some("2019-01-27"));
    assert!(d.text.starts_with("2019年政府工作报告\n2019年1月27日在浙江省第十三届人民代表大会第二次会议\n各位代表：\n现在，"));
    // A report saved from a portal: its title line stays, the byline under it goes.
    let d = corpus::open_doc(&gov.join("2009_湖北省_政府工作报告.txt").to_string_lossy()).unwrap();
    assert_eq!(d.title, "湖北省人民政府2009年工作报告");
    assert_eq!(d.date.as_deref(), Some("2009-01-13"));
    assert!(
        d.text.starts_with("湖北省人民政府2009年工作报告\n图为："),
        "{}",
        &d.text[..200]
    );
    assert!(!d.text.contains("发布时间") && !d.text.contains("字体"));
    // A wikisource report without a title line: titled after its file name, licence trailer gone.
    let w = dir.join("wikisource-national/1955_国务院_政府工作报告_wikisource.txt");
    let d = corpus::open_doc(&w.to_string_lossy()).unwrap();
    assert_eq!(d.title, "1955 国务院 政府工作报告");
    assert!(!d.text.contains("Public domain") && !d.text.contains("公有领域"));
    assert!(d
        .text
        .ends_with("我们就一定能够胜利地完成和超额完成我国发展国民经济的第一个五年计划。"));
}

#[test]
fn gbk_twins_decode_to_their_utf8_text() {
    let Some(dir) = extra() else { return };
    let gbk_dir = dir.join("gbk");
    let mut checked = 0;
    for entry in std::fs::read_dir(&gbk_dir).unwrap() {
        let gbk = entry.unwrap().path();
        let name = gbk
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .replace(".gbk.txt", ".txt");
        let twin = ["gov-work-reports", "wikisource-national"]
            .iter()
            .map(|f| dir.join(f).join(&name))
            .find(|p| p.is_file())
            .unwrap_or_else(|| panic!("no UTF-8 twin for {}", gbk.display()));
        let a = corpus::open_doc(&gbk.to_string_lossy()).unwrap();
        let b = corpus::open_doc(&twin.to_string_lossy()).unwrap();
        assert_eq!(a.encoding, "GBK", "{}", gbk.display());
        // The decoded file is exactly the UTF-8 file (which may start with a BOM the GBK copy lost).
        let utf8 = std::fs::read_to_string(&twin).unwrap();
        assert_eq!(
            &*a.raw,
            utf8.trim_start_matches('\u{feff}'),
            "{}",
            gbk.display()
        );
        assert_eq!(a.text, b.text);
        assert_eq!(
            (a.title.as_str(), a.date.as_deref()),
            (b.title.as_str(), b.date.as_deref())
        );
        checked += 1;
    }
    assert_eq!(checked, 7);
}
