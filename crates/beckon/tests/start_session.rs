//! Issue 3: the URL API, validation, sessions, session keys and throttling.

mod common;

use beckon::domain::ids::UserId;
use common::reps::*;
use common::*;
use serde_json::Value;

async fn session(server: &TestServer, body: &Value) -> beckon::domain::session::SupportSession {
    server
        .store
        .session_by_lsid(body["lsid"].as_str().unwrap())
        .await
        .unwrap()
        .unwrap()
}

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
async fn browsers_are_redirected_to_the_sessions_page() {
    let server = TestServer::start_demo().await;
    // c2cjs=1: the chat page.
    let r = server
        .get("/api/start_session?short_key=8347482&c2cjs=1")
        .await;
    assert_eq!(r.status(), 303);
    let loc = r.headers()["location"].to_str().unwrap().to_string();
    assert!(loc.starts_with(&format!("{}/chat/", server.url)), "{loc}");
    let page = server.client.get(&loc).send().await.unwrap();
    assert_eq!(page.status(), 200);
    // Framable by the site itself and the allowed origins only (tests/security_headers.rs).
    assert!(page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("frame-ancestors 'self';"));
    let html = page.text().await.unwrap();
    assert!(html.contains("/assets/js/chat.js") && html.contains("chat-strings"));
    // Without c2cjs: the download page, in the customer's language, saying no client is installed.
    let r = server
        .client
        .get(server.at("/api/start_session.ns?short_key=1728331"))
        .header("accept-language", "de-DE,de;q=0.9")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let loc = r.headers()["location"].to_str().unwrap().to_string();
    assert!(loc.contains("/download/"), "{loc}");
    let html = server
        .client
        .get(&loc)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("lang=\"de\""), "{html}");
    assert!(html.contains("id=\"chat-instead\""));
    // download=1 answers the client file; none is installed, so a clear 404 page.
    let r = server
        .get("/api/start_session?short_key=8679485&download=1")
        .await;
    let loc = r.headers()["location"].to_str().unwrap().to_string();
    assert!(loc.ends_with("/file"));
    assert_eq!(server.client.get(&loc).send().await.unwrap().status(), 404);
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

async fn expect_error(
    server: &TestServer,
    params: &[(&str, &str)],
    status: u16,
    code: &str,
) -> Value {
    let (s, body) = start_json(server, params).await;
    assert_eq!(s, status, "{params:?} -> {body}");
    assert_eq!(body["error"]["code"], code, "{body}");
    assert!(!body["error"]["message"].as_str().unwrap().is_empty());
    body
}

#[tokio::test]
async fn every_validation_error_is_specific() {
    let server = TestServer::start_demo().await;
    expect_error(
        &server,
        &[("short_key", "1728331"), ("id", "30"), ("name", "Admin")],
        400,
        "multiple_selectors",
    )
    .await;
    expect_error(
        &server,
        &[("issue_menu", "1"), ("id", "12"), ("codeName", "Other")],
        400,
        "both_issue_identifiers",
    )
    .await;
    expect_error(&server, &[("id", "30")], 400, "rep_needs_id_and_name").await;
    let b = expect_error(
        &server,
        &[("id", "thirty"), ("name", "Admin")],
        400,
        "not_an_integer",
    )
    .await;
    assert_eq!(b["error"]["field"], "id");
    expect_error(
        &server,
        &[("id", "999"), ("name", "Nobody")],
        404,
        "unknown_rep",
    )
    .await;
    expect_error(
        &server,
        &[("id", "30"), ("name", "John")],
        404,
        "unknown_rep",
    )
    .await;
    expect_error(
        &server,
        &[("id", "30"), ("name", "Admin")],
        409,
        "rep_not_available",
    )
    .await;
    expect_error(
        &server,
        &[("issue_menu", "1"), ("id", "777")],
        404,
        "unknown_issue",
    )
    .await;
    expect_error(&server, &[("codeName", "nope")], 404, "unknown_issue").await;
    expect_error(
        &server,
        &[("short_key", "12ab")],
        400,
        "malformed_session_key",
    )
    .await;
    expect_error(
        &server,
        &[("short_key", "0000000")],
        404,
        "unknown_session_key",
    )
    .await;
    expect_error(&server, &[("c2cjs", "perhaps")], 400, "invalid_value").await;
}

