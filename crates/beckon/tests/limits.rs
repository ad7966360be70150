//! Issue 12, limits at the door: connections per address and in all (WebSockets included), and
//! the header read timeout that stops slow clients from holding connections.

// These tests drive the server from plain threads, where sleeping is the point.
#![allow(clippy::disallowed_methods)]

mod common;

use common::{spawn_serve, spawn_serve_with_file_limit};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

const PW: (&str, &str) = ("BECKON_ADMIN_PASSWORD", "limits-admin-pw-1");

fn addr_of(url: &str) -> String {
    url.trim_start_matches("http://").to_string()
}

/// Sends a whole request on a fresh connection and reads the answer to the end.
fn request(addr: &str, path: &str) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    // A refused connection may be answered before the request is written.
    let _ = write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    );
    let mut out = String::new();
    let _ = s.read_to_string(&mut out);
    out
}

/// A connection that has sent half a request line and waits.
fn idle_connection(addr: &str) -> TcpStream {
    let mut s = TcpStream::connect(addr).unwrap();
    s.write_all(b"GET /healthz HTTP/1.1\r\n").unwrap();
    s
}

#[test]
fn connections_per_address_are_capped_with_a_429_and_given_back_on_close() {
    let dir = tempfile::tempdir().unwrap();
    let server = spawn_serve(
        dir.path(),
        &dir.path().join("data"),
        &["--max-connections-per-address", "3"],
        &[PW],
    );
    let addr = addr_of(&server.url);
    let held: Vec<TcpStream> = (0..3).map(|_| idle_connection(&addr)).collect();
    std::thread::sleep(Duration::from_millis(200));
    let refused = request(&addr, "/healthz");
    assert!(refused.starts_with("HTTP/1.1 429"), "{refused}");
    assert!(refused.contains("Retry-After: 5"), "{refused}");
    assert!(
        refused.contains("Too many connections from your address"),
        "{refused}"
    );
    // A client retrying in a loop: each attempt is answered, but the log gets one line.
    for _ in 0..20 {
        assert!(request(&addr, "/healthz").starts_with("HTTP/1.1 429"));
    }
    drop(held);
    std::thread::sleep(Duration::from_millis(200));
    let ok = request(&addr, "/healthz");
    assert!(
        ok.starts_with("HTTP/1.1 200"),
        "a closed connection gives its place back: {ok}"
    );
    let (code, lines) = server.terminate();
    assert_eq!(code, 0);
    let logged = lines
        .iter()
        .filter(|l| l.contains("connection refused: over a connection limit"))
        .count();
    assert_eq!(logged, 1, "21 refusals, one line: {lines:?}");
}

/// Starts a chat session on a connection of its own, closed afterwards.
async fn start_token(addr: &str) -> String {
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .unwrap();
    let r = http
        .post(format!("http://{addr}/api/start_session"))
        .header("accept", "application/json")
        .form(&[("issue_menu", "1"), ("id", "12"), ("c2cjs", "1")])
        .send()
        .await
        .unwrap();
    let body: serde_json::Value = r.json().await.unwrap();
    body["url"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn the_total_connection_cap_counts_websockets_and_answers_503() {
    let dir = tempfile::tempdir().unwrap();
    let server = spawn_serve(
        dir.path(),
        &dir.path().join("data"),
        &["--max-connections", "2", "--demo"],
        &[PW, ("BECKON_DEMO_PASSWORD", "limits-demo-pw-1")],
    );
    let addr = addr_of(&server.url);
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let a = start_token(&addr).await;
        let b = start_token(&addr).await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        let ws = |t: String| {
            let addr = addr.clone();
            async move {
                tokio_tungstenite::connect_async(format!("ws://{addr}/api/chat/ws?token={t}"))
                    .await
                    .unwrap()
                    .0
            }
        };
        // Two upgraded sockets hold both places, long after their HTTP request ended.
        let _wa = ws(a).await;
        let _wb = ws(b).await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        let addr2 = addr.clone();
        let refused = tokio::task::spawn_blocking(move || request(&addr2, "/healthz"))
            .await
            .unwrap();
        assert!(refused.starts_with("HTTP/1.1 503"), "{refused}");
        assert!(refused.contains("Retry-After"), "{refused}");
    });
    let (code, _) = server.terminate();
    assert_eq!(code, 0);
}

#[test]
fn a_client_that_sends_its_headers_too_slowly_is_disconnected() {
    let dir = tempfile::tempdir().unwrap();
    let server = spawn_serve(
        dir.path(),
        &dir.path().join("data"),
        &["--header-read-timeout", "1"],
        &[PW],
    );
    let addr = addr_of(&server.url);
    let mut slow = idle_connection(&addr);
    slow.set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let began = Instant::now();
    let mut buf = Vec::new();
    let _ = slow.read_to_end(&mut buf);
    let took = began.elapsed();
    // Closed by the server (end of stream, perhaps after a 408), well before our own timeout.
    assert!(took < Duration::from_secs(8), "closed after {took:?}");
    let text = String::from_utf8_lossy(&buf);
    assert!(
        text.is_empty() || text.starts_with("HTTP/1.1 408"),
        "{text}"
    );
    // A client sending at normal speed is unaffected.
    assert!(request(&addr, "/healthz").starts_with("HTTP/1.1 200"));
    let (code, _) = server.terminate();
    assert_eq!(code, 0);
}

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

