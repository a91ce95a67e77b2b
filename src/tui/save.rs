//! What the TUI saves: default file names, the comparison report and the concordance.

use std::path::Path;

use speechtui::align::{Comparison, Span};
use speechtui::corpus::Document;
use speechtui::reuse::Formula;

/// A file-name-safe form of a title: letters, digits and CJK kept; anything else (slashes,
/// spaces, quotes, controls) becomes `_`, runs collapsed; at most `max` chars.
pub fn safe_name(s: &str, max: usize) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let keep = c.is_alphanumeric() || c == '-' || c == '.';
        if keep && !c.is_control() {
            out.push(c);
        } else if !out.ends_with('_') {
            out.push('_');
        }
        if out.chars().count() >= max {
            break;
        }
    }
    let trimmed = out.trim_matches(|c| c == '_' || c == '.').to_string();
    if trimmed.is_empty() {
        "speech".to_string()
    } else {
        trimmed
    }
}

/// `<titleA>__vs__<titleB>.txt`.
pub fn default_comparison_name(a: &str, b: &str) -> String {
    format!("{}__vs__{}.txt", safe_name(a, 40), safe_name(b, 40))
}

/// `<formula>__concordance.txt`.
pub fn default_concordance_name(formula: &str) -> String {
    format!("{}__concordance.txt", safe_name(formula, 40))
}

/// The comparison as `speechtui compare --format side-by-side` prints it, at the default width
/// (a saved file is read in an editor, not at the size of this terminal).
pub fn comparison_report(a: &Document, b: &Document, cmp: &Comparison) -> String {
    speechtui::export::comparison_side_by_side(a, b, cmp, speechtui::export::DEFAULT_WIDTH)
}

/// A concordance (keyword in context) of every occurrence of a formula, as plain text, in the
/// order of `rows` (what the screen shows); the report itself is the library's.
pub fn concordance_report(docs: &[Document], f: &Formula, rows: &[(usize, Span)]) -> String {
    const CONTEXT: usize = 30;
    let hits = speechtui::reuse::history::concordance(f, docs, CONTEXT);
    let mut by_place: std::collections::HashMap<(usize, usize, usize), _> = hits
        .into_iter()
        .map(|h| ((h.doc, h.span.start, h.span.end), h))
        .collect();
    let ordered: Vec<_> = rows
        .iter()
        .filter_map(|&(d, s)| by_place.remove(&(d, s.start, s.end)))
        .collect();
    speechtui::reuse::history::concordance_report(f, docs, &ordered)
}

/// Writes `contents` to `path` atomically; with `overwrite` false an existing file is left alone
/// and reported as [`Written::Exists`].
pub fn write(path: &Path, contents: &str, overwrite: bool) -> Result<Written, String> {
    match speechtui::export::write_atomic(path, contents.as_bytes(), overwrite) {
        Ok(()) => Ok(Written::Done(
            std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()),
        )),
        Err(speechtui::export::WriteError::Exists(_)) => Ok(Written::Exists),
        Err(e) => Err(e.to_string()),
    }
}

pub enum Written {
    Done(std::path::PathBuf),
    Exists,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_safe() {
        assert_eq!(
            default_comparison_name(
                "2019年/浙江省 政府工作报告",
                "市委书记在2025年全市三级干部大会上的讲话"
            ),
            "2019年_浙江省_政府工作报告__vs__市委书记在2025年全市三级干部大会上的讲话.txt"
        );
        assert_eq!(safe_name("../../etc/passwd", 40), "etc_passwd");
        assert_eq!(safe_name("\u{1b}[31m", 40), "31m");
        assert_eq!(safe_name("“”", 40), "speech");
        assert_eq!(safe_name(&"长".repeat(100), 40).chars().count(), 40);
    }

    /// The overwrite question is only asked for a regular file: a FIFO is an error straight away,
    /// and answering yes cannot replace it either.
    #[cfg(unix)]
    #[test]
    fn the_overwrite_question_follows_the_saving_rules() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()));
        for overwrite in [false, true] {
            let err = write(&fifo, "报告", overwrite).err().expect("refused");
            assert!(err.contains("FIFO"), "{err}");
        }
        let file = dir.path().join("report.txt");
        std::fs::write(&file, "old").unwrap();
        assert!(matches!(write(&file, "报告", false), Ok(Written::Exists)));
        assert!(matches!(write(&file, "报告", true), Ok(Written::Done(_))));
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "报告");
    }
}
