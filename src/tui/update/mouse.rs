//! The mouse, second to the keyboard: the wheel scrolls the pane under the pointer, a click
//! selects a row or focuses a pane, a click on a passage of the comparison jumps to it.
//!
//! Hit-testing uses the same `layout` functions the widgets draw with, so a click lands where
//! the eye sees the row.

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::super::app::{App, Effect, Pane, View};
use super::super::keymap::Command;
use super::super::layout;
use super::super::rows::CellKind;
use super::{compare, explorer, library, popup, reader, sources};

/// Rows the wheel moves per notch.
const WHEEL: usize = 3;

pub fn on_mouse(app: &mut App, ev: MouseEvent, effects: &mut Vec<Effect>) {
    let at = Position::new(ev.column, ev.row);
    let (step, up) = match ev.kind {
        MouseEventKind::ScrollDown => (WHEEL, false),
        MouseEventKind::ScrollUp => (WHEEL, true),
        MouseEventKind::Down(MouseButton::Left) => {
            if app.popup.is_none() {
                click(app, at, effects);
            }
            return;
        }
        _ => return,
    };
    if app.popup.is_some() {
        popup_scroll(app, up, step, effects);
        return;
    }
    wheel(app, at, up, step, effects);
}

fn wheel(app: &mut App, at: Position, up: bool, step: usize, effects: &mut Vec<Effect>) {
    let cmd = if up { Command::Up } else { Command::Down };
    let body = layout::body_of(app.size);
    match app.stack.last_mut() {
        Some(View::Reader(r)) => {
            let (outline, _) = layout::reader(body, r.outline_open);
            let over_outline = outline.is_some_and(|o| o.contains(at));
            // The wheel scrolls the pane under the pointer, wherever the keyboard focus is.
            let focus = r.focus;
            r.focus = if over_outline {
                Pane::Outline
            } else {
                Pane::Text
            };
            for _ in 0..step {
                reader::on_command(app, cmd, effects);
            }
            if let Some(View::Reader(r)) = app.stack.last_mut() {
                r.focus = focus;
            }
        }
        Some(View::Compare(_)) => {
            for _ in 0..step {
                compare::on_command(app, cmd, effects);
            }
        }
        Some(View::Sources(_)) => {
            for _ in 0..step {
                sources::on_command(app, cmd, effects);
            }
        }
        Some(View::Explorer(_)) | Some(View::Concordance(_)) => {
            for _ in 0..step {
                explorer::on_command(app, cmd, effects);
            }
        }
        None => {
            for _ in 0..step {
                library::on_command(app, cmd, effects);
            }
        }
    }
}

/// The list row under `at` in a bordered list pane with one header line, if any.
fn list_row(pane: Rect, at: Position, scroll: usize) -> Option<usize> {
    let inner = layout::inner(pane);
    if !inner.contains(at) || at.y == inner.y {
        return None;
    }
    Some(scroll + (at.y - inner.y - 1) as usize)
}

fn click(app: &mut App, at: Position, effects: &mut Vec<Effect>) {
    let body = layout::body_of(app.size);
    match app.stack.last_mut() {
        None => {
            let Some(row) = list_row(body, at, app.library.list.scroll) else {
                return;
            };
            if row >= app.library.rows.len() {
                return;
            }
            // A click on the selected row opens it, as a second click would anywhere.
            if row == app.library.list.selected {
                library::on_command(app, Command::Open, effects);
            } else {
                app.library.list.selected = row;
            }
        }
        Some(View::Reader(r)) => {
            let (outline, text) = layout::reader(body, r.outline_open);
            if let Some(o) = outline.filter(|o| o.contains(at)) {
                r.focus = Pane::Outline;
                let inner = layout::inner(o);
                if inner.contains(at) {
                    let pos = r.outline_list.scroll + (at.y - inner.y) as usize;
                    let n = reader::visible_sections(&r.outline, &r.collapsed).len();
                    if pos < n {
                        let again = pos == r.outline_list.selected;
                        r.outline_list.selected = pos;
                        if again {
                            reader::on_command(app, Command::Open, effects);
                        }
                    }
                }
            } else if text.contains(at) {
                r.focus = Pane::Text;
                let inner = layout::inner(text);
                if inner.contains(at) {
                    let line = r.scroll + (at.y - inner.y) as usize;
                    r.cursor = line.min(r.lines.len().saturating_sub(1));
                }
            }
        }
        Some(View::Compare(_)) => compare_click(app, at),
        // The sources list is driven by the keyboard; the wheel scrolls it.
        Some(View::Sources(_)) => {}
        Some(View::Explorer(state)) => {
            // The explorer's list has three lines above its rows (tabs, header, legend) where
            // `list_row` expects one.
            let list_area = Rect {
                y: body.y + 2,
                height: body.height.saturating_sub(2),
                ..body
            };
            if let Some(row) = list_row(list_area, at, state.list.scroll) {
                let again = row == state.list.selected;
                if row < state.rows.len() {
                    state.list.selected = row;
                }
                if again {
                    explorer::on_command(app, Command::Open, effects);
                }
            }
        }
        Some(View::Concordance(c)) => {
            if let Some(row) = list_row(body, at, c.list.scroll) {
                if row < c.rows.len() {
                    let again = row == c.list.selected;
                    c.list.selected = row;
                    if again {
                        explorer::on_command(app, Command::Open, effects);
                    }
                }
            }
        }
    }
}

/// A click on a passage of the comparison makes it the current passage and brings its first row
/// to the top. Kept apart: the comparison's rows are being rebuilt, and only this needs to follow.
fn compare_click(app: &mut App, at: Position) {
    let size = app.size;
    let Some(View::Compare(c)) = app.stack.last_mut() else {
        return;
    };
    let (_, left, right) = layout::compare(layout::body_of(size));
    let inner = layout::inner(if left.contains(at) { left } else { right });
    if !inner.contains(at) {
        return;
    }
    let on_left = left.contains(at);
    let row = c.scroll + (at.y - inner.y) as usize;
    let Some(r) = c.rows.rows.get(row) else {
        return;
    };
    let cell = if on_left { r.left } else { r.right };
    let passage = match cell.map(|c| c.kind) {
        Some(CellKind::Shared(p) | CellKind::Moved(p) | CellKind::MovedNote(p)) => p,
        _ => return,
    };
    // The stop of that passage on the clicked side (a level passage has one stop for both).
    let stop = c
        .rows
        .stops
        .iter()
        .position(|s| s.passage == passage && s.side_a.is_none_or(|side_a| side_a == on_left));
    if let Some(i) = stop {
        let row = c.rows.stops[i].row;
        compare::scroll_to(c, row, size);
        c.current = Some(i);
    }
}

/// The wheel over a popup scrolls it (or moves its list's selection), as the arrow keys do.
fn popup_scroll(app: &mut App, up: bool, step: usize, effects: &mut Vec<Effect>) {
    let cmd = if up { Command::Up } else { Command::Down };
    let key = crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Null);
    for _ in 0..step {
        popup::on_key(app, key, Some(cmd), effects);
    }
}
