//! The reuse report on real speeches: formulas are the boilerplate a reader recognises, and their
//! counts agree with a direct substring count.

mod common;
mod reuse_support;

use std::collections::BTreeSet;

use reuse_support::*;
use speechtui::reuse::{self, Options, ReuseReport};

fn build(docs: &[speechtui::corpus::Document]) -> ReuseReport {
    let options = Options {
        no_cache: true,
        ..Options::default()
    };
    reuse::build(docs, &options, &|_| {}).expect("reuse build")
}

/// Properties every report must have, whatever the corpus.
fn check_consistency(docs: &[speechtui::corpus::Document], report: &ReuseReport) {
    assert_eq!(report.documents.len(), docs.len());
    for (f_idx, f) in report.formulas.iter().enumerate() {
        let in_docs: BTreeSet<usize> = f.occurrences.iter().map(|o| o.doc).collect();
        assert_eq!(in_docs.len(), f.variant_documents, "formula {f_idx}");
        assert!(f.documents >= 1 && f.documents <= f.variant_documents);
        assert!(f.variant_documents >= 2);
        // The representative is the text of a part of one of its occurrences, in the original
        // script.
        let rep = &f.representative;
        // (Slicing by chars is slow in a debug build: the top formulas and a sample of the rest.)
        if f_idx < 300 || f_idx % 97 == 0 {
            assert_eq!(
                slice(&docs[rep.doc].text, rep.span.start, rep.span.end),
                f.text
            );
        }
        assert!(
            f.occurrences.iter().any(|o| o.doc == rep.doc
                && o.span.start <= rep.span.start
                && rep.span.end <= o.span.end),
            "formula {f_idx} {:?} is in none of its occurrences",
            f.text
        );
    }
    // The shingle index's wording first, most speeches first (the order the per-speech spans
    // refer to), then the short formula units; the default ranking lists every formula once.
    let long: Vec<_> = report.formulas.iter().take_while(|f| !f.unit).collect();
    assert!(report.formulas[long.len()..].iter().all(|f| f.unit));
    for w in long.windows(2) {
        assert!(
            w[0].documents >= w[1].documents,
            "formulas ranked by speeches"
        );
    }
    let mut ranked = report.ranked.clone();
    ranked.sort_unstable();
    assert_eq!(ranked, (0..report.formulas.len()).collect::<Vec<_>>());
    for (d, r) in report.documents.iter().enumerate() {
        assert!((0.0..=1.0).contains(&r.reused), "{}", r.reused);
        let n = docs[d].chars();
        for s in &r.spans {
            assert!(s.span.start < s.span.end && s.span.end <= n);
            // Each span is an occurrence of its formula, and its others are other speeches.
            let f = &report.formulas[s.formula];
            assert!(f.occurrences.iter().any(|o| o.doc == d && o.span == s.span));
            assert_eq!(s.others, f.variant_documents - 1);
        }
        if !r.spans.is_empty() {
            assert!(r.reused > 0.0);
        }
    }
    for p in &report.pairs {
        assert!(p.a < p.b && p.b < docs.len());
        assert!(p.shared_chars <= docs[p.a].chars().min(docs[p.b].chars()));
    }
}

#[test]
fn sample_corpus_report_is_consistent() {
    let docs = sample();
    assert!(docs.len() >= 5);
    let report = build(&docs);
    check_consistency(&docs, &report);
    let keys = keys(&docs);
    for f in report.formulas.iter().take(20) {
        assert_eq!(
            f.documents,
            count_docs_containing(&keys, &f.text),
            "{:?}",
            f.text
        );
    }
}

#[test]
fn report_formulas_are_real_boilerplate_with_grep_counts() {
    let Some(dir) = common::corpus_extra().map(|d| d.join("gov-work-reports")) else {
        return;
    };
    // 1998–2003: ~130 reports from 31 provinces; enough for corpus-wide boilerplate.
    let docs = load_txt(&dir, 130);
    let report = build(&docs);
    check_consistency(&docs, &report);

    let top: Vec<&str> = report
        .formulas
        .iter()
        .take(25)
        .map(|f| f.text.as_str())
        .collect();
    assert!(
        top.iter().any(|t| t.contains("民主党派")),
        "the closing thanks to 民主党派、工商联、无党派人士 is among the top formulas: {top:#?}"
    );
    assert!(
        report
            .formulas
            .iter()
            .take(60)
            .any(|f| f.text.contains("请予审议")),
        "请予审议 is among the top formulas"
    );
    // The exact counts agree with a direct substring count, for the top formulas and a few
    // further down.
    let keys = keys(&docs);
    for i in [0, 1, 2, 3, 4, 10, 50, 200] {
        let Some(f) = report.formulas.get(i) else {
            continue;
        };
        assert_eq!(
            f.documents,
            count_docs_containing(&keys, &f.text),
            "formula #{i} {:?}",
            f.text
        );
    }
    // A widely shared formula spans the years of the corpus.
    let first = &report.formulas[0];
    assert!(first.documents >= 40, "{} speeches", first.documents);
    let (lo, hi) = first.years.expect("dated speeches");
    assert!(lo <= 1999 && hi >= 2002, "{lo}–{hi}");
}

#[test]
fn the_same_report_twice_in_a_corpus_is_the_most_similar_pair() {
    let Some(dir) = common::corpus_extra().map(|d| d.join("gov-work-reports")) else {
        return;
    };
    let mut docs = load_txt(&dir, 30);
    let mut copy = docs[7].clone();
    copy.id.push_str("#copy");
    docs.push(copy);
    let report = build(&docs);
    let best = &report.pairs[0];
    assert_eq!((best.a, best.b), (7, 30));
    assert!(best.a_reused > 0.95 && best.b_reused > 0.95);
    assert!(report.documents[7].reused > 0.95);
}
