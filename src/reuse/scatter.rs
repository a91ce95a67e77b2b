//! Parallel writes to distinct indices, and the stable counting scatter built on them: the way
//! the shingle count and the formula-unit levels group millions of positions without a global
//! sort.

use rayon::prelude::*;

/// Writes to distinct indices of a slice from several threads.
pub(super) struct Disjoint<T>(pub(super) *mut T);
// SAFETY: used only where every index is written by exactly one thread (the callers say why).
unsafe impl<T: Send> Sync for Disjoint<T> {}
unsafe impl<T: Send> Send for Disjoint<T> {}
impl<T> Disjoint<T> {
    /// SAFETY: `i` is in bounds and no other thread writes index `i`.
    pub(super) unsafe fn write(&self, i: usize, value: T) {
        unsafe { self.0.add(i).write(value) }
    }
}

/// The entries `entry(i)` of the `i` in `0..len` whose `group(i)` is some group (each
/// `< groups`), written to `out` (replacing what it held) grouped by group, in the order of `i`
/// within a group. Returns the group starts: group `g` is `out[starts[g]..starts[g + 1]]`.
///
/// Each thread takes a contiguous range of positions, counts its groups, then writes its entries
/// behind those of the threads before it: two sequential passes, no sort.
pub(super) fn by_group<T: Copy + Send + Sync>(
    len: usize,
    groups: usize,
    group: impl Fn(usize) -> Option<u32> + Sync,
    entry: impl Fn(usize) -> T + Sync,
    out: &mut Vec<T>,
) -> Vec<usize> {
    let parts = rayon::current_num_threads().clamp(1, 64);
    let range = |t: usize| (t * len / parts)..((t + 1) * len / parts);
    let counts: Vec<Vec<u32>> = (0..parts)
        .into_par_iter()
        .map(|t| {
            let mut c = vec![0u32; groups];
            for p in range(t) {
                if let Some(g) = group(p) {
                    c[g as usize] += 1;
                }
            }
            c
        })
        .collect();
    // Cursor of each part in each group: groups in order, parts in order within a group.
    let mut cursors: Vec<Vec<usize>> = vec![vec![0; groups]; parts];
    let mut starts = Vec::with_capacity(groups + 1);
    let mut at = 0usize;
    for g in 0..groups {
        starts.push(at);
        for t in 0..parts {
            cursors[t][g] = at;
            at += counts[t][g] as usize;
        }
    }
    starts.push(at);
    drop(counts);
    // Every index below `at` is written once below, so the buffer is not filled first (for
    // millions of entries, that alone costs as much as a pass of the scatter).
    out.clear();
    out.reserve(at);
    let w = Disjoint(out.as_mut_ptr());
    cursors
        .into_par_iter()
        .enumerate()
        .for_each(|(t, mut cur)| {
            for p in range(t) {
                if let Some(g) = group(p) {
                    let i = &mut cur[g as usize];
                    // SAFETY: the cursors of the parts cover disjoint ranges of `out[..at]` (their
                    // counts were taken from the same `group` over the same positions), so every
                    // index is written once, by the part that counted it.
                    unsafe { w.write(*i, entry(p)) };
                    *i += 1;
                }
            }
        });
    // SAFETY: the parts wrote every index of `out[..at]` (their counts sum to `at`), within the
    // capacity reserved above; `T: Copy` has no drop to skip.
    unsafe { out.set_len(at) };
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_hold_their_positions_in_order() {
        let data: Vec<u32> = (0..10_000u32).map(|i| (i * 7919) % 13).collect();
        let mut out = Vec::new();
        let starts = by_group(
            data.len(),
            13,
            |p| (data[p] != 5).then_some(data[p]),
            |p| (u64::from(data[p] * 10) << 32) | p as u64,
            &mut out,
        );
        assert_eq!(starts.len(), 14);
        for g in 0..13u32 {
            let part = &out[starts[g as usize]..starts[g as usize + 1]];
            let want: Vec<u64> = (0..data.len())
                .filter(|&p| data[p] == g && g != 5)
                .map(|p| (u64::from(g * 10) << 32) | p as u64)
                .collect();
            assert_eq!(part, &want[..], "group {g}");
        }
        assert_eq!(starts[13], data.iter().filter(|&&x| x != 5).count());
    }
}
