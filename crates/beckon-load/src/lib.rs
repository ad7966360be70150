//! The core of `beckon-load`: drives a Beckon server (or the thin baseline relay) through its
//! real protocols and measures what it sees.
//!
//! Customers start sessions over `POST /api/start_session` (JSON variant) and hold the chat
//! WebSocket; representatives sign in over the rep API, accept sessions, read customer messages
//! from the console socket and answer over `POST /api/rep/sessions/<lsid>/messages`. Every chat
//! message carries its send time (`bl <session> <microseconds>`) so that the receiving side of the
//! same process can measure its latency.
//!
//! The tool refuses any target that is not a loopback address, and every run is bounded in the
//! number of sessions, the rate and the time.
//!
//! Modules: `config` (what to run and its bounds), `scenarios` (the run and its phases),
//! `customer` and `rep` (the two sides of a session), `stats` (shared counters), `report`
//! (what a run returns), `net` (sockets, URLs, memory, progress).

mod config;
mod customer;
mod net;
mod rep;
mod report;
mod scenarios;
mod stats;

use std::time::Duration;

pub use config::{check_loopback, Config, RepSend, Scenario, Target};
pub use net::rss_kib;
pub use report::{Latency, Memory, Report};
pub use scenarios::run;

/// Largest number of sessions one run may open.
pub const MAX_SESSIONS: usize = 20_000;
/// Longest measured phase of one run.
pub const MAX_DURATION: Duration = Duration::from_secs(3600);
/// Highest total message or start rate per second.
pub const MAX_RATE: f64 = 5_000.0;
/// Beckon limits each customer chat connection to 2 messages per second (after a burst of 10).
pub const MAX_RATE_PER_SESSION: f64 = 2.0;
