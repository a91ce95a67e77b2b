//! `speechtui reuse`

pub fn run(
    paths: &[std::path::PathBuf],
    top: usize,
    format: super::Format,
    no_cache: bool,
) -> anyhow::Result<()> {
    anyhow::bail!("`reuse` is not yet available")
}
