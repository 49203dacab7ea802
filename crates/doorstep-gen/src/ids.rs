//! Voter identifiers derived from (seed, row index).
//!
//! Each id space gets a keyed permutation of `0..m` (a small Feistel network
//! on 30 bits, cycle-walked down to `m`), so ids are unique for the first `m`
//! rows without any bookkeeping, depend on nothing but the seed and the row's
//! position (regenerating a longer file keeps every earlier row's ids), and
//! look scattered rather than counting up, which would hide importer bugs
//! that rely on ids arriving sorted.

/// Rows beyond this would start repeating `ncid`s (the smallest id space).
pub(crate) const MAX_UNIQUE_ROWS: u64 = NCID_SPACE;

const REG_SPACE: u64 = 1_000_000_000; // "CA" + 9 digits
const NCID_SPACE: u64 = 26 * 26 * 1_000_000; // two letters + 6 digits

#[derive(Clone, Debug)]
pub(crate) struct Ids {
    registrant: Permutation,
    reg_num: Permutation,
    ncid: Permutation,
}

/// A bijection on `0..m` for `m <= 2^30`.
#[derive(Clone, Copy, Debug)]
struct Permutation {
    keys: [u64; ROUNDS],
    m: u64,
}

const HALF_BITS: u32 = 15;
const HALF_MASK: u64 = (1 << HALF_BITS) - 1;
const ROUNDS: usize = 4;

impl Permutation {
    fn new(state: &mut u64, m: u64) -> Permutation {
        debug_assert!(m <= 1 << (2 * HALF_BITS));
        Permutation {
            keys: std::array::from_fn(|_| splitmix64(state)),
            m,
        }
    }

    fn apply(self, index: u64) -> u64 {
        // Cycle walking: re-encrypting until the value lands inside 0..m keeps
        // the map a bijection on 0..m; m is over half of 2^30, so this takes
        // about two steps on average.
        let mut x = index % self.m;
        loop {
            x = self.feistel(x);
            if x < self.m {
                return x;
            }
        }
    }

    fn feistel(self, x: u64) -> u64 {
        let (mut left, mut right) = (x >> HALF_BITS, x & HALF_MASK);
        for key in self.keys {
            let mut k = key ^ right;
            let f = splitmix64(&mut k) & HALF_MASK;
            (left, right) = (right, left ^ f);
        }
        (left << HALF_BITS) | right
    }
}

impl Ids {
    pub fn new(seed: u64) -> Ids {
        // Salted so the id stream is unrelated to the ChaCha stream of the same seed.
        let mut state = seed ^ 0x1d5_7e9a_c0de_d00d;
        Ids {
            registrant: Permutation::new(&mut state, REG_SPACE),
            reg_num: Permutation::new(&mut state, REG_SPACE),
            ncid: Permutation::new(&mut state, NCID_SPACE),
        }
    }

    /// VoteCal-style RegistrantID: "CA" + 9 digits.
    pub fn registrant(&self, index: u64) -> String {
        format!("CA{:09}", self.registrant.apply(index))
    }

    /// ncvoter `voter_reg_num`: 12 digits, zero padded as NC prints it.
    pub fn reg_num(&self, index: u64) -> String {
        format!("{:012}", self.reg_num.apply(index))
    }

    /// ncvoter `ncid`: two letters and six digits, e.g. "BN123456".
    pub fn ncid(&self, index: u64) -> String {
        let n = self.ncid.apply(index);
        let letters = n / 1_000_000;
        let hi = char::from(b'A' + (letters / 26) as u8);
        let lo = char::from(b'A' + (letters % 26) as u8);
        format!("{hi}{lo}{:06}", n % 1_000_000)
    }
}

fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_are_unique_and_shaped() {
        let ids = Ids::new(7);
        let mut seen = HashSet::new();
        for i in 0..50_000 {
            let r = ids.registrant(i);
            let n = ids.ncid(i);
            let g = ids.reg_num(i);
            assert!(r.starts_with("CA") && r.len() == 11);
            assert!(n[..2].bytes().all(|b| b.is_ascii_uppercase()) && n.len() == 8);
            assert!(g.len() == 12 && g.bytes().all(|b| b.is_ascii_digit()));
            assert!(seen.insert(r) && seen.insert(n) && seen.insert(g));
        }
    }

    #[test]
    fn permutation_is_injective_and_in_range() {
        let mut state = 99;
        let p = Permutation::new(&mut state, NCID_SPACE);
        let mut seen = HashSet::new();
        for i in 0..1 << 20 {
            let x = p.apply(i);
            assert!(x < NCID_SPACE);
            assert!(seen.insert(x), "collision at {i}");
        }
    }
}
