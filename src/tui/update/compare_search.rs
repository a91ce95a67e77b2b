//! `/` in the comparison: one search over both speeches, hits in screen order, `n`/`N` through
//! them. Unshared text is unfolded so that every hit can be shown.

use super::super::app::{App, CompareState, View};
use super::compare_view::{rebuild, scroll_to};

pub use super::super::search_hits::{CompareSearch, Hit};

/// Char offsets of `query` in `text`, by the one folded search the reader and library use.
fn find(text: &str, query: &str) -> Vec<usize> {
    speechtui::text::search::find(text, query)
        .into_iter()
        .map(|hit| hit.start)
        .collect()
}

/// The screen row showing char `at` of one side.
pub fn row_of(c: &CompareState, side_a: bool, at: usize) -> Option<usize> {
    c.rows.rows.iter().position(|r| {
        let cell = if side_a { r.left } else { r.right };
        cell.and_then(|c| c.line)
            .is_some_and(|l| l.start <= at && at < l.end.max(l.start + 1))
    })
}

/// Runs `query` over both speeches and shows the first hit at or below the top of the screen.
pub fn search(app: &mut App, query: &str) {
    let size = app.size;
    let docs = app.docs.clone();
    let comparisons = app.comparisons.clone();
    let Some(View::Compare(c)) = app.stack.last_mut() else {
        return;
    };
    let mut hits: Vec<Hit> = find(&docs[c.a].text, query)
        .into_iter()
        .map(|h| (true, h))
        .chain(find(&docs[c.b].text, query).into_iter().map(|h| (false, h)))
        .collect();
    if !hits.is_empty() && c.fold {
        c.fold = false;
        rebuild(c, &docs, &comparisons, size);
    }
    let mut placed: Vec<(usize, Hit)> = hits
        .drain(..)
        .map(|h| (row_of(c, h.0, h.1).unwrap_or(usize::MAX), h))
        .collect();
    placed.sort_by_key(|&(row, (side_a, at))| (row, !side_a, at));
    let current = placed.iter().position(|p| p.0 >= c.scroll).unwrap_or(0);
    c.search = CompareSearch {
        query: query.to_string(),
        hits: placed.iter().map(|p| p.1).collect(),
        current,
    };
    show(app);
}

/// `n`/`N`.
pub fn step(app: &mut App, forward: bool) {
    let Some(View::Compare(c)) = app.stack.last_mut() else {
        return;
    };
    let n = c.search.hits.len();
    if n == 0 {
        let msg = if c.search.query.is_empty() {
            "no search: press / to search both speeches".to_string()
        } else {
            format!("“{}” is in neither speech", c.search.query)
        };
        app.set_status(msg);
        return;
    }
    c.search.current = if forward {
        (c.search.current + 1) % n
    } else {
        (c.search.current + n - 1) % n
    };
    show(app);
}

/// Scrolls to the current hit and says where it is.
fn show(app: &mut App) {
    let size = app.size;
    let Some(View::Compare(c)) = app.stack.last_mut() else {
        return;
    };
    let n = c.search.hits.len();
    let Some(&(side_a, at)) = c.search.hits.get(c.search.current) else {
        let msg = format!("“{}” is in neither speech", c.search.query);
        app.set_status(msg);
        return;
    };
    if let Some(row) = row_of(c, side_a, at) {
        scroll_to(c, row, size);
    }
    let places = if side_a { &c.places.0 } else { &c.places.1 };
    let msg = format!(
        "hit {}/{n} · {} {}",
        c.search.current + 1,
        if side_a { "A" } else { "B" },
        places.name(at)
    );
    app.set_status(msg);
}
