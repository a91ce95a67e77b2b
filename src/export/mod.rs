//! Writing results out: the plain-text comparison report, JSON, and atomic file writes.

mod atomic;
mod json;
mod side_by_side;
mod text;

pub use atomic::{write_atomic, WriteError};
pub use json::{comparison_json, json_pretty};
pub use side_by_side::{comparison_side_by_side, DEFAULT_WIDTH, MIN_WIDTH};
pub use text::{comparison_text, default_file_name, sanitize};
