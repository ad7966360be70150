//! A WebSocket peer that stops reading is disconnected before its backlog grows memory.

use crate::common::spawn_serve;
use crate::{addr_of, PW};
use std::time::Duration;

fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

/// A customer that connects and then never reads, while the representative writes 12 MB to
/// it: the server must not buffer that (events wait in the store), and must let go of the
/// socket once the peer has not read for the send timeout.
#[test]
fn a_websocket_peer_that_never_reads_is_disconnected_and_memory_stays_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let server = spawn_serve(
        dir.path(),
        &dir.path().join("data"),
        &["--demo"],
        &[PW, ("BECKON_DEMO_PASSWORD", "limits-demo-pw-1")],
    );
    let addr = addr_of(&server.url);
    let pid = server.child.id();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let (ws, rss_before, rss_after) = rt.block_on(flood_a_silent_customer(&addr, pid));
    // Let the send timeout pass, then read what arrived: the stream must end early.
    std::thread::sleep(Duration::from_secs(13));
    let received = rt.block_on(count_until_closed(ws));
    assert!(
        received < FLOOD,
        "the server gave up before sending everything ({received} arrived)"
    );
    let grown = rss_after.saturating_sub(rss_before);
    assert!(
        grown < 12 * 1024,
        "server memory grew by {grown} KiB while 12 MB were written to a peer that does not read"
    );
    let (code, lines) = server.terminate();
    assert_eq!(code, 0);
    assert!(
        lines.iter().any(|l| l.contains("stopped reading")),
        "{lines:?}"
    );
}

/// Messages of 4,000 characters the representative writes: 12 MB.
const FLOOD: usize = 3000;

type Ws = tokio_tungstenite::WebSocketStream<tokio::net::TcpStream>;

/// Starts and accepts a chat, connects a customer that will never read, and has the
/// representative write `FLOOD` messages; returns the socket and the server's RSS before and
/// after.
async fn flood_a_silent_customer(addr: &str, pid: u32) -> (Ws, u64, u64) {
    use futures_util::{SinkExt, StreamExt};
    use serde_json::json;
    let http = reqwest::Client::new();
    let r = http
        .post(format!("http://{addr}/api/start_session"))
        .header("accept", "application/json")
        .form(&[("issue_menu", "1"), ("id", "12"), ("c2cjs", "1")])
        .send()
        .await
        .unwrap();
    let body: serde_json::Value = r.json().await.unwrap();
    let lsid = body["lsid"].as_str().unwrap().to_string();
    let token = body["url"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string();
    let rep = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let post = |path: String, body: serde_json::Value| {
        rep.post(format!("http://{addr}{path}"))
            .header("x-beckon-csrf", "1")
            .json(&body)
            .send()
    };
    let login = json!({"username": "john", "password": "limits-demo-pw-1"});
    assert_eq!(
        post("/api/rep/login".into(), login).await.unwrap().status(),
        200
    );
    let accept = post(format!("/api/rep/sessions/{lsid}/accept"), json!({}));
    assert_eq!(accept.await.unwrap().status(), 200);

    // A small receive window so that the kernel's buffers fill early.
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.set_recv_buffer_size(4096).unwrap();
    let stream = socket.connect(addr.parse().unwrap()).await.unwrap();
    let url = format!("ws://{addr}/api/chat/ws?token={token}");
    let (mut ws, _) = tokio_tungstenite::client_async(url, stream).await.unwrap();
    let hello = r#"{"type":"hello","v":1,"after":0}"#;
    ws.send(tokio_tungstenite::tungstenite::Message::Text(hello.into()))
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let rss_before = rss_kib(pid);

    let text = "x".repeat(4000);
    let mut inflight = futures_util::stream::FuturesUnordered::new();
    let mut posted = 0;
    for i in 0..FLOOD {
        let body = json!({"id": format!("m{i}"), "text": text});
        inflight.push(post(format!("/api/rep/sessions/{lsid}/messages"), body));
        if inflight.len() >= 8 {
            assert_eq!(inflight.next().await.unwrap().unwrap().status(), 200);
            posted += 1;
        }
    }
    while let Some(r) = inflight.next().await {
        assert_eq!(r.unwrap().status(), 200);
        posted += 1;
    }
    assert_eq!(posted, FLOOD);
    let rss_after = rss_kib(pid);
    (ws, rss_before, rss_after)
}

/// Reads a socket to its end; the chat messages that arrived.
async fn count_until_closed(mut ws: Ws) -> usize {
    use futures_util::StreamExt;
    use tokio_tungstenite::tungstenite::Message;
    let mut chats = 0;
    loop {
        match tokio::time::timeout(Duration::from_secs(10), ws.next()).await {
            Ok(Some(Ok(Message::Text(t)))) => {
                if t.contains("\"chat_message\"") {
                    chats += 1;
                }
            }
            Ok(Some(Ok(_))) => {}
            Ok(Some(Err(_))) | Ok(None) => return chats,
            Err(_) => panic!("the server kept the socket of a peer that did not read"),
        }
    }
}
