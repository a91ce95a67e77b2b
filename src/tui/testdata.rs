//! Real seed text for the TUI's tests: the bundled sample corpus.

use std::path::Path;

use speechtui::corpus::{Document, LoadReport};

pub fn sample_dir() -> &'static Path {
    speechtui::corpus::sample_dir()
}

/// The sample corpus as the loader reads it.
pub fn sample() -> LoadReport {
    let report = speechtui::corpus::load(&[sample_dir().to_path_buf()]);
    if !report.documents.is_empty() {
        return report;
    }
    // TODO(merge): the loader is not on main yet; read the files plainly until it is.
    let mut documents = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(sample_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for path in paths {
        let raw = std::fs::read_to_string(&path).unwrap();
        let (title, text) = raw.split_once('\n').unwrap_or((&raw, ""));
        documents.push(Document {
            id: path.display().to_string(),
            path: path.clone(),
            part: None,
            title: title.trim().to_string(),
            date: None,
            encoding: "UTF-8".into(),
            text: text.replace("\r\n", "\n"),
            raw: raw.as_str().into(),
            warnings: Vec::new(),
        });
    }
    LoadReport {
        documents,
        skipped: Vec::new(),
    }
}

/// Index of the sample speech loaded from the file whose name starts with `prefix`.
pub fn doc_by_file(docs: &[Document], prefix: &str) -> usize {
    docs.iter()
        .position(|d| {
            d.path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("no sample file {prefix}*"))
}

/// Selects speech `doc` in the library (clearing any filter).
pub fn select_in_library(app: &mut super::app::App, doc: usize) {
    let pos = app.library.rows.iter().position(|&d| d == doc).unwrap();
    app.library.list.selected = pos;
}
