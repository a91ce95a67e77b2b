//! `speechtui compare` end to end on the bundled sample.

use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_speechtui"))
}

fn sample(prefix: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample");
    let mut p: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .collect();
    p.sort();
    p[0].to_string_lossy().into_owned()
}

#[test]
fn json_follows_the_contract() {
    let out = bin()
        .args([
            "compare",
            &sample("002"),
            &sample("003"),
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for side in ["a", "b"] {
        assert!(v[side]["id"].is_string() && v[side]["title"].is_string());
        assert!(v[side]["chars"].as_u64().unwrap() > 1000);
    }
    let passages = v["passages"].as_array().unwrap();
    assert!(!passages.is_empty());
    for p in passages {
        assert!(p["a"]["start"].as_u64().unwrap() < p["a"]["end"].as_u64().unwrap());
        assert!(p["b"]["text"].as_str().unwrap().chars().count() >= 8);
        assert!(p["similarity"].as_f64().unwrap() >= 0.8);
        assert!(p["ops"].is_array());
    }
    assert!(v["a_reused"].as_f64().unwrap() > 0.0);
}

#[test]
fn output_file_is_written_once_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cmp.txt");
    let run = || {
        bin()
            .args(["compare", &sample("001"), &sample("002"), "-o"])
            .arg(&file)
            .output()
            .unwrap()
    };
    let first = run();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(first.stdout.is_empty());
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("九牛爬坡、個個出力"), "{saved}");
    assert!(!saved.contains('\u{1b}'));
    let second = run();
    assert_eq!(second.status.code(), Some(1));
    let err = String::from_utf8_lossy(&second.stderr);
    assert!(
        err.starts_with("speechtui: ") && err.contains("already exists"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), saved);
}

#[test]
fn missing_document_is_a_one_line_error() {
    let out = bin()
        .args(["compare", "no/such/file.txt", &sample("002")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
}

fn passages_with(extra: &[&str]) -> Vec<serde_json::Value> {
    let mut args = vec![
        "compare".to_string(),
        sample("002"),
        sample("003"),
        "--format".into(),
        "json".into(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    let out = bin().args(&args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["passages"].as_array().unwrap().clone()
}

#[test]
fn thresholds_on_the_command_line_narrow_the_passages() {
    let default = passages_with(&[]);
    let long = passages_with(&["--min-len", "14"]);
    let strict = passages_with(&["--min-similarity", "1"]);
    assert!(
        long.len() < default.len(),
        "{} vs {}",
        long.len(),
        default.len()
    );
    assert!(!long.is_empty());
    // 一切围绕项目转、一切盯着项目干 is 14 key characters: it survives a 14-character minimum.
    assert!(long
        .iter()
        .any(|p| p["a"]["text"].as_str().unwrap().contains("一切围绕项目转")));
    assert!(strict
        .iter()
        .all(|p| p["similarity"].as_f64().unwrap() >= 1.0));
    assert!(strict.len() < default.len());
    let bad = bin()
        .args([
            "compare",
            &sample("002"),
            &sample("003"),
            "--min-similarity",
            "0.2",
        ])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn force_replaces_an_existing_report_and_nothing_else_does() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.txt");
    std::fs::write(&out, "older notes").unwrap();
    let run = |force: bool| {
        let mut cmd = bin();
        cmd.args(["compare", &sample("002"), &sample("003"), "-o"])
            .arg(&out);
        if force {
            cmd.arg("--force");
        }
        cmd.output().unwrap()
    };
    let refused = run(false);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--force"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "older notes");
    let forced = run(true);
    assert!(forced.status.success());
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("speechtui comparison report"));
    assert!(text.contains("一切围绕项目转"));
}

/// `rows` in the JSON lays out all of A and all of B, each in order, each character once
/// (the contract), and every passage appears level once or moved once on each side.
#[test]
fn json_rows_cover_both_speeches_once() {
    let out = bin()
        .args([
            "compare",
            &sample("002"),
            &sample("003"),
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = v["rows"].as_array().unwrap();
    let passages = v["passages"].as_array().unwrap();
    assert!(!passages.is_empty());
    for side in ["a", "b"] {
        let mut at = 0;
        for r in rows.iter().filter(|r| !r[side].is_null()) {
            assert_eq!(r[side]["start"].as_u64().unwrap(), at, "{r}");
            at = r[side]["end"].as_u64().unwrap();
        }
        assert_eq!(at, v[side]["chars"].as_u64().unwrap());
    }
    for (i, p) in passages.iter().enumerate() {
        let mine: Vec<&serde_json::Value> = rows
            .iter()
            .filter(|r| r["passage"].as_u64() == Some(i as u64))
            .collect();
        let kinds: Vec<&str> = mine.iter().map(|r| r["kind"].as_str().unwrap()).collect();
        assert!(
            kinds == ["shared"] || kinds == ["moved", "moved"],
            "{kinds:?}"
        );
        let a_row = mine.iter().find(|r| !r["a"].is_null()).unwrap();
        assert_eq!(a_row["a"]["start"], p["a"]["start"]);
    }
}

/// Two columns of at most `--width` display cells; a width under 40 is a usage error.
#[test]
fn side_by_side_fits_its_width() {
    let out = bin()
        .args([
            "compare",
            &sample("002"),
            &sample("003"),
            "--format",
            "side-by-side",
            "--width",
            "60",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("speechtui side-by-side comparison"));
    let width = |s: &str| {
        s.chars()
            .map(|c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0))
            .sum::<usize>()
    };
    let body: Vec<&str> = text.lines().filter(|l| l.contains(" │ ")).collect();
    assert!(body.len() > 20);
    assert!(body.iter().all(|l| width(l) <= 60), "too wide");
    // Shared passages are level: a marked line on the left has a marked line on the right.
    assert!(body
        .iter()
        .any(|l| l.starts_with("= ") || l.starts_with("~ ")));
    let bad = bin()
        .args([
            "compare",
            &sample("002"),
            &sample("003"),
            "--format",
            "side-by-side",
            "--width",
            "20",
        ])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}
