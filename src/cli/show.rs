//! `speechtui show`: the cleaned text of one speech, or (`--raw`) the decoded file. Both are passed
//! through the terminal-safe renderings, so no byte of a file can drive the terminal.

use speechtui::corpus;

pub fn run(doc: &std::ffi::OsStr, raw: bool) -> anyhow::Result<()> {
    let doc = corpus::open_doc_os(doc, &corpus::LoadOptions::from_user_config()?)?;
    let mut out = if raw {
        corpus::visible_text(&doc.raw).into_owned()
    } else {
        corpus::visible_text(&doc.text).into_owned()
    };
    if !out.ends_with('\n') {
        out.push('\n');
    }
    super::output::write_stdout(&out)
}
