use super::{backend, conflict_or, SqliteStore};
use crate::domain::api_account::{ApiAccount, CommandPermission, NewApiAccount};
use crate::domain::audit::{AuditEntry, NewAuditEntry};
use crate::domain::ids::ApiAccountId;
use crate::domain::time::now_ms;
use crate::store::{AccountStore, StoreError, StoreResult};
use async_trait::async_trait;

#[derive(sqlx::FromRow)]
struct AccountRow {
    id: i64,
    name: String,
    client_id: String,
    secret_hash: String,
    command_permission: String,
    reporting: bool,
    enabled: bool,
    secret_generation: i64,
    created_at: i64,
}

impl TryFrom<AccountRow> for ApiAccount {
    type Error = StoreError;
    fn try_from(r: AccountRow) -> StoreResult<ApiAccount> {
        Ok(ApiAccount {
            id: ApiAccountId(r.id),
            command_permission: CommandPermission::parse(&r.command_permission).ok_or_else(
                || StoreError::Corrupt(format!("command permission `{}`", r.command_permission)),
            )?,
            name: r.name,
            client_id: r.client_id,
            secret_hash: r.secret_hash,
            reporting: r.reporting,
            enabled: r.enabled,
            secret_generation: r.secret_generation,
            created_at: r.created_at,
        })
    }
}

const ACCOUNT_COLUMNS: &str = "id, name, client_id, secret_hash, command_permission, reporting, \
    enabled, secret_generation, created_at";

fn parse_json(text: Option<String>) -> Option<serde_json::Value> {
    text.and_then(|t| serde_json::from_str(&t).ok())
}

#[async_trait]
impl AccountStore for SqliteStore {
    async fn create_api_account(&self, a: NewApiAccount) -> StoreResult<ApiAccount> {
        let sql = format!(
            "INSERT INTO api_accounts (name, client_id, secret_hash, command_permission, \
             reporting, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING {ACCOUNT_COLUMNS}"
        );
        let row: AccountRow = sqlx::query_as(&sql)
            .bind(&a.name)
            .bind(&a.client_id)
            .bind(&a.secret_hash)
            .bind(a.command_permission.as_str())
            .bind(a.reporting)
            .bind(now_ms())
            .fetch_one(&mut *self.writes.lock().await)
            .await
            .map_err(conflict_or("client id"))?;
        ApiAccount::try_from(row)
    }

    async fn api_account_by_client_id(&self, client_id: &str) -> StoreResult<Option<ApiAccount>> {
        let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM api_accounts WHERE client_id = ?");
        let row: Option<AccountRow> = sqlx::query_as(&sql)
            .bind(client_id)
            .fetch_optional(&mut *self.reads.conn().await?)
            .await
            .map_err(backend)?;
        row.map(ApiAccount::try_from).transpose()
    }

    async fn list_api_accounts(&self) -> StoreResult<Vec<ApiAccount>> {
        let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM api_accounts ORDER BY id");
        let rows: Vec<AccountRow> = sqlx::query_as(&sql)
            .fetch_all(&mut *self.reads.conn().await?)
            .await
            .map_err(backend)?;
        rows.into_iter().map(ApiAccount::try_from).collect()
    }

    async fn create_api_token(
        &self,
        token_hash: &str,
        account: &ApiAccount,
        at: i64,
        expires_at: i64,
    ) -> StoreResult<()> {
        sqlx::query("DELETE FROM api_tokens WHERE expires_at <= ?")
            .bind(at)
            .execute(&mut *self.writes.lock().await)
            .await
            .map_err(backend)?;
        sqlx::query(
            "INSERT INTO api_tokens (token_hash, account_id, secret_generation, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
        )
        .bind(token_hash)
        .bind(account.id.0)
        .bind(account.secret_generation)
        .bind(at)
        .bind(expires_at)
        .execute(&mut *self.writes.lock().await)
        .await
        .map_err(backend)?;
        Ok(())
    }

    async fn api_token_account(
        &self,
        token_hash: &str,
        now: i64,
    ) -> StoreResult<Option<ApiAccount>> {
        let sql = format!(
            "SELECT {} FROM api_accounts a JOIN api_tokens t ON t.account_id = a.id \
             WHERE t.token_hash = ? AND t.expires_at > ? AND a.enabled = 1 AND t.secret_generation = a.secret_generation",
            ACCOUNT_COLUMNS.split(", ").map(|c| format!("a.{c}")).collect::<Vec<_>>().join(", ")
        );
        let row: Option<AccountRow> = sqlx::query_as(&sql)
            .bind(token_hash)
            .bind(now)
            .fetch_optional(&mut *self.reads.conn().await?)
            .await
            .map_err(backend)?;
        row.map(ApiAccount::try_from).transpose()
    }

    async fn append_audit(&self, e: NewAuditEntry) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO audit_log (at, actor, action, target, before, after) VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(e.at)
        .bind(&e.actor)
        .bind(&e.action)
        .bind(&e.target)
        .bind(e.before.map(|v| v.to_string()))
        .bind(e.after.map(|v| v.to_string()))
        .execute(&mut *self.writes.lock().await)
        .await
        .map_err(backend)?;
        Ok(())
    }

    async fn list_audit(&self, limit: i64) -> StoreResult<Vec<AuditEntry>> {
        #[allow(clippy::type_complexity)]
        let rows: Vec<(
            i64,
            i64,
            String,
            String,
            String,
            Option<String>,
            Option<String>,
        )> = sqlx::query_as(
            "SELECT id, at, actor, action, target, before, after FROM audit_log \
                 ORDER BY id DESC LIMIT ?",
        )
        .bind(limit)
        .fetch_all(&mut *self.reads.conn().await?)
        .await
        .map_err(backend)?;
        Ok(rows
            .into_iter()
            .map(
                |(id, at, actor, action, target, before, after)| AuditEntry {
                    id,
                    at,
                    actor,
                    action,
                    target,
                    before: parse_json(before),
                    after: parse_json(after),
                },
            )
            .collect())
    }
}
