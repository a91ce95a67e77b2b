//! The section hierarchy of a speech: 一、 / （一） / 1. / （1） / 第一个问题 / 第一， / 第一部分 …
//!
//! The work is split into small steps: `marker` recognises a marker at a position, `sequence`
//! decides which markers open sections and at which level, `points` finds inline enumerations,
//! `heading` takes each section's lead sentence, `tree` gives the parent/child view and `render`
//! the indented text form.

mod heading;
mod marker;
mod numeral;
pub mod place;
mod points;
mod render;
mod sequence;
mod tree;

use serde::Serialize;

pub use marker::MarkerKind;
pub use render::render_text;
pub use tree::Node;

use marker::{is_space, section_marker_at, Seq};
use sequence::Candidate;

/// One section (or inline point) of a speech.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// 1 = top level. Derived from the nesting order in the speech itself.
    pub level: u8,
    /// The marker as written, e.g. `一、`, `（二）`, `3.`, `第一个问题`.
    pub marker: String,
    /// The lead sentence or title of the section, without the marker.
    pub heading: String,
    /// Start (at the marker) and end of the section, in chars of the cleaned text.
    pub start: usize,
    /// End of the section (exclusive).
    pub end: usize,
    /// An inline enumeration inside a paragraph (`一是…二是…`): the lowest level.
    pub point: bool,
    /// The marker family (`han`, `han_paren`, `arabic`, `ordinal`, `point`, …).
    pub kind: MarkerKind,
    /// The place of the section in its sequence (`三、` is 3; `最后，` gets the next number).
    pub number: u32,
}

/// The outline of one speech, sections in document order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Outline {
    /// Every section and point, in document order.
    pub sections: Vec<Section>,
    /// Length of the outlined text in chars (the end of the title root).
    pub chars: usize,
}

/// The outline as the `outline --format json` command prints it.
#[derive(Debug, Serialize)]
#[allow(missing_docs)] // The contract's keys: the speech's id, title and length, its sections.
pub struct OutlineReport<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub chars: usize,
    pub sections: &'a [Section],
}

impl Outline {
    /// The JSON form of the contract: `{"id", "title", "sections": [...]}`.
    pub fn report<'a>(&'a self, id: &'a str, title: &'a str) -> OutlineReport<'a> {
        OutlineReport {
            id,
            title,
            chars: self.chars,
            sections: &self.sections,
        }
    }

    /// The sections that are real sections, not inline points.
    pub fn headings(&self) -> impl Iterator<Item = &Section> {
        self.sections.iter().filter(|s| !s.point)
    }
}

/// How many passes may drop lone items of families that need two (`首先，` with no `其次，`).
/// Dropping one can change what follows, so the resolution is repeated; two rounds settle every
/// real speech seen so far.
const MAX_PASSES: usize = 3;

/// Finds the sections of a cleaned speech text.
pub fn outline(text: &str) -> Outline {
    let chars: Vec<char> = text.chars().collect();
    let lines = line_spans(&chars);

    let mut candidates = Vec::new();
    for &(start, end) in &lines {
        let i = skip_indent(&chars, start, end);
        if let Some(marker) = section_marker_at(&chars[i..end]) {
            let run_in = heading::runs_in(&chars[i + marker.len..end]);
            candidates.push(Candidate {
                start: i,
                marker,
                run_in,
                line_end: end,
            });
        }
    }

    let mut skip = vec![false; candidates.len()];
    // A heading echoed just before itself (a title line repeating `一、过去五年工作回顾` above
    // `各位代表：`) counts once, at its second, real place.
    for i in 1..candidates.len() {
        let same = |c: &Candidate| &chars[c.start..c.line_end];
        if same(&candidates[i - 1]) == same(&candidates[i]) {
            skip[i - 1] = true;
        }
    }
    let (mut accepted, mut runs) = sequence::resolve(&candidates, &skip);
    for _ in 1..MAX_PASSES {
        let mut changed = false;
        for a in &accepted {
            let info = &runs[a.run];
            let kind = candidates[a.candidate].marker.kind;
            if info.items == 1 && !info.recovered && kind.needs_second_item() {
                skip[a.candidate] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
        (accepted, runs) = sequence::resolve(&candidates, &skip);
    }

    let mut sections: Vec<Section> = accepted
        .iter()
        .map(|a| {
            let c = &candidates[a.candidate];
            let after = c.start + c.marker.len;
            Section {
                level: a.level,
                marker: c.marker.text.clone(),
                heading: heading::section_heading(&chars, after),
                start: c.start,
                end: chars.len(),
                point: false,
                kind: c.marker.kind,
                number: match c.marker.seq {
                    Seq::Number(n) => n,
                    Seq::Next => 0,
                },
            }
        })
        .collect();
    number_next_items(&mut sections);
    close_sections(&mut sections, chars.len());

    // Points before the first section belong to it only if that section is a real opening; a
    // page that starts mid-way (its first section recovered at a number above one) has them in
    // the missing previous sibling, one level down.
    let first_recovered = accepted.first().is_some_and(|a| runs[a.run].recovered);
    let orphan_base = match (sections.first(), first_recovered) {
        (Some(first), true) => first.level,
        _ => 0,
    };
    let points = points::find(&chars, &lines, &sections, orphan_base);
    if !points.is_empty() {
        sections.extend(points);
        // Stable: a point never starts where a section does, so document order is total.
        sections.sort_by_key(|s| (s.start, s.point));
    }

    Outline {
        sections,
        chars: chars.len(),
    }
}

/// `最后，` and `再次，` take the number after their predecessor in the same run.
fn number_next_items(sections: &mut [Section]) {
    let mut last_at_level: Vec<(u8, MarkerKind, u32)> = Vec::new();
    for s in sections.iter_mut() {
        last_at_level.retain(|(l, _, _)| *l < s.level);
        if s.number == 0 {
            s.number = last_at_level
                .iter()
                .rev()
                .find(|(_, k, _)| *k == s.kind)
                .map_or(1, |(_, _, n)| n + 1);
        }
        last_at_level.push((s.level, s.kind, s.number));
    }
}

/// A section ends where the next section at the same or a higher level starts.
fn close_sections(sections: &mut [Section], len: usize) {
    // Open sections, innermost last; each is closed by the first later section not deeper.
    let mut open: Vec<usize> = Vec::new();
    for i in 0..sections.len() {
        let (level, start) = (sections[i].level, sections[i].start);
        while let Some(&j) = open.last() {
            if sections[j].level >= level {
                sections[j].end = start;
                open.pop();
            } else {
                break;
            }
        }
        open.push(i);
    }
    for j in open {
        sections[j].end = len;
    }
}

/// The (start, end) char offsets of every line, without its `\n`.
fn line_spans(chars: &[char]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, c) in chars.iter().enumerate() {
        if *c == '\n' {
            spans.push((start, i));
            start = i + 1;
        }
    }
    spans.push((start, chars.len()));
    spans
}

/// The first char of a paragraph after its indent.
fn skip_indent(chars: &[char], mut i: usize, end: usize) -> usize {
    while i < end && is_space(chars[i]) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests;
