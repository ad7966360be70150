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

use anyhow::{anyhow, bail, Context};
use futures_util::{stream, SinkExt, StreamExt};
use hdrhistogram::Histogram;
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::net::IpAddr;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::oneshot;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;
use tokio_util::sync::CancellationToken;

/// Largest number of sessions one run may open.
pub const MAX_SESSIONS: usize = 20_000;
/// Longest measured phase of one run.
pub const MAX_DURATION: Duration = Duration::from_secs(3600);
/// Highest total message or start rate per second.
pub const MAX_RATE: f64 = 5_000.0;
/// Beckon limits each customer chat connection to 2 messages per second (after a burst of 10).
pub const MAX_RATE_PER_SESSION: f64 = 2.0;
/// How long setup (starting and connecting every session) may take at most.
const SETUP_LIMIT: Duration = Duration::from_secs(300);
/// After the measured phase: how long to wait for messages still in flight.
const DRAIN_LIMIT: Duration = Duration::from_secs(10);
/// Both Beckon sockets close connections silent for 45 s; the tool pings every 20 s.
const PING_EVERY: Duration = Duration::from_secs(20);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(15);
/// Start requests in flight at once during a start storm.
const STORM_IN_FLIGHT: usize = 256;
/// Replies a representative has in flight at once.
const REP_IN_FLIGHT: usize = 64;

type Ws =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scenario {
    /// N sessions connected and waiting in the queue.
    Idle,
    /// N sessions in conversation with representatives at a total message rate.
    Chat,
    /// Sessions started per second.
    StartStorm,
}

impl Scenario {
    pub fn as_str(self) -> &'static str {
        match self {
            Scenario::Idle => "idle",
            Scenario::Chat => "chat",
            Scenario::StartStorm => "start-storm",
        }
    }
}

/// What is on the other end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A Beckon server.
    Beckon,
    /// `beckon-load-relay`, the baseline: customers at `/c/<n>?rep=<r>`, representatives at
    /// `/rep?id=<r>`, no sign-in, no storage.
    Relay,
}

impl Target {
    pub fn as_str(self) -> &'static str {
        match self {
            Target::Beckon => "beckon",
            Target::Relay => "relay",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    pub url: String,
    pub scenario: Scenario,
    pub target: Target,
    /// Sessions to hold (idle, chat) or the most sessions to start (start-storm).
    pub sessions: usize,
    /// Total customer messages per second (chat) or starts per second (start-storm).
    pub rate: f64,
    /// The measured phase, after setup.
    pub duration: Duration,
    /// The server's process id, for its resident memory.
    pub pid: Option<u32>,
    /// Representatives to sign in as (Beckon); for the relay only their number counts.
    pub rep_users: Vec<String>,
    pub rep_password: Option<String>,
    /// The start_session form parameters.
    pub start_params: String,
    /// Sessions started and connected at once during setup.
    pub setup_concurrency: usize,
    pub progress: bool,
}

impl Config {
    /// A configuration with the defaults of the command line.
    pub fn new(url: &str, scenario: Scenario) -> Config {
        Config {
            url: url.to_string(),
            scenario,
            target: Target::Beckon,
            sessions: 100,
            rate: 10.0,
            duration: Duration::from_secs(10),
            pid: None,
            rep_users: Vec::new(),
            rep_password: None,
            start_params: "issue_menu=1&id=12&c2cjs=1".into(),
            setup_concurrency: 16,
            progress: false,
        }
    }

