//! Counters and histograms shared by every task of a run, and the stamp that lets the
//! receiving side of a message measure its latency.

use hdrhistogram::Histogram;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// Counters and histograms shared by every task of a run.
pub(crate) struct Stats {
    pub(crate) epoch: Instant,
    pub(crate) held: AtomicI64,
    pub(crate) peak_held: AtomicI64,
    pub(crate) customers: AtomicU64,
    pub(crate) reps: AtomicU64,
    pub(crate) customer_sent: AtomicU64,
    pub(crate) rep_received: AtomicU64,
    pub(crate) rep_sent: AtomicU64,
    pub(crate) customer_received: AtomicU64,
    pub(crate) starts_ok: AtomicU64,
    /// Replies being posted by representatives.
    pub(crate) replies_pending: AtomicI64,
    /// Customer messages being sent, and whether sending has stopped: a customer counts itself
    /// in, then looks at the flag, so the drain never misses a message sent at the last moment.
    pub(crate) sends_pending: AtomicI64,
    pub(crate) sends_stopped: AtomicBool,
    /// Set before tasks are told to stop: closes from then on are not errors.
    pub(crate) stopping: AtomicBool,
    pub(crate) c2r: Mutex<Histogram<u64>>,
    pub(crate) r2c: Mutex<Histogram<u64>>,
    pub(crate) start: Mutex<Histogram<u64>>,
    pub(crate) errors: Mutex<BTreeMap<String, u64>>,
}

pub(crate) fn histogram() -> Histogram<u64> {
    Histogram::new_with_bounds(1, 600_000_000, 3).expect("valid histogram bounds")
}

impl Stats {
    pub(crate) fn new() -> Stats {
        Stats {
            epoch: Instant::now(),
            held: AtomicI64::new(0),
            peak_held: AtomicI64::new(0),
            customers: AtomicU64::new(0),
            reps: AtomicU64::new(0),
            customer_sent: AtomicU64::new(0),
            rep_received: AtomicU64::new(0),
            rep_sent: AtomicU64::new(0),
            customer_received: AtomicU64::new(0),
            starts_ok: AtomicU64::new(0),
            replies_pending: AtomicI64::new(0),
            sends_pending: AtomicI64::new(0),
            sends_stopped: AtomicBool::new(false),
            stopping: AtomicBool::new(false),
            c2r: Mutex::new(histogram()),
            r2c: Mutex::new(histogram()),
            start: Mutex::new(histogram()),
            errors: Mutex::new(BTreeMap::new()),
        }
    }

    pub(crate) fn micros(&self) -> u64 {
        self.epoch.elapsed().as_micros() as u64
    }

    pub(crate) fn error(&self, kind: impl Into<String>) {
        let mut e = self.errors.lock().expect("errors lock");
        *e.entry(kind.into()).or_default() += 1;
    }

    pub(crate) fn error_count(&self) -> u64 {
        self.errors.lock().expect("errors lock").values().sum()
    }

    pub(crate) fn record(h: &Mutex<Histogram<u64>>, us: u64) {
        h.lock()
            .expect("histogram lock")
            .saturating_record(us.max(1));
    }

    /// Records the latency of a message stamped `bl <session> <micros>`; false if not stamped.
    pub(crate) fn record_stamp(&self, h: &Mutex<Histogram<u64>>, text: &str) -> bool {
        match parse_stamp(text) {
            Some((_, sent)) => {
                Self::record(h, self.micros().saturating_sub(sent));
                true
            }
            None => false,
        }
    }

    pub(crate) fn closing(&self) -> bool {
        self.stopping.load(Ordering::SeqCst)
    }
}

/// One open connection, counted while it lives.
pub(crate) struct Held(Arc<Stats>);

impl Held {
    pub(crate) fn new(stats: &Arc<Stats>) -> Held {
        let now = stats.held.fetch_add(1, Ordering::SeqCst) + 1;
        stats.peak_held.fetch_max(now, Ordering::SeqCst);
        Held(stats.clone())
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        self.0.held.fetch_sub(1, Ordering::SeqCst);
    }
}

pub(crate) fn stamp(session: usize, micros: u64) -> String {
    format!("bl {session} {micros}")
}

pub(crate) fn parse_stamp(text: &str) -> Option<(usize, u64)> {
    let mut parts = text.split_whitespace();
    if parts.next()? != "bl" {
        return None;
    }
    Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_round_trip() {
        assert_eq!(parse_stamp(&stamp(12, 345)), Some((12, 345)));
        assert_eq!(parse_stamp("hello"), None);
        assert_eq!(parse_stamp("bl x 1"), None);
    }
}
