//! What every test crate may share: finding `../shared/corpus-extra`, and saying visibly when a
//! test could not run.
#![allow(dead_code)]

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// `../shared/corpus-extra` (next to the crate), or `None` after a visible `SKIPPED` line.
pub fn corpus_extra() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus-extra");
    if dir.join("gov-work-reports").is_dir() {
        Some(dir)
    } else {
        skipped("../shared/corpus-extra not found");
        None
    }
}

/// Says on the terminal that the running test did not do its work, and why. Written straight to
/// standard error, past the test harness's capture, so that a green run that skipped shows it.
pub fn skipped(why: &str) {
    let thread = std::thread::current();
    let test = thread.name().unwrap_or("a test");
    let _ = writeln!(std::io::stderr().lock(), "SKIPPED: {test}: {why}");
}
