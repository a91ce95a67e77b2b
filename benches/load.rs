//! Loading benchmark: discover, decode, clean and extract every file of `../shared/corpus-extra`
//! (871 reports + 7 GBK twins, 42 MB) in parallel, and the bundled sample corpus.
//!
//!     cargo bench --bench load
//!
//! Without `../shared/corpus-extra` only the sample is measured (with a note).

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use speechtui::corpus;

fn corpus_extra() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus-extra");
    dir.is_dir().then_some(dir)
}

fn folder_bytes(dir: &Path) -> u64 {
    walk(dir)
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = entry.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    match corpus_extra() {
        Some(dir) => {
            group.throughput(Throughput::Bytes(folder_bytes(&dir)));
            let paths = vec![dir];
            let report = corpus::load(&paths);
            eprintln!(
                "corpus-extra: {} speeches, {} skipped, {} chars",
                report.documents.len(),
                report.skipped.len(),
                report.documents.iter().map(|d| d.chars()).sum::<usize>()
            );
            group.bench_function("corpus-extra", |b| b.iter(|| corpus::load(&paths)));
            // The part of the load that finds duplicates (keys, sketches, shortlisted alignments).
            let items: Vec<speechtui::dupes::Item> = report
                .documents
                .iter()
                .map(|d| speechtui::dupes::Item {
                    text: &d.text,
                    date: d.date.as_deref(),
                })
                .collect();
            group.bench_function("corpus-extra duplicates", |b| {
                b.iter(|| speechtui::dupes::Duplicates::find(&items))
            });
        }
        None => eprintln!("note: ../shared/corpus-extra is absent; only the sample is measured"),
    }
    let sample = vec![corpus::sample_dir().to_path_buf()];
    group.throughput(Throughput::Bytes(folder_bytes(&sample[0])));
    group.bench_function("sample", |b| b.iter(|| corpus::load(&sample)));
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
