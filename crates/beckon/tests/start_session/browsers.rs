//! Starts from a browser: chat and download redirects, error pages, CORS and the script.

use crate::common::TestServer;

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
