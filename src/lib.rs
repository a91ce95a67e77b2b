//! speechtui core: loading, outlining, aligning and measuring reuse in Chinese official speeches.
//!
//! Nothing in this library knows about the terminal. The `speechtui` binary (CLI and TUI) is a thin
//! layer over these modules, in the way ripgrep's binary sits over its search crates.

#![warn(missing_docs)]

pub mod align;
pub mod check;
pub mod corpus;
pub mod dupes;
pub mod export;
pub mod outline;
pub mod paths;
pub mod reuse;
pub mod settings;
pub mod text;
