//! Stable, fast hashing: shingle hashes over the comparison key and content hashes for the cache.
//!
//! Both must give the same value on every run and every machine (the cache depends on it), so they
//! are written out here instead of borrowing a hasher whose output may change between releases.

/// Final mixer of splitmix64: spreads every input bit over the whole word.
#[inline]
pub fn mix64(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Base of the polynomial rolling hash (odd, so multiplication is invertible modulo 2^64).
const BASE: u64 = 0x9e37_79b9_7f4a_7c15;

/// Hashes of every `k`-character window of `chars`, in order (`chars.len() - k + 1` values, none if
/// the text is shorter than `k`). A rolling polynomial hash, so the cost is linear whatever `k`.
pub fn shingles(chars: &[char], k: usize) -> Vec<u64> {
    if k == 0 || chars.len() < k {
        return Vec::new();
    }
    let top = (1..k).fold(1u64, |p, _| p.wrapping_mul(BASE));
    let f = |c: char| mix64(c as u64 ^ 0x5151_5151);
    let mut out = Vec::with_capacity(chars.len() - k + 1);
    let mut h = 0u64;
    for &c in &chars[..k] {
        h = h.wrapping_mul(BASE).wrapping_add(f(c));
    }
    // The stored value is mixed again: the radix partition of the index uses its top bits.
    out.push(mix64(h));
    for i in k..chars.len() {
        h = h
            .wrapping_sub(f(chars[i - k]).wrapping_mul(top))
            .wrapping_mul(BASE)
            .wrapping_add(f(chars[i]));
        out.push(mix64(h));
    }
    out
}

/// A 128-bit content hash (two independent 64-bit lanes over 8-byte words), printed as 32 hex digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ContentHash(pub u64, pub u64);

impl ContentHash {
    /// The hash of `bytes`.
    pub fn of(bytes: &[u8]) -> ContentHash {
        let mut a = 0x243f_6a88_85a3_08d3u64 ^ bytes.len() as u64;
        let mut b = 0x1319_8a2e_0370_7344u64;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let w = u64::from_le_bytes(chunk.try_into().expect("8-byte chunk"));
            a = mix64(a ^ w).rotate_left(17);
            b = (b ^ w).wrapping_mul(0x9fb2_1c65_1e98_df25).rotate_left(29) ^ a;
        }
        let mut tail = [0u8; 8];
        tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        let w = u64::from_le_bytes(tail);
        a = mix64(a ^ w ^ 0xff);
        b = mix64(b ^ w.rotate_left(7) ^ a);
        ContentHash(a, b)
    }

    /// Combines hashes in order (for a key over several parts).
    pub fn combine(parts: impl IntoIterator<Item = ContentHash>) -> ContentHash {
        let mut a = 0x4528_21e6_38d0_1377u64;
        let mut b = 0xbe54_66cf_34e9_0c6cu64;
        for p in parts {
            a = mix64(a ^ p.0).wrapping_add(b);
            b = mix64(b ^ p.1).wrapping_add(a.rotate_left(13));
        }
        ContentHash(a, b)
    }

    /// The 32 hex digits.
    pub fn hex(&self) -> String {
        format!("{:016x}{:016x}", self.0, self.1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rolling_hash_equals_hash_of_each_window() {
        let chars: Vec<char> = "民主党派工商联无党派人士和各界人士民主党派工商联"
            .chars()
            .collect();
        let all = shingles(&chars, 5);
        assert_eq!(all.len(), chars.len() - 4);
        for (i, h) in all.iter().enumerate() {
            assert_eq!(*h, shingles(&chars[i..i + 5], 5)[0]);
        }
        // The same wording gives the same hash wherever it stands.
        assert_eq!(all[0], all[17]);
        assert_ne!(all[0], all[1]);
        assert!(shingles(&chars[..3], 5).is_empty());
    }

    #[test]
    fn content_hash_sees_every_byte() {
        let a = ContentHash::of("请予审议".as_bytes());
        assert_eq!(a, ContentHash::of("请予审议".as_bytes()));
        assert_ne!(a, ContentHash::of("请予审查".as_bytes()));
        assert_ne!(ContentHash::of(b"abcdefgh1"), ContentHash::of(b"abcdefgh2"));
        assert_ne!(ContentHash::of(b""), ContentHash::of(b"\0"));
        assert_eq!(a.hex().len(), 32);
    }
}
