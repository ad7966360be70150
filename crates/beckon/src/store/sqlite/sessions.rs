//! Sessions: creating one, loading it, its attributes, its state changes and its event log.
//! The waiting queue (`queue`), a representative's lists (`rep_sessions`) and session keys
//! (`keys`) have their SQL beside this file; the trait's methods for them only delegate.

use super::appends::append_in;
use super::rows::{EventRow, SessionRow};
use super::{backend, SqliteStore};
use crate::domain::ids::*;
use crate::domain::session::{NewEvent, NewSession, SessionEvent, SupportSession};
use crate::domain::session_key::{NewSessionKey, SessionKey};
use crate::domain::time::Millis;
use crate::store::{Appended, SessionStore, StoreError, StoreResult, Transition};
use async_trait::async_trait;
use sqlx::Connection as _;
use sqlx::{Sqlite, Transaction};
use std::collections::BTreeMap;

pub(super) const SESSION_COLUMNS: &str =
    "id, lsid, start_type, state, start_method, queue_kind, queue_ref, \
    issue_id, session_key_id, skills, customer_name, customer_company, customer_company_code, \
    customer_details, locale, chat_locale, external_key, timezone_offset, page_url, client_ip, \
    owner_id, offered_to, offered_at, created_at, queued_at, accepted_at, ended_at, end_reason, \
    client_deadline";

/// `SESSION_COLUMNS` and the session's attributes in one read: a session is loaded for nearly
/// every request and socket update, and a second query per load (each a round trip to the
/// database's thread) was a large part of the cost at thousands of messages a second.
const SESSION_WITH_ATTRIBUTES: &str = "id, lsid, start_type, state, start_method, queue_kind, \
    queue_ref, issue_id, session_key_id, skills, customer_name, customer_company, \
    customer_company_code, customer_details, locale, chat_locale, external_key, timezone_offset, \
    page_url, client_ip, owner_id, offered_to, offered_at, created_at, queued_at, accepted_at, \
    ended_at, end_reason, client_deadline, \
    (SELECT json_group_object(a.code_name, a.value) FROM session_attributes a \
     WHERE a.session_id = support_sessions.id) AS attrs";

pub(super) const EVENT_COLUMNS: &str = "seq, kind, actor_kind, actor_id, body, client_msg_id, at";

/// Creates a session, consuming its session key (`None` when the key was used or revoked
/// meanwhile: the caller rolls back), with its attributes and its `created` event, inside
/// the caller's transaction.
pub(super) async fn create_in(
    tx: &mut Transaction<'_, Sqlite>,
    s: &NewSession,
    consume_key: Option<SessionKeyId>,
) -> StoreResult<Option<SessionId>> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO support_sessions (lsid, start_type, state, start_method, queue_kind, \
         queue_ref, issue_id, session_key_id, skills, customer_name, customer_company, \
         customer_company_code, customer_details, locale, chat_locale, external_key, \
         timezone_offset, page_url, client_ip, created_at, client_deadline, customer_token_hash) \
         VALUES (?, ?, 'awaiting_client', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) \
         RETURNING id",
    )
    .bind(s.lsid.as_str())
    .bind(s.start_type.as_str())
    .bind(s.start_method.as_str())
    .bind(s.queue.kind())
    .bind(s.queue.reference())
    .bind(s.issue_id.map(|i| i.0))
    .bind(s.session_key_id.map(|i| i.0))
    .bind(serde_json::to_string(&s.skills).unwrap_or_else(|_| "[]".into()))
    .bind(&s.customer.name)
    .bind(&s.customer.company)
    .bind(&s.customer.company_code)
    .bind(&s.customer.details)
    .bind(s.locale.code())
    .bind(s.chat_locale.map(|l| l.code()))
    .bind(&s.external_key)
    .bind(s.timezone_offset)
    .bind(&s.page_url)
    .bind(&s.client_ip)
    .bind(s.created_at)
    .bind(s.client_deadline)
    .bind(&s.customer_token_hash)
    .fetch_one(&mut **tx)
    .await
    .map_err(super::conflict_or("lsid"))?;
    if let Some(key) = consume_key {
        let done = sqlx::query(
            "UPDATE session_keys SET used_at = ?, session_id = ? \
             WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?",
        )
        .bind(s.created_at)
        .bind(id)
        .bind(key.0)
        .bind(s.created_at)
        .execute(&mut **tx)
        .await
        .map_err(backend)?;
        if done.rows_affected() == 0 {
            return Ok(None);
        }
    }
    for (code, value) in &s.attributes {
        sqlx::query(
            "INSERT INTO session_attributes (session_id, code_name, value) VALUES (?, ?, ?)",
        )
        .bind(id)
        .bind(code)
        .bind(value)
        .execute(&mut **tx)
        .await
        .map_err(backend)?;
    }
    let created = NewEvent::system(
        "created",
        serde_json::json!({
            "start_type": s.start_type,
            "start_method": s.start_method,
            "queue": s.queue,
        }),
        s.created_at,
    );
    append_in(tx, SessionId(id), &created).await?;
    Ok(Some(SessionId(id)))
}

