//! Who may call the API: OAuth2 tokens, permissions, and the switch that turns it off.

use crate::common::reps::RepClient;
use crate::common::{TestServer, DEMO_PASSWORD};
use crate::support::{account, token, xml};
use base64::Engine;
use beckon::domain::admin::site;
use serde_json::Value;

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
