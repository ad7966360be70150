//! Issue 6, server side: sign-in form and throttling, the console socket, notes, invitations,
//! history and the public portal.

mod common;

use common::reps::*;
use common::ws::{send, until};
use common::*;
use serde_json::{json, Value};

fn csrf_and_cookie(html: &str, set_cookie: &str) -> (String, String) {
    let csrf = html
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    (csrf, set_cookie.split(';').next().unwrap().to_string())
}

async fn login_form(server: &TestServer) -> (String, String) {
    let r = server.get("/console").await;
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("frame-ancestors 'none'"));
    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
    let html = r.text().await.unwrap();
    csrf_and_cookie(&html, &cookie)
}

#[tokio::test]
async fn the_sign_in_form_needs_its_csrf_token_and_sets_a_safe_cookie() {
    let server = TestServer::start_demo().await;
    let (csrf, cookie) = login_form(&server).await;
    // Without the token (a forged cross-site post): refused.
    let r = server
        .client
        .post(server.at("/console/login"))
        .form(&[("username", "john"), ("password", DEMO_PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    // With a token that does not match the cookie: refused.
    let r = server
        .client
        .post(server.at("/console/login"))
        .header("cookie", &cookie)
        .form(&[
            ("username", "john"),
            ("password", DEMO_PASSWORD),
            ("csrf", "0123456789abcdef0123456789abcdef"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    let r = server
        .client
        .post(server.at("/console/login"))
        .header("cookie", &cookie)
        .form(&[
            ("username", "john"),
            ("password", DEMO_PASSWORD),
            ("csrf", csrf.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let login = r.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(
        login.starts_with("beckon_login=")
            && login.contains("HttpOnly")
            && login.contains("SameSite=Lax")
            && login.contains("Max-Age=")
    );
    let token_cookie = login.split(';').next().unwrap().to_string();
    let page = server
        .client
        .get(server.at("/console"))
        .header("cookie", &token_cookie)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("/assets/js/console/main.js"), "{page}");
    assert!(page.contains("data-user-name=\"John\""));
    // Sign-out ends the login.
    let r = server
        .client
        .post(server.at("/console/logout"))
        .header("cookie", &token_cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let page = server
        .client
        .get(server.at("/console"))
        .header("cookie", &token_cookie)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("id=\"login-form\""));
}

#[tokio::test]
async fn failed_sign_ins_are_generic_and_throttled_per_account() {
    let server = TestServer::start_demo().await;
    let (csrf, cookie) = login_form(&server).await;
    let post = |user: &'static str, pw: &'static str| {
        server
            .client
            .post(server.at("/console/login"))
            .header("cookie", &cookie)
            .form(&[
                ("username", user),
                ("password", pw),
                ("csrf", csrf.as_str()),
            ])
            .send()
    };
    let unknown = post("nobody", "whatever").await.unwrap();
    assert_eq!(unknown.status(), 401);
    let unknown = unknown.text().await.unwrap();
    let wrong = post("john", "wrong-password")
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let msg = |h: &str| {
        h.split("id=\"login-error\">")
            .nth(1)
            .unwrap()
            .split('<')
            .next()
            .unwrap()
            .to_string()
    };
    assert_eq!(msg(&unknown), msg(&wrong), "no account probing");
    for _ in 0..4 {
        post("john", "wrong-password").await.unwrap();
    }
    // The sixth try is throttled, even with the right password.
    let r = post("john", DEMO_PASSWORD).await.unwrap();
    assert_eq!(r.status(), 429);
    assert!(r.headers().contains_key("retry-after"));
    // Another account from the same address still works (the address budget is larger).
    let r = post("demo-admin", DEMO_PASSWORD).await.unwrap();
    assert_eq!(r.status(), 303);
}

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
async fn history_is_searchable_by_name_external_key_and_date() {
    let server = TestServer::start_demo().await;
    let rep = RepClient::login(&server, "john", DEMO_PASSWORD).await;
    for (name, key) in [("Alice Smith", "T-100"), ("Bob Jones", "T-200")] {
        let (_, body) = start_json(
            &server,
            &[
                ("issue_menu", "1"),
                ("id", "12"),
                ("customer.name", name),
                ("external_key", key),
            ],
        )
        .await;
        let lsid = body["lsid"].as_str().unwrap();
        rep.post(&format!("/api/rep/sessions/{lsid}/accept"), json!({}))
            .await;
        rep.post(&format!("/api/rep/sessions/{lsid}/end"), json!({}))
            .await;
    }
    let names = |v: &Value| {
        v["sessions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["customer"]["name"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    let (_, all) = rep.get("/api/rep/history").await;
    assert_eq!(names(&all), vec!["Bob Jones", "Alice Smith"]);
    let (_, smith) = rep.get("/api/rep/history?q=smith").await;
    assert_eq!(names(&smith), vec!["Alice Smith"]);
    let (_, t200) = rep.get("/api/rep/history?q=T-200").await;
    assert_eq!(names(&t200), vec!["Bob Jones"]);
    let (_, old) = rep.get("/api/rep/history?to=2020-01-01").await;
    assert!(names(&old).is_empty());
    let today = beckon::domain::time::rfc3339(beckon::domain::time::now_ms())[..10].to_string();
    let (_, today_list) = rep
        .get(&format!("/api/rep/history?from={today}&to={today}"))
        .await;
    assert_eq!(names(&today_list).len(), 2);
    let (s, _) = rep.get("/api/rep/history?from=yesterday").await;
    assert_eq!(s, 400);
    // Another representative does not see John's history.
    let admin = RepClient::login(&server, "demo-admin", DEMO_PASSWORD).await;
    let (_, theirs) = admin.get("/api/rep/history").await;
    assert!(names(&theirs).is_empty());
}

#[tokio::test]
async fn the_portal_offers_the_key_form_and_the_issue_menu_when_enabled() {
    let plain = TestServer::start().await;
    let html = plain.get("/").await.text().await.unwrap();
    assert!(html.contains("name=\"short_key\"") && html.contains("action=\"/api/start_session\""));
    assert!(
        !html.contains("portal-issue-form"),
        "no issue menu unless enabled"
    );

    let demo = TestServer::start_demo().await;
    let html = demo
        .client
        .get(demo.at("/"))
        .header("accept-language", "fr-FR")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("lang=\"fr\""));
    assert!(html.contains("portal-issue-form") && html.contains("My printer does not print"));
    // The issue form starts a session in the issue's team queue, without JavaScript.
    let r = demo
        .client
        .post(demo.at("/api/start_session"))
        .form(&[
            ("issue_menu", "1"),
            ("id", "12"),
            ("customer.name", "Zoe"),
            ("locale", "fr"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
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

#[tokio::test]
async fn a_password_set_by_an_administrator_must_be_changed_first() {
    let server = TestServer::start_demo().await;
    beckon::domain::admin::users::reset_password(
        server.store.as_ref(),
        "user:admin",
        beckon::domain::ids::UserId(12),
        "temporary-pw-1",
    )
    .await
    .unwrap();
    let (csrf, cookie) = login_form(&server).await;
    let r = server
        .client
        .post(server.at("/console/login"))
        .header("cookie", &cookie)
        .form(&[
            ("username", "john"),
            ("password", "temporary-pw-1"),
            ("csrf", csrf.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let login = r.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let both = format!("{login}; {cookie}");
    let page = server
        .client
        .get(server.at("/console"))
        .header("cookie", &both)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("id=\"password-form\""), "{page}");
    let r = server
        .client
        .get(server.at("/api/rep/queue"))
        .header("cookie", &login)
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.status(),
        403,
        "nothing else until the password is changed"
    );
    let post = |cur: &'static str, new: &'static str, confirm: &'static str| {
        server
            .client
            .post(server.at("/console/password"))
            .header("cookie", &both)
            .form(&[
                ("current", cur),
                ("new", new),
                ("confirm", confirm),
                ("csrf", csrf.as_str()),
            ])
            .send()
    };
    assert_eq!(
        post("wrong-one-1", "brand-new-pw-1", "brand-new-pw-1")
            .await
            .unwrap()
            .status(),
        400
    );
    assert_eq!(
        post("temporary-pw-1", "brand-new-pw-1", "different-pw-1")
            .await
            .unwrap()
            .status(),
        400
    );
    assert_eq!(
        post("temporary-pw-1", "short", "short")
            .await
            .unwrap()
            .status(),
        400
    );
    assert_eq!(
        post("temporary-pw-1", "brand-new-pw-1", "brand-new-pw-1")
            .await
            .unwrap()
            .status(),
        303
    );
    let r = server
        .client
        .get(server.at("/api/rep/queue"))
        .header("cookie", &login)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let john = server
        .store
        .user_by_id(beckon::domain::ids::UserId(12))
        .await
        .unwrap()
        .unwrap();
    assert!(
        !john.must_change_password
            && beckon::domain::password::verify("brand-new-pw-1", &john.password_hash)
    );
}