impl SqliteStore {
    pub(super) async fn load_session(
        &self,
        row: Option<SessionRow>,
    ) -> StoreResult<Option<SupportSession>> {
        let Some(mut row) = row else { return Ok(None) };
        if let Some(json) = row.attrs.take() {
            let attrs: BTreeMap<String, String> = serde_json::from_str(&json)
                .map_err(|e| StoreError::Backend(format!("session attributes: {e}").into()))?;
            return row.into_session(attrs).map(Some);
        }
        let attrs: Vec<(String, String)> =
            sqlx::query_as("SELECT code_name, value FROM session_attributes WHERE session_id = ?")
                .bind(row.id)
                .fetch_all(&mut *self.reads.conn().await?)
                .await
                .map_err(backend)?;
        row.into_session(attrs.into_iter().collect::<BTreeMap<_, _>>())
            .map(Some)
    }
}

#[async_trait]
impl SessionStore for SqliteStore {
    async fn create_session(
        &self,
        s: NewSession,
        consume_key: Option<SessionKeyId>,
    ) -> StoreResult<Option<SupportSession>> {
        // Through the group commit: a storm of starts shares disk syncs as chat does.
        match self.batcher.create(s, consume_key).await? {
            Some(id) => self.session_by_id(id).await,
            None => Ok(None),
        }
    }

    async fn session_by_id(&self, id: SessionId) -> StoreResult<Option<SupportSession>> {
        let sql = format!("SELECT {SESSION_WITH_ATTRIBUTES} FROM support_sessions WHERE id = ?");
        let row = sqlx::query_as(&sql)
            .bind(id.0)
            .fetch_optional(&mut *self.reads.conn().await?)
            .await
            .map_err(backend)?;
        self.load_session(row).await
    }

    async fn session_by_lsid(&self, lsid: &str) -> StoreResult<Option<SupportSession>> {
        let sql = format!("SELECT {SESSION_WITH_ATTRIBUTES} FROM support_sessions WHERE lsid = ?");
        let row = sqlx::query_as(&sql)
            .bind(lsid)
            .fetch_optional(&mut *self.reads.conn().await?)
            .await
            .map_err(backend)?;
        self.load_session(row).await
    }

    async fn set_session_attributes(
        &self,
        id: SessionId,
        external_key: Option<&str>,
        changes: &[(String, Option<String>)],
    ) -> StoreResult<()> {
        let mut conn = self.writes.lock().await;
        let mut tx = conn.begin().await.map_err(backend)?;
        if let Some(k) = external_key {
            sqlx::query("UPDATE support_sessions SET external_key = ? WHERE id = ?")
                .bind(k)
                .bind(id.0)
                .execute(&mut *tx)
                .await
                .map_err(backend)?;
        }
        for (code, value) in changes {
            match value {
                Some(v) => sqlx::query(
                    "INSERT INTO session_attributes (session_id, code_name, value) VALUES (?, ?, ?) \
                     ON CONFLICT (session_id, code_name) DO UPDATE SET value = excluded.value",
                )
                .bind(id.0)
                .bind(code)
                .bind(v),
                None => sqlx::query("DELETE FROM session_attributes WHERE session_id = ? AND code_name = ?")
                    .bind(id.0)
                    .bind(code),
            }
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        }
        tx.commit().await.map_err(backend)
    }

