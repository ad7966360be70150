//! The run: validation, the memory sampler, and the scenarios' phases (setup, the measured
//! phase, the drain of messages still in flight).

use crate::config::{Config, Scenario, Target};
use crate::customer::{drive_customer, open_session, start_session, SendPlan};
use crate::net::{progress_bar, rss_kib};
use crate::rep::{drive_rep, rep_login, rep_socket, Rep};
use crate::report::{Latency, Memory, Report};
use crate::stats::{Held, Stats};
use anyhow::{bail, Context};
use futures_util::{stream, StreamExt};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::{oneshot, Semaphore};
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

/// How long setup (starting and connecting every session) may take at most.
const SETUP_LIMIT: Duration = Duration::from_secs(300);
/// After the measured phase: how long to wait for messages still in flight.
const DRAIN_LIMIT: Duration = Duration::from_secs(10);
/// Start requests in flight at once during a start storm.
const STORM_IN_FLIGHT: usize = 256;

/// One run: its configuration and what every task shares.
pub(crate) struct Run {
    pub(crate) cfg: Config,
    pub(crate) base: reqwest::Url,
    pub(crate) stats: Arc<Stats>,
    pub(crate) http: reqwest::Client,
    /// Stops customers from sending (end of the measured phase).
    pub(crate) stop_sending: CancellationToken,
    /// Stops every task.
    pub(crate) stop: CancellationToken,
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
        rep_send: match (run.cfg.scenario, run.cfg.target) {
            (Scenario::Chat, Target::Beckon) => run.cfg.rep_send.as_str().into(),
            (Scenario::Chat, Target::Relay) => "socket".into(),
            _ => String::new(),
        },
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

    // Start and connect every session, a few at a time. Each customer is driven from the
    // moment it is connected, so that it pings through a setup that outlasts the server's idle
    // limit; its send plan follows once everyone is connected.
    let bar = progress_bar(
        cfg.progress,
        cfg.sessions as u64,
        "setup {bar:40} {pos}/{len} sessions {elapsed} {msg}",
    );
    let mut setup = stream::iter(0..cfg.sessions)
        .map(|index| {
            let run = run.clone();
            let reps = reps.clone();
            let bar = bar.clone();
            async move {
                let s = open_session(&run, &reps, index).await;
                bar.inc(1);
                bar.set_message(format!("errors {}", run.stats.error_count()));
                s
            }
        })
        .buffer_unordered(cfg.setup_concurrency);
    let setup_deadline = tokio::time::Instant::now() + SETUP_LIMIT;
    let mut plans = Vec::new();
    loop {
        let Ok(next) = tokio::time::timeout_at(setup_deadline, setup.next()).await else {
            bail!("setup took longer than {} s", SETUP_LIMIT.as_secs());
        };
        let Some(opened) = next else { break };
        let Some(session) = opened else { continue };
        let (plan, given) = oneshot::channel();
        plans.push(plan);
        tasks.spawn(drive_customer(run.clone(), session, given));
    }
    bar.finish_and_clear();
    let setup_secs = began.elapsed().as_secs_f64();
    if let Some(pid) = cfg.pid {
        memory.lock().expect("memory lock").after_setup_kib = rss_kib(pid);
    }

    // Each customer sends every `period`, phases spread evenly so the total rate is `rate`.
    let n = plans.len().max(1);
    let period = (chat && cfg.rate > 0.0).then(|| Duration::from_secs_f64(n as f64 / cfg.rate));
    // Give consoles a moment to follow the sessions just accepted.
    let send_from =
        tokio::time::Instant::now() + Duration::from_millis(if chat { 1000 } else { 0 });
    if let Some(period) = period {
        for (k, plan) in plans.into_iter().enumerate() {
            let first = send_from + period.mul_f64(k as f64 / n as f64);
            // A customer whose socket closed meanwhile has gone: nothing to tell it.
            let _ = plan.send(SendPlan { first, period });
        }
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
    })
    .await;
    tasks.abort_all();

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
