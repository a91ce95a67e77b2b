//! Stand-in for `speechtui::export` until the library's report writer lands.
// TODO(merge): delete this file and use speechtui::export.

use std::path::{Path, PathBuf};

use speechtui::align::Comparison;
use speechtui::corpus::Document;

#[derive(Debug)]
pub enum WriteError {
    Exists(PathBuf),
    Io(String),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Exists(p) => write!(f, "{} already exists", p.display()),
            WriteError::Io(e) => f.write_str(e),
        }
    }
}

pub fn write_atomic(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), WriteError> {
    if !overwrite && path.exists() {
        return Err(WriteError::Exists(path.to_path_buf()));
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = dir.join(format!(".{}.tmp", std::process::id()));
    let io = |e: std::io::Error| WriteError::Io(format!("cannot write {}: {e}", path.display()));
    std::fs::write(&tmp, bytes).map_err(io)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io(e)
    })
}

pub fn comparison_text(a: &Document, b: &Document, cmp: &Comparison) -> String {
    let idx_a: Vec<char> = a.text.chars().collect();
    let idx_b: Vec<char> = b.text.chars().collect();
    let mut out = format!(
        "A: {}\nB: {}\nshared passages: {}\n\n",
        a.title,
        b.title,
        cmp.passages.len()
    );
    for p in &cmp.passages {
        let ta: String = idx_a[p.a.start..p.a.end].iter().collect();
        let tb: String = idx_b[p.b.start..p.b.end].iter().collect();
        out.push_str(&format!(
            "A {}-{}: {ta}\nB {}-{}: {tb}\n\n",
            p.a.start, p.a.end, p.b.start, p.b.end
        ));
    }
    out
}
