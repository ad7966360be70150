//! The user pages: create, edit, reset, disable, enable and delete, and the last-administrator
//! rule as the page shows it.

use crate::common::TestServer;
use crate::{assert_field_error, control_of, Browser};
use beckon::domain::ids::{TeamId, UserId};

#[tokio::test]
async fn users_are_created_edited_reset_disabled_and_deleted_with_errors_beside_fields() {
    let server = TestServer::start_demo().await;
    let store = server.store.as_ref();
    let admin = Browser::sign_in(&server, "demo-admin").await;
    let new = "/login/users/new";
    let base = [
        ("public_display_name", "Ann"),
        ("password", "initial-pass-1"),
        ("support", "1"),
        ("enabled", "1"),
        ("teams", "1"),
        ("skills", "1"),
    ];
    let with = |extra: &[(&'static str, &'static str)]| {
        let mut v: Vec<(&str, &str)> = extra.to_vec();
        v.extend(
            base.iter()
                .filter(|(k, _)| !extra.iter().any(|(e, _)| e == k)),
        );
        v
    };
    let r = admin.submit(new, new, &with(&[("username", "john")])).await;
    assert_field_error(&r, "username", "taken");
    assert!(r.body.contains("value=\"john\""), "what was typed stays");
    let r = admin.submit(new, new, &with(&[("username", "a b")])).await;
    assert_field_error(&r, "username", "username");
    let r = admin
        .submit(
            new,
            new,
            &with(&[("username", "ann"), ("email_address", "nope")]),
        )
        .await;
    assert_field_error(&r, "email_address", "e-mail");
    let r = admin
        .submit(
            new,
            new,
            &with(&[("username", "ann"), ("password", "short")]),
        )
        .await;
    assert_field_error(&r, "password", "8 characters");
    let r = admin
        .submit(new, new, &with(&[("username", "ann"), ("teams", "99")]))
        .await;
    assert_field_error(&r, "teams", "no team");

    let r = admin.submit(new, new, &with(&[("username", "ann")])).await;
    assert_eq!(
        (r.status, r.location.as_str()),
        (303, "/login/users?created=1")
    );
    let list = admin.get(&r.location).await;
    assert!(list.body.contains("role=\"status\"") && list.body.contains(">ann</a>"));
    let ann = store.user_by_username("ann").await.unwrap().unwrap();
    assert!(ann.must_change_password && ann.enabled && !ann.permissions.admin);
    assert_eq!(store.teams_of_user(ann.id).await.unwrap(), vec![TeamId(1)]);
    assert_eq!(store.user_skills(ann.id).await.unwrap(), vec!["skill1"]);

    // Edit: the form shows what is stored; errors stay beside their field.
    let edit = format!("/login/users/{}", ann.id);
    let page = admin.get(&edit).await;
    assert!(page.body.contains("value=\"ann\""));
    assert!(control_of(&page.body, "teams-1").contains("checked"));
    let r = admin
        .submit(
            &edit,
            &edit,
            &[("username", "ann"), ("public_display_name", "")],
        )
        .await;
    assert_field_error(&r, "public_display_name", "required");
    let r = admin
        .submit(
            &edit,
            &edit,
            &[
                ("username", "ann.b"),
                ("public_display_name", "Ann B"),
                ("email_address", "ann@example.com"),
                ("admin", "1"),
                ("teams", "2"),
            ],
        )
        .await;
    assert_eq!(
        (r.status, r.location.as_str()),
        (303, "/login/users?saved=1")
    );
    let ann = store.user_by_id(ann.id).await.unwrap().unwrap();
    assert_eq!(ann.username, "ann.b");
    assert!(
        ann.permissions.admin && ann.enabled,
        "editing keeps the account enabled"
    );
    assert_eq!(store.teams_of_user(ann.id).await.unwrap(), vec![TeamId(2)]);
    assert!(store.user_skills(ann.id).await.unwrap().is_empty());

    // Reset password: a confirmation page with the new password.
    let reset = format!("{edit}/password");
    let page = admin.get(&reset).await;
    assert!(page.body.contains("Are you sure"));
    let r = admin.submit(&reset, &reset, &[("password", "short")]).await;
    assert_field_error(&r, "password", "8 characters");
    let r = admin
        .submit(&reset, &reset, &[("password", "another-pass-2")])
        .await;
    assert_eq!(r.location, "/login/users?password=1");
    let ann = store.user_by_id(ann.id).await.unwrap().unwrap();
    assert!(beckon::domain::password::verify(
        "another-pass-2",
        &ann.password_hash
    ));
    assert!(ann.must_change_password);

    // Disable, enable and delete go through confirmations.
    let disable = format!("{edit}/disable");
    assert!(admin.get(&disable).await.body.contains("Are you sure"));
    let r = admin.submit(&disable, &disable, &[]).await;
    assert_eq!(r.location, "/login/users?disabled=1");
    assert!(!store.user_by_id(ann.id).await.unwrap().unwrap().enabled);
    let r = admin.submit(&edit, &format!("{edit}/enable"), &[]).await;
    assert_eq!(r.location, "/login/users?enabled=1");
    assert!(store.user_by_id(ann.id).await.unwrap().unwrap().enabled);
    let delete = format!("{edit}/delete");
    assert!(admin.get(&delete).await.body.contains("Are you sure"));
    let r = admin.submit(&delete, &delete, &[]).await;
    assert_eq!(r.location, "/login/users?deleted=1");
    assert!(store.user_by_id(ann.id).await.unwrap().is_none());
    assert_eq!(admin.get(&edit).await.status, 404);
}

#[tokio::test]
async fn the_last_administrator_rule_is_shown_on_the_page() {
    let server = TestServer::start_demo().await;
    let store = server.store.as_ref();
    assert_eq!(store.count_enabled_admins().await.unwrap(), 1);
    let admin = Browser::sign_in(&server, "demo-admin").await;
    let edit = "/login/users/30";
    let r = admin
        .submit(
            edit,
            edit,
            &[
                ("username", "demo-admin"),
                ("public_display_name", "Admin"),
                ("support", "1"),
            ],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("id=\"refused\""));
    assert!(r
        .body
        .contains("The last administrator cannot lose the administrator permission"));
    for action in ["delete", "disable"] {
        let path = format!("{edit}/{action}");
        let r = admin.submit(&path, &path, &[]).await;
        assert_eq!(r.status, 422, "{action}");
        assert!(
            r.body.contains("The last administrator cannot"),
            "{action}: {}",
            r.body
        );
    }
    let me = store.user_by_id(UserId(30)).await.unwrap().unwrap();
    assert!(me.permissions.admin && me.enabled);
}
