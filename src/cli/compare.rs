//! `speechtui compare`

use anyhow::Context as _;

use speechtui::align::{self, Params};
use speechtui::{corpus, export};

pub fn run(
    a: &str,
    b: &str,
    format: super::Format,
    output: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    let doc_a = corpus::open_doc(a)?;
    let doc_b = corpus::open_doc(b)?;
    let params = Params::default();
    let cmp = align::compare(&doc_a.text, &doc_b.text, &params);
    let body = match format {
        super::Format::Text => export::comparison_text(&doc_a, &doc_b, &cmp, &params),
        super::Format::Json => {
            let mut s = export::json_pretty(&export::comparison_json(&doc_a, &doc_b, &cmp))
                .context("cannot encode the comparison as JSON")?;
            s.push('\n');
            s
        }
    };
    match output {
        Some(path) => export::write_atomic(path, body.as_bytes(), false)?,
        None => {
            use std::io::Write as _;
            let mut out = std::io::stdout().lock();
            if let Err(e) = out.write_all(body.as_bytes()).and_then(|()| out.flush()) {
                // A closed pipe (`| head`) is not a failure of the comparison.
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    return Err(e).context("cannot write to standard output");
                }
            }
        }
    }
    Ok(())
}
