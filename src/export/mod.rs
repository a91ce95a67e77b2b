//! Writing results out: the plain-text comparison report, JSON, and atomic file writes.

mod atomic;
mod json;
mod text;

pub use atomic::{write_atomic, WriteError};
pub use json::{comparison_json, json_pretty};
pub use text::{comparison_text, default_file_name, sanitize};
