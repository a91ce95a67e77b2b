//! Seeds: exact k-gram matches between two keys, chained into runs along diagonals.
//!
//! Both keys' k-grams are hashed and sorted, then merge-joined (no hash map on the hot path). A
//! k-gram that is very frequent on both sides (a product of occurrences above `max_pairs`) is a
//! filler phrase; it is skipped as a seed, though the extension still aligns through it.

use crate::text::key::WILDCARD;

/// An exact match of `len` key characters at `a` in A and `b` in B.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    pub a: u32,
    pub b: u32,
    pub len: u32,
}

impl Run {
    /// Diagonal index, shifted to stay non-negative: `a - b + b_len`.
    pub fn diagonal(&self, b_len: usize) -> u64 {
        self.a as u64 + b_len as u64 - self.b as u64
    }
}

/// Rolling k-gram hashes of `key`, sorted by hash, skipping any k-gram that holds a wildcard
/// (a wildcard may stand for anything, so it cannot seed an exact match).
fn sorted_grams(key: &[u32], k: usize) -> Vec<(u64, u32)> {
    let mut out = Vec::with_capacity(key.len().saturating_sub(k - 1));
    if key.len() < k {
        return out;
    }
    const MUL: u64 = 0x9E37_79B9_7F4A_7C15;
    // MUL^(k-1), to remove the leaving character from the rolling hash.
    let mut top = 1u64;
    for _ in 1..k {
        top = top.wrapping_mul(MUL);
    }
    let mut h = 0u64;
    let mut last_wild: Option<usize> = None;
    for (i, &c) in key.iter().enumerate() {
        if i >= k {
            h = h.wrapping_sub((key[i - k] as u64 + 1).wrapping_mul(top));
        }
        h = h.wrapping_mul(MUL).wrapping_add(c as u64 + 1);
        if c == WILDCARD as u32 {
            last_wild = Some(i);
        }
        if i + 1 >= k {
            let start = i + 1 - k;
            if last_wild.is_none_or(|w| w < start) {
                out.push((h, start as u32));
            }
        }
    }
    out.sort_unstable();
    out
}

/// Maximal exact runs of at least `k` key characters shared by `a` and `b`, found from k-gram
/// seeds and merged along each diagonal. Sorted by diagonal, then by position.
pub fn exact_runs(a: &[u32], b: &[u32], k: usize, max_pairs: usize) -> Vec<Run> {
    let k = k.max(1);
    let ga = sorted_grams(a, k);
    let gb = sorted_grams(b, k);
    // Seed pairs packed as (diagonal << 32 | a) so one integer sort groups them by diagonal.
    let mut pairs: Vec<u64> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < ga.len() && j < gb.len() {
        let (ha, hb) = (ga[i].0, gb[j].0);
        if ha < hb {
            i += 1;
            continue;
        }
        if hb < ha {
            j += 1;
            continue;
        }
        let i_end = i + ga[i..].iter().take_while(|g| g.0 == ha).count();
        let j_end = j + gb[j..].iter().take_while(|g| g.0 == ha).count();
        if (i_end - i) * (j_end - j) <= max_pairs {
            for &(_, pa) in &ga[i..i_end] {
                for &(_, pb) in &gb[j..j_end] {
                    let (pa_, pb_) = (pa as usize, pb as usize);
                    // Guard against hash collisions.
                    if a[pa_..pa_ + k] == b[pb_..pb_ + k] {
                        let diag = pa as u64 + b.len() as u64 - pb as u64;
                        pairs.push((diag << 32) | pa as u64);
                    }
                }
            }
        }
        i = i_end;
        j = j_end;
    }
    pairs.sort_unstable();

    let mut runs: Vec<Run> = Vec::new();
    let mut current: Option<(u64, u32, u32)> = None; // (diagonal, a start, a end)
    let b_len = b.len() as u64;
    let flush = |cur: (u64, u32, u32), runs: &mut Vec<Run>| {
        let (diag, start, end) = cur;
        let b_start = (start as u64 + b_len - diag) as u32;
        runs.push(Run {
            a: start,
            b: b_start,
            len: end - start,
        });
    };
    for p in pairs {
        let diag = p >> 32;
        let pa = (p & 0xFFFF_FFFF) as u32;
        match current {
            Some((d, s, e)) if d == diag && pa <= e => {
                current = Some((d, s, e.max(pa + k as u32)));
            }
            _ => {
                if let Some(cur) = current {
                    flush(cur, &mut runs);
                }
                current = Some((diag, pa, pa + k as u32));
            }
        }
    }
    if let Some(cur) = current {
        flush(cur, &mut runs);
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    #[test]
    fn finds_moved_and_repeated_runs() {
        let a = codes("甲乙丙丁一切围绕项目转戊己庚一切围绕项目转");
        let b = codes("一切围绕项目转子丑寅卯");
        let runs = exact_runs(&a, &b, 4, 1000);
        let mut found: Vec<(u32, u32, u32)> = runs.iter().map(|r| (r.a, r.b, r.len)).collect();
        found.sort();
        assert_eq!(found, vec![(4, 0, 7), (14, 0, 7)]);
    }

    #[test]
    fn identical_texts_give_one_run_on_the_main_diagonal() {
        let a = codes("以更加务实的举措推进乡村建设以更加务实的举措抓好乡村治理");
        let runs = exact_runs(&a, &a, 4, 1000);
        assert!(runs
            .iter()
            .any(|r| r.a == 0 && r.b == 0 && r.len as usize == a.len()));
    }

    #[test]
    fn wildcards_do_not_seed() {
        let w = WILDCARD as u32;
        let a = vec![w, w, w, w, w];
        let runs = exact_runs(&a, &a, 3, 1000);
        assert!(runs.is_empty());
    }
}
