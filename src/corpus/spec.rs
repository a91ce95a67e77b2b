//! The `DOC` argument of the command line: a file path, or `path#N` for the N-th speech of a file
//! holding several. Handled as an OS string from end to end: Chinese corpora often have file names
//! in GBK, which are not UTF-8 and must still open.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

/// A `DOC` argument that names a file but no speech of it (`file#abc`, `file#0`): a usage error,
/// which the command line reports as such (exit 2), not as a missing file.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct BadDocSpec(pub String);

/// Splits a `DOC` argument into a path and an optional 1-based part. A file whose name really
/// contains `#…` wins over the part syntax; `exists` says whether a path names a file.
pub fn parse_doc_spec(
    spec: &OsStr,
    exists: impl Fn(&Path) -> bool,
) -> Result<(PathBuf, Option<usize>), BadDocSpec> {
    if exists(Path::new(spec)) {
        return Ok((PathBuf::from(spec), None));
    }
    let Some((path, part)) = split_last_hash(spec) else {
        return Ok((PathBuf::from(spec), None));
    };
    let shown = super::visible_inline(&Path::new(&path).to_string_lossy()).into_owned();
    let part = part.to_string_lossy();
    match part.parse::<usize>() {
        Ok(0) => Err(BadDocSpec(format!(
            "{shown}#0: speeches are numbered from 1"
        ))),
        Ok(n) => Ok((PathBuf::from(path), Some(n))),
        // `#` followed by something else: a mistyped part of a file that exists, or a file name
        // that holds `#` and does not exist (then the "not found" that follows is the answer).
        Err(_) if exists(Path::new(&path)) => Err(BadDocSpec(format!(
            "{shown}#{}: after # comes the number of a speech in the file (#1, #2, …)",
            super::visible_inline(&part)
        ))),
        Err(_) => Ok((PathBuf::from(spec), None)),
    }
}

/// `a#b#c` → (`a#b`, `c`), on the raw bytes of the name where the platform has them.
fn split_last_hash(spec: &OsStr) -> Option<(OsString, OsString)> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt as _;
        let bytes = spec.as_bytes();
        let at = bytes.iter().rposition(|&b| b == b'#')?;
        Some((
            OsStr::from_bytes(&bytes[..at]).to_os_string(),
            OsStr::from_bytes(&bytes[at + 1..]).to_os_string(),
        ))
    }
    #[cfg(not(unix))]
    {
        let s = spec.to_str()?;
        let (a, b) = s.rsplit_once('#')?;
        Some((a.into(), b.into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(spec: &str, files: &[&str]) -> Result<(PathBuf, Option<usize>), String> {
        parse_doc_spec(OsStr::new(spec), |p| {
            files.iter().any(|f| Path::new(f) == p)
        })
        .map_err(|e| e.0)
    }

    #[test]
    fn parts_and_mistakes() {
        let files = ["a/讲话.txt", "b/第#1号.txt"];
        assert_eq!(
            parse("a/讲话.txt#2", &files),
            Ok((PathBuf::from("a/讲话.txt"), Some(2)))
        );
        assert_eq!(
            parse("a/讲话.txt", &files),
            Ok((PathBuf::from("a/讲话.txt"), None))
        );
        // A name that holds `#N` itself.
        assert_eq!(
            parse("b/第#1号.txt", &files),
            Ok((PathBuf::from("b/第#1号.txt"), None))
        );
        let err = parse("a/讲话.txt#abc", &files).unwrap_err();
        assert!(err.contains("#abc: after # comes the number"), "{err}");
        let err = parse("a/讲话.txt#0", &files).unwrap_err();
        assert!(err.contains("numbered from 1"), "{err}");
        // A missing file with `#x`: left whole, for "not found" to name it.
        assert_eq!(
            parse("c/无.txt#x", &files),
            Ok((PathBuf::from("c/无.txt#x"), None))
        );
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_names_keep_their_bytes() {
        use std::os::unix::ffi::OsStrExt as _;
        // 讲话 in GBK.
        let name = OsStr::from_bytes(b"\xbd\xb2\xbb\xb0.txt#3");
        let (path, part) = parse_doc_spec(name, |_| false).unwrap();
        assert_eq!(path.as_os_str().as_bytes(), b"\xbd\xb2\xbb\xb0.txt");
        assert_eq!(part, Some(3));
    }
}
