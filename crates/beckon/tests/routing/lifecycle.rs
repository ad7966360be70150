//! A session's life: chat both ways to its end, expiry, resuming after a reconnect, shutdown.

use crate::common::reps::*;
use crate::common::*;
use beckon::domain::session::SessionState;
use futures_util::SinkExt;
use serde_json::json;

#[tokio::test]
async fn a_session_goes_from_start_to_end_with_chat_both_ways() {
    let server = TestServer::start_demo().await;
    let rep = RepClient::login(&server, "demo-admin", DEMO_PASSWORD).await;
    let (st, body) = start_json(
        &server,
        &[
            ("short_key", "8347482"),
            ("c2cjs", "1"),
            ("customer.name", "Ann"),
        ],
    )
    .await;
    assert_eq!(st, 200);
    let lsid = body["lsid"].as_str().unwrap().to_string();
    let mut ws = customer_ws(&server, &token_of(&body), 0).await;
    assert_eq!(next_msg(&mut ws).await["type"], "welcome");
    // The log so far: created, then queued when the page connected.
    let e1 = next_msg(&mut ws).await;
    assert_eq!(
        (e1["seq"].as_i64(), e1["kind"].as_str()),
        (Some(1), Some("created"))
    );
    let e2 = next_msg(&mut ws).await;
    assert_eq!(e2["body"]["to"], "queued");

    let (s, q) = rep.get("/api/rep/queue").await;
    assert_eq!(s, 200);
    assert!(q["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x["lsid"] == lsid.as_str() && x["customer"]["name"] == "Ann"));
    let (s, _) = rep
        .post(&format!("/api/rep/sessions/{lsid}/accept"), json!({}))
        .await;
    assert_eq!(s, 200);
    let joined = next_msg(&mut ws).await;
    assert_eq!(joined["kind"], "member_joined");
    assert_eq!(joined["body"]["name"], "Admin");

    ws.send(tokio_tungstenite::tungstenite::Message::Text(
        json!({"type": "chat", "id": "m1", "text": "hello"})
            .to_string()
            .into(),
    ))
    .await
    .unwrap();
    let ack = next_msg(&mut ws).await;
    assert_eq!(ack["type"], "ack");
    let seq = ack["seq"].as_i64().unwrap();
    assert_eq!(next_msg(&mut ws).await["seq"].as_i64(), Some(seq));
    // A resend with the same id is stored once.
    ws.send(tokio_tungstenite::tungstenite::Message::Text(
        json!({"type": "chat", "id": "m1", "text": "hello"})
            .to_string()
            .into(),
    ))
    .await
    .unwrap();
    assert_eq!(next_msg(&mut ws).await["seq"].as_i64(), Some(seq));

    let (s, _) = rep
        .post(
            &format!("/api/rep/sessions/{lsid}/messages"),
            json!({"id": "r1", "text": "hi Ann"}),
        )
        .await;
    assert_eq!(s, 200);
    let msg = next_msg(&mut ws).await;
    assert_eq!(
        (
            msg["kind"].as_str(),
            msg["from"].as_str(),
            msg["body"]["text"].as_str()
        ),
        (Some("chat_message"), Some("rep"), Some("hi Ann"))
    );

    let (s, ev) = rep.get(&format!("/api/rep/sessions/{lsid}/events")).await;
    assert_eq!(s, 200);
    let chats: Vec<_> = ev["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "chat_message")
        .collect();
    assert_eq!(chats.len(), 2);

    let (s, _) = rep
        .post(&format!("/api/rep/sessions/{lsid}/end"), json!({}))
        .await;
    assert_eq!(s, 204);
    let end = next_msg(&mut ws).await;
    assert_eq!(end["body"]["to"], "ended");
    let s = server.store.session_by_lsid(&lsid).await.unwrap().unwrap();
    assert_eq!(s.state, SessionState::Ended);
    assert_eq!(s.end_reason.as_deref(), Some("rep_ended"));
    // A reconnect after the end is refused; the chat page says the session is over.
    let r = server.get(&format!("/chat/{}", token_of(&body))).await;
    assert_eq!(r.status(), 404);
}

#[tokio::test]
async fn a_customer_who_never_connects_expires() {
    let server = TestServer::start_demo().await;
    server
        .store
        .set_setting(beckon::domain::settings::CUSTOMER_CONNECT_TIMEOUT, "1")
        .await
        .unwrap();
    let (st, body) = start_json(&server, &[("short_key", "7683902")]).await;
    assert_eq!(st, 200);
    let lsid = body["lsid"].as_str().unwrap().to_string();
    wait_for(
        || async {
            server
                .store
                .session_by_lsid(&lsid)
                .await
                .unwrap()
                .unwrap()
                .state
                == SessionState::Ended
        },
        "expiry of an unconnected session",
    )
    .await;
    let s = server.store.session_by_lsid(&lsid).await.unwrap().unwrap();
    assert_eq!(s.end_reason.as_deref(), Some("customer_never_connected"));
}

#[tokio::test]
async fn reconnecting_with_the_last_seq_resumes_without_duplicates() {
    let server = TestServer::start_demo().await;
    let (_, body) = start_json(&server, &[("short_key", "8347482"), ("c2cjs", "1")]).await;
    let token = token_of(&body);
    let mut ws = customer_ws(&server, &token, 0).await;
    next_msg(&mut ws).await; // welcome
    next_msg(&mut ws).await; // created
    let queued = next_msg(&mut ws).await;
    let last = queued["seq"].as_i64().unwrap();
    for i in 0..3 {
        ws.send(tokio_tungstenite::tungstenite::Message::Text(
            json!({"type": "chat", "id": format!("c{i}"), "text": format!("m{i}")})
                .to_string()
                .into(),
        ))
        .await
        .unwrap();
        assert_eq!(next_msg(&mut ws).await["type"], "ack");
        next_msg(&mut ws).await;
    }
    drop(ws);
    let mut ws = customer_ws(&server, &token, last).await;
    assert_eq!(next_msg(&mut ws).await["type"], "welcome");
    let mut seqs = Vec::new();
    for _ in 0..3 {
        let e = next_msg(&mut ws).await;
        seqs.push(e["seq"].as_i64().unwrap());
    }
    assert_eq!(seqs, vec![last + 1, last + 2, last + 3]);
}

#[tokio::test]
async fn shutdown_closes_websockets_with_a_close_frame() {
    let server = TestServer::start_demo().await;
    let (_, body) = start_json(&server, &[("short_key", "8347482"), ("c2cjs", "1")]).await;
    let mut ws = customer_ws(&server, &token_of(&body), 0).await;
    assert_eq!(next_msg(&mut ws).await["type"], "welcome");
    next_msg(&mut ws).await;
    next_msg(&mut ws).await;
    server.state.shutdown.cancel();
    let closed = next_msg(&mut ws).await;
    assert_eq!(closed["type"], "closed");
    let frame = closed["frame"].as_str().unwrap();
    assert!(frame.contains("Away") || frame.contains("1001"), "{frame}");
    assert!(frame.contains("server restarting"), "{frame}");
    server.stop().await;
}
