//! The sessions a representative sees listed: those they own or joined by invitation, those
//! they are invited to and have not answered, and their history of ended sessions.

use super::rows::SessionRow;
use super::sessions::SESSION_COLUMNS;
use super::{backend, SqliteStore};
use crate::domain::ids::*;
use crate::domain::session::SupportSession;
use crate::store::{HistoryQuery, StoreResult};

impl SqliteStore {
    /// Runs a session query with one user-id parameter and loads each row's attributes.
    async fn load_sessions(&self, sql: &str, rep: UserId) -> StoreResult<Vec<SupportSession>> {
        let rows: Vec<SessionRow> = sqlx::query_as(sql)
            .bind(rep.0)
            .fetch_all(&mut *self.reads.conn().await?)
            .await
            .map_err(backend)?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            out.extend(self.load_session(Some(row)).await?);
        }
        Ok(out)
    }

    pub(super) async fn owned_or_joined(&self, rep: UserId) -> StoreResult<Vec<SupportSession>> {
        // Owned sessions, and sessions joined by invitation and not left since.
        let sql = format!(
            "SELECT {SESSION_COLUMNS} FROM support_sessions s WHERE state = 'active' AND (owner_id = ?1 \
             OR EXISTS (SELECT 1 FROM session_events e WHERE e.session_id = s.id AND e.kind = 'member_joined' \
                 AND json_extract(e.body, '$.role') = 'invited' \
                 AND e.actor_kind = 'rep' AND e.actor_id = ?1 AND NOT EXISTS (SELECT 1 FROM session_events l \
                 WHERE l.session_id = s.id AND l.kind = 'member_left' AND l.actor_id = ?1 AND l.seq > e.seq))) \
             ORDER BY accepted_at, id"
        );
        self.load_sessions(&sql, rep).await
    }

    pub(super) async fn invited_to(&self, rep: UserId) -> StoreResult<Vec<SupportSession>> {
        let sql = format!(
            "SELECT {SESSION_COLUMNS} FROM support_sessions s WHERE state = 'active' AND owner_id IS NOT ?1 \
             AND EXISTS (SELECT 1 FROM session_events e WHERE e.session_id = s.id AND e.kind = 'member_invited' \
                 AND json_extract(e.body, '$.rep_id') = ?1) \
             AND NOT EXISTS (SELECT 1 FROM session_events j WHERE j.session_id = s.id \
                 AND j.kind IN ('member_joined', 'member_left') AND j.actor_kind = 'rep' AND j.actor_id = ?1) \
             ORDER BY accepted_at, id"
        );
        self.load_sessions(&sql, rep).await
    }

    pub(super) async fn ended_of_rep(
        &self,
        rep: UserId,
        q: &HistoryQuery,
    ) -> StoreResult<Vec<SupportSession>> {
        // A representative's history: sessions they owned or joined (member_joined events).
        let sql = format!(
            "SELECT {SESSION_COLUMNS} FROM support_sessions s WHERE state = 'ended' \
             AND (owner_id = ?1 OR EXISTS (SELECT 1 FROM session_events e WHERE e.session_id = s.id \
                  AND e.kind = 'member_joined' AND e.actor_kind = 'rep' AND e.actor_id = ?1)) \
             AND (?2 IS NULL OR instr(lower(customer_name), lower(?2)) > 0 \
                  OR instr(lower(external_key), lower(?2)) > 0) \
             AND (?3 IS NULL OR created_at >= ?3) AND (?4 IS NULL OR created_at < ?4) \
             ORDER BY created_at DESC, id DESC LIMIT ?5 OFFSET ?6"
        );
        let rows: Vec<SessionRow> = sqlx::query_as(&sql)
            .bind(rep.0)
            .bind(q.text.as_deref().filter(|t| !t.is_empty()))
            .bind(q.from)
            .bind(q.to)
            .bind(q.limit.clamp(1, 200))
            .bind(q.offset.max(0))
            .fetch_all(&mut *self.reads.conn().await?)
            .await
            .map_err(backend)?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            out.extend(self.load_session(Some(row)).await?);
        }
        Ok(out)
    }
}
