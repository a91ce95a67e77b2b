//! Speed of `align::compare` on 60,000-character texts built from real reports in
//! `../shared/corpus-extra` (falls back to the bundled sample pages when it is absent):
//! - `related_60k`: two provinces' reports of the same years (real shared boilerplate);
//! - `near_duplicate_60k`: the State Council reports 2015–2019 from two independent sources;
//! - `self_60k`: a text with itself (must not blow up);
//! - `unrelated_60k`: a text against a shuffled text (nothing in common).
//!
//! `cargo bench --bench align`

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion};
use speechtui::align::rows::{rows, Row};
use speechtui::align::{compare, Comparison, Params};

const LEN: usize = 60_000;

fn read(path: &Path) -> String {
    let s = std::fs::read_to_string(path).unwrap_or_default();
    s.trim_start_matches('\u{FEFF}').replace("\r\n", "\n")
}

/// The first `LEN` characters of the concatenation of `files`.
fn text_of(files: &[PathBuf]) -> String {
    let mut all = String::new();
    for f in files {
        all.push_str(&read(f));
        all.push('\n');
    }
    while all.chars().count() < LEN && !all.is_empty() {
        let again = all.clone();
        all.push_str(&again);
    }
    all.chars().take(LEN).collect()
}

fn inputs() -> (String, String, String, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let extra = root.join("../shared/corpus-extra");
    if extra.join("gov-work-reports").is_dir() {
        let gov = extra.join("gov-work-reports");
        let wiki = extra.join("wikisource-national");
        let years = ["2015", "2016", "2017", "2018", "2019"];
        let files = |dir: &Path, issuer: &str, suffix: &str| -> Vec<PathBuf> {
            years
                .iter()
                .map(|y| dir.join(format!("{y}_{issuer}_政府工作报告{suffix}.txt")))
                .collect()
        };
        let zj = text_of(&files(&gov, "浙江省", ""));
        let js = text_of(&files(&gov, "江苏省", ""));
        let gw = text_of(&files(&gov, "国务院", ""));
        let ws = text_of(&files(&wiki, "国务院", "_wikisource"));
        (zj, js, gw, ws)
    } else {
        eprintln!("note: ../shared/corpus-extra not found; benchmarking on the sample pages");
        let sample: Vec<PathBuf> = std::fs::read_dir(root.join("sample"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        let a = text_of(&sample);
        let mut rev = sample.clone();
        rev.reverse();
        let b = text_of(&rev);
        (a.clone(), b.clone(), a, b)
    }
}

/// A deterministic shuffle of the characters of `s`: same alphabet, nothing in common.
fn shuffled(s: &str) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    for i in (1..chars.len()).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        chars.swap(i, (x % (i as u64 + 1)) as usize);
    }
    chars.into_iter().collect()
}

/// The comparison as the screen and the CLI need it: passages, then the rows laying out both
/// texts whole.
fn full(a: &str, b: &str, params: &Params) -> (Comparison, Vec<Row>) {
    let cmp = compare(a, b, params);
    let r = rows(&cmp, a.chars().count(), b.chars().count());
    (cmp, r)
}

fn bench(c: &mut Criterion) {
    let (zj, js, gw, ws) = inputs();
    let unrelated = shuffled(&js);
    let params = Params::default();
    // Load the tokeniser's dictionary and the script table once, outside the timings.
    let warm = compare(&zj, &js, &params);
    eprintln!(
        "related: {} passages, near-duplicate: {} passages, self: {} passages, unrelated: {} passages",
        warm.passages.len(),
        compare(&gw, &ws, &params).passages.len(),
        compare(&zj, &zj, &params).passages.len(),
        compare(&zj, &unrelated, &params).passages.len(),
    );
    let mut g = c.benchmark_group("compare");
    g.sample_size(20);
    g.bench_function("related_60k", |b| {
        b.iter(|| full(black_box(&zj), black_box(&js), &params))
    });
    g.bench_function("near_duplicate_60k", |b| {
        b.iter(|| full(black_box(&gw), black_box(&ws), &params))
    });
    g.bench_function("self_60k", |b| {
        b.iter(|| full(black_box(&zj), black_box(&zj), &params))
    });
    g.bench_function("unrelated_60k", |b| {
        b.iter(|| full(black_box(&zj), black_box(&unrelated), &params))
    });
    let no_ops = Params {
        word_ops: false,
        ..Params::default()
    };
    g.bench_function("related_60k_without_word_ops", |b| {
        b.iter(|| full(black_box(&zj), black_box(&js), &no_ops))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
