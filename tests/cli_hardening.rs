//! The command line under unusual but legitimate use: `--no-cache` before the command, results
//! that cannot be delivered (closed standard output, a full device, help included), non-UTF-8
//! file names, mistyped speech numbers.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample")
        .join(name)
}

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_speechtui"));
    // Keep every run away from the user's cache.
    c.env(
        "SPEECHTUI_CACHE_DIR",
        std::env::temp_dir().join("speechtui-cli-hardening"),
    );
    c
}

/// Runs the binary through `sh` with a redirection of standard output (`>&-`, `>/dev/full`).
fn with_stdout(redirect: &str, args: &[&str]) -> Output {
    let script = format!("exec \"$0\" \"$@\" {redirect}");
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_speechtui"))
        .args(args)
        .output()
        .unwrap()
}

fn one_line_error(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.starts_with("speechtui: "), "{err}");
    err
}

#[test]
fn no_cache_works_before_the_command_too() {
    let dir = sample("");
    for args in [
        vec!["--no-cache", "reuse", "--top", "3"],
        vec!["reuse", "--no-cache", "--top", "3"],
        vec!["reuse", "--top", "3", "--no-cache"],
    ] {
        let out = bin().args(&args).arg(&dir).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(text.starts_with("9 speeches"), "{args:?}: {text}");
        // Nothing came from the cache: the flag was seen wherever it stood.
        assert!(
            text.contains("(9 indexed, 0 from the cache)"),
            "{args:?}: {text}"
        );
    }
    let out = bin()
        .args(["--no-cache", "list"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("9 speeches"));
}

#[test]
fn undelivered_results_are_a_failure_with_one_line() {
    let dir = sample("");
    let dir = dir.to_str().unwrap();
    let f000 = sample("000_887235e958cf192e.txt");
    let f000 = f000.to_str().unwrap();
    let f003 = sample("003_fad5f05ac5c28cf9.txt");
    let f003 = f003.to_str().unwrap();
    let cases: Vec<Vec<&str>> = vec![
        vec!["list", dir],
        vec!["list", "--format", "json", dir],
        vec!["show", f000],
        vec!["outline", f000],
        vec!["compare", f000, f003],
        vec!["--no-cache", "reuse", dir],
        vec!["--help"],
        vec!["--version"],
        vec!["list", "--help"],
    ];
    for redirect in [">&-", ">/dev/full"] {
        for args in &cases {
            let out = with_stdout(redirect, args);
            assert_eq!(out.status.code(), Some(1), "{redirect} {args:?}");
            let err = one_line_error(&out);
            assert!(err.contains("cannot write to standard output"), "{err}");
        }
    }
    // Standard output sent to /dev/null on purpose is delivered.
    let out = with_stdout(">/dev/null", &["list", dir]);
    assert_eq!(out.status.code(), Some(0));
    let out = with_stdout(">/dev/null", &["--help"]);
    assert_eq!(out.status.code(), Some(0));
    // /dev/null opened for reading and writing (what Python's subprocess.DEVNULL gives) is an
    // open standard output too.
    let out = with_stdout("1<>/dev/null", &["list", dir]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[cfg(unix)]
#[test]
fn a_gbk_file_name_opens() {
    use std::os::unix::ffi::OsStrExt as _;
    let tmp = tempfile::tempdir().unwrap();
    // 政府工作报告.txt in GBK: not UTF-8.
    let name = std::ffi::OsStr::from_bytes(b"\xd5\xfe\xb8\xae\xb9\xa4\xd7\xf7\xb1\xa8\xb8\xe6.txt");
    let gbk = tmp.path().join(name);
    std::fs::copy(sample("000_887235e958cf192e.txt"), &gbk).unwrap();
    let expected = bin()
        .arg("show")
        .arg(sample("000_887235e958cf192e.txt"))
        .output()
        .unwrap();
    let out = bin().arg("show").arg(&gbk).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.stdout, expected.stdout);
    let out = bin().arg("outline").arg(&gbk).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.stdout.is_empty());
    let out = bin()
        .arg("compare")
        .arg(&gbk)
        .arg(sample("000_887235e958cf192e.txt"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The part syntax on a GBK name.
    let mut with_part = gbk.clone().into_os_string();
    with_part.push("#1");
    let out = bin().arg("show").arg(&with_part).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(out.stdout, expected.stdout);
    let mut with_part = gbk.into_os_string();
    with_part.push("#2");
    let out = bin().arg("show").arg(&with_part).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(one_line_error(&out).contains("holds 1 speech"));
}

#[test]
fn a_speech_number_that_is_not_one_is_a_usage_error() {
    let f = sample("004_3bce6aca9e0e3511.txt");
    for (suffix, says) in [
        ("#abc", "#abc: after # comes the number of a speech"),
        ("#0", "#0: speeches are numbered from 1"),
        ("#-1", "#-1: after # comes the number of a speech"),
    ] {
        let mut spec = f.clone().into_os_string();
        spec.push(suffix);
        let out = bin().arg("show").arg(&spec).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{suffix}");
        let err = one_line_error(&out);
        assert!(err.contains(says), "{err}");
        assert!(
            !err.contains("not found") && !err.contains("No such file"),
            "{err}"
        );
    }
    // A real number past the end stays an ordinary failure.
    let mut spec = f.into_os_string();
    spec.push("#99");
    let out = bin().arg("show").arg(&spec).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
}
