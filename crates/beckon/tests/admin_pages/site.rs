//! The site settings and event endpoint pages, with errors beside their fields and a
//! write-only endpoint secret.

use crate::common::TestServer;
use crate::{assert_field_error, Browser};

#[tokio::test]
async fn site_settings_and_event_endpoints_validate_beside_their_fields() {
    let server = TestServer::start_demo().await;
    let store = server.store.as_ref();
    let admin = Browser::sign_in(&server, "demo-admin").await;
    let page = "/login/site";
    let shown = admin.get(page).await.body;
    let public = &server.state.settings.public_url;
    let host = format!("{}:{}", public.host_str().unwrap(), public.port().unwrap());
    assert!(shown.contains(&format!("<code id=\"public-url\">http:&#x2f;&#x2f;{host}")));
    assert!(shown.contains("server configuration"));
    let form = |origins: &'static str, lifetime: &'static str| {
        vec![
            ("site_name", "Acme support"),
            ("allowed_origins", origins),
            ("session_key_max_lifetime_secs", lifetime),
            ("customer_connect_timeout_secs", "900"),
            ("app_store_url_ios", ""),
            ("app_store_url_android", ""),
        ]
    };
    let r = admin.submit(page, page, &form("ftp://x", "7200")).await;
    assert_field_error(&r, "allowed_origins", "ftp://x");
    assert!(
        r.body.contains("ftp:&#x2f;&#x2f;x</textarea>"),
        "what was typed stays"
    );
    let r = admin.submit(page, page, &form("*", "10")).await;
    assert_field_error(&r, "session_key_max_lifetime_secs", "between");
    let r = admin.submit(page, page, &form("*", "lots")).await;
    assert_field_error(&r, "session_key_max_lifetime_secs", "whole number");
    let r = admin
        .submit(
            page,
            page,
            &form("https://shop.example.com\nhttp://127.0.0.1:9999", "300"),
        )
        .await;
    assert_eq!(r.location, "/login/site?saved=1");
    let s = beckon::domain::admin::site::site_settings(store)
        .await
        .unwrap();
    assert_eq!(s.site_name, "Acme support");
    assert_eq!(s.session_key_max_lifetime_secs, 300);
    assert!(
        !s.portal_issue_menu,
        "an unchecked box switches the menu off"
    );

    let new = "/login/events/new";
    let ep = |url: &'static str, events: &[&'static str], secret: &'static str| {
        let mut v = vec![("url", url), ("secret", secret)];
        v.extend(events.iter().map(|e| ("events", *e)));
        v
    };
    let secret = "0123456789abcdef";
    let r = admin
        .submit(
            new,
            new,
            &ep("javascript:alert(1)", &["support_conference_end"], secret),
        )
        .await;
    assert_field_error(&r, "url", "http");
    let r = admin
        .submit(new, new, &ep("https://hooks.example.com/x", &[], secret))
        .await;
    assert_field_error(&r, "events", "at least one");
    let r = admin
        .submit(
            new,
            new,
            &ep(
                "https://hooks.example.com/x",
                &["support_conference_end"],
                "short",
            ),
        )
        .await;
    assert_field_error(&r, "secret", "16 to 256");
    let r = admin
        .submit(
            new,
            new,
            &ep(
                "https://hooks.example.com/x",
                &["support_conference_begin", "support_conference_end"],
                secret,
            ),
        )
        .await;
    assert_eq!(r.location, "/login/events?created=1");
    let e = store.list_endpoints().await.unwrap().remove(0);
    assert_eq!(e.events.len(), 2);
    let edit = format!("/login/events/{}", e.id);
    let body = admin.get(&edit).await.body;
    assert!(!body.contains(secret), "the secret is write-only");
    // A blank secret keeps the old one.
    let r = admin
        .submit(
            &edit,
            &edit,
            &[
                ("url", "https://hooks.example.com/y"),
                ("events", "support_conference_transferred"),
                ("secret", ""),
            ],
        )
        .await;
    assert_eq!(r.location, "/login/events?saved=1");
    let now = store.list_endpoints().await.unwrap().remove(0);
    assert_eq!(now.url, "https://hooks.example.com/y");
    assert_eq!(now.secret, secret);
    assert!(!now.enabled);
    let del = format!("{edit}/delete");
    assert!(admin.get(&del).await.body.contains("Are you sure"));
    assert_eq!(
        admin.submit(&del, &del, &[]).await.location,
        "/login/events?deleted=1"
    );
    assert!(store.list_endpoints().await.unwrap().is_empty());
}
