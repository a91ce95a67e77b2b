//! Soak: the real `speechtui` binary in tmux over the 871-report corpus, driven by thousands of
//! random key presses from a seeded generator — every key of the keymap, filter and search text
//! (CJK included), comparisons, saves with their prompts and overwrite questions — and by window
//! resizes down to sizes below the minimum. Every 100 keys the process must still be alive and its
//! resident memory is sampled: after the corpus and the reuse index are loaded it must stay flat.
//! At the end `q` must quit with status 0, without a panic message, with the terminal given back,
//! and every file saved in the working folder must be a complete report (no temp file left over).
//!
//! Never sends `q` or Ctrl-C before the end (and `q` is never typed at all, so a prompt that
//! closes early cannot turn it into a quit). Esc never quits. Skips (passes with a note) when
//! tmux or `../shared/corpus-extra` is absent. The seed is `SPEECHTUI_SOAK_SEED` (default fixed).

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

mod tmux_support;

use tmux_support::{have_tmux, Tmux};

const BIN: &str = env!("CARGO_BIN_EXE_speechtui");

/// xorshift64*: small, seeded, good enough to pick keys.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }
}

fn corpus_extra() -> Option<PathBuf> {
    common::corpus_extra()
}

/// Keys of the keymap with their weights (navigation often, the rest regularly).
const KEYS: &[(&str, u32)] = &[
    ("j", 14),
    ("k", 8),
    ("Down", 4),
    ("Up", 3),
    ("PageDown", 3),
    ("PageUp", 2),
    ("C-d", 1),
    ("C-u", 1),
    ("g", 2),
    ("G", 2),
    ("Home", 1),
    ("End", 1),
    ("Enter", 8),
    ("Escape", 6),
    ("Tab", 3),
    ("BTab", 1),
    ("o", 2),
    ("Space", 2),
    ("n", 3),
    ("N", 2),
    ("c", 6),
    ("]", 4),
    ("[", 3),
    ("z", 2),
    ("v", 2),
    ("b", 2),
    ("y", 2),
    ("r", 3),
    ("L", 1),
    ("?", 1),
    ("t", 1),
    ("1", 1),
    ("2", 1),
    ("3", 1),
    ("4", 1),
    ("BSpace", 1),
    ("x", 1),
];

/// What typed text is made of: words of the reports, a few Latin letters and digits (no `q`).
const TYPED: &[&str] = &[
    "经济",
    "发展",
    "改革",
    "人民",
    "政府",
    "工作",
    "报告",
    "同志们",
    "坚持",
    "推进",
    "全面",
    "a",
    "e",
    "2",
    "0",
    " ",
    "，",
];

/// Window sizes, the first two below the minimum the TUI draws in.
const SIZES: &[(u16, u16)] = &[
    (12, 4),
    (30, 8),
    (50, 14),
    (80, 24),
    (100, 30),
    (132, 40),
    (200, 60),
];

/// Screens counted at each check, to show what the random session reached.
const VIEWS: &[(&str, &str)] = &[
    ("library", "Library ·"),
    ("reader", "Reader ·"),
    ("comparison", "Comparison ·"),
    ("explorer", "Boilerplate explorer"),
    ("too small", "Terminal too small"),
];

/// One random action; returns how many key presses it sent.
fn act(tmux: &Tmux, rng: &mut Rng) -> usize {
    match rng.below(100) {
        // Filter the library or search the reader, typing words, then Enter or Esc.
        0..=4 => {
            tmux.key("/");
            let words = 1 + rng.below(3);
            for _ in 0..words {
                tmux.literal(rng.pick(TYPED));
                pause();
            }
            tmux.key(rng.pick(&["Enter", "Enter", "Escape", "BSpace"]));
            words + 2
        }
        // Save (in a comparison or a concordance): the default name, a name of our own, or Esc;
        // an overwrite question is answered by later random `y`/`n`/Esc or by these.
        5..=8 => {
            tmux.key("s");
            pause();
            let sent = match rng.below(4) {
                0 => {
                    tmux.literal(rng.pick(&["甲", "b", "-2"]));
                    pause();
                    tmux.key("Enter");
                    3
                }
                1 => {
                    tmux.key("Escape");
                    2
                }
                _ => {
                    tmux.key("Enter");
                    2
                }
            };
            pause();
            tmux.key(rng.pick(&["y", "n", "Escape", "j"]));
            sent + 1
        }
        // Mark and compare: `c`, move, `c`.
        9..=11 => {
            tmux.key("c");
            pause();
            tmux.key(rng.pick(&["j", "k", "G", "PageDown"]));
            pause();
            tmux.key("c");
            3
        }
        _ => {
            let total: u32 = KEYS.iter().map(|k| k.1).sum();
            let mut at = rng.below(total as usize) as u32;
            for (k, w) in KEYS {
                if at < *w {
                    tmux.key(k);
                    break;
                }
                at -= w;
            }
            1
        }
    }
}

