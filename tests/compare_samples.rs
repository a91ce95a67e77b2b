//! The aligner on the bundled sample pages (loaded and cleaned by the corpus loader): known shared
//! formulas come out, identical texts give whole passages, and comparing B with A mirrors A with B.

use speechtui::align::{compare, Comparison, Params};
use speechtui::corpus::{self, Document};
use speechtui::text::{key::Key, slice};

fn sample(name_prefix: &str) -> Document {
    let dir = corpus::sample_dir();
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(name_prefix)
        })
        .collect();
    paths.sort();
    let spec = paths[0].to_string_lossy().into_owned();
    corpus::open_doc(&spec)
        .or_else(|_| corpus::open_doc(&format!("{spec}#1")))
        .unwrap()
}

fn norm(s: &str) -> String {
    Key::new(s).as_string()
}

/// The passage (A text, B text) whose keys both contain `formula`, if any.
fn find_formula(a: &str, b: &str, cmp: &Comparison, formula: &str) -> Option<(String, String)> {
    cmp.passages.iter().find_map(|p| {
        let (ta, tb) = (slice(a, p.a), slice(b, p.b));
        (norm(ta).contains(formula) && norm(tb).contains(formula))
            .then(|| (ta.to_string(), tb.to_string()))
    })
}

#[test]
fn jiuniu_formula_in_001_and_002() {
    let (a, b) = (sample("001"), sample("002"));
    let cmp = compare(&a.text, &b.text, &Params::default());
    let (ta, tb) = find_formula(&a.text, &b.text, &cmp, "九牛爬坡个个出力")
        .unwrap_or_else(|| panic!("not found among {} passages", cmp.passages.len()));
    // Shown in each side's own script, romanisation glosses gone; A quotes the formula, and the
    // passage takes both quotation marks (a reader unit never holds half a pair).
    assert_eq!(ta, "“九牛爬坡、個個出力”");
    assert_eq!(tb, "九牛爬坡个个出力");
}

#[test]
fn project_formula_in_002_and_003() {
    let (a, b) = (sample("002"), sample("003"));
    let cmp = compare(&a.text, &b.text, &Params::default());
    let (ta, tb) = find_formula(&a.text, &b.text, &cmp, "一切围绕项目转一切盯着项目干").unwrap();
    assert!(ta.contains("一切围绕项目转,一切盯着项目干"), "{ta}");
    assert!(tb.contains("一切围绕项目转、一切盯着项目干"), "{tb}");
}

#[test]
fn refilled_slot_is_marked_by_word() {
    let (a, b) = (sample("002"), sample("003"));
    let p = Params::default();
    let cmp = compare(&a.text, &b.text, &p);
    let report = speechtui::export::comparison_text(&a, &b, &cmp, &p);
    assert!(
        report.contains("加快推进全域[-国土-]{+土地+}综合整治"),
        "{report}"
    );
}

#[test]
fn passages_are_in_a_order_with_exact_slices() {
    let (a, b) = (sample("002"), sample("003"));
    let cmp = compare(&a.text, &b.text, &Params::default());
    assert!(!cmp.passages.is_empty());
    for w in cmp.passages.windows(2) {
        assert!(w[0].a.start <= w[1].a.start);
    }
    for p in &cmp.passages {
        assert!(p.similarity >= 0.8 && p.similarity <= 1.0);
        assert!(norm(slice(&a.text, p.a)).chars().count() >= 8);
        assert!(p.a.end <= a.chars() && p.b.end <= b.chars());
    }
    assert!(cmp.a_reused > 0.0 && cmp.a_reused < 0.5);
    let json = speechtui::export::comparison_json(&a, &b, &cmp);
    for (p, j) in cmp
        .passages
        .iter()
        .zip(json["passages"].as_array().unwrap())
    {
        assert_eq!(j["a"]["text"].as_str().unwrap(), slice(&a.text, p.a));
        assert_eq!(j["b"]["text"].as_str().unwrap(), slice(&b.text, p.b));
    }
}

#[test]
fn identical_speech_is_one_passage() {
    let a = sample("003");
    let cmp = compare(&a.text, &a.text, &Params::default());
    assert_eq!(
        cmp.passages.len(),
        1,
        "{:?}",
        cmp.passages.iter().map(|p| (p.a, p.b)).collect::<Vec<_>>()
    );
    let p = &cmp.passages[0];
    assert_eq!(p.a, p.b);
    assert_eq!(p.similarity, 1.0);
    assert!((cmp.a_reused - 1.0).abs() < 1e-9);
}

#[test]
fn b_with_a_mirrors_a_with_b() {
    for (x, y) in [
        ("001", "002"),
        ("002", "003"),
        ("000", "003"),
        ("004", "001"),
    ] {
        let (a, b) = (sample(x), sample(y));
        let p = Params::default();
        assert_eq!(
            compare(&b.text, &a.text, &p),
            compare(&a.text, &b.text, &p).mirror(),
            "{x} {y}"
        );
    }
}
