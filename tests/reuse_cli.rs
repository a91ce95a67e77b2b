//! `speechtui reuse` as scripts see it: the contract's JSON keys, a readable text report, nothing
//! on stderr when it is not a terminal (no progress bar in logs), clean errors.

use std::process::Command;

fn speechtui(args: &[&str]) -> std::process::Output {
    let cache = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_speechtui"))
        .args(args)
        .env("SPEECHTUI_CACHE_DIR", cache.path())
        .output()
        .unwrap()
}

#[test]
fn json_has_the_contract_keys() {
    let out = speechtui(&["reuse", "--format", "json", "--top", "5", "--no-cache"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = v["documents"].as_array().unwrap();
    assert!(!docs.is_empty());
    for d in docs {
        assert!(d["id"].is_string());
        let r = d["reused"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&r));
    }
    // The default ranking, grouped by kind: at most `--top` of each kind, formulas first.
    let phrases = v["phrases"].as_array().unwrap();
    let kinds = ["formula", "template", "passage", "heading", "vocabulary"];
    assert!(!phrases.is_empty() && phrases.len() <= 5 * kinds.len());
    assert_eq!(phrases[0]["kind"], "formula");
    let rank = |p: &serde_json::Value| kinds.iter().position(|k| p["kind"] == *k).unwrap();
    for w in phrases.windows(2) {
        assert!(rank(&w[0]) <= rank(&w[1]));
    }
    for k in kinds {
        assert!(phrases.iter().filter(|p| p["kind"] == k).count() <= 5);
    }
    for p in phrases {
        assert!(p["text"].is_string() && p["template"].is_string());
        let docs = p["documents"].as_u64().unwrap();
        assert!(docs >= 1);
        assert!(p["occurrences"].as_u64().unwrap() >= 2);
        // Speeches per year add up to the speeches using it (with variants), with the undated.
        let per_year: u64 = p["by_year"]
            .as_object()
            .unwrap()
            .values()
            .map(|n| n.as_u64().unwrap())
            .sum();
        let undated = p["undated"].as_u64().unwrap();
        assert_eq!(per_year + undated, p["variant_documents"].as_u64().unwrap());
        assert!(p["first"]["id"].is_string());
    }
    for p in v["pairs"].as_array().unwrap() {
        assert!(p["a"].is_string() && p["b"].is_string());
        assert!(p["shared_chars"].is_u64());
    }
}

#[test]
fn text_report_and_cache_use() {
    let cache = tempfile::tempdir().unwrap();
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_speechtui"))
            .args(["reuse", "--top", "3"])
            .env("SPEECHTUI_CACHE_DIR", cache.path())
            .output()
            .unwrap()
    };
    let first = run();
    assert!(first.status.success());
    let text = String::from_utf8(first.stdout).unwrap();
    assert!(text.contains("Formulas ("), "{text}");
    assert!(text.contains("Most borrowed speeches"));
    assert!(text.contains("Most similar pairs"));
    assert!(!text.contains('\u{1b}'), "no escape codes in the report");
    // The cache went where SPEECHTUI_CACHE_DIR says, and the second run comes from it.
    assert!(std::fs::read_dir(cache.path()).unwrap().next().is_some());
    let second = String::from_utf8(run().stdout).unwrap();
    assert!(second.contains("(from the cache)"), "{second}");
}

#[test]
fn a_path_without_speeches_is_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = speechtui(&["reuse", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("speechtui: ") && err.trim_end().lines().count() == 1,
        "{err}"
    );
    assert!(out.stdout.is_empty());
    // A path that does not exist: still one line, and it says why.
    let out = speechtui(&["reuse", "/nonexistent/speeches"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err,
        "speechtui: no speeches found in the given paths (1 skipped; /nonexistent/speeches: cannot open: not found)\n"
    );
    // `--top 0` would print empty tables: refused as bad usage.
    assert_eq!(speechtui(&["reuse", "--top", "0"]).status.code(), Some(2));
}

#[test]
fn a_mistyped_command_is_not_opened_as_an_empty_corpus() {
    let out = speechtui(&["lsit"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "speechtui: lsit: no such file or folder (commands: list, show, outline, compare, reuse, check; see --help)\n"
    );
}

#[test]
fn editing_one_file_reindexes_only_that_file() {
    let corpus = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir(speechtui::corpus::sample_dir()).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, corpus.path().join(p.file_name().unwrap())).unwrap();
    }
    let run = || {
        let out = Command::new(env!("CARGO_BIN_EXE_speechtui"))
            .args(["reuse", "--top", "1", corpus.path().to_str().unwrap()])
            .env("SPEECHTUI_CACHE_DIR", cache.path())
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .to_string()
    };
    let first = run();
    let n: usize = first.split(' ').next().unwrap().parse().unwrap();
    assert!(
        first.contains(&format!("({n} indexed, 0 from the cache)")),
        "{first}"
    );
    // One speech per file in 000_…: change a word inside it.
    let edited = corpus.path().join("000_887235e958cf192e.txt");
    let text = std::fs::read_to_string(&edited).unwrap();
    assert!(text.contains("既欣慰更心焦"));
    std::fs::write(&edited, text.replacen("既欣慰更心焦", "既高兴更着急", 1)).unwrap();
    let second = run();
    assert!(
        second.contains(&format!("(1 indexed, {} from the cache)", n - 1)),
        "{second}"
    );
}

#[test]
fn two_processes_share_one_cache() {
    let cache = tempfile::tempdir().unwrap();
    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_speechtui"))
            .args(["reuse", "--format", "json"])
            .env("SPEECHTUI_CACHE_DIR", cache.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    for out in [&a, &b] {
        assert!(out.status.success());
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let strip = |o: &std::process::Output| {
        let mut v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v.as_object_mut().unwrap().remove("stats");
        v
    };
    assert_eq!(strip(&a), strip(&b));
    // A third run finds a whole, valid cache.
    let c = spawn().wait_with_output().unwrap();
    assert!(c.stderr.is_empty());
    let v: serde_json::Value = serde_json::from_slice(&c.stdout).unwrap();
    assert_eq!(v["stats"]["report_cached"], true);
    assert_eq!(strip(&c), strip(&a));
}

#[test]
fn formula_prints_history_and_concordance_in_date_order() {
    let cache = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_speechtui"))
            .args(args)
            .env("SPEECHTUI_CACHE_DIR", cache.path())
            .output()
            .unwrap()
    };
    // Traditional script finds the formula the sample writes both ways.
    let out = run(&["formula", "九牛爬坡個個出力", "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for k in [
        "formula",
        "template",
        "documents",
        "occurrences",
        "by_year",
        "first",
        "variants",
    ] {
        assert!(!v[k].is_null(), "{k} missing: {v}");
    }
    let hits = v["hits"].as_array().unwrap();
    assert_eq!(hits.len() as u64, v["occurrences"].as_u64().unwrap());
    for h in hits {
        for k in ["id", "title", "start", "end", "text", "left", "right"] {
            assert!(!h[k].is_null(), "{k} missing: {h}");
        }
        assert!(h.get("place").is_some() && h.get("date").is_some());
    }
    let dates: Vec<&str> = hits.iter().map(|h| h["date"].as_str().unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    let text = String::from_utf8(run(&["formula", "一分部署九分落实"]).stdout).unwrap();
    assert!(
        text.contains("first use") && text.contains("concordance"),
        "{text}"
    );
    assert!(text.contains("【"), "{text}");
    // Nothing matches: one line, exit 1.
    let out = run(&["formula", "完全不存在的提法内容"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("speechtui: ") && err.lines().count() == 1,
        "{err}"
    );
}
