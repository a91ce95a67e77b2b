//! The sources screen: where the passages of a speech (or of the `--check` draft) come from,
//! sources ranked by how much of it they hold; Enter compares the speech with a source at their
//! first shared passage, `R` reads the speech there, `s` saves the check report.

use std::sync::Arc;

use speechtui::check::Check;

use super::super::app::{App, Effect, InputPurpose, ListState, SourcesState, View};
use super::super::keymap::Command;
use super::super::layout;
use super::{compare, start_input};

/// Opens the sources of speech `draft`; the check itself runs as an effect.
pub fn open_sources(app: &mut App, draft: usize, effects: &mut Vec<Effect>) {
    if app.reuse_index().is_none() {
        app.set_status(super::index_not_ready(app));
        return;
    }
    app.stack.push(View::Sources(Box::new(SourcesState {
        draft,
        check: None,
        list: ListState::default(),
    })));
    effects.push(Effect::Check {
        draft,
        corpus: app.corpus_len(),
    });
}

/// The check of `draft` arrived.
pub fn arrived(app: &mut App, draft: usize, result: Result<Arc<Check>, String>) {
    match result {
        Ok(check) => {
            let nothing = check.passages.is_empty();
            for view in &mut app.stack {
                if let View::Sources(s) = view {
                    if s.draft == draft && s.check.is_none() {
                        s.check = Some(check.clone());
                    }
                }
            }
            if let Some(w) = check.warnings.first() {
                app.set_error(format!("check: {w}"));
            } else if nothing {
                app.set_status("nothing in this speech was found in the rest of the corpus");
            }
        }
        Err(e) => {
            if matches!(app.stack.last(), Some(View::Sources(s)) if s.draft == draft && s.check.is_none())
            {
                app.stack.pop();
            }
            app.set_error(format!("check failed: {e}"));
        }
    }
}

/// Rows of the sources list on screen (the upper part of the body).
pub fn list_rows(size: (u16, u16)) -> usize {
    let body = layout::frame(ratatui::layout::Rect::new(0, 0, size.0, size.1)).1;
    layout::sources(body).0.height.saturating_sub(2) as usize
}

pub fn on_command(app: &mut App, cmd: Command, effects: &mut Vec<Effect>) {
    let page = list_rows(app.size).max(1);
    let Some(View::Sources(s)) = app.stack.last_mut() else {
        return;
    };
    let n = s.check.as_ref().map_or(0, |c| c.sources.len());
    match cmd {
        Command::Down
        | Command::Up
        | Command::PageDown
        | Command::PageUp
        | Command::Top
        | Command::Bottom => s.list.apply(cmd, n, page),
        Command::Open => {
            let Some(check) = &s.check else { return };
            let Some(src) = check.sources.get(s.list.selected) else {
                return;
            };
            let at = check.passages[src.first_passage].span.start;
            let (draft, doc) = (s.draft, src.doc);
            compare::open_compare(app, draft, doc, Some(at), effects);
        }
        // The speech itself in the reader, at the first passage the selected source holds, that
        // passage focused (the reader marks the reused wording as everywhere).
        Command::ReadAt => {
            let Some(check) = &s.check else { return };
            let Some(src) = check.sources.get(s.list.selected) else {
                return;
            };
            let span = check.passages[src.first_passage].span;
            let draft = s.draft;
            super::reader::open_reader(app, draft, Some(span.start), Some(span));
        }
        Command::Save => {
            if s.check.is_none() {
                app.set_status("the check is still running");
                return;
            }
            let name = speechtui::export::check_file_name(&app.docs[s.draft]);
            start_input(app, InputPurpose::SaveCheck, name);
        }
        Command::Back => {
            app.stack.pop();
        }
        _ => {}
    }
}

/// Enter on the save prompt: write the check report to `name` (relative to the save dir).
pub fn save(app: &mut App, name: &str, effects: &mut Vec<Effect>) {
    let Some(View::Sources(s)) = app.stack.last() else {
        return;
    };
    let Some(check) = &s.check else { return };
    if name.trim().is_empty() {
        app.set_error("not saved: no file name");
        return;
    }
    let corpus = &app.docs[..app.corpus_len()];
    let contents = speechtui::export::check_text(&app.docs[s.draft], corpus, check);
    effects.push(Effect::Save {
        path: app.save_dir.join(name.trim()),
        contents,
        overwrite: false,
    });
}
