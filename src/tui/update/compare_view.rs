//! Where the comparison's panes stand: the rows rebuilt for the screen, the scroll kept within
//! them, the passage stop at the top. Shared by the comparison's keys and its search, apart from
//! both so that neither imports the other.

use std::collections::HashMap;
use std::sync::Arc;

use speechtui::align::Comparison;
use speechtui::corpus::Document;

use super::super::app::CompareState;
use super::super::layout;
use super::super::rows::{self, Texts};

/// Rows visible in each pane.
pub(super) fn page(size: (u16, u16)) -> usize {
    let (_, l, _) = layout::compare(layout::body_of(size));
    layout::inner(l).height.max(1) as usize
}

/// Rebuilds the rows (after a resize or a fold), keeping the top passage in view.
pub fn rebuild(
    c: &mut CompareState,
    docs: &[Document],
    _cache: &HashMap<(usize, usize), Arc<Comparison>>,
    size: (u16, u16),
) {
    let Some(cmp) = c.comparison.clone() else {
        return;
    };
    let keep = top_stop(c, page(size)).map(|i| c.rows.stops[i]);
    c.widths = layout::compare_text_widths(layout::body_of(size));
    let texts = Texts {
        a: &docs[c.a].text,
        a_chars: &c.a_chars,
        b: &docs[c.b].text,
        b_chars: &c.b_chars,
    };
    c.rows = rows::build(&texts, &cmp, c.fold, c.widths);
    if let Some(k) = keep {
        let at = c
            .rows
            .stops
            .iter()
            .position(|s| s.passage == k.passage && s.side_a == k.side_a);
        if let Some(i) = at {
            c.scroll = c.rows.stops[i].row;
            if c.current.is_some() {
                c.current = Some(i);
            }
        }
    }
    clamp_scroll(c, size);
}

pub(super) fn land(c: &mut CompareState) {
    let Some(cmp) = &c.comparison else { return };
    let Some(at) = c.land_at.take() else {
        return;
    };
    // The passage holding `at`, else the first after it, else the last.
    let pick = cmp
        .passages
        .iter()
        .position(|p| p.a.end > at)
        .or(cmp.passages.len().checked_sub(1));
    // Its stop: level, or on A's side.
    let stop = pick.and_then(|p| {
        c.rows
            .stops
            .iter()
            .position(|s| s.passage == p && s.side_a != Some(false))
    });
    if let Some(i) = stop {
        c.scroll = c.rows.stops[i].row;
        c.current = Some(i);
    }
}

/// Puts `row` at the top of the panes (as far as the end of the rows allows).
pub fn scroll_to(c: &mut CompareState, row: usize, size: (u16, u16)) {
    c.scroll = row;
    c.current = None;
    clamp_scroll(c, size);
}

pub(super) fn clamp_scroll(c: &mut CompareState, size: (u16, u16)) {
    let max = c.rows.rows.len().saturating_sub(page(size));
    c.scroll = c.scroll.min(max);
}

/// The passage stop (index into `rows.stops`) `]`/`[` move from and the header names: the one
/// last jumped to, else the first one on screen (`page` rows from the top); `None` when no
/// passage is in view.
pub fn top_stop(c: &CompareState, page: usize) -> Option<usize> {
    if c.current.is_some() {
        return c.current;
    }
    c.rows
        .stops
        .iter()
        .position(|s| s.row >= c.scroll && s.row < c.scroll + page)
}
