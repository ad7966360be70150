//! Event endpoints (webhooks) and their delivery: each endpoint's cursor into the session
//! event log, its retries and last error, and the log read by position for delivery.

use super::admin::must_touch;
use super::{backend, SqliteStore};
use crate::domain::endpoint::EventEndpoint;
use crate::domain::time::now_ms;
use crate::store::{StoreError, StoreResult};

impl SqliteStore {
    pub(super) async fn endpoints(&self) -> StoreResult<Vec<EventEndpoint>> {
        let rows: Vec<(i64, String, String, String, bool, i64)> = sqlx::query_as(
            "SELECT id, url, events, secret, enabled, created_at FROM event_endpoints ORDER BY id",
        )
        .fetch_all(&mut *self.reads.conn().await?)
        .await
        .map_err(backend)?;
        Ok(rows
            .into_iter()
            .map(
                |(id, url, events, secret, enabled, created_at)| EventEndpoint {
                    id,
                    url,
                    events: serde_json::from_str(&events).unwrap_or_default(),
                    secret,
                    enabled,
                    created_at,
                },
            )
            .collect())
    }

    pub(super) async fn new_endpoint(
        &self,
        url: &str,
        events: &[String],
        secret: &str,
    ) -> StoreResult<EventEndpoint> {
        let at = now_ms();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO event_endpoints (url, events, secret, enabled, created_at, cursor) \
             VALUES (?, ?, ?, 1, ?, (SELECT COALESCE(MAX(rowid), 0) FROM session_events)) RETURNING id",
        )
        .bind(url)
        .bind(serde_json::to_string(events).unwrap_or_else(|_| "[]".into()))
        .bind(secret)
        .bind(at)
        .fetch_one(&mut *self.writes.lock().await)
        .await
        .map_err(backend)?;
        Ok(EventEndpoint {
            id,
            url: url.into(),
            events: events.to_vec(),
            secret: secret.into(),
            enabled: true,
            created_at: at,
        })
    }

    pub(super) async fn change_endpoint(
        &self,
        id: i64,
        url: &str,
        events: &[String],
        enabled: bool,
        secret: Option<&str>,
    ) -> StoreResult<()> {
        let done = sqlx::query(
            "UPDATE event_endpoints SET url = ?, events = ?, enabled = ?, secret = COALESCE(?, secret) WHERE id = ?",
        )
        .bind(url)
        .bind(serde_json::to_string(events).unwrap_or_else(|_| "[]".into()))
        .bind(enabled)
        .bind(secret)
        .bind(id)
        .execute(&mut *self.writes.lock().await)
        .await
        .map_err(backend)?;
        must_touch(done, "endpoint")
    }

    pub(super) async fn remove_endpoint(&self, id: i64) -> StoreResult<()> {
        let done = sqlx::query("DELETE FROM event_endpoints WHERE id = ?")
            .bind(id)
            .execute(&mut *self.writes.lock().await)
            .await
            .map_err(backend)?;
        must_touch(done, "endpoint")
    }

    pub(super) async fn delivery_state(
        &self,
        id: i64,
    ) -> StoreResult<(i64, i64, i64, i64, String)> {
        sqlx::query_as("SELECT cursor, attempts, next_attempt_at, delivered, last_error FROM event_endpoints WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut *self.reads.conn().await?)
            .await
            .map_err(backend)?
            .ok_or(StoreError::NotFound { what: "endpoint" })
    }

    pub(super) async fn events_after_position(
        &self,
        cursor: i64,
        limit: i64,
    ) -> StoreResult<Vec<(i64, String, String, crate::domain::session::SessionEvent)>> {
        #[allow(clippy::type_complexity)]
        let rows: Vec<(i64, String, String, i64, String, String, Option<i64>, String, Option<String>, i64)> = sqlx::query_as(
            "SELECT e.rowid, s.lsid, s.external_key, e.seq, e.kind, e.actor_kind, e.actor_id, e.body, e.client_msg_id, e.at \
             FROM session_events e JOIN support_sessions s ON s.id = e.session_id WHERE e.rowid > ? ORDER BY e.rowid LIMIT ?",
        )
        .bind(cursor)
        .bind(limit)
        .fetch_all(&mut *self.reads.conn().await?)
        .await
        .map_err(backend)?;
        Ok(rows
            .into_iter()
            .map(
                |(pos, lsid, ext, seq, kind, actor_kind, actor_id, body, cid, at)| {
                    let event = crate::domain::session::SessionEvent {
                        seq,
                        kind,
                        actor: crate::domain::session::Actor::from_parts(&actor_kind, actor_id),
                        body: serde_json::from_str(&body).unwrap_or_default(),
                        client_msg_id: cid,
                        at,
                    };
                    (pos, lsid, ext, event)
                },
            )
            .collect())
    }

    pub(super) async fn log_head(&self) -> StoreResult<i64> {
        sqlx::query_scalar("SELECT COALESCE(MAX(rowid), 0) FROM session_events")
            .fetch_one(&mut *self.reads.conn().await?)
            .await
            .map_err(backend)
    }

    pub(super) async fn record_delivered(
        &self,
        id: i64,
        cursor: i64,
        delivered: bool,
    ) -> StoreResult<()> {
        sqlx::query("UPDATE event_endpoints SET cursor = ?, attempts = 0, next_attempt_at = 0, last_error = '', delivered = delivered + ? WHERE id = ?")
            .bind(cursor)
            .bind(i64::from(delivered))
            .bind(id)
            .execute(&mut *self.writes.lock().await)
            .await
            .map_err(backend)?;
        Ok(())
    }

    pub(super) async fn record_failed(
        &self,
        id: i64,
        attempts: i64,
        next_attempt_at: i64,
        error: &str,
    ) -> StoreResult<()> {
        sqlx::query("UPDATE event_endpoints SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")
            .bind(attempts)
            .bind(next_attempt_at)
            .bind(error)
            .bind(id)
            .execute(&mut *self.writes.lock().await)
            .await
            .map_err(backend)?;
        Ok(())
    }
}
