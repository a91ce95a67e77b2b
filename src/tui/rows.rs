//! Screen rows of the comparison, from the library's layout (`align::rows`): both speeches
//! whole, shared passages level, each side's own text and moved passages in its own column.
//! Unshared text can be folded to one line per stretch; moved passages stay shown.

use speechtui::align::rows::{self as layout, Block, RowKind as Kind};
use speechtui::align::{Comparison, Span};

use super::wrap::{wrap_part, CharIndex, Line};

/// What one side of a screen row shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    /// Text only this speech has.
    Own,
    /// A folded stretch of own text: how many chars it hides.
    Folded(usize),
    /// Passage `i`, level with its counterpart.
    Shared(usize),
    /// Passage `i`, which the other speech has elsewhere.
    Moved(usize),
    /// The note above a moved passage naming where the other speech has it.
    MovedNote(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub kind: CellKind,
    /// The text line (none for notes and folds).
    pub line: Option<Line>,
    /// First line of its passage or stretch.
    pub first: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Row {
    pub left: Option<Cell>,
    pub right: Option<Cell>,
}

/// A place `]`/`[` stop at: a passage's first row, and the side it is on (`None`: both, level).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stop {
    pub row: usize,
    pub passage: usize,
    pub side_a: Option<bool>,
}

#[derive(Debug, Clone, Default)]
pub struct Rows {
    pub rows: Vec<Row>,
    /// Passage stops in screen order: a level passage once, a moved one on each side.
    pub stops: Vec<Stop>,
}

/// The two texts being compared.
pub struct Texts<'a> {
    pub a: &'a str,
    pub a_chars: &'a CharIndex,
    pub b: &'a str,
    pub b_chars: &'a CharIndex,
}

fn wrap_span(text: &str, chars: &CharIndex, span: Span, width: usize) -> Vec<Line> {
    if span.is_empty() {
        return Vec::new();
    }
    // Blank lines inside the stretch would only make empty rows.
    wrap_part(chars.slice(text, span.start, span.end), span.start, width)
        .into_iter()
        .filter(|l| l.end > l.start && !chars.slice(text, l.start, l.end).trim().is_empty())
        .collect()
}

/// One side's cells for a library row.
fn cells(texts: &Texts, r: &layout::Row, side_a: bool, fold: bool, width: usize) -> Vec<Cell> {
    let (text, chars, span) = if side_a {
        (texts.a, texts.a_chars, r.a)
    } else {
        (texts.b, texts.b_chars, r.b)
    };
    let Some(span) = span else {
        return Vec::new();
    };
    let lines = wrap_span(text, chars, span, width);
    let kind = match (r.kind, r.passage) {
        (Kind::Shared, Some(i)) => CellKind::Shared(i),
        (Kind::Moved, Some(i)) => CellKind::Moved(i),
        _ if lines.is_empty() => return Vec::new(),
        _ if fold => {
            return vec![Cell {
                kind: CellKind::Folded(span.len()),
                line: None,
                first: true,
            }]
        }
        _ => CellKind::Own,
    };
    let mut out = Vec::new();
    if let CellKind::Moved(i) = kind {
        out.push(Cell {
            kind: CellKind::MovedNote(i),
            line: None,
            first: true,
        });
    }
    let mut first = out.is_empty();
    for l in lines {
        out.push(Cell {
            kind,
            line: Some(l),
            first,
        });
        first = false;
    }
    out
}

/// Builds the screen rows for panes of `widths` (left, right) columns.
pub fn build(texts: &Texts, cmp: &Comparison, fold: bool, widths: (usize, usize)) -> Rows {
    let a_len = texts.a_chars.len();
    let b_len = texts.b_chars.len();
    let lib = layout::rows(cmp, a_len, b_len);
    let mut out = Rows::default();
    for block in layout::blocks(&lib) {
        let (left, right): (Vec<Cell>, Vec<Cell>) = match block {
            Block::Level(i) => (
                cells(texts, &lib[i], true, fold, widths.0),
                cells(texts, &lib[i], false, fold, widths.1),
            ),
            Block::Apart { a, b } => (
                merge_folds(
                    a.iter()
                        .flat_map(|&i| cells(texts, &lib[i], true, fold, widths.0))
                        .collect(),
                ),
                merge_folds(
                    b.iter()
                        .flat_map(|&i| cells(texts, &lib[i], false, fold, widths.1))
                        .collect(),
                ),
            ),
        };
        let base = out.rows.len();
        for (k, c) in left.iter().enumerate() {
            if let (true, CellKind::Shared(p)) = (c.first, c.kind) {
                out.stops.push(Stop {
                    row: base + k,
                    passage: p,
                    side_a: None,
                });
            }
        }
        let mut moved: Vec<Stop> = Vec::new();
        for (side_a, cs) in [(true, &left), (false, &right)] {
            for (k, c) in cs.iter().enumerate() {
                if let CellKind::MovedNote(p) = c.kind {
                    moved.push(Stop {
                        row: base + k,
                        passage: p,
                        side_a: Some(side_a),
                    });
                }
            }
        }
        moved.sort_by_key(|s| (s.row, s.side_a != Some(true)));
        out.stops.extend(moved);
        for k in 0..left.len().max(right.len()) {
            out.rows.push(Row {
                left: left.get(k).copied(),
                right: right.get(k).copied(),
            });
        }
    }
    out
}

