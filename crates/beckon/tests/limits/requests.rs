//! Limits on what requests carry: session starts per address, and oversized bodies and messages.

use crate::common::{self, spawn_serve};
use crate::{start_token, PW};
use std::time::Duration;

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
