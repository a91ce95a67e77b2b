//! What a reader of one speech wants marked, and who shares a passage: queries over a
//! [`ReuseReport`], with copies of one text counted once ([`Duplicates`]).
//!
//! Strength comes from how rare the sharing is in *this* corpus, as a share of its distinct
//! texts, never from a fixed count: wording that one speech in a hundred also has is evidence of
//! copying on 9 speeches and on 100,000 alike, while wording half the corpus uses is a template.

use std::collections::{BTreeMap, BTreeSet};

use super::duplicates::Duplicates;
use super::{Kind, ReuseReport};
use crate::align::Span;

/// Passages shared with at most this share of the other texts (and always with one) are
/// "copied": the strongest mark.
pub const COPIED_SHARE: f64 = 0.01;

/// A copied passage is at least this many chars: shorter rare overlaps (a date, half a clause
/// cut at a shingle boundary) are coincidences more often than copying.
pub const COPIED_MIN_CHARS: usize = 40;

/// What a mark says about a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MarkKind {
    /// A passage of [`COPIED_MIN_CHARS`] or more shared with few other texts, the same ones
    /// throughout: evidence of copying.
    Copied,
    /// A set phrase (提法) used across the corpus.
    Formula,
    /// Any other shared wording: what a large share of the corpus uses (sentence templates,
    /// common phrases), and short rare overlaps.
    Common,
}

/// One marked span of a speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// The marked text.
    pub span: Span,
    /// How the wording is shared.
    pub kind: MarkKind,
    /// Index into [`ReuseReport::formulas`].
    pub formula: usize,
    /// Other texts (copies counted once, the speech's own copies not at all) sharing it.
    pub others: usize,
}

/// The most other texts a passage may be shared with and still count as copied, for a corpus of
/// `groups` distinct texts: [`COPIED_SHARE`] of the others, and at least one.
pub fn copied_limit(groups: usize) -> usize {
    ((groups.saturating_sub(1) as f64 * COPIED_SHARE).floor() as usize).max(1)
}

/// Who uses each formula, counted in distinct texts: built once per report, so that marking a
/// speech costs a lookup per span rather than a walk over every occurrence.
#[derive(Debug, Clone)]
pub struct Sharing {
    /// The corpus' duplicate sets (a set counts as one text).
    pub dups: Duplicates,
    /// Year and place of each speech, when known (a passage is copied *from* an earlier text of
    /// another issuer).
    years: Vec<Option<i32>>,
    places: Vec<Option<String>>,
    /// Per formula, the sorted distinct groups of the speeches using it.
    groups: Vec<Vec<usize>>,
}

impl Sharing {
    /// Counts the users of each formula of `report`; `years` and `places` are per speech.
    pub fn new(
        report: &ReuseReport,
        dups: Duplicates,
        years: Vec<Option<i32>>,
        places: Vec<Option<String>>,
    ) -> Sharing {
        let groups = report
            .formulas
            .iter()
            .map(|f| {
                let mut g: Vec<usize> = f.occurrences.iter().map(|o| dups.group(o.doc)).collect();
                g.sort_unstable();
                g.dedup();
                g
            })
            .collect();
        Sharing {
            dups,
            years,
            places,
            groups,
        }
    }

    /// Whether text `group` could be where `doc` copied a passage from: earlier than `doc` (or
    /// either undated), and from another issuer (or either place unknown).
    ///
    /// Texts of the same year are written in parallel (the provinces' reports before the
    /// national one, all drawing on the same central documents): sharing among them says nothing
    /// of who copied whom. An issuer reusing its own earlier reports is recycling its template,
    /// which "everything shared" shows, not copying.
    fn could_be_source(&self, group: usize, doc: usize) -> bool {
        let earlier = match (
            self.years.get(group).copied().flatten(),
            self.years.get(doc).copied().flatten(),
        ) {
            (Some(g), Some(d)) => g < d,
            _ => true,
        };
        let other_issuer = match (
            self.places.get(group).and_then(Option::as_deref),
            self.places.get(doc).and_then(Option::as_deref),
        ) {
            (Some(g), Some(d)) => g != d,
            _ => true,
        };
        earlier && other_issuer
    }

