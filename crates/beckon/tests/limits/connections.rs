//! Connection caps, per address and in all, the header read timeout, and the cap's fit under
//! the open-file limit.

use crate::common::{spawn_serve, spawn_serve_with_file_limit};
use crate::{addr_of, start_token, PW};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

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
