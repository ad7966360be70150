use super::rows::KeyRow;
use super::{backend, conflict_or};
use crate::domain::ids::{SessionKeyId, UserId};
use crate::domain::session_key::{NewSessionKey, SessionKey};
use crate::domain::time::Millis;
use crate::store::StoreResult;
use sqlx::SqliteConnection;

const KEY_COLUMNS: &str =
    "id, short_key, rep_id, queue_kind, queue_ref, start_type, external_key, attributes, \
    created_at, expires_at, used_at, revoked_at, session_id";

pub async fn create(conn: &mut SqliteConnection, k: NewSessionKey) -> StoreResult<SessionKey> {
    let attributes = serde_json::to_string(&k.attributes).unwrap_or_else(|_| "{}".into());
    // An expired but never-used key still holds its digits in the partial unique index; retire
    // it first so that its digits can be dealt again.
    sqlx::query(
        "UPDATE session_keys SET revoked_at = expires_at \
         WHERE short_key = ? AND used_at IS NULL AND revoked_at IS NULL AND expires_at <= ?",
    )
    .bind(&k.short_key)
    .bind(k.created_at)
    .execute(&mut *conn)
    .await
    .map_err(backend)?;
    let sql = format!(
        "INSERT INTO session_keys (short_key, rep_id, queue_kind, queue_ref, start_type, external_key, \
         attributes, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING {KEY_COLUMNS}"
    );
    let row: KeyRow = sqlx::query_as(&sql)
        .bind(&k.short_key)
        .bind(k.rep_id.map(|r| r.0))
        .bind(k.target.kind())
        .bind(k.target.reference())
        .bind(k.start_type.as_str())
        .bind(&k.external_key)
        .bind(attributes)
        .bind(k.created_at)
        .bind(k.expires_at)
        .fetch_one(&mut *conn)
        .await
        .map_err(conflict_or("session key"))?;
    SessionKey::try_from(row)
}

pub async fn by_digits(
    conn: &mut SqliteConnection,
    short_key: &str,
) -> StoreResult<Option<SessionKey>> {
    let sql = format!(
        "SELECT {KEY_COLUMNS} FROM session_keys WHERE short_key = ? \
         ORDER BY (used_at IS NULL AND revoked_at IS NULL) DESC, id DESC LIMIT 1"
    );
    let row: Option<KeyRow> = sqlx::query_as(&sql)
        .bind(short_key)
        .fetch_optional(conn)
        .await
        .map_err(backend)?;
    row.map(SessionKey::try_from).transpose()
}

pub async fn of_rep(
    conn: &mut SqliteConnection,
    rep: UserId,
    live_at: Millis,
) -> StoreResult<Vec<SessionKey>> {
    let sql = format!(
        "SELECT {KEY_COLUMNS} FROM session_keys WHERE rep_id = ? AND used_at IS NULL \
         AND revoked_at IS NULL AND expires_at > ? ORDER BY created_at DESC"
    );
    let rows: Vec<KeyRow> = sqlx::query_as(&sql)
        .bind(rep.0)
        .bind(live_at)
        .fetch_all(conn)
        .await
        .map_err(backend)?;
    rows.into_iter().map(SessionKey::try_from).collect()
}

pub async fn revoke(
    conn: &mut SqliteConnection,
    id: SessionKeyId,
    at: Millis,
) -> StoreResult<bool> {
    let done = sqlx::query(
        "UPDATE session_keys SET revoked_at = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL",
    )
    .bind(at)
    .bind(id.0)
    .execute(conn)
    .await
    .map_err(backend)?;
    Ok(done.rows_affected() > 0)
}
