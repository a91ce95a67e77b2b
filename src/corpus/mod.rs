//! Loading a corpus: discovery, decoding, HTML to text, cleaning, speech extraction, splitting of
//! multi-speech pages and metadata.
//!
//! `load` / `load_with` turn PATHs (files and folders) into a [`LoadReport`]: every speech found,
//! in a stable order (by path, then by part), and every file skipped with its reason. Files are
//! processed in parallel. No problem with a single file fails the load.

// Only what the binary, the tests, the benches and the fuzz targets use is public; the steps
// of the pipeline are the module's own.
pub mod clean;
mod decode;
mod discover;
mod extract;
mod glosses;
mod html;
mod lines;
mod meta;
mod pagebreak;
pub mod patterns;
pub mod place;
pub mod process;
pub mod sample;
pub mod shape;
pub mod spec;
mod split;
mod watermark;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use rayon::prelude::*;
use serde::{Serialize, Serializer};

pub use crate::text::safety::{visible_inline, visible_text};
pub use patterns::ChromePatterns;
pub use spec::BadDocSpec;

fn lossy_path<S: Serializer>(path: &Path, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&path.to_string_lossy())
}

/// One speech, as found in a file. A file holding several speeches yields several documents.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// `path` for a file holding one speech, `path#N` (1-based) for the N-th speech of a file holding several.
    pub id: String,
    /// The file the speech was found in.
    #[serde(serialize_with = "lossy_path")]
    pub path: PathBuf,
    /// 1-based index of the speech inside its file, when the file holds several.
    pub part: Option<usize>,
    /// The speech's title, from its text, the page's title or the file name.
    pub title: String,
    /// The date as the text states it, normalised to `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: Option<String>,
    /// The province, city or county the speech belongs to (`浙江省`, `长沙市`; `全国` for national
    /// speeches), from its title, its first lines or its file name.
    pub place: Option<String>,
    /// The id of the speech this one copies (same text, or ≥ 95% of both in one alignment), set by
    /// [`load_with`]; `None` for an original. See [`crate::dupes`].
    pub duplicate_of: Option<String>,
    /// Name of the encoding the file was decoded with (e.g. `UTF-8`, `GB18030`, `UTF-16LE`).
    pub encoding: String,
    /// The cleaned speech: what the reader shows and what is compared. Offsets everywhere are
    /// counted in Unicode scalar values of this text.
    pub text: String,
    /// The whole decoded file, chrome and all (shared by every speech of the file).
    #[serde(skip)]
    pub raw: Arc<str>,
    /// What the loader noticed and could not fix (one line each), for the load report.
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
    /// The path as given or found.
    #[serde(serialize_with = "lossy_path")]
    pub path: PathBuf,
    /// Why it gave no speech, in one line.
    pub reason: String,
}

/// The result of loading: every speech found, and every path skipped with its reason.
#[derive(Debug, Clone, Default, Serialize)]
pub struct LoadReport {
    /// The speeches, by path then by part.
    pub documents: Vec<Document>,
    /// The paths that gave none, with their reasons.
    pub skipped: Vec<Skipped>,
}

/// Options of a load.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Extra page-chrome patterns (regular expressions over one line), on top of the built-in list.
    pub chrome_patterns: Vec<String>,
    /// Files larger than this are skipped.
    pub max_file_bytes: u64,
}

impl LoadOptions {
    /// The defaults plus the user's own chrome patterns from
    /// `<config dir>/speechtui/chrome-patterns.txt` (one regular expression per line; blank lines
    /// and lines starting with `#` are ignored). A missing file is no error.
    pub fn from_user_config() -> anyhow::Result<Self> {
        let mut options = LoadOptions::default();
        if let Some(path) = user_patterns_file() {
            match std::fs::read_to_string(&path) {
                Ok(text) => options.chrome_patterns = parse_pattern_list(&text),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => anyhow::bail!(
                    "cannot read {}: {e}",
                    visible_inline(&path.to_string_lossy())
                ),
            }
        }
        Ok(options)
    }
}

/// Where the user's chrome patterns live: `<config dir>/speechtui/chrome-patterns.txt`.
pub fn user_patterns_file() -> Option<PathBuf> {
    Some(crate::paths::config_dir()?.join("chrome-patterns.txt"))
}

/// One pattern per line; blank lines and `#` comments ignored.
pub fn parse_pattern_list(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            chrome_patterns: Vec::new(),
            max_file_bytes: 128 * 1024 * 1024,
        }
    }
}

/// Progress of a load, reported after each file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadProgress {
    /// Files processed so far.
    pub done: usize,
    /// Files to process in all.
    pub total: usize,
}

