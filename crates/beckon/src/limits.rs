//! Small rate limiters for per-connection limits, and the per-socket buffer sizes.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::Instant;

/// The read buffer of each WebSocket. tungstenite allocates 128 KiB per socket up front by
/// default, most of an idle socket's memory; chat frames are a few hundred bytes, and a larger
/// message still arrives (the buffer is read in chunks, up to the message size limit).
pub const WS_READ_BUFFER: usize = 4 * 1024;

/// How long a send may wait on a WebSocket peer that does not read before it is disconnected.
pub const WS_SEND_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// A token bucket: `burst` tokens, refilled at `per_sec`. Used per connection, so no locking.
#[derive(Debug)]
pub struct TokenBucket {
    tokens: f64,
    burst: f64,
    per_sec: f64,
    last: Instant,
}

impl TokenBucket {
    pub fn new(burst: u32, per_sec: f64) -> Self {
        TokenBucket {
            tokens: f64::from(burst),
            burst: f64::from(burst),
            per_sec,
            last: Instant::now(),
        }
    }

    /// Takes one token if there is one.
    pub fn try_take(&mut self) -> bool {
        self.try_take_at(Instant::now())
    }

    fn try_take_at(&mut self, now: Instant) -> bool {
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        self.last = now;
        self.tokens = (self.tokens + elapsed * self.per_sec).min(self.burst);
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

impl TokenBucket {
    /// Seconds until the next token (0 when there is one).
    fn wait_secs_at(&self, now: Instant) -> u64 {
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        let tokens = (self.tokens + elapsed * self.per_sec).min(self.burst);
        if tokens >= 1.0 || self.per_sec <= 0.0 {
            0
        } else {
            ((1.0 - tokens) / self.per_sec).ceil() as u64
        }
    }

    fn full_at(&self, now: Instant) -> bool {
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        self.tokens + elapsed * self.per_sec >= self.burst
    }
}

/// A token bucket per client address, on this node: `per_minute` actions, all of them at once
/// if need be. Kept in memory rather than in the store because it is checked on every session
/// start, the hottest public path; with several nodes each allows its own budget.
pub struct AddressLimiter {
    per_minute: u32,
    buckets: Mutex<HashMap<IpAddr, TokenBucket>>,
}

/// Addresses remembered before full buckets (idle addresses) are forgotten.
const PRUNE_ABOVE: usize = 10_000;

impl AddressLimiter {
    /// `per_minute` = 0: no limit.
    pub fn new(per_minute: u32) -> Self {
        AddressLimiter {
            per_minute,
            buckets: Mutex::default(),
        }
    }

    /// Counts one action of `ip`; `Err(seconds to wait)` when it is over its budget.
    pub fn check(&self, ip: IpAddr) -> Result<(), u64> {
        self.check_at(ip, Instant::now())
    }

    fn check_at(&self, ip: IpAddr, now: Instant) -> Result<(), u64> {
        if self.per_minute == 0 {
            return Ok(());
        }
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        if buckets.len() > PRUNE_ABOVE {
            buckets.retain(|_, b| !b.full_at(now));
        }
        let per_minute = self.per_minute;
        let bucket = buckets
            .entry(ip)
            .or_insert_with(|| TokenBucket::new(per_minute, f64::from(per_minute) / 60.0));
        if bucket.try_take_at(now) {
            Ok(())
        } else {
            Err(bucket.wait_secs_at(now).max(1))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn bursts_then_refills() {
        let mut b = TokenBucket::new(3, 2.0);
        let t0 = Instant::now();
        assert!(b.try_take_at(t0) && b.try_take_at(t0) && b.try_take_at(t0));
        assert!(!b.try_take_at(t0));
        assert!(b.try_take_at(t0 + Duration::from_millis(600)));
        assert!(!b.try_take_at(t0 + Duration::from_millis(600)));
    }

    #[test]
    fn limits_each_address_on_its_own_and_says_how_long_to_wait() {
        let l = AddressLimiter::new(3);
        let (a, b): (IpAddr, IpAddr) = ("10.0.0.1".parse().unwrap(), "10.0.0.2".parse().unwrap());
        let t0 = Instant::now();
        for _ in 0..3 {
            assert_eq!(l.check_at(a, t0), Ok(()));
        }
        assert_eq!(l.check_at(a, t0), Err(20), "3 per minute: one every 20 s");
        assert_eq!(l.check_at(b, t0), Ok(()));
        assert_eq!(l.check_at(a, t0 + Duration::from_secs(20)), Ok(()));
        let unlimited = AddressLimiter::new(0);
        assert!((0..1000).all(|_| unlimited.check_at(a, t0).is_ok()));
    }
}
