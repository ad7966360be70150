//! Group commit of session events and session starts: one writer task per store takes the
//! writes that are waiting and makes them in one transaction, so that a burst of chat
//! messages or of new sessions costs one WAL sync instead of one each.
//!
//! Why: with `synchronous=FULL` every commit waits for the disk, and SQLite has one writer at
//! a time, so one commit per message capped chat at a few hundred messages a second on a
//! small machine (BENCHMARKS.md). The durability promise is unchanged: a caller gets its
//! `Appended` only after the transaction holding its event has committed, and only then is a
//! message acknowledged to anyone.
//!
//! Each write fails alone (a session that is gone, a session key used meanwhile); the others
//! in the batch still commit: a start runs inside its own savepoint, an append is a single
//! statement that SQLite undoes whole. Writes keep the order in which they were submitted,
//! so events of one session keep their order.

use super::appends::{append_in, append_many, outcome};
use super::sessions::create_in;
use super::{backend, SqliteStore, Writes};
use crate::domain::ids::{SessionId, SessionKeyId};
use crate::domain::session::{NewEvent, NewSession};
use crate::store::{Appended, StoreError, StoreResult};
use sqlx::SqliteConnection;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot};

/// At most this many writes share a transaction: bounds the time a commit holds the write
/// lock (other writers wait that long at most).
const MAX_BATCH: usize = 256;

/// Writes waiting for the writer; callers wait (back-pressure) when it is full.
const QUEUE: usize = 4096;

pub(super) enum Pending {
    Append {
        id: SessionId,
        event: NewEvent,
        done: oneshot::Sender<StoreResult<Appended>>,
    },
    Create {
        session: Box<NewSession>,
        key: Option<SessionKeyId>,
        done: oneshot::Sender<StoreResult<Option<SessionId>>>,
    },
}

/// What one write of a batch came to, until the batch commits.
enum Outcome {
    Appended(StoreResult<Appended>),
    Created(StoreResult<Option<SessionId>>),
}

impl Pending {
    /// Makes the write inside `sp` (the batch's transaction or a savepoint in it).
    async fn write(&self, sp: &mut sqlx::Transaction<'_, sqlx::Sqlite>) -> Outcome {
        match self {
            Pending::Append { id, event, .. } => Outcome::Appended(append_in(sp, *id, event).await),
            Pending::Create { session, key, .. } => {
                Outcome::Created(create_in(sp, session, *key).await)
            }
        }
    }

    fn answer(self, outcome: Outcome) {
        // A caller that gave up (its request was cancelled) no longer listens.
        match (self, outcome) {
            (Pending::Append { done, .. }, Outcome::Appended(r)) => {
                let _ = done.send(r);
            }
            (Pending::Create { done, .. }, Outcome::Created(r)) => {
                let _ = done.send(r);
            }
            (p, _) => p.fail("internal: a write's outcome was mixed up"),
        }
    }

    fn fail(self, why: &str) {
        let e = || StoreError::Backend(why.to_string().into());
        match self {
            Pending::Append { done, .. } => {
                let _ = done.send(Err(e()));
            }
            Pending::Create { done, .. } => {
                let _ = done.send(Err(e()));
            }
        }
    }
}

impl Outcome {
    /// Whether the savepoint keeps what was written.
    fn keeps(&self) -> bool {
        matches!(
            self,
            Outcome::Appended(Ok(_)) | Outcome::Created(Ok(Some(_)))
        )
    }
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
    /// `writes` is the store's one write connection: the writer takes it for each batch and
    /// gives it back, so other writes get their turn between batches, in the order they asked.
    pub(super) fn start(writes: Writes) -> Batcher {
        let (tx, rx) = mpsc::channel(QUEUE);
        let commits = Arc::new(AtomicU64::new(0));
        tokio::spawn(writer(writes, rx, commits.clone()));
        Batcher { tx, commits }
    }

    pub(super) async fn append(&self, id: SessionId, event: NewEvent) -> StoreResult<Appended> {
        let (done, answer) = oneshot::channel();
        self.tx
            .send(Pending::Append { id, event, done })
            .await
            .map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?
    }