/// Loads every speech under `paths` (files and folders, searched recursively); with no paths, the
/// bundled sample corpus. Problems with single files never fail the whole load: they go into
/// `skipped` or `warnings`.
pub fn load(paths: &[PathBuf]) -> LoadReport {
    load_with(paths, &LoadOptions::default(), &|_| {})
        .expect("the built-in chrome patterns compile")
}

/// The user's chrome patterns compiled, or `None` for the built-in ones.
fn custom_patterns(options: &LoadOptions) -> anyhow::Result<Option<ChromePatterns>> {
    if options.chrome_patterns.is_empty() {
        return Ok(None);
    }
    ChromePatterns::new(&options.chrome_patterns)
        .map(Some)
        .map_err(|e| anyhow::anyhow!("invalid chrome pattern: {e}"))
}

/// [`load`] with options, calling `progress` after each file (from worker threads).
/// Fails only if a user-supplied chrome pattern does not compile.
pub fn load_with(
    paths: &[PathBuf],
    options: &LoadOptions,
    progress: &(dyn Fn(LoadProgress) + Sync),
) -> anyhow::Result<LoadReport> {
    let custom = custom_patterns(options)?;
    let patterns = custom.as_ref().unwrap_or_else(|| ChromePatterns::builtin());
    let discovery = if paths.is_empty() {
        match sample::on_disk() {
            Some(dir) => discover::discover(&[dir]),
            None => discover::Discovery {
                files: sample::virtual_paths(),
                skipped: Vec::new(),
            },
        }
    } else {
        discover::discover(paths)
    };
    let total = discovery.files.len();
    let done = AtomicUsize::new(0);
    progress(LoadProgress { done: 0, total });
    let results: Vec<(PathBuf, Result<Vec<Document>, String>)> = discovery
        .files
        .into_par_iter()
        .map(|path| {
            let result = read_file(&path, options.max_file_bytes)
                .and_then(|bytes| process::process(&path, &bytes, patterns));
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            progress(LoadProgress { done: n, total });
            (path, result)
        })
        .collect();
    let mut report = LoadReport {
        documents: Vec::new(),
        skipped: discovery.skipped,
    };
    for (path, result) in results {
        match result {
            Ok(docs) => report.documents.extend(docs),
            Err(reason) => report.skipped.push(Skipped { path, reason }),
        }
    }
    report
        .documents
        .sort_by(|a, b| a.path.cmp(&b.path).then(a.part.cmp(&b.part)));
    report.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    mark_duplicates(&mut report.documents);
    // Reasons are shown as they are (they may quote a path): make them terminal-safe here.
    for s in &mut report.skipped {
        if let std::borrow::Cow::Owned(safe) = visible_inline(&s.reason) {
            s.reason = safe;
        }
    }
    Ok(report)
}

/// Sets `duplicate_of` on every copy (see [`crate::dupes`]) and names its original in its
/// warnings, so the load report says why a speech counts as one with another.
fn mark_duplicates(docs: &mut [Document]) {
    let items: Vec<crate::dupes::Item> = docs
        .iter()
        .map(|d| crate::dupes::Item {
            text: &d.text,
            date: d.date.as_deref(),
        })
        .collect();
    let found = crate::dupes::Duplicates::find(&items);
    for i in 0..docs.len() {
        let Some(o) = found.duplicate_of(i) else {
            continue;
        };
        let original = docs[o].id.clone();
        let how = match found.copy_kind(i) {
            Some(crate::dupes::Copy::Near(share)) => {
                format!("a near-exact copy ({:.0}% in one alignment)", share * 100.0)
            }
            Some(crate::dupes::Copy::Abridged(share)) => format!(
                "an abridged copy (lies whole in the other; {:.0}% of the longer covered)",
                share * 100.0
            ),
            _ => "a copy (the same text)".to_string(),
        };
        docs[i].warnings.push(format!(
            "{how} of {}: counted once with it in shares and lists",
            visible_inline(&original)
        ));
        docs[i].duplicate_of = Some(original);
    }
}

/// The duplicate sets of a list of documents as [`load_with`] marked them, by position in the
/// list: what the reader and the reuse engine use to count a set as one speech.
pub fn duplicates(docs: &[Document]) -> crate::dupes::Duplicates {
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    let of: Vec<Option<&str>> = docs.iter().map(|d| d.duplicate_of.as_deref()).collect();
    crate::dupes::Duplicates::from_ids(&ids, &of)
}

