//! `speechtui check`: every passage of a draft found in the corpus, with its sources.

use std::path::{Path, PathBuf};

use anyhow::Context as _;

use speechtui::check::{self, Check};
use speechtui::corpus::{self, Document};
use speechtui::{export, reuse};

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckFormat {
    Text,
    Json,
    SideBySide,
}

pub struct Request<'a> {
    pub draft: &'a std::ffi::OsStr,
    pub paths: &'a [PathBuf],
    pub format: CheckFormat,
    pub output: Option<&'a Path>,
    pub force: bool,
    pub width: usize,
    pub no_cache: bool,
}

/// The draft, the corpus and the check of one against the other.
pub struct Loaded {
    pub draft: Document,
    pub docs: Vec<Document>,
    pub check: Check,
}

/// Opens the draft and the corpus and checks one against the other (shared with `--check`).
pub fn load(draft: &std::ffi::OsStr, paths: &[PathBuf], no_cache: bool) -> anyhow::Result<Loaded> {
    let options = corpus::LoadOptions::from_user_config()?;
    let draft = corpus::open_doc_os(draft, &options)?;
    if speechtui::text::key::Key::new(&draft.text).is_empty() {
        anyhow::bail!(
            "{}: no speech text in the draft (nothing but punctuation or spaces)",
            corpus::visible_inline(&draft.id)
        );
    }
    let loaded = corpus::load_with(paths, &options, &|_| {})?;
    for s in &loaded.skipped {
        eprintln!(
            "speechtui: skipped {}: {}",
            corpus::visible_inline(&s.path.display().to_string()),
            corpus::visible_inline(&s.reason)
        );
    }
    if loaded.documents.is_empty() {
        anyhow::bail!("no speeches found in the given paths: nothing to check against");
    }
    let docs = loaded.documents;
    let prepared = check::prepare(
        &docs,
        &reuse::Options {
            no_cache,
            ..reuse::Options::default()
        },
    )?;
    let check = check::check(&draft.text, &docs, &prepared, &check::Options::default());
    Ok(Loaded { draft, docs, check })
}

pub fn run(req: Request) -> anyhow::Result<()> {
    let Loaded { draft, docs, check } = load(req.draft, req.paths, req.no_cache)?;
    let body = match req.format {
        CheckFormat::Text => export::check_text(&draft, &docs, &check),
        CheckFormat::SideBySide => export::check_side_by_side(&draft, &docs, &check, req.width),
        CheckFormat::Json => {
            let mut s = export::json_pretty(&export::check_json(&draft, &docs, &check))
                .context("cannot encode the check as JSON")?;
            s.push('\n');
            s
        }
    };
    match req.output {
        Some(path) => match export::write_atomic(path, body.as_bytes(), req.force) {
            Err(e @ export::WriteError::Exists(_)) => {
                anyhow::bail!("{e}; add --force to replace it")
            }
            other => other?,
        },
        None => {
            use std::io::Write as _;
            let mut out = std::io::stdout().lock();
            if let Err(e) = out.write_all(body.as_bytes()).and_then(|()| out.flush()) {
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    return Err(e).context("cannot write to standard output");
                }
            }
        }
    }
    Ok(())
}
