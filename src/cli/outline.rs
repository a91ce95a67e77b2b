//! `speechtui outline`

pub fn run(doc: &str, format: super::Format) -> anyhow::Result<()> {
    anyhow::bail!("`outline` is not yet available")
}
