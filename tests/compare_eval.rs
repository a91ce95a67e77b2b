//! Precision and recall of the aligner on spliced, disguised passages of real reports (see
//! `tests/eval_support`). Skips with a note when `../shared/corpus-extra` is absent.
//!
//! The thresholds are held on the held-out seed (`HELD_OUT`), never used for tuning. The full
//! table for `benches/README.md`:
//! `cargo test --release --test compare_eval -- --ignored --nocapture eval_table`

mod common;
mod eval_support;

use eval_support::*;
use speechtui::align::Params;

/// Seed of the pairs the defaults were tuned on.
const TUNING: u64 = 1;
/// Seed of the pairs nobody tuned on.
const HELD_OUT: u64 = 2;

#[test]
fn held_out_pairs_reach_precision_and_recall_targets() {
    let Some(dir) = common::corpus_extra() else {
        return;
    };
    let params = Params {
        word_ops: false,
        ..Params::default()
    };
    let totals = evaluate(&dir, HELD_OUT, 12, &params);
    let all = overall(&totals);
    eprintln!("{}", table(&totals));
    assert!(all.splices >= 90, "too few splices built: {}", all.splices);
    assert!(all.recall() >= 0.95, "recall {:.3}", all.recall());
    assert!(all.precision() >= 0.95, "precision {:.3}", all.precision());
}

#[test]
#[ignore = "long: prints the evaluation table for benches/README.md"]
fn eval_table() {
    let Some(dir) = common::corpus_extra() else {
        return;
    };
    let pairs: usize = std::env::var("EVAL_PAIRS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let params = Params {
        word_ops: false,
        ..Params::default()
    };
    for (label, seed) in [("tuning set", TUNING), ("held-out set", HELD_OUT + 100)] {
        let t = std::time::Instant::now();
        let totals = evaluate(&dir, seed, pairs, &params);
        println!(
            "\n### {label} (seed {seed}, {pairs} pairs, {:.1} s)\n",
            t.elapsed().as_secs_f64()
        );
        println!("{}", table(&totals));
    }
}
