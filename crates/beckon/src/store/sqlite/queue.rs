//! The waiting queue: which sessions wait, each one's place in its queue and the wait to
//! expect, whom a waiting session is offered to, and how many active sessions each
//! representative holds (routing weighs that).

use super::rows::SessionRow;
use super::sessions::SESSION_COLUMNS;
use super::{backend, SqliteStore};
use crate::domain::ids::*;
use crate::domain::session::SupportSession;
use crate::domain::time::Millis;
use crate::store::StoreResult;

impl SqliteStore {
    /// The average wait, in milliseconds, of the last 20 sessions accepted from a queue.
    async fn average_wait(&self, kind: &str, reference: Option<i64>) -> StoreResult<Option<i64>> {
        let avg: Option<f64> = sqlx::query_scalar(
            "SELECT AVG(accepted_at - queued_at) FROM (SELECT accepted_at, queued_at FROM support_sessions \
             WHERE queue_kind = ? AND queue_ref IS ? AND accepted_at IS NOT NULL AND queued_at IS NOT NULL \
             AND accepted_at >= queued_at ORDER BY accepted_at DESC LIMIT 20)",
        )
        .bind(kind)
        .bind(reference)
        .fetch_one(&mut *self.reads.conn().await?)
        .await
        .map_err(backend)?;
        Ok(avg.map(|a| a as i64))
    }

    pub(super) async fn offer(
        &self,
        id: SessionId,
        to: Option<UserId>,
        at: Millis,
    ) -> StoreResult<()> {
        sqlx::query(
            "UPDATE support_sessions SET offered_to = ?, offered_at = ? \
             WHERE id = ? AND state IN ('awaiting_client', 'queued')",
        )
        .bind(to.map(|u| u.0))
        .bind(to.map(|_| at))
        .bind(id.0)
        .execute(&mut *self.writes.lock().await)
        .await
        .map_err(backend)?;
        Ok(())
    }

    pub(super) async fn waiting(&self) -> StoreResult<Vec<SupportSession>> {
        let sql = format!(
            "SELECT {SESSION_COLUMNS} FROM support_sessions \
             WHERE state IN ('awaiting_client', 'queued') ORDER BY created_at, id"
        );
        let rows: Vec<SessionRow> = sqlx::query_as(&sql)
            .fetch_all(&mut *self.reads.conn().await?)
            .await
            .map_err(backend)?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            if let Some(s) = self.load_session(Some(row)).await? {
                out.push(s);
            }
        }
        Ok(out)
    }

    pub(super) async fn queue_place(
        &self,
        id: SessionId,
    ) -> StoreResult<Option<(i64, Option<i64>)>> {
        let row: Option<(String, Option<i64>, Option<i64>)> = sqlx::query_as(
            "SELECT queue_kind, queue_ref, queued_at FROM support_sessions WHERE id = ? AND state = 'queued'",
        )
        .bind(id.0)
        .fetch_optional(&mut *self.reads.conn().await?)
        .await
        .map_err(backend)?;
        let Some((kind, reference, queued_at)) = row else {
            return Ok(None);
        };
        let queued_at = queued_at.unwrap_or(0);
        let ahead: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM support_sessions WHERE state = 'queued' AND queue_kind = ? \
             AND queue_ref IS ? AND (queued_at < ? OR (queued_at = ? AND id < ?))",
        )
        .bind(&kind)
        .bind(reference)
        .bind(queued_at)
        .bind(queued_at)
        .bind(id.0)
        .fetch_one(&mut *self.reads.conn().await?)
        .await
        .map_err(backend)?;
        Ok(Some((
            ahead + 1,
            self.average_wait(&kind, reference).await?,
        )))
    }

    pub(super) async fn queue_places(&self) -> StoreResult<Vec<(SessionId, i64, Option<i64>)>> {
        // Ordered as `queue_place` counts: by the time queued, then by id.
        let rows: Vec<(i64, String, Option<i64>, i64)> = sqlx::query_as(
            "SELECT id, queue_kind, queue_ref, ROW_NUMBER() OVER ( \
                 PARTITION BY queue_kind, queue_ref ORDER BY COALESCE(queued_at, 0), id) \
             FROM support_sessions WHERE state = 'queued'",
        )
        .fetch_all(&mut *self.reads.conn().await?)
        .await
        .map_err(backend)?;
        let mut waits: std::collections::HashMap<(String, Option<i64>), Option<i64>> =
            std::collections::HashMap::new();
        let mut out = Vec::with_capacity(rows.len());
        for (id, kind, reference, position) in rows {
            let key = (kind, reference);
            let avg = match waits.get(&key) {
                Some(avg) => *avg,
                None => {
                    let avg = self.average_wait(&key.0, key.1).await?;
                    waits.insert(key, avg);
                    avg
                }
            };
            out.push((SessionId(id), position, avg));
        }
        Ok(out)
    }

    pub(super) async fn active_per_owner(&self) -> StoreResult<Vec<(UserId, i64)>> {
        let rows: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT owner_id, COUNT(*) FROM support_sessions \
             WHERE state = 'active' AND owner_id IS NOT NULL GROUP BY owner_id",
        )
        .fetch_all(&mut *self.reads.conn().await?)
        .await
        .map_err(backend)?;
        Ok(rows.into_iter().map(|(u, n)| (UserId(u), n)).collect())
    }

    pub(super) async fn overdue_awaiting_ids(&self, now: Millis) -> StoreResult<Vec<SessionId>> {
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT id FROM support_sessions WHERE state = 'awaiting_client' \
             AND client_deadline IS NOT NULL AND client_deadline <= ?",
        )
        .bind(now)
        .fetch_all(&mut *self.reads.conn().await?)
        .await
        .map_err(backend)?;
        Ok(ids.into_iter().map(SessionId).collect())
    }
}
