//! Issue 8 (partly): OAuth2 client credentials and the command API in XML and JSON.

mod common;

use base64::Engine;
use beckon::domain::admin::site;
use common::reps::*;
use common::*;
use serde_json::Value;

async fn account(server: &TestServer, command: &str) -> (String, String) {
    let c = site::create_api_account(server.store.as_ref(), "test", "CRM", command, true)
        .await
        .unwrap();
    (c.account.client_id, c.client_secret)
}

async fn token(server: &TestServer, id: &str, secret: &str) -> String {
    let r = server
        .client
        .post(server.at("/oauth2/token"))
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", id),
            ("client_secret", secret),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 3600);
    body["access_token"].as_str().unwrap().to_string()
}

/// Parses an XML answer fully (it must be well-formed) and returns it.
async fn xml(r: reqwest::Response) -> (u16, String) {
    let status = r.status().as_u16();
    let text = r.text().await.unwrap();
    let mut reader = quick_xml::Reader::from_str(&text);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed XML: {e}\n{text}"),
        }
    }
    (status, text)
}

#[tokio::test]
async fn oauth_tokens_follow_rfc_6749_and_die_with_their_secret() {
    let server = TestServer::start_demo().await;
    let (id, secret) = account(&server, "full").await;
    // Form fields and HTTP Basic both work.
    let t1 = token(&server, &id, &secret).await;
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("{id}:{secret}"));
    let r = server
        .client
        .post(server.at("/oauth2/token"))
        .header("authorization", format!("Basic {basic}"))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let r = server
        .client
        .post(server.at("/oauth2/token"))
        .form(&[("grant_type", "password")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    assert_eq!(
        r.json::<Value>().await.unwrap()["error"],
        "unsupported_grant_type"
    );
    let r = server
        .client
        .post(server.at("/oauth2/token"))
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", id.as_str()),
            ("client_secret", "wrong"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    assert_eq!(r.json::<Value>().await.unwrap()["error"], "invalid_client");
    let call = |t: &str| {
        server
            .client
            .get(server.at("/api/command?action=get_api_info"))
            .bearer_auth(t)
            .send()
    };
    assert_eq!(call(&t1).await.unwrap().status(), 200);
    assert_eq!(call("0".repeat(64).as_str()).await.unwrap().status(), 401);
    assert_eq!(
        server
            .get("/api/command?action=get_api_info")
            .await
            .status(),
        401
    );
    // Regenerating the secret kills the old token.
    let account_id = server
        .store
        .api_account_by_client_id(&id)
        .await
        .unwrap()
        .unwrap()
        .id;
    site::regenerate_api_secret(server.store.as_ref(), "test", account_id)
        .await
        .unwrap();
    assert_eq!(call(&t1).await.unwrap().status(), 401);
}

#[tokio::test]
async fn permissions_are_enforced_per_action() {
    let server = TestServer::start_demo().await;
    let (rid, rsecret) = account(&server, "read_only").await;
    let read = token(&server, &rid, &rsecret).await;
    let r = server
        .client
        .get(server.at("/api/command?action=get_support_teams"))
        .bearer_auth(&read)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let r = server
        .client
        .get(server.at("/api/command?action=generate_session_key&type=support&queue_id=rep:30"))
        .bearer_auth(&read)
        .send()
        .await
        .unwrap();
    let (status, text) = xml(r).await;
    assert_eq!(status, 403);
    assert!(
        text.contains("<error") && text.contains("read-only"),
        "{text}"
    );
    let (nid, nsecret) = account(&server, "none").await;
    let none = token(&server, &nid, &nsecret).await;
    let r = server
        .client
        .get(server.at("/api/command?action=get_api_info"))
        .bearer_auth(&none)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    // The legacy username/password works for users with the command-API permission only.
    let r = server
        .get(&format!(
            "/api/command?action=get_api_info&username=demo-admin&password={DEMO_PASSWORD}"
        ))
        .await;
    assert_eq!(r.status(), 200);
    let r = server
        .get(&format!(
            "/api/command?action=get_api_info&username=john&password={DEMO_PASSWORD}"
        ))
        .await;
    assert_eq!(r.status(), 401);
}

#[tokio::test]
async fn command_actions_in_xml_and_json() {
    let server = TestServer::start_demo().await;
    let (id, secret) = account(&server, "full").await;
    let t = token(&server, &id, &secret).await;
    let get = |q: String| {
        server
            .client
            .get(server.at(&format!("/api/command?{q}")))
            .bearer_auth(&t)
            .send()
    };
    let (_, teams) = xml(get("action=get_support_teams&showmembers=1".into())
        .await
        .unwrap())
    .await;
    assert!(teams.contains("xmlns=\"http://www.bomgar.com/namespaces/API/command\""));
    assert!(
        teams.contains("<issue id=\"12\"><code_name>printing</code_name>"),
        "{teams}"
    );
    assert!(teams.contains("<member id=\"30\">"), "{teams}");
    let rep = RepClient::login(&server, "john", DEMO_PASSWORD).await;
    rep.available().await;
    let (_, reps) = xml(get("action=get_logged_in_reps".into()).await.unwrap()).await;
    assert!(
        reps.contains("<rep id=\"12\"><public_display_name>John</public_display_name>"),
        "{reps}"
    );
    assert!(
        reps.contains("/api/start_session?id=12&amp;name=John"),
        "{reps}"
    );
    let json: Value = server
        .client
        .get(server.at("/api/command/v2?action=get_logged_in_reps"))
        .bearer_auth(&t)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        json["logged_in_reps"]["rep"][0]["public_display_name"],
        "John"
    );

    let (s, key) = xml(get("action=generate_session_key&type=support&queue_id=rep_username:john&ttl=600&external_key=CASE-9".into()).await.unwrap()).await;
    assert_eq!(s, 200, "{key}");
    let digits = key.split("<short_key>").nth(1).unwrap()[..7].to_string();
    let (st, body) = start_json(&server, &[("short_key", &digits), ("c2cjs", "1")]).await;
    assert_eq!(st, 200);
    let lsid = body["lsid"].as_str().unwrap().to_string();
    assert_eq!(
        server
            .store
            .session_by_lsid(&lsid)
            .await
            .unwrap()
            .unwrap()
            .external_key,
        "CASE-9"
    );

    let hostile = "</x><script>alert(1)</script>&\"'\u{7}";
    let form = [
        ("action", "set_session_attributes"),
        ("lsid", lsid.as_str()),
        ("session.custom.custom_field1", hostile),
    ];
    let r = server
        .client
        .post(server.at("/api/command"))
        .bearer_auth(&t)
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(xml(r).await.0, 200);
    let (_, attrs) = xml(get(format!("action=get_session_attributes&lsid={lsid}"))
        .await
        .unwrap())
    .await;
    assert!(attrs.contains("code_name=\"custom_field1\""), "{attrs}");
    assert!(attrs.contains("&lt;/x&gt;&lt;script&gt;"), "{attrs}");
    // An empty value clears; an omitted one keeps.
    let form = [
        ("action", "set_session_attributes"),
        ("lsid", lsid.as_str()),
        ("session.custom.custom_field1", ""),
    ];
    server
        .client
        .post(server.at("/api/command"))
        .bearer_auth(&t)
        .form(&form)
        .send()
        .await
        .unwrap();
    let s = server.store.session_by_lsid(&lsid).await.unwrap().unwrap();
    assert!(!s.attributes.contains_key("custom_field1"));
    assert_eq!(s.external_key, "CASE-9");

    let (st, _) = xml(get(format!(
        "action=send_chat_message&lsid={lsid}&message=hello%20from%20CRM"
    ))
    .await
    .unwrap())
    .await;
    assert_eq!(st, 200);
    let (st, _) = xml(get(format!(
        "action=transfer_session&lsid={lsid}&queue_id=team:1"
    ))
    .await
    .unwrap())
    .await;
    assert_eq!(st, 200);
    assert_eq!(
        server
            .store
            .session_by_lsid(&lsid)
            .await
            .unwrap()
            .unwrap()
            .queue
            .api_id(),
        "team:1"
    );
    let (st, _) = xml(get(format!("action=terminate_session&lsid={lsid}"))
        .await
        .unwrap())
    .await;
    assert_eq!(st, 200);
    let (st, again) = xml(get(format!("action=terminate_session&lsid={lsid}"))
        .await
        .unwrap())
    .await;
    assert_eq!(st, 409, "{again}");
    let (st, unknown) = xml(get("action=launch_rockets".into()).await.unwrap()).await;
    assert_eq!(st, 400);
    assert!(unknown.contains("unknown action"));
    let (st, _) = xml(get("action=get_session_attributes&lsid=nope".into())
        .await
        .unwrap())
    .await;
    assert_eq!(st, 404);
}

#[tokio::test]
async fn reports_cover_sessions_with_their_events_and_stream_large_ranges() {
    let server = TestServer::start_demo().await;
    let (id, secret) =
        site::create_api_account(server.store.as_ref(), "t", "Reports", "read_only", true)
            .await
            .map(|c| (c.account.client_id, c.client_secret))
            .unwrap();
    let t = token(&server, &id, &secret).await;
    let (nid, nsecret) =
        site::create_api_account(server.store.as_ref(), "t", "NoReports", "full", false)
            .await
            .map(|c| (c.account.client_id, c.client_secret))
            .unwrap();
    let no = token(&server, &nid, &nsecret).await;
    let rep = RepClient::login(&server, "john", DEMO_PASSWORD).await;
    let (_, body) = start_json(
        &server,
        &[
            ("issue_menu", "1"),
            ("id", "12"),
            ("customer.name", "Ann <&>"),
            ("external_key", "K-1"),
        ],
    )
    .await;
    let lsid = body["lsid"].as_str().unwrap().to_string();
    rep.post(
        &format!("/api/rep/sessions/{lsid}/accept"),
        serde_json::json!({}),
    )
    .await;
    rep.post(
        &format!("/api/rep/sessions/{lsid}/messages"),
        serde_json::json!({"id": "1", "text": "hi <there>"}),
    )
    .await;
    rep.post(
        &format!("/api/rep/sessions/{lsid}/end"),
        serde_json::json!({}),
    )
    .await;

    let r = server
        .client
        .get(server.at(&format!(
            "/api/reporting?generate_report=SupportSession&lsid={lsid}"
        )))
        .bearer_auth(&no)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    let r = server
        .client
        .get(server.at(&format!(
            "/api/reporting?generate_report=SupportSession&lsid={lsid}"
        )))
        .bearer_auth(&t)
        .send()
        .await
        .unwrap();
    let (s, doc) = xml(r).await;
    assert_eq!(s, 200);
    assert!(doc.contains("xmlns=\"http://www.bomgar.com/namespaces/API/reporting\""));
    assert!(
        doc.contains("<username>Ann &lt;&amp;&gt;</username>"),
        "{doc}"
    );
    assert!(doc.contains("<external_key>K-1</external_key>"));
    assert!(doc.contains("<display_name>John</display_name>"));
    assert!(doc.contains("<body>hi &lt;there&gt;</body>"), "{doc}");
    let created = doc.find("event_type=\"created\"").unwrap();
    let joined = doc.find("event_type=\"member_joined\"").unwrap();
    let chat = doc.find("event_type=\"chat_message\"").unwrap();
    assert!(created < joined && joined < chat, "events in order");

    // A large range streams and stays well-formed.
    for _ in 0..150 {
        start_json(&server, &[]).await;
    }
    let today = beckon::domain::time::rfc3339(beckon::domain::time::now_ms())[..10].to_string();
    let r = server
        .client
        .get(server.at(&format!(
            "/api/reporting?generate_report=SupportSessionListing&start_date={today}&duration=0"
        )))
        .bearer_auth(&t)
        .send()
        .await
        .unwrap();
    assert!(
        r.headers().get("content-length").is_none(),
        "streamed, not buffered"
    );
    let (s, doc) = xml(r).await;
    assert_eq!(s, 200);
    assert_eq!(doc.matches("<session lsid=").count(), 151);
    let r = server
        .client
        .get(server.at("/api/reporting?generate_report=SupportSession&start_date=yesterday"))
        .bearer_auth(&t)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let r = server
        .client
        .get(server.at("/api/reporting?generate_report=SupportTeam"))
        .bearer_auth(&t)
        .send()
        .await
        .unwrap();
    let (s, teams) = xml(r).await;
    assert_eq!(s, 200);
    assert!(teams.contains("<support_team id=\"1\">"), "{teams}");
}

#[tokio::test]
async fn the_configuration_api_pages_creates_patches_and_deletes() {
    let server = TestServer::start().await;
    let (id, secret) = account(&server, "full").await;
    let t = token(&server, &id, &secret).await;
    let (rid, rsecret) = account(&server, "read_only").await;
    let ro = token(&server, &rid, &rsecret).await;
    let url = |p: &str| server.at(&format!("/api/config/v1/{p}"));
    let h = |r: &reqwest::Response, k: &str| r.headers()[k].to_str().unwrap().to_string();

    // Empty list: a bare empty array, one (empty) page.
    let r = server
        .client
        .get(url("custom-field"))
        .bearer_auth(&t)
        .send()
        .await
        .unwrap();
    assert_eq!(h(&r, "x-bt-pagination-total"), "0");
    assert_eq!(h(&r, "x-bt-pagination-last-page"), "1");
    assert_eq!(r.json::<Value>().await.unwrap(), serde_json::json!([]));

    for i in 0..4 {
        let r = server.client.post(url("skill")).bearer_auth(&t).json(&serde_json::json!({"code_name": format!("s{i}"), "display_name": format!("Skill {i}")})).send().await.unwrap();
        assert_eq!(r.status(), 201);
    }
    // An exact multiple of per_page.
    let r = server
        .client
        .get(url("skill?per_page=2&current_page=2"))
        .bearer_auth(&t)
        .send()
        .await
        .unwrap();
    assert_eq!(h(&r, "x-bt-pagination-last-page"), "2");
    assert_eq!(h(&r, "x-bt-pagination-per-page"), "2");
    assert_eq!(h(&r, "x-bt-pagination-current-page"), "2");
    let page: Value = r.json().await.unwrap();
    assert_eq!(
        page.as_array()
            .unwrap()
            .iter()
            .map(|s| s["code_name"].as_str().unwrap())
            .collect::<Vec<_>>(),
        vec!["s2", "s3"]
    );
    let r = server
        .client
        .get(url("skill?per_page=101"))
        .bearer_auth(&t)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let r = server
        .client
        .get(url("skill?per_page=3&current_page=9"))
        .bearer_auth(&t)
        .send()
        .await
        .unwrap();
    assert_eq!(r.json::<Value>().await.unwrap(), serde_json::json!([]));

    // Validated exactly as the administration pages: the field is named.
    let r = server
        .client
        .post(url("team"))
        .bearer_auth(&t)
        .json(&serde_json::json!({"name": "Desk", "code_name": "Bad Code"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    assert_eq!(
        r.json::<Value>().await.unwrap()["error"]["field"],
        "code_name"
    );
    let r = server
        .client
        .post(url("team"))
        .bearer_auth(&t)
        .json(
            &serde_json::json!({"name": "Desk", "code_name": "desk", "routing_mode": "least_busy"}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let team: Value = r.json().await.unwrap();
    let team_id = team["id"].as_i64().unwrap();
    let r = server
        .client
        .patch(url(&format!("team/{team_id}")))
        .bearer_auth(&t)
        .json(&serde_json::json!({"comments": "first line"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let patched: Value = r.json().await.unwrap();
    assert_eq!(
        (
            patched["comments"].as_str(),
            patched["routing_mode"].as_str(),
            patched["name"].as_str()
        ),
        (Some("first line"), Some("least_busy"), Some("Desk"))
    );

    let r = server.client.post(url("user")).bearer_auth(&t).json(&serde_json::json!({"username": "zed", "public_display_name": "Zed", "password": "zed-password-1", "teams": [team_id], "skills": ["s1"]})).send().await.unwrap();
    assert_eq!(r.status(), 201);
    let user: Value = r.json().await.unwrap();
    assert_eq!(user["skills"], serde_json::json!(["s1"]));
    assert_eq!(user["teams"], serde_json::json!([team_id]));
    assert!(user.get("password_hash").is_none());
    let uid = user["id"].as_i64().unwrap();
    let r = server
        .client
        .patch(url(&format!("user/{uid}")))
        .bearer_auth(&t)
        .json(&serde_json::json!({"enabled": false}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.json::<Value>().await.unwrap()["enabled"], false);
    // Read-only accounts read but do not change.
    assert_eq!(
        server
            .client
            .get(url("user"))
            .bearer_auth(&ro)
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    assert_eq!(
        server
            .client
            .delete(url(&format!("user/{uid}")))
            .bearer_auth(&ro)
            .send()
            .await
            .unwrap()
            .status(),
        403
    );
    assert_eq!(
        server
            .client
            .delete(url(&format!("user/{uid}")))
            .bearer_auth(&t)
            .send()
            .await
            .unwrap()
            .status(),
        204
    );
    assert_eq!(
        server
            .client
            .get(url(&format!("user/{uid}")))
            .bearer_auth(&t)
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
    assert_eq!(
        server
            .client
            .get(url("widgets"))
            .bearer_auth(&t)
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
    assert_eq!(
        server
            .client
            .get(url("user"))
            .send()
            .await
            .unwrap()
            .status(),
        401
    );
    // The audit log names the API account.
    let audit = server.store.search_audit("api:", 50).await.unwrap();
    assert!(audit
        .iter()
        .any(|a| a.action == "user.delete" && a.actor == format!("api:{id}")));
}

#[tokio::test]
async fn generated_keys_route_to_any_queue_and_tokens_expire() {
    let server = TestServer::start_demo().await;
    let (id, secret) = account(&server, "full").await;
    let t = token(&server, &id, &secret).await;
    for (queue_id, expect, issue) in [
        ("general", "general", None),
        ("team:1", "team:1", None),
        ("issue:Other", "team:2", Some(13)),
    ] {
        let r = server
            .client
            .get(server.at(&format!(
                "/api/command?action=generate_session_key&type=support&queue_id={queue_id}"
            )))
            .bearer_auth(&t)
            .send()
            .await
            .unwrap();
        let (s, doc) = xml(r).await;
        assert_eq!(s, 200, "{doc}");
        let digits = doc.split("<short_key>").nth(1).unwrap()[..7].to_string();
        let (st, body) = start_json(&server, &[("short_key", &digits)]).await;
        assert_eq!(st, 200, "{body}");
        assert_eq!(body["queue"], expect);
        let s = server
            .store
            .session_by_lsid(body["lsid"].as_str().unwrap())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(s.issue_id.map(|i| i.0), issue);
    }
    let r = server
        .client
        .get(server.at("/api/command?action=generate_session_key&type=support&queue_id=team:99"))
        .bearer_auth(&t)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    // An expired token is refused.
    let account = server
        .store
        .api_account_by_client_id(&id)
        .await
        .unwrap()
        .unwrap();
    let old = "ab".repeat(32);
    let now = beckon::domain::time::now_ms();
    server
        .store
        .create_api_token(
            &beckon::domain::tokens::hash_token(&old),
            &account,
            now - 7_200_000,
            now - 1,
        )
        .await
        .unwrap();
    let r = server
        .client
        .get(server.at("/api/command?action=get_api_info"))
        .bearer_auth(&old)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
}

#[tokio::test]
async fn switching_the_api_off_stops_every_api_and_sign_ins_are_remembered() {
    let server = TestServer::start_demo().await;
    let (id, secret) = account(&server, "full").await;
    let t = token(&server, &id, &secret).await;
    server
        .store
        .set_setting(beckon::domain::settings::API_ENABLED, "0")
        .await
        .unwrap();
    let r = server
        .client
        .get(server.at("/api/command?action=get_api_info"))
        .bearer_auth(&t)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 503);
    let r = server
        .client
        .post(server.at("/oauth2/token"))
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", id.as_str()),
            ("client_secret", secret.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 503);
    assert_eq!(
        server
            .client
            .get(server.at("/api/config/v1/user"))
            .bearer_auth(&t)
            .send()
            .await
            .unwrap()
            .status(),
        503
    );
    server
        .store
        .set_setting(beckon::domain::settings::API_ENABLED, "1")
        .await
        .unwrap();
    assert_eq!(
        server
            .client
            .get(server.at("/api/command?action=get_api_info"))
            .bearer_auth(&t)
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    // A sign-in is remembered as the user's last authentication.
    assert!(server
        .store
        .user_by_username("john")
        .await
        .unwrap()
        .unwrap()
        .last_authentication
        .is_none());
    RepClient::login(&server, "john", DEMO_PASSWORD).await;
    assert!(server
        .store
        .user_by_username("john")
        .await
        .unwrap()
        .unwrap()
        .last_authentication
        .is_some());
}

#[tokio::test]
async fn every_read_action_answers_json_too() {
    let server = TestServer::start_demo().await;
    let (id, secret) = account(&server, "full").await;
    let t = token(&server, &id, &secret).await;
    let (_, body) = start_json(
        &server,
        &[("issue_menu", "1"), ("id", "12"), ("external_key", "J")],
    )
    .await;
    let lsid = body["lsid"].as_str().unwrap().to_string();
    let cases = [
        ("get_api_info".to_string(), "api_information"),
        ("check_health".to_string(), "appliances"),
        ("get_logged_in_reps".to_string(), "logged_in_reps"),
        (
            "get_support_teams&showmembers=1".to_string(),
            "support_teams",
        ),
        (
            format!("get_session_attributes&lsid={lsid}"),
            "custom_attributes",
        ),
        (
            "generate_session_key&type=support&queue_id=general".to_string(),
            "session_key",
        ),
        (
            format!("send_chat_message&lsid={lsid}&message=hi"),
            "success",
        ),
        (
            format!("transfer_session&lsid={lsid}&queue_id=team:2"),
            "success",
        ),
        (format!("terminate_session&lsid={lsid}"), "success"),
    ];
    for (action, root) in cases {
        let via_path = server
            .client
            .get(server.at(&format!("/api/command/v2?action={action}")))
            .bearer_auth(&t)
            .send()
            .await
            .unwrap();
        assert_eq!(via_path.status(), 200, "{action}");
        let v: Value = via_path.json().await.unwrap();
        assert!(v.get(root).is_some(), "{action}: {v}");
    }
    let via_accept = server
        .client
        .get(server.at("/api/command?action=get_api_info"))
        .bearer_auth(&t)
        .header("accept", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(
        via_accept.json::<Value>().await.unwrap()["api_information"]["api_version"],
        "1.19.1"
    );
    let err = server
        .client
        .get(server.at("/api/command/v2?action=nope"))
        .bearer_auth(&t)
        .send()
        .await
        .unwrap();
    assert_eq!(err.status(), 400);
    assert!(err.json::<Value>().await.unwrap()["error"]
        .as_str()
        .unwrap()
        .contains("unknown action"));
}
