//! The `speechtui` binary: command line and terminal UI over the speechtui library.

mod cli;
mod tui;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::main()
}
