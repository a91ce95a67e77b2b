//! The comparison screen: both speeches whole in level rows, passage jumps, folding, opening the
//! reader at a passage, saving.

use std::sync::Arc;

use speechtui::align::Comparison;

use super::super::app::{App, CompareState, Effect, InputPurpose, View};
use super::super::keymap::Command;
use super::super::rows::Rows;
use super::super::save;
use super::super::wrap::CharIndex;
use super::compare_search::{self, CompareSearch};
pub(super) use super::compare_view::{clamp_scroll, land, page, rebuild};
pub use super::compare_view::{scroll_to, top_stop};
use super::reader::open_reader;
use super::start_input;
use speechtui::outline::place::Places;

/// Opens the comparison of `a` and `b`; `land_at` (a char of A) picks the passage to show first.
pub fn open_compare(
    app: &mut App,
    a: usize,
    b: usize,
    land_at: Option<usize>,
    effects: &mut Vec<Effect>,
) {
    let comparison = app.comparisons.get(&(a, b)).cloned();
    let mut state = CompareState {
        a,
        b,
        a_chars: CharIndex::new(&app.docs[a].text),
        b_chars: CharIndex::new(&app.docs[b].text),
        comparison: None,
        places: Arc::new((
            Places::new(&app.docs[a].text),
            Places::new(&app.docs[b].text),
        )),
        fold: true,
        search: CompareSearch::default(),
        rows: Rows::default(),
        widths: (0, 0),
        scroll: 0,
        current: None,
        land_at,
    };
    match comparison {
        Some(c) => {
            state.comparison = Some(c);
            rebuild(&mut state, &app.docs, &app.comparisons, app.size);
            land(&mut state);
        }
        None => effects.push(Effect::Compare { a, b }),
    }
    app.stack.push(View::Compare(Box::new(state)));
}

/// The alignment of `a` and `b` is ready.
pub fn arrived(app: &mut App, a: usize, b: usize, comparison: Arc<Comparison>) {
    let size = app.size;
    let docs = app.docs.clone();
    let comparisons = app.comparisons.clone();
    for view in &mut app.stack {
        if let View::Compare(c) = view {
            if c.a == a && c.b == b && c.comparison.is_none() {
                c.comparison = Some(comparison.clone());
                rebuild(c, &docs, &comparisons, size);
                land(c);
            }
        }
    }
    if let Some(View::Compare(c)) = app.stack.last() {
        if c.a == a && c.b == b && comparison.passages.is_empty() {
            app.set_status("these two speeches share no passage");
        }
    }
}

pub fn on_command(app: &mut App, cmd: Command, effects: &mut Vec<Effect>) {
    let size = app.size;
    let docs = app.docs.clone();
    let comparisons = app.comparisons.clone();
    let Some(View::Compare(c)) = app.stack.last_mut() else {
        return;
    };
    let page = page(size);
    match cmd {
        Command::Back => {
            app.stack.pop();
            return;
        }
        Command::Down => c.scroll += 1,
        Command::Up => c.scroll = c.scroll.saturating_sub(1),
        Command::PageDown => c.scroll += page.saturating_sub(1).max(1),
        Command::PageUp => c.scroll = c.scroll.saturating_sub(page.saturating_sub(1).max(1)),
        Command::Top => c.scroll = 0,
        Command::Bottom => c.scroll = usize::MAX,
        Command::NextPassage | Command::PrevPassage => {
            let n = c.rows.stops.len();
            if n == 0 {
                app.set_status("no shared passage");
                return;
            }
            // From the passage the header names, so that `]` never lands on the one shown.
            let pos = top_stop(c, page);
            let next = match (cmd, pos) {
                (Command::NextPassage, Some(i)) if i + 1 >= n => {
                    app.set_status(format!("that was the last passage ({n} of {n})"));
                    return;
                }
                (Command::PrevPassage, Some(0)) => {
                    app.set_status("that was the first passage");
                    return;
                }
                (Command::NextPassage, Some(i)) => i + 1,
                (Command::NextPassage, None) => {
                    match c.rows.stops.iter().position(|s| s.row > c.scroll) {
                        Some(i) => i,
                        None => {
                            app.set_status(format!("no passage below · {n} in all"));
                            return;
                        }
                    }
                }
                (_, Some(i)) => i - 1,
                (_, None) => c
                    .rows
                    .stops
                    .iter()
                    .rposition(|s| s.row < c.scroll)
                    .unwrap_or(0),
            };
            c.current = Some(next);
            c.scroll = c.rows.stops[next].row;
            clamp_scroll(c, size);
            return;
        }
        Command::Fold => {
            c.fold = !c.fold;
            rebuild(c, &docs, &comparisons, size);
            return;
        }
        Command::Search => {
            let q = c.search.query.clone();
            start_input(app, InputPurpose::Search, q);
            return;
        }
        Command::NextHit | Command::PrevHit => {
            compare_search::step(app, cmd == Command::NextHit);
            return;
        }
        Command::Open => {
            let Some(i) = top_stop(c, page) else {
                app.set_status("no passage on screen to open");
                return;
            };
            let Some(cmp) = &c.comparison else { return };
            let stop = c.rows.stops[i];
            let p = &cmp.passages[stop.passage];
            // A level passage opens in A; a moved one in the speech whose side it is on.
            let (doc, span) = match stop.side_a {
                Some(false) => (c.b, p.b),
                _ => (c.a, p.a),
            };
            open_reader(app, doc, Some(span.start), Some(span));
            return;
        }
        Command::Save => {
            if c.comparison.is_none() {
                app.set_status("the alignment is still running");
                return;
            }
            let name =
                save::default_comparison_name(&app.short_labels[c.a], &app.short_labels[c.b]);
            start_input(app, InputPurpose::SaveComparison, name);
            return;
        }
        _ => return,
    }
    // Plain scrolling: no passage is "current" any more; the header names the first one in view.
    clamp_scroll(c, size);
    c.current = None;
    let _ = effects;
}

/// Enter on the save prompt: write the comparison report to `name` (relative to the save dir).
pub fn save(app: &mut App, name: &str, effects: &mut Vec<Effect>) {
    let Some(View::Compare(c)) = app.stack.last() else {
        return;
    };
    let Some(cmp) = &c.comparison else { return };
    if name.trim().is_empty() {
        app.set_error("not saved: no file name");
        return;
    }
    let contents = save::comparison_report(&app.docs[c.a], &app.docs[c.b], cmp);
    effects.push(Effect::Save {
        path: app.save_dir.join(name.trim()),
        contents,
        overwrite: false,
    });
}
