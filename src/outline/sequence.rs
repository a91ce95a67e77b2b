//! Deciding which candidate markers really open sections, and at which level.
//!
//! Levels come from the speech's own nesting order: a family first seen inside a section of
//! another family nests below it. A run of one family continues only in sequence (`一` then `二`),
//! so a stray `3、` in the middle of a list of `（一）` sections is refused. Two exceptions keep
//! real pages right:
//! - *recovery*: a page that starts mid-way (`第五，` with the first four on the previous page) may
//!   open a run at a number above one, before any properly started run of the same or a higher
//!   family; when a conventionally higher family then appears (`第二个问题`), the orphans it finds
//!   are pushed one level down, under their missing parent.
//! - *resumption*: numbering that carries on across parents (`第二篇` … `第三章`) is accepted
//!   when it continues the last closed run of that family at the same level.

use std::collections::HashMap;

use super::marker::{Marker, MarkerKind, Seq};

/// A candidate marker at the start of a paragraph.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Offset in chars of the marker.
    pub start: usize,
    pub marker: Marker,
    /// The paragraph carries on after its lead sentence (`一、加大雾霾治理力度。50%的…`),
    /// rather than being a heading line of its own (`一、2014年主要工作`).
    pub run_in: bool,
    /// Offset in chars of the end of the candidate's line.
    pub line_end: usize,
}

/// A candidate accepted as a section.
#[derive(Debug, Clone)]
pub struct Accepted {
    /// Index into the candidates.
    pub candidate: usize,
    pub level: u8,
    /// The run (sequence of one family under one parent) it belongs to.
    pub run: usize,
}

/// An open run on the nesting stack.
#[derive(Debug, Clone)]
struct Run {
    id: usize,
    kind: MarkerKind,
    last: u32,
    /// Index into the accepted list of the run's first section.
    first: usize,
    /// Whether the run's first item is a run-in paragraph (see `Candidate::run_in`).
    run_in: bool,
}

/// Facts about a run, kept after it closes.
#[derive(Debug, Clone, Default)]
pub struct RunInfo {
    pub items: usize,
    pub recovered: bool,
}

#[derive(Default)]
struct State {
    stack: Vec<Run>,
    accepted: Vec<Accepted>,
    runs: Vec<RunInfo>,
    /// Last number and level of the most recently closed run of each family.
    closed: HashMap<MarkerKind, (u32, u8)>,
    seen: HashMap<MarkerKind, ()>,
    /// The highest (smallest) conventional rank of any run that started at one.
    proper_rank: Option<u8>,
}

impl State {
    fn depth(&self) -> u8 {
        u8::try_from(self.stack.len()).unwrap_or(u8::MAX)
    }

    /// Closes every run above `keep` entries, remembering where each family stopped.
    fn truncate(&mut self, keep: usize) {
        while self.stack.len() > keep {
            let level = self.depth();
            if let Some(run) = self.stack.pop() {
                self.closed.insert(run.kind, (run.last, level));
            }
        }
    }

    fn accept(&mut self, candidate: usize, run: usize) {
        let level = self.depth();
        self.accepted.push(Accepted {
            candidate,
            level,
            run,
        });
        self.runs[run].items += 1;
    }

    fn open(&mut self, cand: (usize, bool), kind: MarkerKind, number: u32, recovered: bool) {
        let (candidate, run_in) = cand;
        let id = self.runs.len();
        self.runs.push(RunInfo {
            items: 0,
            recovered,
        });
        self.stack.push(Run {
            id,
            kind,
            last: number,
            first: self.accepted.len(),
            run_in,
        });
        self.accept(candidate, id);
    }
}

/// Resolves candidates (in document order) into sections with levels. `skip[i]` excludes
/// candidate `i` (a lone item of a family that needs two, found by an earlier pass).
pub fn resolve(candidates: &[Candidate], skip: &[bool]) -> (Vec<Accepted>, Vec<RunInfo>) {
    let mut st = State::default();
    for (index, cand) in candidates.iter().enumerate() {
        if skip.get(index).copied().unwrap_or(false) {
            continue;
        }
        step(&mut st, index, cand, &candidates[index + 1..], skip);
    }
    (st.accepted, st.runs)
}

/// Deepest nesting a restarting list may open. Real speeches nest about six levels; a page where
/// a list seems to restart inside itself on every line (`一、` × 10,000) is flat, and a short stack
/// keeps the work linear (each step scans the stack).
const MAX_DEPTH: usize = 12;

/// How far ahead a restart looks for its parent's sequence resuming.
const LOOKAHEAD: usize = 300;

