//! Loading a corpus: discovery, decoding, HTML to text, cleaning, speech extraction, splitting of
//! multi-speech pages and metadata.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

/// One speech, as found in a file. A file holding several speeches yields several documents.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// `path` for a file holding one speech, `path#N` (1-based) for the N-th speech of a file holding several.
    pub id: String,
    pub path: PathBuf,
    /// 1-based index of the speech inside its file, when the file holds several.
    pub part: Option<usize>,
    pub title: String,
    /// The date as the text states it, normalised to `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: Option<String>,
    /// Name of the encoding the file was decoded with (e.g. `UTF-8`, `GB18030`, `UTF-16LE`).
    pub encoding: String,
    /// The cleaned speech: what the reader shows and what is compared. Offsets everywhere are
    /// counted in Unicode scalar values of this text.
    pub text: String,
    /// The whole decoded file, chrome and all (shared by every speech of the file).
    #[serde(skip)]
    pub raw: Arc<str>,
    pub warnings: Vec<String>,
}

impl Document {
    /// Length of the cleaned text in Unicode scalar values.
    pub fn chars(&self) -> usize {
        self.text.chars().count()
    }

    /// The year of the speech, from its date.
    pub fn year(&self) -> Option<i32> {
        self.date.as_deref()?.get(..4)?.parse().ok()
    }
}

/// A file (or folder) that produced no speech, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: String,
}

/// The result of loading: every speech found, and every path skipped with its reason.
#[derive(Debug, Clone, Default, Serialize)]
pub struct LoadReport {
    pub documents: Vec<Document>,
    pub skipped: Vec<Skipped>,
}

/// Loads every speech under `paths` (files and folders, searched recursively).
/// Problems with single files never fail the whole load: they go into `skipped` or `warnings`.
pub fn load(paths: &[PathBuf]) -> LoadReport {
    let _ = paths;
    LoadReport::default()
}

/// Resolves a `DOC` argument of the command line: a file path, or `path#N` for the N-th speech.
pub fn open_doc(spec: &str) -> anyhow::Result<Document> {
    anyhow::bail!("cannot open {spec}: loading is not yet available")
}

/// Where the bundled sample corpus lives.
pub fn sample_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/sample"))
}
