//! The group commit: grouping, dense sequences, resends, and writes that fail alone.

use super::*;
use crate::domain::ids::Lsid;
use crate::domain::locale::Locale;
use crate::domain::session::{Actor, Customer, NewSession, Queue, StartMethod, StartType};
use crate::store::SessionStore;
use std::collections::BTreeMap;

pub(in crate::store::sqlite) async fn session(store: &SqliteStore) -> SessionId {
    store
        .create_session(new_session(), None)
        .await
        .expect("create")
        .expect("created")
        .id
}

fn new_session() -> NewSession {
    NewSession {
        lsid: Lsid::generate(),
        start_type: StartType::Chat,
        start_method: StartMethod::General,
        queue: Queue::General,
        issue_id: None,
        session_key_id: None,
        skills: vec![],
        customer: Customer {
            name: "Ada".into(),
            company: String::new(),
            company_code: String::new(),
            details: String::new(),
        },
        locale: Locale::parse("en-us").expect("a locale"),
        chat_locale: None,
        external_key: String::new(),
        attributes: BTreeMap::new(),
        timezone_offset: None,
        page_url: String::new(),
        client_ip: "127.0.0.1".into(),
        created_at: 1,
        client_deadline: 1_000_000,
        customer_token_hash: Lsid::generate().0,
    }
}

pub(in crate::store::sqlite) fn message(i: usize) -> NewEvent {
    NewEvent {
        kind: "chat_message".into(),
        actor: Actor::Customer,
        body: serde_json::json!({ "text": format!("m{i}") }),
        client_msg_id: Some(format!("c{i}")),
        at: 2,
    }
}

/// The texts of the session's chat messages, in log order.
async fn chat_texts(store: &SqliteStore, id: SessionId) -> Vec<String> {
    let events = store.events_after(id, 0, 100).await.expect("events");
    events
        .iter()
        .filter(|e| e.kind == "chat_message")
        .map(|e| e.body["text"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[tokio::test]
async fn concurrent_appends_share_commits_and_keep_dense_sequences() {
    let dir = tempfile::tempdir().expect("dir");
    let store = SqliteStore::open(dir.path()).await.expect("open");
    let id = session(&store).await;
    let before = store.batcher.commits.load(Ordering::Relaxed);
    let appends = (0..400).map(|i| store.append_event(id, message(i)));
    let results = futures_util::future::join_all(appends).await;
    let mut seqs: Vec<i64> = results
        .into_iter()
        .map(|r| r.expect("append").event.seq)
        .collect();
    seqs.sort_unstable();
    let first = seqs[0];
    assert_eq!(
        seqs,
        (first..first + 400).collect::<Vec<_>>(),
        "dense, no gaps"
    );
    let commits = store.batcher.commits.load(Ordering::Relaxed) - before;
    assert!(
        commits < 400,
        "400 concurrent appends took {commits} commits: they were not grouped"
    );
    // A resend inside a later batch is still recognised.
    let again = store.append_event(id, message(7)).await.expect("resend");
    assert!(again.duplicate);
}

#[tokio::test]
async fn a_failing_append_fails_alone() {
    let dir = tempfile::tempdir().expect("dir");
    let store = SqliteStore::open(dir.path()).await.expect("open");
    let id = session(&store).await;
    let gone = SessionId(id.0 + 1000);
    let (ok, bad, ok2) = tokio::join!(
        store.append_event(id, message(1)),
        store.append_event(gone, message(2)),
        store.append_event(id, message(3)),
    );
    assert!(ok.is_ok() && ok2.is_ok(), "{ok:?} {ok2:?}");
    assert!(
        matches!(bad, Err(StoreError::NotFound { what: "session" })),
        "{bad:?}"
    );
    assert_eq!(chat_texts(&store, id).await, ["m1", "m3"]);
}

#[tokio::test]
async fn an_append_that_errors_fails_alone_and_its_batch_is_retried() {
    let dir = tempfile::tempdir().expect("dir");
    let store = SqliteStore::open(dir.path()).await.expect("open");
    let id = session(&store).await;
    // An error inside the batch's one query (not just "nothing inserted"), which undoes
    // the whole query: the writer must retry the others one by one.
    sqlx::query(
        "CREATE TRIGGER boom BEFORE INSERT ON session_events \
         WHEN NEW.body LIKE '%m2%' BEGIN SELECT RAISE(ABORT, 'boom'); END",
    )
    .execute(&mut *store.writes.lock().await)
    .await
    .expect("trigger");
    let (ok, bad, ok2) = tokio::join!(
        store.append_event(id, message(1)),
        store.append_event(id, message(2)),
        store.append_event(id, message(3)),
    );
    assert!(ok.is_ok() && ok2.is_ok(), "{ok:?} {ok2:?}");
    assert!(bad.is_err(), "{bad:?}");
    assert_eq!(chat_texts(&store, id).await, ["m1", "m3"]);
    // The connection was left outside any transaction: later writes commit.
    store.append_event(id, message(4)).await.expect("after");
}

#[tokio::test]
async fn concurrent_starts_share_commits_and_a_used_key_fails_alone() {
    use crate::domain::session_key::{KeyTarget, NewSessionKey};
    let dir = tempfile::tempdir().expect("dir");
    let store = SqliteStore::open(dir.path()).await.expect("open");
    let key = store
        .create_session_key(NewSessionKey {
            short_key: "1234567".into(),
            rep_id: None,
            target: KeyTarget::General,
            start_type: StartType::Chat,
            external_key: String::new(),
            attributes: BTreeMap::new(),
            created_at: 1,
            expires_at: i64::MAX,
        })
        .await
        .expect("key");
    let before = store.batcher.commits.load(Ordering::Relaxed);
    // 200 starts at once, two of them racing for the same one-time key.
    let starts = (0..200).map(|i| {
        let key = (i == 50 || i == 150).then_some(key.id);
        store.create_session(new_session(), key)
    });
    let results = futures_util::future::join_all(starts).await;
    let created: Vec<SessionId> = results
        .iter()
        .filter_map(|r| r.as_ref().expect("no start fails").as_ref().map(|s| s.id))
        .collect();
    assert_eq!(created.len(), 199, "every start but the key's loser");
    assert!(
        results[50].as_ref().unwrap().is_some(),
        "the first with the key wins"
    );
    assert!(
        results[150].as_ref().unwrap().is_none(),
        "the second finds it used"
    );
    let distinct: std::collections::HashSet<_> = created.iter().collect();
    assert_eq!(distinct.len(), 199);
    for id in &created {
        let events = store.events_after(*id, 0, 10).await.expect("events");
        assert_eq!(events.len(), 1, "each has its created event");
        assert_eq!(events[0].kind, "created");
    }
    let commits = store.batcher.commits.load(Ordering::Relaxed) - before;
    assert!(commits < 200, "{commits} commits for 200 starts");
}
