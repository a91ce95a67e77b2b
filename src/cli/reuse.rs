//! `speechtui reuse`: corpus-wide boilerplate, most reused phrases, per-speech borrowed share and
//! most similar pairs, as text or JSON.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Mutex;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::json;

use speechtui::corpus::{self, Document};
use speechtui::reuse::{self, Formula, Kind, Options, Progress, ReuseReport};

pub fn run(
    paths: &[PathBuf],
    top: usize,
    kind: Option<Kind>,
    format: super::Format,
    no_cache: bool,
) -> anyhow::Result<()> {
    let (docs, report) = load_and_build(paths, no_cache, top)?;
    let out = match format {
        super::Format::Json => {
            speechtui::export::json_pretty(&to_json(&docs, &report, top, kind))? + "\n"
        }
        super::Format::Text => to_text(&docs, &report, top, kind),
    };
    super::output::write_stdout(&out)
}

/// Loads the corpus at `paths` (the bundled sample when empty) and builds its reuse report, with
/// a progress bar on a terminal; skipped files and warnings go to stderr. The `aligned` strongest
/// pairs get the alignment engine's figures.
pub fn load_and_build(
    paths: &[PathBuf],
    no_cache: bool,
    aligned: usize,
) -> anyhow::Result<(Vec<Document>, ReuseReport)> {
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
        aligned_pairs: defaults.aligned_pairs.max(aligned),
        ..defaults
    };
    let report = reuse::build(&docs, &options, &on_progress);
    finish(&bar);
    let report = report?;
    for w in &report.warnings {
        eprintln!("speechtui: warning: {}", clean(w));
    }
    Ok((docs, report))
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

pub fn to_json(
    docs: &[Document],
    report: &ReuseReport,
    top: usize,
    kind: Option<Kind>,
) -> serde_json::Value {
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
    let phrases: Vec<_> = by_kind(report, top, kind)
        .into_iter()
        .flat_map(|(_, ids)| ids)
        .map(|i| phrase_json(docs, &report.formulas[i]))
        .collect();
    json!({"documents": documents, "pairs": pairs, "phrases": phrases,
           "stats": report.stats})
}

pub fn to_text(docs: &[Document], report: &ReuseReport, top: usize, kind: Option<Kind>) -> String {
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
    for (kind, ids) in by_kind(report, top, kind) {
        let total = report.formulas.iter().filter(|f| f.kind == kind).count();
        out += &format!(
            "{} ({} of {total}; {})\n",
            kind.title(),
            ids.len(),
            kind_note(kind)
        );
        out += &format!(
            "{:>4}  {:>8}  {:>6}  {:<9}  {:<5}  phrase\n",
            "#", "speeches", "occurr", "years", "peak"
        );
        for (i, &id) in ids.iter().enumerate() {
            let f = &report.formulas[id];
            let peak = f
                .by_year
                .iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                .map_or("—".to_string(), |(y, _)| y.to_string());
            out += &format!(
                "{:>4}  {:>8}  {:>6}  {:<9}  {:<5}  {}\n",
                i + 1,
                f.variant_documents,
                f.occurrences.len(),
                years(f.years),
                peak,
                clean(&f.template)
            );
        }
        out += "\n";
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
        "Most borrowed speeches (top {top}; share of the text shared with other speeches{})\n",
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

/// The first `top` of each kind in the default ranking, kinds in ranking order (empty kinds left
/// out).
pub fn by_kind(report: &ReuseReport, top: usize, only: Option<Kind>) -> Vec<(Kind, Vec<usize>)> {
    Kind::ALL
        .iter()
        .filter(|&&k| only.is_none_or(|o| o == k))
        .map(|&k| {
            let ids: Vec<usize> = report
                .ranked
                .iter()
                .copied()
                .filter(|&i| report.formulas[i].kind == k)
                .take(top)
                .collect();
            (k, ids)
        })
        .filter(|(_, ids)| !ids.is_empty())
        .collect()
}

/// What each kind is, in the words of the report.
fn kind_note(kind: Kind) -> &'static str {
    match kind {
        Kind::Formula => {
            "set phrases, most formulaic first: widely adopted in a few years, quoted or numbered"
        }
        Kind::Template => "sentence frames, # a figure, … a refilled word",
        Kind::Passage => "long runs only a few speeches share",
        Kind::Heading => "titles, salutations and datelines",
        Kind::Vocabulary => "common wording used evenly through the years",
    }
}

/// A speech as JSON: id, title, date.
pub fn speech_json(d: &Document) -> serde_json::Value {
    json!({"id": d.id, "title": d.title, "date": d.date})
}

/// One phrase of `reuse --format json`: the old keys, and its kind, history and first use.
pub fn phrase_json(docs: &[Document], f: &Formula) -> serde_json::Value {
    let by_year: serde_json::Map<String, serde_json::Value> = f
        .by_year
        .iter()
        .map(|(y, n)| (y.to_string(), json!(n)))
        .collect();
    let first = reuse::history::first_use(f, docs).map(|d| speech_json(&docs[d]));
    json!({"text": f.text, "template": f.template, "documents": f.documents,
           "occurrences": f.occurrences.len(), "variant_documents": f.variant_documents,
           "years": f.years.map(|(a, b)| [a, b]), "kind": f.kind.name(), "score": f.score,
           "quoted": f.quoted, "by_year": by_year, "undated": f.undated, "first": first})
}
