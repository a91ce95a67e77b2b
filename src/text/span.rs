//! The text range type shared by alignment, reuse, export and the TUI.

use serde::{Deserialize, Serialize};

/// A range of a cleaned text, in Unicode scalar values, end exclusive.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// First char of the range.
    pub start: usize,
    /// One past the last char of the range.
    pub end: usize,
}

impl Span {
    /// Number of chars in the range (0 for an empty or inverted range).
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    /// Whether the range holds no char.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// The cleaned text of `span` in `text` (char offsets); a span past the end is cut at the end.
pub fn slice(text: &str, span: Span) -> &str {
    let mut it = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()));
    let start = it.nth(span.start).unwrap_or(text.len());
    let end = if span.end > span.start {
        it.nth(span.end - span.start - 1).unwrap_or(text.len())
    } else {
        start
    };
    &text[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_by_chars() {
        let t = "各位代表：现在，我代表国务院";
        assert_eq!(slice(t, Span { start: 5, end: 7 }), "现在");
        assert_eq!(slice(t, Span { start: 12, end: 99 }), "务院");
        assert_eq!(slice(t, Span { start: 3, end: 3 }), "");
    }

    #[test]
    fn serde_round_trip() {
        let s = Span { start: 3, end: 17 };
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, r#"{"start":3,"end":17}"#);
        assert_eq!(serde_json::from_str::<Span>(&json).unwrap(), s);
    }
}
