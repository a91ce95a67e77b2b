//! Writing results to standard output, where every failure counts: a full device, a standard
//! output that was closed before the program started (`>&-`). A result that was not delivered is
//! exit 1 with one line, never a silent success. Only a reader that went away (`| head`) is not
//! an error: nobody is left to miss the rest.

use std::io::Write as _;

/// Writes `s` to standard output and flushes it.
pub fn write_stdout(s: &str) -> anyhow::Result<()> {
    if stdout_was_closed() {
        anyhow::bail!("cannot write to standard output: it is closed");
    }
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(s.as_bytes()).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(anyhow::anyhow!("cannot write to standard output: {e}"))
        }
        _ => Ok(()),
    }
}

/// Whether standard output was closed when the program started. The Rust runtime reopens a
/// closed descriptor 0–2 on `/dev/null` before `main` (so that no file opened later lands on it),
/// after which `>&-` cannot be told from `>/dev/null`; so the descriptor is looked at earlier, by
/// a constructor that runs before the runtime's start-up (`.init_array`).
#[cfg(target_os = "linux")]
pub fn stdout_was_closed() -> bool {
    STDOUT_CLOSED_AT_START.load(std::sync::atomic::Ordering::Relaxed)
}

#[cfg(target_os = "linux")]
static STDOUT_CLOSED_AT_START: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static LOOK_AT_STDOUT: extern "C" fn() = {
    extern "C" fn look() {
        // SAFETY: fcntl with F_GETFD only queries the descriptor's flags; no memory is touched.
        if unsafe { libc::fcntl(1, libc::F_GETFD) } == -1 {
            STDOUT_CLOSED_AT_START.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    }
    look
};

#[cfg(not(target_os = "linux"))]
pub fn stdout_was_closed() -> bool {
    false
}
