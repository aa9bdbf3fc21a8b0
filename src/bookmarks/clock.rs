//! Times and ids for bookmarks: RFC 3339 UTC stamps with milliseconds (fixed width, so they
//! sort as text) and unique ids, from `std` alone.

use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// The last millisecond handed out, so stamps of one process strictly increase.
static LAST: AtomicU64 = AtomicU64::new(0);
/// Ids made by this process so far.
static COUNT: AtomicU64 = AtomicU64::new(0);

/// Milliseconds since the Unix epoch, strictly increasing within the process.
pub fn now_ms() -> u64 {
    let wall = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64);
    let prev = LAST
        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |last| {
            Some(wall.max(last + 1))
        })
        .unwrap_or(0);
    wall.max(prev + 1)
}

/// The current time as RFC 3339 UTC, e.g. `2026-10-29T14:03:07.250Z`.
pub fn now() -> String {
    rfc3339(now_ms())
}

/// `ms` since the epoch as RFC 3339 UTC with milliseconds.
pub fn rfc3339(ms: u64) -> String {
    let (secs, milli) = (ms / 1000, ms % 1000);
    let (y, mo, d) = civil((secs / 86_400) as i64);
    let s = secs % 86_400;
    format!(
        "{y:04}-{mo:02}-{d:02}T{:02}:{:02}:{:02}.{milli:03}Z",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

/// A compact stamp for file names: `20261029-140307`.
pub fn file_stamp(ms: u64) -> String {
    let t = rfc3339(ms);
    format!(
        "{}-{}",
        t[..10].replace('-', ""),
        t[11..19].replace(':', "")
    )
}

/// Year, month and day of `days` since 1970-01-01 (proleptic Gregorian).
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// A new unique id: the time in ms, then 64 random bits (per-process keyed hash of pid,
/// time and a counter).
pub fn new_id() -> String {
    let ms = now_ms();
    let n = COUNT.fetch_add(1, Ordering::SeqCst);
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(ms);
    h.write_u32(std::process::id());
    h.write_u64(n);
    format!("{ms:011x}-{:016x}", h.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_instants_format_as_rfc3339() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(rfc3339(1_700_000_000_123), "2023-11-14T22:13:20.123Z");
        assert_eq!(rfc3339(951_782_400_000), "2000-02-29T00:00:00.000Z");
        assert_eq!(rfc3339(4_107_542_399_999), "2100-02-28T23:59:59.999Z");
        assert_eq!(file_stamp(1_700_000_000_123), "20231114-221320");
    }

    #[test]
    fn stamps_increase_and_ids_differ() {
        let a = now_ms();
        let b = now_ms();
        assert!(b > a);
        let ids: std::collections::HashSet<String> = (0..1000).map(|_| new_id()).collect();
        assert_eq!(ids.len(), 1000);
        assert!(now() < rfc3339(now_ms() + 1));
    }
}