    async fn session_ids_in_range(&self, from: Millis, to: Millis) -> StoreResult<Vec<SessionId>> {
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT id FROM support_sessions WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id",
        )
        .bind(from)
        .bind(to)
        .fetch_all(&mut *self.reads.conn().await?)
        .await
        .map_err(backend)?;
        Ok(ids.into_iter().map(SessionId).collect())
    }

    async fn session_by_customer_token(
        &self,
        token_hash: &str,
    ) -> StoreResult<Option<SupportSession>> {
        let sql =
            format!("SELECT {SESSION_COLUMNS} FROM support_sessions WHERE customer_token_hash = ?");
        let row: Option<SessionRow> = sqlx::query_as(&sql)
            .bind(token_hash)
            .fetch_optional(&mut *self.reads.conn().await?)
            .await
            .map_err(backend)?;
        if row.is_some() {
            return self.load_session(row).await;
        }
        // A token issued to a full client at its join (two indexed lookups rather than one OR,
        // which SQLite may not answer from the indexes).
        let sql = format!(
            "SELECT {SESSION_COLUMNS} FROM support_sessions WHERE id = \
             (SELECT session_id FROM client_tickets WHERE customer_token_hash = ?)"
        );
        let row = sqlx::query_as(&sql)
            .bind(token_hash)
            .fetch_optional(&mut *self.reads.conn().await?)
            .await
            .map_err(backend)?;
        self.load_session(row).await
    }

    async fn append_event(&self, id: SessionId, event: NewEvent) -> StoreResult<Appended> {
        self.append_batched(id, event).await
    }

    async fn events_after(
        &self,
        id: SessionId,
        after: i64,
        limit: i64,
    ) -> StoreResult<Vec<SessionEvent>> {
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM session_events WHERE session_id = ? AND seq > ? \
             ORDER BY seq LIMIT ?"
        );
        let rows: Vec<EventRow> = sqlx::query_as(&sql)
            .bind(id.0)
            .bind(after)
            .bind(limit)
            .fetch_all(&mut *self.reads.conn().await?)
            .await
            .map_err(backend)?;
        rows.into_iter().map(SessionEvent::try_from).collect()
    }

    async fn transition(
        &self,
        id: SessionId,
        t: Transition,
    ) -> StoreResult<Option<SupportSession>> {
        let mut conn = self.writes.lock().await;
        let mut tx = conn.begin().await.map_err(backend)?;
        let from: Vec<&str> = t.from.iter().map(|s| s.as_str()).collect();
        let placeholders = vec!["?"; from.len()].join(", ");
        // One guarded UPDATE: the state check and the write are a single atomic statement, so
        // two representatives (or two server processes) accepting at once cannot both win.
        let sql = format!(
            "UPDATE support_sessions SET state = ?, \
               owner_id = CASE WHEN ? THEN ? ELSE owner_id END, \
               queue_kind = COALESCE(?, queue_kind), \
               queue_ref = CASE WHEN ? THEN ? ELSE queue_ref END, \
               offered_to = NULL, offered_at = NULL, \
               queued_at = CASE WHEN ? = 'queued' THEN ? ELSE queued_at END, \
               accepted_at = CASE WHEN ? = 'active' THEN ? ELSE accepted_at END, \
               ended_at = CASE WHEN ? = 'ended' THEN ? ELSE ended_at END, \
               end_reason = COALESCE(?, end_reason) \
             WHERE id = ? AND state IN ({placeholders})"
        );
        let to = t.to.as_str();
        let at = t.event.at;
        let mut q = sqlx::query(&sql)
            .bind(to)
            .bind(t.owner.is_some())
            .bind(t.owner.flatten().map(|u| u.0))
            .bind(t.queue.map(|q| q.kind()))
            .bind(t.queue.is_some())
            .bind(t.queue.and_then(|q| q.reference()))
            .bind(to)
            .bind(at)
            .bind(to)
            .bind(at)
            .bind(to)
            .bind(at)
            .bind(&t.end_reason)
            .bind(id.0);
        for f in &from {
            q = q.bind(*f);
        }
        let done = q.execute(&mut *tx).await.map_err(backend)?;
        if done.rows_affected() == 0 {
            tx.rollback().await.map_err(backend)?;
            return Ok(None);
        }
        append_in(&mut tx, id, &t.event).await?;
        tx.commit().await.map_err(backend)?;
        drop(conn);
        self.session_by_id(id).await
    }

    async fn set_offer(&self, id: SessionId, to: Option<UserId>, at: Millis) -> StoreResult<()> {
        self.offer(id, to, at).await
    }

    async fn waiting_sessions(&self) -> StoreResult<Vec<SupportSession>> {
        self.waiting().await
    }

    async fn queue_status(&self, id: SessionId) -> StoreResult<Option<(i64, Option<i64>)>> {
        self.queue_place(id).await
    }

    async fn queue_positions(&self) -> StoreResult<Vec<(SessionId, i64, Option<i64>)>> {
        self.queue_places().await
    }

    async fn active_counts(&self) -> StoreResult<Vec<(UserId, i64)>> {
        self.active_per_owner().await
    }

    async fn overdue_awaiting(&self, now: Millis) -> StoreResult<Vec<SessionId>> {
        self.overdue_awaiting_ids(now).await
    }

    async fn create_session_key(&self, k: NewSessionKey) -> StoreResult<SessionKey> {
        super::keys::create(&mut *self.writes.lock().await, k).await
    }

    async fn session_key_by_digits(&self, short_key: &str) -> StoreResult<Option<SessionKey>> {
        super::keys::by_digits(&mut *self.reads.conn().await?, short_key).await
    }

    async fn session_keys_of_rep(
        &self,
        rep: UserId,
        live_at: Millis,
    ) -> StoreResult<Vec<SessionKey>> {
        super::keys::of_rep(&mut *self.reads.conn().await?, rep, live_at).await
    }

    async fn revoke_session_key(&self, id: SessionKeyId, at: Millis) -> StoreResult<bool> {
        super::keys::revoke(&mut *self.writes.lock().await, id, at).await
    }

    async fn sessions_of_owner(&self, rep: UserId) -> StoreResult<Vec<SupportSession>> {
        self.owned_or_joined(rep).await
    }

    async fn invited_sessions(&self, rep: UserId) -> StoreResult<Vec<SupportSession>> {
        self.invited_to(rep).await
    }

    async fn history(
        &self,
        rep: UserId,
        q: &crate::store::HistoryQuery,
    ) -> StoreResult<Vec<SupportSession>> {
        self.ended_of_rep(rep, q).await
    }
}
