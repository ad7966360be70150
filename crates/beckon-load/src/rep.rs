//! The representatives' side: sign in, hold the console socket, measure each customer message
//! and answer it: over the console socket (`chat`, as the console page does) or the rep API
//! (Beckon, `--rep-send http`), or over the relay's socket.

use crate::config::{RepSend, Target};
use crate::net::{ws_connect, ws_url, Ws};
use crate::scenarios::Run;
use crate::stats::{parse_stamp, stamp, Held};
use anyhow::{bail, Context};
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;

/// The console socket closes connections silent for 45 s; the tool pings well within that.
const PING_EVERY: Duration = Duration::from_secs(20);
/// The console page (`PONG_TIMEOUT_MS` in `assets/js/console/socket.js`) drops a socket whose
/// ping goes unanswered this long; the tool does the same and counts it as an error.
const PONG_TIMEOUT: Duration = Duration::from_secs(10);
/// Replies a representative has in flight at once.
const REP_IN_FLIGHT: usize = 64;

/// A signed-in representative (Beckon) or a representative socket (relay).
pub(crate) struct Rep {
    pub(crate) http: reqwest::Client,
    pub(crate) cookie: String,
}

/// Signs a representative in and sets them available (Beckon).
pub(crate) async fn rep_login(run: &Run, user: &str) -> anyhow::Result<Rep> {
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
pub(crate) async fn rep_socket(run: &Run, rep: &Rep, index: usize) -> anyhow::Result<Ws> {
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

/// A representative: reads customer messages from the live socket, measures them, answers.
pub(crate) async fn drive_rep(run: Arc<Run>, http: reqwest::Client, ws: Ws, _held: Held) {
    let stats = run.stats.clone();
    let (mut sink, mut source) = ws.split();
    let mut ping = tokio::time::interval_at(tokio::time::Instant::now() + PING_EVERY, PING_EVERY);
    // When the socket counts as dead unless a `pong` arrives first; set by a ping.
    let mut dead: Option<tokio::time::Instant> = None;
    let in_flight = Arc::new(Semaphore::new(REP_IN_FLIGHT));
    let mut replies = JoinSet::new();
    let mut sent = 0u64;
    // `chat` messages sent over the socket and not yet answered.
    let mut awaiting = 0i64;
    loop {
        tokio::select! {
            _ = run.stop.cancelled() => break,
            _ = ping.tick() => {
                let ping = json!({"type": "ping"}).to_string();
                if sink.send(Message::Text(ping.into())).await.is_err() {
                    if !stats.closing() { stats.error("rep_ws_send"); }
                    break;
                }
                dead.get_or_insert(tokio::time::Instant::now() + PONG_TIMEOUT);
            }
            // The deadline is only polled while set; the fallback is never awaited.
            _ = tokio::time::sleep_until(dead.unwrap_or_else(tokio::time::Instant::now)), if dead.is_some() => {
                if !stats.closing() { stats.error("rep_pong_timeout"); }
                break;
            }
            Some(_) = replies.join_next(), if !replies.is_empty() => {}
            msg = source.next() => match msg {
                Some(Ok(Message::Text(t))) => {
                    let Ok(v) = serde_json::from_str::<Value>(&t) else {
                        stats.error("rep_bad_json");
                        continue;
                    };
                    if v["type"] == "pong" {
                        dead = None;
                        continue;
                    }
                    if v["type"] == "chat_ack" || v["type"] == "chat_refused" {
                        awaiting -= 1;
                        stats.replies_pending.fetch_sub(1, Ordering::SeqCst);
                        if v["type"] == "chat_ack" {
                            stats.rep_sent.fetch_add(1, Ordering::SeqCst);
                        } else {
                            stats.error(format!("rep_chat_refused_{}", v["code"].as_str().unwrap_or("unknown")));
                        }
                        continue;
                    }
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
                        Target::Beckon if run.cfg.rep_send == RepSend::Socket => {
                            let chat = json!({"type": "chat", "lsid": lsid, "id": id,
                                              "text": stamp(session, stats.micros())});
                            awaiting += 1;
                            stats.replies_pending.fetch_add(1, Ordering::SeqCst);
                            if sink.send(Message::Text(chat.to_string().into())).await.is_err() {
                                if !stats.closing() { stats.error("rep_ws_send"); }
                                break;
                            }
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
    // Answers that will not come now no longer hold up the end of the run.
    stats.replies_pending.fetch_sub(awaiting, Ordering::SeqCst);
    let _ = tokio::time::timeout(Duration::from_secs(2), sink.close()).await;
}

/// Answers over the rep API (`--rep-send http`).
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
