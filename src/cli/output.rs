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
/// closed descriptor 0–2 on `/dev/null` for reading and writing before `main` (so that no file
/// opened later lands on it); a shell's `> /dev/null` opens it for writing only. So "/dev/null,
/// opened read-write" is the trace of `>&-` (`1<>/dev/null` looks the same, and is taken as it).
#[cfg(target_os = "linux")]
pub fn stdout_was_closed() -> bool {
    use std::os::unix::fs::MetadataExt as _;
    // SAFETY: fcntl on descriptor 1 with F_GETFL reads its flags and touches no memory.
    let flags = unsafe { libc::fcntl(1, libc::F_GETFL) };
    if flags < 0 {
        return true;
    }
    if flags & libc::O_ACCMODE != libc::O_RDWR {
        return false;
    }
    let (Ok(out), Ok(null)) = (
        std::fs::metadata("/proc/self/fd/1"),
        std::fs::metadata("/dev/null"),
    ) else {
        return false;
    };
    out.rdev() == null.rdev() && out.dev() == null.dev() && out.ino() == null.ino()
}

#[cfg(not(target_os = "linux"))]
pub fn stdout_was_closed() -> bool {
    false
}
