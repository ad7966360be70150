//! `beckon-load-relay`: the baseline for `beckon-load`. A thin WebSocket relay with no sign-in,
//! no storage and no routing: customers connect to `/c/<n>?rep=<r>`, representatives to
//! `/rep?id=<r>`; a customer's `chat` goes to its representative as an `event`, and whatever a
//! representative sends with `"to": "<n>"` goes to customer `<n>` unchanged.
//!
//! `--durable FILE` makes it the durable floor instead: each chat, either way, is appended to FILE
//! and synced to disk (group commit: one `fdatasync` for whatever is waiting) before it is
//! forwarded, the least any relay must do to promise what Beckon promises (a message it passes
//! on survives a crash). Its latency above the thin relay's is what this machine's disk costs.

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::Write;
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::mpsc::{unbounded_channel, UnboundedSender};
use tokio_tungstenite::tungstenite::{handshake::server, Message};

type Peers = Arc<Mutex<HashMap<String, UnboundedSender<Message>>>>;

/// A message for a peer, sent when its line is on disk.
type Durable = mpsc::Sender<(String, String)>;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let listen = flag("--listen").unwrap_or_else(|| "127.0.0.1:0".into());
    let listener = tokio::net::TcpListener::bind(&listen).await?;
    let peers: Peers = Arc::default();
    let durable = match flag("--durable") {
        Some(path) => Some(durable_writer(&path, peers.clone())?),
        None => None,
    };
    println!("listening on http://{}", listener.local_addr()?);
    loop {
        let (tcp, _) = listener.accept().await?;
        tokio::spawn(connection(tcp, peers.clone(), durable.clone()));
    }
}

/// Starts the thread that appends, syncs, then forwards: everything waiting shares one sync.
fn durable_writer(path: &str, peers: Peers) -> anyhow::Result<Durable> {
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    let (tx, rx) = mpsc::channel::<(String, String)>();
    std::thread::spawn(move || {
        let mut batch = Vec::new();
        let mut buf = Vec::new();
        let mut syncs = SyncTimes::default();
        while let Ok(first) = rx.recv() {
            batch.push(first);
            batch.extend(rx.try_iter().take(255));
            buf.clear();
            for (_, line) in &batch {
                buf.extend_from_slice(line.as_bytes());
                buf.push(b'\n');
            }
            let started = Instant::now();
            if file
                .write_all(&buf)
                .and_then(|()| file.sync_data())
                .is_err()
            {
                eprintln!("durable relay: writing {} failed", buf.len());
                return;
            }
            syncs.record(started.elapsed());
            let peers = peers.lock().expect("peers");
            for (to, line) in batch.drain(..) {
                if let Some(p) = peers.get(&to) {
                    let _ = p.send(Message::Text(line.into()));
                }
            }
        }
    });
    Ok(tx)
}

/// How long the writes and syncs took, printed every few seconds (stderr): the disk's share of
/// the durable relay's latency, measured under the same load.
#[derive(Default)]
struct SyncTimes {
    since: Option<Instant>,
    micros: Vec<u64>,
}

impl SyncTimes {
    const EVERY: Duration = Duration::from_secs(5);

    fn record(&mut self, took: Duration) {
        self.micros
            .push(u64::try_from(took.as_micros()).unwrap_or(u64::MAX));
        let since = *self.since.get_or_insert_with(Instant::now);
        if since.elapsed() < Self::EVERY {
            return;
        }
        self.micros.sort_unstable();
        let last = self.micros.len() - 1;
        let at = |q: usize| self.micros[last * q / 100] as f64 / 1000.0;
        eprintln!(
            "durable relay: {} syncs in {:.1} s, write+fdatasync p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
            self.micros.len(),
            since.elapsed().as_secs_f64(),
            at(50),
            at(99),
            at(100),
        );
        self.micros.clear();
        self.since = Some(Instant::now());
    }
}

// The handshake callback's error type is tungstenite's own.
#[allow(clippy::result_large_err)]
async fn connection(tcp: tokio::net::TcpStream, peers: Peers, durable: Option<Durable>) {
    let mut path = String::new();
    let callback = |req: &server::Request, resp: server::Response| {
        path = req.uri().to_string();
        Ok(resp)
    };
    let Ok(ws) = tokio_tungstenite::accept_hdr_async(tcp, callback).await else {
        return;
    };
    // "/c/7?rep=1" is customer "c7" of representative "r1"; "/rep?id=1" is "r1".
    let (me, rep) = match path.strip_prefix("/c/").and_then(|p| p.split_once("?rep=")) {
        Some((n, r)) => (format!("c{n}"), Some(format!("r{r}"))),
        None => (format!("r{}", path.rsplit('=').next().unwrap_or("0")), None),
    };
    let (tx, mut rx) = unbounded_channel();
    peers.lock().expect("peers").insert(me.clone(), tx.clone());
    let (mut sink, mut source) = ws.split();
    let writer = tokio::spawn(async move {
        while let Some(m) = rx.recv().await {
            if sink.send(m).await.is_err() {
                break;
            }
        }
    });
    let send_to = |who: &str, m: Message| {
        if let Some(p) = peers.lock().expect("peers").get(who) {
            let _ = p.send(m);
        }
    };
    while let Some(Ok(Message::Text(text))) = source.next().await {
        let Ok(v) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        match (&rep, v["type"].as_str()) {
            (Some(_), Some("hello")) => send_to(&me, Message::Text(r#"{"type":"welcome"}"#.into())),
            (Some(_), Some("ping")) => send_to(&me, Message::Text(r#"{"type":"pong"}"#.into())),
            (Some(r), Some("chat")) => {
                let e = json!({"type": "event", "kind": "chat_message", "from": "customer",
                               "lsid": &me[1..], "body": {"text": v["text"]}})
                .to_string();
                match &durable {
                    Some(d) => {
                        let _ = d.send((r.clone(), e));
                    }
                    None => send_to(r, Message::Text(e.into())),
                }
            }
            (None, _) => match v["to"].as_str() {
                Some(to) => match &durable {
                    Some(d) => {
                        let _ = d.send((format!("c{to}"), text.to_string()));
                    }
                    None => send_to(&format!("c{to}"), Message::Text(text)),
                },
                None if v["type"] == "ping" => {
                    send_to(&me, Message::Text(r#"{"type":"pong"}"#.into()))
                }
                None => {}
            },
            _ => {}
        }
    }
    peers.lock().expect("peers").remove(&me);
    drop(tx);
    writer.abort();
}
