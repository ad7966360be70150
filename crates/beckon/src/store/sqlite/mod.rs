//! The embedded SQLite backend: one file under the data dir, in WAL mode, so that the admin
//! CLI can write while the server runs and readers never block the writer.

mod access;
mod accounts;
mod admin;
mod batch;
mod catalog;
mod checkpoint;
mod clients;
mod keys;
mod rows;
mod sessions;
mod users;

use super::{Store, StoreError, StoreResult};
use async_trait::async_trait;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;
use std::path::Path;
use std::time::Duration;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

/// The file name of the database inside the data dir.
pub const DB_FILE: &str = "beckon.db";

#[derive(Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
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
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            // sqlx pings a connection before lending it out by default: for SQLite, whose
            // connections cannot go stale, that was a second round trip to the connection's
            // thread for every query.
            .test_before_acquire(false)
            .connect_with(options.clone())
            .await
            .map_err(backend)?;
        MIGRATOR
            .run(&pool)
            .await
            .map_err(|e| StoreError::Backend(Box::new(e)))?;
        let writer = sqlx::ConnectOptions::connect(&options)
            .await
            .map_err(backend)?;
        let batcher = batch::Batcher::start(writer);
        let checkpointer = std::sync::Arc::new(checkpoint::start(pool.clone()));
        Ok(SqliteStore {
            pool,
            batcher,
            _checkpointer: checkpointer,
        })
    }

    /// Number of migrations applied (for tests of upgrades).
    pub async fn applied_migrations(&self) -> StoreResult<i64> {
        sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE success = 1")
            .fetch_one(&self.pool)
            .await
            .map_err(backend)
    }
}

#[async_trait]
impl Store for SqliteStore {
    async fn ping(&self) -> StoreResult<()> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn close(&self) {
        self.pool.close().await;
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
