//! `speechtui list`: the load report. Text: a table of the speeches found (with their warnings)
//! and the list of skipped files. JSON: the contract's keys. Every path, id, title and reason is
//! rendered terminal-safe (file names can hold escape sequences and newlines too).

use std::fmt::Write as _;
use std::path::PathBuf;

use rayon::prelude::*;
use serde_json::json;

use speechtui::corpus::{self, visible_inline, LoadReport};
use speechtui::outline;
use speechtui::text::width::truncate;

use super::output::write_stdout;
use super::Format;

/// Widest title shown in the text table, in terminal columns.
const TITLE_COLUMNS: usize = 64;

pub fn run(paths: &[PathBuf], format: Format) -> anyhow::Result<()> {
    let options = corpus::LoadOptions::from_user_config()?;
    let report = corpus::load_with(paths, &options, &|_| {})?;
    let sections: Vec<usize> = report
        .documents
        .par_iter()
        .map(|d| section_count(&d.text))
        .collect();
    let out = match format {
        Format::Json => speechtui::export::json_pretty(&to_json(&report, &sections))? + "\n",
        Format::Text => to_text(&report, &sections),
    };
    write_stdout(&out)
}

/// Top-level sections of a speech, as the outline finds them.
fn section_count(text: &str) -> usize {
    outline::outline(text)
        .sections
        .iter()
        .filter(|s| s.level == 1 && !s.point)
        .count()
}

fn to_json(report: &LoadReport, sections: &[usize]) -> serde_json::Value {
    let documents: Vec<_> = report
        .documents
        .iter()
        .zip(sections)
        .map(|(d, sections)| {
            json!({
                "id": d.id,
                "path": d.path.to_string_lossy(),
                "part": d.part,
                "title": d.title,
                "date": d.date,
                "place": d.place,
                "duplicate_of": d.duplicate_of,
                "encoding": d.encoding,
                "chars": d.chars(),
                "sections": sections,
                "warnings": d.warnings,
            })
        })
        .collect();
    let skipped: Vec<_> = report
        .skipped
        .iter()
        .map(|s| json!({"path": s.path.to_string_lossy(), "reason": s.reason}))
        .collect();
    json!({"documents": documents, "skipped": skipped})
}

/// The title, with the place in front where the title does not name it (titles of many reports
/// read just 政府工作报告).
fn labelled(d: &corpus::Document) -> String {
    match &d.place {
        Some(place) if !d.title.contains(place.as_str()) => format!("{place} {}", d.title),
        _ => d.title.clone(),
    }
}

fn to_text(report: &LoadReport, sections: &[usize]) -> String {
    let mut out = String::new();
    let files: std::collections::HashSet<_> = report.documents.iter().map(|d| &d.path).collect();
    if !report.documents.is_empty() {
        let _ = writeln!(
            out,
            "{:>4}  {:<10}  {:>8}  {:>8}  {:<9} title",
            "#", "date", "chars", "sections", "encoding"
        );
    }
    for (i, d) in report.documents.iter().enumerate() {
        let title = truncate(&visible_inline(&labelled(d)), TITLE_COLUMNS);
        let _ = writeln!(
            out,
            "{:>4}  {:<10}  {:>8}  {:>8}  {:<9} {}",
            i + 1,
            d.date.as_deref().unwrap_or("-"),
            d.chars(),
            sections[i],
            d.encoding,
            title
        );
        let _ = writeln!(out, "{:>6}{}", "", visible_inline(&d.id));
        for w in &d.warnings {
            let _ = writeln!(out, "{:>6}! {}", "", visible_inline(w));
        }
    }
    if !report.skipped.is_empty() {
        let _ = writeln!(out, "\nskipped:");
        for s in &report.skipped {
            let _ = writeln!(
                out,
                "  {}: {}",
                visible_inline(&s.path.to_string_lossy()),
                visible_inline(&s.reason)
            );
        }
    }
    let _ = writeln!(
        out,
        "\n{} speech{} from {} file{}; {} skipped",
        report.documents.len(),
        if report.documents.len() == 1 {
            ""
        } else {
            "es"
        },
        files.len(),
        if files.len() == 1 { "" } else { "s" },
        report.skipped.len()
    );
    let copies = report
        .documents
        .iter()
        .filter(|d| d.duplicate_of.is_some())
        .count();
    if copies > 0 {
        // Appended to the summary line: one speech per set of duplicates in every count.
        out.pop();
        let _ = writeln!(
            out,
            "; {copies} duplicate{} of other speeches (marked !), {} distinct",
            if copies == 1 { "" } else { "s" },
            report.documents.len() - copies
        );
    }
    out
}
