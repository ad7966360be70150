//! The console socket: what it pushes, and signing out representatives whose console is gone.

use crate::common::reps::*;
use crate::common::ws::{send, until};
use crate::common::*;
use serde_json::json;

#[tokio::test]
async fn the_console_socket_pushes_queues_and_session_events() {
    let server = TestServer::start_demo().await;
    let rep = RepClient::login(&server, "john", DEMO_PASSWORD).await;
    let (_, me) = rep.get("/api/rep/sessions").await;
    assert_eq!(me["sessions"].as_array().unwrap().len(), 0);
    let mut ws = console_ws(&server, "john").await;
    let q = next_json(&mut ws).await;
    assert_eq!(q["type"], "queue");
    assert_eq!(q["sessions"].as_array().unwrap().len(), 0);
    // A customer starts a session for issue 12 (John's team): the queue is pushed.
    let (_, body) = start_json(
        &server,
        &[
            ("issue_menu", "1"),
            ("id", "12"),
            ("c2cjs", "1"),
            ("customer.name", "<b>Ann</b>"),
        ],
    )
    .await;
    let lsid = body["lsid"].as_str().unwrap().to_string();
    let q = until(&mut ws, |m| {
        m["type"] == "queue" && !m["sessions"].as_array().unwrap().is_empty()
    })
    .await;
    assert_eq!(q["sessions"][0]["customer"]["name"], "<b>Ann</b>");
    let (s, _) = rep
        .post(&format!("/api/rep/sessions/{lsid}/accept"), json!({}))
        .await;
    assert_eq!(s, 200);
    let q = until(&mut ws, |m| {
        m["type"] == "queue" && !m["mine"].as_array().unwrap().is_empty()
    })
    .await;
    assert_eq!(q["mine"][0]["lsid"], lsid.as_str());
    // Events of the accepted session stream in order, including the customer's messages.
    let mut cws = customer_ws(&server, &token_of(&body), 0).await;
    next_json(&mut cws).await;
    send(
        &mut cws,
        json!({"type": "chat", "id": "c1", "text": "hello"}),
    )
    .await;
    let e = until(&mut ws, |m| {
        m["type"] == "event" && m["kind"] == "chat_message"
    })
    .await;
    assert_eq!(
        (e["lsid"].as_str(), e["body"]["text"].as_str()),
        (Some(lsid.as_str()), Some("hello"))
    );
    send(&mut cws, json!({"type": "typing", "active": true})).await;
    let t = until(&mut ws, |m| m["type"] == "typing").await;
    assert_eq!(t["active"], true);
}

#[tokio::test]
async fn representatives_whose_console_is_gone_are_logged_out() {
    let server = TestServer::start_demo().await;
    let rep = RepClient::login(&server, "john", DEMO_PASSWORD).await;
    rep.available().await;
    assert_eq!(server.store.list_presence().await.unwrap().len(), 1);
    let gone = server
        .store
        .sweep_presence(beckon::domain::time::now_ms() + 1)
        .await
        .unwrap();
    assert_eq!(gone, vec![beckon::domain::ids::UserId(12)]);
    assert!(server.store.list_presence().await.unwrap().is_empty());
}
