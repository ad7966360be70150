//! Signing in to the console: the form's CSRF token and cookie, throttled failures, and the
//! change forced after an administrator sets a password.

use crate::common::*;

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
