//! Finding formulas: where the formulas of a report stand in a speech of the corpus or in any
//! text (a draft), and which formulas match a query typed in any script.
//!
//! Matching is on the comparison key, so Traditional and Simplified, full- and half-width signs
//! and punctuation do not matter: “放管服” in a draft finds 放管服.

use rustc_hash::FxHashMap;

use super::{Kind, ReuseReport};
use crate::align::Span;
use crate::text::key::Key;

/// Index of a formula in [`ReuseReport::formulas`].
pub type FormulaId = usize;

/// The spans of the set phrases (kind [`Kind::Formula`]) in speech `doc` of the corpus the report
/// was built from, in text order (a quiet highlight for the reader).
pub fn formula_spans(report: &ReuseReport, doc: usize) -> Vec<(Span, FormulaId)> {
    let mut out: Vec<(Span, FormulaId)> = report
        .formulas
        .iter()
        .enumerate()
        .filter(|(_, f)| f.kind == Kind::Formula)
        .flat_map(|(i, f)| {
            f.occurrences
                .iter()
                .filter(move |o| o.doc == doc)
                .map(move |o| (o.span, i))
        })
        .collect();
    out.sort_by_key(|&(s, i)| (s.start, std::cmp::Reverse(s.end), i));
    out
}

/// The key of each formula, for searches and for finding formulas in new text.
#[derive(Debug)]
pub struct Finder {
    /// Folded key of each formula (same order as the report's formulas).
    pub keys: Vec<String>,
    /// Set phrases by key, for [`Finder::formulas_in`].
    phrases: FxHashMap<String, FormulaId>,
    longest: usize,
}

impl Finder {
    /// The keys of `report`'s formulas.
    pub fn new(report: &ReuseReport) -> Finder {
        use rayon::prelude::*;
        let keys: Vec<String> = report
            .formulas
            .par_iter()
            .map(|f| Key::new(&f.text).as_string())
            .collect();
        let mut phrases = FxHashMap::default();
        let mut longest = 0;
        for &i in &report.ranked {
            let f = &report.formulas[i];
            if f.kind == Kind::Formula {
                longest = longest.max(keys[i].chars().count());
                phrases.entry(keys[i].clone()).or_insert(i);
            }
        }
        Finder {
            keys,
            phrases,
            longest,
        }
    }

    /// The set phrases in `text` (any text: a draft, a speech outside the corpus), longest first
    /// where they overlap, in text order; spans in chars of `text`.
    pub fn formulas_in(&self, text: &str) -> Vec<(Span, FormulaId)> {
        let key = Key::new(text);
        let chars = &key.chars;
        let mut out = Vec::new();
        let mut covered_to = 0;
        for start in 0..chars.len() {
            let max = self.longest.min(chars.len() - start);
            for len in (3..=max).rev() {
                if start + len <= covered_to {
                    break;
                }
                let s: String = chars[start..start + len].iter().collect();
                if let Some(&id) = self.phrases.get(&s) {
                    out.push((key.text_span(start, start + len), id));
                    covered_to = start + len;
                    break;
                }
            }
        }
        out
    }

    /// Formulas whose wording contains `query` (folded: any script, any width), in the order of
    /// `among`.
    pub fn search(&self, query: &str, among: &[FormulaId]) -> Vec<FormulaId> {
        let q = Key::new(query).as_string();
        if q.is_empty() {
            return among.to_vec();
        }
        among
            .iter()
            .copied()
            .filter(|&i| self.keys[i].contains(&q))
            .collect()
    }

    /// The formula `query` names: the one whose wording is exactly it, else the best ranked one
    /// containing it.
    pub fn find(&self, report: &ReuseReport, query: &str) -> Option<FormulaId> {
        let q = Key::new(query).as_string();
        if q.is_empty() {
            return None;
        }
        report
            .ranked
            .iter()
            .copied()
            .find(|&i| self.keys[i] == q)
            .or_else(|| {
                report
                    .ranked
                    .iter()
                    .copied()
                    .find(|&i| self.keys[i].contains(&q))
            })
    }
}

/// The set phrases of `report` in `text` (builds a [`Finder`]; keep one for repeated calls).
pub fn formulas_in(report: &ReuseReport, text: &str) -> Vec<(Span, FormulaId)> {
    Finder::new(report).formulas_in(text)
}
