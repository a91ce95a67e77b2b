//! The bundled sample corpus: five scraped pages, compiled into the binary so that `speechtui`
//! without a PATH works anywhere, also for a binary copied away from its source tree.
//!
//! When the repository's `sample/` folder is on disk, it is used (paths are real files). Otherwise
//! the embedded copies are used, addressed as `sample:<file name>` (for example
//! `sample:004_3bce6aca9e0e3511.txt#2`); `open_doc` accepts that form in both cases.

use std::path::{Path, PathBuf};

/// Prefix of the virtual paths of embedded sample files.
pub const PREFIX: &str = "sample:";

/// (file name, contents) of every bundled page.
pub const FILES: &[(&str, &[u8])] = &[
    (
        "000_887235e958cf192e.txt",
        include_bytes!("../../sample/000_887235e958cf192e.txt"),
    ),
    (
        "001_7df3ece87326869a.txt",
        include_bytes!("../../sample/001_7df3ece87326869a.txt"),
    ),
    (
        "002_019269771721435d.txt",
        include_bytes!("../../sample/002_019269771721435d.txt"),
    ),
    (
        "003_fad5f05ac5c28cf9.txt",
        include_bytes!("../../sample/003_fad5f05ac5c28cf9.txt"),
    ),
    (
        "004_3bce6aca9e0e3511.txt",
        include_bytes!("../../sample/004_3bce6aca9e0e3511.txt"),
    ),
];

/// Where the sample corpus lives in the source tree.
pub fn dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/sample"))
}

/// The sample folder if it is on disk with all its files.
pub fn on_disk() -> Option<PathBuf> {
    let d = dir();
    FILES
        .iter()
        .all(|(name, _)| d.join(name).is_file())
        .then(|| d.to_path_buf())
}

/// The embedded bytes behind a `sample:<name>` path.
pub fn embedded(path: &Path) -> Option<&'static [u8]> {
    let name = path.to_str()?.strip_prefix(PREFIX)?;
    FILES.iter().find(|(n, _)| *n == name).map(|(_, b)| *b)
}

/// The virtual paths of the embedded files.
pub fn virtual_paths() -> Vec<PathBuf> {
    FILES
        .iter()
        .map(|(n, _)| PathBuf::from(format!("{PREFIX}{n}")))
        .collect()
}
