//! Reuse benchmark over the government work reports of `../shared/corpus-extra`.
//!
//! `cargo bench --bench reuse -- [--docs N]... [--peer]`
//!
//! For each corpus size (default 100, 200, 400 and all 784 reports, the first N in name order):
//! a cold build (no cache), a build into a fresh cache, a warm build from that cache, and the peak
//! resident memory of the cold build (measured in a child process, so sizes do not mix). With
//! `--peer`, the Python seed-and-extend peer runs on the same 80 reports, side by side with ours.
//!
//! The reports are read as the clean UTF-8 files they are (BOM dropped, CRLF folded), so the
//! figures are those of the reuse engine alone, not of corpus loading.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use speechtui::corpus::Document;

/// The same reading of the reports as the reuse tests.
#[path = "../tests/reuse_support/mod.rs"]
mod reuse_support;
use speechtui::reuse::{self, Options};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus-extra/gov-work-reports")
}

fn load(n: usize) -> Vec<Document> {
    reuse_support::load_txt(&corpus_dir(), n)
}

/// CPU time (user + system) of this process so far, in seconds (from `/proc/self/stat`).
fn cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
    let rest = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11).and_then(|v| v.parse().ok()).unwrap_or(0.0)
        + f.get(12).and_then(|v| v.parse().ok()).unwrap_or(0.0);
    ticks / 100.0
}

fn peak_rss_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// Child mode: one cold build of the first N reports, printing seconds and peak memory.
fn child(n: usize) {
    let docs = load(n);
    let before = peak_rss_kb();
    let cpu_before = cpu_secs();
    let t = Instant::now();
    let verbose = std::env::var_os("REUSE_BENCH_STAGES").is_some();
    let last = std::sync::Mutex::new(("start", Instant::now()));
    let report = reuse::build(
        &docs,
        &Options {
            no_cache: true,
            ..Options::default()
        },
        &|p| {
            let mut last = last.lock().unwrap();
            if verbose && p.stage != last.0 {
                eprintln!("{:>24} {:.3} s", last.0, last.1.elapsed().as_secs_f64());
                *last = (p.stage, Instant::now());
            }
        },
    )
    .expect("build");
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{secs:.3} {} {} {} {:.2}",
        peak_rss_kb(),
        before,
        report.formulas.len(),
        cpu_secs() - cpu_before
    );
}

fn timed(docs: &[Document], options: &Options) -> (f64, reuse::ReuseReport) {
    let t = Instant::now();
    let report = reuse::build(docs, options, &|_| {}).expect("build");
    (t.elapsed().as_secs_f64(), report)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--child") {
        child(args[i + 1].parse().expect("N"));
        return;
    }
    if !corpus_dir().is_dir() {
        println!("reuse bench: {} not found, skipped", corpus_dir().display());
        return;
    }
    let mut sizes: Vec<usize> = args
        .windows(2)
        .filter(|w| w[0] == "--docs")
        .map(|w| w[1].parse().expect("--docs N"))
        .collect();
    if sizes.is_empty() {
        sizes = vec![100, 200, 400, 784];
    }
    let exe = std::env::current_exe().expect("bench executable");
    let loadavg = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "load average at start: {}",
        loadavg
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
    let mut last = None;
    println!("| reports | chars | cold s | cold CPU s | peak RSS MB | fresh cache s | warm s | one file edited s | formulas | pairs |");
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for &n in &sizes {
        let out = Command::new(&exe)
            .args(["--child", &n.to_string()])
            .output()
            .expect("child run");
        let line = String::from_utf8_lossy(&out.stdout);
        let fields: Vec<&str> = line.split_whitespace().collect();
        let (cold, peak_kb, cpu) = (fields[0], fields[1].parse::<u64>().unwrap_or(0), fields[4]);

        let mut docs = load(n);
        let chars: usize = docs.iter().map(|d| d.chars()).sum();
        let dir = tempfile::tempdir().expect("temp dir");
        let cached = Options {
            cache_dir: Some(dir.path().to_path_buf()),
            ..Options::default()
        };
        let (fresh, _) = timed(&docs, &cached);
        let (warm, report) = timed(&docs, &cached);
        assert!(report.stats.report_cached);
        docs[0].text.push_str("\n本段为基准测试追加的一句话。");
        let (edited, after) = timed(&docs, &cached);
        assert_eq!(after.stats.indexed, 1);
        println!(
            "| {n} | {chars} | {cold} | {cpu} | {:.0} | {fresh:.3} | {warm:.3} | {edited:.3} | {} | {} |",
            peak_kb as f64 / 1024.0,
            report.formulas.len(),
            report.pairs.len()
        );
        last = Some((docs, report));
    }
    if let Some((docs, report)) = last {
        explorer_filter(&docs, &report);
    }
    if args.iter().any(|a| a == "--peer") {
        peer();
    }
}

