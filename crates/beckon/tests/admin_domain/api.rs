//! API accounts whose secret is shown once and replaced on regeneration, and event endpoint
//! rules.

use crate::common::TestServer;
use crate::field_of;
use beckon::domain::admin::site;
use beckon::domain::ids::ApiAccountId;

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
