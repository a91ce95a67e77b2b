//! Gapped extension of a seed run: a banded X-drop alignment (as in BLAST) that walks outwards
//! from the run through substitutions (refilled slots), insertions and deletions, and stops once
//! the score falls `x_drop` below the best seen. The passage ends at the best-scoring cell, so it
//! always ends on a match.
//!
//! Scoring is Levenshtein-like, in half points: +2 a match, −2 a substitution or a one-character
//! gap. A wildcard (placeholder run) matches any character for 0, and may absorb up to
//! [`MAX_ABSORB`] further characters of the other side for −1 each (`X市` against `杭州市`): a
//! placeholder fits a place name, but a passage is only carried across one by real matches after
//! it.

use crate::text::key::WILDCARD;

/// Longest run of the other text one wildcard may stand for.
pub const MAX_ABSORB: u16 = 8;
/// Score of a match (the unit is half a point, see the module notes).
pub const MATCH: i32 = 2;
const EDIT: i32 = 2;
const ABSORB: i32 = 1;

const NEG: i32 = i32::MIN / 4;
const WILD: u32 = WILDCARD as u32;

/// One DP cell: the best path into it and what that path is made of.
#[derive(Debug, Clone, Copy)]
struct Cell {
    score: i32,
    matches: u32,
    edits: u32,
    /// Consecutive characters absorbed by a wildcard on the path's last step.
    absorbed: u16,
}

const DEAD: Cell = Cell {
    score: NEG,
    matches: 0,
    edits: 0,
    absorbed: 0,
};

/// How far an extension reached and what it is made of.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Extension {
    /// Key characters consumed in A and in B.
    pub len_a: usize,
    pub len_b: usize,
    pub score: i32,
    pub matches: u32,
    /// Substitutions plus gap characters.
    pub edits: u32,
}

/// Extends from the origin over `a(0..na)` and `b(0..nb)` (accessors so the same code runs
/// leftwards on reversed indices). `x_drop` is in edits (one edit = [`MATCH`] score points).
pub fn extend(
    a: impl Fn(usize) -> u32,
    na: usize,
    b: impl Fn(usize) -> u32,
    nb: usize,
    x_drop: i32,
) -> Extension {
    let x_drop = x_drop * EDIT;
    let mut best = Extension::default();
    // Row 0: only gaps in A (B characters consumed against nothing).
    let mut prev: Vec<Cell> = Vec::with_capacity(64);
    let mut cur: Vec<Cell> = Vec::with_capacity(64);
    let mut prev_lo = 0usize; // column of prev[0]
    prev.push(Cell {
        score: 0,
        matches: 0,
        edits: 0,
        absorbed: 0,
    });
    for j in 1..=nb {
        let left = prev[j - 1];
        let cell = horizontal(left, b(j - 1), None);
        if cell.score < best.score - x_drop {
            break;
        }
        prev.push(cell);
    }

    for i in 1..=na {
        let ai = a(i - 1);
        let prev_hi = prev_lo + prev.len(); // exclusive
        let lo = prev_lo;
        cur.clear();
        let mut j = lo;
        loop {
            if j > nb {
                break;
            }
            let up = if j >= prev_lo && j < prev_hi {
                prev[j - prev_lo]
            } else {
                DEAD
            };
            let diag = if j > prev_lo && j - 1 < prev_hi {
                prev[j - 1 - prev_lo]
            } else {
                DEAD
            };
            let mut cell = vertical(up, ai, if j > 0 { Some(b(j - 1)) } else { None });
            if j > 0 && diag.score > NEG {
                let bj = b(j - 1);
                let c = if ai == bj && ai != WILD {
                    Cell {
                        score: diag.score + MATCH,
                        matches: diag.matches + 1,
                        edits: diag.edits,
                        absorbed: 0,
                    }
                } else if ai == WILD || bj == WILD {
                    // A placeholder fits anything but proves nothing: no score, so a passage
                    // never starts or ends on one.
                    Cell {
                        score: diag.score,
                        matches: diag.matches + 1,
                        edits: diag.edits,
                        absorbed: 0,
                    }
                } else {
                    Cell {
                        score: diag.score - EDIT,
                        matches: diag.matches,
                        edits: diag.edits + 1,
                        absorbed: 0,
                    }
                };
                cell = better(cell, c);
            }
            if j > lo {
                let left = cur[j - 1 - lo];
                cell = better(cell, horizontal(left, b(j - 1), Some(ai)));
            }
            if cell.score < best.score - x_drop {
                cell = DEAD;
            }
            cur.push(cell);
            if cell.score > best.score {
                best = Extension {
                    len_a: i,
                    len_b: j,
                    score: cell.score,
                    matches: cell.matches,
                    edits: cell.edits,
                };
            }
            j += 1;
            // Past the previous row's band only horizontal moves can keep a cell alive.
            if j > prev_hi && cell.score <= NEG {
                break;
            }
        }
        // Trim dead cells at both ends of the band.
        let first = cur.iter().position(|c| c.score > NEG);
        let Some(first) = first else { break };
        let last = cur.iter().rposition(|c| c.score > NEG).unwrap_or(first);
        std::mem::swap(&mut prev, &mut cur);
        prev.drain(last + 1..);
        prev.drain(..first);
        prev_lo = lo + first;
    }
    best
}

