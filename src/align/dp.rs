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

/// Finds the cheapest path from (0, 0) to (n, m) using `beads`; `cost(a, b, bead)` prices a bead
/// that starts at `a` and `b`. Returns the steps in order.
pub fn align(
    n: usize,
    m: usize,
    beads: &[Bead],
    cost: impl Fn(usize, usize, Bead) -> f64,
) -> Vec<Step> {
    let w = m + 1;
    let mut best = vec![f64::INFINITY; (n + 1) * w];
    let mut back: Vec<Option<Bead>> = vec![None; (n + 1) * w];
    best[0] = 0.0;
    for i in 0..=n {
        for j in 0..=m {
            let here = best[i * w + j];
            if !here.is_finite() {
                continue;
            }
            for &(da, db) in beads {
                let (ni, nj) = (i + da, j + db);
                if ni > n || nj > m || (da, db) == (0, 0) {
                    continue;
                }
                let c = here + cost(i, j, (da, db));
                if c < best[ni * w + nj] {
                    best[ni * w + nj] = c;
                    back[ni * w + nj] = Some((da, db));
                }
            }
        }
    }
    let mut steps = Vec::new();
    let (mut i, mut j) = (n, m);
    while let Some((da, db)) = back[i * w + j] {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_equal_items_and_skips_extras() {
        let a = [1, 2, 3, 4];
        let b = [1, 3, 4];
        let steps = align(
            a.len(),
            b.len(),
            &[(1, 1), (1, 0), (0, 1)],
            |i, j, bead| match bead {
                (1, 1) if a[i] == b[j] => 0.0,
                (1, 1) => 5.0,
                _ => 1.0,
            },
        );
        let beads: Vec<Bead> = steps.iter().map(|s| s.bead).collect();
        assert_eq!(beads, [(1, 1), (1, 0), (1, 1), (1, 1)]);
    }

    #[test]
    fn empty_sides() {
        assert!(align(0, 0, &[(1, 1)], |_, _, _| 0.0).is_empty());
        let steps = align(2, 0, &[(1, 1), (1, 0)], |_, _, _| 1.0);
        assert_eq!(steps.len(), 2);
    }
}