    /// The groups of the texts using `formula` (sorted).
    pub fn users(&self, formula: usize) -> &[usize] {
        self.groups.get(formula).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Distinct other texts using `formula`, leaving out `doc` and its copies.
    pub fn others(&self, doc: usize, formula: usize) -> usize {
        let Some(g) = self.groups.get(formula) else {
            return 0;
        };
        let own = self.dups.group(doc);
        g.len() - usize::from(g.binary_search(&own).is_ok())
    }
}

/// How formulaic (see [`crate::reuse::Formula::score`]) a formula must be to get the reader's
/// quiet mark: on the 784 reports about the top hundred formulas (两个维护, 放管服, 一带一路),
/// not the everyday wording further down the ranking.
pub const FORMULA_MIN_SCORE: f64 = 0.75;

/// Whether a formula of the report gets the reader's formula mark: a set phrase of the formula
/// engine (kind formula), at least [`FORMULA_MIN_SCORE`] formulaic, one clause (an enumeration
/// with 、 allowed), shared with more texts than a copied passage would be.
fn is_set_phrase(report: &ReuseReport, sharing: &Sharing, formula: usize, others: usize) -> bool {
    let Some(f) = report.formulas.get(formula) else {
        return false;
    };
    let body = f
        .text
        .trim_matches(|c: char| c.is_whitespace() || "，。；：！？,.;:!?".contains(c));
    // The formula engine says what a set phrase is and how formulaic (a share of the speeches of
    // its peak years, concentrated in time, quoted or numbered); the reader marks only the
    // clearly formulaic ones, one clause long, so that a quiet mark stays rare on the page.
    f.kind == Kind::Formula
        && f.score >= FORMULA_MIN_SCORE
        && others > copied_limit(sharing.dups.groups())
        && !body.chars().any(|c| "，。；：！？,.;:!?\n“”".contains(c))
}

/// The short formula units (放管服, 三去一降一补) the segment index is too coarse to hold in a
/// speech's spans: their occurrences in speech `doc`, with their formula index.
fn unit_formulas_in(report: &ReuseReport, doc: usize) -> impl Iterator<Item = (Span, usize)> + '_ {
    report
        .formulas
        .iter()
        .enumerate()
        .filter(|(_, f)| f.unit && f.kind == Kind::Formula)
        .flat_map(move |(i, f)| {
            f.occurrences
                .iter()
                .filter(move |o| o.doc == doc)
                .map(move |o| (o.span, i))
        })
}

/// The spans of speech `doc` that are formulas (set phrases), with their formula index.
pub fn formula_spans(report: &ReuseReport, sharing: &Sharing, doc: usize) -> Vec<(Span, usize)> {
    let Some(d) = report.documents.get(doc) else {
        return Vec::new();
    };
    let mut out: Vec<(Span, usize)> = d
        .spans
        .iter()
        .map(|s| (s.span, s.formula))
        .chain(unit_formulas_in(report, doc))
        .filter(|&(_, f)| is_set_phrase(report, sharing, f, sharing.others(doc, f)))
        .collect();
    out.sort_by_key(|&(s, _)| (s.start, s.end));
    out
}

/// Every reused span of speech `doc` with what it means, in text order. Spans shared only with
/// the speech's own copies are not reuse and are left out.
pub fn marks(report: &ReuseReport, sharing: &Sharing, doc: usize) -> Vec<Mark> {
    let Some(d) = report.documents.get(doc) else {
        return Vec::new();
    };
    let limit = copied_limit(sharing.dups.groups());
    let units: Vec<Mark> = unit_formulas_in(report, doc)
        .filter_map(|(span, formula)| {
            let others = sharing.others(doc, formula);
            is_set_phrase(report, sharing, formula, others).then_some(Mark {
                span,
                kind: MarkKind::Formula,
                formula,
                others,
            })
        })
        .collect();
    let mut out: Vec<Mark> = d
        .spans
        .iter()
        .filter_map(|s| {
            let others = sharing.others(doc, s.formula);
            let kind = if others == 0 {
                return None;
            } else if others <= limit {
                // Provisional: confirmed below when the passage is long enough.
                MarkKind::Copied
            } else if is_set_phrase(report, sharing, s.formula, others) {
                MarkKind::Formula
            } else {
                MarkKind::Common
            };
            Some(Mark {
                span: s.span,
                kind,
                formula: s.formula,
                others,
            })
        })
        .collect();
    out.sort_by_key(|m| (m.span.start, m.span.end));
    confirm_copied(&mut out, sharing, doc);
    out.extend(units);
    out.sort_by_key(|m| (m.span.start, m.span.end));
    out
}

