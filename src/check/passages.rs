//! From the alignments of the draft with its candidate sources to the draft's borrowed passages,
//! each with every source holding it, best first.
//!
//! Alignments overlap (the same sentence is in several sources, a long alignment with one source
//! covers two short ones with others), so the draft is cut greedily: the strongest alignment
//! (longest × most similar) claims its stretch of the draft, the next one whatever it adds of at
//! least the minimum length, and so on. Every alignment covering most of a passage then names its
//! source for that passage, at the place the word operations map the passage to.

use crate::align::{Span, TokenOp};
use crate::text::key::Key;

/// One alignment of the draft (side a) with a source speech (side b).
#[derive(Debug, Clone)]
pub struct Hit {
    /// The source speech (index into the corpus' documents).
    pub doc: usize,
    /// The aligned span of the draft.
    pub a: Span,
    /// The aligned span of the source.
    pub b: Span,
    /// 0..1, on the comparison key.
    pub similarity: f64,
    /// Word-level operations from the draft to the source.
    pub ops: Vec<TokenOp>,
}

/// A stretch of the draft and where it is found.
#[derive(Debug, Clone)]
pub struct Claimed {
    /// The stretch of the draft.
    pub span: Span,

    /// Best first: (source speech, its span, similarity on the key).
    pub sources: Vec<(usize, Span, f64)>,
}

/// Share of a passage an alignment must cover to name its source for it.
const MIN_COVER: f64 = 0.5;

/// Cuts the draft into passages and names their sources. `dates[d]` orders equally close sources
/// (earliest first); `min_len` is in key characters; sources below `min_similarity` (on the key,
/// over the whole passage) are not named.
pub fn assemble(
    draft: &str,
    kd: &Key,
    hits: &[Hit],
    texts: &[&str],
    dates: &[Option<&str>],
    min_len: usize,
    min_similarity: f64,
) -> Vec<Claimed> {
    let ranges: Vec<std::ops::Range<usize>> = hits
        .iter()
        .map(|h| kd.key_range(h.a.start, h.a.end))
        .collect();
    let mut order: Vec<usize> = (0..hits.len()).collect();
    let score = |i: usize| ranges[i].len() as f64 * hits[i].similarity;
    order.sort_by(|&x, &y| {
        score(y)
            .total_cmp(&score(x))
            .then_with(|| date_order(dates[hits[x].doc], dates[hits[y].doc]))
            .then(hits[x].doc.cmp(&hits[y].doc))
            .then(hits[x].a.cmp(&hits[y].a))
    });
    let mut covered = vec![false; kd.len()];
    let mut claimed: Vec<std::ops::Range<usize>> = Vec::new();
    for &i in &order {
        let r = ranges[i].clone();
        let mut k = r.start;
        while k < r.end {
            if covered[k] {
                k += 1;
                continue;
            }
            let s = k;
            while k < r.end && !covered[k] {
                k += 1;
            }
            if k - s >= min_len {
                covered[s..k].iter_mut().for_each(|c| *c = true);
                claimed.push(s..k);
            }
        }
    }
    claimed.sort_by_key(|r| r.start);

    // Hits by start, so each passage looks only at the hits that can overlap it.
    let mut by_start: Vec<usize> = (0..hits.len()).collect();
    by_start.sort_by_key(|&i| ranges[i].start);
    let starts: Vec<usize> = by_start.iter().map(|&i| ranges[i].start).collect();
    let longest = ranges.iter().map(|r| r.len()).max().unwrap_or(0);
    let draft_chars: Vec<char> = draft.chars().collect();
    claimed
        .into_iter()
        .filter_map(|r| {
            let span = kd.text_span(r.start, r.end);
            let text: String = draft_chars[span.start..span.end].iter().collect();
            let mut best: Vec<(usize, Span, f64)> = Vec::new();
            let lo = starts.partition_point(|&s| s + longest < r.start);
            let hi = starts.partition_point(|&s| s < r.end);
            for &i in &by_start[lo..hi] {
                let (h, hr) = (&hits[i], &ranges[i]);
                let overlap = r.end.min(hr.end).saturating_sub(r.start.max(hr.start));
                if (overlap as f64) < MIN_COVER * r.len() as f64 {
                    continue;
                }
                let inner = Span {
                    start: span.start.max(h.a.start),
                    end: span.end.min(h.a.end),
                };
                let src = project(h, inner);
                let src_text = crate::text::slice(texts[h.doc], src);
                let sim = key_similarity(&text, src_text);
                if sim < min_similarity {
                    continue;
                }
                match best.iter_mut().find(|b| b.0 == h.doc) {
                    Some(b) if b.2 >= sim => {}
                    Some(b) => *b = (h.doc, src, sim),
                    None => best.push((h.doc, src, sim)),
                }
            }
            if best.is_empty() {
                return None;
            }
            best.sort_by(|x, y| {
                shown(y.2)
                    .cmp(&shown(x.2))
                    .then_with(|| date_order(dates[x.0], dates[y.0]))
                    .then(x.0.cmp(&y.0))
            });
            Some(Claimed {
                span,
                sources: best,
            })
        })
        .collect()
}

