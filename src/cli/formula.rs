//! `speechtui formula TEXT [PATH]...`: one formula's history and its concordance, as text or JSON.

use std::path::PathBuf;

use serde_json::json;

use speechtui::corpus::Document;
use speechtui::reuse::history::{self, History, Hit};
use speechtui::reuse::lookup::Finder;
use speechtui::reuse::{Formula, ReuseReport};

use super::reuse::{load_and_build, speech_json};

/// Context shown on each side of a keyword, in chars.
const CONTEXT: usize = 20;

pub fn run(
    text: &str,
    paths: &[PathBuf],
    format: super::Format,
    no_cache: bool,
) -> anyhow::Result<()> {
    if text.trim().is_empty() {
        anyhow::bail!("no formula given: the TEXT to look up is empty");
    }
    let (docs, report) = load_and_build(paths, no_cache, 0)?;
    let finder = Finder::new(&report);
    let Some(id) = finder.find(&report, text) else {
        anyhow::bail!(
            "no repeated wording of {} speeches holds “{}”",
            docs.len(),
            clean(text)
        );
    };
    let f = &report.formulas[id];
    let hist = history::history(f, &docs);
    let hits = history::concordance(f, &docs, CONTEXT);
    let out = match format {
        super::Format::Json => {
            speechtui::export::json_pretty(&to_json(&docs, f, &hist, &hits))? + "\n"
        }
        super::Format::Text => to_text(&docs, &report, f, &hist, &hits),
    };
    super::output::write_stdout(&out)
}

fn clean(s: &str) -> String {
    speechtui::corpus::visible_inline(&s.replace(['\n', '\r'], " ")).into_owned()
}

pub fn to_json(docs: &[Document], f: &Formula, h: &History, hits: &[Hit]) -> serde_json::Value {
    let by_year: serde_json::Map<String, serde_json::Value> = h
        .by_year
        .iter()
        .map(|(y, n)| (y.to_string(), json!(n)))
        .collect();
    let variants: Vec<_> = h
        .variants
        .iter()
        .map(|(t, n)| json!({"text": t, "documents": n}))
        .collect();
    let hits: Vec<_> = hits
        .iter()
        .map(|hit| {
            let d = &docs[hit.doc];
            json!({"id": d.id, "title": d.title, "date": d.date,
                   "place": d.place, "start": hit.span.start, "end": hit.span.end,
                   "text": hit.keyword, "left": hit.left, "right": hit.right})
        })
        .collect();
    json!({"formula": f.text, "template": f.template, "kind": f.kind.name(),
           "documents": f.variant_documents, "occurrences": f.occurrences.len(),
           "by_year": by_year, "undated": h.undated,
           "first": h.first.as_ref().map(|u| speech_json(&docs[u.doc])),
           "last": h.last.as_ref().map(|u| speech_json(&docs[u.doc])),
           "peak": h.peak.map(|(y, n)| json!({"year": y, "documents": n})),
           "variants": variants, "hits": hits})
}

/// A use of the formula: date and title.
fn use_line(docs: &[Document], u: &Option<history::Use>) -> String {
    match u {
        Some(u) => format!(
            "{}  {}",
            u.date.as_deref().unwrap_or("undated"),
            clean(&docs[u.doc].title)
        ),
        None => "—".into(),
    }
}

pub fn to_text(
    docs: &[Document],
    report: &ReuseReport,
    f: &Formula,
    h: &History,
    hits: &[Hit],
) -> String {
    let mut out = format!("{}\n", clean(&f.template));
    out += &format!(
        "{}: {} of {} speeches, {} occurrences\n",
        f.kind.name(),
        f.variant_documents,
        report.documents.len(),
        f.occurrences.len()
    );
    out += &format!("first use  {}\n", use_line(docs, &h.first));
    out += &format!("last use   {}\n", use_line(docs, &h.last));
    if let Some((y, n)) = h.peak {
        out += &format!("peak       {y} ({n} speeches)\n");
    }
    if !h.by_year.is_empty() {
        let counts: Vec<u32> = h.by_year.iter().map(|&(_, n)| n).collect();
        out += &format!(
            "per year   {}  {}–{}{}\n",
            speechtui::reuse::history::sparkline(&counts),
            h.by_year.first().map_or(0, |y| y.0),
            h.by_year.last().map_or(0, |y| y.0),
            if h.undated > 0 {
                format!(", and {} undated", h.undated)
            } else {
                String::new()
            }
        );
        for (y, n) in h.by_year.iter().filter(|(_, n)| *n > 0) {
            out += &format!("           {y}  {n}\n");
        }
    }
    out += "variants\n";
    for (t, n) in &h.variants {
        out += &format!("  {n:>6}  {}\n", clean(t));
    }
    out += &format!("\nconcordance ({} occurrences, oldest first)\n", hits.len());
    for hit in hits {
        let d = &docs[hit.doc];
        out += &format!(
            "{:<10}  {}  …{}【{}】{}…\n",
            d.date.as_deref().unwrap_or("undated"),
            clean(d.place.as_deref().unwrap_or(&d.title)),
            clean(&hit.left),
            clean(&hit.keyword),
            clean(&hit.right)
        );
    }
    out
}
