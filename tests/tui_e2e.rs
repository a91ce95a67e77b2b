//! End to end in a real terminal: the `speechtui` binary inside tmux at 80×24, driven by keys as a
//! user would. Opens a speech, compares two, saves the comparison, checks the file, quits, and
//! checks the exit status and that the terminal was given back (no raw mode, no alternate screen).
//! Skips (passes with a note) when tmux is not installed; CI installs it.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

mod tmux_support;

use tmux_support::{have_tmux, Tmux};

const BIN: &str = env!("CARGO_BIN_EXE_speechtui");

fn start(dir: &Path, name: &str, env: &str) -> Tmux {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample");
    let config = dir.join("config");
    std::fs::create_dir_all(&config).unwrap();
    // After speechtui exits, the shell records its status and the terminal modes, then waits so
    // the pane (and its alternate-screen flag) can be inspected.
    let script = format!(
        "unset RUST_BACKTRACE; cd '{dir}' && TERM=xterm-256color SPEECHTUI_CONFIG_DIR='{config}' SPEECHTUI_CACHE_DIR='{dir}/cache' \
         {env} '{BIN}' '{sample}'; echo $? > '{dir}/exit'; stty -a > '{dir}/stty'; echo DONE; sleep 600",
        dir = dir.display(),
        config = config.display(),
        sample = sample.display(),
    );
    Tmux::start(&format!("e2e-{name}"), 80, 24, &script)
}

