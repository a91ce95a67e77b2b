//! Speed of `check::prepare` + `check::check`: a 20,000-character draft against the 784
//! government work reports of `../shared/corpus-extra/gov-work-reports/` (read as the clean UTF-8
//! they are, as in the reuse bench, so corpus loading is not timed).
//!
//! The draft: 10,000 characters of the 1992 national report (wikisource, not in the corpus) with
//! 20 stretches of 500 characters of 2019 reports of 20 provinces spliced in between.
//!
//! `cargo bench --bench check` — prints the stage timings of one cold and one warm run, then the
//! criterion figures:
//! - `warm`: the source index and the reuse report come from a filled cache;
//! - `cold`: no cache at all (the source index and the reuse report are built);
//! - `check_only`: the check with everything prepared (what the TUI pays per draft).
//!
//! `-- --once`: only the single runs with their wall and CPU times and the stage timings;
//! `-- --big`: also a draft of over 300,000 characters (the older national reports end to end);
//! `-- --stages`: also the time to read the source index and the reuse report from the cache.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

use criterion::Criterion;
use speechtui::check;
use speechtui::corpus::Document;
use speechtui::reuse;

#[path = "../tests/reuse_support/mod.rs"]
mod reuse_support;

fn extra() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus-extra")
}

fn draft(docs: &[Document]) -> String {
    let host = std::fs::read_to_string(
        extra().join("wikisource-national/1992_国务院_政府工作报告_wikisource.txt"),
    )
    .expect("1992 report");
    let host: Vec<char> = host.chars().collect();
    let donors: Vec<&Document> = docs
        .iter()
        .filter(|d| d.title.starts_with("2019_"))
        .take(20)
        .collect();
    let mut out = String::new();
    for (i, d) in donors.iter().enumerate() {
        out.extend(&host[i * 500..(i + 1) * 500]);
        let t: Vec<char> = d.text.chars().collect();
        out.extend(&t[2000..2500]);
    }
    out
}

/// CPU time (user + system) of this process so far, in seconds (from `/proc/self/stat`): what a
/// busy machine does not inflate.
fn cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let rest = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11).and_then(|v| v.parse().ok()).unwrap_or(0.0)
        + f.get(12).and_then(|v| v.parse().ok()).unwrap_or(0.0);
    ticks / 100.0
}

fn main() {
    let gov = extra().join("gov-work-reports");
    if !gov.is_dir() {
        eprintln!(
            "SKIPPED: check bench: {} (corpus-extra) not found",
            gov.display()
        );
        return;
    }
    let docs = reuse_support::load_txt(&gov, usize::MAX);
    let draft = draft(&docs);
    assert_eq!(draft.chars().count(), 20_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let cached = reuse::Options {
        cache_dir: Some(dir.path().to_path_buf()),
        ..reuse::Options::default()
    };
    let cold = reuse::Options {
        no_cache: true,
        ..reuse::Options::default()
    };
    let options = check::Options::default();
    let run = |ro: &reuse::Options| {
        let cpu = cpu_secs();
        let t = Instant::now();
        let prepared = check::prepare(&docs, ro).expect("prepare");
        let t_prep = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let c = check::check(&draft, &docs, &prepared, &options);
        let t_check = t.elapsed().as_secs_f64();
        eprintln!("   (CPU time, user + system: {:.2} s)", cpu_secs() - cpu);
        (t_prep, t_check, c)
    };
    let loadavg = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    eprintln!("load average at start: {}", loadavg.trim());
    let (p, c, result) = run(&cached);
    eprintln!("fresh cache: prepare {p:.3} s, check {c:.3} s");
    let (p, c, _) = run(&cached);
    eprintln!("warm: prepare {p:.3} s, check {c:.3} s");
    let (p, c, _) = run(&cold);
    eprintln!("cold (no cache): prepare {p:.3} s, check {c:.3} s");
    if std::env::args().any(|a| a == "--stages") {
        let t = Instant::now();
        let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
        let cache = reuse::cache::Cache::open(Some(dir.path().to_path_buf())).expect("cache");
        let mut w = Vec::new();
        let (_, was_cached) = check::index::load_or_build(&texts, Some(&cache), &mut w);
        eprintln!(
            "source index from the cache ({was_cached}): {:.3} s",
            t.elapsed().as_secs_f64()
        );
        let t = Instant::now();
        let _ = reuse::build(&docs, &cached, &|_| {}).expect("reuse");
        eprintln!(
            "reuse report from the cache: {:.3} s",
            t.elapsed().as_secs_f64()
        );
    }
    eprintln!(
        "check stages (candidates, align, passages, formulas, word diffs) s: {:.3?}",
        result.stats.seconds
    );
    eprintln!(
        "draft 20,000 chars: borrowed {:.3}, {} passages, {} sources, {} candidates aligned, {} index entries",
        result.borrowed,
        result.passages.len(),
        result.sources.len(),
        result.stats.candidates,
        result.stats.index_entries
    );
    if std::env::args().any(|a| a == "--big") {
        // A draft of a few hundred thousand characters: the older national reports end to end.
        let mut big = String::new();
        let mut files: Vec<PathBuf> = std::fs::read_dir(extra().join("wikisource-national"))
            .expect("wikisource")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.to_string_lossy().contains("_国务院_政府工作报告"))
            .collect();
        files.sort();
        for f in files {
            big.push_str(&std::fs::read_to_string(f).expect("report"));
            if big.chars().count() > 300_000 {
                break;
            }
        }
        let prepared = check::prepare(&docs, &cached).expect("prepare");
        let cpu = cpu_secs();
        let t = Instant::now();
        let c = check::check(&big, &docs, &prepared, &options);
        eprintln!(
            "big draft {} chars: {:.3} s wall, {:.2} s CPU, {} passages, {} sources, stages {:.3?}",
            big.chars().count(),
            t.elapsed().as_secs_f64(),
            cpu_secs() - cpu,
            c.passages.len(),
            c.sources.len(),
            c.stats.seconds
        );
    }
    if std::env::args().any(|a| a == "--once") {
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        let peak = status
            .lines()
            .find(|l| l.starts_with("VmHWM:"))
            .unwrap_or("VmHWM: ?");
        eprintln!("peak memory of the whole run (corpus, cache fill, warm and cold runs): {peak}");
        return;
    }

    let mut crit = Criterion::default().sample_size(10).configure_from_args();
    let prepared = check::prepare(&docs, &cached).expect("prepare");
    crit.bench_function("check_only", |b| {
        b.iter(|| black_box(check::check(&draft, &docs, &prepared, &options)))
    });
    crit.bench_function("warm", |b| {
        b.iter(|| {
            let prepared = check::prepare(&docs, &cached).expect("prepare");
            black_box(check::check(&draft, &docs, &prepared, &options))
        })
    });
    crit.bench_function("cold", |b| {
        b.iter(|| {
            let prepared = check::prepare(&docs, &cold).expect("prepare");
            black_box(check::check(&draft, &docs, &prepared, &options))
        })
    });
    crit.final_summary();
}
