//! Duplicates and places on real reports: the twins of `../shared/corpus-extra` (the 2000/2001
//! 河南 report, the GBK re-encodings, the 国务院 reports also taken from Wikisource) are marked
//! `duplicate_of` their original and counted once by the reuse engine; every report knows its
//! province. Tests needing corpus-extra say SKIPPED when it is absent.

use std::path::{Path, PathBuf};
use std::process::Command;

use speechtui::corpus::{self, Document};

fn extra() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus-extra");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("SKIPPED: {} (corpus-extra not found)", dir.display());
        None
    }
}

fn by_file<'a>(docs: &'a [Document], name: &str) -> &'a Document {
    docs.iter()
        .find(|d| d.path.file_name().is_some_and(|f| f == name))
        .unwrap_or_else(|| panic!("{name} not loaded"))
}

#[test]
fn list_json_carries_place_and_duplicate_of() {
    let out = Command::new(env!("CARGO_BIN_EXE_speechtui"))
        .args(["list", "--format", "json"])
        .arg(corpus::sample_dir())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 9);
    for d in docs {
        // The sample is anonymised (全市, X区): no place, and no speech copies another.
        assert!(d.get("place").is_some_and(|p| p.is_null()), "{d}");
        assert!(d.get("duplicate_of").is_some_and(|p| p.is_null()), "{d}");
    }
}

#[test]
fn a_copy_in_the_corpus_is_named_in_list_and_json() {
    let tmp = tempfile::tempdir().unwrap();
    let src = corpus::sample_dir().join("003_fad5f05ac5c28cf9.txt");
    std::fs::copy(&src, tmp.path().join("a_2025.txt")).unwrap();
    // The same speech re-typeset: half-width punctuation, other line breaks.
    let text = std::fs::read_to_string(&src).unwrap();
    std::fs::write(
        tmp.path().join("b_copy.txt"),
        text.replace('，', ",").replace('。', ".\n"),
    )
    .unwrap();
    let run = |format: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_speechtui"))
            .args(["list", "--format", format])
            .arg(tmp.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8(out.stdout).unwrap()
    };
    let v: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs[0]["duplicate_of"], serde_json::Value::Null);
    assert_eq!(docs[1]["duplicate_of"], docs[0]["id"]);
    let text = run("text");
    assert!(text.contains("a copy (the same text) of"), "{text}");
    assert!(
        text.contains("1 duplicate of other speeches (marked !), 1 distinct"),
        "{text}"
    );
}

#[test]
fn twins_of_corpus_extra_are_marked_and_counted_once() {
    let Some(dir) = extra() else { return };
    let report = corpus::load(&[dir]);
    let docs = &report.documents;
    let henan_2000 = by_file(docs, "2000_河南省_政府工作报告.txt");
    let henan_2001 = by_file(docs, "2001_河南省_政府工作报告.txt");
    // The earlier dated one is the original.
    assert_eq!(henan_2000.duplicate_of, None);
    assert_eq!(
        henan_2001.duplicate_of.as_deref(),
        Some(henan_2000.id.as_str())
    );
    // Every GBK fixture is one set with its UTF-8 source.
    for d in docs
        .iter()
        .filter(|d| d.path.to_string_lossy().contains("/gbk/"))
    {
        let twins: Vec<&Document> = docs
            .iter()
            .filter(|o| {
                o.id != d.id
                    && (o.duplicate_of.as_deref() == Some(d.id.as_str())
                        || d.duplicate_of.as_deref() == Some(o.id.as_str())
                        || (o.duplicate_of.is_some() && o.duplicate_of == d.duplicate_of))
            })
            .collect();
        assert!(!twins.is_empty(), "{} has no twin", d.id);
    }
    let dupes = corpus::duplicates(docs);
    let copies = docs.len() - dupes.distinct();
    // 7 GBK fixtures, 河南 2001, and the 国务院 reports held twice: a handful, not hundreds.
    assert!((8..=40).contains(&copies), "{copies} copies");
    // A different year of the same province is never a copy.
    let zj = by_file(docs, "2019_浙江省_政府工作报告.txt");
    assert_eq!(zj.duplicate_of, None);
    assert!(docs
        .iter()
        .all(|d| d.duplicate_of.as_deref() != Some(zj.id.as_str())));

    // The reuse engine: no pair inside a set, no twin topping the borrowed list at 100%.
    let reuse = speechtui::reuse::build(
        docs,
        &speechtui::reuse::Options {
            no_cache: true,
            ..Default::default()
        },
        &|_| {},
    )
    .unwrap();
    for p in &reuse.pairs {
        assert!(
            !dupes.same_speech(p.a, p.b),
            "{} ~ {}",
            docs[p.a].id,
            docs[p.b].id
        );
    }
    let i2001 = docs.iter().position(|d| d.id == henan_2001.id).unwrap();
    let i2000 = dupes.original(i2001);
    assert_eq!(reuse.documents[i2001].duplicate_of, Some(i2000));
    assert!(
        reuse.documents[i2000].reused < 0.9,
        "{}",
        reuse.documents[i2000].reused
    );
    let mut borrowed: Vec<&speechtui::reuse::DocReuse> = reuse
        .documents
        .iter()
        .filter(|d| d.duplicate_of.is_none())
        .collect();
    borrowed.sort_by(|a, b| b.reused.total_cmp(&a.reused));
    for d in borrowed.iter().take(5) {
        eprintln!("most borrowed: {:.3} {}", d.reused, d.id);
    }
    // Reports held twice (国务院 in both collections, 河南 2000/2001) no longer borrow all their
    // text from their twin. (NPC resolutions are boilerplate through and through: left aside.)
    for d in &borrowed {
        if d.id.contains("政府工作报告") && !d.id.contains("决议") {
            assert!(d.reused < 0.99, "{} borrows {}", d.id, d.reused);
        }
    }
    for f in &reuse.formulas {
        assert!(f.occurrences.iter().all(|o| !dupes.is_duplicate(o.doc)));
    }
}

#[test]
fn reports_know_their_province_without_the_file_name() {
    let Some(dir) = extra() else { return };
    let gov = dir.join("gov-work-reports");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&gov)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let (mut right, mut wrong, mut none) = (0, Vec::new(), 0);
    for path in files.iter().step_by(4) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let issuer = name.split('_').nth(1).unwrap();
        let bytes = std::fs::read(path).unwrap();
        let doc = corpus::documents_from_bytes(path, &bytes)
            .unwrap()
            .remove(0);
        // The title and the first lines only: a neutral file name.
        let found = corpus::place::find_place(&doc.title, &doc.text, Path::new("report.txt"));
        let expected = if issuer == "国务院" {
            "全国"
        } else {
            issuer
        };
        match found.as_deref() {
            Some(p) if p == expected || p.starts_with(expected) => right += 1,
            Some(p) => wrong.push(format!("{name}: {p}")),
            None => none += 1,
        }
        // With its file name, every report has its place.
        assert!(doc.place.is_some(), "{name}");
    }
    let total = right + wrong.len() + none;
    eprintln!(
        "place from title and first lines: {right}/{total} right, {} wrong, {none} not found",
        wrong.len()
    );
    assert!(wrong.len() * 50 <= total, "{wrong:?}");
    assert!(right * 10 >= total * 7, "{right}/{total}");
}
