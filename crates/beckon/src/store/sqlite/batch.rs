//! Group commit of session events: one writer task per store takes the appends that are
//! waiting and writes them in one transaction, so that a burst of chat messages costs one
//! WAL sync instead of one each.
//!
//! Why: with `synchronous=FULL` every commit waits for the disk, and SQLite has one writer at
//! a time, so one commit per message capped chat at a few hundred messages a second on a
//! small machine (BENCHMARKS.md). The durability promise is unchanged: a caller gets its
//! `Appended` only after the transaction holding its event has committed, and only then is a
//! message acknowledged to anyone.
//!
//! Each append runs inside its own savepoint, so one that fails (a session that is gone)
//! fails alone; the others in the batch still commit. Appends keep the order in which they
//! were submitted, so events of one session keep their order.

use super::sessions::append_in;
use super::{backend, SqliteStore};
use crate::domain::ids::SessionId;
use crate::domain::session::NewEvent;
use crate::store::{Appended, StoreError, StoreResult};
use sqlx::SqlitePool;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot};

/// At most this many appends share a transaction: bounds the time a commit holds the write
/// lock (other writers, such as session starts, wait that long at most).
const MAX_BATCH: usize = 256;

/// Appends waiting for the writer; callers wait (back-pressure) when it is full.
const QUEUE: usize = 4096;

pub(super) struct Pending {
    id: SessionId,
    event: NewEvent,
    done: oneshot::Sender<StoreResult<Appended>>,
}

/// The handle the store keeps: submitting an append and waiting for its commit.
#[derive(Clone)]
pub(super) struct Batcher {
    tx: mpsc::Sender<Pending>,
    /// Transactions committed by the writer. Only the tests read it (to see that appends
    /// were grouped) until the server grows a metrics endpoint.
    #[cfg_attr(not(test), allow(dead_code))]
    commits: Arc<AtomicU64>,
}

impl Batcher {
    /// Starts the writer task on the current runtime; it ends when every handle is dropped.
    pub(super) fn start(pool: SqlitePool) -> Batcher {
        let (tx, rx) = mpsc::channel(QUEUE);
        let commits = Arc::new(AtomicU64::new(0));
        tokio::spawn(writer(pool, rx, commits.clone()));
        Batcher { tx, commits }
    }

    pub(super) async fn append(&self, id: SessionId, event: NewEvent) -> StoreResult<Appended> {
        let (done, answer) = oneshot::channel();
        self.tx
            .send(Pending { id, event, done })
            .await
            .map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?
    }
}

fn stopped() -> StoreError {
    StoreError::Backend("the event writer has stopped (the store is closing)".into())
}

async fn writer(pool: SqlitePool, mut rx: mpsc::Receiver<Pending>, commits: Arc<AtomicU64>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while rx.recv_many(&mut batch, MAX_BATCH).await > 0 {
        if write_batch(&pool, std::mem::take(&mut batch)).await {
            commits.fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// Writes and commits one batch; answers every caller; true when it committed.
async fn write_batch(pool: &SqlitePool, batch: Vec<Pending>) -> bool {
    let mut results = Vec::with_capacity(batch.len());
    let committed: StoreResult<()> = async {
        let mut tx = pool.begin().await.map_err(backend)?;
        for p in &batch {
            // A savepoint: the connection is already inside the batch's transaction.
            let mut sp = sqlx::Connection::begin(&mut *tx).await.map_err(backend)?;
            match append_in(&mut sp, p.id, &p.event).await {
                Ok(a) => {
                    sp.commit().await.map_err(backend)?;
                    results.push(Ok(a));
                }
                Err(e) => {
                    sp.rollback().await.map_err(backend)?;
                    results.push(Err(e));
                }
            }
        }
        tx.commit().await.map_err(backend)
    }
    .await;
    match committed {
        Ok(()) => {
            for (p, r) in batch.into_iter().zip(results) {
                // A caller that gave up (its request was cancelled) no longer listens.
                let _ = p.done.send(r);
            }
            true
        }
        Err(e) => {
            // Nothing of this batch is on disk: every caller hears so, and nobody acks.
            let why = e.to_string();
            tracing::warn!(appends = batch.len(), error = %why, "event batch not committed");
            for p in batch {
                let _ = p.done.send(Err(StoreError::Backend(why.clone().into())));
            }
            false
        }
    }
}

impl SqliteStore {
    pub(super) async fn append_batched(
        &self,
        id: SessionId,
        event: NewEvent,
    ) -> StoreResult<Appended> {
        self.batcher.append(id, event).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::Lsid;
    use crate::domain::locale::Locale;
    use crate::domain::session::{Actor, Customer, NewSession, Queue, StartMethod, StartType};
    use crate::store::SessionStore;
    use std::collections::BTreeMap;

    async fn session(store: &SqliteStore) -> SessionId {
        let new = NewSession {
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
            customer_token_hash: "00".into(),
        };
        store
            .create_session(new, None)
            .await
            .expect("create")
            .expect("created")
            .id
    }

    fn message(i: usize) -> NewEvent {
        NewEvent {
            kind: "chat_message".into(),
            actor: Actor::Customer,
            body: serde_json::json!({ "text": format!("m{i}") }),
            client_msg_id: Some(format!("c{i}")),
            at: 2,
        }
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
        let events = store.events_after(id, 0, 100).await.expect("events");
        let texts: Vec<_> = events
            .iter()
            .filter(|e| e.kind == "chat_message")
            .map(|e| e.body["text"].as_str().unwrap_or_default().to_string())
            .collect();
        assert_eq!(texts, ["m1", "m3"]);
    }
}
