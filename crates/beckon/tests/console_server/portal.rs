//! The public portal: the session-key form and, when enabled, the issue menu.

use crate::common::*;

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
