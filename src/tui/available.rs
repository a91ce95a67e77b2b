//! Which commands do something on the current screen: the help popup lists only those, and a
//! key that does nothing says so in the status line instead of being silently ignored.

use super::app::{App, Pane, View};
use super::keymap::{Command, Scope};

/// The screen under any popup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Library,
    Reader,
    Sources,
    Comparison,
    Explorer,
    Concordance,
}

impl Screen {
    pub fn of(app: &App) -> Screen {
        match app.stack.last() {
            None => Screen::Library,
            Some(View::Reader(_)) => Screen::Reader,
            Some(View::Sources(_)) => Screen::Sources,
            Some(View::Compare(_)) => Screen::Comparison,
            Some(View::Explorer(_)) => Screen::Explorer,
            Some(View::Concordance(_)) => Screen::Concordance,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Screen::Library => "the library",
            Screen::Reader => "the reader",
            Screen::Sources => "the sources view",
            Screen::Comparison => "the comparison",
            Screen::Explorer => "the boilerplate explorer",
            Screen::Concordance => "the concordance",
        }
    }
}

/// Whether `cmd` does something on the current screen (in its current state where that decides,
/// e.g. `Tab` needs the outline pane open).
pub fn works(app: &App, cmd: Command) -> bool {
    use Command::*;
    let screen = Screen::of(app);
    match cmd {
        Down | Up | PageDown | PageUp | Top | Bottom | Help | Quit | Theme | Back => true,
        Open => match app.stack.last() {
            Some(View::Reader(r)) => r.focus == Pane::Outline,
            _ => true,
        },
        // Tab: the outline pane in the reader, the next kind of wording in the explorer.
        NextPane => match app.stack.last() {
            Some(View::Reader(r)) => r.outline_open,
            Some(View::Explorer(_)) | Some(View::Sources(_)) => true,
            _ => false,
        },
        Search => matches!(
            screen,
            Screen::Library | Screen::Reader | Screen::Comparison | Screen::Explorer
        ),
        // In the sources view: the passages the selected source holds.
        NextHit | PrevHit => matches!(
            screen,
            Screen::Reader | Screen::Comparison | Screen::Sources
        ),
        Save => matches!(
            screen,
            Screen::Comparison | Screen::Concordance | Screen::Sources
        ),
        SortYear => matches!(screen, Screen::Explorer | Screen::Concordance),
        ReadAt => screen == Screen::Sources,
        other => match other.scope() {
            Scope::Everywhere => true,
            Scope::Library => screen == Screen::Library,
            Scope::Reader => screen == Screen::Reader,
            Scope::Comparison => screen == Screen::Comparison,
            Scope::Boilerplate => screen == Screen::Concordance,
        },
    }
}

/// The status line for a key that does nothing here.
pub fn not_here(app: &App, cmd: Command) -> String {
    let key = app
        .keymap
        .keys(cmd)
        .first()
        .map(|k| k.label())
        .unwrap_or_default();
    let why = match (cmd, app.stack.last()) {
        (Command::NextPane, Some(View::Reader(_))) => format!(
            " (the outline is hidden: {} shows it)",
            app.keymap.first_label(Command::ToggleOutline)
        ),
        (Command::Open, Some(View::Reader(_))) => format!(
            " (it opens the outline's section: {} moves there)",
            app.keymap.first_label(Command::NextPane)
        ),
        _ => String::new(),
    };
    format!(
        "{key}: nothing to do in {}{why} · {} lists the keys that work here",
        Screen::of(app).name(),
        app.keymap.first_label(Command::Help)
    )
}
