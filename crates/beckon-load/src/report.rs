//! What a run returns: counts, latency percentiles, errors and the server's memory, as text or
//! JSON.

use hdrhistogram::Histogram;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// Latency percentiles in milliseconds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Latency {
    pub count: u64,
    pub p50_ms: f64,
    pub p90_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
}

impl Latency {
    pub(crate) fn of(h: &Histogram<u64>) -> Latency {
        if h.is_empty() {
            return Latency::default();
        }
        let ms = |us: u64| us as f64 / 1000.0;
        Latency {
            count: h.len(),
            p50_ms: ms(h.value_at_quantile(0.50)),
            p90_ms: ms(h.value_at_quantile(0.90)),
            p99_ms: ms(h.value_at_quantile(0.99)),
            max_ms: ms(h.max()),
        }
    }

    fn json(&self) -> Value {
        json!({"count": self.count, "p50_ms": self.p50_ms, "p90_ms": self.p90_ms,
               "p99_ms": self.p99_ms, "max_ms": self.max_ms})
    }

    fn line(&self, what: &str) -> String {
        format!(
            "  {what:<22} n={:<8} p50={:>8.2}ms p90={:>8.2}ms p99={:>8.2}ms max={:>8.2}ms\n",
            self.count, self.p50_ms, self.p90_ms, self.p99_ms, self.max_ms
        )
    }
}

/// The server's resident memory (VmRSS) over the run, in KiB.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Memory {
    pub before_kib: Option<u64>,
    pub after_setup_kib: Option<u64>,
    pub peak_kib: Option<u64>,
    pub end_kib: Option<u64>,
}

/// The outcome of one run.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub scenario: String,
    pub target: String,
    /// How representatives answered (`socket`, `http`); empty where nobody answers.
    pub rep_send: String,
    pub sessions_requested: usize,
    pub rate: f64,
    pub setup_secs: f64,
    pub measured_secs: f64,
    pub customers_connected: u64,
    pub reps_connected: u64,
    /// Connections open at the end of the measured phase.
    pub connections_held: i64,
    pub peak_connections: i64,
    pub customer_sent: u64,
    pub rep_received: u64,
    pub rep_sent: u64,
    pub customer_received: u64,
    /// Chat messages delivered (both directions) per second of the measured phase.
    pub messages_per_sec: f64,
    pub starts_ok: u64,
    pub starts_per_sec: f64,
    pub customer_to_rep: Latency,
    pub rep_to_customer: Latency,
    pub start: Latency,
    pub errors: BTreeMap<String, u64>,
    pub memory: Memory,
}

impl Report {
    pub fn errors_total(&self) -> u64 {
        self.errors.values().sum()
    }

    pub fn to_json(&self) -> Value {
        let m = &self.memory;
        json!({
            "scenario": self.scenario,
            "target": self.target,
            "rep_send": self.rep_send,
            "sessions_requested": self.sessions_requested,
            "rate": self.rate,
            "setup_secs": self.setup_secs,
            "measured_secs": self.measured_secs,
            "customers_connected": self.customers_connected,
            "reps_connected": self.reps_connected,
            "connections_held": self.connections_held,
            "peak_connections": self.peak_connections,
            "messages": {
                "customer_sent": self.customer_sent,
                "rep_received": self.rep_received,
                "rep_sent": self.rep_sent,
                "customer_received": self.customer_received,
                "per_sec": self.messages_per_sec,
            },
            "starts": {"ok": self.starts_ok, "per_sec": self.starts_per_sec},
            "latency": {
                "customer_to_rep": self.customer_to_rep.json(),
                "rep_to_customer": self.rep_to_customer.json(),
                "start": self.start.json(),
            },
            "errors": self.errors,
            "errors_total": self.errors_total(),
            "server_rss_kib": {
                "before": m.before_kib, "after_setup": m.after_setup_kib,
                "peak": m.peak_kib, "end": m.end_kib,
                "per_connection": self.rss_per_connection_kib(),
            },
        })
    }

    /// Resident memory added by setup, per connection held.
    pub fn rss_per_connection_kib(&self) -> Option<f64> {
        let (b, a) = (self.memory.before_kib?, self.memory.after_setup_kib?);
        (self.connections_held > 0).then(|| (a as f64 - b as f64) / self.connections_held as f64)
    }

    pub fn to_text(&self) -> String {
        let answers = if self.rep_send.is_empty() {
            String::new()
        } else {
            format!(", answered over {}", self.rep_send)
        };
        let mut s = format!(
            "beckon-load: scenario {} against {} ({} sessions requested, rate {}/s{answers})\n",
            self.scenario, self.target, self.sessions_requested, self.rate
        );
        s += &format!(
            "  setup {:.1}s, measured {:.1}s\n",
            self.setup_secs, self.measured_secs
        );
        s += &format!(
            "  connections held {} (peak {}): {} customers, {} representatives\n",
            self.connections_held,
            self.peak_connections,
            self.customers_connected,
            self.reps_connected
        );
        if self.scenario == "chat" {
            s += &format!(
                "  messages: customer sent {}, rep received {}, rep sent {}, customer received {}; {:.1} delivered/s\n",
                self.customer_sent, self.rep_received, self.rep_sent, self.customer_received,
                self.messages_per_sec
            );
            s += &self.customer_to_rep.line("customer -> rep");
            s += &self.rep_to_customer.line("rep -> customer");
        }
        if self.start.count > 0 {
            s += &format!(
                "  starts: {} ok, {:.1}/s\n",
                self.starts_ok, self.starts_per_sec
            );
            s += &self.start.line("start_session");
        }
        let kib =
            |v: Option<u64>| v.map_or("-".to_string(), |v| format!("{:.1} MiB", v as f64 / 1024.0));
        if self.memory.before_kib.is_some() {
            s += &format!(
                "  server RSS: before {}, after setup {}, peak {}, end {}",
                kib(self.memory.before_kib),
                kib(self.memory.after_setup_kib),
                kib(self.memory.peak_kib),
                kib(self.memory.end_kib)
            );
            if let Some(per) = self.rss_per_connection_kib() {
                s += &format!(" ({per:.1} KiB per connection)");
            }
            s += "\n";
        }
        if self.errors.is_empty() {
            s += "  errors: none\n";
        } else {
            s += &format!("  errors: {} total\n", self.errors_total());
            for (k, v) in &self.errors {
                s += &format!("    {k}: {v}\n");
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latency_summary_in_ms() {
        let mut h = crate::stats::histogram();
        for us in 1..=1000u64 {
            h.record(us * 1000).unwrap();
        }
        let l = Latency::of(&h);
        assert_eq!(l.count, 1000);
        assert!((l.p50_ms - 500.0).abs() < 2.0, "{l:?}");
        assert!((l.max_ms - 1000.0).abs() < 2.0, "{l:?}");
    }
}
