//! Issue 12, crash safety: chat under load while the server is killed (SIGKILL) at random
//! moments and restarted on the same data dir, then stopped gracefully (SIGTERM) and restarted.
//! Every message the server acknowledged must exist exactly once and in order; sessions must
//! be consistent; clients find the server again by themselves.

mod common;

use beckon::domain::session::{Actor, SessionState};
use common::{open_store, spawn_serve_on, ServeProcess};
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio_tungstenite::tungstenite::Message;

const CUSTOMERS: usize = 12;
/// Messages each customer sends; one every 550 ms stays under the 2 per second limit.
const MESSAGES: usize = 24;
const SEND_EVERY: Duration = Duration::from_millis(550);
const PASSWORD: &str = "crash-test-password-1";

fn spawn(dir: &std::path::Path, listen: &str) -> ServeProcess {
    spawn_serve_on(
        dir,
        &dir.join("data"),
        listen,
        &["--demo", "--shutdown-grace", "2"],
        &[
            ("BECKON_DEMO_PASSWORD", PASSWORD),
            ("BECKON_ADMIN_PASSWORD", PASSWORD),
        ],
    )
}

/// What one customer saw: every ack, every message that came back as an event, and every
/// error; the test's verdict is drawn from these and from the store.
#[derive(Default, Clone)]
struct Seen {
    acked: HashMap<String, i64>,
    echoed: Vec<(i64, String)>,
    errors: Vec<Value>,
    connects: usize,
}

