//! Entering and leaving the terminal, and a panic hook that always restores it.
//!
//! The hook is ours rather than ratatui's `init()` one: it must restore the terminal *before*
//! printing, print one short line instead of a backtrace, and end the process even when the panic
//! happened on a worker thread (otherwise the UI would go on drawing into a restored terminal).

use std::io::{self, Stdout};
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};

use crossterm::cursor::{Hide, Show};
use crossterm::execute;
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Why the interactive reader cannot run here, if it cannot: no terminal on stdin/stdout, or a
/// terminal that cannot move the cursor (`TERM=dumb`, e.g. an editor's shell buffer).
pub fn unusable(ttys: bool, term: Option<&str>) -> Option<String> {
    const SCRIPTS: &str = "in scripts use `speechtui list|show|outline|compare|reuse`";
    if !ttys {
        return Some(format!(
            "the interactive reader needs a terminal on stdin and stdout; {SCRIPTS}"
        ));
    }
    if term == Some("dumb") {
        return Some(format!(
            "TERM=dumb cannot show the interactive reader (it needs cursor movement); \
             run it in a full terminal, or {SCRIPTS}"
        ));
    }
    None
}

/// Whether the mouse is captured (config.toml `mouse = false` turns it off), for re-entering
/// after a suspend.
static MOUSE: AtomicBool = AtomicBool::new(false);

/// Raw mode, alternate screen, hidden cursor, and mouse reports when `mouse`.
pub fn enter(mouse: bool) -> io::Result<Term> {
    install_panic_hook();
    MOUSE.store(mouse, Ordering::Relaxed);
    take(&mut io::stdout())?;
    Terminal::new(CrosstermBackend::new(io::stdout())).inspect_err(|_| restore())
}

fn take(out: &mut Stdout) -> io::Result<()> {
    enable_raw_mode()?;
    let result = if MOUSE.load(Ordering::Relaxed) {
        execute!(out, EnterAlternateScreen, Hide, EnableMouseCapture)
    } else {
        execute!(out, EnterAlternateScreen, Hide)
    };
    result.inspect_err(|_| restore())
}

/// Takes the terminal again after a suspend, and clears it so the next frame is drawn whole.
///
/// Not `Terminal::clear`: it asks the terminal for the cursor position, and the answer would be
/// swallowed by the input thread. A blank frame instead makes ratatui's diff against it cover
/// every cell of the next one.
pub fn reenter(term: &mut Term) -> io::Result<()> {
    take(&mut io::stdout())?;
    execute!(io::stdout(), Clear(ClearType::All))?;
    term.draw(|_| {})?;
    Ok(())
}

/// Leaves the terminal as it was found. Safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    if MOUSE.load(Ordering::Relaxed) {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    let _ = execute!(io::stdout(), LeaveAlternateScreen, Show);
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown error".into());
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let msg = msg.replace(['\n', '\r'], " ");
        eprintln!(
            "speechtui: internal error: {msg}{place}. The terminal has been restored; please report this."
        );
        if std::env::var_os("RUST_BACKTRACE").is_some() {
            previous(info);
        }
        std::process::exit(101);
    }));
}

#[cfg(test)]
mod tests {
    use super::unusable;

    #[test]
    fn dumb_terminals_and_pipes_are_refused_in_one_line() {
        let dumb = unusable(true, Some("dumb")).unwrap();
        assert!(dumb.contains("TERM=dumb") && !dumb.contains('\n'), "{dumb}");
        assert!(unusable(false, Some("xterm"))
            .unwrap()
            .contains("needs a terminal"));
        assert_eq!(unusable(true, Some("xterm-256color")), None);
        assert_eq!(unusable(true, None), None);
    }
}
