//! The vocabulary of a page's lines, shared by extraction, splitting, metadata and watermark
//! removal: what a line is and what kind of line it is.

use std::ops::Range;

use super::patterns::ChromeKind;

/// The class of one line of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Blank,
    /// No Chinese character at all: numbers, stray punctuation, URLs.
    Junk,
    Chrome(ChromeKind),
    /// `第N篇：title` of a page that collects several speeches.
    Marker {
        n: usize,
        title: String,
    },
    Content,
}

/// One line of a page, cleaned of inline debris.
#[derive(Debug, Clone)]
pub struct Line {
    pub text: String,
    pub kind: Kind,
    /// Chinese characters (CJK ideographs) in the line.
    pub cjk: usize,
    /// The line carried a `标题:` label (the label is gone from `text`).
    pub labelled_title: bool,
}

/// A page after extraction.
#[derive(Debug, Clone)]
pub struct Page {
    pub lines: Vec<Line>,
    /// The speech (or speeches), as a range of `lines`.
    pub body: Range<usize>,
    pub warnings: Vec<String>,
}
