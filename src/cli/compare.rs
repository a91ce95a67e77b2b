//! `speechtui compare`

use anyhow::Context as _;

use speechtui::align::{self, Params};
use speechtui::{corpus, export};

/// What `compare` prints.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The report of shared passages, with `[-…-]{+…+}` lines.
    Text,
    Json,
    /// Both speeches whole in two columns, shared passages level.
    SideBySide,
}

/// What the user asked of one comparison.
pub struct Request<'a> {
    pub a: &'a std::ffi::OsStr,
    pub b: &'a std::ffi::OsStr,
    pub format: Format,
    /// Total width of the side-by-side columns.
    pub width: usize,
    pub output: Option<&'a std::path::Path>,
    /// Replace an existing output file.
    pub force: bool,
    pub min_len: Option<usize>,
    pub min_similarity: Option<f64>,
}

pub fn run(req: Request) -> anyhow::Result<()> {
    let options = corpus::LoadOptions::from_user_config()?;
    let doc_a = corpus::open_doc_os(req.a, &options)?;
    let doc_b = corpus::open_doc_os(req.b, &options)?;
    let mut params = Params::default();
    if let Some(n) = req.min_len {
        params.min_len = n;
        // Seeds longer than the shortest passage would miss it.
        params.seed_len = params.seed_len.min(n.max(2));
    }
    if let Some(s) = req.min_similarity {
        params.min_similarity = s;
    }
    let (format, output) = (req.format, req.output);
    let cmp = align::compare(&doc_a.text, &doc_b.text, &params);
    let body = match format {
        Format::Text => export::comparison_text(&doc_a, &doc_b, &cmp, &params),
        Format::SideBySide => export::comparison_side_by_side(&doc_a, &doc_b, &cmp, req.width),
        Format::Json => {
            let mut s = export::json_pretty(&export::comparison_json(&doc_a, &doc_b, &cmp))
                .context("cannot encode the comparison as JSON")?;
            s.push('\n');
            s
        }
    };
    match output {
        Some(path) => match export::write_atomic(path, body.as_bytes(), req.force) {
            Err(e @ export::WriteError::Exists(_)) => {
                anyhow::bail!("{e}; add --force to replace it")
            }
            other => other?,
        },
        None => super::output::write_stdout(&body)?,
    }
    Ok(())
}