/// Similarity as the report shows it (two decimals): sources that look equally close are
/// ordered by date, not by an invisible difference.
fn shown(sim: f64) -> i64 {
    (sim * 100.0).round() as i64
}

/// Earliest first; undated last.
pub fn date_order(a: Option<&str>, b: Option<&str>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
}

/// The source span a part of the draft side of an alignment corresponds to, through its word
/// operations (the whole source side when there are none).
pub fn project(hit: &Hit, part: Span) -> Span {
    if hit.ops.is_empty() || part.start <= hit.a.start && part.end >= hit.a.end {
        return hit.b;
    }
    let mut start = None;
    let mut end = hit.b.start;
    let mut b_pos = hit.b.start;
    for op in &hit.ops {
        let (a, b) = match *op {
            TokenOp::Equal { a, b } | TokenOp::Replace { a, b } => (Some(a), b),
            TokenOp::Delete { a } => (
                Some(a),
                Span {
                    start: b_pos,
                    end: b_pos,
                },
            ),
            TokenOp::Insert { b } => (None, b),
        };
        b_pos = b.end;
        // Source words inserted inside the part are covered by the end of the next draft word.
        let Some(a) = a else {
            continue;
        };
        let equal = matches!(op, TokenOp::Equal { .. });
        if a.end <= part.start {
            continue;
        }
        if a.start >= part.end {
            break;
        }
        if start.is_none() {
            start = Some(if equal && part.start > a.start {
                (b.start + (part.start - a.start)).min(b.end)
            } else {
                b.start
            });
        }
        end = if equal && part.end < a.end {
            (b.start + (part.end - a.start)).min(b.end)
        } else {
            b.end
        };
    }
    let start = start.unwrap_or(hit.b.start);
    Span {
        start,
        end: end.max(start),
    }
}

/// Similarity of two texts on the comparison key: matched key characters over the longer side
/// (a Myers diff, so a changed character costs as in the aligner's 1 − edits / longer side).
pub fn key_similarity(a: &str, b: &str) -> f64 {
    let ka = Key::new(a);
    let kb = Key::new(b);
    let longest = ka.len().max(kb.len());
    if longest == 0 {
        return 0.0;
    }
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, &ka.chars, &kb.chars);
    let matched: usize = ops
        .iter()
        .map(|op| match *op {
            similar::DiffOp::Equal { len, .. } => len,
            _ => 0,
        })
        .sum();
    matched as f64 / longest as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::{compare, Params};
    use crate::text::slice;

    #[test]
    fn a_part_of_an_alignment_maps_to_the_matching_part_of_the_source() {
        let draft = "今年我们要坚持稳中求进工作总基调，全面深化改革开放，着力推动经济高质量发展。";
        let source = "明年全省要坚持稳中求进工作总基调，全面深化改革开放，大力推动经济高质量发展。";
        let cmp = compare(draft, source, &Params::default());
        let p = &cmp.passages[0];
        let hit = Hit {
            doc: 0,
            a: p.a,
            b: p.b,
            similarity: p.similarity,
            ops: p.ops.clone(),
        };
        let find = |text: &str, needle: &str| {
            let at = text.find(needle).unwrap();
            let s = text[..at].chars().count();
            Span {
                start: s,
                end: s + needle.chars().count(),
            }
        };
        let part = find(draft, "全面深化改革开放");
        assert_eq!(slice(source, project(&hit, part)), "全面深化改革开放");
        // A refilled word inside the part maps to the source's word.
        let part = find(draft, "着力推动经济");
        assert_eq!(slice(source, project(&hit, part)), "大力推动经济");
    }

    #[test]
    fn similarity_is_on_the_key_across_scripts_and_punctuation() {
        assert_eq!(
            key_similarity("全面深化改革开放。", "全面深化改革開放"),
            1.0
        );
        let s = key_similarity("全面深化改革开放", "全面深化体制改革");
        assert!(s > 0.4 && s < 0.8, "{s}");
        assert_eq!(key_similarity("。，", "全面"), 0.0);
    }
}
