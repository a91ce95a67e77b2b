//! The section hierarchy of a speech: 一、 / （一） / 1. / （1） / 第一个问题 / 第一， / 第一部分 …

use serde::Serialize;

/// One section (or inline point) of a speech.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// 1 = top level. Derived from the nesting order in the speech itself.
    pub level: u8,
    /// The marker as written, e.g. `一、`, `（二）`, `3.`, `第一个问题`.
    pub marker: String,
    /// The lead sentence or title of the section, without the marker.
    pub heading: String,
    /// Start (at the marker) and end of the section, in chars of the cleaned text.
    pub start: usize,
    pub end: usize,
    /// An inline enumeration inside a paragraph (`一是…二是…`): the lowest level.
    pub point: bool,
}

/// The outline of one speech, sections in document order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Outline {
    pub sections: Vec<Section>,
}

/// Finds the sections of a cleaned speech text.
pub fn outline(text: &str) -> Outline {
    let _ = text;
    Outline::default()
}
