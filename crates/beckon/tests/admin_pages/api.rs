//! The API pages: accounts whose secret is shown once, the API switch, and custom fields that
//! the session-start API accepts at once.

use crate::common::reps::start_json;
use crate::common::TestServer;
use crate::{assert_field_error, control_of, Browser};

/// The text of the element with this id (up to its first closing tag).
fn text_of(html: &str, id: &str) -> String {
    let marker = format!("id=\"{id}\">");
    html.split(&marker)
        .nth(1)
        .unwrap_or_else(|| panic!("no #{id}"))
        .split('<')
        .next()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn api_secrets_are_shown_once_and_regeneration_replaces_them() {
    let server = TestServer::start_demo().await;
    let store = server.store.as_ref();
    let admin = Browser::sign_in(&server, "demo-admin").await;
    let new = "/login/api/accounts/new";
    let r = admin
        .submit(
            new,
            new,
            &[("name", "CRM"), ("command_permission", "everything")],
        )
        .await;
    assert_field_error(&r, "command_permission", "read_only");
    let r = admin
        .submit(
            new,
            new,
            &[("name", " "), ("command_permission", "read_only")],
        )
        .await;
    assert_field_error(&r, "name", "required");
    let r = admin
        .submit(
            new,
            new,
            &[
                ("name", "CRM"),
                ("command_permission", "read_only"),
                ("reporting", "1"),
            ],
        )
        .await;
    assert_eq!(r.status, 200);
    let client_id = text_of(&r.body, "client-id");
    let first = text_of(&r.body, "client-secret");
    assert!(first.len() >= 40, "{first}");
    let account = store
        .api_account_by_client_id(&client_id)
        .await
        .unwrap()
        .unwrap();
    assert!(beckon::domain::password::verify(
        &first,
        &account.secret_hash
    ));
    assert!(account.reporting);
    // Never shown again.
    let page = format!("/login/api/accounts/{}", account.id);
    for path in [page.as_str(), "/login/api", "/login/audit"] {
        let body = admin.get(path).await.body;
        assert!(body.contains(&client_id), "{path} names the account");
        assert!(!body.contains(&first), "{path} must not show the secret");
    }
    // Regenerate: a confirmation, then the new secret, once.
    let regen = format!("{page}/regenerate");
    assert!(admin.get(&regen).await.body.contains("Are you sure"));
    let r = admin.submit(&regen, &regen, &[]).await;
    assert_eq!(r.status, 200);
    let second = text_of(&r.body, "client-secret");
    assert_ne!(first, second);
    let now = store
        .api_account_by_client_id(&client_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(now.secret_generation, account.secret_generation + 1);
    assert!(!beckon::domain::password::verify(&first, &now.secret_hash));
    assert!(beckon::domain::password::verify(&second, &now.secret_hash));
    assert!(!admin.get(&page).await.body.contains(&second));
    // Edit and delete.
    let r = admin
        .submit(
            &page,
            &page,
            &[("name", "CRM 2"), ("command_permission", "full")],
        )
        .await;
    assert_eq!(r.location, "/login/api?saved=1");
    let now = store.list_api_accounts().await.unwrap();
    assert_eq!(now[0].name, "CRM 2");
    assert!(
        !now[0].enabled && !now[0].reporting,
        "unchecked boxes switch off"
    );
    let del = format!("{page}/delete");
    assert!(admin.get(&del).await.body.contains("Are you sure"));
    assert_eq!(
        admin.submit(&del, &del, &[]).await.location,
        "/login/api?deleted=1"
    );
    assert!(store.list_api_accounts().await.unwrap().is_empty());

    // The API switch: stored as a site setting, audited.
    assert!(control_of(&admin.get("/login/api").await.body, "api_enabled").contains("checked"));
    let r = admin.submit("/login/api", "/login/api/settings", &[]).await;
    assert_eq!(r.location, "/login/api?api=1");
    assert_eq!(
        store.setting("api_enabled").await.unwrap().as_deref(),
        Some("0")
    );
    assert!(!control_of(&admin.get("/login/api").await.body, "api_enabled").contains("checked"));
    let audit = store.search_audit("api_enabled", 5).await.unwrap();
    assert_eq!(audit[0].before.as_ref().unwrap(), "1");
    assert_eq!(audit[0].after.as_ref().unwrap(), "0");
    admin
        .submit("/login/api", "/login/api/settings", &[("api_enabled", "1")])
        .await;
    assert_eq!(
        store.setting("api_enabled").await.unwrap().as_deref(),
        Some("1")
    );
}

#[tokio::test]
async fn a_custom_field_created_on_the_page_is_accepted_at_once() {
    let server = TestServer::start_demo().await;
    let admin = Browser::sign_in(&server, "demo-admin").await;
    let new = "/login/api/fields/new";
    for (code, why) in [("external_key", "built in"), ("Order", "code name")] {
        let r = admin
            .submit(new, new, &[("code_name", code), ("display_name", "Order")])
            .await;
        assert_field_error(&r, "code_name", why);
    }
    let r = admin
        .submit(
            new,
            new,
            &[("code_name", "custom_field1"), ("display_name", "X")],
        )
        .await;
    assert_field_error(&r, "code_name", "taken");
    let r = admin
        .submit(
            new,
            new,
            &[
                ("code_name", "order_no"),
                ("display_name", "Order number"),
                ("shown_to_reps", "1"),
            ],
        )
        .await;
    assert_eq!(r.location, "/login/api?created=1");
    let (status, body) = start_json(&server, &[("session.custom.order_no", "A-7")]).await;
    assert_eq!(status, 200, "{body}");
    let s = server
        .store
        .session_by_lsid(body["lsid"].as_str().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(s.attributes["order_no"], "A-7");
    // Edit (the code name is fixed) and delete.
    let field = server
        .store
        .list_custom_fields()
        .await
        .unwrap()
        .into_iter()
        .find(|f| f.code_name == "order_no")
        .unwrap();
    let edit = format!("/login/api/fields/{}", field.id);
    let r = admin
        .submit(
            &edit,
            &edit,
            &[("code_name", "renamed"), ("display_name", "Order")],
        )
        .await;
    assert_eq!(r.location, "/login/api?saved=1");
    let f = server.store.list_custom_fields().await.unwrap();
    let f = f.iter().find(|f| f.id == field.id).unwrap();
    assert_eq!((f.code_name.as_str(), f.shown_to_reps), ("order_no", false));
    let del = format!("{edit}/delete");
    assert!(admin.get(&del).await.body.contains("Are you sure"));
    assert_eq!(
        admin.submit(&del, &del, &[]).await.location,
        "/login/api?deleted=1"
    );
}
