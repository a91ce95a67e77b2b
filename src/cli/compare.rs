//! `speechtui compare`

pub fn run(
    a: &str,
    b: &str,
    format: super::Format,
    output: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    anyhow::bail!("`compare` is not yet available")
}
