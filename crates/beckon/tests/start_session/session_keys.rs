//! Session keys: expiry, throttling of wrong guesses, and keys representatives generate.

use crate::common::reps::{start_json, RepClient};
use crate::common::{TestServer, DEMO_PASSWORD};
use crate::{expect_error, session};
use beckon::domain::ids::UserId;
use serde_json::Value;

#[tokio::test]
async fn expired_keys_are_gone() {
    let server = TestServer::start_demo().await;
    let now = beckon::domain::time::now_ms();
    server
        .store
        .create_session_key(beckon::domain::session_key::NewSessionKey {
            short_key: "5550001".into(),
            rep_id: Some(UserId(30)),
            target: beckon::domain::session_key::KeyTarget::Rep(UserId(30)),
            start_type: beckon::domain::session::StartType::Chat,
            external_key: String::new(),
            attributes: Default::default(),
            created_at: now - 10_000,
            expires_at: now - 1,
        })
        .await
        .unwrap();
    expect_error(
        &server,
        &[("short_key", "5550001")],
        410,
        "expired_session_key",
    )
    .await;
}

#[tokio::test]
async fn wrong_keys_are_throttled_per_address() {
    let server = TestServer::start_demo().await;
    for i in 0..10 {
        let (s, _) = start_json(&server, &[("short_key", &format!("99900{i:02}"))]).await;
        assert_eq!(s, 404);
    }
    let r = server
        .client
        .post(server.at("/api/start_session"))
        .header("accept", "application/json")
        .form(&[("short_key", "1728331")])
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.status(),
        429,
        "even a right key waits once the budget is spent"
    );
    let retry: u64 = r.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry > 500 && retry <= 600, "{retry}");
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"]["code"], "too_many_attempts");
    // Other selectors are not throttled.
    assert_eq!(
        start_json(&server, &[("issue_menu", "1"), ("id", "12")])
            .await
            .0,
        200
    );
}

#[tokio::test]
async fn representatives_generate_one_time_keys() {
    let server = TestServer::start_demo().await;
    let rep = RepClient::login(&server, "john", DEMO_PASSWORD).await;
    let (s, key) = rep.post("/api/rep/session-keys", serde_json::json!({"ttl_secs": 600, "external_key": "T-1", "attributes": {"custom_field1": "preset"}})).await;
    assert_eq!(s, 201, "{key}");
    let digits = key["short_key"].as_str().unwrap().to_string();
    assert!(digits.len() == 7 && digits.chars().all(|c| c.is_ascii_digit()));
    assert!(key["key_url"]
        .as_str()
        .unwrap()
        .ends_with(&format!("/api/start_session?short_key={digits}")));
    assert!(key["mail_body"].as_str().unwrap().contains(&digits));
    let (s, _) = rep
        .post(
            "/api/rep/session-keys",
            serde_json::json!({"ttl_secs": 3 * 3600}),
        )
        .await;
    assert_eq!(s, 400, "over the 2-hour maximum");
    let (s, _) = rep
        .post(
            "/api/rep/session-keys",
            serde_json::json!({"attributes": {"nope": "x"}}),
        )
        .await;
    assert_eq!(s, 400, "unknown custom field");
    let (s, list) = rep.get("/api/rep/session-keys").await;
    assert_eq!(s, 200);
    assert_eq!(list["keys"].as_array().unwrap().len(), 1);

    let (s, body) = start_json(
        &server,
        &[
            ("short_key", &digits),
            ("session.custom.custom_field1", "from page"),
        ],
    )
    .await;
    assert_eq!(s, 200);
    let sess = session(&server, &body).await;
    assert_eq!(sess.queue, beckon::domain::session::Queue::Rep(UserId(12)));
    assert_eq!(sess.external_key, "T-1");
    assert_eq!(sess.attributes["custom_field1"], "preset");
    assert_eq!(
        body["start_type"], "chat",
        "the key's start type applies when the request has none"
    );
    expect_error(&server, &[("short_key", &digits)], 410, "used_session_key").await;

    // Without the CSRF header, nothing changes.
    let r = rep
        .client
        .post(server.at("/api/rep/session-keys"))
        .json(&serde_json::json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    // Without a login, 401.
    let r = server
        .client
        .get(server.at("/api/rep/session-keys"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
}
