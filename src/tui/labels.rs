//! What the reader calls each speech. Titles repeat across real corpora (158 of the 784 government
//! work reports are titled just 政府工作报告; two speeches of one sample page share a title), and a
//! list of identical names is no help. So a title that another speech also has is followed by
//! where the speech comes from: its file name without extension, and `#N` for a page's N-th speech.

use std::collections::HashMap;

use speechtui::corpus::Document;
use speechtui::text::safety::visible_inline;

/// The speech's source, as short as it can be said: `1998_吉林省_政府工作报告`, `004_3bce…#3`.
pub fn source_name(d: &Document) -> String {
    let stem = d
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| d.id.clone());
    let stem = visible_inline(&stem).into_owned();
    match d.part {
        Some(n) => format!("{stem}#{n}"),
        None => stem,
    }
}

/// A repeated title with the speech's place in front where the title does not name it
/// (政府工作报告 × 158: the place says which one at a glance).
pub fn placed_title(d: &Document) -> String {
    match &d.place {
        Some(p) if !d.title.contains(p.as_str()) => format!("{p} {}", d.title),
        _ => d.title.clone(),
    }
}

/// For every speech: the label for wide places (`title · source` when the title is not unique,
/// else the title) and for narrow columns (the source when the title is not unique).
pub fn labels(docs: &[Document]) -> (Vec<String>, Vec<String>) {
    let mut count: HashMap<&str, usize> = HashMap::new();
    for d in docs {
        *count.entry(d.title.as_str()).or_default() += 1;
    }
    docs.iter()
        .map(|d| {
            if count[d.title.as_str()] > 1 {
                let source = source_name(d);
                (format!("{} · {source}", placed_title(d)), source)
            } else {
                (d.title.clone(), d.title.clone())
            }
        })
        .unzip()
}

/// A source name in at most `width` columns: cut at the end, but a trailing `#N` (which of a
/// page's speeches) is kept: `004_3bce6a…#3`.
pub fn fit_source(source: &str, width: usize) -> String {
    use super::sanitize::{str_width, truncate};
    if str_width(source) <= width {
        return truncate(source, width);
    }
    match source.rfind('#') {
        Some(at) if str_width(&source[at..]) + 2 <= width => {
            let tail = &source[at..];
            format!("{}{tail}", truncate(&source[..at], width - str_width(tail)))
        }
        _ => truncate(source, width),
    }
}

/// A speech's label in exactly `width` columns. A repeated title keeps room for its source
/// (`政府工作报告 · 1998_吉林省_政府工作报告`, `在2020年市政府重點… · 004_3bce…#3`); `narrow`
/// shows the source alone for such titles.
pub fn fit_label(doc: &Document, label: &str, source: &str, width: usize, narrow: bool) -> String {
    use super::sanitize::{fit, str_width, truncate};
    if label == doc.title {
        return fit(label, width);
    }
    if narrow {
        return fit(&fit_source(source, width), width);
    }
    let src = fit_source(source, str_width(source).min((width / 2).max(12)));
    let room = width.saturating_sub(str_width(&src) + 3);
    if room < 4 {
        return fit(&fit_source(source, width), width);
    }
    fit(
        &format!("{} · {src}", truncate(&placed_title(doc), room)),
        width,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_titles_say_where_the_speech_comes_from() {
        let docs = super::super::testdata::sample().documents;
        let (wide, narrow) = labels(&docs);
        // 004 holds two speeches titled 在2020年市政府重點工作推進會上的講話.
        let dup: Vec<usize> = (0..docs.len())
            .filter(|&i| docs[i].title == "在2020年市政府重點工作推進會上的講話")
            .collect();
        assert_eq!(dup.len(), 2);
        for &i in &dup {
            let part = docs[i].part.unwrap();
            assert_eq!(
                wide[i],
                format!("在2020年市政府重點工作推進會上的講話 · 004_3bce6aca9e0e3511#{part}")
            );
            assert_eq!(narrow[i], format!("004_3bce6aca9e0e3511#{part}"));
        }
        assert_ne!(wide[dup[0]], wide[dup[1]]);
        // Cut to fit, a repeated title keeps its source's start and `#N` visible.
        for w in [20, 30, 48, 80] {
            let shown = fit_label(&docs[dup[0]], &wide[dup[0]], &narrow[dup[0]], w, false);
            assert_eq!(super::super::sanitize::str_width(&shown), w);
            assert!(
                shown
                    .trim_end()
                    .ends_with(&format!("#{}", docs[dup[0]].part.unwrap())),
                "{shown}"
            );
            assert!(shown.contains("004_"), "{shown}");
            let short = fit_label(&docs[dup[0]], &wide[dup[0]], &narrow[dup[0]], 16, true);
            let part = format!("#{}", docs[dup[0]].part.unwrap());
            assert!(
                short.starts_with("004_") && short.trim_end().ends_with(&part),
                "{short}"
            );
        }
        assert_eq!(fit_source("1998_山东省_政府工作报告", 12), "1998_山东省…");
        assert_eq!(fit_source("004_3bce6aca9e0e3511#3", 12), "004_3bce6…#3");
        // A repeated title that does not name its place gets it in front.
        let mut placed = docs.clone();
        for (k, &i) in dup.iter().enumerate() {
            placed[i].place = Some(["浙江省", "长沙市"][k].to_string());
        }
        let (wide_placed, _) = labels(&placed);
        assert!(
            wide_placed[dup[0]].starts_with("浙江省 在2020年市政府"),
            "{}",
            wide_placed[dup[0]]
        );
        assert!(wide_placed[dup[1]].starts_with("长沙市 在2020年市政府"));
        let shown = fit_label(
            &placed[dup[0]],
            &wide_placed[dup[0]],
            &narrow[dup[0]],
            60,
            false,
        );
        assert!(shown.starts_with("浙江省 在2020年"), "{shown}");
        // Unique titles stay as they are.
        for i in (0..docs.len()).filter(|i| !dup.contains(i)) {
            assert_eq!(wide[i], docs[i].title);
            assert_eq!(narrow[i], docs[i].title);
        }
    }
}
