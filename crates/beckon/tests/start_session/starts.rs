//! Starting a session by key, issue, representative or none, and what the session records.

use crate::common::reps::{start_json, RepClient};
use crate::common::{TestServer, DEMO_PASSWORD};
use crate::{expect_error, session};
use beckon::domain::ids::UserId;
use serde_json::Value;

#[tokio::test]
async fn session_key_routes_to_the_keys_representative() {
    let server = TestServer::start_demo().await;
    let (status, body) = start_json(
        &server,
        &[("short_key", "1728331"), ("customer.name", "Ann")],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["queue"], "rep:30");
    assert_eq!(body["start_type"], "full");
    let s = session(&server, &body).await;
    assert_eq!(s.queue, beckon::domain::session::Queue::Rep(UserId(30)));
    assert_eq!(s.customer.name, "Ann");
    assert_eq!(
        s.state,
        beckon::domain::session::SessionState::AwaitingClient
    );
    assert_eq!(
        s.start_method,
        beckon::domain::session::StartMethod::SessionKey
    );
    // One-time: the same key again is refused as used (410).
    let (status, body) = start_json(&server, &[("short_key", "1728331")]).await;
    assert_eq!(status, 410);
    assert_eq!(body["error"]["code"], "used_session_key");
    assert_eq!(body["error"]["field"], "short_key");
}

#[tokio::test]
async fn form_posts_and_the_reference_issue_form_names() {
    let server = TestServer::start_demo().await;
    let (status, body) = start_json(
        &server,
        &[
            ("codeName", "Other"),
            ("skills", "skill1,skill2"),
            ("customer.name", "Customer Name"),
            ("customer.company", "Company Name"),
            ("customer.company_code", "Company Code"),
            ("customer.details", "Issue Details"),
            ("session.custom.external_key", "abc123"),
            ("session.custom.custom_field1", "Custom Value"),
            ("session.custom.custom_field2", "123"),
            ("session.custom.not_configured", "ignored"),
            ("unrelated", "ignored too"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let s = session(&server, &body).await;
    assert_eq!(
        s.queue,
        beckon::domain::session::Queue::Team(beckon::domain::ids::TeamId(2))
    );
    assert_eq!(s.issue_id, Some(beckon::domain::ids::IssueId(13)));
    assert_eq!(s.skills, vec!["skill1", "skill2"]);
    assert_eq!(s.customer.company_code, "Company Code");
    assert_eq!(s.customer.details, "Issue Details");
    assert_eq!(s.external_key, "abc123");
    assert_eq!(
        s.attributes.get("custom_field1").map(String::as_str),
        Some("Custom Value")
    );
    assert_eq!(
        s.attributes.get("custom_field2").map(String::as_str),
        Some("123")
    );
    assert!(!s.attributes.contains_key("not_configured"));

    // Issue by id, legacy names, locale and chat extras.
    let (status, body) = start_json(
        &server,
        &[
            ("issue_menu", "1"),
            ("id", "12"),
            ("customer_name", "Old"),
            ("customer_desc", "legacy"),
            ("external_key", "X1"),
            ("locale", "fi"),
            ("c2cjs", "1"),
            ("timezone_offset", "120"),
            ("session.skills", "skill2"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["start_type"], "chat");
    let s = session(&server, &body).await;
    assert_eq!(s.issue_id, Some(beckon::domain::ids::IssueId(12)));
    assert_eq!(s.customer.name, "Old");
    assert_eq!(s.customer.details, "legacy");
    assert_eq!(s.external_key, "X1");
    assert_eq!(s.locale.code(), "fi");
    assert_eq!(s.skills, vec!["skill2"]);
    assert_eq!(s.timezone_offset, Some(120));

    // No selector: the general queue; unknown locale falls back to the default.
    let (status, body) = start_json(&server, &[("locale", "xx-yy")]).await;
    assert_eq!(status, 200);
    assert_eq!(body["queue"], "general");
    assert_eq!(body["locale"], "en-us");
}

#[tokio::test]
async fn page_url_and_client_ip_are_recorded() {
    let server = TestServer::start_demo().await;
    let r = server
        .client
        .post(server.at("/api/start_session"))
        .header("accept", "application/json")
        .header("referer", "https://shop.example/help?x=1")
        .form(&[("short_key", "8347482")])
        .send()
        .await
        .unwrap();
    let body: Value = r.json().await.unwrap();
    let s = session(&server, &body).await;
    assert_eq!(s.page_url, "https://shop.example/help?x=1");
    assert_eq!(s.client_ip, "127.0.0.1");
    let events = server.store.events_after(s.id, 0, 10).await.unwrap();
    assert_eq!(events[0].kind, "created");
    assert_eq!(events[0].seq, 1);
}

#[tokio::test]
async fn rep_selector_needs_the_rep_logged_in_and_available() {
    let server = TestServer::start_demo().await;
    let rep = RepClient::login(&server, "demo-admin", DEMO_PASSWORD).await;
    expect_error(
        &server,
        &[("id", "30"), ("name", "Admin")],
        409,
        "rep_not_available",
    )
    .await;
    rep.available().await;
    let (s, body) = start_json(&server, &[("id", "30"), ("name", "admin"), ("c2cjs", "1")]).await;
    assert_eq!(s, 200, "{body}");
    assert_eq!(body["queue"], "rep:30");
    assert_eq!(body["start_type"], "chat");
}

#[tokio::test]
async fn the_start_answer_carries_the_configured_app_store_links() {
    let server = TestServer::start_demo().await;
    let (_, body) = start_json(&server, &[]).await;
    assert!(body["app_store_urls"]["ios"].is_null());
    server
        .store
        .set_setting("app_store_url_ios", "https://apps.apple.com/app/beckon")
        .await
        .unwrap();
    let (_, body) = start_json(&server, &[]).await;
    assert_eq!(
        body["app_store_urls"]["ios"],
        "https://apps.apple.com/app/beckon"
    );
}
