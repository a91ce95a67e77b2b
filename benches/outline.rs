//! Outline benchmark: the section outline of all 871 reports of `../shared/corpus-extra`, texts
//! read beforehand (only the parsing is measured), one core, and of the bundled sample pages.
//!
//!     cargo bench --bench outline
//!
//! Without `../shared/corpus-extra` only the sample is measured (with a note).

use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use speechtui::outline::outline;

/// The UTF-8 reports as clean text (BOM and CR removed), as the reader would hand them over.
fn reports() -> Option<Vec<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus-extra");
    if !dir.is_dir() {
        eprintln!(
            "note: {} is absent; measuring the sample only",
            dir.display()
        );
        return None;
    }
    let mut paths: Vec<PathBuf> = Vec::new();
    for sub in ["gov-work-reports", "wikisource-national"] {
        for entry in std::fs::read_dir(dir.join(sub)).ok()?.flatten() {
            paths.push(entry.path());
        }
    }
    paths.sort();
    let texts = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(|raw| {
            raw.trim_start_matches('\u{feff}')
                .replace("\r\n", "\n")
                .replace('\r', "\n")
        })
        .collect();
    Some(texts)
}

fn sample() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

fn outline_all(c: &mut Criterion) {
    let mut group = c.benchmark_group("outline");
    if let Some(texts) = reports() {
        let bytes: usize = texts.iter().map(String::len).sum();
        let sections: usize = texts.iter().map(|t| outline(t).sections.len()).sum();
        eprintln!(
            "corpus-extra: {} reports, {} bytes, {} sections and points",
            texts.len(),
            bytes,
            sections
        );
        group.throughput(Throughput::Bytes(bytes as u64));
        group.sample_size(20);
        group.bench_function("corpus-extra (871 reports)", |b| {
            b.iter(|| {
                texts
                    .iter()
                    .map(|t| outline(std::hint::black_box(t)).sections.len())
                    .sum::<usize>()
            })
        });
    }
    let pages = sample();
    let bytes: usize = pages.iter().map(String::len).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(50);
    group.bench_function("sample pages (5)", |b| {
        b.iter(|| {
            pages
                .iter()
                .map(|t| outline(std::hint::black_box(t)).sections.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, outline_all);
criterion_main!(benches);