    fn validate(&self) -> anyhow::Result<reqwest::Url> {
        let url = check_loopback(&self.url)?;
        if self.sessions == 0 || self.sessions > MAX_SESSIONS {
            bail!("--sessions must be 1 to {MAX_SESSIONS}");
        }
        if self.duration.is_zero() || self.duration > MAX_DURATION {
            bail!("--duration must be 1 to {} seconds", MAX_DURATION.as_secs());
        }
        let needs_rate = matches!(self.scenario, Scenario::Chat | Scenario::StartStorm);
        if needs_rate && !(self.rate > 0.0 && self.rate <= MAX_RATE) {
            bail!("--rate must be above 0 and at most {MAX_RATE}");
        }
        if self.scenario == Scenario::Chat {
            if self.rate / self.sessions as f64 > MAX_RATE_PER_SESSION {
                bail!(
                    "--rate {} over {} sessions is {:.2} messages/s per session; Beckon limits a chat \
                     connection to {MAX_RATE_PER_SESSION}/s: raise --sessions or lower --rate",
                    self.rate,
                    self.sessions,
                    self.rate / self.sessions as f64
                );
            }
            if self.rep_users.is_empty() {
                bail!("the chat scenario needs at least one --rep-user");
            }
            if self.target == Target::Beckon && self.rep_password.is_none() {
                bail!("the chat scenario needs --rep-password");
            }
        }
        if self.target == Target::Relay && self.scenario == Scenario::StartStorm {
            bail!("the relay has no session start; start-storm runs against Beckon only");
        }
        if self.setup_concurrency == 0 {
            bail!("--setup-concurrency must be at least 1");
        }
        Ok(url)
    }
}

/// Parses `url` and refuses any host that is not a loopback address.
pub fn check_loopback(url: &str) -> anyhow::Result<reqwest::Url> {
    let parsed = reqwest::Url::parse(url).with_context(|| format!("--url {url:?} is not a URL"))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        bail!(
            "--url must be http:// or https://, not {}://",
            parsed.scheme()
        );
    }
    let host = parsed.host_str().unwrap_or_default();
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    let loopback = bare.eq_ignore_ascii_case("localhost")
        || bare.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback());
    if !loopback {
        bail!(
            "refusing to target {host:?}: beckon-load only loads servers on a loopback address \
             (127.0.0.0/8, ::1 or localhost)"
        );
    }
    Ok(parsed)
}

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
    fn of(h: &Histogram<u64>) -> Latency {
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
        let mut s = format!(
            "beckon-load: scenario {} against {} ({} sessions requested, rate {}/s)\n",
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

/// Counters and histograms shared by every task of a run.
struct Stats {
    epoch: Instant,
    held: AtomicI64,
    peak_held: AtomicI64,
    customers: AtomicU64,
    reps: AtomicU64,
    customer_sent: AtomicU64,
    rep_received: AtomicU64,
    rep_sent: AtomicU64,
    customer_received: AtomicU64,
    starts_ok: AtomicU64,
    /// Replies being posted by representatives.
    replies_pending: AtomicI64,
    /// Customer messages being sent, and whether sending has stopped: a customer counts itself
    /// in, then looks at the flag, so the drain never misses a message sent at the last moment.
    sends_pending: AtomicI64,
    sends_stopped: AtomicBool,
    /// Set before tasks are told to stop: closes from then on are not errors.
    stopping: AtomicBool,
    c2r: Mutex<Histogram<u64>>,
    r2c: Mutex<Histogram<u64>>,
    start: Mutex<Histogram<u64>>,
    errors: Mutex<BTreeMap<String, u64>>,
}

fn histogram() -> Histogram<u64> {
    Histogram::new_with_bounds(1, 600_000_000, 3).expect("valid histogram bounds")
}

impl Stats {
    fn new() -> Stats {
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

    fn micros(&self) -> u64 {
        self.epoch.elapsed().as_micros() as u64
    }

    fn error(&self, kind: impl Into<String>) {
        let mut e = self.errors.lock().expect("errors lock");
        *e.entry(kind.into()).or_default() += 1;
    }

    fn error_count(&self) -> u64 {
        self.errors.lock().expect("errors lock").values().sum()
    }

    fn record(h: &Mutex<Histogram<u64>>, us: u64) {
        h.lock()
            .expect("histogram lock")
            .saturating_record(us.max(1));
    }

    /// Records the latency of a message stamped `bl <session> <micros>`; false if not stamped.
    fn record_stamp(&self, h: &Mutex<Histogram<u64>>, text: &str) -> bool {
        match parse_stamp(text) {
            Some((_, sent)) => {
                Self::record(h, self.micros().saturating_sub(sent));
                true
            }
            None => false,
        }
    }

    fn closing(&self) -> bool {
        self.stopping.load(Ordering::SeqCst)
    }
}

/// One open connection, counted while it lives.
struct Held(Arc<Stats>);

impl Held {
    fn new(stats: &Arc<Stats>) -> Held {
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

fn stamp(session: usize, micros: u64) -> String {
    format!("bl {session} {micros}")
}

fn parse_stamp(text: &str) -> Option<(usize, u64)> {
    let mut parts = text.split_whitespace();
    if parts.next()? != "bl" {
        return None;
    }
    Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
}

/// Reads VmRSS (KiB) of a process from /proc.
pub fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
}

/// The `ws://` form of the target's URL with `path`.
fn ws_url(base: &reqwest::Url, path: &str) -> String {
    let scheme = if base.scheme() == "https" {
        "wss"
    } else {
        "ws"
    };
    let host = base.host_str().unwrap_or("127.0.0.1");
    match base.port() {
        Some(p) => format!("{scheme}://{host}:{p}{path}"),
        None => format!("{scheme}://{host}{path}"),
    }
}

async fn ws_connect(
    request: tokio_tungstenite::tungstenite::handshake::client::Request,
) -> anyhow::Result<Ws> {
    let (ws, _) = tokio::time::timeout(CONNECT_TIMEOUT, tokio_tungstenite::connect_async(request))
        .await
        .map_err(|_| anyhow!("timeout"))??;
    Ok(ws)
}

/// The first JSON text message of a socket, within the connect timeout.
async fn first_json(ws: &mut Ws) -> Option<Value> {
    let deadline = tokio::time::Instant::now() + CONNECT_TIMEOUT;
    loop {
        match tokio::time::timeout_at(deadline, ws.next()).await {
            Ok(Some(Ok(Message::Text(t)))) => return serde_json::from_str(&t).ok(),
            Ok(Some(Ok(Message::Close(_)))) | Ok(None) | Ok(Some(Err(_))) | Err(_) => return None,
            Ok(Some(Ok(_))) => continue,
        }
    }
}

/// A signed-in representative (Beckon) or a representative socket (relay).
struct Rep {
    http: reqwest::Client,
    cookie: String,
}

/// One customer session, started and connected.
struct Session {
    index: usize,
    ws: Ws,
    _held: Held,
}

struct Run {
    cfg: Config,
    base: reqwest::Url,
    stats: Arc<Stats>,
    http: reqwest::Client,
    /// Stops customers from sending (end of the measured phase).
    stop_sending: CancellationToken,
    /// Stops every task.
    stop: CancellationToken,
}

fn progress_bar(enabled: bool, len: u64, template: &str) -> ProgressBar {
    if !enabled {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// Runs one scenario and returns what it measured.
pub async fn run(cfg: Config) -> anyhow::Result<Report> {
    let base = cfg.validate()?;
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()?;
    let run = Arc::new(Run {
        cfg,
        base,
        stats: Arc::new(Stats::new()),
        http,
        stop_sending: CancellationToken::new(),
        stop: CancellationToken::new(),
    });
    let memory = Arc::new(Mutex::new(Memory::default()));
    let sampler = run.cfg.pid.map(|pid| {
        memory.lock().expect("memory lock").before_kib = rss_kib(pid);
        let memory = memory.clone();
        let stop = run.stop.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_millis(250));
            loop {
                tokio::select! {
                    _ = stop.cancelled() => break,
                    _ = tick.tick() => {
                        if let Some(v) = rss_kib(pid) {
                            let mut m = memory.lock().expect("memory lock");
                            m.peak_kib = Some(m.peak_kib.unwrap_or(0).max(v));
                        }
                    }
                }
            }
        })
    });
    let result = match run.cfg.scenario {
        Scenario::StartStorm => start_storm(&run, &memory).await,
        Scenario::Idle | Scenario::Chat => sessions(&run, &memory).await,
    };
    run.stats.stopping.store(true, Ordering::SeqCst);
    run.stop.cancel();
    if let Some(s) = sampler {
        let _ = s.await;
    }
    let mut report = result?;
    let mut mem = memory.lock().expect("memory lock").clone();
    if let Some(pid) = run.cfg.pid {
        mem.end_kib = rss_kib(pid);
    }
    report.memory = mem;
    Ok(report)
}

fn base_report(run: &Run) -> Report {
    let s = &run.stats;
    Report {
        scenario: run.cfg.scenario.as_str().into(),
        target: run.cfg.target.as_str().into(),
        sessions_requested: run.cfg.sessions,
        rate: run.cfg.rate,
        customers_connected: s.customers.load(Ordering::SeqCst),
        reps_connected: s.reps.load(Ordering::SeqCst),
        connections_held: s.held.load(Ordering::SeqCst),
        peak_connections: s.peak_held.load(Ordering::SeqCst),
        customer_sent: s.customer_sent.load(Ordering::SeqCst),
        rep_received: s.rep_received.load(Ordering::SeqCst),
        rep_sent: s.rep_sent.load(Ordering::SeqCst),
        customer_received: s.customer_received.load(Ordering::SeqCst),
        starts_ok: s.starts_ok.load(Ordering::SeqCst),
        customer_to_rep: Latency::of(&s.c2r.lock().expect("lock")),
        rep_to_customer: Latency::of(&s.r2c.lock().expect("lock")),
        start: Latency::of(&s.start.lock().expect("lock")),
        errors: s.errors.lock().expect("lock").clone(),
        ..Report::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Start storm

async fn start_storm(run: &Arc<Run>, _memory: &Arc<Mutex<Memory>>) -> anyhow::Result<Report> {
    let cfg = &run.cfg;
    let bar = progress_bar(
        cfg.progress,
        cfg.sessions as u64,
        "start-storm {bar:40} {pos}/{len} starts {elapsed} {msg}",
    );
    let in_flight = Arc::new(Semaphore::new(STORM_IN_FLIGHT));
    let mut tasks = JoinSet::new();
    let began = Instant::now();
    let deadline = tokio::time::Instant::now() + cfg.duration;
    let mut tick = tokio::time::interval(Duration::from_secs_f64(1.0 / cfg.rate));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
    let mut issued = 0usize;
    while issued < cfg.sessions {
        tokio::select! {
            _ = tokio::time::sleep_until(deadline) => break,
            _ = tick.tick() => {}
        }
        let Ok(permit) = in_flight.clone().acquire_owned().await else {
            break;
        };
        issued += 1;
        let run = run.clone();
        let bar = bar.clone();
        tasks.spawn(async move {
            let _permit = permit;
            let _ = start_session(&run).await;
            bar.inc(1);
            bar.set_message(format!("errors {}", run.stats.error_count()));
        });
    }
    while tasks.join_next().await.is_some() {}
    let elapsed = began.elapsed().as_secs_f64();
    bar.finish_and_clear();
    let mut report = base_report(run);
    report.measured_secs = elapsed;
    report.starts_per_sec = report.starts_ok as f64 / elapsed.max(1e-9);
    Ok(report)
}

/// Starts one session over the JSON variant; returns (lsid, customer token).
async fn start_session(run: &Run) -> Result<(String, String), ()> {
    let stats = &run.stats;
    let t0 = Instant::now();
    let url = run.base.join("/api/start_session").map_err(|_| ())?;
    let r = run
        .http
        .post(url)
        .header("accept", "application/json")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(run.cfg.start_params.clone())
        .send()
        .await;
    let r = match r {
        Ok(r) => r,
        Err(e) => {
            stats.error(if e.is_timeout() {
                "start_timeout"
            } else {
                "start_connect"
            });
            return Err(());
        }
    };
    let status = r.status().as_u16();
    let body: Value = r.json().await.unwrap_or(Value::Null);
    if status != 200 {
        let code = body["error"]["code"].as_str().unwrap_or("unknown");
        stats.error(format!("start_http_{status}_{code}"));
        return Err(());
    }
    Stats::record(&stats.start, t0.elapsed().as_micros() as u64);
    stats.starts_ok.fetch_add(1, Ordering::SeqCst);
    let lsid = body["lsid"].as_str().unwrap_or_default().to_string();
    let token = body["url"]
        .as_str()
        .and_then(|u| u.rsplit('/').next())
        .unwrap_or_default()
        .to_string();
    if lsid.is_empty() || token.is_empty() {
        stats.error("start_bad_answer");
        return Err(());
    }
    Ok((lsid, token))
}

// ---------------------------------------------------------------------------------------------
// Idle and chat: sessions held for the measured phase

async fn sessions(run: &Arc<Run>, memory: &Arc<Mutex<Memory>>) -> anyhow::Result<Report> {
    let cfg = &run.cfg;
    let chat = cfg.scenario == Scenario::Chat;
    let began = Instant::now();
    let mut tasks = JoinSet::new();

    // Representatives first, so that they see every session.
    let mut reps = Vec::new();
    if chat {
        for (i, user) in cfg.rep_users.iter().enumerate() {
            let rep = match cfg.target {
                Target::Beckon => rep_login(run, user).await?,
                Target::Relay => Rep {
                    http: run.http.clone(),
                    cookie: String::new(),
                },
            };
            let ws = rep_socket(run, &rep, i)
                .await
                .with_context(|| format!("console socket of representative {user}"))?;
            let held = Held::new(&run.stats);
            run.stats.reps.fetch_add(1, Ordering::SeqCst);
            let http = rep.http.clone();
            let runc = run.clone();
            tasks.spawn(async move { drive_rep(runc, http, ws, held).await });
            reps.push(rep);
        }
    }
    let reps = Arc::new(reps);

    // Start and connect every session, a few at a time.
    let bar = progress_bar(
        cfg.progress,
        cfg.sessions as u64,
        "setup {bar:40} {pos}/{len} sessions {elapsed} {msg}",
    );
    let setup = stream::iter(0..cfg.sessions)
        .map(|index| {
            let run = run.clone();
            let reps = reps.clone();
            let bar = bar.clone();
            async move {
                let s = open_session(&run, &reps, index).await;
                bar.inc(1);
                bar.set_message(format!("errors {}", run.stats.error_count()));
                // The customer is driven (pings, reads) from the moment it is connected:
                // a setup longer than the server's 45 s idle limit must not lose the first
                // customers. Its sending plan follows once every session is open.
                s.map(|s| {
                    let (plan_tx, plan_rx) = oneshot::channel();
                    let runc = run.clone();
                    let task = tokio::spawn(async move { drive_customer(runc, s, plan_rx).await });
                    (plan_tx, task)
                })
            }
        })
        .buffer_unordered(cfg.setup_concurrency)
        .filter_map(|s| async move { s })
        .collect::<Vec<_>>();
    let opened = match tokio::time::timeout(SETUP_LIMIT, setup).await {
        Ok(v) => v,
        Err(_) => bail!("setup took longer than {} s", SETUP_LIMIT.as_secs()),
    };
    bar.finish_and_clear();
    let setup_secs = began.elapsed().as_secs_f64();
    if let Some(pid) = cfg.pid {
        memory.lock().expect("memory lock").after_setup_kib = rss_kib(pid);
    }

    // Each customer sends every `period`, phases spread evenly so the total rate is `rate`.
    let n = opened.len().max(1);
    let period = (chat && cfg.rate > 0.0).then(|| Duration::from_secs_f64(n as f64 / cfg.rate));
    // Give consoles a moment to follow the sessions just accepted.
    let send_from =
        tokio::time::Instant::now() + Duration::from_millis(if chat { 1000 } else { 0 });
    let mut customers = Vec::with_capacity(opened.len());
    for (k, (plan_tx, task)) in opened.into_iter().enumerate() {
        let plan = period.map(|p| (send_from + p.mul_f64(k as f64 / n as f64), p));
        // A customer whose socket already closed has stopped listening; it was counted.
        let _ = plan_tx.send(plan);
        customers.push(task);
    }

    // The measured phase.
    let measure_start = tokio::time::Instant::now().max(send_from);
    tokio::time::sleep_until(send_from).await;
    let bar = progress_bar(
        cfg.progress,
        cfg.duration.as_millis() as u64,
        &format!(
            "{} {{bar:40}} {{elapsed}}/{}s {{msg}}",
            cfg.scenario.as_str(),
            cfg.duration.as_secs()
        ),
    );
    let end = measure_start + cfg.duration;
    let mut tick = tokio::time::interval(Duration::from_millis(250));
    loop {
        tokio::select! {
            _ = tokio::time::sleep_until(end) => break,
            _ = tick.tick() => {
                let s = &run.stats;
                bar.set_position(measure_start.elapsed().as_millis() as u64);
                bar.set_message(format!(
                    "conns {} msgs {} errors {}",
                    s.held.load(Ordering::SeqCst),
                    s.rep_received.load(Ordering::SeqCst) + s.customer_received.load(Ordering::SeqCst),
                    s.error_count()
                ));
            }
        }
    }
    bar.finish_and_clear();
    let measured_secs = measure_start.elapsed().as_secs_f64();
    let held_at_end = run.stats.held.load(Ordering::SeqCst);
    run.stats.sends_stopped.store(true, Ordering::SeqCst);
    run.stop_sending.cancel();

    // Let messages in flight arrive, then count what never did.
    if chat {
        let s = &run.stats;
        let drained = || {
            s.sends_pending.load(Ordering::SeqCst) == 0
                && s.rep_received.load(Ordering::SeqCst) >= s.customer_sent.load(Ordering::SeqCst)
                && s.replies_pending.load(Ordering::SeqCst) == 0
                && s.customer_received.load(Ordering::SeqCst) >= s.rep_sent.load(Ordering::SeqCst)
        };
        let until = tokio::time::Instant::now() + DRAIN_LIMIT;
        while !drained() && tokio::time::Instant::now() < until {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        // Replies still being posted count as sent once their post returns.
        tokio::time::sleep(Duration::from_millis(100)).await;
        let lost_c2r = s
            .customer_sent
            .load(Ordering::SeqCst)
            .saturating_sub(s.rep_received.load(Ordering::SeqCst));
        let lost_r2c = s
            .rep_sent
            .load(Ordering::SeqCst)
            .saturating_sub(s.customer_received.load(Ordering::SeqCst));
        for (kind, lost) in [
            ("undelivered_customer_to_rep", lost_c2r),
            ("undelivered_rep_to_customer", lost_r2c),
        ] {
            for _ in 0..lost {
                s.error(kind);
            }
        }
    }
    run.stats.stopping.store(true, Ordering::SeqCst);
    run.stop.cancel();
    let _ = tokio::time::timeout(Duration::from_secs(15), async {
        while tasks.join_next().await.is_some() {}
        for c in &mut customers {
            let _ = c.await;
        }
    })
    .await;
    tasks.abort_all();
    for c in &customers {
        c.abort();
    }

    let mut report = base_report(run);
    report.setup_secs = setup_secs;
    report.measured_secs = measured_secs;
    report.connections_held = held_at_end;
    report.messages_per_sec =
        (report.rep_received + report.customer_received) as f64 / measured_secs.max(1e-9);
    if report.start.count > 0 {
        report.starts_per_sec = report.start.count as f64 / setup_secs.max(1e-9);
    }
    Ok(report)
}

/// Signs a representative in and sets them available (Beckon).
async fn rep_login(run: &Run, user: &str) -> anyhow::Result<Rep> {
    let password = run.cfg.rep_password.clone().unwrap_or_default();
    let http = reqwest::Client::builder()
        .cookie_store(true)
        .timeout(Duration::from_secs(30))
        .build()?;
    let r = http
        .post(run.base.join("/api/rep/login")?)
        .header("x-beckon-csrf", "1")
        .json(&json!({"username": user, "password": password}))
        .send()
        .await
        .context("sign-in request")?;
    let status = r.status();
    let cookie = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .find(|kv| kv.starts_with("beckon_login="))
        .map(str::to_string);
    let body = r.text().await.unwrap_or_default();
    let Some(cookie) = cookie.filter(|_| status.is_success()) else {
        bail!("sign-in of representative {user} failed ({status}): {body}");
    };
    let r = http
        .put(run.base.join("/api/rep/presence")?)
        .header("x-beckon-csrf", "1")
        .json(&json!({"status": "available"}))
        .send()
        .await?;
    if !r.status().is_success() {
        bail!("setting {user} available failed: {}", r.status());
    }
    Ok(Rep { http, cookie })
}

/// Connects a representative's live socket and says hello.
async fn rep_socket(run: &Run, rep: &Rep, index: usize) -> anyhow::Result<Ws> {
    let url = match run.cfg.target {
        Target::Beckon => ws_url(&run.base, "/api/rep/ws"),
        Target::Relay => ws_url(&run.base, &format!("/rep?id={index}")),
    };
    let mut request = url.into_client_request()?;
    if !rep.cookie.is_empty() {
        request.headers_mut().insert("cookie", rep.cookie.parse()?);
    }
    let mut ws = ws_connect(request).await?;
    ws.send(Message::Text(json!({"type": "hello"}).to_string().into()))
        .await?;
    Ok(ws)
}

/// Starts a session, connects its customer and, for chat, has its representative accept it.
async fn open_session(run: &Arc<Run>, reps: &Arc<Vec<Rep>>, index: usize) -> Option<Session> {
    let stats = &run.stats;
    let chat = run.cfg.scenario == Scenario::Chat;
    let rep_index = if reps.is_empty() {
        0
    } else {
        index % reps.len()
    };
    let (lsid, url) = match run.cfg.target {
        Target::Beckon => {
            let (lsid, token) = start_session(run).await.ok()?;
            (
                lsid,
                ws_url(&run.base, &format!("/api/chat/ws?token={token}")),
            )
        }
        Target::Relay => (
            index.to_string(),
            ws_url(&run.base, &format!("/c/{index}?rep={rep_index}")),
        ),
    };
    let request = url.into_client_request().ok()?;
    let mut ws = match ws_connect(request).await {
        Ok(ws) => ws,
        Err(_) => {
            stats.error("customer_ws_connect");
            return None;
        }
    };
    let held = Held::new(stats);
    let hello = json!({"type": "hello", "v": 1, "after": 0}).to_string();
    if ws.send(Message::Text(hello.into())).await.is_err() {
        stats.error("customer_ws_send");
        return None;
    }
    match first_json(&mut ws).await {
        Some(v) if v["type"] == "welcome" => {}
        _ => {
            stats.error("customer_no_welcome");
            return None;
        }
    }
    if chat && run.cfg.target == Target::Beckon {
        let rep = &reps[rep_index];
        let path = format!("/api/rep/sessions/{lsid}/accept");
        let r = rep
            .http
            .post(run.base.join(&path).ok()?)
            .header("x-beckon-csrf", "1")
            .json(&json!({}))
            .send()
            .await;
        match r {
            Ok(r) if r.status().is_success() => {}
            Ok(r) => {
                stats.error(format!("accept_http_{}", r.status().as_u16()));
                return None;
            }
            Err(_) => {
                stats.error("accept_request");
                return None;
            }
        }
    }
    stats.customers.fetch_add(1, Ordering::SeqCst);
    Some(Session {
        index,
        ws,
        _held: held,
    })
}

/// A customer: pings, sends stamped messages on its schedule, measures the replies.
/// `plan` arrives once every session is open: when to send first and how often (`None`:
/// never, the idle scenario).
async fn drive_customer(
    run: Arc<Run>,
    s: Session,
    mut plan: oneshot::Receiver<Option<(tokio::time::Instant, Duration)>>,
) {
    let stats = run.stats.clone();
    let Session { index, ws, _held } = s;
    let (mut sink, mut source) = ws.split();
    let mut ping = tokio::time::interval_at(tokio::time::Instant::now() + PING_EVERY, PING_EVERY);
    let never = Duration::from_secs(3600);
    let mut send_tick = tokio::time::interval_at(tokio::time::Instant::now() + never, never);
    let mut planned = false;
    let mut sending = false;
    let mut sent = 0u64;
    loop {
        tokio::select! {
            _ = run.stop.cancelled() => break,
            p = &mut plan, if !planned => {
                planned = true;
                if let Ok(Some((first, period))) = p {
                    send_tick = tokio::time::interval_at(first, period);
                    send_tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
                    sending = true;
                }
            }
            _ = ping.tick() => {
                let ping = json!({"type": "ping"}).to_string();
                if sink.send(Message::Text(ping.into())).await.is_err() {
                    if !stats.closing() { stats.error("customer_ws_send"); }
                    return;
                }
            }
            _ = send_tick.tick(), if sending && !run.stop_sending.is_cancelled() => {
                stats.sends_pending.fetch_add(1, Ordering::SeqCst);
                if stats.sends_stopped.load(Ordering::SeqCst) {
                    stats.sends_pending.fetch_sub(1, Ordering::SeqCst);
                    continue;
                }
                sent += 1;
                let msg = json!({"type": "chat", "id": format!("m{sent}"),
                                 "text": stamp(index, stats.micros())});
                let ok = sink.send(Message::Text(msg.to_string().into())).await.is_ok();
                if ok {
                    stats.customer_sent.fetch_add(1, Ordering::SeqCst);
                }
                stats.sends_pending.fetch_sub(1, Ordering::SeqCst);
                if !ok {
                    if !stats.closing() { stats.error("customer_ws_send"); }
                    return;
                }
            }
            msg = source.next() => match msg {
                Some(Ok(Message::Text(t))) => {
                    let Ok(v) = serde_json::from_str::<Value>(&t) else {
                        stats.error("customer_bad_json");
                        continue;
                    };
                    match v["type"].as_str() {
                        Some("event") if v["kind"] == "chat_message" && v["from"] == "rep" => {
                            let text = v["body"]["text"].as_str().unwrap_or("");
                            let stamped = stats.record_stamp(&stats.r2c, text);
                            if stamped {
                                stats.customer_received.fetch_add(1, Ordering::SeqCst);
                            }
                        }
                        Some("error") => {
                            stats.error(format!("customer_error_{}", v["code"].as_str().unwrap_or("unknown")));
                        }
                        _ => {}
                    }
                }
                Some(Ok(Message::Close(_))) | None | Some(Err(_)) => {
                    if !stats.closing() { stats.error("customer_ws_closed"); }
                    return;
                }
                Some(Ok(_)) => {}
            }
        }
    }
    let _ = tokio::time::timeout(Duration::from_secs(2), sink.close()).await;
}

/// A representative: reads customer messages from the live socket, measures them, answers.
async fn drive_rep(run: Arc<Run>, http: reqwest::Client, ws: Ws, _held: Held) {
    let stats = run.stats.clone();
    let (mut sink, mut source) = ws.split();
    let mut ping = tokio::time::interval_at(tokio::time::Instant::now() + PING_EVERY, PING_EVERY);
    let in_flight = Arc::new(Semaphore::new(REP_IN_FLIGHT));
    let mut replies = JoinSet::new();
    let mut sent = 0u64;
    loop {
        tokio::select! {
            _ = run.stop.cancelled() => break,
            _ = ping.tick() => {
                let ping = json!({"type": "ping"}).to_string();
                if sink.send(Message::Text(ping.into())).await.is_err() {
                    if !stats.closing() { stats.error("rep_ws_send"); }
                    break;
                }
            }
            Some(_) = replies.join_next(), if !replies.is_empty() => {}
            msg = source.next() => match msg {
                Some(Ok(Message::Text(t))) => {
                    let Ok(v) = serde_json::from_str::<Value>(&t) else {
                        stats.error("rep_bad_json");
                        continue;
                    };
                    if v["type"] != "event" || v["kind"] != "chat_message" || v["from"] != "customer" {
                        continue;
                    }
                    let text = v["body"]["text"].as_str().unwrap_or("");
                    let Some((session, _)) = parse_stamp(text) else { continue };
                    stats.record_stamp(&stats.c2r, text);
                    stats.rep_received.fetch_add(1, Ordering::SeqCst);
                    let lsid = v["lsid"].as_str().map(str::to_string).unwrap_or_else(|| v["lsid"].to_string());
                    sent += 1;
                    let id = format!("r{session}-{sent}");
                    match run.cfg.target {
                        Target::Relay => {
                            let reply = json!({"to": lsid, "type": "event", "kind": "chat_message",
                                               "from": "rep", "body": {"text": stamp(session, stats.micros())}});
                            if sink.send(Message::Text(reply.to_string().into())).await.is_err() {
                                if !stats.closing() { stats.error("rep_ws_send"); }
                                break;
                            }
                            stats.rep_sent.fetch_add(1, Ordering::SeqCst);
                        }
                        Target::Beckon => {
                            let Ok(permit) = in_flight.clone().acquire_owned().await else { break };
                            let (run, http) = (run.clone(), http.clone());
                            stats.replies_pending.fetch_add(1, Ordering::SeqCst);
                            replies.spawn(async move {
                                let _permit = permit;
                                rep_reply(&run, &http, &lsid, &id, session).await;
                                run.stats.replies_pending.fetch_sub(1, Ordering::SeqCst);
                            });
                        }
                    }
                }
                Some(Ok(Message::Close(_))) | None | Some(Err(_)) => {
                    if !stats.closing() { stats.error("rep_ws_closed"); }
                    break;
                }
                Some(Ok(_)) => {}
            }
        }
    }
    while replies.join_next().await.is_some() {}
    let _ = tokio::time::timeout(Duration::from_secs(2), sink.close()).await;
}

/// Answers over the rep API.
async fn rep_reply(run: &Run, http: &reqwest::Client, lsid: &str, id: &str, session: usize) {
    let stats = &run.stats;
    let Ok(url) = run.base.join(&format!("/api/rep/sessions/{lsid}/messages")) else {
        return;
    };
    let r = http
        .post(url)
        .header("x-beckon-csrf", "1")
        .json(&json!({"id": id, "text": stamp(session, stats.micros())}))
        .send()
        .await;
    match r {
        Ok(r) if r.status().is_success() => {
            stats.rep_sent.fetch_add(1, Ordering::SeqCst);
        }
        Ok(r) => stats.error(format!("rep_message_http_{}", r.status().as_u16())),
        Err(e) if e.is_timeout() => stats.error("rep_message_timeout"),
        Err(_) => stats.error("rep_message_request"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_targets_are_accepted() {
        for ok in [
            "http://127.0.0.1:8080",
            "http://127.1.2.3",
            "http://localhost:1",
            "http://[::1]:8080/",
            "https://LOCALHOST",
        ] {
            assert!(check_loopback(ok).is_ok(), "{ok}");
        }
        for bad in [
            "http://10.0.0.1:8080",
            "http://example.com",
            "http://localhost.example.com",
            "http://[::2]",
            "http://0.0.0.0:80",
            "ftp://127.0.0.1",
            "not a url",
        ] {
            let e = check_loopback(bad).unwrap_err().to_string();
            assert!(!e.is_empty(), "{bad}");
        }
        let e = check_loopback("http://192.168.1.1")
            .unwrap_err()
            .to_string();
        assert!(e.contains("loopback"), "{e}");
    }

    #[test]
    fn stamps_round_trip() {
        assert_eq!(parse_stamp(&stamp(12, 345)), Some((12, 345)));
        assert_eq!(parse_stamp("hello"), None);
        assert_eq!(parse_stamp("bl x 1"), None);
    }

    #[test]
    fn bounds_are_enforced() {
        let mut c = Config::new("http://127.0.0.1:1", Scenario::Chat);
        c.rep_users = vec!["john".into()];
        c.rep_password = Some("x".into());
        c.sessions = 10;
        c.rate = 50.0;
        assert!(c
            .validate()
            .unwrap_err()
            .to_string()
            .contains("per session"));
        c.rate = 10.0;
        assert!(c.validate().is_ok());
        c.sessions = MAX_SESSIONS + 1;
        assert!(c.validate().is_err());
        c.sessions = 10;
        c.duration = Duration::from_secs(0);
        assert!(c.validate().is_err());
    }

    #[test]
    fn latency_summary_in_ms() {
        let mut h = histogram();
        for us in 1..=1000u64 {
            h.record(us * 1000).unwrap();
        }
        let l = Latency::of(&h);
        assert_eq!(l.count, 1000);
        assert!((l.p50_ms - 500.0).abs() < 2.0, "{l:?}");
        assert!((l.max_ms - 1000.0).abs() < 2.0, "{l:?}");
    }
}