/// Between keys: fast enough for a 2,000-key run in about a minute and a half, slow enough for
/// most keys to be read one at a time.
fn pause() {
    std::thread::sleep(Duration::from_millis(25));
}

/// The `speechtui` process: the child of the pane's shell.
fn app_pid(tmux: &Tmux) -> u32 {
    let shell = tmux.format("#{pane_pid}");
    let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children"))
        .expect("pane shell");
    children
        .split_whitespace()
        .next()
        .unwrap_or_else(|| panic!("speechtui is not running; screen:\n{}", tmux.screen()))
        .parse()
        .unwrap()
}

/// Resident memory in MB, or None when the process is gone (or a zombie).
fn rss_mb(pid: u32) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

fn soak(keys: usize) {
    if !have_tmux() {
        common::skipped("tmux is not installed");
        return;
    }
    let Some(corpus) = corpus_extra() else {
        return;
    };
    let seed: u64 = std::env::var("SPEECHTUI_SOAK_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_2026);
    eprintln!("soak: {keys} keys, seed {seed} (SPEECHTUI_SOAK_SEED)");
    let mut rng = Rng(seed.max(1));

    // Saves land in `work`; config, cache and the shell's records live apart in `state`.
    let work = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let (w, s) = (work.path().display(), state.path().display());
    std::fs::create_dir(state.path().join("config")).unwrap();
    let script = format!(
        "unset RUST_BACKTRACE; cd '{w}' && TERM=xterm-256color SPEECHTUI_CONFIG_DIR='{s}/config' \
         SPEECHTUI_CACHE_DIR='{s}/cache' '{BIN}' '{corpus}' 2> '{s}/stderr'; echo EXIT=$? > '{s}/exit'; \
         stty -a > '{s}/stty'; echo DONE; sleep 600",
        corpus = corpus.display(),
    );
    let tmux = Tmux::start(&format!("soak-{keys}"), 100, 30, &script);

    // Loaded: the library is listed and the reuse index is built.
    let load_start = Instant::now();
    tmux.wait_within("the corpus and its index", Duration::from_secs(300), |s| {
        s.contains("Library ·") && !s.contains("indexing")
    });
    let load = load_start.elapsed();
    let pid = app_pid(&tmux);
    let first = rss_mb(pid).expect("speechtui is running");
    eprintln!(
        "soak: loaded in {:.1} s, RSS {first:.0} MB",
        load.as_secs_f64()
    );

    let exited =
        |tmux: &Tmux| state.path().join("exit").exists() || tmux.format("#{pane_dead}") == "1";
    let start = Instant::now();
    let mut samples = vec![first];
    let mut seen = [0usize; VIEWS.len()];
    let (mut sent, mut next_check, mut resizes) = (0usize, 100usize, 0usize);
    while sent < keys {
        if rng.below(40) == 0 {
            let (w, h) = SIZES[rng.below(SIZES.len())];
            tmux.resize(w, h);
            resizes += 1;
        } else {
            sent += act(&tmux, &mut rng);
        }
        pause();
        if sent >= next_check {
            next_check += 100;
            let rss = rss_mb(pid);
            assert!(
                !exited(&tmux) && rss.is_some(),
                "speechtui died after {sent} keys (seed {seed}); stderr: {}\nscreen:\n{}",
                std::fs::read_to_string(state.path().join("stderr")).unwrap_or_default(),
                tmux.screen()
            );
            samples.push(rss.unwrap());
            let screen = tmux.screen();
            for (i, (_, marker)) in VIEWS.iter().enumerate() {
                if screen.contains(marker) {
                    seen[i] += 1;
                }
            }
        }
    }
    let driven = start.elapsed();

    // Quit: Esc closes a prompt or a popup (an overwrite question is answered "no"), then `q`.
    tmux.resize(100, 30);
    let quit_start = Instant::now();
    while !state.path().join("exit").exists() {
        assert!(
            quit_start.elapsed() < Duration::from_secs(30),
            "speechtui did not quit; screen:\n{}",
            tmux.screen()
        );
        tmux.key("Escape");
        std::thread::sleep(Duration::from_millis(300));
        tmux.key("q");
        std::thread::sleep(Duration::from_millis(700));
    }
    tmux.wait_text("DONE");

    let half = &samples[samples.len() / 2..];
    let late_max = half.iter().cloned().fold(0.0, f64::max);
    let all_max = samples.iter().cloned().fold(0.0, f64::max);
    eprintln!(
        "soak: {sent} keys and {resizes} resizes in {:.1} s; RSS first {first:.0} MB, max {all_max:.0} MB, \
         max over the second half {late_max:.0} MB; samples {:?}",
        driven.as_secs_f64(),
        samples.iter().map(|m| m.round() as u64).collect::<Vec<_>>()
    );

    let views: Vec<String> = VIEWS
        .iter()
        .zip(seen)
        .map(|((name, _), n)| format!("{name} {n}"))
        .collect();
    eprintln!("soak: views at the checks: {}", views.join(", "));

    // Exit status 0, no panic message.
    let exit = std::fs::read_to_string(state.path().join("exit")).unwrap();
    let stderr = std::fs::read_to_string(state.path().join("stderr")).unwrap();
    let screen = tmux.screen();
    assert_eq!(exit.trim(), "EXIT=0", "stderr: {stderr}\nscreen:\n{screen}");
    for text in [&stderr, &screen] {
        assert!(
            !text.contains("panicked") && !text.contains("internal error"),
            "{text}"
        );
    }

    // The terminal was given back: no raw mode, no alternate screen.
    let stty = std::fs::read_to_string(state.path().join("stty")).unwrap();
    tmux.assert_terminal_restored(&stty);

    // Memory stayed flat.
    let bound = first * 1.5 + 100.0;
    assert!(
        late_max <= bound,
        "RSS grew: {first:.0} MB after loading, {late_max:.0} MB late in the run (bound {bound:.0} MB)"
    );

    // Every saved file is a complete report; no temp file is left behind.
    let saved = check_saved(work.path());
    eprintln!("soak: {saved} reports saved, all complete");
}

/// Checks every file under `dir`; returns how many there are.
fn check_saved(dir: &Path) -> usize {
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            count += check_saved(&path);
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            !(name.starts_with('.') && name.ends_with(".tmp")),
            "temp file left: {}",
            path.display()
        );
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(text.ends_with('\n'), "truncated: {}", path.display());
        if text.starts_with("speechtui comparison report")
            || text.starts_with("speechtui side-by-side comparison")
        {
            assert!(text.lines().count() > 5, "{}:\n{text}", path.display());
        } else if let Some(rest) = text.strip_prefix("Concordance: ") {
            // "N occurrences in M speeches", a blank line, then one line per occurrence.
            let mut lines = rest.lines().skip(1);
            let header = lines.next().unwrap_or_default();
            let n: usize = header
                .split_whitespace()
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("{}: bad header {header:?}", path.display()));
            assert_eq!(lines.skip(1).count(), n, "{}", path.display());
        } else {
            panic!("not a report: {}:\n{text:.200}", path.display());
        }
        count += 1;
    }
    count
}

/// The CI run: 2,000 keys, about a minute and a half of driving.
#[test]
fn soak_2000_random_keys_over_corpus_extra() {
    soak(2_000);
}

/// The long run: `cargo test --test tui_soak -- --ignored`.
#[test]
#[ignore]
fn soak_10000_random_keys_over_corpus_extra() {
    soak(10_000);
}
