//! A quick hasher for small keys the program makes itself (characters, short runs of
//! text): FNV-1a, a multiplication per byte. The standard hasher resists keys chosen to
//! collide, which these are not, and costs more than the lookups it serves.

use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a over the bytes written.
pub struct QuickHasher(u64);

impl Default for QuickHasher {
    fn default() -> Self {
        QuickHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for QuickHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A hash map with [`QuickHasher`].
pub type QuickMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<QuickHasher>>;
/// A hash set with [`QuickHasher`].
pub type QuickSet<K> = std::collections::HashSet<K, BuildHasherDefault<QuickHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_found_and_told_apart() {
        let mut m: QuickMap<&str, usize> = QuickMap::default();
        for (i, k) in ["亚马", "亚马逊", "马逊", "a", "b", ""].iter().enumerate() {
            m.insert(k, i);
        }
        assert_eq!(m.len(), 6);
        assert_eq!(m["亚马逊"], 1);
        let s: QuickSet<char> = "微軟微软".chars().collect();
        assert_eq!(s.len(), 3);
    }
}
