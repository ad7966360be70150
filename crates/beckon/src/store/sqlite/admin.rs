//! Updates and deletions administrators make: users, teams, issues, skills, custom fields,
//! API accounts and event endpoints (their SQL is in `endpoints`), and the audit search.

use super::{backend, conflict_or, SqliteStore};
use crate::domain::api_account::CommandPermission;
use crate::domain::audit::AuditEntry;
use crate::domain::catalog::{NewIssue, NewTeam};
use crate::domain::endpoint::EventEndpoint;
use crate::domain::ids::*;
use crate::store::{AdminStore, StoreError, StoreResult, UserUpdate};
use async_trait::async_trait;
use sqlx::Connection as _;

pub(super) fn must_touch(
    done: sqlx::sqlite::SqliteQueryResult,
    what: &'static str,
) -> StoreResult<()> {
    if done.rows_affected() == 0 {
        Err(StoreError::NotFound { what })
    } else {
        Ok(())
    }
}

#[async_trait]
impl AdminStore for SqliteStore {
    async fn update_user(&self, id: UserId, u: UserUpdate) -> StoreResult<()> {
        let done = sqlx::query(
            "UPDATE users SET username = ?, public_display_name = ?, private_display_name = ?, \
             email_address = ?, perm_admin = ?, perm_support = ?, perm_generate_keys = ?, \
             perm_command_api = ?, enabled = ? WHERE id = ?",
        )
        .bind(&u.username)
        .bind(&u.public_display_name)
        .bind(&u.private_display_name)
        .bind(&u.email_address)
        .bind(u.permissions.admin)
        .bind(u.permissions.support)
        .bind(u.permissions.generate_keys)
        .bind(u.permissions.command_api)
        .bind(u.enabled)
        .bind(id.0)
        .execute(&mut *self.writes.lock().await)
        .await
        .map_err(conflict_or("username"))?;
        must_touch(done, "user")
    }

    async fn delete_user(&self, id: UserId) -> StoreResult<()> {
        let mut conn = self.writes.lock().await;
        let mut tx = conn.begin().await.map_err(backend)?;
        // History stays: sessions forget the owner; keys, logins, presence, skills and team
        // memberships go with the user (ON DELETE CASCADE).
        for sql in [
            "UPDATE support_sessions SET owner_id = NULL WHERE owner_id = ?",
            "UPDATE support_sessions SET offered_to = NULL WHERE offered_to = ?",
        ] {
            sqlx::query(sql)
                .bind(id.0)
                .execute(&mut *tx)
                .await
                .map_err(backend)?;
        }
        let done = sqlx::query("DELETE FROM users WHERE id = ?")
            .bind(id.0)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        must_touch(done, "user")?;
        tx.commit().await.map_err(backend)
    }

    async fn count_enabled_admins(&self) -> StoreResult<i64> {
        sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE perm_admin = 1 AND enabled = 1")
            .fetch_one(&mut *self.reads.conn().await?)
            .await
            .map_err(backend)
    }

    async fn set_user_teams(&self, id: UserId, teams: &[TeamId]) -> StoreResult<()> {
        let mut conn = self.writes.lock().await;
        let mut tx = conn.begin().await.map_err(backend)?;
        sqlx::query("DELETE FROM team_members WHERE user_id = ?")
            .bind(id.0)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        for t in teams {
            sqlx::query("INSERT OR IGNORE INTO team_members (team_id, user_id) VALUES (?, ?)")
                .bind(t.0)
                .bind(id.0)
                .execute(&mut *tx)
                .await
                .map_err(backend)?;
        }
        tx.commit().await.map_err(backend)
    }

    async fn update_team(&self, id: TeamId, t: NewTeam) -> StoreResult<()> {
        let done = sqlx::query(
            "UPDATE support_teams SET name = ?, code_name = ?, comments = ?, routing_mode = ?, \
             alert_timeout_secs = ?, persistent_queue = ?, unavailable_message = ?, \
             allowed_capabilities = ? WHERE id = ?",
        )
        .bind(&t.name)
        .bind(&t.code_name)
        .bind(&t.comments)
        .bind(t.routing_mode.as_str())
        .bind(t.alert_timeout_secs)
        .bind(t.persistent_queue)
        .bind(&t.unavailable_message)
        .bind(crate::domain::capabilities::team::to_list(&t.capabilities))
        .bind(id.0)
        .execute(&mut *self.writes.lock().await)
        .await
        .map_err(conflict_or("team code name"))?;
        must_touch(done, "team")
    }

