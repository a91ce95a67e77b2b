//! The plain-text check report: what `speechtui check` prints and what the TUI saves. Sources come
//! first (how much of the draft each holds), then every passage in draft order with its sources,
//! then the formulas the draft uses. Plain UTF-8, no terminal escapes.

use std::fmt::Write as _;

use super::text::{marked_diff, sanitize};
use crate::align::Passage;
use crate::check::{Check, Kind};
use crate::corpus::Document;

/// Sources listed under each passage (the JSON lists them all).
const SOURCES_SHOWN: usize = 5;

/// Formulas listed in the text report; JSON has them all.
const FORMULAS_SHOWN: usize = 40;

fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

/// `title (date, place)` of a speech, sanitised.
pub(crate) fn label(doc: &Document) -> String {
    let mut meta: Vec<String> = Vec::new();
    if let Some(d) = &doc.date {
        meta.push(sanitize(d));
    }
    if let Some(p) = &doc.place {
        meta.push(sanitize(p));
    }
    if meta.is_empty() {
        sanitize(&doc.title)
    } else {
        format!("{} ({})", sanitize(&doc.title), meta.join(", "))
    }
}

/// The full report of `check` of `draft` against `docs`.
pub fn check_text(draft: &Document, docs: &[Document], check: &Check) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Check of: {}", sanitize(&draft.title));
    let _ = writeln!(
        out,
        "   source: {}   date: {}   chars: {}",
        sanitize(&draft.id),
        draft
            .date
            .as_deref()
            .map(sanitize)
            .unwrap_or_else(|| "unknown".into()),
        check.draft_chars
    );
    let _ = writeln!(out, "   against: {} speeches", docs.len());
    for &d in &check.excluded {
        let _ = writeln!(
            out,
            "   left out: {} (the draft itself)",
            sanitize(&docs[d].id)
        );
    }
    let copied = check
        .passages
        .iter()
        .filter(|p| p.kind == Kind::Copied)
        .count();
    let _ = writeln!(out);
    if check.passages.is_empty() {
        let _ = writeln!(
            out,
            "Nothing in this draft was found in the corpus: original 100.0%."
        );
    } else {
        let n = check.sources.len();
        let _ = writeln!(
            out,
            "Borrowed: {} in {copied} passage{} from {n} speech{}; formulas: {}; original: {}",
            pct(check.borrowed),
            if copied == 1 { "" } else { "s" },
            if n == 1 { "" } else { "es" },
            pct(check.formulaic),
            pct(check.original())
        );
    }
    if !check.sources.is_empty() {
        let _ = writeln!(out, "\nSources, by how much of the draft they hold:");
        for (i, s) in check.sources.iter().enumerate() {
            let doc = &docs[s.doc];
            let _ = writeln!(
                out,
                "{:>4}. {:>6} of the draft  {}  {} passage{}",
                i + 1,
                pct(s.share),
                label(doc),
                s.passages,
                if s.passages == 1 { "" } else { "s" }
            );
            let _ = writeln!(out, "         {}", sanitize(&doc.id));
        }
    }
    if !check.passages.is_empty() {
        let _ = writeln!(
            out,
            "\nPassages, in draft order ([-draft only-]{{+source only+}} against the best source):"
        );
    }
    let dc: Vec<char> = draft.text.chars().collect();
    for (i, p) in check.passages.iter().enumerate() {
        let best = &p.sources[0];
        let _ = writeln!(
            out,
            "\n[{}] draft {}–{}, {} chars, {}{}",
            i + 1,
            p.span.start,
            p.span.end,
            p.span.len(),
            p.kind.as_str(),
            if p.kind == Kind::Formula {
                " (wording many speeches share)"
            } else {
                ""
            }
        );
        let bc: Vec<char> = docs[best.doc].text.chars().collect();
        let passage = Passage {
            a: p.span,
            b: best.span,
            similarity: best.similarity,
            ops: p.diff.clone(),
        };
        let _ = writeln!(out, "    {}", marked_diff(&dc, &bc, &passage));
        for (j, s) in p.sources.iter().take(SOURCES_SHOWN).enumerate() {
            let doc = &docs[s.doc];
            let _ = writeln!(
                out,
                "    {}. {:.2}  {}  {}–{}  {}",
                j + 1,
                s.similarity,
                label(doc),
                s.span.start,
                s.span.end,
                sanitize(&doc.id)
            );
        }
        if p.sources.len() > SOURCES_SHOWN {
            let _ = writeln!(
                out,
                "    … and {} more speeches",
                p.sources.len() - SOURCES_SHOWN
            );
        }
    }
    if !check.formulas.is_empty() {
        let _ = writeln!(
            out,
            "\nFormulas the draft uses, most formulaic first (wording many speeches share; not counted as borrowed):"
        );
        for f in check.formulas.iter().take(FORMULAS_SHOWN) {
            let at: Vec<String> = f
                .spans
                .iter()
                .map(|s| format!("{}–{}", s.start, s.end))
                .collect();
            let _ = writeln!(
                out,
                "  {}  ({} speeches)  at {}",
                sanitize(&f.template),
                f.documents,
                at.join(", ")
            );
        }
    }
    if check.formulas.len() > FORMULAS_SHOWN {
        let _ = writeln!(
            out,
            "  … and {} more (all of them in --format json)",
            check.formulas.len() - FORMULAS_SHOWN
        );
    }
    for w in &check.warnings {
        let _ = writeln!(out, "\nwarning: {}", sanitize(w));
    }
    out
}

/// Default file name of a saved check report, in the working directory.
pub fn check_file_name(draft: &Document) -> String {
    let stem: String = draft
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "draft".into())
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '/' | '\\' | ':'))
        .take(40)
        .collect();
    let part = draft.part.map(|n| format!("-{n}")).unwrap_or_default();
    format!("check-{stem}{part}.txt")
}
