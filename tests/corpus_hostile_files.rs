//! A folder of hostile files, listed through the real `speechtui` binary: every kind of file and
//! content problem is reported (in `skipped` or in `warnings`), the exit status is 0, nothing
//! panics, and no escape byte ever reaches standard output or standard error.
//!
//! Sizes, counts, nesting, hostile file names and files changing while loading are in
//! `corpus_hostile_scale.rs`.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

const SPEECH: &str = "在全市工作会议上的讲话\n同志们：\n今天我们召开全市工作会议，主要任务是总结上半年工作，部署下半年任务。希望大家统一思想、提高认识、狠抓落实，确保全年目标任务圆满完成。\n谢谢大家！\n";

fn speechtui(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_speechtui"))
        .args(args)
        .output()
        .expect("binary runs")
}

/// Deterministic pseudo-random bytes (xorshift), so the test needs no RNG crate.
fn random_bytes(n: usize) -> Vec<u8> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

fn no_escape_bytes(out: &Output) {
    assert!(!out.stdout.contains(&0x1b), "ESC in stdout");
    assert!(!out.stderr.contains(&0x1b), "ESC in stderr");
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "panic"
    );
}

fn build_folder(dir: &Path) {
    fs::write(dir.join("empty.txt"), b"").unwrap();
    fs::write(dir.join("random.dat"), random_bytes(64 * 1024)).unwrap();
    let mut invalid = SPEECH.as_bytes().to_vec();
    invalid.splice(40..40, [0xFF, 0xFE, 0xC3]);
    fs::write(dir.join("invalid-utf8.txt"), invalid).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(SPEECH.encode_utf16().flat_map(|u| u.to_le_bytes()));
    fs::write(dir.join("utf16.txt"), utf16).unwrap();
    let escapes = format!(
        "\x1b[2J\x1b[H\x1b]0;owned\x07\x1b[31m{SPEECH}\x1b[0m\x1b[?1049h\x1bP+q\x1b\\\x07\x08"
    );
    fs::write(dir.join("escapes.txt"), escapes).unwrap();
    fs::write(dir.join(".hidden.txt"), SPEECH).unwrap();
    // A sub-folder nobody may read (root still can: then it is simply loaded).
    let locked = dir.join("locked");
    fs::create_dir(&locked).unwrap();
    fs::write(locked.join("inside.txt"), SPEECH).unwrap();
    set_mode(&locked, 0o000);
    // A symlink loop, and a named pipe (reading it would block forever).
    let sub = dir.join("sub");
    fs::create_dir(&sub).unwrap();
    std::os::unix::fs::symlink("..", sub.join("loop")).unwrap();
    std::os::unix::fs::symlink("nowhere.txt", dir.join("dangling.txt")).unwrap();
    let fifo = dir.join("pipe.txt");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    assert!(made, "mkfifo");
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

fn is_root() -> bool {
    // A folder with mode 000 is still readable for root.
    let probe = tempfile::tempdir().unwrap();
    set_mode(probe.path(), 0o000);
    let readable = fs::read_dir(probe.path()).is_ok();
    set_mode(probe.path(), 0o700);
    readable
}

#[test]
fn hostile_folder_is_listed_with_every_problem() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    build_folder(dir);
    let root = is_root();

    let out = speechtui(&["list", dir.to_str().unwrap(), "--format", "json"]);
    no_escape_bytes(&out);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let skipped: Vec<(String, String)> = report["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["path"].as_str().unwrap().to_string(),
                s["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let reason = |name: &str| {
        skipped
            .iter()
            .find(|(p, _)| p.ends_with(name))
            .map(|(_, r)| r.clone())
            .unwrap_or_else(|| panic!("{name} not skipped: {skipped:?}"))
    };
    assert_eq!(reason("empty.txt"), "empty file");
    assert!(reason("random.dat").starts_with("binary file"));
    assert!(reason(".hidden.txt").contains("hidden"));
    assert!(reason("loop").contains("symbolic link loop"));
    assert!(reason("pipe.txt").contains("named pipe"));
    assert_eq!(reason("dangling.txt"), "broken symbolic link");
    if !root {
        assert!(reason("locked").contains("permission denied"));
    }

    let docs = report["documents"].as_array().unwrap();
    let doc = |name: &str| {
        docs.iter()
            .find(|d| d["path"].as_str().unwrap().ends_with(name))
            .unwrap_or_else(|| panic!("{name} not loaded"))
    };
    let warnings = |name: &str| doc(name)["warnings"].to_string();
    assert!(warnings("invalid-utf8.txt").contains("invalid UTF-8"));
    assert_eq!(doc("utf16.txt")["encoding"], "UTF-16LE");
    assert_eq!(doc("utf16.txt")["title"], "在全市工作会议上的讲话");
    assert!(warnings("escapes.txt").contains("escape sequence"));
    assert_eq!(doc("escapes.txt")["title"], "在全市工作会议上的讲话");
    if root {
        assert!(doc("inside.txt")["title"].is_string());
    }
}

#[test]
fn text_listing_and_raw_show_make_escapes_visible() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    fs::write(
        dir.join("escapes.txt"),
        format!("\x1b[31m{SPEECH}\x1b]0;owned\x07"),
    )
    .unwrap();
    fs::write(dir.join("evil\x1b[2J\nname.txt"), SPEECH).unwrap();

    let out = speechtui(&["list", dir.to_str().unwrap()]);
    no_escape_bytes(&out);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("evil␛[2J␤name.txt"), "{text}");

    let file = dir.join("escapes.txt");
    let out = speechtui(&["show", "--raw", file.to_str().unwrap()]);
    no_escape_bytes(&out);
    let raw = String::from_utf8(out.stdout).unwrap();
    assert!(raw.starts_with("␛[31m在全市工作会议上的讲话"), "{raw}");
    assert!(raw.contains("␛]0;owned␇"));

    let out = speechtui(&["show", file.to_str().unwrap()]);
    no_escape_bytes(&out);
    assert_eq!(String::from_utf8(out.stdout).unwrap(), SPEECH);
}

