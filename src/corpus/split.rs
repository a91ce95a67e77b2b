//! Pages that hold several speeches: `第一篇：… 第五篇：…` collections, or speeches that follow one
//! another, each with its own title line and salutation.

use std::ops::Range;

use super::lines::{Kind, Line};
use super::meta::{is_salutation, is_title_like};

/// One speech of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// Its lines (the `第N篇` marker excluded).
    pub lines: Range<usize>,
    /// The title the page gives it in its `第N篇：` marker.
    pub marker_title: Option<String>,
}

/// A speech part is only split off if it holds at least this many Chinese characters.
const MIN_PART: usize = 200;

/// The speeches inside `body`: one part, or several.
pub fn split(lines: &[Line], body: &Range<usize>) -> Vec<Part> {
    if let Some(parts) = by_markers(lines, body) {
        return parts;
    }
    if let Some(parts) = by_title_and_salutation(lines, body) {
        return parts;
    }
    vec![Part {
        lines: body.clone(),
        marker_title: None,
    }]
}

/// `第一篇`, `第二篇`, … numbered 1, 2, 3 in order. A page may list its parts first as a table of
/// contents (`第一篇：甲 第二篇：乙` with nothing between), then give them: the last complete run
/// numbered from 1 whose parts hold text is the one that counts.
fn by_markers(lines: &[Line], body: &Range<usize>) -> Option<Vec<Part>> {
    let markers: Vec<(usize, usize, &str)> = body
        .clone()
        .filter_map(|i| match &lines[i].kind {
            Kind::Marker { n, title } => Some((i, *n, title.as_str())),
            _ => None,
        })
        .collect();
    let mut runs: Vec<Vec<(usize, usize, &str)>> = Vec::new();
    for m in markers {
        match runs.last_mut() {
            _ if m.1 == 1 => runs.push(vec![m]),
            Some(run) if run.last().is_some_and(|last| last.1 + 1 == m.1) => run.push(m),
            // A gap in the numbering: not a collection.
            _ => return None,
        }
    }
    let has_text = |from: usize, to: usize| lines[from..to].iter().any(|l| l.kind == Kind::Content);
    let run = runs.into_iter().rev().find(|run| {
        run.len() >= 2
            && run.iter().enumerate().all(|(k, m)| {
                let end = run.get(k + 1).map_or(body.end, |next| next.0);
                has_text(m.0 + 1, end)
            })
    })?;
    let parts = run
        .iter()
        .enumerate()
        .map(|(k, &(i, _, title))| Part {
            lines: i + 1..run.get(k + 1).map_or(body.end, |m| m.0),
            marker_title: (!title.is_empty()).then(|| title.to_string()),
        })
        .collect();
    Some(parts)
}

/// A title line followed within three lines by a salutation starts a speech; two or more such
/// starts, each followed by enough text, split the page.
fn by_title_and_salutation(lines: &[Line], body: &Range<usize>) -> Option<Vec<Part>> {
    let starts: Vec<usize> = body
        .clone()
        .filter(|&i| lines[i].kind == Kind::Content && is_title_like(&lines[i].text))
        .filter(|&i| {
            lines[i + 1..body.end]
                .iter()
                .filter(|l| l.kind != Kind::Blank)
                .take(3)
                .any(|l| is_salutation(&l.text))
        })
        .collect();
    if starts.len() < 2 {
        return None;
    }
    // Text before the first start belongs to the first speech.
    let mut bounds: Vec<usize> = starts.clone();
    bounds[0] = body.start;
    bounds.push(body.end);
    let parts: Vec<Part> = bounds
        .windows(2)
        .map(|w| Part {
            lines: w[0]..w[1],
            marker_title: None,
        })
        .collect();
    let big_enough =
        |p: &Part| lines[p.lines.clone()].iter().map(|l| l.cjk).sum::<usize>() >= MIN_PART;
    parts.iter().all(big_enough).then_some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::extract::extract;
    use crate::corpus::patterns::ChromePatterns;

    fn speech(title: &str) -> String {
        format!(
            "{title}\n同志们：\n{}\n谢谢大家！\n",
            "今天我们召开会议，研究部署下一阶段重点工作，大家要统一思想、提高认识、狠抓落实。"
                .repeat(8)
        )
    }

    #[test]
    fn repeated_title_and_salutation() {
        let text = format!(
            "{}{}",
            speech("在全市工作会议上的讲话"),
            speech("在全县工作会议上的讲话")
        );
        let page = extract(&text, &ChromePatterns::default());
        let parts = split(&page.lines, &page.body);
        assert_eq!(parts.len(), 2);
        assert_eq!(
            page.lines[parts[1].lines.start].text,
            "在全县工作会议上的讲话"
        );
    }

    #[test]
    fn table_of_contents_then_parts() {
        let text = format!(
            "目录\n第一篇：在甲会上的讲话\n第二篇：在乙会上的讲话\n第一篇：在甲会上的讲话\n{}第二篇：在乙会上的讲话\n{}",
            speech("在甲会上的讲话"),
            speech("在乙会上的讲话")
        );
        let page = extract(&text, &ChromePatterns::default());
        let parts = split(&page.lines, &page.body);
        assert_eq!(parts.len(), 2);
        assert_eq!(page.lines[parts[0].lines.start].text, "在甲会上的讲话");
        assert_eq!(page.lines[parts[1].lines.start].text, "在乙会上的讲话");
    }

    #[test]
    fn markers_must_count_from_one() {
        let text = format!(
            "第二篇：甲\n{}第三篇：乙\n{}",
            speech("在甲会上的讲话"),
            speech("在甲会上的讲话")
        );
        let page = extract(&text, &ChromePatterns::default());
        // Not numbered from one: the title + salutation rule applies instead.
        let parts = split(&page.lines, &page.body);
        assert!(parts.iter().all(|p| p.marker_title.is_none()));
    }
}