/// The speeches in the bytes of one file (named `path` for ids and titles), with the built-in
/// chrome patterns, or why there are none. What `load` does for each file, without the disk.
pub fn documents_from_bytes(path: &Path, bytes: &[u8]) -> Result<Vec<Document>, String> {
    process::process(path, bytes, ChromePatterns::builtin())
}

/// The bytes of a file (or of an embedded sample page), refusing special files and huge files.
fn read_file(path: &Path, max: u64) -> Result<Vec<u8>, String> {
    if let Some(bytes) = sample::embedded(path) {
        return Ok(bytes.to_vec());
    }
    let meta = std::fs::metadata(path).map_err(|e| discover::io_reason("cannot open", &e))?;
    if !meta.is_file() {
        return Err("not a regular file".into());
    }
    if meta.len() > max {
        return Err(format!(
            "too large ({}; the limit is {})",
            size(meta.len()),
            size(max)
        ));
    }
    // The file may change between that look and the read (a scraper still writing it): judge the
    // handle actually read, and never read past the limit whatever it grows to.
    let read = || -> std::io::Result<Result<Vec<u8>, String>> {
        use std::io::Read as _;
        let file = std::fs::File::open(path)?;
        let meta = file.metadata()?;
        if !meta.is_file() {
            return Ok(Err("not a regular file".into()));
        }
        let mut bytes = Vec::with_capacity(meta.len().min(max) as usize);
        file.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
        if bytes.len() as u64 > max {
            return Ok(Err(format!(
                "too large (grew past the {} limit while being read)",
                size(max)
            )));
        }
        Ok(Ok(bytes))
    };
    read().map_err(|e| discover::io_reason("cannot read", &e))?
}

/// A file size for a reason: whole MB, or KB below one MB (a small limit is not "0 MB").
fn size(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{} MB", bytes / 1_000_000)
    } else {
        format!("{} KB", bytes.div_ceil(1000))
    }
}

/// Resolves a `DOC` argument of the command line: a file path, or `path#N` for the N-th speech.
/// `sample:<file name>` names a page of the bundled sample corpus.
///
/// A file that holds several speeches must be opened as `path#N`: opening it as `path` fails with
/// a one-line message naming every part, rather than picking one silently (a comparison of the
/// wrong speech would look plausible and be wrong).
/// A `DOC` that names a file but no speech of it (`file#abc`, `file#0`) fails with a
/// [`BadDocSpec`] (a usage error). See [`open_doc_os`] for non-UTF-8 names.
pub fn open_doc(spec: &str) -> anyhow::Result<Document> {
    open_doc_os(spec.as_ref(), &LoadOptions::default())
}

/// [`open_doc`] with load options (the user's chrome patterns, the size limit).
pub fn open_doc_with(spec: &str, options: &LoadOptions) -> anyhow::Result<Document> {
    open_doc_os(spec.as_ref(), options)
}

/// [`open_doc_with`] for an OS string, as the command line gives it: a non-UTF-8 (e.g. GBK) file
/// name opens like any other.
pub fn open_doc_os(spec: &std::ffi::OsStr, options: &LoadOptions) -> anyhow::Result<Document> {
    let exists = |p: &Path| p.exists() || sample::embedded(p).is_some();
    let (path, part) = spec::parse_doc_spec(spec, exists)?;
    let shown = visible_inline(&path.to_string_lossy()).into_owned();
    let custom = custom_patterns(options)?;
    let patterns = custom.as_ref().unwrap_or_else(|| ChromePatterns::builtin());
    let bytes = read_file(&path, options.max_file_bytes)
        .map_err(|reason| anyhow::anyhow!("{shown}: {reason}"))?;
    let mut docs = process::process(&path, &bytes, patterns)
        .map_err(|reason| anyhow::anyhow!("{shown}: {reason}"))?;
    match part {
        None if docs.len() == 1 => Ok(docs.remove(0)),
        None => {
            let parts: Vec<String> = docs
                .iter()
                .map(|d| format!("#{} {}", d.part.unwrap_or(0), visible_inline(&d.title)))
                .collect();
            anyhow::bail!(
                "{shown} holds {} speeches; name one as {shown}#N: {}",
                docs.len(),
                parts.join("; ")
            )
        }
        Some(n) if n <= docs.len() => Ok(docs.swap_remove(n - 1)),
        Some(n) => anyhow::bail!(
            "{shown}#{n}: the file holds {} speech{}",
            docs.len(),
            if docs.len() == 1 { "" } else { "es" }
        ),
    }
}

/// Where the bundled sample corpus lives in the source tree (see [`sample`] for the embedded copy).
pub fn sample_dir() -> &'static Path {
    sample::dir()
}
