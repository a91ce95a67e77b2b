//! Writing results out: the plain-text comparison and check reports, JSON, and atomic file writes.

mod atomic;
mod check_json;
mod check_side;
mod check_text;
mod json;
mod side_by_side;
mod text;

pub use atomic::{write_atomic, WriteError};
pub use check_json::check_json;
pub use check_side::check_side_by_side;
pub use check_text::{check_file_name, check_text};
pub use json::{comparison_json, json_pretty};
pub use side_by_side::{comparison_side_by_side, DEFAULT_WIDTH, MIN_WIDTH};
pub use text::{comparison_text, default_file_name, sanitize};
