//! `speechtui reuse`: corpus-wide boilerplate, most reused phrases, per-speech borrowed share and
//! most similar pairs, as text or JSON.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Mutex;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::json;

use speechtui::corpus::{self, Document};
use speechtui::reuse::{self, Options, Progress, ReuseReport};

pub fn run(
    paths: &[PathBuf],
    top: usize,
    format: super::Format,
    no_cache: bool,
) -> anyhow::Result<()> {
    let bar = progress_bar();
    let on_load = |p: corpus::LoadProgress| {
        if let Some(bar) = bar.lock().expect("progress lock").as_ref() {
            bar.set_length(p.total as u64);
            bar.set_position(p.done as u64);
            bar.set_message("loading");
        }
    };
    // No PATH: the loader's bundled sample corpus.
    let loaded = corpus::load_with(paths, &corpus::LoadOptions::from_user_config()?, &on_load);
    let loaded = match loaded {
        Ok(l) => l,
        Err(e) => {
            finish(&bar);
            return Err(e);
        }
    };
    if loaded.documents.is_empty() {
        finish(&bar);
        // One line: the first reason stands for the rest.
        return Err(match loaded.skipped.first() {
            Some(s) => anyhow::anyhow!(
                "no speeches found in the given paths ({} skipped; {}: {})",
                loaded.skipped.len(),
                clean(&s.path.display().to_string()),
                clean(&s.reason)
            ),
            None => anyhow::anyhow!("no speeches found in the given paths"),
        });
    }
    for s in &loaded.skipped {
        let line = format!(
            "speechtui: skipped {}: {}",
            clean(&s.path.display().to_string()),
            clean(&s.reason)
        );
        // Above the bar, never through it.
        match bar.lock().expect("progress lock").as_ref() {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }
    let docs = loaded.documents;
    let on_progress = |p: Progress| {
        if let Some(bar) = bar.lock().expect("progress lock").as_ref() {
            bar.set_length(p.total as u64);
            bar.set_position(p.done as u64);
            bar.set_message(p.stage);
        }
    };
    // Every pair the report shows is aligned by the alignment engine, not only scored by the
    // index.
    let defaults = Options::default();
    let options = Options {
        no_cache,
        aligned_pairs: defaults.aligned_pairs.max(top),
        ..defaults
    };
    let report = reuse::build(&docs, &options, &on_progress);
    finish(&bar);
    let report = report?;
    for w in &report.warnings {
        eprintln!("speechtui: warning: {}", clean(w));
    }
    let out = match format {
        super::Format::Json => {
            speechtui::export::json_pretty(&to_json(&docs, &report, top))? + "\n"
        }
        super::Format::Text => to_text(&docs, &report, top),
    };
    super::output::write_stdout(&out)
}

/// Removes the progress bar from the terminal (before any message or the report).
fn finish(bar: &Mutex<Option<ProgressBar>>) {
    if let Some(bar) = bar.lock().expect("progress lock").take() {
        bar.finish_and_clear();
    }
}

/// A progress bar on stderr, only when stderr is a terminal (never in pipes or logs).
fn progress_bar() -> Mutex<Option<ProgressBar>> {
    if !std::io::stderr().is_terminal() {
        return Mutex::new(None);
    }
    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{msg:>20} [{bar:30}] {pos}/{len}")
            .expect("valid template")
            .progress_chars("=> "),
    );
    Mutex::new(Some(bar))
}

/// Text from documents never carries control characters to the terminal.
fn clean(s: &str) -> String {
    corpus::visible_inline(s).into_owned()
}

fn years(y: Option<(i32, i32)>) -> String {
    match y {
        Some((a, b)) if a == b => a.to_string(),
        Some((a, b)) => format!("{a}–{b}"),
        None => "—".to_string(),
    }
}

pub fn to_json(docs: &[Document], report: &ReuseReport, top: usize) -> serde_json::Value {
    let documents: Vec<_> = report
        .documents
        .iter()
        .zip(docs)
        .map(|(r, d)| {
            json!({"id": r.id, "title": d.title, "reused": r.reused, "chars": r.chars,
                   "spans": r.spans.len(), "duplicate_of": d.duplicate_of})
        })
        .collect();
    let pairs: Vec<_> = report
        .pairs
        .iter()
        .take(top)
        .map(|p| {
            json!({"a": docs[p.a].id, "b": docs[p.b].id, "shared_chars": p.shared_chars,
                   "a_reused": p.a_reused, "b_reused": p.b_reused})
        })
        .collect();
    let phrases: Vec<_> = report
        .formulas
        .iter()
        .take(top)
        .map(|f| {
            json!({"text": f.text, "template": f.template, "documents": f.documents, "occurrences": f.occurrences.len(),
                   "variant_documents": f.variant_documents,
                   "years": f.years.map(|(a, b)| [a, b])})
        })
        .collect();
    json!({"documents": documents, "pairs": pairs, "phrases": phrases,
           "stats": report.stats})
}

pub fn to_text(docs: &[Document], report: &ReuseReport, top: usize) -> String {
    let mut out = String::new();
    let chars: usize = report.documents.iter().map(|d| d.chars).sum();
    let s = &report.stats;
    out += &format!(
        "{} speeches, {} characters; {} formulas shared by two or more speeches{}\n\n",
        docs.len(),
        chars,
        report.formulas.len(),
        if s.report_cached {
            " (from the cache)".to_string()
        } else {
            format!(" ({} indexed, {} from the cache)", s.indexed, s.cached)
        }
    );
    out += &format!(
        "Most reused phrases (top {top}; speeches with the exact wording, with variants)\n"
    );
    out += &format!(
        "{:>4}  {:>8}  {:>8}  {:>6}  {:<9}  phrase\n",
        "#", "speeches", "variants", "occurr", "years"
    );
    for (i, f) in report.formulas.iter().take(top).enumerate() {
        out += &format!(
            "{:>4}  {:>8}  {:>8}  {:>6}  {:<9}  {}\n",
            i + 1,
            f.documents,
            f.variant_documents,
            f.occurrences.len(),
            years(f.years),
            clean(&f.template)
        );
    }
    // A copy carries its original's share: listed once, as the original.
    let mut borrowed: Vec<_> = report
        .documents
        .iter()
        .enumerate()
        .filter(|(_, d)| d.duplicate_of.is_none())
        .collect();
    let copies = report.documents.len() - borrowed.len();
    borrowed.sort_by(|a, b| b.1.reused.total_cmp(&a.1.reused).then(a.0.cmp(&b.0)));
    out += &format!(
        "\nMost borrowed speeches (top {top}; share of the text shared with other speeches{})\n",
        if copies > 0 {
            format!("; {copies} duplicates counted with their originals")
        } else {
            String::new()
        }
    );
    for (i, d) in borrowed.into_iter().take(top) {
        out += &format!(
            "{:>6.1}%  {}  {}\n",
            d.reused * 100.0,
            clean(&d.id),
            clean(&docs[i].title)
        );
    }
    out += &format!("\nMost similar pairs (top {top}; shared characters)\n");
    for p in report.pairs.iter().take(top) {
        out += &format!(
            "{:>8}  {:>5.1}% {:>5.1}%  {}  ~  {}\n",
            p.shared_chars,
            p.a_reused * 100.0,
            p.b_reused * 100.0,
            clean(&docs[p.a].id),
            clean(&docs[p.b].id)
        );
    }
    out
}
