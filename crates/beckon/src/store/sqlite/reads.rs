//! The read connections: a fixed set, lent out one at a time and handed back on drop.
//!
//! Why not sqlx's pool: it hands a connection back through a spawned task that first pings
//! it, a second round trip to the connection's thread (a channel send and two thread
//! wake-ups) for every query, and the connection cannot be lent again until that task has
//! run. Under chat load those wake-ups were the largest share of the server's CPU (`perf`:
//! futex waits and wakes in sqlx's worker channel). Here handing back is a push onto a list.
//!
//! Connections are `query_only`, so nothing a dropped query leaves behind can be a write in
//! progress: a query cancelled halfway (its request was dropped) still runs to its end on the
//! connection's thread, and the next query on that connection queues behind it.

use super::backend;
use crate::store::StoreResult;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection, SqliteConnection};
use std::ops::{Deref, DerefMut};
use std::sync::{Arc, Mutex};
use tokio::sync::{Semaphore, SemaphorePermit};

#[derive(Clone)]
pub(crate) struct Reads(Arc<Inner>);

struct Inner {
    idle: Mutex<Vec<SqliteConnection>>,
    /// One permit per connection in `idle`: a reader that holds one finds a connection there.
    lendable: Semaphore,
    /// Connections in all, lent or not.
    count: u32,
}

/// A lent connection; dropping it hands the connection back.
pub(crate) struct Read<'a> {
    conn: Option<SqliteConnection>,
    inner: &'a Inner,
    _permit: SemaphorePermit<'a>,
}

impl Reads {
    /// Opens `count` connections with `options` (made `query_only` here).
    pub(crate) async fn open(options: &SqliteConnectOptions, count: usize) -> StoreResult<Self> {
        let options = options.clone().pragma("query_only", "ON");
        let mut idle = Vec::with_capacity(count);
        for _ in 0..count {
            idle.push(options.connect().await.map_err(backend)?);
        }
        Ok(Reads(Arc::new(Inner {
            idle: Mutex::new(idle),
            lendable: Semaphore::new(count),
            count: count as u32,
        })))
    }

    /// Waits for a free connection (first come, first served) and lends it; fails once the
    /// store is closed, as sqlx's pool did (`PoolClosed`).
    pub(crate) async fn conn(&self) -> StoreResult<Read<'_>> {
        let closed = || backend(sqlx::Error::PoolClosed);
        let permit = self.0.lendable.acquire().await.map_err(|_| closed())?;
        // A permit stands for an idle connection, so this finds one.
        let conn = self.0.idle().pop().ok_or_else(closed)?;
        Ok(Read {
            conn: Some(conn),
            inner: &self.0,
            _permit: permit,
        })
    }

    /// Closes every connection once it is handed back; reads after this fail.
    pub(crate) async fn close(&self) {
        let Ok(all) = self.0.lendable.acquire_many(self.0.count).await else {
            return;
        };
        self.0.lendable.close();
        all.forget();
        let conns = std::mem::take(&mut *self.0.idle());
        for conn in conns {
            let _ = conn.close().await;
        }
    }
}

impl Inner {
    fn idle(&self) -> std::sync::MutexGuard<'_, Vec<SqliteConnection>> {
        // The list is only pushed and popped: a panic elsewhere cannot leave it half changed.
        self.idle.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Deref for Read<'_> {
    type Target = SqliteConnection;
    fn deref(&self) -> &SqliteConnection {
        self.conn.as_ref().expect("held until drop")
    }
}

impl DerefMut for Read<'_> {
    fn deref_mut(&mut self) -> &mut SqliteConnection {
        self.conn.as_mut().expect("held until drop")
    }
}

impl Drop for Read<'_> {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.take() {
            // Pushed before the permit is released (fields drop after this body).
            self.inner.idle().push(conn);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Reads;
    use sqlx::sqlite::SqliteConnectOptions;
    use std::time::Duration;

    async fn reads(dir: &tempfile::TempDir, count: usize) -> Reads {
        let options = SqliteConnectOptions::new()
            .filename(dir.path().join("reads.db"))
            .create_if_missing(true);
        Reads::open(&options, count).await.expect("open")
    }

    /// A reader waits while every connection is lent, and gets one as soon as it is handed
    /// back on drop.
    #[tokio::test]
    async fn a_dropped_read_lends_its_connection_again() {
        let dir = tempfile::tempdir().expect("dir");
        let reads = reads(&dir, 1).await;
        let first = reads.conn().await.expect("first");
        let waiting = tokio::time::timeout(Duration::from_millis(50), reads.conn()).await;
        assert!(waiting.is_err(), "a second reader got the only connection");
        drop(first);
        let mut second = tokio::time::timeout(Duration::from_secs(5), reads.conn())
            .await
            .expect("the connection was not handed back")
            .expect("second");
        let one: i64 = sqlx::query_scalar("SELECT 1")
            .fetch_one(&mut *second)
            .await
            .expect("query");
        assert_eq!(one, 1);
    }

    /// The connections refuse writes, so a write sent to them by mistake fails loudly.
    #[tokio::test]
    async fn read_connections_refuse_writes() {
        let dir = tempfile::tempdir().expect("dir");
        let reads = reads(&dir, 2).await;
        let write = sqlx::query("CREATE TABLE t (x)")
            .execute(&mut *reads.conn().await.expect("conn"))
            .await;
        assert!(write.is_err(), "a read connection wrote");
    }

    /// Closing waits for lent connections, and reads after it fail instead of waiting forever.
    #[tokio::test]
    async fn reads_after_close_fail() {
        let dir = tempfile::tempdir().expect("dir");
        let reads = reads(&dir, 2).await;
        let lent = reads.conn().await.expect("conn");
        let closing = {
            let reads = reads.clone();
            tokio::spawn(async move { reads.close().await })
        };
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert!(!closing.is_finished(), "closed while a connection was lent");
        drop(lent);
        tokio::time::timeout(Duration::from_secs(5), closing)
            .await
            .expect("close finished")
            .expect("close task");
        let after = tokio::time::timeout(Duration::from_secs(5), reads.conn())
            .await
            .expect("a read after close waited");
        assert!(after.is_err(), "a read after close got a connection");
    }
}
