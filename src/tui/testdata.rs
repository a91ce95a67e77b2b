//! Real seed text for the TUI's tests: the bundled sample corpus.

use std::path::Path;

use speechtui::corpus::{Document, LoadReport};

pub fn sample_dir() -> &'static Path {
    speechtui::corpus::sample_dir()
}

/// The sample corpus as the loader reads it.
pub fn sample() -> LoadReport {
    // Relative to the crate root (the tests' working directory), so that ids and paths on screen
    // are the same on every checkout.
    speechtui::corpus::load(&[std::path::PathBuf::from("sample")])
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

/// The two sample speeches that share the most passages (parts 3 and 4 of the multi-speech
/// page 004): the pair the comparison tests use.
pub fn richest_pair(docs: &[Document]) -> (usize, usize) {
    let find = |end: &str| {
        docs.iter()
            .position(|d| d.id.ends_with(end))
            .unwrap_or_else(|| panic!("no sample speech {end}"))
    };
    (
        find("004_3bce6aca9e0e3511.txt#3"),
        find("004_3bce6aca9e0e3511.txt#4"),
    )
}

/// Builds the reuse index of the loaded speeches (no disk cache) and hands it to the app.
pub fn index(app: &mut super::app::App) {
    let options = speechtui::reuse::Options {
        no_cache: true,
        ..Default::default()
    };
    let report = speechtui::reuse::build(&app.docs, &options, &|_| {});
    super::update::update(
        app,
        super::app::Action::Indexed(
            report
                .map(|r| Box::new(super::app::ReuseIndex::new(r, &app.docs)))
                .map_err(|e| e.to_string()),
        ),
    );
}
