//! `speechtui show`: the cleaned text of one speech, or (`--raw`) the decoded file. Both are passed
//! through the terminal-safe renderings, so no byte of a file can drive the terminal.

use std::io::Write;

use speechtui::corpus;

pub fn run(doc: &str, raw: bool) -> anyhow::Result<()> {
    let doc = corpus::open_doc_with(doc, &corpus::LoadOptions::from_user_config()?)?;
    let mut out = if raw {
        corpus::visible_text(&doc.raw).into_owned()
    } else {
        corpus::visible_text(&doc.text).into_owned()
    };
    if !out.ends_with('\n') {
        out.push('\n');
    }
    write_stdout(&out)
}

/// Writes to standard output; a closed pipe (`| head`) is not an error.
pub(super) fn write_stdout(s: &str) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(s.as_bytes()).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(anyhow::anyhow!("cannot write to standard output: {e}"))
        }
        _ => Ok(()),
    }
}
