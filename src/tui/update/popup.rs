//! Keys while a popup is open.

use crossterm::event::{KeyCode, KeyEvent};

use super::super::app::{App, Effect, Popup};
use super::super::keymap::Command;
use super::super::popup_text::ScrolledText;
use super::super::selection::Move;
use super::{compare, list_page};

pub fn on_key(app: &mut App, ev: KeyEvent, cmd: Option<Command>, effects: &mut Vec<Effect>) {
    let page = list_page(app);
    // The lines a scrolled popup shows on this screen, and how many at a time: it scrolls within
    // them, so that after the end one key up moves again.
    let text_size = match (&app.popup, cmd.and_then(Move::of)) {
        (Some(p @ (Popup::Help { .. } | Popup::LoadReport { .. })), Some(_)) => {
            ScrolledText::on_screen(app, p).map(|t| (t.lines.len(), t.page))
        }
        _ => None,
    };
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
            Some(c) => {
                if let (Some(m), Some((len, page))) = (Move::of(c), text_size) {
                    scroll.apply(m, len, page);
                }
            }
            None => {}
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
                list.apply(c, n, page.min(12));
            }
            None => {}
        },
    }
}