    async fn delete_team(&self, id: TeamId) -> StoreResult<()> {
        let issues: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM issues WHERE team_id = ?")
            .bind(id.0)
            .fetch_one(&mut *self.reads.conn().await?)
            .await
            .map_err(backend)?;
        if issues > 0 {
            return Err(StoreError::Conflict {
                what: "a team with issues (move or delete its issues first)",
            });
        }
        let done = sqlx::query("DELETE FROM support_teams WHERE id = ?")
            .bind(id.0)
            .execute(&mut *self.writes.lock().await)
            .await
            .map_err(backend)?;
        must_touch(done, "team")
    }

    async fn update_issue(&self, id: IssueId, i: NewIssue) -> StoreResult<()> {
        let mut conn = self.writes.lock().await;
        let mut tx = conn.begin().await.map_err(backend)?;
        let done = sqlx::query(
            "UPDATE issues SET code_name = ?, description = ?, team_id = ?, position = ? WHERE id = ?",
        )
        .bind(&i.code_name)
        .bind(&i.description)
        .bind(i.team_id.0)
        .bind(i.position)
        .bind(id.0)
        .execute(&mut *tx)
        .await
        .map_err(conflict_or("issue code name"))?;
        must_touch(done, "issue")?;
        sqlx::query("DELETE FROM issue_skills WHERE issue_id = ?")
            .bind(id.0)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        for (rank, code) in i.skills.iter().enumerate() {
            let done = sqlx::query(
                "INSERT INTO issue_skills (issue_id, skill_id, rank) SELECT ?, id, ? FROM skills WHERE code_name = ?",
            )
            .bind(id.0)
            .bind(rank as i64)
            .bind(code)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
            must_touch(done, "skill of the issue")?;
        }
        tx.commit().await.map_err(backend)
    }

    async fn delete_issue(&self, id: IssueId) -> StoreResult<()> {
        let mut conn = self.writes.lock().await;
        let mut tx = conn.begin().await.map_err(backend)?;
        // Past sessions keep their team queue; only the link to the removed issue goes.
        sqlx::query("UPDATE support_sessions SET issue_id = NULL WHERE issue_id = ?")
            .bind(id.0)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        let done = sqlx::query("DELETE FROM issues WHERE id = ?")
            .bind(id.0)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        must_touch(done, "issue")?;
        tx.commit().await.map_err(backend)
    }

    async fn update_skill(&self, id: SkillId, display: &str) -> StoreResult<()> {
        let done = sqlx::query("UPDATE skills SET display_name = ? WHERE id = ?")
            .bind(display)
            .bind(id.0)
            .execute(&mut *self.writes.lock().await)
            .await
            .map_err(backend)?;
        must_touch(done, "skill")
    }

    async fn delete_skill(&self, id: SkillId) -> StoreResult<()> {
        let done = sqlx::query("DELETE FROM skills WHERE id = ?")
            .bind(id.0)
            .execute(&mut *self.writes.lock().await)
            .await
            .map_err(backend)?;
        must_touch(done, "skill")
    }

    async fn update_custom_field(
        &self,
        id: CustomFieldId,
        display: &str,
        shown: bool,
    ) -> StoreResult<()> {
        let done = sqlx::query(
            "UPDATE custom_fields SET display_name = ?, shown_to_reps = ? WHERE id = ?",
        )
        .bind(display)
        .bind(shown)
        .bind(id.0)
        .execute(&mut *self.writes.lock().await)
        .await
        .map_err(backend)?;
        must_touch(done, "custom field")
    }

