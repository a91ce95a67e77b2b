//! The sources screen: where the passages of a speech (or of the `--check` draft) come from,
//! sources ranked by how much of it they hold, above the speech itself with its borrowed passages
//! marked. Enter compares the speech with a source at the current passage, `R` reads the speech
//! there, `s` saves the check report; `Tab` moves between the sources and the text, `n`/`N` go
//! through the passages the selected source holds.

use std::sync::Arc;

use speechtui::check::Check;
use speechtui::corpus::Document;

use super::super::app::{App, Effect, InputPurpose, ListState, SourcesFocus, SourcesState, View};
use super::super::keymap::Command;
use super::super::layout;
use super::super::selection::{Move, Scroll};
use super::super::wrap::{rewrapped, CharIndex};
use super::{compare, start_input};

/// Lines of text kept above a passage the text pane is scrolled to.
const CONTEXT_LINES: usize = 2;

/// Opens the sources of speech `draft`; the check itself runs as an effect.
pub fn open_sources(app: &mut App, draft: usize, effects: &mut Vec<Effect>) {
    if app.reuse_index().is_none() {
        app.set_status(super::index_not_ready(app));
        return;
    }
    let mut s = SourcesState {
        draft,
        check: None,
        list: ListState::default(),
        focus: SourcesFocus::List,
        chars: CharIndex::new(&app.docs[draft].text),
        wrap_width: 0,
        lines: Vec::new(),
        scroll: 0,
        passage: None,
    };
    rewrap(&mut s, &app.docs, app.size);
    app.stack.push(View::Sources(Box::new(s)));
    effects.push(Effect::Check {
        draft,
        corpus: app.corpus_len(),
    });
}

/// Wraps the speech's text for the current size, keeping the same text at the top.
pub fn rewrap(s: &mut SourcesState, docs: &[Document], size: (u16, u16)) {
    let (_, pane) = layout::sources(layout::body_of(size));
    let width = layout::sources_text_width(pane).max(2);
    let text = &docs[s.draft].text;
    if let Some(top) = rewrapped(&mut s.lines, &mut s.wrap_width, text, width, s.scroll) {
        s.scroll = top;
        clamp_scroll(s, size);
    }
}

/// The line holding char `at`.
fn line_of(s: &SourcesState, at: usize) -> usize {
    super::super::wrap::line_of(&s.lines, at)
}

/// Rows of text on screen.
pub fn text_rows(size: (u16, u16)) -> usize {
    let (_, pane) = layout::sources(layout::body_of(size));
    pane.height.saturating_sub(2) as usize
}

fn clamp_scroll(s: &mut SourcesState, size: (u16, u16)) {
    let rows = text_rows(size).max(1);
    s.scroll = s.scroll.min(s.lines.len().saturating_sub(rows));
}

/// Makes passage `p` the current one and scrolls the text to it (a little context above).
fn go_to_passage(s: &mut SourcesState, p: usize, size: (u16, u16)) {
    let Some(check) = &s.check else { return };
    let Some(passage) = check.passages.get(p) else {
        return;
    };
    let line = line_of(s, passage.span.start);
    s.passage = Some(p);
    s.scroll = line.saturating_sub(CONTEXT_LINES);
    clamp_scroll(s, size);
}

/// The current passage follows the selected source: its first passage.
fn follow_selection(s: &mut SourcesState, size: (u16, u16)) {
    let first = s
        .check
        .as_ref()
        .and_then(|c| c.sources.get(s.list.selected))
        .map(|src| src.first_passage);
    match first {
        Some(p) => go_to_passage(s, p, size),
        None => s.passage = None,
    }
}

/// The next (`forward`) or previous passage the selected source holds, from the current one,
/// round the end.
fn step_passage(s: &SourcesState, forward: bool) -> Option<usize> {
    let check = s.check.as_ref()?;
    let src = check.sources.get(s.list.selected)?;
    let held: Vec<usize> = (0..check.passages.len())
        .filter(|&i| check.passages[i].sources.iter().any(|c| c.doc == src.doc))
        .collect();
    let cur = s.passage.unwrap_or(src.first_passage);
    let next = if forward {
        held.iter().find(|&&i| i > cur).or(held.first())
    } else {
        held.iter().rev().find(|&&i| i < cur).or(held.last())
    };
    next.copied()
}

/// The check of `draft` arrived.
pub fn arrived(app: &mut App, draft: usize, result: Result<Arc<Check>, String>) {
    let size = app.size;
    match result {
        Ok(check) => {
            let nothing = check.passages.is_empty();
            for view in &mut app.stack {
                if let View::Sources(s) = view {
                    if s.draft == draft && s.check.is_none() {
                        s.check = Some(check.clone());
                        follow_selection(s, size);
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

/// Rows of the sources list on screen (the upper pane, below the summary and the header).
pub fn list_rows(size: (u16, u16)) -> usize {
    let (top, _) = layout::sources(layout::body_of(size));
    top.height.saturating_sub(4) as usize
}

pub fn on_command(app: &mut App, cmd: Command, effects: &mut Vec<Effect>) {
    let size = app.size;
    let page = list_rows(size).max(1);
    let text_page = text_rows(size).max(1);
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
        | Command::Bottom => match s.focus {
            SourcesFocus::List => {
                let before = s.list.selected;
                s.list.apply(cmd, n, page);
                if s.list.selected != before || s.passage.is_none() {
                    follow_selection(s, size);
                }
            }
            SourcesFocus::Text => {
                let mut scroll = Scroll { offset: s.scroll };
                if let Some(m) = Move::of(cmd) {
                    scroll.apply(m, s.lines.len(), text_page);
                }
                s.scroll = scroll.offset;
            }
        },
        Command::NextPane => {
            s.focus = match s.focus {
                SourcesFocus::List => SourcesFocus::Text,
                SourcesFocus::Text => SourcesFocus::List,
            };
        }
        Command::NextHit | Command::PrevHit => match step_passage(s, cmd == Command::NextHit) {
            Some(p) => go_to_passage(s, p, size),
            None => app.set_status("no passage of this source to go to"),
        },
        Command::Open => {
            let Some(check) = &s.check else { return };
            let Some(src) = check.sources.get(s.list.selected) else {
                return;
            };
            let p = s.passage.unwrap_or(src.first_passage);
            let at = check.passages[p].span.start;
            let (draft, doc) = (s.draft, src.doc);
            compare::open_compare(app, draft, doc, Some(at), effects);
        }
        // The speech itself in the reader, at the current passage, that passage focused (the
        // reader marks the reused wording as everywhere).
        Command::ReadAt => {
            let Some(check) = &s.check else { return };
            let Some(src) = check.sources.get(s.list.selected) else {
                return;
            };
            let span = check.passages[s.passage.unwrap_or(src.first_passage)].span;
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
