//! WAL checkpoints off the commit path, and in the writer's turn.
//!
//! SQLite's default moves the write-ahead log into the database file inside whichever commit
//! finds the log past 1,000 pages: that commit, and every chat message waiting behind it in
//! the group commit, then waits for a copy of a few megabytes and an fsync of the database
//! file (BENCHMARKS.md, "One statement per append, checkpoints off the commit path", has
//! what moving it did and did not change). Here every connection has automatic checkpoints off,
//! and this task runs a PASSIVE checkpoint a few times a second, so each one is small, and the
//! writer starts the log over once everything in it has been copied.
//!
//! Each checkpoint takes the writers' turn (`Writes`) while it runs. Running beside the
//! writer, its fsync of the database file and the writer's fsync of the log slowed each other
//! on the same disk: `strace` showed log fsyncs of 65–74 ms, which were the last tens of
//! milliseconds of chat latency. In turn, a checkpoint of a quarter second's writes delays the
//! next commit by about a millisecond instead (BENCHMARKS.md, "Checkpoints in the writer's
//! turn"). Durability is unchanged: a commit is on disk when its WAL frames are synced, before
//! any checkpoint.
use std::time::Duration;
use tokio_util::sync::{CancellationToken, DropGuard};

/// How often the log is copied into the database: often enough that each copy is small.
const EVERY: Duration = Duration::from_millis(250);

/// Starts the checkpointer, which checkpoints through a read connection in the turn of `writes`; it
/// stops when the returned guard (held by every clone of the store) is dropped.
pub(super) fn start(reads: super::reads::Reads, writes: super::Writes) -> DropGuard {
    let stop = CancellationToken::new();
    let stopped = stop.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                _ = stopped.cancelled() => return,
                _ = tick.tick() => {}
            }
            let turn = writes.lock().await;
            let done = match reads.conn().await {
                Ok(mut conn) => sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
                    .execute(&mut *conn)
                    .await
                    .map_err(super::backend),
                // The store is closing.
                Err(_) => return,
            };
            drop(turn);
            if let Err(e) = done {
                // The next tick tries again; the log only grows meanwhile.
                tracing::warn!(error = %e, "WAL checkpoint failed");
            }
        }
    });
    stop.drop_guard()
}

#[cfg(test)]
mod tests {
    use crate::store::sqlite::batch::tests::{message, session};
    use crate::store::sqlite::SqliteStore;
    use crate::store::SessionStore;
    use std::time::Duration;

    /// How many times the write-ahead log was started over: the checkpoint sequence number in
    /// its header (bytes 12..16), read from the file so that reading it checkpoints nothing.
    fn log_restarts(dir: &std::path::Path) -> u32 {
        let wal = std::fs::read(dir.join(format!("{}-wal", super::super::DB_FILE))).expect("wal");
        u32::from_be_bytes(wal[12..16].try_into().expect("header"))
    }

    /// Frames of the log already copied into the database: `nBackfill` of the WAL index
    /// (the `-shm` file, after its two 48-byte headers; native byte order).
    fn backfilled(dir: &std::path::Path) -> u32 {
        let shm = std::fs::read(dir.join(format!("{}-shm", super::super::DB_FILE))).expect("shm");
        u32::from_ne_bytes(shm[96..100].try_into().expect("checkpoint info"))
    }

    /// While a write holds the turn, nothing is checkpointed; once it lets go, the log is.
    #[tokio::test]
    async fn checkpoints_wait_for_the_writers_turn() {
        let dir = tempfile::tempdir().expect("dir");
        let store = SqliteStore::open(dir.path()).await.expect("open");
        let id = session(&store).await;
        tokio::time::sleep(Duration::from_millis(600)).await;
        // The test holds the turn and writes through it, as a store method would.
        let mut conn = store.writes.lock().await;
        for i in 0..20 {
            let mut tx = sqlx::Connection::begin(&mut *conn).await.expect("begin");
            super::super::appends::append_in(&mut tx, id, &message(i))
                .await
                .expect("append");
            tx.commit().await.expect("commit");
        }
        let held = backfilled(dir.path());
        tokio::time::sleep(Duration::from_millis(1_000)).await;
        assert_eq!(
            backfilled(dir.path()),
            held,
            "a checkpoint ran while a write held the turn"
        );
        drop(conn);
        for _ in 0..40 {
            tokio::time::sleep(Duration::from_millis(100)).await;
            if backfilled(dir.path()) != held {
                return;
            }
        }
        panic!("nothing was checkpointed after the turn was let go");
    }

    /// No commit copies the log (automatic checkpoints are off), yet the log does not grow
    /// with the traffic: the checkpointer copies it, and a later commit starts it over.
    #[tokio::test]
    async fn the_log_is_copied_in_the_background_and_started_over() {
        let dir = tempfile::tempdir().expect("dir");
        let store = SqliteStore::open(dir.path()).await.expect("open");
        let id = session(&store).await;
        for round in 0..20 {
            let appends = (0..50).map(|i| store.append_event(id, message(round * 50 + i)));
            for r in futures_util::future::join_all(appends).await {
                r.expect("append");
            }
        }
        let before = log_restarts(dir.path());
        for i in 0..50 {
            tokio::time::sleep(Duration::from_millis(100)).await;
            store
                .append_event(id, message(10_000 + i))
                .await
                .expect("append");
            if log_restarts(dir.path()) != before {
                return;
            }
        }
        panic!("the log was never started over: nothing checkpointed it");
    }
}
