//! What the reader calls each speech. Titles repeat across real corpora (158 of the 784 government
//! work reports are titled just 政府工作报告; two speeches of one sample page share a title), and a
//! list of identical names is no help. So a title that another speech also has is followed by
//! where the speech comes from: its file name without extension, and `#N` for a page's N-th speech.

use std::collections::HashMap;

use speechtui::corpus::clean::visible_inline;
use speechtui::corpus::Document;

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
                (format!("{} · {source}", d.title), source)
            } else {
                (d.title.clone(), d.title.clone())
            }
        })
        .unzip()
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
        // Unique titles stay as they are.
        for i in (0..docs.len()).filter(|i| !dup.contains(i)) {
            assert_eq!(wide[i], docs[i].title);
            assert_eq!(narrow[i], docs[i].title);
        }
    }
}