#[tokio::test]
async fn field_limits_name_the_field() {
    let server = TestServer::start_demo().await;
    let long = "x".repeat(101);
    let b = expect_error(&server, &[("customer.name", &long)], 400, "too_long").await;
    assert_eq!(b["error"]["field"], "customer.name");
    assert!(b["error"]["message"].as_str().unwrap().contains("100"));
    for f in ["customer.company", "customer.company_code"] {
        let b = expect_error(&server, &[(f, &long)], 400, "too_long").await;
        assert_eq!(b["error"]["field"], f);
    }
    assert_eq!(
        start_json(&server, &[("customer.name", &"x".repeat(100))])
            .await
            .0,
        200
    );
    let b = expect_error(
        &server,
        &[("customer.details", &"é".repeat(513))],
        400,
        "too_long",
    )
    .await;
    assert_eq!(b["error"]["field"], "customer.details");
    assert_eq!(
        start_json(&server, &[("customer.details", &"é".repeat(512))])
            .await
            .0,
        200
    );
    let b = expect_error(
        &server,
        &[("session.custom.custom_field1", &"v".repeat(1025))],
        400,
        "too_long",
    )
    .await;
    assert_eq!(b["error"]["field"], "session.custom.custom_field1");
    // Together under 10 KB: with many configured fields, 11 values of 1000 bytes are too many.
    for i in 3..=12 {
        server
            .store
            .create_custom_field(&format!("custom_field{i}"), "F", true)
            .await
            .unwrap();
    }
    let values: Vec<(String, String)> = (1..=11)
        .map(|i| (format!("session.custom.custom_field{i}"), "v".repeat(1000)))
        .collect();
    let params: Vec<(&str, &str)> = values
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    expect_error(&server, &params, 400, "custom_fields_too_large").await;
    // An unconfigured field is ignored whatever its size (the body limit still bounds it).
    assert_eq!(
        start_json(
            &server,
            &[("session.custom.unknown_field", &"v".repeat(5000))]
        )
        .await
        .0,
        200
    );
}

#[tokio::test]
async fn errors_are_pages_in_the_customers_language() {
    let server = TestServer::start_demo().await;
    let en = server.get("/api/start_session?short_key=0000000").await;
    assert_eq!(en.status(), 404);
    assert!(en.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let en = en.text().await.unwrap();
    let de = server
        .client
        .get(server.at("/api/start_session?short_key=0000001"))
        .header("accept-language", "de")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let ja = server
        .get("/api/start_session?short_key=0000002&locale=ja")
        .await
        .text()
        .await
        .unwrap();
    assert!(en.contains("lang=\"en-US\""), "{en}");
    assert!(de.contains("lang=\"de\""));
    assert!(ja.contains("lang=\"ja\""));
    let msg = |h: &str| {
        h.split("id=\"error-message\">")
            .nth(1)
            .unwrap()
            .split('<')
            .next()
            .unwrap()
            .to_string()
    };
    assert_ne!(msg(&en), msg(&de));
    assert_ne!(msg(&en), msg(&ja));
}

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
async fn cors_follows_the_allowed_origins() {
    let server = TestServer::start_demo().await;
    let ask = |origin: &'static str| {
        server
            .client
            .post(server.at("/api/start_session"))
            .header("origin", origin)
            .header("accept", "application/json")
            .form(&[("issue_menu", "1"), ("id", "12")])
            .send()
    };
    let r = ask("https://anyone.example").await.unwrap();
    assert_eq!(
        r.headers()["access-control-allow-origin"],
        "https://anyone.example",
        "any origin by default"
    );
    server
        .store
        .set_setting(
            beckon::domain::settings::ALLOWED_ORIGINS,
            "https://shop.example",
        )
        .await
        .unwrap();
    let r = ask("https://shop.example").await.unwrap();
    assert_eq!(
        r.headers()["access-control-allow-origin"],
        "https://shop.example"
    );
    let r = ask("https://evil.example").await.unwrap();
    assert!(
        r.headers().get("access-control-allow-origin").is_none(),
        "refused origins get no CORS grant"
    );
    let js = server.get("/api/start_session.js").await;
    assert_eq!(js.status(), 200);
    assert!(js.headers()["content-type"]
        .to_str()
        .unwrap()
        .contains("javascript"));
    assert!(js.headers().contains_key("etag"));
    let gz = server
        .client
        .get(server.at("/api/start_session.js"))
        .header("accept-encoding", "br")
        .send()
        .await
        .unwrap();
    assert_eq!(
        gz.headers()
            .get("content-encoding")
            .map(|v| v.to_str().unwrap()),
        Some("br")
    );
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
