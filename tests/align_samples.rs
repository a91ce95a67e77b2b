//! The aligner on the bundled sample pages: known shared formulas come out, identical texts give
//! whole passages, and comparing B with A mirrors A with B.

use speechtui::align::{compare, key::Key, slice, Comparison, Params};

fn sample(name_prefix: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample");
    let entry = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(name_prefix)
        })
        .unwrap();
    let bytes = std::fs::read(entry).unwrap();
    strip_glosses(&String::from_utf8_lossy(&bytes))
}

/// Removes romanisation glosses such as `書(shū)` (the corpus cleaner does the same).
fn strip_glosses(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '(' {
            if let Some(len) = chars[i + 1..].iter().position(|&c| c == ')') {
                let inner = &chars[i + 1..i + 1 + len];
                let latin = !inner.is_empty()
                    && inner.len() <= 8
                    && inner
                        .iter()
                        .all(|c| c.is_alphabetic() && (*c as u32) < 0x250);
                if latin {
                    i += len + 2;
                    continue;
                }
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
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
    let cmp = compare(&a, &b, &Params::default());
    let (ta, tb) = find_formula(&a, &b, &cmp, "九牛爬坡个个出力")
        .unwrap_or_else(|| panic!("not found among {} passages", cmp.passages.len()));
    // Shown in each side's own script.
    assert!(ta.contains("個個出力"), "{ta}");
    assert!(tb.contains("个个出力"), "{tb}");
}

#[test]
fn project_formula_in_002_and_003() {
    let (a, b) = (sample("002"), sample("003"));
    let cmp = compare(&a, &b, &Params::default());
    assert!(find_formula(&a, &b, &cmp, "一切围绕项目转一切盯着项目干").is_some());
}

#[test]
fn passages_are_in_a_order_with_exact_slices() {
    let (a, b) = (sample("002"), sample("003"));
    let cmp = compare(&a, &b, &Params::default());
    assert!(!cmp.passages.is_empty());
    for w in cmp.passages.windows(2) {
        assert!(w[0].a.start <= w[1].a.start);
    }
    for p in &cmp.passages {
        assert!(p.similarity >= 0.8 && p.similarity <= 1.0);
        assert!(norm(slice(&a, p.a)).chars().count() >= 8);
        assert!(p.a.end <= a.chars().count() && p.b.end <= b.chars().count());
    }
    assert!(cmp.a_reused > 0.0 && cmp.a_reused < 0.5);
}

#[test]
fn identical_speech_is_one_passage() {
    let a = sample("003");
    let cmp = compare(&a, &a, &Params::default());
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
    for (x, y) in [("001", "002"), ("002", "003"), ("000", "003")] {
        let (a, b) = (sample(x), sample(y));
        let p = Params::default();
        assert_eq!(compare(&b, &a, &p), compare(&a, &b, &p).mirror(), "{x} {y}");
    }
}
