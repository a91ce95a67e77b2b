//! The bottom layer: the vocabulary every other module speaks about text.
//!
//! - [`Span`]: a range of a cleaned text, in chars (serde both ways), and [`slice()`];
//! - [`fold`]: the character-for-character fold (Traditional → Simplified, full → half width);
//! - [`key`]: the comparison key with its offset map back to the cleaned text;
//! - [`search`]: the one folded search (library filter, reader search, formula lookup);
//! - [`cjk`]: what counts as a Chinese character, and Chinese/Arabic number parsing;
//! - [`safety`]: the one terminal-safety policy, with its named renderings (strip / visible /
//!   picture);
//! - [`punct`]: the punctuation classes behind line breaking and passage boundaries;
//! - [`width`]: display width and the one truncator, measured on the picture rendering.
//!
//! This module imports nothing from the rest of the crate: everything above may use it.

pub mod cjk;
pub mod fold;
pub mod key;
pub mod punct;
pub mod safety;
pub mod search;
mod span;
pub mod width;

pub use cjk::{is_cjk, parse_number};
pub use span::{slice, Span};
