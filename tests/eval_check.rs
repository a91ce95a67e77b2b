//! Recall, attribution and precision of cited sources of `check` on drafts built from older
//! national reports (outside the corpus) with disguised passages of corpus reports spliced in (see
//! `tests/check_support`). Prints `SKIPPED` when `../shared/corpus-extra` is absent.
//!
//! The table for `benches/README.md` (784 reports, tuning and held-out sets):
//! `cargo test --release --test eval_check -- --ignored --nocapture eval_check_table`

mod check_support;
#[path = "reuse_support/mod.rs"]
mod reuse_support;

use check_support::*;
use speechtui::check;

/// Seeds and host halves: the defaults were tuned on `TUNING` (even hosts) only.
const TUNING: u64 = 1;
const HELD_OUT: u64 = 102;

/// The corpus, what checks against it need, and the hosts of the drafts.
type Setup = (
    Vec<speechtui::corpus::Document>,
    check::Prepared,
    Vec<(i32, String)>,
);

fn prepare(n: usize) -> Option<Setup> {
    let Some(dir) = corpus_extra() else {
        eprintln!("SKIPPED: check evaluation: ../shared/corpus-extra not found");
        return None;
    };
    let corpus = reuse_support::load_txt(&dir.join("gov-work-reports"), n);
    let prepared = reuse_support::prepared_without_cache(&corpus);
    Some((corpus, prepared, hosts(&dir)))
}

#[test]
fn held_out_drafts_against_part_of_the_corpus_reach_the_targets() {
    let Some((corpus, prepared, hosts)) = prepare(120) else {
        return;
    };
    let t = evaluate(&corpus, &prepared, &hosts, 1, HELD_OUT + 7, 4);
    let all = overall(&t);
    eprintln!("{}", table(&t));
    assert!(all.splices >= 28, "too few splices: {}", all.splices);
    assert!(all.recall() >= 0.90, "recall {:.3}", all.recall());
    assert!(
        all.attribution() >= 0.90,
        "attribution {:.3}",
        all.attribution()
    );
    assert!(
        all.precision() >= 0.95,
        "cited sources {:.3}",
        all.precision()
    );
}

#[test]
#[ignore = "long: prints the evaluation table for benches/README.md"]
fn eval_check_table() {
    let Some((corpus, prepared, hosts)) = prepare(usize::MAX) else {
        return;
    };
    let drafts: usize = std::env::var("EVAL_DRAFTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(16);
    for (label, parity, seed) in [("tuning set", 0, TUNING), ("held-out set", 1, HELD_OUT)] {
        let t0 = std::time::Instant::now();
        let t = evaluate(&corpus, &prepared, &hosts, parity, seed, drafts);
        println!(
            "\n### {label} ({} reports, {drafts} drafts, seed {seed}, {:.1} s)\n",
            corpus.len(),
            t0.elapsed().as_secs_f64()
        );
        println!("{}", table(&t));
    }
}
