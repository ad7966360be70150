use super::rows::UserRow;
use super::{backend, conflict_or, SqliteStore};
use crate::domain::ids::{SkillId, UserId};
use crate::domain::people::{NewUser, User};
use crate::domain::time::now_ms;
use crate::store::{StoreResult, UserStore};
use async_trait::async_trait;
use sqlx::Connection as _;

const USER_COLUMNS: &str =
    "id, username, password_hash, public_display_name, private_display_name, \
    email_address, perm_admin, perm_support, perm_generate_keys, perm_command_api, enabled, \
    must_change_password, created_at, last_authentication";

#[async_trait]
impl UserStore for SqliteStore {
    async fn count_users(&self) -> StoreResult<i64> {
        sqlx::query_scalar("SELECT COUNT(*) FROM users")
            .fetch_one(&mut *self.reads.conn().await?)
            .await
            .map_err(backend)
    }

    async fn create_user(&self, u: NewUser) -> StoreResult<User> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO users (id, username, password_hash, public_display_name, \
             private_display_name, perm_admin, perm_support, perm_generate_keys, perm_command_api, \
             enabled, must_change_password, created_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(u.id.map(|i| i.0))
        .bind(&u.username)
        .bind(&u.password_hash)
        .bind(&u.public_display_name)
        .bind(&u.private_display_name)
        .bind(u.permissions.admin)
        .bind(u.permissions.support)
        .bind(u.permissions.generate_keys)
        .bind(u.permissions.command_api)
        .bind(u.enabled)
        .bind(u.must_change_password)
        .bind(now_ms())
        .fetch_one(&mut *self.writes.lock().await)
        .await
        .map_err(conflict_or("username or id"))?;
        self.user_by_id(UserId(id))
            .await?
            .ok_or(crate::store::StoreError::NotFound { what: "new user" })
    }

    async fn user_by_id(&self, id: UserId) -> StoreResult<Option<User>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = ?");
        let row: Option<UserRow> = sqlx::query_as(&sql)
            .bind(id.0)
            .fetch_optional(&mut *self.reads.conn().await?)
            .await
            .map_err(backend)?;
        Ok(row.map(User::from))
    }

    async fn user_by_login(&self, token_hash: &str, now: i64) -> StoreResult<Option<User>> {
        let sql = format!(
            "SELECT {USER_COLUMNS} FROM users WHERE enabled = 1 AND id = \
             (SELECT user_id FROM login_sessions WHERE token_hash = ? AND expires_at > ?)"
        );
        let row: Option<UserRow> = sqlx::query_as(&sql)
            .bind(token_hash)
            .bind(now)
            .fetch_optional(&mut *self.reads.conn().await?)
            .await
            .map_err(backend)?;
        Ok(row.map(User::from))
    }

    async fn user_by_username(&self, username: &str) -> StoreResult<Option<User>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE username = ?");
        let row: Option<UserRow> = sqlx::query_as(&sql)
            .bind(username)
            .fetch_optional(&mut *self.reads.conn().await?)
            .await
            .map_err(backend)?;
        Ok(row.map(User::from))
    }

    async fn list_users(&self) -> StoreResult<Vec<User>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users ORDER BY id");
        let rows: Vec<UserRow> = sqlx::query_as(&sql)
            .fetch_all(&mut *self.reads.conn().await?)
            .await
            .map_err(backend)?;
        Ok(rows.into_iter().map(User::from).collect())
    }

    async fn set_password(&self, id: UserId, hash: &str, must_change: bool) -> StoreResult<()> {
        let done = sqlx::query(
            "UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?",
        )
        .bind(hash)
        .bind(must_change)
        .bind(id.0)
        .execute(&mut *self.writes.lock().await)
        .await
        .map_err(backend)?;
        if done.rows_affected() == 0 {
            return Err(crate::store::StoreError::NotFound { what: "user" });
        }
        Ok(())
    }

    async fn set_user_skills(&self, id: UserId, skills: &[SkillId]) -> StoreResult<()> {
        let mut conn = self.writes.lock().await;
        let mut tx = conn.begin().await.map_err(backend)?;
        sqlx::query("DELETE FROM user_skills WHERE user_id = ?")
            .bind(id.0)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        for skill in skills {
            sqlx::query("INSERT OR IGNORE INTO user_skills (user_id, skill_id) VALUES (?, ?)")
                .bind(id.0)
                .bind(skill.0)
                .execute(&mut *tx)
                .await
                .map_err(backend)?;
        }
        tx.commit().await.map_err(backend)
    }

    async fn record_authentication(&self, id: UserId, at: i64) -> StoreResult<()> {
        sqlx::query("UPDATE users SET last_authentication = ? WHERE id = ?")
            .bind(at)
            .bind(id.0)
            .execute(&mut *self.writes.lock().await)
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn user_skills(&self, id: UserId) -> StoreResult<Vec<String>> {
        sqlx::query_scalar(
            "SELECT s.code_name FROM user_skills us JOIN skills s ON s.id = us.skill_id \
             WHERE us.user_id = ? ORDER BY s.code_name",
        )
        .bind(id.0)
        .fetch_all(&mut *self.reads.conn().await?)
        .await
        .map_err(backend)
    }
}
