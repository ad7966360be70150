//! The embedded SQLite backend: one file under the data dir, in WAL mode, so that the admin
//! CLI can write while the server runs and readers never block the writer.

mod access;
mod accounts;
mod admin;
mod appends;
mod batch;
mod catalog;
mod checkpoint;
mod clients;
mod endpoints;
mod keys;
mod queue;
mod reads;
mod rep_sessions;
mod rows;
mod sessions;
mod users;

use super::{Store, StoreError, StoreResult};
use async_trait::async_trait;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sqlx::SqliteConnection;
use std::path::Path;
use std::time::Duration;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

/// The file name of the database inside the data dir.
pub const DB_FILE: &str = "beckon.db";

#[derive(Clone)]
pub struct SqliteStore {
    /// Reads. Its connections are `query_only`, so a write sent here by mistake fails in the
    /// tests instead of quietly competing for the write lock.
    reads: reads::Reads,
    /// Every write in this process, one at a time: see `open` for why.
    writes: Writes,
    /// Session events go through one writer that commits them in groups (`batch`).
    batcher: batch::Batcher,
    /// Stops the WAL checkpointer (`checkpoint`) when the last clone of the store goes.
    _checkpointer: std::sync::Arc<tokio_util::sync::DropGuard>,
}

impl SqliteStore {
    /// Opens (creating if needed) the database in `data_dir` and runs pending migrations.
    pub async fn open(data_dir: &Path) -> StoreResult<Self> {
        let options = SqliteConnectOptions::new()
            .filename(data_dir.join(DB_FILE))
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: an acknowledged chat message survives power loss, not just a crash.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10))
            // Checkpoints run in `checkpoint`, never inside a commit.
            .pragma("wal_autocheckpoint", "0")
            // After a burst the log file is cut back to this size when it starts over.
            .pragma("journal_size_limit", "16777216");
        // SQLite has one writer at a time and no queue for the others: a writer that finds the
        // lock taken sleeps in its busy handler (1, 2, 5 … 100 ms) and tries again. Under chat
        // load the group commit holds the lock almost back to back, so pooled writers slept
        // there for seconds, holding pool connections, and when one won the group commit slept
        // in turn. So every write of this process waits its turn here instead, first come
        // first served, on one connection (BENCHMARKS.md, "Every write in one queue, each
        // batch in one round trip").
        let mut conn = sqlx::ConnectOptions::connect(
            // A batch of appends is one query with a result per statement (`appends`): room
            // for all of them, so the connection's thread never waits for the writer to read;
            // and room to keep every write statement prepared, the batch texts included.
            &options
                .clone()
                .row_buffer_size(128)
                .statement_cache_capacity(256),
        )
        .await
        .map_err(backend)?;
        MIGRATOR
            .run(&mut conn)
            .await
            .map_err(|e| StoreError::Backend(Box::new(e)))?;
        appends::prepare(&mut conn).await?;
        let writes = Writes(std::sync::Arc::new(tokio::sync::Mutex::new(conn)));
        // Each connection keeps its own page cache (up to 2 MB) and thread: with eight,
        // 10,000 idle sessions cost 16.8 KiB each, with four 14.8 KiB, and chat latency did
        // not change (BENCHMARKS.md, "Every write in one queue, …").
        let reads = reads::Reads::open(&options, 4).await?;
        let batcher = batch::Batcher::start(writes.clone());
        let checkpointer = std::sync::Arc::new(checkpoint::start(reads.clone(), writes.clone()));
        Ok(SqliteStore {
            reads,
            writes,
            batcher,
            _checkpointer: checkpointer,
        })
    }

    /// Number of migrations applied (for tests of upgrades).
    pub async fn applied_migrations(&self) -> StoreResult<i64> {
        sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE success = 1")
            .fetch_one(&mut *self.reads.conn().await?)
            .await
            .map_err(backend)
    }
}

#[async_trait]
impl Store for SqliteStore {
    async fn ping(&self) -> StoreResult<()> {
        sqlx::query("SELECT 1")
            .execute(&mut *self.reads.conn().await?)
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn close(&self) {
        self.reads.close().await;
        // The write in progress, if any, finishes; the connection closes with the last clone.
        drop(self.writes.lock().await);
    }
}

/// The connection every write of this process goes through, one at a time. Why not a pool of
/// one: sqlx's pool hands a connection back through a spawned task that first pings it, a
/// round trip to the connection's thread; under load the next writer waited 10 to 40 ms for
/// that (measured), on every batch.
#[derive(Clone)]
pub(crate) struct Writes(std::sync::Arc<tokio::sync::Mutex<SqliteConnection>>);

impl Writes {
    /// Waits for this process's turn to write (first come, first served) and holds it until
    /// the guard is dropped.
    pub(crate) async fn lock(&self) -> tokio::sync::MutexGuard<'_, SqliteConnection> {
        self.0.lock().await
    }
}

/// Maps a driver error, turning unique violations into `Conflict` naming the rule.
pub(crate) fn backend(e: sqlx::Error) -> StoreError {
    StoreError::Backend(Box::new(e))
}

pub(crate) fn conflict_or(what: &'static str) -> impl Fn(sqlx::Error) -> StoreError {
    move |e| match &e {
        sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Conflict { what },
        _ => backend(e),
    }
}
