//! The boilerplate explorer: ranked formulas, and the concordance of one formula.

use super::super::app::{
    App, ConcordanceOrder, ConcordanceState, Effect, InputPurpose, ListState, ReuseState, View,
};
use super::super::keymap::Command;
use super::super::save;
use super::{list_page, reader, start_input};

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
        Some(View::Explorer(list)) => match cmd {
            Command::Back => {
                app.stack.pop();
            }
            Command::Open => {
                if let Some(f) = index.report.formulas.get(list.selected) {
                    let rows = f.occurrences.iter().map(|o| (o.doc, o.span)).collect();
                    let mut state = ConcordanceState {
                        formula: list.selected,
                        rows,
                        order: ConcordanceOrder::Speech,
                        list: ListState::default(),
                    };
                    order_rows(&mut state, &docs);
                    app.stack.push(View::Concordance(state));
                }
            }
            _ => list.apply(cmd, index.report.formulas.len(), page),
        },
        Some(View::Concordance(c)) => match cmd {
            Command::Back => {
                app.stack.pop();
            }
            Command::SortYear => {
                c.order = match c.order {
                    ConcordanceOrder::Speech => ConcordanceOrder::YearAscending,
                    ConcordanceOrder::YearAscending => ConcordanceOrder::YearDescending,
                    ConcordanceOrder::YearDescending => ConcordanceOrder::Speech,
                };
                let keep = c.rows.get(c.list.selected).copied();
                order_rows(c, &docs);
                c.list.selected = keep
                    .and_then(|k| c.rows.iter().position(|&r| r == k))
                    .unwrap_or(0);
                c.list.keep_visible(page);
                let msg = match c.order {
                    ConcordanceOrder::Speech => "by speech",
                    ConcordanceOrder::YearAscending => "by year, oldest first",
                    ConcordanceOrder::YearDescending => "by year, newest first",
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

fn order_rows(c: &mut ConcordanceState, docs: &[speechtui::corpus::Document]) {
    let year = |d: usize| docs[d].year();
    match c.order {
        ConcordanceOrder::Speech => c.rows.sort_by_key(|&(d, s)| (d, s.start)),
        // Undated speeches last, whichever way.
        ConcordanceOrder::YearAscending => c
            .rows
            .sort_by_key(|&(d, s)| (year(d).is_none(), year(d), d, s.start)),
        ConcordanceOrder::YearDescending => c
            .rows
            .sort_by_key(|&(d, s)| (year(d).is_none(), std::cmp::Reverse(year(d)), d, s.start)),
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
