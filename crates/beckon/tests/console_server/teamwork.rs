//! Representatives working together: notes, invitations and transfers between them.

use crate::common::reps::*;
use crate::common::ws::until;
use crate::common::*;
use serde_json::json;

#[tokio::test]
async fn notes_stay_with_representatives_and_invitations_let_a_colleague_join() {
    let server = TestServer::start_demo().await;
    let admin = RepClient::login(&server, "demo-admin", DEMO_PASSWORD).await;
    let john = RepClient::login(&server, "john", DEMO_PASSWORD).await;
    let (_, body) = start_json(&server, &[("short_key", "8347482"), ("c2cjs", "1")]).await;
    let lsid = body["lsid"].as_str().unwrap().to_string();
    let mut cws = customer_ws(&server, &token_of(&body), 0).await;
    admin
        .post(&format!("/api/rep/sessions/{lsid}/accept"), json!({}))
        .await;
    let (s, _) = admin
        .post(
            &format!("/api/rep/sessions/{lsid}/notes"),
            json!({"text": "customer seems upset"}),
        )
        .await;
    assert_eq!(s, 200);
    let (s, _) = john
        .post(&format!("/api/rep/sessions/{lsid}/join"), json!({}))
        .await;
    assert_eq!(s, 403, "not invited yet");
    let (s, _) = admin
        .post(
            &format!("/api/rep/sessions/{lsid}/invite"),
            json!({"rep_id": 12}),
        )
        .await;
    assert_eq!(s, 200);
    let (s, _) = john
        .post(&format!("/api/rep/sessions/{lsid}/join"), json!({}))
        .await;
    assert_eq!(s, 200);
    let (s, _) = john
        .post(
            &format!("/api/rep/sessions/{lsid}/messages"),
            json!({"id": "j1", "text": "John here"}),
        )
        .await;
    assert_eq!(s, 200);
    let (_, mine) = john.get("/api/rep/sessions").await;
    assert_eq!(mine["sessions"][0]["lsid"], lsid.as_str());
    // The customer saw the invitation, John joining and his message, never the note.
    let mut kinds = Vec::new();
    for _ in 0..12 {
        let m = next_json(&mut cws).await;
        if m["type"] == "event" {
            kinds.push(m["kind"].as_str().unwrap().to_string());
            assert_ne!(m["kind"], "note", "{m}");
            if m["kind"] == "chat_message" {
                break;
            }
        }
    }
    assert!(kinds.contains(&"member_invited".to_string()), "{kinds:?}");
    assert_eq!(
        kinds.iter().filter(|k| *k == "member_joined").count(),
        2,
        "{kinds:?}"
    );
    let (s, _) = john
        .post(&format!("/api/rep/sessions/{lsid}/leave"), json!({}))
        .await;
    assert_eq!(s, 200);
}

#[tokio::test]
async fn a_transfer_hands_the_session_over_and_hidden_fields_stay_hidden() {
    let server = TestServer::start_demo().await;
    let admin = RepClient::login(&server, "demo-admin", DEMO_PASSWORD).await;
    let john = RepClient::login(&server, "john", DEMO_PASSWORD).await;
    let secret_field = server
        .store
        .create_custom_field("internal_score", "Score", false)
        .await
        .unwrap();
    let _ = secret_field;
    let (_, body) = start_json(
        &server,
        &[
            ("short_key", "8347482"),
            ("session.custom.internal_score", "9"),
            ("session.custom.custom_field1", "shown"),
        ],
    )
    .await;
    let lsid = body["lsid"].as_str().unwrap().to_string();
    admin
        .post(&format!("/api/rep/sessions/{lsid}/accept"), json!({}))
        .await;
    let (_, mine) = admin.get("/api/rep/sessions").await;
    let attrs = &mine["sessions"][0]["attributes"];
    assert_eq!(attrs["custom_field1"], "shown");
    assert!(
        attrs.get("internal_score").is_none(),
        "hidden from representatives: {attrs}"
    );
    admin
        .post(
            &format!("/api/rep/sessions/{lsid}/transfer"),
            json!({"queue": "rep:12"}),
        )
        .await;
    let (s, _) = john
        .post(&format!("/api/rep/sessions/{lsid}/accept"), json!({}))
        .await;
    assert_eq!(s, 200);
    let (_, mine) = admin.get("/api/rep/sessions").await;
    assert!(
        mine["sessions"].as_array().unwrap().is_empty(),
        "the previous owner no longer works it"
    );
    let (s, _) = admin
        .post(
            &format!("/api/rep/sessions/{lsid}/messages"),
            json!({"id": "x", "text": "still here?"}),
        )
        .await;
    assert_eq!(s, 403);
    john.post(&format!("/api/rep/sessions/{lsid}/end"), json!({}))
        .await;
    // The previous owner's history links to it, and its log is readable.
    let (_, hist) = admin.get("/api/rep/history").await;
    assert_eq!(hist["sessions"][0]["lsid"], lsid.as_str());
    let (s, _) = admin.get(&format!("/api/rep/sessions/{lsid}/events")).await;
    assert_eq!(s, 200);
}

/// The console stops streaming a session at the event that took it from the representative:
/// the new owner's accept and chat, even within the socket's queue debounce, never reach the
/// previous owner's console.
#[tokio::test]
async fn after_a_transfer_the_previous_owners_console_gets_nothing_past_it() {
    let server = TestServer::start_demo().await;
    let admin = RepClient::login(&server, "demo-admin", DEMO_PASSWORD).await;
    let john = RepClient::login(&server, "john", DEMO_PASSWORD).await;
    let mut console = console_ws(&server, "demo-admin").await;
    let (_, body) = start_json(&server, &[("short_key", "8347482"), ("c2cjs", "1")]).await;
    let lsid = body["lsid"].as_str().unwrap().to_string();
    let at = |p: &str| format!("/api/rep/sessions/{lsid}/{p}");
    assert_eq!(admin.post(&at("accept"), json!({})).await.0, 200);
    until(&mut console, |m| {
        m["type"] == "event" && m["lsid"] == lsid.as_str()
    })
    .await;
    // Transfer, John's accept and his message follow each other at once.
    let (s, _) = admin
        .post(&at("transfer"), json!({"queue": "rep:12"}))
        .await;
    assert_eq!(s, 200);
    assert_eq!(john.post(&at("accept"), json!({})).await.0, 200);
    let (s, _) = john
        .post(&at("messages"), json!({"id": "j1", "text": "John here"}))
        .await;
    assert_eq!(s, 200);
    let mut kinds = Vec::new();
    let quiet = tokio::time::Instant::now() + std::time::Duration::from_millis(1500);
    while let Ok(m) = tokio::time::timeout_at(quiet, next_json(&mut console)).await {
        if m["type"] == "event" {
            kinds.push(m["kind"].as_str().unwrap_or_default().to_string());
        }
    }
    assert_eq!(
        kinds.last().map(String::as_str),
        Some("transferred"),
        "the previous owner's console streams up to the transfer and no further: {kinds:?}"
    );
}
