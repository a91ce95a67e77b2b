//! The reuse cache: warm runs come from it, edits re-index only the edited speech, a damaged
//! cache is rebuilt with a warning.

mod reuse_support;

use reuse_support::*;
use speechtui::reuse::{self, Options, ReuseReport};

fn build(docs: &[speechtui::corpus::Document], dir: &std::path::Path) -> ReuseReport {
    let options = Options {
        cache_dir: Some(dir.to_path_buf()),
        ..Options::default()
    };
    reuse::build(docs, &options, &|_| {}).expect("reuse build")
}

fn without_stats(mut r: ReuseReport) -> ReuseReport {
    r.stats = Default::default();
    r.warnings.clear();
    r
}

#[test]
fn warm_runs_and_edits_reindex_only_what_changed() {
    let mut docs = sample();
    let n = docs.len();
    let dir = tempfile::tempdir().unwrap();

    let cold = build(&docs, dir.path());
    assert_eq!((cold.stats.indexed, cold.stats.cached), (n, 0));
    assert!(!cold.stats.report_cached);
    assert!(cold.warnings.is_empty(), "{:?}", cold.warnings);

    let warm = build(&docs, dir.path());
    assert!(warm.stats.report_cached);
    assert_eq!(without_stats(warm), without_stats(cold.clone()));

    // Edit one speech: only it is indexed again, and the result is what a cold build gives.
    docs[2].text.push_str("\n各位代表，请予审议。");
    let edited = build(&docs, dir.path());
    assert_eq!((edited.stats.indexed, edited.stats.cached), (1, n - 1));
    assert!(!edited.stats.report_cached);
    let fresh = reuse::build(
        &docs,
        &Options {
            no_cache: true,
            ..Options::default()
        },
        &|_| {},
    )
    .unwrap();
    assert_eq!(without_stats(edited), without_stats(fresh));

    // Remove one speech: nothing to index.
    docs.remove(0);
    let removed = build(&docs, dir.path());
    assert_eq!((removed.stats.indexed, removed.stats.cached), (0, n - 1));
}

#[test]
fn a_damaged_cache_is_rebuilt_with_a_warning() {
    let docs = sample();
    let dir = tempfile::tempdir().unwrap();
    let cold = build(&docs, dir.path());
    // Damage every cache file: truncate the reports, flip a byte in the indexes.
    for entry in walk(dir.path()) {
        let mut bytes = std::fs::read(&entry).unwrap();
        if entry.extension().is_some_and(|x| x == "report") {
            bytes.truncate(bytes.len() / 2);
        } else {
            let mid = bytes.len() / 2;
            bytes[mid] ^= 0x55;
        }
        std::fs::write(&entry, bytes).unwrap();
    }
    let rebuilt = build(&docs, dir.path());
    assert!(!rebuilt.stats.report_cached);
    assert_eq!(rebuilt.stats.indexed, docs.len());
    assert!(
        rebuilt.warnings.iter().any(|w| w.contains("report")),
        "{:?}",
        rebuilt.warnings
    );
    // One summary line for all the damaged indexes, not one per speech.
    let summary = format!("{} cache entries were damaged and rebuilt", docs.len());
    let lines: Vec<_> = rebuilt
        .warnings
        .iter()
        .filter(|w| w.contains("damaged"))
        .collect();
    assert_eq!(lines.len(), 1, "{:?}", rebuilt.warnings);
    assert!(lines[0].starts_with(&summary), "{:?}", rebuilt.warnings);
    assert_eq!(rebuilt.warnings.len(), 2, "{:?}", rebuilt.warnings);
    assert_eq!(without_stats(rebuilt), without_stats(cold));
    // And the rebuilt cache is good again.
    let warm = build(&docs, dir.path());
    assert!(warm.stats.report_cached && warm.warnings.is_empty());
}

/// Valid entries swapped between speeches (each one whole, checksum and all) are refused, the
/// results stay what a fresh build gives, and nothing panics.
#[test]
fn swapped_entries_are_never_trusted() {
    let docs = sample();
    let dir = tempfile::tempdir().unwrap();
    let cold = build(&docs, dir.path());
    let mut entries: Vec<_> = walk(dir.path())
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x == "idx"))
        .collect();
    entries.sort();
    assert_eq!(entries.len(), docs.len());
    // Rotate every index one place on, and drop the finished reports.
    let contents: Vec<Vec<u8>> = entries.iter().map(|p| std::fs::read(p).unwrap()).collect();
    for (k, p) in entries.iter().enumerate() {
        std::fs::write(p, &contents[(k + 1) % contents.len()]).unwrap();
    }
    for p in walk(dir.path()) {
        if p.extension().is_some_and(|x| x == "report") {
            std::fs::remove_file(p).unwrap();
        }
    }
    let again = build(&docs, dir.path());
    assert_eq!(again.stats.indexed, docs.len(), "{:?}", again.warnings);
    assert_eq!(again.warnings.len(), 1, "{:?}", again.warnings);
    assert!(
        again.warnings[0].contains("another speech"),
        "{:?}",
        again.warnings
    );
    assert_eq!(without_stats(again), without_stats(cold));
}

#[test]
fn two_processes_at_once_never_see_a_partial_cache() {
    let docs = sample();
    let dir = tempfile::tempdir().unwrap();
    let reference = without_stats(build(&docs, tempfile::tempdir().unwrap().path()));
    // Several builders and readers on the same cache at once (threads stand in for processes:
    // every write is a unique temporary file renamed into place).
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|_| s.spawn(|| build(&docs, dir.path())))
            .collect();
        for h in handles {
            let r = h.join().unwrap();
            assert!(r.warnings.is_empty(), "{:?}", r.warnings);
            assert_eq!(without_stats(r), reference);
        }
    });
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}
