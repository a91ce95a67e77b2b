//! Finding the files of a corpus: PATHs are files or folders, searched recursively in a stable
//! order. Symlink loops, unreadable folders, special files (FIFOs, sockets, devices), hidden files
//! and obviously binary file types are reported with a reason, never fatal.

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::Skipped;

/// Files to load, and paths skipped on the way.
#[derive(Debug, Default)]
pub struct Discovery {
    pub files: Vec<PathBuf>,
    pub skipped: Vec<Skipped>,
}

/// Extensions of files that are never text.
const BINARY_EXTENSIONS: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "bmp", "webp", "ico", "tif", "tiff", "pdf", "zip", "gz", "tgz",
    "bz2", "xz", "7z", "rar", "tar", "exe", "dll", "so", "dylib", "o", "a", "class", "jar", "mp3",
    "mp4", "avi", "mov", "mkv", "wav", "flac", "ogg", "woff", "woff2", "ttf", "otf", "sqlite",
    "db", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "wps",
];

/// Extensions of data files that sit beside a corpus (tables, manifests), never a page.
const DATA_EXTENSIONS: &[&str] = &[
    "tsv", "csv", "json", "jsonl", "ndjson", "yaml", "yml", "toml", "lock", "log",
];

/// Names (without extension) of the documentation files of a corpus folder.
const META_NAMES: &[&str] = &[
    "readme",
    "manifest",
    "license",
    "licence",
    "copying",
    "changelog",
    "sources",
    "notice",
    "authors",
];

/// Why a file found in a folder is not a page of the corpus, judged by its name alone.
fn name_reason(path: &Path) -> Option<String> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if let Some(ext) = ext.as_deref() {
        if BINARY_EXTENSIONS.contains(&ext) {
            return Some(format!("binary file type (.{ext})"));
        }
        if DATA_EXTENSIONS.contains(&ext) {
            return Some(format!("data file (.{ext}), not a page"));
        }
    }
    let stem = path.file_stem()?.to_str()?.to_ascii_lowercase();
    META_NAMES
        .contains(&stem.as_str())
        .then(|| "the corpus folder's documentation, not a page".to_string())
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.') && n != "." && n != "..")
}

/// A one-line reason for an I/O error.
pub fn io_reason(what: &str, err: &io::Error) -> String {
    let why = match err.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::NotFound => "not found".to_string(),
        _ => err.to_string(),
    };
    format!("{what}: {why}")
}

fn special_file_reason(ft: &std::fs::FileType) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "not a regular file (named pipe)".into();
        }
        if ft.is_socket() {
            return "not a regular file (socket)".into();
        }
        if ft.is_block_device() || ft.is_char_device() {
            return "not a regular file (device)".into();
        }
    }
    let _ = ft;
    "not a regular file".into()
}

/// Files under `paths`, in order: each PATH in the order given, folders sorted by name.
/// The same file reached twice (through a symlink, or named twice) is loaded once.
pub fn discover(paths: &[PathBuf]) -> Discovery {
    let mut d = Discovery::default();
    let mut seen = HashSet::new();
    for root in paths {
        if super::sample::embedded(root).is_some() && !root.exists() {
            d.files.push(root.clone());
            continue;
        }
        let meta = match std::fs::metadata(root) {
            Ok(m) => m,
            Err(e) => {
                let reason = if std::fs::symlink_metadata(root).is_ok() {
                    io_reason("broken or looping symbolic link", &e)
                } else {
                    io_reason("cannot open", &e)
                };
                d.skipped.push(Skipped {
                    path: root.clone(),
                    reason,
                });
                continue;
            }
        };
        if meta.is_file() {
            // Named explicitly: loaded even if hidden or oddly named; the content decides.
            add_file(&mut d, &mut seen, root.clone());
        } else if meta.is_dir() {
            walk(&mut d, &mut seen, root);
        } else {
            let reason = special_file_reason(&meta.file_type());
            d.skipped.push(Skipped {
                path: root.clone(),
                reason,
            });
        }
    }
    d
}

fn add_file(d: &mut Discovery, seen: &mut HashSet<PathBuf>, path: PathBuf) {
    let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
    if seen.insert(key) {
        d.files.push(path);
    }
}

fn walk(d: &mut Discovery, seen: &mut HashSet<PathBuf>, root: &Path) {
    let mut it = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = it.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                let path = err
                    .path()
                    .map_or_else(|| root.to_path_buf(), Path::to_path_buf);
                let reason = if let Some(ancestor) = err.loop_ancestor() {
                    format!("symbolic link loop (leads back to {})", ancestor.display())
                } else if let Some(io) = err.io_error() {
                    if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink())
                        && io.kind() == io::ErrorKind::NotFound
                    {
                        "broken symbolic link".to_string()
                    } else {
                        io_reason("cannot read", io)
                    }
                } else {
                    err.to_string()
                };
                d.skipped.push(Skipped { path, reason });
                continue;
            }
        };
        let path = entry.path();
        if entry.depth() > 0 && is_hidden(path) {
            let what = if entry.file_type().is_dir() {
                "hidden folder"
            } else {
                "hidden file"
            };
            d.skipped.push(Skipped {
                path: path.to_path_buf(),
                reason: what.into(),
            });
            if entry.file_type().is_dir() {
                it.skip_current_dir();
            }
            continue;
        }
        let ft = entry.file_type();
        if ft.is_dir() {
            continue;
        }
        if !ft.is_file() {
            d.skipped.push(Skipped {
                path: path.to_path_buf(),
                reason: special_file_reason(&ft),
            });
            continue;
        }
        if let Some(reason) = name_reason(path) {
            d.skipped.push(Skipped {
                path: path.to_path_buf(),
                reason,
            });
            continue;
        }
        add_file(d, seen, path.to_path_buf());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_reasons_are_one_line() {
        let e = io::Error::from(io::ErrorKind::PermissionDenied);
        assert_eq!(
            io_reason("cannot read", &e),
            "cannot read: permission denied"
        );
    }

    #[test]
    fn names_that_are_not_pages() {
        assert!(name_reason(Path::new("x/MANIFEST.md")).is_some());
        assert!(name_reason(Path::new("x/SOURCES.tsv"))
            .unwrap()
            .contains("data file"));
        assert!(name_reason(Path::new("x/a.PNG"))
            .unwrap()
            .contains("binary"));
        assert_eq!(
            name_reason(Path::new("x/2019_浙江省_政府工作报告.txt")),
            None
        );
        assert_eq!(name_reason(Path::new("x/readme_讲话.txt")), None);
    }

    #[test]
    fn missing_path_is_reported() {
        let d = discover(&[PathBuf::from("/nonexistent/speechtui-test")]);
        assert!(d.files.is_empty());
        assert_eq!(d.skipped[0].reason, "cannot open: not found");
    }
}
