//! The boilerplate explorer: formulas one kind at a time (Tab), searched as you type (`/`), in five
//! orders (`y`); and the concordance of one formula, oldest speech first.

use speechtui::reuse::history;
use speechtui::reuse::Kind;

use super::super::app::{
    App, ConcordanceOrder, ConcordanceState, Effect, ExplorerState, InputPurpose, ListState,
    ReuseIndex, ReuseState, View,
};
use super::super::keymap::Command;
use super::super::save;
use super::{list_page, reader, start_input};

/// The explorer as it opens: formulas, most formulaic first.
pub fn open(app: &mut App) {
    let Some(index) = app.reuse_index() else {
        return;
    };
    let mut state = ExplorerState::default();
    refresh(&mut state, index, &app.docs);
    app.stack.push(View::Explorer(Box::new(state)));
}

/// Recomputes the rows after a change of kind, search or order; the selection stays on the same
/// formula when it is still shown.
pub fn refresh(
    state: &mut ExplorerState,
    index: &ReuseIndex,
    docs: &[speechtui::corpus::Document],
) {
    let keep = state.rows.get(state.list.selected).copied();
    let report = &index.report;
    let of_kind: Vec<usize> = report
        .ranked
        .iter()
        .copied()
        .filter(|&i| report.formulas[i].kind == state.kind)
        .collect();
    let mut rows = index.finder.search(&state.query, &of_kind);
    let years: Vec<Option<i32>> = docs.iter().map(|d| d.year()).collect();
    history::sort(report, &mut rows, state.sort, &years);
    state.list.selected = keep
        .and_then(|k| rows.iter().position(|&r| r == k))
        .unwrap_or(0);
    state.list.scroll = state.list.scroll.min(state.list.selected);
    state.rows = rows;
}

pub fn on_command(app: &mut App, cmd: Command, effects: &mut Vec<Effect>) {
    let page = list_page(app);
    // The Arc, so that the index can be read while the stack is borrowed mutably.
    let Some(index) = (match &app.reuse {
        ReuseState::Ready(r) => Some(r.clone()),
        _ => None,
    }) else {
        app.stack.pop();
        return;
    };
    let docs = app.docs.clone();
    match app.stack.last_mut() {
        Some(View::Explorer(state)) => match cmd {
            Command::Back => {
                app.stack.pop();
            }
            Command::NextPane => {
                let at = Kind::ALL.iter().position(|&k| k == state.kind).unwrap_or(0);
                state.kind = Kind::ALL[(at + 1) % Kind::ALL.len()];
                state.list = ListState::default();
                refresh(state, &index, &docs);
                let msg = format!("{} · {} shown", state.kind.title(), state.rows.len());
                app.set_status(msg);
            }
            Command::SortYear => {
                state.sort = state.sort.next();
                refresh(state, &index, &docs);
                state.list.keep_visible(page);
                let msg = format!("formulas sorted: {}", state.sort.name());
                app.set_status(msg);
            }
            Command::Search => {
                let q = state.query.clone();
                start_input(app, InputPurpose::FormulaSearch, q);
            }
            Command::Open => {
                if let Some(&id) = state.rows.get(state.list.selected) {
                    let f = &index.report.formulas[id];
                    let mut rows: Vec<_> = f.occurrences.iter().map(|o| (o.doc, o.span)).collect();
                    history::date_order(&mut rows, &docs);
                    app.stack.push(View::Concordance(ConcordanceState {
                        formula: id,
                        rows,
                        order: ConcordanceOrder::YearAscending,
                        list: ListState::default(),
                    }));
                }
            }
            _ => {
                let n = state.rows.len();
                state.list.apply(cmd, n, page)
            }
        },
        Some(View::Concordance(c)) => match cmd {
            Command::Back => {
                app.stack.pop();
            }
            Command::SortYear => {
                c.order = match c.order {
                    ConcordanceOrder::YearAscending => ConcordanceOrder::YearDescending,
                    ConcordanceOrder::YearDescending => ConcordanceOrder::Speech,
                    ConcordanceOrder::Speech => ConcordanceOrder::YearAscending,
                };
                let keep = c.rows.get(c.list.selected).copied();
                order_rows(c, &docs);
                c.list.selected = keep
                    .and_then(|k| c.rows.iter().position(|&r| r == k))
                    .unwrap_or(0);
                c.list.keep_visible(page);
                let msg = match c.order {
                    ConcordanceOrder::Speech => "by speech",
                    ConcordanceOrder::YearAscending => "by date, oldest first",
                    ConcordanceOrder::YearDescending => "by date, newest first",
                };
                app.set_status(format!("concordance sorted {msg}"));
            }
            Command::Open => {
                if let Some(&(doc, span)) = c.rows.get(c.list.selected) {
                    reader::open_reader(app, doc, Some(span.start), Some(span));
                }
            }
            Command::Save => {
                let text = &index.report.formulas[c.formula].text;
                let name = save::default_concordance_name(text);
                start_input(app, InputPurpose::SaveConcordance, name);
            }
            _ => c.list.apply(cmd, c.rows.len(), page),
        },
        _ => {}
    }
    let _ = effects;
}

/// The search prompt changed: filter the formulas as the user types.
pub fn search(app: &mut App, query: &str) {
    let Some(index) = (match &app.reuse {
        ReuseState::Ready(r) => Some(r.clone()),
        _ => None,
    }) else {
        return;
    };
    let docs = app.docs.clone();
    if let Some(View::Explorer(state)) = app.stack.last_mut() {
        state.query = query.to_string();
        state.list = ListState::default();
        refresh(state, &index, &docs);
    }
}

fn order_rows(c: &mut ConcordanceState, docs: &[speechtui::corpus::Document]) {
    match c.order {
        ConcordanceOrder::Speech => c.rows.sort_by_key(|&(d, s)| (d, s.start)),
        ConcordanceOrder::YearAscending => history::date_order(&mut c.rows, docs),
        ConcordanceOrder::YearDescending => {
            // Newest first, undated still last.
            history::date_order(&mut c.rows, docs);
            let dated = c.rows.iter().filter(|r| docs[r.0].date.is_some()).count();
            c.rows[..dated].reverse();
        }
    }
}

/// Enter on the concordance save prompt.
pub fn save(app: &mut App, name: &str, effects: &mut Vec<Effect>) {
    let Some(View::Concordance(c)) = app.stack.last() else {
        return;
    };
    let Some(index) = app.reuse_index() else {
        return;
    };
    if name.trim().is_empty() {
        app.set_error("not saved: no file name");
        return;
    }
    let formula = &index.report.formulas[c.formula];
    let contents = save::concordance_report(&app.docs, formula, &c.rows);
    effects.push(Effect::Save {
        path: app.save_dir.join(name.trim()),
        contents,
        overwrite: false,
    });
}
