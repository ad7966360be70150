//! Issue 7, domain: every validation rule, the last-administrator rule, audit entries, and
//! changes taking effect at once for the session-start API.

mod common;

use beckon::domain::admin::{catalog, site, users, AdminError};
use beckon::domain::ids::ApiAccountId;
use beckon::domain::locale::Locale;
use common::reps::*;
use common::*;

fn field_of(e: AdminError) -> String {
    match e {
        AdminError::Invalid { field, .. } => field.to_string(),
        other => format!("not a field error: {other}"),
    }
}

#[tokio::test]
async fn user_rules_and_the_last_administrator() {
    let server = TestServer::start().await;
    let store = server.store.as_ref();
    let mut form = users::UserForm {
        username: "ann".into(),
        public_display_name: "Ann".into(),
        support: true,
        enabled: true,
        admin: true,
        ..Default::default()
    };
    let ann = users::create(store, "admin:root", &form, "initial-password")
        .await
        .unwrap();
    assert!(
        ann.user.must_change_password,
        "an admin-set password must be changed at first sign-in"
    );
    assert_eq!(
        field_of(
            users::create(store, "a", &form, "initial-password")
                .await
                .unwrap_err()
        ),
        "username"
    );
    let bad = users::UserForm {
        username: "x y".into(),
        ..form.clone()
    };
    assert_eq!(
        field_of(
            users::create(store, "a", &bad, "initial-password")
                .await
                .unwrap_err()
        ),
        "username"
    );
    let bad = users::UserForm {
        username: "bob".into(),
        public_display_name: " ".into(),
        ..form.clone()
    };
    assert_eq!(
        field_of(
            users::create(store, "a", &bad, "initial-password")
                .await
                .unwrap_err()
        ),
        "public_display_name"
    );
    let bad = users::UserForm {
        username: "bob".into(),
        email_address: "nope".into(),
        ..form.clone()
    };
    assert_eq!(
        field_of(
            users::create(store, "a", &bad, "initial-password")
                .await
                .unwrap_err()
        ),
        "email_address"
    );
    let bad = users::UserForm {
        username: "bob".into(),
        teams: vec![99],
        ..form.clone()
    };
    assert_eq!(
        field_of(
            users::create(store, "a", &bad, "initial-password")
                .await
                .unwrap_err()
        ),
        "teams"
    );
    assert_eq!(
        field_of(
            users::create(
                store,
                "a",
                &users::UserForm {
                    username: "bob".into(),
                    ..form.clone()
                },
                "short"
            )
            .await
            .unwrap_err()
        ),
        "password"
    );

    // Ann is the only administrator: she cannot lose the permission, be disabled or deleted.
    form.admin = false;
    assert!(matches!(
        users::update(store, "a", ann.user.id, &form).await,
        Err(AdminError::Refused(_))
    ));
    form.admin = true;
    form.enabled = false;
    assert!(matches!(
        users::update(store, "a", ann.user.id, &form).await,
        Err(AdminError::Refused(_))
    ));
    assert!(matches!(
        users::delete(store, "a", ann.user.id).await,
        Err(AdminError::Refused(_))
    ));
    // With a second administrator, she can.
    let bob = users::UserForm {
        username: "bob".into(),
        public_display_name: "Bob".into(),
        admin: true,
        enabled: true,
        support: true,
        ..Default::default()
    };
    users::create(store, "a", &bob, "initial-password")
        .await
        .unwrap();
    users::delete(store, "a", ann.user.id).await.unwrap();
    let audit = store.search_audit("user.", 50).await.unwrap();
    let delete = audit.iter().find(|a| a.action == "user.delete").unwrap();
    assert_eq!(delete.before.as_ref().unwrap()["username"], "ann");
    assert_eq!(delete.actor, "a");
    assert!(
        audit.iter().all(|a| !a
            .after
            .as_ref()
            .is_some_and(|v| v.to_string().contains("argon2"))),
        "no hashes in the audit log"
    );
}