/// Consuming `bj` against nothing, after `left`. `ai` is the A character the row has reached.
#[inline]
fn horizontal(left: Cell, bj: u32, ai: Option<u32>) -> Cell {
    if left.score <= NEG {
        return DEAD;
    }
    if bj == WILD {
        // A placeholder on B may stand for nothing.
        return Cell {
            absorbed: 0,
            ..left
        };
    }
    if ai == Some(WILD) {
        if left.absorbed < MAX_ABSORB {
            return Cell {
                score: left.score - ABSORB,
                absorbed: left.absorbed + 1,
                ..left
            };
        }
        // The wildcard is used up: further characters are plain gaps, and stay counted so the
        // wildcard cannot start absorbing again after one of them.
        return Cell {
            score: left.score - EDIT,
            edits: left.edits + 1,
            ..left
        };
    }
    Cell {
        score: left.score - EDIT,
        matches: left.matches,
        edits: left.edits + 1,
        absorbed: 0,
    }
}

/// Consuming `ai` against nothing, after `up`. `bj` is the B character the column has reached.
#[inline]
fn vertical(up: Cell, ai: u32, bj: Option<u32>) -> Cell {
    if up.score <= NEG {
        return DEAD;
    }
    if ai == WILD {
        return Cell { absorbed: 0, ..up };
    }
    if bj == Some(WILD) {
        if up.absorbed < MAX_ABSORB {
            return Cell {
                score: up.score - ABSORB,
                absorbed: up.absorbed + 1,
                ..up
            };
        }
        return Cell {
            score: up.score - EDIT,
            edits: up.edits + 1,
            ..up
        };
    }
    Cell {
        score: up.score - EDIT,
        matches: up.matches,
        edits: up.edits + 1,
        absorbed: 0,
    }
}

/// The better of two paths: higher score, then fewer edits (deterministic on ties).
#[inline]
fn better(x: Cell, y: Cell) -> Cell {
    if y.score > x.score || (y.score == x.score && y.edits < x.edits) {
        y
    } else {
        x
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ext(a: &str, b: &str, x: i32) -> Extension {
        let a: Vec<u32> = a.chars().map(|c| c as u32).collect();
        let b: Vec<u32> = b.chars().map(|c| c as u32).collect();
        extend(|i| a[i], a.len(), |j| b[j], b.len(), x)
    }

    #[test]
    fn identical_runs_to_the_end() {
        let e = ext("一切围绕项目转", "一切围绕项目转", 5);
        assert_eq!((e.len_a, e.len_b, e.matches, e.edits), (7, 7, 7, 0));
    }

    #[test]
    fn bridges_a_refilled_slot() {
        let e = ext(
            "推进乡村建设的各项工作全面展开",
            "抓好乡村治理的各项工作全面展开",
            6,
        );
        assert_eq!((e.len_a, e.len_b), (15, 15));
        assert_eq!(e.edits, 4);
    }

    #[test]
    fn bridges_an_insertion() {
        let e = ext("坚持稳中求进工作总基调", "坚持稳中求进的工作总基调", 6);
        assert_eq!((e.len_a, e.len_b, e.edits), (11, 12, 1));
    }

    #[test]
    fn stops_in_unrelated_text() {
        let e = ext(
            "甲乙丙丁戊己庚辛壬癸子丑寅卯",
            "天地玄黄宇宙洪荒日月盈昃辰宿",
            4,
        );
        assert_eq!(e.len_a, 0);
        assert_eq!(e.score, 0);
    }

    #[test]
    fn wildcard_absorbs_only_a_short_run() {
        let w = WILDCARD.to_string();
        let e = ext(
            &format!("增长{w}高新技术产业"),
            "增长有重大带动作用的信息新材料生物医药先进制造业等高新技术产业",
            8,
        );
        assert_eq!(e.len_a, 2, "{e:?}");
    }

    #[test]
    fn wildcard_absorbs_a_place_name() {
        let w = WILDCARD.to_string();
        let e = ext(
            &format!("{w}市人民政府工作报告"),
            "杭州市人民政府工作报告",
            4,
        );
        assert_eq!((e.len_a, e.len_b, e.edits), (10, 11, 0));
    }
}