/// Neighbouring folds on one side (own text around a blank stretch) become one.
fn merge_folds(cells: Vec<Cell>) -> Vec<Cell> {
    let mut out: Vec<Cell> = Vec::with_capacity(cells.len());
    for c in cells {
        if let (Some(last), CellKind::Folded(n)) = (out.last_mut(), c.kind) {
            if let CellKind::Folded(m) = last.kind {
                last.kind = CellKind::Folded(m + n);
                continue;
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use speechtui::align::Passage;

    fn span(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    fn passage(a: Span, b: Span) -> Passage {
        Passage {
            a,
            b,
            similarity: 1.0,
            ops: Vec::new(),
        }
    }

    // Two texts built by hand so that the expected layout is known exactly: 共同段落一 is in the
    // same order on both sides, 共同段落二 moved.
    const A: &str = "甲甲甲甲。共同段落一。乙乙乙。共同段落二。丙";
    const B: &str = "共同段落二。丁丁丁丁丁。共同段落一。";

    fn cmp() -> Comparison {
        Comparison {
            passages: vec![
                passage(span(5, 11), span(12, 18)),
                passage(span(15, 21), span(0, 6)),
            ],
            a_reused: 0.5,
            b_reused: 0.6,
        }
    }

    fn show(text: &str, c: Option<Cell>) -> String {
        let idx = CharIndex::new(text);
        match c {
            None => String::new(),
            Some(Cell { line: Some(l), .. }) => idx.slice(text, l.start, l.end).to_string(),
            Some(Cell { kind, .. }) => format!("{kind:?}"),
        }
    }

    fn build_rows(fold: bool, widths: (usize, usize)) -> Rows {
        let (ai, bi) = (CharIndex::new(A), CharIndex::new(B));
        let texts = Texts {
            a: A,
            a_chars: &ai,
            b: B,
            b_chars: &bi,
        };
        build(&texts, &cmp(), fold, widths)
    }

    #[test]
    fn both_texts_are_shown_whole_with_the_moved_passage_on_each_side() {
        let rows = build_rows(false, (40, 40));
        let shown: Vec<(String, String)> = rows
            .rows
            .iter()
            .map(|r| (show(A, r.left), show(B, r.right)))
            .collect();
        assert_eq!(
            shown,
            vec![
                ("甲甲甲甲。".into(), "MovedNote(1)".into()),
                ("".into(), "共同段落二。".into()),
                ("".into(), "丁丁丁丁丁。".into()),
                ("共同段落一。".into(), "共同段落一。".into()),
                ("乙乙乙。".into(), "".into()),
                ("MovedNote(1)".into(), "".into()),
                ("共同段落二。".into(), "".into()),
                ("丙".into(), "".into()),
            ]
        );
        let stops: Vec<(usize, usize, Option<bool>)> = rows
            .stops
            .iter()
            .map(|s| (s.row, s.passage, s.side_a))
            .collect();
        assert_eq!(
            stops,
            vec![(0, 1, Some(false)), (3, 0, None), (5, 1, Some(true))]
        );
    }

    #[test]
    fn folding_keeps_moved_passages_and_hides_own_text() {
        let rows = build_rows(true, (40, 40));
        assert_eq!(rows.rows[0].left.unwrap().kind, CellKind::Folded(5));
        assert_eq!(rows.rows[0].right.unwrap().kind, CellKind::MovedNote(1));
        assert_eq!(rows.rows[2].right.unwrap().kind, CellKind::Folded(6));
        assert!(rows
            .rows
            .iter()
            .any(|r| r.left.is_some_and(|c| c.kind == CellKind::Moved(1))));
    }

    #[test]
    fn narrow_panes_give_blocks_as_tall_as_the_longer_side() {
        let rows = build_rows(false, (6, 12));
        let p0: Vec<&Row> = rows
            .rows
            .iter()
            .filter(|r| r.left.is_some_and(|c| c.kind == CellKind::Shared(0)))
            .collect();
        assert_eq!(p0.len(), 2);
        assert!(p0[1].right.is_none());
    }
}
