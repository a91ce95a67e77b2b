//! The interactive terminal UI.

use std::path::PathBuf;

pub fn run(paths: &[PathBuf], no_cache: bool) -> anyhow::Result<()> {
    let _ = (paths, no_cache);
    anyhow::bail!("the interactive reader is not yet available")
}