/// Ours and the Python peer on the same 80 reports, one after the other in this run.
fn peer() {
    let docs = load(80);
    let (ours, report) = timed(
        &docs,
        &Options {
            no_cache: true,
            ..Options::default()
        },
    );
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/reuse_peer.py");
    let every = 40;
    let mut cmd = Command::new("python3");
    cmd.arg(&script).args(["--every", &every.to_string()]);
    for d in &docs {
        cmd.arg(&d.path);
    }
    let t = Instant::now();
    let out = cmd.output().expect("python3");
    let theirs = t.elapsed().as_secs_f64();
    let summary = String::from_utf8_lossy(&out.stdout);
    // The peer's own extrapolation to every pair is the last number of its line.
    let full: f64 = summary
        .split(", ")
        .last()
        .and_then(|s| s.split_whitespace().next())
        .and_then(|s| s.parse().ok())
        .unwrap_or(f64::NAN);
    println!("\n80 reports, one run:");
    println!(
        "- speechtui, every pair: {ours:.3} s ({} formulas, {} pairs scored)",
        report.formulas.len(),
        report.pairs.len()
    );
    println!(
        "- python seed-and-extend, every {every}th pair: {theirs:.1} s ({})",
        summary.trim()
    );
    println!(
        "- speed-up: {:.0}x against the sampled python run alone, {:.0}x against its extrapolation to every pair",
        theirs / ours,
        full / ours
    );
}

/// The explorer's search as you type over the largest corpus: one search per key typed (the
/// longest query of each run typed one character at a time), on every kind, then the slowest
/// order (rise) of the result. Prints the slowest key.
fn explorer_filter(docs: &[Document], report: &reuse::ReuseReport) {
    use speechtui::reuse::{history, lookup::Finder, Kind};
    let t = Instant::now();
    let finder = Finder::new(report);
    let built = t.elapsed().as_secs_f64();
    let years: Vec<Option<i32>> = docs.iter().map(|d| d.year()).collect();
    let mut slowest: (f64, String, &str) = (0.0, String::new(), "");
    for kind in Kind::ALL {
        let of_kind: Vec<usize> = report
            .ranked
            .iter()
            .copied()
            .filter(|&i| report.formulas[i].kind == kind)
            .collect();
        for query in ["放管服", "四個全面", "发展", "一分部署九分落实"] {
            let mut typed = String::new();
            for c in query.chars() {
                typed.push(c);
                let t = Instant::now();
                let mut rows = finder.search(&typed, &of_kind);
                history::sort(report, &mut rows, history::Sort::Rise, &years);
                let secs = t.elapsed().as_secs_f64();
                if secs > slowest.0 {
                    slowest = (secs, typed.clone(), kind.name());
                }
            }
        }
    }
    println!(
        "explorer: formula keys built once in {built:.3} s; slowest key {:.1} ms (“{}” on {})",
        slowest.0 * 1000.0,
        slowest.1,
        slowest.2
    );
}
