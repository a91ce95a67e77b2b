//! `speechtui check` end to end on the bundled sample: a draft made of stretches of two sample
//! speeches between sentences of its own, a draft that is itself in the corpus, a draft sharing
//! nothing, and bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use speechtui::corpus::{self, Document};

fn bin(cache: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_speechtui"));
    c.env("SPEECHTUI_CACHE_DIR", cache);
    c
}

fn sample_docs() -> Vec<Document> {
    corpus::load(&[corpus::sample_dir().to_path_buf()]).documents
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

fn piece(text: &str, start: usize, len: usize) -> String {
    text.chars().skip(start).take(len).collect()
}

/// Sentences of the draft's own, found in no speech of the sample.
const OWN: [&str; 3] = [
    "今天早上下了一场小雨，操场上的积水还没有退去，同学们绕着走。",
    "食堂今天中午供应饺子和米饭，欢迎大家前来就餐，请自带餐具。",
    "图书馆周末照常开放，新到的一批画册放在二楼东侧的书架上。",
];

struct Draft {
    path: PathBuf,
    /// The borrowed stretches and the speeches they were taken from.
    taken: Vec<(String, usize)>,
}

fn write_draft(dir: &Path, docs: &[Document]) -> Draft {
    // Two speeches of different pages.
    let a = docs.iter().position(|d| d.id.contains("001_")).unwrap();
    let b = docs.iter().position(|d| d.id.contains("003_")).unwrap();
    let ta = piece(&docs[a].text, 300, 260);
    let tb = piece(&docs[b].text, 500, 180);
    let body = format!(
        "一份草稿\n\n{}\n{}\n{}\n{}\n{}\n",
        OWN[0], ta, OWN[1], tb, OWN[2]
    );
    let path = dir.join("draft.txt");
    std::fs::write(&path, body).unwrap();
    Draft {
        path,
        taken: vec![(ta, a), (tb, b)],
    }
}

fn run(cmd: &mut Command) -> Output {
    let out = cmd.output().unwrap();
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn ok_json(cmd: &mut Command) -> serde_json::Value {
    let out = run(cmd);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The cleaned draft, as `speechtui show` gives it (offsets are counted in it).
fn cleaned(cache: &Path, path: &Path) -> String {
    let out = run(bin(cache).args(["show", path.to_str().unwrap()]));
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_draft_names_the_speeches_it_borrows_from_with_exact_offsets() {
    let tmp = tempfile::tempdir().unwrap();
    let docs = sample_docs();
    let draft = write_draft(tmp.path(), &docs);
    let v =
        ok_json(bin(tmp.path()).args(["check", draft.path.to_str().unwrap(), "--format", "json"]));
    let text = cleaned(tmp.path(), &draft.path);
    let tc = chars(text.trim_end_matches('\n'));
    let by_id = |id: &str| {
        docs.iter()
            .find(|d| d.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };

    assert_eq!(v["draft"]["chars"].as_u64().unwrap() as usize, tc.len());
    let passages = v["passages"].as_array().unwrap();
    assert!(!passages.is_empty());
    let mut last = 0;
    for p in passages {
        let (s, e) = (
            p["start"].as_u64().unwrap() as usize,
            p["end"].as_u64().unwrap() as usize,
        );
        assert!(s >= last, "passages in draft order");
        last = e;
        assert_eq!(
            p["text"].as_str().unwrap(),
            tc[s..e].iter().collect::<String>()
        );
        assert!(matches!(p["kind"].as_str(), Some("copied" | "formula")));
        let sources = p["sources"].as_array().unwrap();
        assert!(!sources.is_empty());
        let mut prev = f64::MAX;
        for src in sources {
            let doc = by_id(src["id"].as_str().unwrap());
            let (ss, se) = (
                src["start"].as_u64().unwrap() as usize,
                src["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(src["text"].as_str().unwrap(), piece(&doc.text, ss, se - ss));
            let sim = src["similarity"].as_f64().unwrap();
            assert!((0.6..=1.0).contains(&sim));
            assert!(
                (sim * 100.0).round() <= (prev * 100.0).round(),
                "best first"
            );
            prev = sim;
            assert!(src.get("date").is_some() && src.get("place").is_some());
        }
    }
    // Each borrowed stretch lies inside passages naming its speech.
    for (stretch, from) in &draft.taken {
        let at = text
            .find(stretch.as_str())
            .map(|b| text[..b].chars().count())
            .expect("stretch in the cleaned draft");
        let len = stretch.chars().count();
        let covered = (at..at + len)
            .filter(|&i| {
                passages.iter().any(|p| {
                    p["start"].as_u64().unwrap() as usize <= i
                        && i < p["end"].as_u64().unwrap() as usize
                        && p["sources"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .any(|s| s["id"] == docs[*from].id.as_str())
                })
            })
            .count();
        assert!(
            covered * 10 >= len * 9,
            "{covered} of {len} chars of {} attributed",
            docs[*from].id
        );
    }
    // Sources: most of the draft first, both speeches among them; shares add up.
    let sources = v["sources"].as_array().unwrap();
    let ids: Vec<&str> = sources.iter().map(|s| s["id"].as_str().unwrap()).collect();
    for (_, from) in &draft.taken {
        assert!(ids.contains(&docs[*from].id.as_str()), "{ids:?}");
    }
    let shared: Vec<u64> = sources
        .iter()
        .map(|s| s["shared_chars"].as_u64().unwrap())
        .collect();
    assert!(shared.windows(2).all(|w| w[0] >= w[1]), "{shared:?}");
    let borrowed = v["draft"]["borrowed"].as_f64().unwrap();
    let own: usize = OWN.iter().map(|s| s.chars().count()).sum();
    assert!(
        borrowed > 0.5 && borrowed < 1.0 - own as f64 / tc.len() as f64 + 0.05,
        "{borrowed}"
    );
}

#[test]
fn the_text_report_puts_sources_first_and_marks_differences() {
    let tmp = tempfile::tempdir().unwrap();
    let docs = sample_docs();
    let draft = write_draft(tmp.path(), &docs);
    let out = run(bin(tmp.path()).args(["check", draft.path.to_str().unwrap()]));
    assert!(out.status.success());
    let report = String::from_utf8(out.stdout).unwrap();
    let sources = report
        .find("Sources, by how much of the draft they hold:")
        .expect(&report);
    let passages = report.find("Passages, in draft order").expect(&report);
    assert!(report.find("Borrowed: ").unwrap() < sources && sources < passages);
    assert!(!report.contains('\u{1b}'));

    let side = run(bin(tmp.path()).args([
        "check",
        draft.path.to_str().unwrap(),
        "--format",
        "side-by-side",
        "--width",
        "80",
    ]));
    assert!(side.status.success());
    let side = String::from_utf8(side.stdout).unwrap();
    assert!(
        side.lines().filter(|l| l.contains(" │ ")).count() > 4,
        "{side}"
    );
    assert!(side.lines().all(|l| unicode_width(l) <= 80), "{side}");
}

fn unicode_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

#[test]
fn a_speech_of_the_corpus_is_left_out_of_its_own_sources() {
    let tmp = tempfile::tempdir().unwrap();
    let docs = sample_docs();
    let (a, _) = (
        docs.iter()
            .position(|d| d.id.ends_with("004_3bce6aca9e0e3511.txt#3"))
            .unwrap(),
        (),
    );
    let spec = format!("{}#3", docs[a].path.display());
    let v = ok_json(bin(tmp.path()).args(["check", &spec, "--format", "json"]));
    let excluded: Vec<&str> = v["excluded"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_str().unwrap())
        .collect();
    assert_eq!(excluded, vec![docs[a].id.as_str()]);
    let sources = v["sources"].as_array().unwrap();
    assert!(!sources.is_empty(), "speech #3 shares passages with #4");
    assert!(sources.iter().all(|s| s["id"] != docs[a].id.as_str()));
}

#[test]
fn a_draft_sharing_nothing_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("own.txt");
    std::fs::write(
        &path,
        format!("一份草稿\n\n{}\n{}\n{}\n", OWN[0], OWN[1], OWN[2]),
    )
    .unwrap();
    let out = run(bin(tmp.path()).args(["check", path.to_str().unwrap()]));
    assert!(out.status.success());
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(
        report.contains("Nothing in this draft was found in the corpus"),
        "{report}"
    );
    let v = ok_json(bin(tmp.path()).args(["check", path.to_str().unwrap(), "--format", "json"]));
    assert_eq!(v["draft"]["borrowed"].as_f64(), Some(0.0));
    assert!(v["passages"].as_array().unwrap().is_empty());
}

#[test]
fn bad_input_is_one_line_and_exit_status_says_which_kind() {
    let tmp = tempfile::tempdir().unwrap();
    let empty = tmp.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let punct = tmp.path().join("punct.txt");
    std::fs::write(&punct, "。。。，，！\n——\n").unwrap();
    let no_corpus = tmp.path().join("nothing-here");
    std::fs::create_dir(&no_corpus).unwrap();
    let docs = sample_docs();
    let draft = write_draft(tmp.path(), &docs);
    let d = draft.path.to_str().unwrap();
    let cases: Vec<(Vec<&str>, i32)> = vec![
        (vec!["check", empty.to_str().unwrap()], 1),
        (vec!["check", punct.to_str().unwrap()], 1),
        (vec!["check", "/no/such/draft.txt"], 1),
        (vec!["check", d, no_corpus.to_str().unwrap()], 1),
        (vec!["check"], 2),
        (vec!["check", d, "--format", "pdf"], 2),
        (vec!["check", d, "--force"], 2),
    ];
    for (args, code) in cases {
        let out = run(bin(tmp.path()).args(&args));
        assert_eq!(
            out.status.code(),
            Some(code),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let err = String::from_utf8(out.stderr).unwrap();
        if code == 1 {
            assert!(
                err.starts_with("speechtui: ") && err.trim_end().lines().count() == 1,
                "{args:?}: {err}"
            );
        }
    }
}

#[test]
fn output_files_are_never_overwritten_without_force() {
    let tmp = tempfile::tempdir().unwrap();
    let docs = sample_docs();
    let draft = write_draft(tmp.path(), &docs);
    let d = draft.path.to_str().unwrap();
    let report = tmp.path().join("report.txt");
    let r = report.to_str().unwrap();
    assert!(run(bin(tmp.path()).args(["check", d, "-o", r]))
        .status
        .success());
    let first = std::fs::read_to_string(&report).unwrap();
    assert!(first.starts_with("Check of: "));
    let again = run(bin(tmp.path()).args(["check", d, "-o", r, "--format", "json"]));
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    assert_eq!(std::fs::read_to_string(&report).unwrap(), first);
    assert!(
        run(bin(tmp.path()).args(["check", d, "-o", r, "--format", "json", "--force"]))
            .status
            .success()
    );
    assert!(std::fs::read_to_string(&report).unwrap().starts_with('{'));
}
