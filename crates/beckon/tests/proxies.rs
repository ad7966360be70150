//! Issue 12, trusted proxies: `X-Forwarded-For` and `X-Forwarded-Proto` decide the client's
//! address (for the rate limits and the logs) and scheme only when the TCP peer is a proxy the
//! operator listed; from anyone else they are ignored.

// These tests drive a child process from plain threads, where sleeping is the point.
#![allow(clippy::disallowed_methods)]

mod common;

use common::{spawn_serve, ServeProcess};

const PW: (&str, &str) = ("BECKON_ADMIN_PASSWORD", "proxy-admin-pw-1");
const DEMO_PW: (&str, &str) = ("BECKON_DEMO_PASSWORD", "proxy-demo-pw-1");

/// A server allowing two session starts per address per minute, trusting `trusted`.
fn serve(dir: &std::path::Path, trusted: &str) -> ServeProcess {
    spawn_serve(
        dir,
        &dir.join("data"),
        &[
            "--demo",
            "--max-session-starts-per-minute",
            "2",
            "--trusted-proxies",
            trusted,
        ],
        &[PW, DEMO_PW],
    )
}

/// Starts a session as if for the client `forwarded_for`; returns the status.
async fn start_as(http: &reqwest::Client, base: &str, forwarded_for: &str) -> u16 {
    http.post(format!("{base}/api/start_session"))
        .header("accept", "application/json")
        // A client's own claim, then the address our proxy appended.
        .header("x-forwarded-for", format!("192.0.2.66, {forwarded_for}"))
        .form(&[("issue_menu", "1"), ("id", "12"), ("c2cjs", "1")])
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

/// The CSRF cookie of the console's sign-in form, as sent with `X-Forwarded-Proto: https`.
async fn console_cookie(http: &reqwest::Client, base: &str) -> String {
    let r = http
        .get(format!("{base}/console"))
        .header("x-forwarded-proto", "https")
        .send()
        .await
        .unwrap();
    r.headers()["set-cookie"].to_str().unwrap().to_string()
}

#[test]
fn a_trusted_proxys_forwarded_address_and_scheme_are_used() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(dir.path(), "127.0.0.0/8, ::1");
    let base = server.url.clone();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let http = reqwest::Client::new();
        assert_eq!(start_as(&http, &base, "203.0.113.7").await, 200);
        assert_eq!(start_as(&http, &base, "203.0.113.7").await, 200);
        assert_eq!(start_as(&http, &base, "203.0.113.7").await, 429);
        // Another customer behind the same proxy has a budget of their own.
        assert_eq!(start_as(&http, &base, "203.0.113.8").await, 200);
        // The proxy terminated TLS: cookies are marked Secure though the public URL is http.
        let cookie = console_cookie(&http, &base).await;
        assert!(cookie.contains("; Secure"), "{cookie}");
        assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite"));
    });
    let (code, lines) = server.terminate();
    assert_eq!(code, 0);
    let limited: Vec<&String> = lines
        .iter()
        .filter(|l| l.contains("over the per-address limit"))
        .collect();
    assert!(
        limited.len() == 1 && limited[0].contains("203.0.113.7"),
        "the limit and its log name the forwarded client: {limited:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("client=203.0.113.8") && l.contains("/api/start_session")),
        "request log lines name the forwarded client: {lines:?}"
    );
    assert!(!lines.iter().any(|l| l.contains("192.0.2.66")), "{lines:?}");
}

#[test]
fn forwarding_headers_from_an_untrusted_peer_are_ignored() {
    let dir = tempfile::tempdir().unwrap();
    // The proxies trusted are elsewhere: this test's requests come from loopback.
    let server = serve(dir.path(), "10.0.0.0/8");
    let base = server.url.clone();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let http = reqwest::Client::new();
        // A new made-up address each time does not buy new budget.
        assert_eq!(start_as(&http, &base, "203.0.113.1").await, 200);
        assert_eq!(start_as(&http, &base, "203.0.113.2").await, 200);
        assert_eq!(start_as(&http, &base, "203.0.113.3").await, 429);
        let cookie = console_cookie(&http, &base).await;
        assert!(!cookie.contains("Secure"), "{cookie}");
    });
    let (code, lines) = server.terminate();
    assert_eq!(code, 0);
    assert!(
        lines
            .iter()
            .any(|l| l.contains("over the per-address limit") && l.contains("127.0.0.1")),
        "{lines:?}"
    );
    assert!(!lines.iter().any(|l| l.contains("203.0.113.")), "{lines:?}");
}
