//! Helpers of the reuse tests: plain UTF-8 text files read as speeches, so the reuse engine is
//! tested on real text independently of corpus cleaning.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use speechtui::corpus::Document;
use speechtui::text::key::Key;

/// The first `n` `.txt` files of `dir` in name order, as speeches dated by the year their name
/// starts with (if it does).
pub fn load_txt(dir: &Path, n: usize) -> Vec<Document> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files.truncate(n);
    files
        .into_iter()
        .map(|path| {
            let raw = std::fs::read_to_string(&path).unwrap();
            let text = raw.trim_start_matches('\u{feff}').replace("\r\n", "\n");
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let year = name
                .get(..4)
                .filter(|y| y.bytes().all(|b| b.is_ascii_digit()));
            Document {
                id: path.display().to_string(),
                title: name.clone(),
                date: year.map(str::to_string),
                part: None,
                place: None,
                duplicate_of: None,
                encoding: "UTF-8".into(),
                raw: Arc::from(raw.as_str()),
                text,
                path,
                warnings: Vec::new(),
            }
        })
        .collect()
}

/// The bundled sample corpus, read as plain text.
pub fn sample() -> Vec<Document> {
    load_txt(speechtui::corpus::sample_dir(), usize::MAX)
}

/// The comparison key of each speech, as a string, for direct substring counts.
pub fn keys(docs: &[Document]) -> Vec<String> {
    docs.iter()
        .map(|d| Key::new(&d.text).chars.into_iter().collect())
        .collect()
}

/// Speeches whose comparison key contains `phrase`'s comparison key: a direct substring count.
pub fn count_docs_containing(keys: &[String], phrase: &str) -> usize {
    let needle: String = Key::new(phrase).chars.into_iter().collect();
    keys.iter().filter(|k| k.contains(&needle)).count()
}

/// The text of `span` (in chars) of `text`.
pub fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// `check::prepare` of `corpus` with no cache at all: the reuse report and source index built
/// from scratch, as a cold check does.
pub fn prepared_without_cache(corpus: &[Document]) -> speechtui::check::Prepared {
    speechtui::check::prepare(
        corpus,
        &speechtui::reuse::Options {
            no_cache: true,
            ..speechtui::reuse::Options::default()
        },
    )
    .unwrap()
}