/// A customer that behaves like the chat page: on any connection loss it reconnects with the
/// last sequence number it saw and resends what was not acknowledged, with the same ids.
async fn customer(
    addr: String,
    token: String,
    n: usize,
    seen: Arc<Mutex<Seen>>,
    graceful_phase: Arc<AtomicBool>,
    done: Arc<AtomicUsize>,
) {
    let mut pending: VecDeque<(String, String)> = VecDeque::new();
    let mut next = 0usize;
    let mut last_seq = 0i64;
    let mut next_send = tokio::time::Instant::now();
    loop {
        let url = format!("ws://{addr}/api/chat/ws?token={token}");
        let mut ws = match tokio_tungstenite::connect_async(&url).await {
            Ok((ws, _)) => ws,
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        seen.lock().unwrap().connects += 1;
        let hello = json!({"type": "hello", "v": 1, "after": last_seq}).to_string();
        if ws.send(Message::Text(hello.into())).await.is_err() {
            continue;
        }
        let mut ok = true;
        for (id, text) in &pending {
            let m = json!({"type": "chat", "id": id, "text": text}).to_string();
            if ws.send(Message::Text(m.into())).await.is_err() {
                ok = false;
                break;
            }
        }
        while ok {
            // Done when all is acknowledged and has come back as events (an ack can arrive
            // before the event it names).
            if next == MESSAGES
                && pending.is_empty()
                && seen.lock().unwrap().echoed.len() == MESSAGES
            {
                done.fetch_add(1, Ordering::SeqCst);
                return;
            }
            tokio::select! {
                _ = tokio::time::sleep_until(next_send), if next < MESSAGES => {
                    let id = format!("c{n}-{next:03}");
                    let text = format!("customer {n} message {next:03}");
                    next += 1;
                    next_send = tokio::time::Instant::now() + SEND_EVERY;
                    pending.push_back((id.clone(), text.clone()));
                    let m = json!({"type": "chat", "id": id, "text": text}).to_string();
                    ok = ws.send(Message::Text(m.into())).await.is_ok();
                }
                msg = tokio::time::timeout(Duration::from_secs(20), ws.next()) => {
                    let Ok(Some(Ok(Message::Text(t)))) = msg else {
                        match msg {
                            Ok(Some(Ok(_))) => continue,
                            _ => { ok = false; continue; }
                        }
                    };
                    let v: Value = serde_json::from_str(&t).unwrap();
                    let mut s = seen.lock().unwrap();
                    match v["type"].as_str() {
                        Some("ack") => {
                            let id = v["id"].as_str().unwrap().to_string();
                            let seq = v["seq"].as_i64().unwrap();
                            if let Some(prev) = s.acked.insert(id.clone(), seq) {
                                assert_eq!(prev, seq, "{id} acked with two sequence numbers");
                            }
                            pending.retain(|(p, _)| *p != id);
                        }
                        Some("event") => {
                            let seq = v["seq"].as_i64().unwrap();
                            assert!(seq > last_seq, "event {seq} after {last_seq}: sent twice or out of order");
                            last_seq = seq;
                            if v["kind"] == "chat_message" && v["from"] == "customer" {
                                s.echoed.push((seq, v["body"]["text"].as_str().unwrap().to_string()));
                            }
                        }
                        Some("error") if graceful_phase.load(Ordering::SeqCst) => {
                            s.errors.push(v);
                        }
                        _ => {}
                    }
                }
            }
        }
    }
}

async fn start_sessions(base: &str) -> Vec<(String, String)> {
    let http = reqwest::Client::new();
    let mut out = Vec::new();
    for _ in 0..CUSTOMERS {
        let r = http
            .post(format!("{base}/api/start_session"))
            .header("accept", "application/json")
            .form(&[("issue_menu", "1"), ("id", "12"), ("c2cjs", "1")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let body: Value = r.json().await.unwrap();
        let token = body["url"].as_str().unwrap().rsplit('/').next().unwrap();
        out.push((
            body["lsid"].as_str().unwrap().to_string(),
            token.to_string(),
        ));
    }
    out
}

/// A representative accepts half the sessions, so that both queued and active sessions go
/// through the crashes.
async fn accept_some(base: &str, sessions: &[(String, String)]) {
    let rep = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let post = |path: String, body: Value| {
        rep.post(format!("{base}{path}"))
            .header("x-beckon-csrf", "1")
            .json(&body)
            .send()
    };
    let r = post(
        "/api/rep/login".into(),
        json!({"username": "john", "password": PASSWORD}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 200);
    for (lsid, _) in sessions.iter().step_by(2) {
        let r = post(format!("/api/rep/sessions/{lsid}/accept"), json!({}))
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "accept {lsid}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_messages_survive_kills_and_restarts_exactly_once_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let listen = format!("127.0.0.1:{port}");
    let base = format!("http://{listen}");
    let mut server = spawn(dir.path(), &listen);
    let sessions = start_sessions(&base).await;
    accept_some(&base, &sessions).await;

    let graceful = Arc::new(AtomicBool::new(false));
    let done = Arc::new(AtomicUsize::new(0));
    let seens: Vec<Arc<Mutex<Seen>>> = (0..CUSTOMERS).map(|_| Arc::default()).collect();
    let tasks: Vec<_> = sessions
        .iter()
        .enumerate()
        .map(|(n, (_, token))| {
            tokio::spawn(customer(
                listen.clone(),
                token.clone(),
                n,
                seens[n].clone(),
                graceful.clone(),
                done.clone(),
            ))
        })
        .collect();

    // Three kills at moments that fall anywhere in a message's path: in flight, being stored,
    // stored but not yet acknowledged.
    for pause_ms in [1300u64, 2100, 900] {
        let jitter = u64::from(rand::random::<u16>() % 400);
        tokio::time::sleep(Duration::from_millis(pause_ms + jitter)).await;
        server.child.kill().unwrap(); // SIGKILL
        server.child.wait().unwrap();
        drop(server);
        server = spawn(dir.path(), &listen);
    }
    // Then a graceful restart: clients may see their socket close, and nothing else.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    graceful.store(true, Ordering::SeqCst);
    let (code, _) = server.terminate();
    assert_eq!(code, 0, "graceful shutdown exits 0");
    server = spawn(dir.path(), &listen);

    tokio::time::timeout(Duration::from_secs(60), async {
        while done.load(Ordering::SeqCst) < CUSTOMERS {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    })
    .await
    .expect("every customer got every message acknowledged after the restarts");
    for t in tasks {
        t.await.unwrap();
    }
    let (code, _) = server.terminate();
    assert_eq!(code, 0);

    let store = open_store(&dir.path().join("data")).await;
    for (n, (lsid, _)) in sessions.iter().enumerate() {
        // A copy, so that no lock is held across the store's awaits below.
        let seen = seens[n].lock().unwrap().clone();
        assert!(
            seen.connects >= 5,
            "customer {n} reconnected after every restart ({} connects)",
            seen.connects
        );
        assert!(
            seen.errors.is_empty(),
            "customer {n} saw errors across the graceful restart: {:?}",
            seen.errors
        );
        let session = store.session_by_lsid(lsid).await.unwrap().unwrap();
        let expected_state = if n % 2 == 0 {
            SessionState::Active
        } else {
            SessionState::Queued
        };
        assert_eq!(session.state, expected_state, "session {n} kept its state");
        let events = store.events_after(session.id, 0, 10_000).await.unwrap();
        let seqs: Vec<i64> = events.iter().map(|e| e.seq).collect();
        assert_eq!(
            seqs,
            (1..=events.len() as i64).collect::<Vec<_>>(),
            "session {n}: sequence numbers without gaps"
        );
        let chats: Vec<_> = events
            .iter()
            .filter(|e| e.kind == "chat_message" && e.actor == Actor::Customer)
            .collect();
        let ids: Vec<String> = chats
            .iter()
            .map(|e| e.client_msg_id.clone().unwrap())
            .collect();
        let wanted: Vec<String> = (0..MESSAGES).map(|i| format!("c{n}-{i:03}")).collect();
        assert_eq!(
            ids, wanted,
            "session {n}: every message exactly once, in the order sent"
        );
        for e in &chats {
            let id = e.client_msg_id.as_ref().unwrap();
            assert_eq!(
                seen.acked.get(id),
                Some(&e.seq),
                "session {n}: {id} stored where it was acknowledged"
            );
        }
        // What the customer was shown is what the store holds, once each.
        let stored: Vec<(i64, String)> = chats
            .iter()
            .map(|e| (e.seq, e.body["text"].as_str().unwrap().to_string()))
            .collect();
        assert_eq!(
            seen.echoed, stored,
            "session {n}: the customer saw each message once"
        );
    }
}
