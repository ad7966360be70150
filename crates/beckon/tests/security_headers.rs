//! Issue 12, security headers: the chat page may be framed by the site and the administrator's
//! allowed origins only, the console and the administration by nobody, and every page family
//! says `nosniff` and a Referrer-Policy.

mod common;

use beckon::domain::settings::ALLOWED_ORIGINS;
use common::*;

/// A chat session's page URL, started the way `start_session.js` does.
async fn chat_page_url(server: &TestServer) -> String {
    let r = server
        .client
        .post(server.at("/api/start_session"))
        .header("accept", "application/json")
        .form(&[("issue_menu", "1"), ("id", "12"), ("c2cjs", "1")])
        .send()
        .await
        .unwrap();
    let body: serde_json::Value = r.json().await.unwrap();
    body["url"].as_str().unwrap().to_string()
}

fn csp(r: &reqwest::Response) -> String {
    match r.headers().get("content-security-policy") {
        Some(v) => v.to_str().unwrap().to_string(),
        None => panic!("no CSP on {} ({})", r.url(), r.status()),
    }
}

fn frame_ancestors(policy: &str) -> String {
    policy
        .split(';')
        .map(str::trim)
        .find(|d| d.starts_with("frame-ancestors"))
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
async fn the_chat_page_may_be_framed_by_the_allowed_origins_only() {
    let server = TestServer::start_demo().await;
    let page = chat_page_url(&server).await;

    // No list (CORS open to all): framing stays with the site itself.
    let r = server.client.get(&page).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(frame_ancestors(&csp(&r)), "frame-ancestors 'self'");

    server
        .store
        .set_setting(
            ALLOWED_ORIGINS,
            "https://shop.example\nhttps://help.example:8443/\n*",
        )
        .await
        .unwrap();
    let r = server.client.get(&page).send().await.unwrap();
    let policy = csp(&r);
    assert_eq!(
        frame_ancestors(&policy),
        "frame-ancestors 'self' https://shop.example https://help.example:8443",
        "{policy}"
    );
    assert!(policy.contains("script-src 'self'"), "{policy}");

    // Everything else keeps refusing every frame, the chat's error page included (the
    // administration's pages: tests/admin_pages/).
    for path in ["/console", "/", "/chat/not-a-token"] {
        let r = server.get(path).await;
        assert_eq!(
            frame_ancestors(&csp(&r)),
            "frame-ancestors 'none'",
            "{path}"
        );
    }
}

#[tokio::test]
async fn every_page_family_says_nosniff_and_a_referrer_policy() {
    let server = TestServer::start_demo().await;
    let chat = chat_page_url(&server).await;
    let chat_path = chat.trim_start_matches(&server.url).to_string();
    let paths = [
        "/".to_string(),
        "/console".to_string(),
        "/login".to_string(),
        "/demo".to_string(),
        chat_path.clone(),
        format!("{chat_path}/transcript.txt"),
        format!("{chat_path}/transcript.html"),
        "/chat/not-a-token".to_string(),
        "/download/not-a-token".to_string(),
        "/api/start_session.js".to_string(),
        "/assets/css/customer.css".to_string(),
        "/api/openapi.json".to_string(),
        "/api/rep/queue".to_string(),
        "/healthz".to_string(),
        "/no/such/page".to_string(),
    ];
    for path in paths {
        let r = server.get(&path).await;
        let h = r.headers();
        assert_eq!(
            h.get("x-content-type-options").map(|v| v.to_str().unwrap()),
            Some("nosniff"),
            "{path}"
        );
        assert!(h.get("referrer-policy").is_some(), "{path}");
    }
    // Pages whose URL holds a customer's token never leak it in a Referer.
    let r = server.client.get(&chat).send().await.unwrap();
    assert_eq!(r.headers()["referrer-policy"], "no-referrer");
    // Cookies: never readable by script, never sent by other sites' forms.
    let r = server.get("/console").await;
    for c in r.headers().get_all("set-cookie") {
        let c = c.to_str().unwrap();
        assert!(c.contains("HttpOnly") && c.contains("SameSite="), "{c}");
    }
}

/// The console lets the shell's terminal style itself through a nonce, fresh for every page
/// and given to the page's scripts only in a meta element; nothing inline passes without it.
#[tokio::test]
async fn the_consoles_style_nonce_is_fresh_per_page_and_nothing_else_inline_passes() {
    let server = TestServer::start_demo().await;
    // The sign-in form has no terminal: no nonce at all.
    let r = server.get("/console").await;
    assert!(csp(&r).contains("style-src 'self';"), "{}", csp(&r));
    let rep = common::reps::RepClient::login(&server, "demo-admin", DEMO_PASSWORD).await;
    let mut nonces = Vec::new();
    for _ in 0..2 {
        let r = rep
            .client
            .get(format!("{}/console", rep.base))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let policy = csp(&r);
        let html = r.text().await.unwrap();
        let styles = policy
            .split(';')
            .map(str::trim)
            .find(|d| d.starts_with("style-src "))
            .unwrap()
            .to_string();
        let nonce = styles
            .strip_prefix("style-src 'self' 'nonce-")
            .and_then(|n| n.strip_suffix('\''))
            .unwrap_or_else(|| panic!("{styles}"))
            .to_string();
        assert!(nonce.len() >= 32, "{nonce}");
        assert!(!policy.contains("unsafe-inline"), "{policy}");
        assert!(policy.contains("script-src 'self';"), "{policy}");
        assert!(
            html.contains(&format!(
                "<meta name=\"beckon-style-nonce\" content=\"{nonce}\">"
            )),
            "the page carries its nonce"
        );
        nonces.push(nonce);
    }
    assert_ne!(nonces[0], nonces[1], "a fresh nonce per page");
}
