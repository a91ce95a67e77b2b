//! Replays every input the fuzz targets ever failed on (kept in `tests/fuzz_regressions/<target>/`)
//! through the same checks the targets run (`tests/invariants_support/invariants.rs`), on stable, in
//! every `cargo test`. A finding is added here by copying the crash or timeout file libFuzzer
//! wrote (`fuzz/artifacts/<target>/…`) into the target's folder; see benches/README.md, "Hardening".

#[path = "invariants_support/invariants.rs"]
mod invariants;

use std::path::Path;
use std::time::{Duration, Instant};

/// Runs `check` on every file of `tests/fuzz_regressions/<target>/`; returns how many there were.
fn replay(target: &str, check: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz_regressions")
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return 0;
    };
    let mut files: Vec<_> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.extension().is_none_or(|e| e != "md"))
        .collect();
    files.sort();
    for file in &files {
        let data = std::fs::read(file).unwrap();
        let start = Instant::now();
        let outcome = std::panic::catch_unwind(|| check(&data));
        assert!(
            outcome.is_ok(),
            "{target} fails again on {}",
            file.display()
        );
        // Hangs were findings too. Fixed, each input takes well under 0.3 s in the dev profile;
        // before its fix each took 5–26 s. (The fuzzer's bound was 1 s in an optimised build.)
        let took = start.elapsed();
        assert!(
            took < Duration::from_secs(3),
            "{target} took {took:?} on {}",
            file.display()
        );
    }
    eprintln!("{target}: {} regression input(s) replayed", files.len());
    files.len()
}

#[test]
fn load_findings_stay_fixed() {
    replay("load", invariants::fuzz_load);
}

#[test]
fn outline_findings_stay_fixed() {
    replay("outline", invariants::fuzz_outline);
}

#[test]
fn compare_findings_stay_fixed() {
    replay("compare", invariants::fuzz_compare);
}
