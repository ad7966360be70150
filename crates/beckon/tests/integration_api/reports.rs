//! The reporting API: sessions with their events, and large ranges streamed.

use crate::common::reps::{start_json, RepClient};
use crate::common::{TestServer, DEMO_PASSWORD};
use crate::support::{token, xml};
use beckon::domain::admin::site;

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
