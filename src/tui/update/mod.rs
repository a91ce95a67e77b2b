//! `update`: the only place the state changes. Pure: no terminal, no files, no threads; slow or
//! outside work is returned as [`Effect`]s.

pub(crate) mod compare;
pub(crate) mod compare_search;
pub(crate) mod compare_view;
mod explorer;
pub(crate) mod library;
mod mouse;
mod popup;
pub(crate) mod reader;
pub(crate) mod sources;

use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::app::{Action, App, Effect, Input, InputPurpose, Phase, Popup, ReuseState, View};
use super::available;
use super::keymap::{Command, Key};
use super::theme::{ColorDepth, Theme, BUILTIN};

/// Applies one action. Returns the work the event loop must start.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let mut effects = Vec::new();
    match action {
        Action::Key(key) => on_key(app, key, &mut effects),
        Action::Mouse(ev) => {
            if matches!(app.phase, Phase::Ready) && app.input.is_none() {
                mouse::on_mouse(app, ev, &mut effects);
            }
        }
        Action::Resize(w, h) => {
            app.size = (w, h);
            relayout(app);
        }
        Action::Loaded(report) => {
            app.docs = Arc::new(report.documents);
            app.skipped = report.skipped;
            app.phase = Phase::Ready;
            app.doc_chars = app.docs.iter().map(|d| d.chars()).collect();
            (app.labels, app.short_labels) = super::labels::labels(&app.docs);
            library::refresh(app, None);
            if app.draft_mode && app.corpus_len() == 0 {
                app.set_error(
                    "no speeches found in the given paths: nothing to check the draft against",
                );
            } else if app.docs.is_empty() {
                app.set_error(match app.skipped.len() {
                    0 => "no speeches found in the given paths".to_string(),
                    n => format!(
                        "no speeches found ({n} {} skipped: press {} for why)",
                        super::sanitize::plural(n, "path", "paths"),
                        app.keymap.first_label(Command::LoadReport)
                    ),
                });
            }
        }
        Action::LoadProgress(d, t) => {
            if let Phase::Loading { done, total, .. } = &mut app.phase {
                (*done, *total) = (d, t);
            }
        }
        Action::Folded(folded) => {
            if folded.len() == app.docs.len() {
                app.folded = folded;
                let filter = std::mem::take(&mut app.library.filter);
                library::set_filter(app, filter);
            }
        }
        Action::IndexProgress(p) => app.reuse = ReuseState::Pending(Some(p)),
        Action::Indexed(Ok(index)) => {
            // Readers opened while the index was being built get their marks now.
            for view in &mut app.stack {
                if let View::Reader(r) = view {
                    r.marks = index.marks_of(r.doc);
                }
            }
            app.reuse = ReuseState::Ready(Arc::from(index));
            library::refresh(app, None);
            // `--check`: the draft's sources are what was asked for.
            if app.draft_mode && app.stack.is_empty() && !app.docs.is_empty() {
                sources::open_sources(app, app.docs.len() - 1, &mut effects);
            }
        }
        Action::Indexed(Err(e)) => {
            app.set_error(format!("reuse index: {e}"));
            app.reuse = ReuseState::Failed(e);
        }
        Action::Compared { a, b, comparison } => {
            app.comparisons.insert((a, b), comparison.clone());
            compare::arrived(app, a, b, comparison);
        }
        Action::Checked { draft, check } => sources::arrived(app, draft, check),
        Action::Saved(Ok(path)) => app.set_status(format!("saved {}", path.display())),
        Action::Saved(Err(e)) => app.set_error(format!("not saved: {e}")),
        Action::SaveConflict { path, contents } => {
            app.popup = Some(Popup::ConfirmOverwrite { path, contents });
        }
        // Signals are the event loop's business; one that reaches here changes nothing.
        Action::Os(_) => {}
        Action::Tick => {
            if let Phase::Loading { ticks, .. } = &mut app.phase {
                *ticks += 1;
            }
        }
    }
    effects
}

/// Re-wraps every open screen for the current size.
fn relayout(app: &mut App) {
    let size = app.size;
    let docs = app.docs.clone();
    let comparisons = app.comparisons.clone();
    for view in &mut app.stack {
        match view {
            View::Reader(r) => reader::rewrap(r, &docs, size),
            View::Compare(c) => compare::rebuild(c, &docs, &comparisons, size),
            View::Sources(s) => sources::rewrap(s, &docs, size),
            _ => {}
        }
    }
}

/// Rows of a list that fit the body (bordered block with a header line).
/// What the status line says when a command needs the reuse index before it is ready.
pub(super) fn index_not_ready(app: &App) -> String {
    match &app.reuse {
        super::app::ReuseState::Failed(e) => format!("the reuse index failed: {e}"),
        super::app::ReuseState::Pending(Some(p)) => format!(
            "the reuse index is still being built ({} {}/{})",
            p.stage, p.done, p.total
        ),
        _ => "the reuse index is still being built".to_string(),
    }
}

pub(super) fn list_page(app: &App) -> usize {
    (app.size.1 as usize).saturating_sub(2 + 3).max(1)
}

