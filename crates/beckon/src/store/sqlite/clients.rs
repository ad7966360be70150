//! The site's generated secrets and the full client's tickets.

use super::appends::append_in;
use super::{backend, SqliteStore};
use crate::domain::client_ticket::ClientTicketRecord;
use crate::domain::ids::SessionId;
use crate::domain::session::NewEvent;
use crate::domain::time::Millis;
use crate::store::{Appended, ClientStore, StoreError, StoreResult};
use async_trait::async_trait;
use sqlx::Connection as _;

#[derive(sqlx::FromRow)]
struct TicketRow {
    nonce_hash: String,
    session_id: i64,
    created_at: i64,
    expires_at: i64,
    used_at: Option<i64>,
}

impl From<TicketRow> for ClientTicketRecord {
    fn from(r: TicketRow) -> Self {
        ClientTicketRecord {
            nonce_hash: r.nonce_hash,
            session_id: SessionId(r.session_id),
            created_at: r.created_at,
            expires_at: r.expires_at,
            used_at: r.used_at,
        }
    }
}

#[async_trait]
impl ClientStore for SqliteStore {
    async fn site_secret(&self, name: &str, candidate: &[u8], at: Millis) -> StoreResult<Vec<u8>> {
        let read = || async {
            sqlx::query_scalar::<_, Vec<u8>>("SELECT value FROM site_secrets WHERE name = ?")
                .bind(name)
                .fetch_optional(&mut *self.reads.conn().await?)
                .await
                .map_err(backend)
        };
        if let Some(v) = read().await? {
            return Ok(v);
        }
        sqlx::query(
            "INSERT INTO site_secrets (name, value, created_at) VALUES (?, ?, ?) \
             ON CONFLICT (name) DO NOTHING",
        )
        .bind(name)
        .bind(candidate)
        .bind(at)
        .execute(&mut *self.writes.lock().await)
        .await
        .map_err(backend)?;
        read().await?.ok_or(StoreError::NotFound {
            what: "site secret",
        })
    }

    async fn create_client_ticket(
        &self,
        t: &ClientTicketRecord,
        purge_before: Millis,
    ) -> StoreResult<()> {
        let mut conn = self.writes.lock().await;
        let mut tx = conn.begin().await.map_err(backend)?;
        sqlx::query(
            "INSERT INTO client_tickets (nonce_hash, session_id, created_at, expires_at) \
             VALUES (?, ?, ?, ?)",
        )
        .bind(&t.nonce_hash)
        .bind(t.session_id.0)
        .bind(t.created_at)
        .bind(t.expires_at)
        .execute(&mut *tx)
        .await
        .map_err(super::conflict_or("ticket nonce"))?;
        // Every download issues a ticket; most are never used. Used ones stay: they hold the
        // token of a client that joined.
        sqlx::query("DELETE FROM client_tickets WHERE used_at IS NULL AND expires_at < ?")
            .bind(purge_before)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        tx.commit().await.map_err(backend)
    }

    async fn client_ticket(&self, nonce_hash: &str) -> StoreResult<Option<ClientTicketRecord>> {
        let row: Option<TicketRow> = sqlx::query_as(
            "SELECT nonce_hash, session_id, created_at, expires_at, used_at \
             FROM client_tickets WHERE nonce_hash = ?",
        )
        .bind(nonce_hash)
        .fetch_optional(&mut *self.reads.conn().await?)
        .await
        .map_err(backend)?;
        Ok(row.map(Into::into))
    }

    async fn redeem_client_ticket(
        &self,
        nonce_hash: &str,
        at: Millis,
        customer_token_hash: &str,
        event: NewEvent,
    ) -> StoreResult<Option<Appended>> {
        let mut conn = self.writes.lock().await;
        let mut tx = conn.begin().await.map_err(backend)?;
        // The guarded UPDATE comes first: it takes the write lock and decides, once, which of
        // two concurrent joins with the same ticket wins.
        let session: Option<i64> = sqlx::query_scalar(
            "UPDATE client_tickets SET used_at = ?, customer_token_hash = ? \
             WHERE nonce_hash = ? AND used_at IS NULL RETURNING session_id",
        )
        .bind(at)
        .bind(customer_token_hash)
        .bind(nonce_hash)
        .fetch_optional(&mut *tx)
        .await
        .map_err(super::conflict_or("customer token"))?;
        let Some(session) = session else {
            tx.rollback().await.map_err(backend)?;
            return Ok(None);
        };
        let appended = append_in(&mut tx, SessionId(session), &event).await?;
        tx.commit().await.map_err(backend)?;
        Ok(Some(appended))
    }
}
