//! The running server: health, the demo page, asset caching, graceful shutdown and JSON logs.

use crate::common::*;

#[tokio::test]
async fn health_and_readiness_answer() {
    let server = TestServer::start().await;
    let r = server.get("/healthz").await;
    assert_eq!(r.status(), 200);
    assert!(r.headers().contains_key("x-request-id"));
    assert_eq!(server.get("/readyz").await.status(), 200);
    // Readiness follows the store: once it is closed, the node is not ready.
    server.store.close().await;
    assert_eq!(server.get("/readyz").await.status(), 503);
    assert_eq!(server.get("/healthz").await.status(), 200);
}

#[tokio::test]
async fn demo_page_is_served_only_in_demo_mode() {
    let plain = TestServer::start().await;
    assert_eq!(plain.get("/demo").await.status(), 404);
    let demo = TestServer::start_demo().await;
    let r = demo.get("/demo").await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        html.contains(&format!("src=\"{}/api/start_session.js\"", demo.url))
            || html.contains("/api/start_session.js")
    );
    assert!(
        html.contains(&format!("BG.setSite(\"{}\")", demo.addr)),
        "{html}"
    );
}

#[tokio::test]
async fn assets_have_etags_and_revalidate() {
    let server = TestServer::start().await;
    let r = server.get("/assets/css/demo.css").await;
    assert_eq!(r.status(), 200);
    let etag = r.headers()["etag"].to_str().unwrap().to_string();
    assert!(r.headers()["cache-control"]
        .to_str()
        .unwrap()
        .contains("must-revalidate"));
    let r = server
        .client
        .get(server.at("/assets/css/demo.css"))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 304);
    assert_eq!(server.get("/assets/nope.css").await.status(), 404);
}

#[test]
fn sigterm_shuts_down_gracefully() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let server = spawn_serve(
        dir.path(),
        &data,
        &[],
        &[("BECKON_ADMIN_PASSWORD", "first-admin-pw")],
    );
    let url = server.url.clone();
    let addr = url.trim_start_matches("http://").to_string();
    // An in-flight request: headers sent, body still coming when the signal arrives.
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(&addr).unwrap();
    write!(stream, "POST /api/start_session HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\nConnection: close\r\n\r\n").unwrap();
    stream.flush().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    let pid = server.child.id().to_string();
    std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    // New connections are refused while the in-flight request may still finish.
    assert!(
        std::net::TcpStream::connect(&addr).is_err(),
        "the listener must be closed"
    );
    stream.write_all(b"a=b").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(
        response.starts_with("HTTP/1.1 "),
        "in-flight request got an answer: {response:?}"
    );
    let (code, lines) = server.terminate_wait();
    assert_eq!(code, 0, "{lines:?}");
    assert!(lines.iter().any(|l| l.contains("stopped")), "{lines:?}");
}

#[test]
fn json_logs_carry_the_request_id() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let server = spawn_serve(
        dir.path(),
        &data,
        &["--log-format", "json"],
        &[("BECKON_ADMIN_PASSWORD", "first-admin-pw")],
    );
    let addr = server.url.trim_start_matches("http://").to_string();
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(&addr).unwrap();
    write!(stream, "GET /healthz HTTP/1.1\r\nHost: {addr}\r\nx-request-id: test-req-42\r\nConnection: close\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(
        response
            .to_ascii_lowercase()
            .contains("x-request-id: test-req-42"),
        "{response}"
    );
    let (code, lines) = server.terminate();
    assert_eq!(code, 0);
    let parsed: Vec<serde_json::Value> = lines
        .iter()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    assert!(
        !parsed.is_empty() && parsed.len() == lines.len(),
        "every log line is JSON: {lines:?}"
    );
    assert!(
        parsed.iter().any(|v| v.to_string().contains("test-req-42")),
        "{lines:?}"
    );
}
