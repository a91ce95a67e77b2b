//! `speechtui outline` per the interface contract: text tree, JSON keys, errors.

use std::process::Command;

fn run(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_speechtui"))
        .args(args)
        .output()
        .expect("binary runs")
}

fn sample(name: &str) -> String {
    format!("{}/sample/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn text_form_is_an_indented_tree_under_the_title() {
    let out = run(&["outline", &sample("003_fad5f05ac5c28cf9.txt")]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("在2025年全区"), "{}", lines[0]);
    assert!(lines[1].starts_with("  一、客观总结上半年工作"));
    assert!(lines[2].starts_with("    (一)回顾上半年的奋斗历程"));
    assert!(text.contains("\n      · 一要狠抓经济运行调度\n"));
    assert!(!text.contains('\u{1b}'));
}

#[test]
fn json_form_has_the_contract_keys() {
    let spec = format!("{}#2", sample("004_3bce6aca9e0e3511.txt"));
    let out = run(&["outline", &spec, "--format", "json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["id"]
        .as_str()
        .unwrap()
        .ends_with("004_3bce6aca9e0e3511.txt#2"));
    assert_eq!(v["title"], "在市級政府投資項目推進工作會議上的講話");
    let sections = v["sections"].as_array().unwrap();
    let first = &sections[0];
    for key in ["level", "marker", "heading", "start", "end", "point"] {
        assert!(first.get(key).is_some(), "missing {key}");
    }
    assert_eq!(first["level"], 1);
    assert_eq!(first["marker"], "一、");
    // Offsets index the cleaned text in chars: the section starts at its marker.
    let shown = run(&["show", &spec]);
    let text: Vec<char> = String::from_utf8(shown.stdout).unwrap().chars().collect();
    for s in sections {
        let start = s["start"].as_u64().unwrap() as usize;
        let marker: Vec<char> = s["marker"].as_str().unwrap().chars().collect();
        assert_eq!(&text[start..start + marker.len()], &marker[..]);
    }
    assert!(sections.iter().any(|s| s["point"] == true));
}

#[test]
fn missing_document_is_a_one_line_error() {
    let out = run(&["outline", "/nonexistent/speech.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("speechtui: "));
    assert_eq!(err.trim_end().lines().count(), 1);
}

#[test]
fn bad_format_is_a_usage_error() {
    let out = run(&[
        "outline",
        &sample("000_887235e958cf192e.txt"),
        "--format",
        "xml",
    ]);
    assert_eq!(out.status.code(), Some(2));
}