/// A list restarting at one (`一、`) while deeper sections are open: is it a list nested inside
/// the innermost section (`（九）` … `一、` … `十、` … `（十）`) rather than a new top-level series?
/// It is when the next marker of one of those deeper families continues its sequence.
fn nested_restart(st: &State, d: usize, ahead: &[Candidate], skip: &[bool], base: usize) -> bool {
    let deeper = &st.stack[d + 1..];
    if deeper.is_empty() {
        return false;
    }
    for (k, c) in ahead.iter().enumerate().take(LOOKAHEAD) {
        if skip.get(base + k).copied().unwrap_or(false) {
            continue;
        }
        if let Some(run) = deeper.iter().rev().find(|r| r.kind == c.marker.kind) {
            return matches!(c.marker.seq, Seq::Number(n) if n == run.last + 1)
                || c.marker.seq == Seq::Next;
        }
    }
    false
}

fn step(st: &mut State, index: usize, cand: &Candidate, ahead: &[Candidate], skip: &[bool]) {
    let marker = &cand.marker;
    let me = (index, cand.run_in);
    let kind = marker.kind;
    // The same family may be open twice (a list nested in one of its own items); the innermost
    // run that the marker continues wins.
    let continued = st.stack.iter().rposition(|r| {
        r.kind == kind
            && match marker.seq {
                Seq::Number(n) => n == r.last + 1,
                Seq::Next => true,
            }
    });
    if let Some(d) = continued {
        st.truncate(d + 1);
        let run = &mut st.stack[d];
        run.last += 1;
        let id = run.id;
        st.accept(index, id);
        return;
    }
    if marker.artifact {
        // `二&、` out of sequence: the first part had no number of its own (`2019年工作回顾`),
        // so everything so far belongs under that missing first item.
        if let Seq::Number(n) = marker.seq {
            shift_under_missing_parent(st, 0);
            st.seen.insert(kind, ());
            st.open(me, kind, n, true);
        }
        return;
    }
    if let Some(d) = st.stack.iter().rposition(|r| r.kind == kind) {
        if marker.seq != Seq::Number(1) {
            return;
        }
        // A heading family that starts again at one right under an item with no sections of
        // its own (`二、2009年工作安排` then `一、…` `十二、`) lists that item's contents.
        let under_bare_item = d + 1 == st.stack.len() && kind.lists_under_bare_item();
        // Inside a subsection, a list written in another style than the series it would
        // restart (run-in items under heading lines) is that subsection's list.
        let other_style = d + 1 < st.stack.len() && cand.run_in != st.stack[d].run_in;
        let nest = st.stack.len() < MAX_DEPTH
            && (under_bare_item || other_style || nested_restart(st, d, ahead, skip, index + 1));
        if nest {
            st.open(me, kind, 1, false);
        } else {
            // A new list of the same family under the same parent.
            st.truncate(d);
            st.open(me, kind, 1, false);
        }
        return;
    }
    let Seq::Number(n) = marker.seq else {
        return; // `最后，` with no list to end.
    };
    let rank = kind.conventional_rank();
    if n == 1 {
        // Chinese-numeral headings never sit inside an Arabic-numbered list: `1、…5、` then
        // `一、…` are two series side by side, not a list holding the whole rest of the speech.
        if kind.is_chinese_heading() {
            let keep = st
                .stack
                .iter()
                .rposition(|r| !r.kind.is_arabic_list())
                .map_or(0, |p| p + 1);
            st.truncate(keep);
        }
        st.seen.insert(kind, ());
        st.proper_rank = Some(st.proper_rank.map_or(rank, |r| r.min(rank)));
        st.open(me, kind, 1, false);
        return;
    }
    let level_if_pushed = st.depth().saturating_add(1);
    // (A marker may be numbered 0, `〇、`/`0.`: no run continues into it.)
    let resumes = n
        .checked_sub(1)
        .is_some_and(|prev| st.closed.get(&kind) == Some(&(prev, level_if_pushed)));
    if resumes {
        st.open(me, kind, n, false);
        return;
    }
    let may_recover = !marker.opener
        && n <= 20
        && !st.seen.contains_key(&kind)
        && st.proper_rank.is_none_or(|r| r > rank);
    if !may_recover {
        return;
    }
    // The runs at the top of the stack that are conventionally below this family were children
    // of its previous (missing) sibling: they move one level down.
    let mut p = st.stack.len();
    while p > 0 && st.stack[p - 1].kind.conventional_rank() > rank {
        p -= 1;
    }
    shift_under_missing_parent(st, p);
    st.seen.insert(kind, ());
    st.open(me, kind, n, true);
}

/// Moves the open runs from stack position `p` up (and every section since the first of them)
/// one level down, under a parent the text does not show, and closes them.
fn shift_under_missing_parent(st: &mut State, p: usize) {
    if p >= st.stack.len() {
        return;
    }
    let first = st.stack[p].first;
    for a in &mut st.accepted[first..] {
        a.level = a.level.saturating_add(1);
    }
    // The closed runs remember their shifted level, so resumption still lines up.
    while st.stack.len() > p {
        let level = st.depth().saturating_add(1);
        if let Some(run) = st.stack.pop() {
            st.closed.insert(run.kind, (run.last, level));
        }
    }
}
