//! End to end in tmux: the reader's marks switch as the legend says; SIGTERM, SIGHUP and SIGQUIT
//! give the terminal back before the process dies of them; a suspend (Ctrl-Z) leaves a usable
//! shell terminal and comes back redrawn in raw mode when continued. Skips with a note when tmux
//! is not installed.

use std::path::Path;
use std::process::Command;

mod tmux_support;

use tmux_support::{have_tmux, Tmux};

const BIN: &str = env!("CARGO_BIN_EXE_speechtui");

/// speechtui on the sample corpus in a `w`×`h` pane; when it ends, the shell records its status
/// and the terminal modes, then waits so the pane can be inspected.
fn start(dir: &Path, name: &str, w: u16, h: u16) -> Tmux {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample");
    let config = dir.join("config");
    std::fs::create_dir_all(&config).unwrap();
    let script = format!(
        "cd '{dir}' && TERM=xterm-256color SPEECHTUI_CONFIG_DIR='{config}' SPEECHTUI_CACHE_DIR='{dir}/cache' \
         '{BIN}' '{sample}'; echo $? > '{dir}/exit'; stty -a > '{dir}/stty'; echo DONE; sleep 600",
        dir = dir.display(),
        config = config.display(),
        sample = sample.display(),
    );
    Tmux::start(&format!("sig-{name}"), w, h, &script)
}

/// The speechtui process: the child of the pane's shell.
fn speechtui_pid(tmux: &Tmux) -> String {
    let shell = tmux.format("#{pane_pid}");
    let out = Command::new("ps")
        .args(["-o", "pid=", "--ppid", &shell])
        .output()
        .unwrap();
    let pid = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(!pid.is_empty() && !pid.contains('\n'), "children: {pid:?}");
    pid
}

fn signal(pid: &str, sig: &str) {
    let ok = Command::new("kill").args([sig, pid]).status().unwrap();
    assert!(ok.success());
}

/// The pane's terminal modes now (`stty -a` on its tty).
fn modes(tmux: &Tmux) -> Vec<String> {
    let tty = tmux.format("#{pane_tty}");
    let out = Command::new("stty")
        .args(["-a", "-F", &tty])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

fn wait_until(what: &str, pred: impl Fn() -> bool) {
    let start = std::time::Instant::now();
    while !pred() {
        assert!(
            start.elapsed().as_secs() < 20,
            "timed out waiting for {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

fn finished(tmux: &Tmux, dir: &Path) -> (i32, String) {
    tmux.wait_text("DONE");
    let exit = std::fs::read_to_string(dir.join("exit")).unwrap();
    let stty = std::fs::read_to_string(dir.join("stty")).unwrap();
    (exit.trim().parse().unwrap(), stty)
}

#[test]
fn the_mode_key_cycles_the_marks_and_the_legend_follows() {
    if !have_tmux() {
        eprintln!("note: tmux is not installed; skipping the end-to-end terminal test");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let tmux = start(tmp.path(), "modes", 140, 40);
    tmux.wait_text("Borrowed");
    // Wait for the index (the shares replace the dots), then open a speech.
    tmux.wait_for("the reuse index", |s| s.contains('%'));
    tmux.keys(&["Enter"]);
    tmux.wait_text("h marks: copied + formulas");
    for mode in [
        "formulas only",
        "everything shared",
        "marks off",
        "copied + formulas",
    ] {
        tmux.keys(&["h"]);
        tmux.wait_text(&format!("marks: {mode}"));
    }
    tmux.keys(&["q"]);
    let (exit, stty) = finished(&tmux, tmp.path());
    assert_eq!(exit, 0);
    tmux.assert_terminal_restored(&stty);
}

#[test]
fn sigterm_sighup_sigquit_restore_the_terminal_before_dying() {
    if !have_tmux() {
        eprintln!("note: tmux is not installed; skipping the end-to-end terminal test");
        return;
    }
    // Died of the signal, as the shell reports it (128 + its number).
    for (sig, status) in [("-TERM", 143), ("-HUP", 129), ("-QUIT", 131)] {
        let tmp = tempfile::tempdir().unwrap();
        let tmux = start(tmp.path(), &format!("kill{sig}"), 80, 24);
        tmux.wait_text("Borrowed");
        assert_eq!(tmux.format("#{alternate_on}"), "1");
        signal(&speechtui_pid(&tmux), sig);
        let (exit, stty) = finished(&tmux, tmp.path());
        assert_eq!(exit, status, "{sig}");
        tmux.assert_terminal_restored(&stty);
        assert_eq!(
            tmux.format("#{cursor_flag}"),
            "1",
            "{sig}: cursor left hidden"
        );
    }
}

#[test]
fn ctrl_z_suspends_with_the_terminal_restored_and_continue_redraws() {
    if !have_tmux() {
        eprintln!("note: tmux is not installed; skipping the end-to-end terminal test");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let tmux = start(tmp.path(), "tstp", 80, 24);
    tmux.wait_text("Borrowed");
    let pid = speechtui_pid(&tmux);
    assert!(modes(&tmux).contains(&"-icanon".to_string()), "not raw");
    tmux.keys(&["C-z"]);
    // Stopped, with the terminal as the shell needs it.
    wait_until("the stop", || {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        stat.split_whitespace().nth(2) == Some("T")
    });
    let m = modes(&tmux);
    assert!(m.contains(&"icanon".to_string()) && m.contains(&"echo".to_string()));
    assert_eq!(tmux.format("#{alternate_on}"), "0");
    assert_eq!(tmux.format("#{cursor_flag}"), "1");
    // `fg` continues it (this shell has no job control: the test plays its part).
    signal(&pid, "-CONT");
    wait_until("raw mode again", || {
        modes(&tmux).contains(&"-icanon".to_string()) && tmux.format("#{alternate_on}") == "1"
    });
    let screen = tmux.wait_text("Borrowed");
    assert!(screen.contains("Library"), "{screen}");
    // Still answering keys.
    tmux.keys(&["Enter"]);
    tmux.wait_text("Reader ·");
    tmux.keys(&["q"]);
    let (exit, stty) = finished(&tmux, tmp.path());
    assert_eq!(exit, 0);
    tmux.assert_terminal_restored(&stty);
}
