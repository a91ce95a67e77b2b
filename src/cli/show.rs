//! `speechtui show`

pub fn run(doc: &str, raw: bool) -> anyhow::Result<()> {
    anyhow::bail!("`show` is not yet available")
}
