//! Custom fields, languages and site settings taking effect at once for the session-start API
//! and the next session key.

use crate::common::reps::{start_json, RepClient};
use crate::common::{TestServer, DEMO_PASSWORD};
use crate::field_of;
use beckon::domain::admin::{catalog, site};
use beckon::domain::locale::Locale;

#[tokio::test]
async fn changes_take_effect_at_once() {
    let server = TestServer::start_demo().await;
    let store = server.store.as_ref();
    // A new custom field is accepted by /api/start_session at once.
    let (_, body) = start_json(&server, &[("session.custom.order_no", "A-1")]).await;
    let s = store
        .session_by_lsid(body["lsid"].as_str().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert!(!s.attributes.contains_key("order_no"));
    catalog::create_custom_field(store, "a", "order_no", "Order number", true)
        .await
        .unwrap();
    let (_, body) = start_json(&server, &[("session.custom.order_no", "A-2")]).await;
    let s = store
        .session_by_lsid(body["lsid"].as_str().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(s.attributes["order_no"], "A-2");
    // A disabled language is no longer offered; the default cannot be disabled.
    let de = Locale::parse("de").unwrap();
    site::set_language(store, "a", de, false).await.unwrap();
    let (_, body) = start_json(&server, &[("locale", "de")]).await;
    assert_eq!(body["locale"], "en-us");
    assert_eq!(
        field_of(
            site::set_language(store, "a", Locale::default_locale(), false)
                .await
                .unwrap_err()
        ),
        "enabled"
    );
    site::set_default_language(store, "a", Locale::parse("fr").unwrap())
        .await
        .unwrap();
    let (_, body) = start_json(&server, &[]).await;
    assert_eq!(body["locale"], "fr");
    // The key lifetime maximum applies to the next key.
    let mut settings = site::site_settings(store).await.unwrap();
    settings.session_key_max_lifetime_secs = 300;
    site::save_site_settings(store, "a", &settings)
        .await
        .unwrap();
    let rep = RepClient::login(&server, "john", DEMO_PASSWORD).await;
    let (s, _) = rep
        .post(
            "/api/rep/session-keys",
            serde_json::json!({"ttl_secs": 600}),
        )
        .await;
    assert_eq!(s, 400);
    settings.allowed_origins = "ftp://x".into();
    assert_eq!(
        field_of(
            site::save_site_settings(store, "a", &settings)
                .await
                .unwrap_err()
        ),
        "allowed_origins"
    );
    settings.allowed_origins = "https://shop.example.com\nhttp://127.0.0.1:9999".into();
    site::save_site_settings(store, "a", &settings)
        .await
        .unwrap();
}
