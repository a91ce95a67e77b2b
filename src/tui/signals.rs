//! Signals from outside: SIGTERM, SIGHUP and SIGQUIT end the reader with the terminal given back
//! first; SIGTSTP (and Ctrl-Z, which raw mode delivers as a key) suspends it with the terminal
//! restored, and SIGCONT (`fg`) brings it back redrawn in raw mode.
//!
//! Signals are turned into messages for the UI thread, which alone touches the terminal: a
//! handler that restored the terminal itself could race a frame being drawn.

use std::io;

use signal_hook::consts::{SIGCONT, SIGHUP, SIGQUIT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

/// What the UI thread must do about a signal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OsSignal {
    /// Restore the terminal, then die of this signal (so the caller sees the usual status).
    Terminate(i32),
    /// Restore the terminal and stop until `fg`.
    Suspend,
    /// Continued after a stop: take the terminal again and redraw.
    Resumed,
}

/// Starts the thread that forwards signals through `send` (until it returns false).
pub fn spawn(send: impl Fn(OsSignal) -> bool + Send + 'static) -> io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT])?;
    std::thread::spawn(move || {
        for sig in signals.forever() {
            let what = match sig {
                SIGTSTP => OsSignal::Suspend,
                SIGCONT => OsSignal::Resumed,
                other => OsSignal::Terminate(other),
            };
            if !send(what) {
                break;
            }
        }
    });
    Ok(())
}

/// Ends the process by `sig`'s default action (the terminal must be restored already); falls
/// back to the shell's convention, exit status 128 + signal.
pub fn die_of(sig: i32) -> ! {
    let _ = signal_hook::low_level::emulate_default_handler(sig);
    std::process::exit(128 + sig)
}

/// Stops the process as SIGTSTP would (the terminal must be restored already); returns once it
/// is continued.
pub fn stop() {
    let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
}