fn finished(tmux: &Tmux, dir: &Path) -> (i32, String) {
    tmux.wait_text("DONE");
    let exit: i32 = std::fs::read_to_string(dir.join("exit"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let stty = std::fs::read_to_string(dir.join("stty")).unwrap();
    (exit, stty)
}

#[test]
fn open_compare_save_quit() {
    if !have_tmux() {
        common::skipped("tmux is not installed");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let tmux = start(dir, "main", "");

    // The library lists the sample speeches (the loader splits multi-speech pages).
    tmux.wait_text("Library · 9 speeches");
    // Open the first speech, then go back.
    tmux.keys(&["Enter"]);
    let reader = tmux.wait_text("Reader ·");
    assert!(
        reader.contains("outline") || reader.contains("search"),
        "{reader}"
    );
    tmux.keys(&["Escape"]);
    tmux.wait_text("Library · 9 speeches");

    // Help is generated from the keymap.
    tmux.keys(&["?"]);
    tmux.wait_text("Help");
    tmux.keys(&["Escape"]);

    // Compare the first two speeches.
    tmux.keys(&["c"]);
    tmux.wait_text("marked");
    tmux.keys(&["j", "c"]);
    let cmp = tmux.wait_for("the comparison", |s| {
        s.contains("borrowed ·") && s.contains("A ·")
    });
    assert!(cmp.contains("Comparison"), "{cmp}");

    // Save it under the default name.
    tmux.keys(&["s"]);
    tmux.wait_text("save comparison as:");
    tmux.keys(&["Enter"]);
    let saved = tmux.wait_text("saved ");
    let files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}\n{saved}");
    let name = files[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.contains("__vs__"), "{name}");
    let report = std::fs::read_to_string(&files[0]).unwrap();
    assert!(
        report.starts_with("speechtui side-by-side comparison"),
        "{report}"
    );
    assert!(!report.contains('\u{1b}'), "escape codes in the saved file");

    // Saving again asks before overwriting; "n" keeps the file.
    tmux.keys(&["s", "Enter"]);
    tmux.wait_text("Overwrite?");
    tmux.keys(&["n"]);
    tmux.wait_text("not saved");

    tmux.keys(&["q"]);
    let (exit, stty) = finished(&tmux, dir);
    assert_eq!(exit, 0);
    tmux.assert_terminal_restored(&stty);
}

#[test]
fn ctrl_c_quits_while_typing_and_restores_the_terminal() {
    if !have_tmux() {
        common::skipped("tmux is not installed");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let tmux = start(dir, "ctrlc", "");
    tmux.wait_text("Borrowed");
    tmux.keys(&["/", "q"]);
    tmux.wait_text("filter: q");
    tmux.keys(&["C-c"]);
    let (exit, stty) = finished(&tmux, dir);
    assert_eq!(exit, 0);
    tmux.assert_terminal_restored(&stty);
}

#[test]
fn without_a_terminal_it_exits_1_with_a_clear_message() {
    let out = Command::new(BIN)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("speechtui: ") && err.contains("terminal"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn a_panic_restores_the_terminal_and_says_so_briefly() {
    if !have_tmux() {
        common::skipped("tmux is not installed");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let tmux = start(dir, "panic", "SPEECHTUI_DEBUG_PANIC=1");
    let (exit, stty) = finished(&tmux, dir);
    assert_eq!(exit, 101);
    tmux.assert_terminal_restored(&stty);
    let screen = tmux.screen();
    assert!(screen.contains("speechtui: internal error"), "{screen}");
    assert!(!screen.contains("stack backtrace"), "{screen}");
}

#[test]
fn check_a_draft_read_its_sources_compare_save_quit() {
    if !have_tmux() {
        eprintln!("note: tmux is not installed; skipping the end-to-end terminal test");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample");
    // A draft: a stretch of a sample speech between sentences of its own.
    let docs = speechtui::corpus::load(std::slice::from_ref(&sample)).documents;
    let from = docs.iter().position(|d| d.id.contains("001_")).unwrap();
    let stretch: String = docs[from].text.chars().skip(300).take(300).collect();
    let draft = dir.join("draft.txt");
    std::fs::write(
        &draft,
        format!("一份草稿\n\n今天早上下了一场小雨，操场上的积水还没有退去。\n{stretch}\n食堂今天中午供应饺子和米饭，欢迎大家前来就餐。\n"),
    )
    .unwrap();
    let config = dir.join("config");
    std::fs::create_dir_all(&config).unwrap();
    let script = format!(
        "unset RUST_BACKTRACE; cd '{dir}' && TERM=xterm-256color SPEECHTUI_CONFIG_DIR='{config}' SPEECHTUI_CACHE_DIR='{dir}/cache' \
         '{BIN}' --check '{draft}' '{sample}'; echo $? > '{dir}/exit'; stty -a > '{dir}/stty'; echo DONE; sleep 600",
        dir = dir.display(),
        config = config.display(),
        draft = draft.display(),
        sample = sample.display(),
    );
    let tmux = Tmux::start("e2e-check", 80, 24, &script);

    // The sources screen opens by itself once the corpus is indexed, the speech it borrows from
    // first.
    let sources = tmux.wait_for("the draft's sources", |s| {
        s.contains("Sources ·")
            && s.contains("borrowed ")
            && s.contains("held by")
            && s.contains("今天早上下了一场小雨")
    });
    assert!(sources.contains("  1 "), "{sources}");

    // Enter: the comparison of the draft with that source; Esc comes back.
    tmux.keys(&["Enter"]);
    let cmp = tmux.wait_for("the comparison", |s| {
        s.contains("Comparison ·") && s.contains("A ·")
    });
    assert!(cmp.contains("draft"), "{cmp}");
    tmux.keys(&["Escape"]);
    tmux.wait_text("held by");

    // Save the check report under the default name.
    tmux.keys(&["s"]);
    tmux.wait_text("save check report as: check-draft.txt");
    tmux.keys(&["Enter"]);
    tmux.wait_text("saved ");
    let report = std::fs::read_to_string(dir.join("check-draft.txt")).unwrap();
    assert!(report.starts_with("Check of: "), "{report}");
    assert!(report.contains(&docs[from].title), "{report}");
    assert!(!report.contains('\u{1b}'), "escape codes in the saved file");

    tmux.keys(&["q"]);
    let (exit, stty) = finished(&tmux, dir);
    assert_eq!(exit, 0);
    tmux.assert_terminal_restored(&stty);
}
