//! The customers' side: start a session, hold its chat socket as the chat page does (hello,
//! then a ping every 20 s), send stamped messages on a schedule and measure the replies.

use crate::config::{Scenario, Target};
use crate::net::{first_json, ws_connect, ws_connect_error, ws_url, Ws};
use crate::rep::Rep;
use crate::scenarios::Run;
use crate::stats::{stamp, Held, Stats};
use beckon_protocol::chat::ClientMsg;
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::oneshot;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;

/// The chat page's heartbeat (`PING_EVERY_MS` in `assets/js/chat/connection.js`), started, as
/// there, once the server's `welcome` has arrived. Beckon closes a chat socket it has not heard
/// from in 45 s, so a customer that never pinged was dropped after 45 s of waiting.
const PING_EVERY: Duration = Duration::from_secs(20);
/// The chat page (`DEAD_AFTER_MS`) drops a connection that sends nothing for this long after a
/// ping; the tool does the same and counts it, so a server too slow to answer shows as errors.
const PONG_TIMEOUT: Duration = Duration::from_secs(10);

/// One customer session, started and connected.
pub(crate) struct Session {
    index: usize,
    ws: Ws,
    _held: Held,
}

/// Starts one session over the JSON variant; returns (lsid, customer token).
pub(crate) async fn start_session(run: &Run) -> Result<(String, String), ()> {
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

/// Starts a session, connects its customer and, for chat, has its representative accept it.
pub(crate) async fn open_session(
    run: &Arc<Run>,
    reps: &Arc<Vec<Rep>>,
    index: usize,
) -> Option<Session> {
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
        Err(e) => {
            stats.error(ws_connect_error("customer", &e));
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

/// When a chatting customer sends: first at `first`, then every `period`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SendPlan {
    pub(crate) first: tokio::time::Instant,
    pub(crate) period: Duration,
}

/// A customer: pings, sends stamped messages on its schedule, measures the replies.
///
/// It runs from the moment its session is connected, so that it pings through a long setup as
/// the chat page would; its send plan arrives when setup is over (every customer must be
/// connected before the phases of the sends can be spread). Without a plan it only waits.
pub(crate) async fn drive_customer(run: Arc<Run>, s: Session, plan: oneshot::Receiver<SendPlan>) {
    let stats = run.stats.clone();
    let Session { index, ws, _held } = s;
    let (mut sink, mut source) = ws.split();
    let mut ping = tokio::time::interval_at(tokio::time::Instant::now() + PING_EVERY, PING_EVERY);
    let ping_text = serde_json::to_string(&ClientMsg::Ping).expect("a ping serializes");
    // When the connection counts as dead unless something arrives first; set by a ping.
    let mut dead: Option<tokio::time::Instant> = None;
    let mut plan = Some(plan);
    let mut send_tick: Option<tokio::time::Interval> = None;
    let mut sent = 0u64;
    loop {
        tokio::select! {
            _ = run.stop.cancelled() => break,
            _ = ping.tick() => {
                if sink.send(Message::Text(ping_text.clone().into())).await.is_err() {
                    if !stats.closing() { stats.error("customer_ws_send"); }
                    return;
                }
                dead.get_or_insert(tokio::time::Instant::now() + PONG_TIMEOUT);
            }
            // The deadline is only polled while set; the fallback is never awaited.
            _ = tokio::time::sleep_until(dead.unwrap_or_else(tokio::time::Instant::now)), if dead.is_some() => {
                if !stats.closing() { stats.error("customer_pong_timeout"); }
                return;
            }
            given = async { plan.as_mut().expect("guarded").await }, if plan.is_some() => {
                plan = None;
                // A dropped sender (idle, or the run ended first) means: never send.
                if let Ok(p) = given {
                    let mut tick = tokio::time::interval_at(p.first, p.period);
                    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
                    send_tick = Some(tick);
                }
            }
            _ = async { send_tick.as_mut().expect("guarded").tick().await },
                if send_tick.is_some() && !run.stop_sending.is_cancelled() => {
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
                    // As on the chat page, anything from the server (a `pong` or not) proves
                    // the connection alive; a `pong` needs nothing else.
                    dead = None;
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
