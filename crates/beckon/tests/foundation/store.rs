//! The store: migrations on new and existing data dirs, and the demo seed.

use crate::common::*;
use beckon::store::sqlite::SqliteStore;

#[tokio::test]
async fn migrations_run_on_empty_and_existing_data_dirs() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(dir.path()).await.unwrap();
    let applied = store.applied_migrations().await.unwrap();
    assert!(applied >= 1);
    beckon::seed::seed_demo(&store, Some(DEMO_PASSWORD.into()))
        .await
        .unwrap();
    beckon::store::Store::close(&store).await;
    // Reopening an existing data dir keeps the data and applies nothing twice.
    let store = SqliteStore::open(dir.path()).await.unwrap();
    assert_eq!(store.applied_migrations().await.unwrap(), applied);
    use beckon::store::UserStore;
    assert!(store
        .user_by_id(beckon::domain::ids::UserId(30))
        .await
        .unwrap()
        .is_some());
    // The database is in WAL mode (so the CLI can write while the server runs).
    assert!(dir.path().join("beckon.db-wal").exists() || dir.path().join("beckon.db").exists());
}

#[tokio::test]
async fn demo_seed_is_idempotent_and_rearms_keys() {
    use beckon::store::*;
    let server = TestServer::start_demo().await;
    let store = server.store.clone();
    let counts = |s: DynStore| async move {
        (
            s.list_users().await.unwrap().len(),
            s.list_teams().await.unwrap().len(),
            s.list_issues().await.unwrap().len(),
            s.list_skills().await.unwrap().len(),
            s.list_custom_fields().await.unwrap().len(),
            s.session_keys_of_rep(
                beckon::domain::ids::UserId(30),
                beckon::domain::time::now_ms(),
            )
            .await
            .unwrap()
            .len(),
        )
    };
    let before = counts(store.clone()).await;
    assert_eq!(before, (2, 2, 2, 2, 2, 4));
    beckon::seed::seed_demo(store.as_ref(), Some(DEMO_PASSWORD.into()))
        .await
        .unwrap();
    assert_eq!(counts(store.clone()).await, before);

    let rep30 = store
        .user_by_id(beckon::domain::ids::UserId(30))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(rep30.public_display_name, "Admin");
    let rep12 = store
        .user_by_id(beckon::domain::ids::UserId(12))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(rep12.public_display_name, "John");
    assert!(store
        .issue_by_id(beckon::domain::ids::IssueId(12))
        .await
        .unwrap()
        .is_some());
    assert!(store.issue_by_code("Other").await.unwrap().is_some());
    let langs = store.languages().await.unwrap();
    assert_eq!(langs.iter().filter(|l| l.enabled).count(), 16);
    for digits in ["1728331", "8679485", "8347482", "7683902"] {
        let key = store
            .session_key_by_digits(digits)
            .await
            .unwrap()
            .expect(digits);
        assert_eq!(key.rep_id, Some(beckon::domain::ids::UserId(30)));
        assert!(key.expires_at > beckon::domain::time::now_ms() + 24 * 3600 * 1000);
    }
    assert!(beckon::domain::password::verify(
        DEMO_PASSWORD,
        &rep30.password_hash
    ));
    server.stop().await;
}
