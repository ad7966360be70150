//! How refused connections reach the log: the first at once, then at most one line per
//! interval that counts the others. A client (or an attacker) opening connections in a loop
//! against a limit would otherwise write a warning per attempt, and the log itself would
//! become the thing that fills the disk.

use std::net::IpAddr;
use std::time::{Duration, Instant};

/// At most one line per this long.
const EVERY: Duration = Duration::from_secs(10);

#[derive(Default)]
pub(super) struct RefusalLog {
    last: Option<Instant>,
    /// Refusals since the last line, not logged one by one.
    quiet: u64,
}

impl RefusalLog {
    /// Logs a refusal unless one was logged within `EVERY`; returns whether it did.
    pub(super) fn note(&mut self, now: Instant, peer: IpAddr, status: &str, limit: usize) -> bool {
        if self
            .last
            .is_some_and(|last| now.duration_since(last) < EVERY)
        {
            self.quiet += 1;
            return false;
        }
        tracing::warn!(
            peer = %peer,
            status,
            limit,
            also_refused = self.quiet,
            "connection refused: over a connection limit (also_refused: refusals since the last such line)"
        );
        self.last = Some(now);
        self.quiet = 0;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flood_of_refusals_writes_one_line_per_interval() {
        let mut log = RefusalLog::default();
        let ip: IpAddr = [127, 0, 0, 1].into();
        let t0 = Instant::now();
        assert!(log.note(t0, ip, "503", 1));
        let logged = (1..1000u64)
            .filter(|i| log.note(t0 + Duration::from_millis(*i), ip, "503", 1))
            .count();
        assert_eq!(logged, 0, "refusals within the interval stay quiet");
        assert_eq!(log.quiet, 999);
        assert!(
            log.note(t0 + EVERY, ip, "429", 1),
            "the next interval logs again"
        );
        assert_eq!(log.quiet, 0);
    }
}