    /// Creates a session (`create_in`); `None` when its session key was used meanwhile.
    pub(super) async fn create(
        &self,
        session: NewSession,
        key: Option<SessionKeyId>,
    ) -> StoreResult<Option<SessionId>> {
        let (done, answer) = oneshot::channel();
        let session = Box::new(session);
        self.tx
            .send(Pending::Create { session, key, done })
            .await
            .map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?
    }
}

fn stopped() -> StoreError {
    StoreError::Backend("the event writer has stopped (the store is closing)".into())
}

async fn writer(writes: Writes, mut rx: mpsc::Receiver<Pending>, commits: Arc<AtomicU64>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while rx.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let mut conn = writes.lock().await;
        // Writes that came while this one waited for its turn join the batch.
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(p) => batch.push(p),
                Err(_) => break,
            }
        }
        if write_batch(&mut conn, std::mem::take(&mut batch)).await {
            commits.fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// Writes and commits one batch; answers every caller; true when it committed.
async fn write_batch(conn: &mut SqliteConnection, batch: Vec<Pending>) -> bool {
    if batch.iter().all(|p| matches!(p, Pending::Append { .. })) {
        match appends_at_once(conn, &batch).await {
            Ok(results) => {
                for (p, r) in batch.into_iter().zip(results) {
                    p.answer(r);
                }
                return true;
            }
            // Nothing was kept; one by one below, the write that failed fails alone.
            Err(e) => tracing::debug!(error = %e, "batch of appends retried one by one"),
        }
    }
    write_one_by_one(conn, batch).await
}

/// A batch of appends only, in one round trip (`append_many`).
async fn appends_at_once(
    conn: &mut SqliteConnection,
    batch: &[Pending],
) -> StoreResult<Vec<Outcome>> {
    let appends: Vec<(SessionId, &NewEvent)> = batch
        .iter()
        .filter_map(|p| match p {
            Pending::Append { id, event, .. } => Some((*id, event)),
            Pending::Create { .. } => None,
        })
        .collect();
    let seqs = append_many(conn, &appends).await?;
    let mut results = Vec::with_capacity(appends.len());
    for ((id, event), seq) in appends.into_iter().zip(seqs) {
        // Committed: what did not insert was a resend or a session that is gone.
        results.push(Outcome::Appended(outcome(conn, id, event, seq).await));
    }
    Ok(results)
}

/// Any batch: each write in turn in one transaction, a start in its own savepoint.
async fn write_one_by_one(conn: &mut SqliteConnection, batch: Vec<Pending>) -> bool {
    let mut results = Vec::with_capacity(batch.len());
    let committed: StoreResult<()> = async {
        let mut tx = sqlx::Connection::begin(&mut *conn).await.map_err(backend)?;
        for p in &batch {
            // An append is one statement, which SQLite undoes whole when it fails: it needs
            // no savepoint, and saves the two round trips to the connection's thread.
            if let Pending::Append { .. } = p {
                results.push(p.write(&mut tx).await);
                continue;
            }
            // A savepoint: the connection is already inside the batch's transaction.
            let mut sp = sqlx::Connection::begin(&mut *tx).await.map_err(backend)?;
            let outcome = p.write(&mut sp).await;
            if outcome.keeps() {
                sp.commit().await.map_err(backend)?;
            } else {
                sp.rollback().await.map_err(backend)?;
            }
            results.push(outcome);
        }
        tx.commit().await.map_err(backend)
    }
    .await;
    match committed {
        Ok(()) => {
            for (p, r) in batch.into_iter().zip(results) {
                p.answer(r);
            }
            true
        }
        Err(e) => {
            // Nothing of this batch is on disk: every caller hears so, and nobody acks.
            let why = e.to_string();
            tracing::warn!(writes = batch.len(), error = %why, "write batch not committed");
            for p in batch {
                p.fail(&why);
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
pub(super) mod tests;
