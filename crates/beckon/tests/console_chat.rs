//! Chat over the console socket (`chat`, answered by `chat_ack` or `chat_refused`): stored
//! like `POST /api/rep/sessions/{lsid}/messages`, once per id whichever way it came, and only
//! while the login lives.

mod common;

use common::reps::*;
use common::ws::{send, until};
use common::*;
use futures_util::SinkExt;
use serde_json::{json, Value};
use tokio_tungstenite::tungstenite::Message;

/// The answer to the `chat` of `id`, skipping queue snapshots and events.
async fn answer(ws: &mut Ws, id: &str) -> Value {
    until(ws, |m| {
        m["id"] == id && (m["type"] == "chat_ack" || m["type"] == "chat_refused")
    })
    .await
}

/// A session of issue 12 (John's team) accepted by John, with the customer connected.
async fn accepted_session(server: &TestServer, john: &RepClient) -> (String, Ws) {
    let (_, body) = start_json(server, &[("issue_menu", "1"), ("id", "12"), ("c2cjs", "1")]).await;
    let lsid = body["lsid"].as_str().unwrap().to_string();
    let (s, _) = john
        .post(&format!("/api/rep/sessions/{lsid}/accept"), json!({}))
        .await;
    assert_eq!(s, 200);
    let mut customer = customer_ws(server, &token_of(&body), 0).await;
    next_json(&mut customer).await;
    (lsid, customer)
}

/// The customer's next chat message from a representative (queue snapshots never match, so
/// reading with `next_json` rather than `next_msg` only counts them against `until`'s bound).
async fn rep_line(customer: &mut Ws) -> Value {
    until(customer, |m| {
        m["type"] == "event" && m["kind"] == "chat_message" && m["from"] == "rep"
    })
    .await
}

#[tokio::test]
async fn chat_over_the_console_socket_is_stored_once_per_id_and_reaches_the_customer() {
    let server = TestServer::start_demo().await;
    let john = RepClient::login(&server, "john", DEMO_PASSWORD).await;
    let (lsid, mut customer) = accepted_session(&server, &john).await;
    let mut console = console_ws(&server, "john").await;

    send(
        &mut console,
        json!({"type": "chat", "lsid": lsid, "id": "m1", "text": "Hello <b>there</b>"}),
    )
    .await;
    let ack = answer(&mut console, "m1").await;
    assert_eq!(
        (ack["type"].as_str(), ack["duplicate"].as_bool()),
        (Some("chat_ack"), Some(false)),
        "{ack}"
    );
    assert_eq!(ack["lsid"], lsid.as_str());
    let seq = ack["seq"].as_i64().unwrap();
    let line = rep_line(&mut customer).await;
    assert_eq!(
        (line["seq"].as_i64(), line["body"]["text"].as_str()),
        (Some(seq), Some("Hello <b>there</b>")),
        "{line}"
    );

    // The same id again, over the socket or over the API: the same message, not a second one.
    send(
        &mut console,
        json!({"type": "chat", "lsid": lsid, "id": "m1", "text": "Hello <b>there</b>"}),
    )
    .await;
    let again = answer(&mut console, "m1").await;
    assert_eq!(
        (again["seq"].as_i64(), again["duplicate"].as_bool()),
        (Some(seq), Some(true)),
        "{again}"
    );
    let (s, body) = john
        .post(
            &format!("/api/rep/sessions/{lsid}/messages"),
            json!({"id": "m1", "text": "Hello <b>there</b>"}),
        )
        .await;
    assert_eq!(
        (s, body["seq"].as_i64(), body["duplicate"].as_bool()),
        (200, Some(seq), Some(true))
    );
    // ...and an id sent over the API first is known to the socket.
    let (_, body) = john
        .post(
            &format!("/api/rep/sessions/{lsid}/messages"),
            json!({"id": "m2", "text": "Second"}),
        )
        .await;
    send(
        &mut console,
        json!({"type": "chat", "lsid": lsid, "id": "m2", "text": "Second"}),
    )
    .await;
    let m2 = answer(&mut console, "m2").await;
    assert_eq!(
        (m2["seq"].as_i64(), m2["duplicate"].as_bool()),
        (body["seq"].as_i64(), Some(true)),
        "{m2}"
    );

    let (_, log) = john.get(&format!("/api/rep/sessions/{lsid}/events")).await;
    let from_rep = log["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "chat_message" && e["actor"]["kind"] == "rep")
        .count();
    assert_eq!(from_rep, 2, "{log}");
}

#[tokio::test]
async fn the_console_socket_refuses_chat_the_api_would_refuse() {
    let server = TestServer::start_demo().await;
    let john = RepClient::login(&server, "john", DEMO_PASSWORD).await;
    let (lsid, _customer) = accepted_session(&server, &john).await;
    let mut console = console_ws(&server, "john").await;
    let cases = [
        (
            json!({"lsid": lsid, "id": "e1", "text": "   "}),
            "invalid_message",
        ),
        (
            json!({"lsid": lsid, "id": "", "text": "hi"}),
            "invalid_message",
        ),
        (
            json!({"lsid": lsid, "id": "e3", "text": "x".repeat(4001)}),
            "invalid_message",
        ),
        (
            json!({"lsid": "no-such-session", "id": "e4", "text": "hi"}),
            "not_found",
        ),
    ];
    for (mut msg, code) in cases {
        msg["type"] = json!("chat");
        let id = msg["id"].as_str().unwrap().to_string();
        send(&mut console, msg).await;
        let refused = answer(&mut console, &id).await;
        assert_eq!(
            (refused["type"].as_str(), refused["code"].as_str()),
            (Some("chat_refused"), Some(code)),
            "{refused}"
        );
        assert!(
            !refused["message"].as_str().unwrap_or("").is_empty(),
            "{refused}"
        );
    }
    // A colleague who has not joined the session may not speak in it.
    let mut other = console_ws(&server, "demo-admin").await;
    send(
        &mut other,
        json!({"type": "chat", "lsid": lsid, "id": "e5", "text": "hi"}),
    )
    .await;
    let refused = answer(&mut other, "e5").await;
    assert_eq!(refused["code"], "not_participant", "{refused}");
    // A message that is not JSON of a known shape is refused and the socket stays open.
    console
        .send(Message::Text("{\"type\":\"chat\",\"lsid\":1}".into()))
        .await
        .unwrap();
    let m = next_msg(&mut console).await;
    assert_eq!(
        (m["type"].as_str(), m["code"].as_str()),
        (Some("error"), Some("bad_message")),
        "{m}"
    );
    send(
        &mut console,
        json!({"type": "chat", "lsid": lsid, "id": "ok", "text": "still here"}),
    )
    .await;
    assert_eq!(answer(&mut console, "ok").await["type"], "chat_ack");
}

#[tokio::test]
async fn signing_out_closes_the_console_socket_at_once() {
    let server = TestServer::start_demo().await;
    let (mut console, cookie) = console_ws_with_cookie(&server, "john").await;
    // Another login of the same user stays open: only the login that ended is closed.
    let mut other = console_ws(&server, "john").await;
    let r = server
        .client
        .post(server.at("/api/rep/logout"))
        .header("x-beckon-csrf", "1")
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    let closed = until(&mut console, |m| m["type"] == "closed").await;
    let frame = closed["frame"].as_str().unwrap();
    assert!(
        frame.contains("4401") && frame.contains("signed out"),
        "{frame}"
    );
    send(&mut other, json!({"type": "ping"})).await;
    assert_eq!(next_msg(&mut other).await["type"], "pong");
}
