//! xorshift64: a small deterministic generator for what must repeat exactly from
//! a seed (the tagger's training order, generated test and benchmark inputs). Not
//! for anything that needs unpredictability.

/// Marsaglia's xorshift64 (shifts 13, 7, 17). A zero state stays zero: seed with
/// a non-zero value.
#[derive(Debug, Clone)]
pub struct XorShift(u64);

impl XorShift {
    pub fn new(seed: u64) -> Self {
        XorShift(seed)
    }

    /// The generator for the `case`-th of many generated inputs: the case number goes through one
    /// linear congruential step first, so that neighbouring cases start far apart and none at zero.
    pub fn for_case(case: u64) -> Self {
        XorShift(case.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next_u64() % n as u64) as usize }
    }

    /// One element of a non-empty slice.
    pub fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_from_its_seed_and_stays_in_range() {
        let (mut a, mut b) = (XorShift::new(7), XorShift::new(7));
        let xs: Vec<u64> = (0..5).map(|_| a.next_u64()).collect();
        assert_eq!(xs, (0..5).map(|_| b.next_u64()).collect::<Vec<_>>());
        // The first step of xorshift64 from 1, worked by hand.
        assert_eq!(XorShift::new(1).next_u64(), 0x4082_2041);
        assert!((0..1000).all(|_| a.below(7) < 7));
        assert_eq!(a.below(0), 0);
    }
}
