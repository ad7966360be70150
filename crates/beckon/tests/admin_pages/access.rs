//! Who may reach the administration pages, the CSRF guard on their forms, and the home page.

use crate::common::reps::RepClient;
use crate::common::{TestServer, DEMO_PASSWORD};
use crate::{csrf_of, Browser};
use beckon::domain::ids::UserId;

#[tokio::test]
async fn anonymous_visitors_are_sent_to_sign_in_and_representatives_are_refused() {
    let server = TestServer::start_demo().await;
    let anon = Browser::anonymous(&server);
    for path in ["/login", "/login/users", "/login/audit", "/login/api"] {
        let r = anon.get(path).await;
        assert_eq!(r.status, 303, "{path}");
        assert_eq!(r.location, "/console");
    }
    let r = anon
        .post_raw(
            "/login/skills/new",
            &[("code_name", "x"), ("display_name", "X")],
        )
        .await;
    assert_eq!(r.status, 303);

    let john = Browser::sign_in(&server, "john").await;
    for path in ["/login", "/login/users", "/login/users/30", "/login/audit"] {
        assert_eq!(john.get(path).await.status, 403, "{path}");
    }
    let r = john
        .post_raw(
            "/login/skills/new",
            &[("code_name", "x"), ("display_name", "X")],
        )
        .await;
    assert_eq!(r.status, 403);

    let admin = Browser::sign_in(&server, "demo-admin").await;
    let home = admin.get("/login").await;
    assert_eq!(home.status, 200);
    for link in [
        "/login/users",
        "/login/teams",
        "/login/issues",
        "/login/skills",
        "/login/api",
        "/login/languages",
        "/login/site",
        "/login/events",
        "/login/audit",
    ] {
        assert!(home.body.contains(&format!("href=\"{link}\"")), "{link}");
    }
    assert!(!server
        .store
        .list_skills()
        .await
        .unwrap()
        .iter()
        .any(|s| s.code_name == "x"));
}

#[tokio::test]
async fn posts_without_the_right_csrf_token_are_refused_and_change_nothing() {
    let server = TestServer::start_demo().await;
    let admin = Browser::sign_in(&server, "demo-admin").await;
    let page = admin.get("/login/users/new").await;
    assert!(page.body.contains("name=\"csrf\" value=\""));
    let form = [
        ("username", "mallory"),
        ("public_display_name", "Mallory"),
        ("password", "long-enough-1"),
        ("admin", "1"),
    ];
    let r = admin.post_raw("/login/users/new", &form).await;
    assert_eq!(r.status, 403);
    let mut wrong = vec![("csrf", "0123456789abcdef0123456789abcdef")];
    wrong.extend_from_slice(&form);
    let r = admin.post_raw("/login/users/new", &wrong).await;
    assert_eq!(r.status, 403);
    // Another administrator's token does not fit this browser's cookie.
    let other = Browser::sign_in(&server, "demo-admin").await;
    let theirs = csrf_of(&other.get("/login/users/new").await.body);
    assert_ne!(theirs, csrf_of(&page.body));
    let mut forged = vec![("csrf", theirs.as_str())];
    forged.extend_from_slice(&form);
    assert_eq!(
        admin.post_raw("/login/users/new", &forged).await.status,
        403
    );
    // Destructive posts too.
    let r = admin.post_raw("/login/users/12/delete", &[]).await;
    assert_eq!(r.status, 403);
    assert!(server.store.user_by_id(UserId(12)).await.unwrap().is_some());
    assert!(server
        .store
        .user_by_username("mallory")
        .await
        .unwrap()
        .is_none());
    // The form's cookie is scoped to these pages and not readable by scripts.
    let fresh = Browser::sign_in(&server, "demo-admin").await;
    let r = fresh.client.get(server.at("/login")).send().await.unwrap();
    let cookie = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("beckon_csrf="))
        .expect("a CSRF cookie");
    assert!(
        cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Strict")
            && cookie.contains("Path=/login")
    );
    assert!(r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("frame-ancestors 'none'"));
}

#[tokio::test]
async fn the_home_page_shows_who_is_signed_in() {
    let server = TestServer::start_demo().await;
    let admin = Browser::sign_in(&server, "demo-admin").await;
    let body = admin.get("/login").await.body;
    assert!(body.contains("Nobody is signed in"));
    let john = RepClient::login(&server, "john", DEMO_PASSWORD).await;
    john.available().await;
    let body = admin.get("/login").await.body;
    assert!(body.contains("John (demo)"), "{body}");
    assert!(body.contains("(john)") && body.contains("Available"));
}