/// Session starts per address: a burst up to the budget, then 429 with `Retry-After` and the
/// message in the customer's language, as JSON for scripts and as a page for browsers.
#[test]
fn session_starts_per_address_are_limited_with_retry_after_in_the_customers_language() {
    let dir = tempfile::tempdir().unwrap();
    let server = spawn_serve(
        dir.path(),
        &dir.path().join("data"),
        &["--demo", "--max-session-starts-per-minute", "5"],
        &[PW, ("BECKON_DEMO_PASSWORD", "limits-demo-pw-1")],
    );
    let base = server.url.clone();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let start = |accept: &'static str, locale: &'static str| {
            http.post(format!("{base}/api/start_session"))
                .header("accept", accept)
                .form(&[
                    ("issue_menu", "1"),
                    ("id", "12"),
                    ("c2cjs", "1"),
                    ("locale", locale),
                ])
                .send()
        };
        for _ in 0..5 {
            assert_eq!(
                start("application/json", "en-us").await.unwrap().status(),
                200
            );
        }
        let r = start("application/json", "en-us").await.unwrap();
        assert_eq!(r.status(), 429);
        let retry: u64 = r.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!(
            (1..=12).contains(&retry),
            "5 per minute: the next in at most 12 s, not {retry}"
        );
        let body: serde_json::Value = r.json().await.unwrap();
        assert_eq!(body["error"]["code"], "too_many_starts");
        let r = start("text/html", "de").await.unwrap();
        assert_eq!(r.status(), 429);
        let page = r.text().await.unwrap();
        assert!(page.contains("zu viele Sitzungen"), "{page}");
    });
    let (code, lines) = server.terminate();
    assert_eq!(code, 0);
    assert!(
        lines
            .iter()
            .any(|l| l.contains("over the per-address limit")),
        "{lines:?}"
    );
}

/// Oversized input gets the answer the protocol has for it: 413 for a body, an error frame
/// for a chat message over 32 KB, and close code 1009 for a WebSocket message over the frame
/// limit (not a silently dropped connection).
#[tokio::test]
async fn oversized_bodies_and_websocket_messages_get_413_and_1009() {
    use futures_util::{SinkExt, StreamExt};
    use tokio_tungstenite::tungstenite::Message;
    let server = common::TestServer::start_demo().await;
    let http = reqwest::Client::new();
    let huge = "x".repeat(70 * 1024);
    let r = http
        .post(server.at("/api/start_session"))
        .form(&[
            ("issue_menu", "1"),
            ("id", "12"),
            ("customer.details", &huge),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 413);

    let addr = server.at("").trim_start_matches("http://").to_string();
    let token = start_token(&addr).await;
    let (mut ws, _) =
        tokio_tungstenite::connect_async(format!("ws://{addr}/api/chat/ws?token={token}"))
            .await
            .unwrap();
    let hello = serde_json::json!({"type": "hello", "v": 1, "after": 0});
    ws.send(Message::text(hello.to_string())).await.unwrap();
    let big = serde_json::json!({"type": "chat", "id": "big-1", "text": "y".repeat(40 * 1024)});
    ws.send(Message::text(big.to_string())).await.unwrap();
    let mut saw_too_large = false;
    let mut close = None;
    let mut sent_huge = false;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while close.is_none() {
        let next = tokio::time::timeout_at(deadline, ws.next())
            .await
            .expect("the server answered in time");
        match next {
            Some(Ok(Message::Text(t))) => {
                let v: serde_json::Value = serde_json::from_str(&t).unwrap();
                if v["code"] == "too_large" {
                    saw_too_large = true;
                }
                if !sent_huge && saw_too_large {
                    sent_huge = true;
                    let _ = ws.send(Message::text("z".repeat(100 * 1024))).await;
                }
            }
            Some(Ok(Message::Close(frame))) => close = Some(frame),
            Some(Ok(_)) => {}
            Some(Err(e)) => panic!("the connection broke instead of closing: {e}"),
            None => panic!("the stream ended without a close frame"),
        }
    }
    assert!(
        saw_too_large,
        "a 40 KB message is refused with an error frame"
    );
    let frame = close.unwrap().expect("a close frame with a code");
    assert_eq!(u16::from(frame.code), 1009, "{frame:?}");
    server.stop().await;
}

/// Under a small open-file limit the connection cap shrinks to fit it, with a warning: the
/// connections past it are answered `503` instead of hanging unaccepted once the process runs
/// out of files, and the server works again as soon as they close.
#[test]
fn the_connection_cap_fits_under_the_open_file_limit() {
    let dir = tempfile::tempdir().unwrap();
    let server = spawn_serve_with_file_limit(
        dir.path(),
        &dir.path().join("data"),
        &[
            "--max-connections-per-address",
            "0",
            "--header-read-timeout",
            "60",
        ],
        &[PW],
        200,
    );
    let addr = addr_of(&server.url);
    let warned = (0..50).find_map(|_| {
        let line = server
            .stderr_lines
            .recv_timeout(Duration::from_millis(200))
            .ok()?;
        line.contains("at most 150 connections at once")
            .then_some(line)
    });
    assert!(
        warned.is_some_and(|l| l.contains("open-file limit")),
        "no warning that the cap was lowered"
    );
    // More connections than the process has files for.
    let held: Vec<TcpStream> = (0..190).map(|_| idle_connection(&addr)).collect();
    std::thread::sleep(Duration::from_millis(300));
    let refused = request(&addr, "/healthz");
    assert!(refused.starts_with("HTTP/1.1 503"), "{refused:?}");
    assert!(refused.contains("Retry-After"), "{refused}");
    drop(held);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let answer = request(&addr, "/healthz");
        if answer.starts_with("HTTP/1.1 200") {
            break;
        }
        assert!(Instant::now() < deadline, "not healthy again: {answer:?}");
        std::thread::sleep(Duration::from_millis(100));
    }
    let (code, _) = server.terminate();
    assert_eq!(code, 0);
}
