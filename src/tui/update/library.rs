//! The library: every speech, sortable, filtered as you type.

use speechtui::text::search;
use std::cmp::Ordering;

use super::super::app::{App, Effect, InputPurpose, ListState, Popup, SortColumn};
use super::super::keymap::Command;
use super::{compare, list_page, reader, start_input};

pub fn on_command(app: &mut App, cmd: Command, effects: &mut Vec<Effect>) {
    let page = list_page(app);
    let n = app.library.rows.len();
    match cmd {
        Command::Down
        | Command::Up
        | Command::PageDown
        | Command::PageUp
        | Command::Top
        | Command::Bottom => app.library.list.apply(cmd, n, page),
        Command::Open => {
            if let Some(&doc) = app.library.rows.get(app.library.list.selected) {
                reader::open_reader(app, doc, None, None);
            }
        }
        Command::Compare => {
            let Some(&doc) = app.library.rows.get(app.library.list.selected) else {
                return;
            };
            match app.library.mark {
                None => {
                    app.library.mark = Some(doc);
                    app.set_status(format!(
                        "marked “{}”: press {} on another speech to compare",
                        // Short, so that the instruction fits an 80-column status line.
                        super::super::sanitize::truncate(&app.labels[doc], 24),
                        app.keymap.first_label(Command::Compare)
                    ));
                }
                Some(m) if m == doc => {
                    app.library.mark = None;
                    app.set_status("mark cleared");
                }
                Some(m) => {
                    app.library.mark = None;
                    compare::open_compare(app, m, doc, None, effects);
                }
            }
        }
        Command::Search => {
            let current = app.library.filter.clone();
            start_input(app, InputPurpose::Filter, current);
        }
        Command::Back => {
            if !app.library.filter.is_empty() {
                set_filter(app, String::new());
            } else if app.library.mark.take().is_some() {
                app.set_status("mark cleared");
            }
        }
        Command::LoadReport => {
            app.popup = Some(Popup::LoadReport {
                scroll: super::super::app::Scroll::default(),
            })
        }
        Command::Sources => {
            if let Some(&doc) = app.library.rows.get(app.library.list.selected) {
                super::sources::open_sources(app, doc, effects);
            }
        }
        Command::Explorer => {
            if app.reuse_index().is_some() {
                super::explorer::open(app);
            } else {
                app.set_status(super::index_not_ready(app));
            }
        }
        Command::SortTitle => sort_by(app, SortColumn::Title),
        Command::SortDate => sort_by(app, SortColumn::Date),
        Command::SortLength => sort_by(app, SortColumn::Length),
        Command::SortBorrowed => sort_by(app, SortColumn::Borrowed),
        _ => {}
    }
}

fn sort_by(app: &mut App, col: SortColumn) {
    if app.library.sort == col {
        app.library.descending = !app.library.descending;
    } else {
        app.library.sort = col;
        // Long and much-borrowed first is what one wants to see first.
        app.library.descending = matches!(col, SortColumn::Length | SortColumn::Borrowed);
    }
    // A new order is read from its top: the selection goes there rather than following a row
    // to wherever the sort put it.
    refresh(app, None);
    app.library.list = ListState::default();
}

pub fn set_filter(app: &mut App, filter: String) {
    let narrowing = !app.library.filter.is_empty() && filter.starts_with(&app.library.filter);
    app.library.filter = filter;
    let keep = app.library.rows.get(app.library.list.selected).copied();
    if narrowing {
        // Typing one more character can only remove rows: search only those.
        let rows = std::mem::take(&mut app.library.rows);
        app.library.rows = rows.into_iter().filter(|&i| matches(app, i)).collect();
        reselect(app, keep);
    } else {
        refresh(app, keep);
    }
}

/// Whether speech `doc` passes the filter: every word of it (split at spaces) is found in the
/// speech's date, title, file name or text, so `2016 广东` finds 广东省2016年政府工作报告.
fn matches(app: &App, doc: usize) -> bool {
    app.library
        .filter
        .split_whitespace()
        .all(|term| matches_term(app, doc, term))
}

fn matches_term(app: &App, doc: usize, f: &str) -> bool {
    let d = &app.docs[doc];
    if d.date.as_deref().is_some_and(|x| x.contains(f)) {
        return true;
    }
    match app.folded.get(doc) {
        Some(folded) => search::contains(folded, f),
        // Before the folded texts arrive: plain matching, ASCII case-insensitive.
        None => {
            let lower = f.to_ascii_lowercase();
            d.title.to_ascii_lowercase().contains(&lower)
                || super::super::labels::source_name(d)
                    .to_ascii_lowercase()
                    .contains(&lower)
                || if f.chars().any(|c| c.is_ascii_alphabetic()) {
                    d.text.to_ascii_lowercase().contains(&lower)
                } else {
                    d.text.contains(f)
                }
        }
    }
}

/// What the filter searches in a speech: its title and text, folded.
pub fn folded_doc(d: &speechtui::corpus::Document) -> String {
    let mut s = search::fold_str(&d.title);
    s.push('\n');
    // The file name too: `吉林` finds 1998_吉林省_政府工作报告 even where the text never says it.
    s.push_str(&search::fold_str(&super::super::labels::source_name(d)));
    s.push('\n');
    s.push_str(&search::fold_str(&d.text));
    s
}

/// Recomputes the shown rows (filter + sort), keeping `keep` selected if still shown.
pub fn refresh(app: &mut App, keep: Option<usize>) {
    let mut rows: Vec<usize> = (0..app.docs.len()).filter(|&i| matches(app, i)).collect();
    let docs = &app.docs;
    let borrowed = app.reuse_index().map(|r| r.borrowed.clone());
    let chars = &app.doc_chars;
    let cmp = |&a: &usize, &b: &usize| -> Ordering {
        let by = match app.library.sort {
            SortColumn::Title => docs[a].title.cmp(&docs[b].title),
            // Undated speeches go last either way.
            SortColumn::Date => match (&docs[a].date, &docs[b].date) {
                (Some(x), Some(y)) => x.cmp(y),
                (Some(_), None) => return Ordering::Less,
                (None, Some(_)) => return Ordering::Greater,
                (None, None) => Ordering::Equal,
            },
            SortColumn::Length => chars.get(a).cmp(&chars.get(b)),
            SortColumn::Borrowed => {
                let get = |i: usize| borrowed.as_ref().and_then(|v| v[i]).unwrap_or(-1.0);
                get(a).total_cmp(&get(b))
            }
        };
        let by = if app.library.descending {
            by.reverse()
        } else {
            by
        };
        by.then_with(|| docs[a].title.cmp(&docs[b].title))
            .then(a.cmp(&b))
    };
    rows.sort_by(cmp);
    app.library.rows = rows;
    reselect(app, keep);
}

fn reselect(app: &mut App, keep: Option<usize>) {
    let page = list_page(app);
    let lib = &mut app.library;
    lib.list.selected = keep
        .and_then(|d| lib.rows.iter().position(|&r| r == d))
        .unwrap_or(0)
        .min(lib.rows.len().saturating_sub(1));
    if lib.list.scroll > lib.list.selected || lib.rows.len() <= page {
        lib.list.scroll = 0;
    }
    lib.list.keep_visible(page);
}
