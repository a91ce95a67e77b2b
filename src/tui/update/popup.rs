//! Keys while a popup is open.

use crossterm::event::{KeyCode, KeyEvent};

use super::super::app::{App, Effect, Popup};
use super::super::keymap::Command;
use super::library::move_in_list;
use super::{compare, list_page};

pub fn on_key(app: &mut App, ev: KeyEvent, cmd: Option<Command>, effects: &mut Vec<Effect>) {
    let page = list_page(app);
    let Some(popup) = app.popup.as_mut() else {
        return;
    };
    let is_report = matches!(popup, Popup::LoadReport { .. });
    match popup {
        Popup::ConfirmOverwrite { path, contents } => match ev.code {
            KeyCode::Char('y') | KeyCode::Char('Y') => {
                effects.push(Effect::Save {
                    path: path.clone(),
                    contents: std::mem::take(contents),
                    overwrite: true,
                });
                app.popup = None;
            }
            KeyCode::Char('n') | KeyCode::Char('N') | KeyCode::Esc => {
                let msg = format!("not saved: {} was left as it was", path.display());
                app.popup = None;
                app.set_status(msg);
            }
            _ => {}
        },
        Popup::Help { scroll } | Popup::LoadReport { scroll } => match cmd {
            Some(Command::Back) | Some(Command::Quit) | Some(Command::Help) => app.popup = None,
            Some(Command::LoadReport) if is_report => app.popup = None,
            Some(Command::Down) => *scroll += 1,
            Some(Command::Up) => *scroll = scroll.saturating_sub(1),
            Some(Command::PageDown) => *scroll += page,
            Some(Command::PageUp) => *scroll = scroll.saturating_sub(page),
            Some(Command::Top) => *scroll = 0,
            Some(Command::Bottom) => *scroll = usize::MAX / 2,
            _ => {}
        },
        Popup::ReusedBy {
            from,
            at,
            entries,
            list,
        } => match cmd {
            Some(Command::Back) | Some(Command::Quit) => app.popup = None,
            Some(Command::Open) | Some(Command::Compare) => {
                let (a, at) = (*from, *at);
                let target = entries.get(list.selected).map(|e| e.doc);
                app.popup = None;
                if let Some(b) = target {
                    compare::open_compare(app, a, b, Some(at), effects);
                }
            }
            Some(c) => {
                let n = entries.len();
                move_in_list(list, c, n, page.min(12));
            }
            None => {}
        },
    }
}
