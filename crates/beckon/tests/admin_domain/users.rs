//! User rules, the last-administrator rule, and what the audit log keeps of a deleted user.

use crate::common::TestServer;
use crate::field_of;
use beckon::domain::admin::{users, AdminError};

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