#[test]
fn failures_are_one_line_with_exit_1() {
    let tmp = tempfile::tempdir().unwrap();
    let evil = tmp.path().join("missing\x1b[31m.txt");
    let out = speechtui(&["show", evil.to_str().unwrap()]);
    no_escape_bytes(&out);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("speechtui: ") && err.trim_end().lines().count() == 1,
        "{err}"
    );
    assert!(
        err.contains("missing␛[31m.txt: cannot open: not found"),
        "{err}"
    );
    // Bad usage is exit 2.
    assert_eq!(speechtui(&["show"]).status.code(), Some(2));
    assert_eq!(
        speechtui(&["list", "--format", "xml"]).status.code(),
        Some(2)
    );
}

#[test]
fn user_chrome_patterns_from_the_config_dir() {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("config");
    fs::create_dir_all(config.join("speechtui")).unwrap();
    let page = tmp.path().join("page.txt");
    fs::write(
        &page,
        format!("本站公告：今晚十点起维护，请各位读者谅解。\n{SPEECH}"),
    )
    .unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_speechtui"))
            .args(args)
            .env("XDG_CONFIG_HOME", &config)
            .output()
            .unwrap()
    };
    let show = |out: Output| String::from_utf8(out.stdout).unwrap();
    assert!(show(run(&["show", page.to_str().unwrap()])).starts_with("本站公告"));
    fs::write(
        config.join("speechtui/chrome-patterns.txt"),
        "# site notices\n^本站公告\n",
    )
    .unwrap();
    assert_eq!(show(run(&["show", page.to_str().unwrap()])), SPEECH);
    // A pattern that does not compile: a one-line error, exit 1.
    fs::write(config.join("speechtui/chrome-patterns.txt"), "(\n").unwrap();
    let out = run(&["list", page.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("speechtui: invalid chrome pattern") && err.lines().count() == 1,
        "{err}"
    );
}