/// Rare spans become a copied passage when they run on (overlapping or touching) with at least
/// one other text sharing every one of them, over [`COPIED_MIN_CHARS`] or more, and that text is
/// earlier than the speech (a passage only later speeches have was copied *from* this one);
/// the rest are demoted to common wording.
fn confirm_copied(marks: &mut [Mark], sharing: &Sharing, doc: usize) {
    let own = sharing.dups.group(doc);
    let rare: Vec<usize> = (0..marks.len())
        .filter(|&i| marks[i].kind == MarkKind::Copied)
        .collect();
    let mut k = 0;
    while k < rare.len() {
        let first = rare[k];
        let mut common: Vec<usize> = sharing
            .users(marks[first].formula)
            .iter()
            .copied()
            .filter(|&g| g != own && sharing.could_be_source(g, doc))
            .collect();
        let (start, mut end) = (marks[first].span.start, marks[first].span.end);
        let mut last = k;
        while let Some(&next) = rare.get(last + 1) {
            let m = &marks[next];
            if m.span.start > end + 1 {
                break;
            }
            let users = sharing.users(m.formula);
            let kept: Vec<usize> = common
                .iter()
                .copied()
                .filter(|g| users.binary_search(g).is_ok())
                .collect();
            if kept.is_empty() {
                break;
            }
            common = kept;
            end = end.max(m.span.end);
            last += 1;
        }
        if common.is_empty() || end - start < COPIED_MIN_CHARS {
            for &i in &rare[k..=last] {
                marks[i].kind = MarkKind::Common;
            }
        }
        k = last + 1;
    }
}

/// Share of speech `doc` covered by passages it shares with other texts (its own copies do not
/// count), 0..1. Equals the report's figure when the speech has no copy.
pub fn borrowed(report: &ReuseReport, sharing: &Sharing, doc: usize) -> Option<f64> {
    let d = report.documents.get(doc)?;
    if !sharing.dups.has_copies(doc) {
        return Some(d.reused);
    }
    let mut spans: Vec<Span> = marks(report, sharing, doc).iter().map(|m| m.span).collect();
    spans.sort_by_key(|s| (s.start, s.end));
    let (mut covered, mut reach) = (0usize, 0usize);
    for s in spans {
        let start = s.start.max(reach);
        if s.end > start {
            covered += s.end - start;
        }
        reach = reach.max(s.end);
    }
    Some(if d.chars == 0 {
        0.0
    } else {
        (covered as f64 / d.chars as f64).min(1.0)
    })
}

/// Another text that shares wording with a passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedWith {
    /// The speech (the first of its copies).
    pub doc: usize,
    /// Copies of that text also in the corpus, listed once under `doc`.
    pub copies: usize,
    /// How many of the passage's formulas it has.
    pub formulas: usize,
    /// The wording of one of them.
    pub example: String,
}

/// The other texts sharing the reused wording of speech `doc` within `span` (e.g. the cursor
/// line), most formulas first; copies of one text are one entry, the speech's own copies none.
pub fn shared_with(
    report: &ReuseReport,
    sharing: &Sharing,
    doc: usize,
    span: Span,
) -> Vec<SharedWith> {
    let Some(d) = report.documents.get(doc) else {
        return Vec::new();
    };
    let dups = &sharing.dups;
    let own = dups.group(doc);
    let overlaps = |s: Span| s.start < span.end.max(span.start + 1) && s.end > span.start;
    let formulas: BTreeSet<usize> = d
        .spans
        .iter()
        .map(|s| (s.span, s.formula))
        .chain(unit_formulas_in(report, doc))
        .filter(|&(s, _)| overlaps(s))
        .map(|(_, f)| f)
        .collect();
    // group → (formulas, example, members)
    let mut by_group: BTreeMap<usize, (usize, String, BTreeSet<usize>)> = BTreeMap::new();
    for &f in &formulas {
        let formula = &report.formulas[f];
        let mut seen = BTreeSet::new();
        for occ in &formula.occurrences {
            let g = dups.group(occ.doc);
            if g == own {
                continue;
            }
            let e = by_group
                .entry(g)
                .or_insert_with(|| (0, formula.text.clone(), BTreeSet::new()));
            e.2.insert(occ.doc);
            if seen.insert(g) {
                e.0 += 1;
            }
        }
    }
    let mut out: Vec<SharedWith> = by_group
        .into_iter()
        .map(|(g, (formulas, example, members))| SharedWith {
            doc: g,
            copies: members.len().saturating_sub(1),
            formulas,
            example,
        })
        .collect();
    out.sort_by(|x, y| y.formulas.cmp(&x.formulas).then(x.doc.cmp(&y.doc)));
    out
}
