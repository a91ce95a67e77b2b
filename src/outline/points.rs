//! Inline enumerations inside paragraphs: `一是…，二是…`, `一要…；二要…`. They are the lowest
//! levels of the outline, flagged as points, and belong to the section they appear in.
//!
//! Enumerations nest: a paragraph `二要…` may itself list `一是…二是…`, and the outer list then
//! carries on with `三要…`. Runs are therefore kept on a small stack, one per verb.

use super::heading::lead;
use super::marker::{is_space, point_marker_at, Marker, MarkerKind, Seq};
use super::numeral::is_han_numeral_char;
use super::Section;

/// Whether a point may start right after `c`: at a clause boundary, never inside a word
/// (`统一是`, `这一要求`).
fn opens_clause(c: char) -> bool {
    matches!(
        c,
        '。' | '；' | '：' | '，' | '！' | '？' | ';' | ':' | ',' | '!' | '?' | '、' | '）' | ')'
    )
}

struct Item {
    start: usize,
    marker: Marker,
    number: u32,
    line_end: usize,
}

struct PointRun {
    verb: Option<char>,
    last: u32,
    /// The section the run is in.
    parent: Option<usize>,
    /// The enclosing run and the index of its item this run sits in.
    outer: Option<(usize, usize)>,
    items: Vec<Item>,
}

/// The points of a text, given its lines and its sections (in document order, levels final).
///
/// `orphan_base` is the level that points before the first section hang under (0: the root).
pub fn find(
    chars: &[char],
    lines: &[(usize, usize)],
    sections: &[Section],
    orphan_base: u8,
) -> Vec<Section> {
    let mut runs: Vec<PointRun> = Vec::new();
    // Indices into `runs` of the open runs, outermost first.
    let mut open: Vec<usize> = Vec::new();
    let mut next_section = 0;
    let mut parent: Option<usize> = None;
    for &(start, end) in lines {
        let mut j = start;
        while j < end {
            let at_clause_start = chars[start..j].iter().all(|c| is_space(*c))
                || j > start && opens_clause(chars[j - 1]);
            let found = if at_clause_start && is_han_numeral_char(chars[j]) {
                point_marker_at(&chars[..end], j)
            } else {
                None
            };
            let Some(marker) = found else {
                j += 1;
                continue;
            };
            while next_section < sections.len() && sections[next_section].start <= j {
                parent = Some(next_section);
                next_section += 1;
            }
            // A new section closes every open enumeration.
            if open.last().is_some_and(|&r| runs[r].parent != parent) {
                open.clear();
            }
            let len = marker.len;
            if let Seq::Number(n) = marker.seq {
                let item = Item {
                    start: j,
                    number: n,
                    marker,
                    line_end: end,
                };
                place(&mut runs, &mut open, parent, item);
            }
            j += len;
        }
    }
    emit(chars, &runs, sections, orphan_base)
}

/// Adds an item to the run it continues, or opens a run (nested in the innermost open run of
/// another verb). Out-of-sequence items are dropped.
fn place(runs: &mut Vec<PointRun>, open: &mut Vec<usize>, parent: Option<usize>, item: Item) {
    let verb = item.marker.point_verb;
    if let Some(pos) = open
        .iter()
        .rposition(|&r| runs[r].verb == verb && item.number == runs[r].last + 1)
    {
        open.truncate(pos + 1);
        let run = &mut runs[open[pos]];
        run.last = item.number;
        run.items.push(item);
        return;
    }
    if item.number != 1 {
        return;
    }
    if let Some(pos) = open.iter().position(|&r| runs[r].verb == verb) {
        open.truncate(pos);
    }
    let outer = open.last().map(|&r| (r, runs[r].items.len() - 1));
    runs.push(PointRun {
        verb,
        last: 1,
        parent,
        outer,
        items: vec![item],
    });
    open.push(runs.len() - 1);
}

/// Turns the runs into sections. A lone `一是` is a turn of phrase, not an enumeration, so runs
/// of one item are dropped, and levels count only the enclosing runs that survive.
fn emit(chars: &[char], runs: &[PointRun], sections: &[Section], orphan_base: u8) -> Vec<Section> {
    let valid: Vec<bool> = runs.iter().map(|r| r.items.len() >= 2).collect();
    // Depth among surviving runs; outer runs come earlier in `runs`, so one pass suffices.
    let mut depth = vec![0u8; runs.len()];
    for (i, r) in runs.iter().enumerate() {
        depth[i] = match r.outer {
            Some((o, _)) => depth[o].saturating_add(u8::from(valid[o])),
            None => 0,
        };
    }
    // Ends: up to the next item of the run, or the end of the item's own line; an item then
    // stretches over every nested item it holds (inner runs come later, so walk backwards).
    let mut ends: Vec<Vec<usize>> = runs
        .iter()
        .map(|r| {
            r.items
                .iter()
                .enumerate()
                .map(|(k, it)| r.items.get(k + 1).map_or(it.line_end, |n| n.start))
                .collect()
        })
        .collect();
    // A nested run never outlasts the outer item it sits in.
    for i in 0..runs.len() {
        if let Some((o, k)) = runs[i].outer {
            if let Some(next) = runs[o].items.get(k + 1) {
                for e in &mut ends[i] {
                    *e = (*e).min(next.start);
                }
            }
        }
    }
    for i in (0..runs.len()).rev() {
        if let (Some((o, k)), true) = (runs[i].outer, valid[i]) {
            let inner_end = ends[i].iter().copied().max().unwrap_or(0);
            if valid[o] && ends[o][k] < inner_end {
                ends[o][k] = inner_end;
            }
        }
    }
    let mut out = Vec::new();
    for (i, r) in runs.iter().enumerate() {
        if !valid[i] {
            continue;
        }
        let base = r.parent.map_or(orphan_base, |p| sections[p].level);
        let level = base.saturating_add(1).saturating_add(depth[i]);
        for (k, item) in r.items.iter().enumerate() {
            let next = r.items.get(k + 1).map_or(item.line_end, |n| n.start);
            // The heading stops at the next item of any run on the same line.
            let limit = runs
                .iter()
                .flat_map(|x| x.items.iter())
                .map(|x| x.start)
                .filter(|&s| s > item.start && s < item.line_end)
                .min()
                .unwrap_or(item.line_end)
                .min(next);
            out.push(Section {
                level,
                marker: item.marker.text.clone(),
                heading: lead(chars, item.start + item.marker.len, limit),
                start: item.start,
                end: ends[i][k],
                point: true,
                kind: MarkerKind::Point,
                number: item.number,
            });
        }
    }
    out.sort_by_key(|s| s.start);
    // A point ends, at the latest, where the next point of its level or above begins (a second
    // enumeration on the same line as the end of the first).
    let mut open: Vec<usize> = Vec::new();
    for j in 0..out.len() {
        while let Some(&i) = open.last() {
            if out[i].level < out[j].level {
                break;
            }
            out[i].end = out[i].end.min(out[j].start);
            open.pop();
        }
        open.push(j);
    }
    out
}