fn on_key(app: &mut App, ev: KeyEvent, effects: &mut Vec<Effect>) {
    if ev.kind == KeyEventKind::Release {
        return;
    }
    if ev.modifiers.contains(KeyModifiers::CONTROL) && matches!(ev.code, KeyCode::Char('c' | 'C')) {
        app.should_quit = true;
        return;
    }
    // Raw mode delivers Ctrl-Z as a key: suspend as a shell user expects.
    if ev.modifiers.contains(KeyModifiers::CONTROL) && matches!(ev.code, KeyCode::Char('z' | 'Z')) {
        effects.push(Effect::Suspend);
        return;
    }
    app.status = None;
    if app.input.is_some() {
        on_input_key(app, ev, effects);
        return;
    }
    let cmd = app.keymap.command(&Key::from_event(&ev));
    if app.popup.is_some() {
        popup::on_key(app, ev, cmd, effects);
        return;
    }
    let Some(cmd) = cmd else { return };
    match cmd {
        Command::Quit => {
            app.should_quit = true;
            return;
        }
        Command::Help => {
            app.popup = Some(Popup::Help {
                scroll: super::app::Scroll::default(),
            });
            return;
        }
        Command::Theme => {
            next_theme(app);
            return;
        }
        _ => {}
    }
    if matches!(app.phase, Phase::Loading { .. }) {
        return;
    }
    if !available::works(app, cmd) {
        app.set_status(available::not_here(app, cmd));
        return;
    }
    match app.stack.last() {
        None => library::on_command(app, cmd, effects),
        Some(View::Reader(_)) => reader::on_command(app, cmd, effects),
        Some(View::Sources(_)) => sources::on_command(app, cmd, effects),
        Some(View::Compare(_)) => compare::on_command(app, cmd, effects),
        Some(View::Explorer(_)) | Some(View::Concordance(_)) => {
            explorer::on_command(app, cmd, effects)
        }
    }
}

fn next_theme(app: &mut App) {
    if app.depth == ColorDepth::None {
        app.set_status("NO_COLOR is set: colours stay off");
        return;
    }
    let names: Vec<&str> = BUILTIN.iter().map(|(n, _)| *n).collect();
    let at = names.iter().position(|n| *n == app.theme.name).unwrap_or(0);
    let name = names[(at + 1) % names.len()];
    // The themes were read at start ([`Theme::load_all`]); without them, the built-in ones.
    let loaded = app.themes.iter().find(|(t, _)| t.name == name).cloned();
    let (theme, warning) =
        match loaded.or_else(|| Theme::builtin(name, app.depth).map(|t| (t, None))) {
            Some(found) => found,
            None => return,
        };
    app.theme = theme;
    match warning {
        Some(w) => app.set_error(w),
        None => app.set_status(format!("theme: {name}")),
    }
}

/// `/` in the reader searches the speech; in the comparison, both speeches (on Enter: each
/// keystroke would re-lay the rows).
fn search(app: &mut App, query: &str, confirm: bool) {
    if matches!(app.stack.last(), Some(View::Compare(_))) {
        if confirm {
            compare_search::search(app, query);
        }
    } else {
        reader::search(app, query, confirm);
    }
}

/// Starts a prompt at the bottom line.
pub(super) fn start_input(app: &mut App, purpose: InputPurpose, text: String) {
    app.input = Some(Input {
        purpose,
        before: text.clone(),
        text,
    });
}

fn on_input_key(app: &mut App, ev: KeyEvent, effects: &mut Vec<Effect>) {
    let Some(input) = app.input.as_mut() else {
        return;
    };
    let purpose = input.purpose;
    let mut changed = false;
    match ev.code {
        KeyCode::Esc => {
            let before = input.before.clone();
            app.input = None;
            match purpose {
                InputPurpose::Filter => library::set_filter(app, String::new()),
                InputPurpose::Search => search(app, &before, false),
                InputPurpose::FormulaSearch => explorer::search(app, &before),
                _ => app.set_status("not saved"),
            }
            return;
        }
        KeyCode::Enter => {
            let text = input.text.clone();
            app.input = None;
            match purpose {
                InputPurpose::Filter => {}
                InputPurpose::Search => search(app, &text, true),
                InputPurpose::SaveComparison => compare::save(app, &text, effects),
                InputPurpose::SaveConcordance => explorer::save(app, &text, effects),
                InputPurpose::FormulaSearch => explorer::search(app, &text),
                InputPurpose::SaveCheck => sources::save(app, &text, effects),
            }
            return;
        }
        KeyCode::Backspace => {
            changed = input.text.pop().is_some();
        }
        KeyCode::Char('u') if ev.modifiers.contains(KeyModifiers::CONTROL) => {
            changed = !input.text.is_empty();
            input.text.clear();
        }
        KeyCode::Char(c)
            if !ev.modifiers.contains(KeyModifiers::CONTROL)
                && !ev.modifiers.contains(KeyModifiers::ALT)
                && !c.is_control() =>
        {
            input.text.push(c);
            changed = true;
        }
        // Keys that make sense while typing a filter: move through the results.
        KeyCode::Down | KeyCode::Up
            if matches!(purpose, InputPurpose::Filter | InputPurpose::FormulaSearch) =>
        {
            let cmd = if ev.code == KeyCode::Down {
                Command::Down
            } else {
                Command::Up
            };
            if purpose == InputPurpose::Filter {
                library::on_command(app, cmd, effects);
            } else {
                explorer::on_command(app, cmd, effects);
            }
        }
        _ => {}
    }
    if changed {
        let text = app
            .input
            .as_ref()
            .map(|i| i.text.clone())
            .unwrap_or_default();
        match purpose {
            InputPurpose::Filter => library::set_filter(app, text),
            InputPurpose::Search => search(app, &text, false),
            InputPurpose::FormulaSearch => explorer::search(app, &text),
            _ => {}
        }
    }
}

#[cfg(test)]
pub(super) fn press(app: &mut App, spec: &str) -> Vec<Effect> {
    let key = Key::parse(spec).unwrap();
    let mut mods = KeyModifiers::empty();
    if key.ctrl {
        mods |= KeyModifiers::CONTROL;
    }
    update(app, Action::Key(KeyEvent::new(key.code, mods)))
}

#[cfg(test)]
pub(super) fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        update(
            app,
            Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::empty())),
        );
    }
}
