//! One file's bytes to its speeches: decode → HTML to text → character normalisation → glosses →
//! extraction → watermark removal → splitting → metadata.

use std::path::Path;
use std::sync::Arc;

use super::clean::{normalise_chars, tidy_lines};
use super::decode::decode;
use super::extract::extract;
use super::glosses::remove_glosses;
use super::html::{html_to_text, looks_like_html};
use super::lines::{Kind, Line};
use super::meta::{
    find_date, find_title, title_from_file_name, title_from_page_title, TitleSource,
};
use super::pagebreak::join_page_breaks;
use super::patterns::ChromePatterns;
use super::split::split;
use super::watermark::remove_watermarks;
use super::Document;

/// What is kept of the decoding once its text and warnings have moved on.
struct DecodedMeta {
    encoding: &'static str,
    warnings_count: usize,
}

/// Lines longer than this (in chars) defeat line-based extraction; the file is kept whole.
const LONG_LINE: usize = 100_000;

/// The speeches of one file, or why it has none.
pub fn process(
    path: &Path,
    bytes: &[u8],
    patterns: &ChromePatterns,
) -> Result<Vec<Document>, String> {
    let decoded = decode(bytes)?;
    let raw: Arc<str> = Arc::from(decoded.text);
    let mut file_warnings = decoded.warnings;
    let decoded = DecodedMeta {
        encoding: decoded.encoding,
        warnings_count: file_warnings.len(),
    };

    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let html;
    let mut page_title = None;
    let source: &str = if looks_like_html(&raw, ext.as_deref()) {
        html = html_to_text(&raw);
        page_title = html.title.as_deref().and_then(title_from_page_title);
        &html.text
    } else {
        &raw
    };
    let (text, removed) = normalise_chars(source);
    if removed.escapes > 0 {
        file_warnings.push(format!(
            "{} terminal escape sequence(s) removed",
            removed.escapes
        ));
    }
    if removed.controls > 0 {
        file_warnings.push(format!("{} control character(s) removed", removed.controls));
    }
    // Decoding errors were reported by `decode`; these were in the file already (a scraper that
    // cut a character in half, a bad conversion upstream).
    let replacements = text.chars().filter(|&c| c == '\u{FFFD}').count();
    if replacements > 0 && decoded.warnings_count == 0 {
        file_warnings.push(format!(
            "{replacements} replacement character(s) � in the file: text lost before it was saved"
        ));
    }
    let (text, _glosses) = remove_glosses(&text);
    let text = tidy_lines(&text);
    if text.is_empty() {
        return Err("no text (only whitespace or control characters)".into());
    }
    if let Some(longest) = text
        .split('\n')
        .map(|l| l.chars().count())
        .max()
        .filter(|&n| n > LONG_LINE)
    {
        file_warnings.push(format!(
            "a line of {longest} characters: the page has no line structure, so page chrome cannot be told from the speech"
        ));
    }

    let mut page = extract(&text, patterns);
    remove_watermarks(&mut page.lines, &page.body, &mut page.warnings);
    if page.body.is_empty() {
        let cjk: usize = page.lines.iter().map(|l| l.cjk).sum();
        return Err(if cjk == 0 {
            "no Chinese text found".into()
        } else {
            "no speech found (only page chrome)".into()
        });
    }
    // Short lines without a sentence anywhere (a menu, a list of links) are no speech, however
    // much Chinese they hold.
    if !page.lines[page.body.clone()]
        .iter()
        .any(|l| l.kind == Kind::Content && super::shape::has_sentence(&l.text))
    {
        return Err(
            "no speech found (no sentence, only short lines: navigation or a list of links)".into(),
        );
    }
    file_warnings.extend(page.warnings.iter().cloned());

    let parts = split(&page.lines, &page.body);
    let several = parts.len() > 1;
    let id_base = path.to_string_lossy().into_owned();
    let docs = parts
        .iter()
        .enumerate()
        .map(|(k, part)| {
            let mut warnings = file_warnings.clone();
            let found = find_title(
                &page.lines,
                &part.lines,
                part.marker_title.as_deref(),
                k == 0,
            );
            let title = match (&found, &page_title) {
                (Some((t, _)), _) => t.clone(),
                (None, Some(t)) if !several => t.clone(),
                (None, _) => {
                    warnings.push("no title line found: title made from the file name".into());
                    title_from_file_name(path)
                }
            };
            // A title made from a file name or a page's <title> may hold control characters.
            let title = crate::text::safety::visible_inline(&title).into_owned();
            let date = find_date(&page.lines, &part.lines, Some(&title));
            let (text, dropped) = part_text(&page.lines[part.lines.clone()]);
            let (mut text, page_breaks) = join_page_breaks(&text);
            if let Some(first) = page_breaks.first() {
                warnings.push(format!(
                    "{} sentence(s) broken by a page number joined (first: “{first}”)",
                    page_breaks.len()
                ));
            }
            // Counted in this speech's own text, not in the page around it.
            if let Some((n, sample)) = super::decode::mojibake(&text) {
                warnings.push(format!(
                    "{n} mis-decoded run(s) (mojibake) kept as they are, e.g. “{sample}”"
                ));
            }
            // The speech's own title line, separated from it by a byline, heads its text.
            if let Some((_, TitleSource::Before(i))) = found {
                let line = &page.lines[i];
                if line.kind == Kind::Content {
                    text = format!("{}\n{text}", line.text);
                }
            }
            if let Some(copies) = repeated(&page.lines, part.lines.clone()).filter(|&n| n > 1) {
                warnings.push(format!(
                    "the file holds this speech {copies} times: one copy kept, {} dropped",
                    copies - 1
                ));
            }
            if !dropped.is_empty() {
                warnings.push(format!(
                    "removed {} chrome-like line(s) inside the speech (first: “{}”)",
                    dropped.len(),
                    dropped[0]
                ));
            }
            let place = super::place::find_place(&title, &text, path);
            Document {
                id: if several {
                    format!("{id_base}#{}", k + 1)
                } else {
                    id_base.clone()
                },
                path: path.to_path_buf(),
                part: several.then_some(k + 1),
                title,
                date,
                place,
                duplicate_of: None,
                encoding: decoded.encoding.to_string(),
                text,
                raw: Arc::clone(&raw),
                warnings,
            }
        })
        .collect();
    Ok(docs)
}

/// How many times the page holds a speech: the count of its longest paragraph over the whole page
/// (a page saved over and over into one file keeps one copy; the others must not go unsaid). A
/// speech too short to have a telling paragraph is not counted.
fn repeated(lines: &[Line], part: std::ops::Range<usize>) -> Option<usize> {
    let longest = lines[part]
        .iter()
        .filter(|l| l.kind == Kind::Content)
        .max_by_key(|l| l.cjk)
        .filter(|l| l.cjk >= 30)?;
    Some(lines.iter().filter(|l| l.text == longest.text).count())
}

/// The text of a speech's lines, and the chrome lines left out from inside it.
fn part_text(lines: &[Line]) -> (String, Vec<String>) {
    let mut text = String::new();
    let mut dropped = Vec::new();
    for line in lines {
        match line.kind {
            Kind::Blank => {}
            Kind::Chrome(_) => dropped.push(line.text.chars().take(24).collect()),
            Kind::Content | Kind::Junk | Kind::Marker { .. } => {
                if !text.is_empty() {
                    text.push('\n');
                }
                text.push_str(&line.text);
            }
        }
    }
    (text, dropped)
}
