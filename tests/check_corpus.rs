//! `check` on real reports (`../shared/corpus-extra`, the first 120 government work reports): a
//! formula many reports share is reported as a formula, not as copying; a stretch of one report is
//! copied wording attributed to that report. Prints `SKIPPED` when corpus-extra is absent.

mod common;
mod reuse_support;

use speechtui::check::{self, Kind};
use speechtui::text::key::Key;

const OWN: [&str; 3] = [
    "今天早上下了一场小雨，操场上的积水还没有退去，同学们绕着走。",
    "食堂今天中午供应饺子和米饭，欢迎大家前来就餐，请自带餐具。",
    "图书馆周末照常开放，新到的一批画册放在二楼东侧的书架上。",
];

#[test]
fn a_shared_formula_is_not_copying_and_a_copied_stretch_names_its_report() {
    let Some(dir) = common::corpus_extra().map(|d| d.join("gov-work-reports")) else {
        eprintln!("SKIPPED: check on real reports: ../shared/corpus-extra not found");
        return;
    };
    let corpus = reuse_support::load_txt(&dir, 120);
    let prepared = reuse_support::prepared_without_cache(&corpus);
    // A formula of many reports, of a sentence's length.
    let formula = prepared
        .report
        .formulas
        .iter()
        .find(|f| {
            let n = Key::new(&f.text).len();
            f.documents >= 20 && (16..=60).contains(&n) && !f.text.contains('\n')
        })
        .expect("a formula shared by 20 reports");
    // A stretch of one report, from the middle of it.
    let donor = 57;
    let stretch: String = corpus[donor].text.chars().skip(3000).take(160).collect();
    let draft = format!(
        "{}\n{}。\n{}\n{}\n{}\n",
        OWN[0], formula.text, OWN[1], stretch, OWN[2]
    );
    let c = check::check(&draft, &corpus, &prepared, &check::Options::default());

    let chars: Vec<char> = draft.chars().collect();
    let at = |needle: &str| {
        let b = draft.find(needle).unwrap();
        let s = draft[..b].chars().count();
        s..s + needle.chars().count()
    };
    let f_range = at(&formula.text);
    let s_range = at(&stretch);
    // The formula is listed among the formulas the draft uses, where it is.
    let used = c
        .formulas
        .iter()
        .find(|u| u.text == formula.text)
        .unwrap_or_else(|| panic!("{} not listed: {:?}", formula.text, c.formulas));
    assert!(used
        .spans
        .iter()
        .any(|s| s.start >= f_range.start && s.end <= f_range.end));
    // No copied passage is mostly that formula.
    for p in c.passages.iter().filter(|p| p.kind == Kind::Copied) {
        let inside = p
            .span
            .end
            .min(f_range.end)
            .saturating_sub(p.span.start.max(f_range.start));
        assert!(
            inside * 5 < p.span.len() * 4,
            "copied passage {:?} is the formula: {}",
            p.span,
            chars[p.span.start..p.span.end].iter().collect::<String>()
        );
    }
    // The stretch is copied wording attributed to its report.
    let copied: usize = s_range
        .clone()
        .filter(|&i| {
            c.passages.iter().any(|p| {
                p.kind == Kind::Copied
                    && p.span.start <= i
                    && i < p.span.end
                    && p.sources.iter().any(|s| s.doc == donor)
            })
        })
        .count();
    assert!(
        copied * 10 >= s_range.len() * 9,
        "{copied} of {}",
        s_range.len()
    );
    // Borrowed counts copied wording only: about the stretch, not the formula.
    let stretch_share = s_range.len() as f64 / chars.len() as f64;
    assert!(
        c.borrowed >= stretch_share * 0.9 && c.borrowed <= stretch_share + 0.05,
        "borrowed {} vs stretch {stretch_share}",
        c.borrowed
    );
    assert!(c.sources.iter().any(|s| s.doc == donor));
}

#[test]
fn the_listed_formulas_are_whole_set_phrases_most_formulaic_first() {
    let Some(dir) = common::corpus_extra().map(|d| d.join("gov-work-reports")) else {
        eprintln!("SKIPPED: formulas of a check on real reports: ../shared/corpus-extra not found");
        return;
    };
    // The reports of 2014–2019, where 一带一路 and 供给侧结构性改革 are used widely.
    let corpus: Vec<_> = reuse_support::load_txt(&dir, 784)
        .into_iter()
        .filter(|d| {
            d.date
                .as_deref()
                .and_then(|s| s.get(..4))
                .and_then(|y| y.parse::<i32>().ok())
                .is_some_and(|y| (2014..=2019).contains(&y))
        })
        .collect();
    assert!(corpus.len() > 100, "{} reports", corpus.len());
    let prepared = reuse_support::prepared_without_cache(&corpus);
    let draft = format!(
        "{}\n我们要积极参与“一带一路”建设，深入推进供给侧结构性改革。\n{}\n",
        OWN[0], OWN[1]
    );
    let c = check::check(&draft, &corpus, &prepared, &check::Options::default());
    let keys: Vec<String> = c
        .formulas
        .iter()
        .map(|f| Key::new(&f.text).as_string())
        .collect();
    // A formula of four characters (shorter than the shingle index sees) is listed, as itself.
    assert!(keys.iter().any(|k| k == "一带一路"), "{keys:?}");
    assert!(
        keys.iter().any(|k| k.contains("供给侧结构性改革")),
        "{keys:?}"
    );
    // Each place of the draft is listed once, and the most formulaic come first.
    let mut spans: Vec<_> = c.formulas.iter().flat_map(|f| f.spans.clone()).collect();
    spans.sort_by_key(|s| s.start);
    assert!(
        spans.windows(2).all(|w| w[0].end <= w[1].start),
        "{spans:?}"
    );
    assert!(c.formulas.windows(2).all(|w| w[0].score >= w[1].score));
    // None of them is cut inside a word of the draft: each edge is next to punctuation or a
    // place jieba cuts the draft.
    let chars: Vec<char> = draft.chars().collect();
    let mut cuts = vec![0usize];
    for w in jieba_rs::Jieba::new().cut(&draft, false) {
        cuts.push(cuts.last().unwrap() + w.word.chars().count());
    }
    let edge = |p: usize| {
        p == 0
            || p >= chars.len()
            || !chars[p - 1].is_alphanumeric()
            || !chars[p].is_alphanumeric()
            || cuts.contains(&p)
    };
    for s in &spans {
        let text: String = chars[s.start..s.end].iter().collect();
        assert!(edge(s.start) && edge(s.end), "{text} is cut inside a word");
    }
}
