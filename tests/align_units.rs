//! Passages in reader units on real consecutive reports from `../shared/corpus-extra`: no
//! overlaps, none listed twice, none starting with clause punctuation, and at least 97% of passage
//! edges on a word or clause boundary. Skips with a visible note when the corpus is absent.
//!
//! The pairs are drawn from a seed nobody tuned on (广东 2016 ↔ 2017 was the tuning pair). The
//! table: `cargo test --release --test align_units -- --ignored --nocapture boundary_table`

use std::path::{Path, PathBuf};

use speechtui::align::units::{is_boundary, is_no_start};
use speechtui::align::{compare, Comparison, Params};
use speechtui::corpus::{process, ChromePatterns};

fn corpus_extra() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus-extra/gov-work-reports");
    dir.is_dir().then_some(dir)
}

fn text_of(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let docs = process::process(path, &bytes, ChromePatterns::builtin())
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    docs.into_iter()
        .map(|d| d.text)
        .max_by_key(|t| t.len())
        .unwrap()
}

/// Pairs of consecutive reports of one issuer, `n` of them, drawn by `seed`.
fn consecutive_pairs(dir: &Path, seed: u64, n: usize) -> Vec<(PathBuf, PathBuf)> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    let mut pairs = Vec::new();
    // Names sort by year first: pair each report with the same issuer's next year.
    for n0 in &names {
        let Some((year, rest)) = n0.split_once('_') else {
            continue;
        };
        let Ok(year) = year.parse::<u32>() else {
            continue;
        };
        let next = format!("{}_{rest}", year + 1);
        if names.binary_search(&next).is_ok() {
            pairs.push((dir.join(n0), dir.join(next)));
        }
    }
    // A small xorshift: the same pairs on every machine.
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut picked = Vec::new();
    while picked.len() < n && !pairs.is_empty() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        picked.push(pairs.swap_remove((x % pairs.len() as u64) as usize));
    }
    picked
}

#[derive(Default, Debug)]
struct Stats {
    passages: usize,
    edges: usize,
    on_boundary: usize,
    bad_start: usize,
    overlaps: usize,
    twice: usize,
}

fn stats(a: &str, b: &str, cmp: &Comparison) -> (Stats, Vec<String>) {
    let (ac, bc): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut s = Stats {
        passages: cmp.passages.len(),
        ..Stats::default()
    };
    let mut off = Vec::new();
    for p in &cmp.passages {
        for (t, span) in [(&ac, p.a), (&bc, p.b)] {
            for at in [span.start, span.end] {
                s.edges += 1;
                if is_boundary(t, at) {
                    s.on_boundary += 1;
                } else {
                    let lo = at.saturating_sub(6);
                    let hi = (at + 6).min(t.len());
                    off.push(format!(
                        "{}|{}",
                        t[lo..at].iter().collect::<String>(),
                        t[at..hi].iter().collect::<String>()
                    ));
                }
            }
            if is_no_start(t[span.start]) {
                s.bad_start += 1;
            }
        }
    }
    for side in [true, false] {
        let mut spans: Vec<_> = cmp
            .passages
            .iter()
            .map(|p| if side { p.a } else { p.b })
            .collect();
        spans.sort();
        for w in spans.windows(2) {
            if w[0] == w[1] {
                s.twice += 1;
            } else if w[1].start < w[0].end {
                s.overlaps += 1;
            }
        }
    }
    (s, off)
}

fn run(seed: u64, n: usize, verbose: bool) -> Option<Stats> {
    let Some(dir) = corpus_extra() else {
        eprintln!("SKIPPED: passage boundaries on real reports: ../shared/corpus-extra not found");
        return None;
    };
    let mut total = Stats::default();
    for (pa, pb) in consecutive_pairs(&dir, seed, n) {
        let (a, b) = (text_of(&pa), text_of(&pb));
        let cmp = compare(&a, &b, &Params::default());
        let (s, off) = stats(&a, &b, &cmp);
        if verbose {
            println!(
                "| {} ↔ {} | {} | {:.1}% | {} | {} |",
                pa.file_name().unwrap().to_string_lossy(),
                pb.file_name().unwrap().to_string_lossy(),
                s.passages,
                100.0 * s.on_boundary as f64 / s.edges.max(1) as f64,
                s.bad_start,
                s.overlaps + s.twice
            );
            for o in off.iter().take(5) {
                println!("    off boundary: {o}");
            }
        }
        total.passages += s.passages;
        total.edges += s.edges;
        total.on_boundary += s.on_boundary;
        total.bad_start += s.bad_start;
        total.overlaps += s.overlaps;
        total.twice += s.twice;
    }
    Some(total)
}

/// Seed of the pairs checked in `cargo test` (not used while tuning the snapping).
const HELD_OUT: u64 = 12;

#[test]
fn passages_on_real_pairs_are_reader_units() {
    let Some(t) = run(HELD_OUT, 4, false) else {
        return;
    };
    assert!(t.passages >= 40, "too few passages to judge: {t:?}");
    assert_eq!(t.overlaps, 0, "{t:?}");
    assert_eq!(t.twice, 0, "{t:?}");
    assert_eq!(t.bad_start, 0, "{t:?}");
    let share = t.on_boundary as f64 / t.edges as f64;
    assert!(share >= 0.97, "{:.3} of edges on a boundary: {t:?}", share);
}

#[test]
#[ignore = "long: prints the boundary table for benches/README.md"]
fn boundary_table() {
    let seed = std::env::var("UNITS_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(HELD_OUT + 100);
    println!("| pair | passages | edges on a boundary | starting with punctuation | overlaps |");
    println!("|---|---|---|---|---|");
    if let Some(t) = run(seed, 12, true) {
        println!(
            "| all {} | {} | {:.1}% | {} | {} |",
            seed,
            t.passages,
            100.0 * t.on_boundary as f64 / t.edges.max(1) as f64,
            t.bad_start,
            t.overlaps + t.twice
        );
    }
}
