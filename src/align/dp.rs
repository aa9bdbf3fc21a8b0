//! Minimum-cost monotone alignment of two sequences by "beads" (1-1, 1-2, 2-1, 1-0, 0-1, …).

/// A bead: how many units it takes from each side.
pub type Bead = (usize, usize);

/// One step of the best path: the bead taken and where it starts on each side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub a: usize,
    pub b: usize,
    pub bead: Bead,
}

/// Cells the table may hold before it narrows to a band around the diagonal (about a
/// million: exact for a turn of a thousand paragraphs a side).
const WORK: usize = 1 << 20;

/// Finds the cheapest path from (0, 0) to (n, m) using `beads`; `cost(a, b, bead)` prices a bead
/// that starts at `a` and `b`. Returns the steps in order.
///
/// Small problems are solved exactly. Past [`WORK`] cells the search keeps to a band around
/// the diagonal from (0, 0) to (n, m), wide enough to join row to row, so time and memory
/// stay linear in `n + m` whatever the input (two very long turns, thousands of turns).
pub fn align(
    n: usize,
    m: usize,
    beads: &[Bead],
    cost: impl Fn(usize, usize, Bead) -> f64,
) -> Vec<Step> {
    let band = Band::new(n, m);
    let mut best = vec![f64::INFINITY; band.cells()];
    // The bead that reached each cell, as an index into `beads` (u8::MAX: none).
    let mut back: Vec<u8> = vec![u8::MAX; band.cells()];
    best[band.at(0, 0).expect("the origin is in the band")] = 0.0;
    for i in 0..=n {
        let (lo, hi) = band.row(i);
        for j in lo..=hi {
            let Some(here_at) = band.at(i, j) else {
                continue;
            };
            let here = best[here_at];
            if !here.is_finite() {
                continue;
            }
            for (k, &(da, db)) in beads.iter().enumerate() {
                let (ni, nj) = (i + da, j + db);
                if ni > n || nj > m || (da, db) == (0, 0) {
                    continue;
                }
                let Some(to) = band.at(ni, nj) else { continue };
                let c = here + cost(i, j, (da, db));
                if c < best[to] {
                    best[to] = c;
                    back[to] = u8::try_from(k).unwrap_or(u8::MAX);
                }
            }
        }
    }
    let mut steps = Vec::new();
    let (mut i, mut j) = (n, m);
    while let Some(&k) = band.at(i, j).map(|at| &back[at]) {
        let Some(&(da, db)) = beads.get(usize::from(k)) else {
            break;
        };
        i -= da;
        j -= db;
        steps.push(Step {
            a: i,
            b: j,
            bead: (da, db),
        });
    }
    steps.reverse();
    steps
}

/// The cells searched: for each row `i`, the columns `lo..=hi` around the diagonal, stored
/// row after row.
struct Band {
    n: usize,
    m: usize,
    half: usize,
    /// Where each row starts in the flat table.
    starts: Vec<usize>,
}

impl Band {
    fn new(n: usize, m: usize) -> Self {
        let full = (n + 1).saturating_mul(m + 1) <= WORK || n == 0 || m == 0;
        // Wide enough that each row's columns meet the next row's (the diagonal climbs m/n
        // a row), and as wide as the work bound allows.
        let half = if full {
            m
        } else {
            (WORK / (2 * (n + 1))).max(m.div_ceil(n) + 2).max(16)
        };
        let mut band = Band {
            n,
            m,
            half,
            starts: Vec::with_capacity(n + 2),
        };
        let mut total = 0;
        for i in 0..=n {
            band.starts.push(total);
            let (lo, hi) = band.row(i);
            total += hi - lo + 1;
        }
        band.starts.push(total);
        band
    }

    /// The columns searched in row `i`.
    fn row(&self, i: usize) -> (usize, usize) {
        if self.half >= self.m {
            return (0, self.m);
        }
        let centre = (i * self.m).checked_div(self.n).unwrap_or(0);
        (
            centre.saturating_sub(self.half),
            (centre + self.half).min(self.m),
        )
    }

    fn cells(&self) -> usize {
        self.starts[self.n + 1]
    }

    /// Where cell (i, j) is stored, if it is in the band.
    fn at(&self, i: usize, j: usize) -> Option<usize> {
        if i > self.n {
            return None;
        }
        let (lo, hi) = self.row(i);
        (lo..=hi).contains(&j).then(|| self.starts[i] + j - lo)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Aligns `a` with `b`: equal items pair for free, others cost.
    fn match_equal(a: &[usize], b: &[usize]) -> Vec<Step> {
        align(
            a.len(),
            b.len(),
            &[(1, 1), (1, 0), (0, 1)],
            |i, j, bead| match bead {
                (1, 1) if a[i] == b[j] => 0.0,
                (1, 1) => 5.0,
                _ => 1.0,
            },
        )
    }

    #[test]
    fn matches_equal_items_and_skips_extras() {
        let a = [1, 2, 3, 4];
        let b = [1, 3, 4];
        let steps = match_equal(&a, &b);
        let beads: Vec<Bead> = steps.iter().map(|s| s.bead).collect();
        assert_eq!(beads, [(1, 1), (1, 0), (1, 1), (1, 1)]);
    }

    #[test]
    fn long_sequences_stay_within_a_band_and_still_match() {
        // 3,000 against 2,990 (ten missing on one side): far past the exact table's bound.
        let a: Vec<usize> = (0..3000).collect();
        let b: Vec<usize> = (0..3000).filter(|x| x % 300 != 7).collect();
        let band = Band::new(a.len(), b.len());
        assert!(band.cells() < 2 * WORK, "{} cells", band.cells());
        let steps = match_equal(&a, &b);
        let matched = steps
            .iter()
            .filter(|s| s.bead == (1, 1) && a[s.a] == b[s.b])
            .count();
        assert_eq!(matched, b.len());
        // Very unequal sides still reach the end.
        let steps = align(100, 40_000, &[(1, 1), (1, 0), (0, 1)], |_, _, _| 1.0);
        assert_eq!(steps.iter().map(|s| s.bead.1).sum::<usize>(), 40_000);
        assert_eq!(steps.iter().map(|s| s.bead.0).sum::<usize>(), 100);
    }

    #[test]
    fn empty_sides() {
        assert!(align(0, 0, &[(1, 1)], |_, _, _| 0.0).is_empty());
        let steps = align(2, 0, &[(1, 1), (1, 0)], |_, _, _| 1.0);
        assert_eq!(steps.len(), 2);
    }
}
