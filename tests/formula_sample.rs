//! Formula units, kinds, history and lookup on the bundled sample corpus (9 speeches, 5 pages,
//! Simplified and Traditional): what the seeds share is listed as formulas, whole.

use speechtui::corpus::{self, Document};
use speechtui::reuse::{self, history, lookup, Kind, Options, ReuseReport};
use speechtui::text::key::Key;

fn sample() -> (Vec<Document>, ReuseReport) {
    let docs = corpus::load(&[corpus::sample_dir().to_path_buf()]).documents;
    let report = reuse::build(
        &docs,
        &Options {
            no_cache: true,
            ..Options::default()
        },
        &|_| {},
    )
    .expect("build");
    (docs, report)
}

fn key(s: &str) -> String {
    Key::new(s).as_string()
}

/// The best ranked formula whose key holds `phrase`'s key, with at most `extra` more characters.
fn listed(report: &ReuseReport, phrase: &str, extra: usize) -> Option<usize> {
    let k = key(phrase);
    let n = k.chars().count();
    report.ranked.iter().copied().find(|&i| {
        let f = key(&report.formulas[i].text);
        f.contains(&k) && f.chars().count() <= n + extra
    })
}

#[test]
fn the_seeds_shared_formulas_are_listed_as_formulas() {
    let (docs, report) = sample();
    assert_eq!(docs.len(), 9);
    // The wording between 四个意识 and 两个维护 (坚定四个自信) is part of the formula.
    for phrase in [
        "九牛爬坡个个出力",
        "一切围绕项目转一切盯着项目干",
        "一分部署九分落实",
        "重点突破带动全局",
        "增强四个意识坚定四个自信做到两个维护",
    ] {
        let i = listed(&report, phrase, 2).unwrap_or_else(|| panic!("{phrase} not listed"));
        let f = &report.formulas[i];
        assert_eq!(f.kind, Kind::Formula, "{phrase}: {:?}", f.kind);
        assert!(f.variant_documents >= 2, "{phrase}");
    }
}

#[test]
fn formulas_are_found_in_both_scripts_and_variants_show_how_they_are_written() {
    let (docs, report) = sample();
    let finder = lookup::Finder::new(&report);
    let simplified = finder.find(&report, "九牛爬坡个个出力").expect("found");
    let traditional = finder.find(&report, "九牛爬坡、個個出力").expect("found");
    assert_eq!(simplified, traditional);
    let f = &report.formulas[simplified];
    let h = history::history(f, &docs);
    // One speech writes it in Traditional with an enumeration comma, the other in Simplified.
    let texts: Vec<&str> = h.variants.iter().map(|(t, _)| t.as_str()).collect();
    assert!(texts.iter().any(|t| t.contains('個')), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains('个')), "{texts:?}");
    // First use: the older of the two speeches.
    let first = h.first.expect("dated");
    let last = h.last.expect("dated");
    assert!(first.date <= last.date);
    let years: u32 = h.by_year.iter().map(|&(_, n)| n).sum();
    assert_eq!(years + h.undated, f.variant_documents as u32);
    // The concordance is in date order, each hit the text of its span.
    let hits = history::concordance(f, &docs, 10);
    assert_eq!(hits.len(), f.occurrences.len());
    for w in hits.windows(2) {
        assert!(docs[w[0].doc].date <= docs[w[1].doc].date);
    }
    for h in &hits {
        assert_eq!(h.keyword, history::slice(&docs[h.doc].text, h.span));
    }
}

#[test]
fn a_draft_is_searched_for_the_corpus_formulas() {
    let (docs, report) = sample();
    let finder = lookup::Finder::new(&report);
    let draft = "我们要发扬“九牛爬坡、个个出力”的精神，一分部署、九分落实。";
    let found = finder.formulas_in(draft);
    let shown: Vec<String> = found
        .iter()
        .map(|(s, _)| draft.chars().skip(s.start).take(s.end - s.start).collect())
        .collect();
    assert!(shown.iter().any(|s| s == "九牛爬坡、个个出力"), "{shown:?}");
    assert!(shown.iter().any(|s| s == "一分部署、九分落实"), "{shown:?}");
    // And in the corpus, per speech, spans that hold the formula's wording.
    let i = finder.find(&report, "一分部署九分落实").expect("found");
    let doc = report.formulas[i].occurrences[0].doc;
    let spans = lookup::formula_spans(&report, doc);
    assert!(spans.iter().any(|&(_, id)| id == i));
    for (span, id) in spans {
        let text = history::slice(&docs[doc].text, span);
        assert!(finder.keys[id].contains(&key(&text)) || key(&text).contains(&finder.keys[id]));
    }
}

#[test]
fn fragments_of_a_unit_are_not_units() {
    let (_, report) = sample();
    let units: Vec<String> = report
        .formulas
        .iter()
        .filter(|f| f.unit)
        .map(|f| key(&f.text))
        .collect();
    assert!(!units.is_empty());
    // Never a unit and a one-character-shorter piece of it with the same speeches: the piece's
    // edge would not be free.
    for f in report.formulas.iter().filter(|f| f.unit) {
        let k = key(&f.text);
        let chars: Vec<char> = k.chars().collect();
        let head: String = chars[..chars.len() - 1].iter().collect();
        let tail: String = chars[1..].iter().collect();
        for piece in [head, tail] {
            if let Some(p) = report
                .formulas
                .iter()
                .find(|g| g.unit && key(&g.text) == piece)
            {
                assert!(
                    p.occurrences.len() > f.occurrences.len(),
                    "{piece} is only ever part of {k}"
                );
            }
        }
    }
}
