//! Voter identifiers derived from (seed, row index).
//!
//! Each id is an affine bijection `a * index + b (mod m)` with `a` coprime to
//! `m`, so ids are unique for the first `m` rows without any bookkeeping,
//! depend on nothing but the seed and the row's position (regenerating a
//! longer file keeps every earlier row's ids), and do not simply count up,
//! which would hide importer bugs that rely on sorted ids.

/// Rows beyond this would start repeating `ncid`s (the smallest id space).
pub(crate) const MAX_UNIQUE_ROWS: u64 = NCID_SPACE;

const REG_SPACE: u64 = 1_000_000_000; // "CA" + 9 digits
const NCID_SPACE: u64 = 26 * 26 * 1_000_000; // two letters + 6 digits

#[derive(Clone, Debug)]
pub(crate) struct Ids {
    registrant: Affine,
    reg_num: Affine,
    ncid: Affine,
}

#[derive(Clone, Copy, Debug)]
struct Affine {
    a: u64,
    b: u64,
    m: u64,
}

impl Affine {
    fn new(state: &mut u64, m: u64) -> Affine {
        // Both spaces factor into 2, 5 and 13 only, so avoiding those primes
        // makes `a` invertible mod m.
        let mut a = splitmix64(state) % m | 1;
        while a % 5 == 0 || a % 13 == 0 || a < 1_000 {
            a = (a + 2) % m | 1;
        }
        Affine { a, b: splitmix64(state) % m, m }
    }

    fn apply(self, index: u64) -> u64 {
        // u128 so large indices cannot overflow the product.
        ((u128::from(self.a) * u128::from(index % self.m) + u128::from(self.b)) % u128::from(self.m))
            as u64
    }
}

impl Ids {
    pub fn new(seed: u64) -> Ids {
        // Salted so the id stream is unrelated to the ChaCha stream of the same seed.
        let mut state = seed ^ 0x1d5_7e9a_c0de_d00d;
        Ids {
            registrant: Affine::new(&mut state, REG_SPACE),
            reg_num: Affine::new(&mut state, REG_SPACE),
            ncid: Affine::new(&mut state, NCID_SPACE),
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
    fn multiplier_is_invertible() {
        for seed in 0..200 {
            let ids = Ids::new(seed);
            for f in [ids.registrant, ids.reg_num, ids.ncid] {
                assert!(f.a % 2 == 1 && f.a % 5 != 0 && f.a % 13 != 0, "{f:?}");
            }
        }
    }
}
