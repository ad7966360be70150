//! Issue 5, server side: typing, queue position, rate limits, left messages, elevation,
//! transfer notices and transcripts over the chat WebSocket.

mod common;

use common::reps::*;
use common::ws::{send, until};
use common::*;
use serde_json::json;

/// A demo session by key, its customer connected and accepted by demo-admin.
async fn active_session(server: &TestServer) -> (String, String, Ws, RepClient) {
    let rep = RepClient::login(server, "demo-admin", DEMO_PASSWORD).await;
    let (_, body) = start_json(server, &[("short_key", "8347482"), ("c2cjs", "1")]).await;
    let lsid = body["lsid"].as_str().unwrap().to_string();
    let token = token_of(&body);
    let mut ws = customer_ws(server, &token, 0).await;
    until(&mut ws, |m| {
        m["type"] == "event" && m["body"]["to"] == "queued"
    })
    .await;
    let (s, _) = rep
        .post(&format!("/api/rep/sessions/{lsid}/accept"), json!({}))
        .await;
    assert_eq!(s, 200);
    until(&mut ws, |m| m["kind"] == "member_joined").await;
    (lsid, token, ws, rep)
}

#[tokio::test]
async fn typing_indicators_travel_both_ways() {
    let server = TestServer::start_demo().await;
    let (lsid, _, mut ws, rep) = active_session(&server).await;
    send(&mut ws, json!({"type": "typing", "active": true})).await;
    let mut seen = false;
    for _ in 0..50 {
        let (_, ev) = rep.get(&format!("/api/rep/sessions/{lsid}/events")).await;
        if ev["customer_typing"] == true {
            seen = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(seen, "the representative sees the customer typing");
    let (s, _) = rep
        .post(
            &format!("/api/rep/sessions/{lsid}/typing"),
            json!({"active": true}),
        )
        .await;
    assert_eq!(s, 204);
    let t = until(&mut ws, |m| m["type"] == "typing").await;
    assert_eq!(
        (
            t["from"].as_str(),
            t["name"].as_str(),
            t["active"].as_bool()
        ),
        (Some("rep"), Some("Admin"), Some(true))
    );
}

#[tokio::test]
async fn waiting_customers_see_their_queue_position() {
    let server = TestServer::start_demo().await;
    let rep = RepClient::login(&server, "john", DEMO_PASSWORD).await;
    let mut sockets = Vec::new();
    let mut lsids = Vec::new();
    for _ in 0..2 {
        let (_, body) = start_json(
            &server,
            &[("issue_menu", "1"), ("id", "12"), ("c2cjs", "1")],
        )
        .await;
        lsids.push(body["lsid"].as_str().unwrap().to_string());
        let mut ws = customer_ws(&server, &token_of(&body), 0).await;
        let q = until(&mut ws, |m| m["type"] == "queue").await;
        sockets.push((ws, q));
    }
    assert_eq!(sockets[0].1["position"], 1);
    assert_eq!(sockets[1].1["position"], 2);
    let (s, _) = rep
        .post(&format!("/api/rep/sessions/{}/accept", lsids[0]), json!({}))
        .await;
    assert_eq!(s, 200);
    // The second customer moves up within the refresh period (2 s, plus up to 1 s for the
    // shared reading's age); the bound leaves room for a loaded machine.
    let moved_up = tokio::time::timeout(
        std::time::Duration::from_secs(8),
        until(&mut sockets[1].0, |m| {
            m["type"] == "queue" && m["position"] == 1
        }),
    );
    let q = moved_up.await.expect("the new position within 8 s");
    assert!(
        q["estimated_wait_secs"].as_i64().unwrap() >= 1,
        "one accepted session gives an estimate: {q}"
    );
}

#[tokio::test]
async fn chat_messages_are_rate_limited_per_connection() {
    let server = TestServer::start_demo().await;
    let (_, _, mut ws, _) = active_session(&server).await;
    for i in 0..20 {
        send(
            &mut ws,
            json!({"type": "chat", "id": format!("m{i}"), "text": "spam"}),
        )
        .await;
    }
    until(&mut ws, |m| {
        m["type"] == "error" && m["code"] == "rate_limited"
    })
    .await;
    send(
        &mut ws,
        json!({"type": "chat", "id": "long", "text": "x".repeat(4001)}),
    )
    .await;
    until(&mut ws, |m| {
        m["type"] == "error" && m["code"] == "invalid_message"
    })
    .await;
}

#[tokio::test]
async fn a_customer_can_leave_a_message_when_nobody_is_available() {
    let server = TestServer::start_demo().await;
    let (_, body) = start_json(
        &server,
        &[("issue_menu", "1"), ("id", "12"), ("c2cjs", "1")],
    )
    .await;
    assert_eq!(body["nobody_available"], true);
    let mut ws = customer_ws(&server, &token_of(&body), 0).await;
    let welcome = next_json(&mut ws).await;
    assert!(welcome["nobody_available"].is_string());
    send(&mut ws, json!({"type": "leave_message", "name": "Ann", "contact": "ann@example.com", "text": "Call me"})).await;
    let e = until(&mut ws, |m| m["kind"] == "customer_left_message").await;
    assert_eq!(e["body"]["text"], "Call me");
    // A representative who later opens the session sees it in the log.
    let rep = RepClient::login(&server, "john", DEMO_PASSWORD).await;
    let (_, ev) = rep
        .get(&format!(
            "/api/rep/sessions/{}/events",
            body["lsid"].as_str().unwrap()
        ))
        .await;
    assert!(
        ev["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["kind"] == "customer_left_message"
                && e["body"]["contact"] == "ann@example.com")
    );
}

#[tokio::test]
async fn elevation_asks_the_customer_and_hands_over_the_download() {
    let server = TestServer::start_demo().await;
    let (lsid, token, mut ws, rep) = active_session(&server).await;
    let (s, _) = rep
        .post(&format!("/api/rep/sessions/{lsid}/elevate"), json!({}))
        .await;
    assert_eq!(s, 200);
    let req = until(&mut ws, |m| m["kind"] == "elevation_requested").await;
    assert_eq!(req["body"]["name"], "Admin");
    send(&mut ws, json!({"type": "elevation", "accept": true})).await;
    let go = until(&mut ws, |m| m["type"] == "elevate").await;
    assert_eq!(
        go["download_url"],
        format!("{}/download/{token}", server.url)
    );
    until(&mut ws, |m| m["kind"] == "elevation_accepted").await;
}

#[tokio::test]
async fn transfers_are_announced_and_requeue_the_session() {
    let server = TestServer::start_demo().await;
    let (lsid, _, mut ws, rep) = active_session(&server).await;
    let (s, _) = rep
        .post(
            &format!("/api/rep/sessions/{lsid}/transfer"),
            json!({"queue": "rep:99"}),
        )
        .await;
    assert_eq!(s, 404);
    let (s, _) = rep
        .post(
            &format!("/api/rep/sessions/{lsid}/transfer"),
            json!({"queue": "somewhere"}),
        )
        .await;
    assert_eq!(s, 400);
    let (s, body) = rep
        .post(
            &format!("/api/rep/sessions/{lsid}/transfer"),
            json!({"queue": "rep:12", "note": "printer expert"}),
        )
        .await;
    assert_eq!(s, 200, "{body}");
    assert_eq!(body["session"]["queue"], "rep:12");
    assert_eq!(body["session"]["state"], "queued");
    let t = until(&mut ws, |m| m["kind"] == "transferred").await;
    assert!(
        t["body"].get("note").is_none(),
        "the note is for representatives only: {t}"
    );
    assert_eq!(t["body"]["to"], "rep:12");
    let john = RepClient::login(&server, "john", DEMO_PASSWORD).await;
    let (s, _) = john
        .post(&format!("/api/rep/sessions/{lsid}/accept"), json!({}))
        .await;
    assert_eq!(s, 200);
}

#[tokio::test]
async fn transcripts_download_as_text_and_escaped_html_after_the_end() {
    let server = TestServer::start_demo().await;
    let (lsid, token, mut ws, rep) = active_session(&server).await;
    send(
        &mut ws,
        json!({"type": "chat", "id": "c1", "text": "<script>alert(1)</script> hi"}),
    )
    .await;
    until(&mut ws, |m| m["type"] == "ack").await;
    rep.post(
        &format!("/api/rep/sessions/{lsid}/messages"),
        json!({"id": "r1", "text": "hello & welcome"}),
    )
    .await;
    let (s, _) = rep
        .post(&format!("/api/rep/sessions/{lsid}/end"), json!({}))
        .await;
    assert_eq!(s, 204);
    let txt = server.get(&format!("/chat/{token}/transcript.txt")).await;
    assert_eq!(txt.status(), 200);
    assert!(txt.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("attachment"));
    let txt = txt.text().await.unwrap();
    assert!(
        txt.contains("Customer: <script>alert(1)</script> hi"),
        "{txt}"
    );
    assert!(txt.contains("Admin: hello & welcome"), "{txt}");
    let html = server
        .get(&format!("/chat/{token}/transcript.html"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("&lt;script&gt;alert(1)&lt;"), "{html}");
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(html.contains("hello &amp; welcome"));
    assert_eq!(
        server
            .get("/chat/0123456789abcdef0123456789abcdef/transcript.txt")
            .await
            .status(),
        404
    );
}

/// Waiting pages share one reading of every queue position (`queue_positions`); it must say
/// exactly what asking for each session on its own says, in every queue.
#[tokio::test]
async fn every_position_read_at_once_matches_the_one_by_one_answer() {
    let server = TestServer::start_demo().await;
    let mut sockets = Vec::new();
    let mut lsids = Vec::new();
    // Two queues (issues 12 and 13 belong to two teams), interleaved.
    for i in 0..12 {
        let issue = if i % 3 == 0 { "13" } else { "12" };
        let (_, body) = start_json(
            &server,
            &[("issue_menu", "1"), ("id", issue), ("c2cjs", "1")],
        )
        .await;
        lsids.push(body["lsid"].as_str().unwrap().to_string());
        let mut ws = customer_ws(&server, &token_of(&body), 0).await;
        until(&mut ws, |m| m["type"] == "queue").await;
        sockets.push(ws);
    }
    let store = server.store.as_ref();
    let all = store.queue_positions().await.unwrap();
    assert_eq!(all.len(), 12, "every waiting session: {all:?}");
    let mut seen = std::collections::HashSet::new();
    for lsid in &lsids {
        let id = store.session_by_lsid(lsid).await.unwrap().unwrap().id;
        let one = store.queue_status(id).await.unwrap().expect("queued");
        let (_, position, avg) = all.iter().find(|(s, _, _)| *s == id).unwrap();
        assert_eq!((*position, *avg), one, "{lsid}");
        seen.insert((
            format!(
                "{:?}",
                store.session_by_id(id).await.unwrap().unwrap().queue
            ),
            one.0,
        ));
    }
    assert_eq!(seen.len(), 12, "positions are distinct within a queue");
    // The shared reading answers the same, and a session queued after it is still found.
    let shared = beckon::queue_positions::QueuePositions::default();
    let first = store.session_by_lsid(&lsids[0]).await.unwrap().unwrap().id;
    assert_eq!(
        shared.status(store, first).await.unwrap(),
        store.queue_status(first).await.unwrap()
    );
    let (_, body) = start_json(
        &server,
        &[("issue_menu", "1"), ("id", "12"), ("c2cjs", "1")],
    )
    .await;
    let mut late = customer_ws(&server, &token_of(&body), 0).await;
    let q = until(&mut late, |m| m["type"] == "queue").await;
    assert_eq!(q["position"], 9, "eight were waiting for issue 12: {q}");
    let late_id = store
        .session_by_lsid(body["lsid"].as_str().unwrap())
        .await
        .unwrap()
        .unwrap()
        .id;
    assert_eq!(
        shared.status(store, late_id).await.unwrap().map(|s| s.0),
        Some(9)
    );
}
