//! `speechtui list`

pub fn run(paths: &[std::path::PathBuf], format: super::Format) -> anyhow::Result<()> {
    anyhow::bail!("`list` is not yet available")
}
