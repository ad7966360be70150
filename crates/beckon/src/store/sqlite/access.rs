//! Presence, logins and the failure counters that throttle guessing.

use super::{backend, SqliteStore};
use crate::domain::ids::UserId;
use crate::domain::people::{Presence, PresenceStatus};
use crate::domain::time::Millis;
use crate::store::{AccessStore, StoreError, StoreResult};
use async_trait::async_trait;
use sqlx::Connection as _;

#[async_trait]
impl AccessStore for SqliteStore {
    async fn record_key_failure(
        &self,
        client_ip: &str,
        at: Millis,
        keep_since: Millis,
    ) -> StoreResult<()> {
        let mut conn = self.writes.lock().await;
        let mut tx = conn.begin().await.map_err(backend)?;
        sqlx::query("INSERT INTO key_failures (client_ip, at) VALUES (?, ?)")
            .bind(client_ip)
            .bind(at)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        sqlx::query("DELETE FROM key_failures WHERE at < ?")
            .bind(keep_since)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        tx.commit().await.map_err(backend)
    }
    async fn key_failures_since(
        &self,
        client_ip: &str,
        since: Millis,
    ) -> StoreResult<(i64, Option<Millis>)> {
        sqlx::query_as("SELECT COUNT(*), MIN(at) FROM key_failures WHERE client_ip = ? AND at >= ?")
            .bind(client_ip)
            .bind(since)
            .fetch_one(&mut *self.reads.conn().await?)
            .await
            .map_err(backend)
    }
    async fn record_auth_failure(
        &self,
        scopes: &[String],
        at: Millis,
        keep_since: Millis,
    ) -> StoreResult<()> {
        let mut conn = self.writes.lock().await;
        let mut tx = conn.begin().await.map_err(backend)?;
        for scope in scopes {
            sqlx::query("INSERT INTO auth_failures (scope, at) VALUES (?, ?)")
                .bind(scope)
                .bind(at)
                .execute(&mut *tx)
                .await
                .map_err(backend)?;
        }
        sqlx::query("DELETE FROM auth_failures WHERE at < ?")
            .bind(keep_since)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        tx.commit().await.map_err(backend)
    }
    async fn auth_failures_since(
        &self,
        scope: &str,
        since: Millis,
    ) -> StoreResult<(i64, Option<Millis>)> {
        sqlx::query_as("SELECT COUNT(*), MIN(at) FROM auth_failures WHERE scope = ? AND at >= ?")
            .bind(scope)
            .bind(since)
            .fetch_one(&mut *self.reads.conn().await?)
            .await
            .map_err(backend)
    }
    async fn clear_auth_failures(&self, scope: &str) -> StoreResult<()> {
        sqlx::query("DELETE FROM auth_failures WHERE scope = ?")
            .bind(scope)
            .execute(&mut *self.writes.lock().await)
            .await
            .map_err(backend)?;
        Ok(())
    }
    async fn touch_presence(&self, user: UserId, at: Millis) -> StoreResult<()> {
        sqlx::query("UPDATE rep_presence SET last_seen_at = ? WHERE user_id = ?")
            .bind(at)
            .bind(user.0)
            .execute(&mut *self.writes.lock().await)
            .await
            .map_err(backend)?;
        Ok(())
    }
    async fn sweep_presence(&self, before: Millis) -> StoreResult<Vec<UserId>> {
        // Runs every second: a DELETE takes SQLite's write lock even when it deletes nothing,
        // and under a stream of chat messages it waited seconds for it between the group
        // commits (SQLite's busy handler polls at up to 100 ms), holding a pooled connection
        // all along (BENCHMARKS.md). Most sweeps find nobody gone, which a read answers.
        let stale: Option<i64> =
            sqlx::query_scalar("SELECT 1 FROM rep_presence WHERE last_seen_at < ? LIMIT 1")
                .bind(before)
                .fetch_optional(&mut *self.reads.conn().await?)
                .await
                .map_err(backend)?;
        if stale.is_none() {
            return Ok(Vec::new());
        }
        let ids: Vec<i64> =
            sqlx::query_scalar("DELETE FROM rep_presence WHERE last_seen_at < ? RETURNING user_id")
                .bind(before)
                .fetch_all(&mut *self.writes.lock().await)
                .await
                .map_err(backend)?;
        Ok(ids.into_iter().map(UserId).collect())
    }
    async fn create_login(
        &self,
        token_hash: &str,
        user: UserId,
        at: Millis,
        expires_at: Millis,
    ) -> StoreResult<()> {
        sqlx::query("DELETE FROM login_sessions WHERE expires_at <= ?")
            .bind(at)
            .execute(&mut *self.writes.lock().await)
            .await
            .map_err(backend)?;
        sqlx::query("INSERT INTO login_sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
            .bind(token_hash)
            .bind(user.0)
            .bind(at)
            .bind(expires_at)
            .execute(&mut *self.writes.lock().await)
            .await
            .map_err(backend)?;
        Ok(())
    }
    async fn delete_login(&self, token_hash: &str) -> StoreResult<()> {
        sqlx::query("DELETE FROM login_sessions WHERE token_hash = ?")
            .bind(token_hash)
            .execute(&mut *self.writes.lock().await)
            .await
            .map_err(backend)?;
        Ok(())
    }
    async fn set_presence(
        &self,
        user: UserId,
        status: PresenceStatus,
        at: Millis,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO rep_presence (user_id, status, logged_in_since, last_seen_at, idle_since) \
             VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET status = excluded.status, \
             last_seen_at = excluded.last_seen_at",
        )
        .bind(user.0)
        .bind(status.as_str())
        .bind(at)
        .bind(at)
        .bind(at)
        .execute(&mut *self.writes.lock().await)
        .await
        .map_err(backend)?;
        Ok(())
    }
    async fn clear_presence(&self, user: UserId) -> StoreResult<()> {
        sqlx::query("DELETE FROM rep_presence WHERE user_id = ?")
            .bind(user.0)
            .execute(&mut *self.writes.lock().await)
            .await
            .map_err(backend)?;
        Ok(())
    }
    async fn list_presence(&self) -> StoreResult<Vec<Presence>> {
        let rows: Vec<(i64, String, i64, i64, i64)> = sqlx::query_as(
            "SELECT user_id, status, logged_in_since, last_seen_at, idle_since FROM rep_presence \
             ORDER BY user_id",
        )
        .fetch_all(&mut *self.reads.conn().await?)
        .await
        .map_err(backend)?;
        rows.into_iter()
            .map(|(u, status, since, seen, idle)| {
                Ok(Presence {
                    user_id: UserId(u),
                    status: PresenceStatus::parse(&status)
                        .ok_or_else(|| StoreError::Corrupt(format!("presence `{status}`")))?,
                    logged_in_since: since,
                    last_seen_at: seen,
                    idle_since: idle,
                })
            })
            .collect()
    }
}