    async fn delete_custom_field(&self, id: CustomFieldId) -> StoreResult<()> {
        let done = sqlx::query("DELETE FROM custom_fields WHERE id = ?")
            .bind(id.0)
            .execute(&mut *self.writes.lock().await)
            .await
            .map_err(backend)?;
        must_touch(done, "custom field")
    }

    async fn update_api_account(
        &self,
        id: ApiAccountId,
        name: &str,
        command: CommandPermission,
        reporting: bool,
        enabled: bool,
    ) -> StoreResult<()> {
        let done = sqlx::query(
            "UPDATE api_accounts SET name = ?, command_permission = ?, reporting = ?, enabled = ? WHERE id = ?",
        )
        .bind(name)
        .bind(command.as_str())
        .bind(reporting)
        .bind(enabled)
        .bind(id.0)
        .execute(&mut *self.writes.lock().await)
        .await
        .map_err(backend)?;
        must_touch(done, "API account")
    }

    async fn replace_api_secret(&self, id: ApiAccountId, secret_hash: &str) -> StoreResult<()> {
        let done = sqlx::query(
            "UPDATE api_accounts SET secret_hash = ?, secret_generation = secret_generation + 1 WHERE id = ?",
        )
        .bind(secret_hash)
        .bind(id.0)
        .execute(&mut *self.writes.lock().await)
        .await
        .map_err(backend)?;
        must_touch(done, "API account")
    }

    async fn delete_api_account(&self, id: ApiAccountId) -> StoreResult<()> {
        let done = sqlx::query("DELETE FROM api_accounts WHERE id = ?")
            .bind(id.0)
            .execute(&mut *self.writes.lock().await)
            .await
            .map_err(backend)?;
        must_touch(done, "API account")
    }

    async fn list_endpoints(&self) -> StoreResult<Vec<EventEndpoint>> {
        self.endpoints().await
    }

    async fn create_endpoint(
        &self,
        url: &str,
        events: &[String],
        secret: &str,
    ) -> StoreResult<EventEndpoint> {
        self.new_endpoint(url, events, secret).await
    }

    async fn update_endpoint(
        &self,
        id: i64,
        url: &str,
        events: &[String],
        enabled: bool,
        secret: Option<&str>,
    ) -> StoreResult<()> {
        self.change_endpoint(id, url, events, enabled, secret).await
    }

    async fn delete_endpoint(&self, id: i64) -> StoreResult<()> {
        self.remove_endpoint(id).await
    }

    async fn endpoint_state(&self, id: i64) -> StoreResult<(i64, i64, i64, i64, String)> {
        self.delivery_state(id).await
    }

    async fn events_since_cursor(
        &self,
        cursor: i64,
        limit: i64,
    ) -> StoreResult<Vec<(i64, String, String, crate::domain::session::SessionEvent)>> {
        self.events_after_position(cursor, limit).await
    }

    async fn event_log_head(&self) -> StoreResult<i64> {
        self.log_head().await
    }

    async fn endpoint_delivered(&self, id: i64, cursor: i64, delivered: bool) -> StoreResult<()> {
        self.record_delivered(id, cursor, delivered).await
    }

    async fn endpoint_failed(
        &self,
        id: i64,
        attempts: i64,
        next_attempt_at: i64,
        error: &str,
    ) -> StoreResult<()> {
        self.record_failed(id, attempts, next_attempt_at, error)
            .await
    }

    async fn search_audit(&self, text: &str, limit: i64) -> StoreResult<Vec<AuditEntry>> {
        #[allow(clippy::type_complexity)]
        let rows: Vec<(i64, i64, String, String, String, Option<String>, Option<String>)> = sqlx::query_as(
            "SELECT id, at, actor, action, target, before, after FROM audit_log \
             WHERE ?1 = '' OR instr(lower(actor), lower(?1)) > 0 OR instr(lower(action), lower(?1)) > 0 \
                OR instr(lower(target), lower(?1)) > 0 ORDER BY id DESC LIMIT ?2",
        )
        .bind(text)
        .bind(limit.clamp(1, 1000))
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
                    before: before.and_then(|t| serde_json::from_str(&t).ok()),
                    after: after.and_then(|t| serde_json::from_str(&t).ok()),
                },
            )
            .collect())
    }
}
