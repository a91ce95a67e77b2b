//! `speechtui outline`: the section outline of one speech, as an indented tree or as JSON.

use speechtui::corpus;
use speechtui::outline::{outline, render_text};

/// Headings are kept whole in JSON; the text form cuts them at this many columns.
const TEXT_WIDTH: usize = 100;

pub fn run(doc: &std::ffi::OsStr, format: super::Format) -> anyhow::Result<()> {
    let document = corpus::open_doc_os(doc, &corpus::LoadOptions::from_user_config()?)?;
    let result = outline(&document.text);
    let out = match format {
        super::Format::Text => render_text(&document.title, &result, TEXT_WIDTH),
        super::Format::Json => {
            let mut s =
                speechtui::export::json_pretty(&result.report(&document.id, &document.title))?;
            s.push('\n');
            s
        }
    };
    super::output::write_stdout(&out)
}