#[tokio::test]
async fn catalog_rules() {
    let server = TestServer::start().await;
    let store = server.store.as_ref();
    let team = catalog::TeamForm {
        name: "Desk".into(),
        code_name: "desk".into(),
        routing_mode: "least_busy".into(),
        ..Default::default()
    };
    let t = catalog::create_team(store, "a", &team).await.unwrap();
    assert_eq!(
        field_of(catalog::create_team(store, "a", &team).await.unwrap_err()),
        "code_name"
    );
    for (code, field) in [("Desk", "code_name"), ("1desk", "code_name")] {
        let f = catalog::TeamForm {
            code_name: code.into(),
            ..team.clone()
        };
        assert_eq!(
            field_of(catalog::create_team(store, "a", &f).await.unwrap_err()),
            field
        );
    }
    let f = catalog::TeamForm {
        code_name: "d2".into(),
        routing_mode: "random".into(),
        ..team.clone()
    };
    assert_eq!(
        field_of(catalog::create_team(store, "a", &f).await.unwrap_err()),
        "routing_mode"
    );
    let f = catalog::TeamForm {
        code_name: "d3".into(),
        alert_timeout_secs: Some(1),
        ..team.clone()
    };
    assert_eq!(
        field_of(catalog::create_team(store, "a", &f).await.unwrap_err()),
        "alert_timeout_secs"
    );
    catalog::create_skill(store, "a", "printing", "Printing")
        .await
        .unwrap();
    let issue = catalog::IssueForm {
        code_name: "paper".into(),
        description: "Paper jam".into(),
        team_id: t.0,
        skills: vec!["printing".into()],
        position: 1,
    };
    let i = catalog::create_issue(store, "a", &issue).await.unwrap();
    let f = catalog::IssueForm {
        code_name: "x".into(),
        team_id: 99,
        ..issue.clone()
    };
    assert_eq!(
        field_of(catalog::create_issue(store, "a", &f).await.unwrap_err()),
        "team_id"
    );
    let f = catalog::IssueForm {
        code_name: "y".into(),
        skills: vec!["nope".into()],
        ..issue.clone()
    };
    assert_eq!(
        field_of(catalog::create_issue(store, "a", &f).await.unwrap_err()),
        "skills"
    );
    // A team with issues cannot go; once its issue is gone it can.
    assert!(matches!(
        catalog::delete_team(store, "a", t).await,
        Err(AdminError::Refused(_))
    ));
    catalog::delete_issue(store, "a", i).await.unwrap();
    catalog::delete_team(store, "a", t).await.unwrap();
    // Custom fields: code name rules, external_key is built in, 64 characters at most.
    assert_eq!(
        field_of(
            catalog::create_custom_field(store, "a", "external_key", "X", true)
                .await
                .unwrap_err()
        ),
        "code_name"
    );
    assert_eq!(
        field_of(
            catalog::create_custom_field(store, "a", &"a".repeat(65), "X", true)
                .await
                .unwrap_err()
        ),
        "code_name"
    );
    assert_eq!(
        field_of(
            catalog::create_custom_field(store, "a", "Ticket", "X", true)
                .await
                .unwrap_err()
        ),
        "code_name"
    );
    catalog::create_custom_field(store, "a", "ticket_id", "Ticket", true)
        .await
        .unwrap();
    assert_eq!(
        field_of(
            catalog::create_custom_field(store, "a", "ticket_id", "X", true)
                .await
                .unwrap_err()
        ),
        "code_name"
    );
}

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

#[tokio::test]
async fn api_secrets_are_shown_once_and_regeneration_replaces_them() {
    let server = TestServer::start().await;
    let store = server.store.as_ref();
    let created = site::create_api_account(store, "a", "CRM", "read_only", true)
        .await
        .unwrap();
    assert!(beckon::domain::password::verify(
        &created.client_secret,
        &created.account.secret_hash
    ));
    let id: ApiAccountId = created.account.id;
    let secret = site::regenerate_api_secret(store, "a", id).await.unwrap();
    let now = store
        .api_account_by_client_id(&created.account.client_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(now.secret_generation, created.account.secret_generation + 1);
    assert!(beckon::domain::password::verify(&secret, &now.secret_hash));
    assert!(!beckon::domain::password::verify(
        &created.client_secret,
        &now.secret_hash
    ));
    assert_eq!(
        field_of(
            site::create_api_account(store, "a", "X", "everything", false)
                .await
                .unwrap_err()
        ),
        "command_permission"
    );
    let ep = site::create_endpoint(
        store,
        "a",
        "https://hooks.example.com/beckon",
        &["support_conference_begin".into()],
        "0123456789abcdef",
    )
    .await
    .unwrap();
    assert_eq!(
        field_of(
            site::create_endpoint(
                store,
                "a",
                "javascript:alert(1)",
                &["support_conference_begin".into()],
                "0123456789abcdef"
            )
            .await
            .unwrap_err()
        ),
        "url"
    );
    assert_eq!(
        field_of(
            site::create_endpoint(
                store,
                "a",
                "https://x.example",
                &["nope".into()],
                "0123456789abcdef"
            )
            .await
            .unwrap_err()
        ),
        "events"
    );
    assert_eq!(
        field_of(
            site::create_endpoint(
                store,
                "a",
                "https://x.example",
                &["support_conference_end".into()],
                "short"
            )
            .await
            .unwrap_err()
        ),
        "secret"
    );
    site::delete_endpoint(store, "a", ep.id).await.unwrap();
}
