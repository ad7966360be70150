use super::rows::{IssueRow, TeamRow};
use super::{backend, conflict_or, SqliteStore};
use crate::domain::catalog::{CustomField, Issue, Language, NewIssue, NewTeam, Skill, SupportTeam};
use crate::domain::ids::*;
use crate::domain::locale::Locale;
use crate::store::{CatalogStore, StoreError, StoreResult};
use async_trait::async_trait;
use sqlx::Connection as _;

const TEAM_COLUMNS: &str = "id, name, code_name, comments, routing_mode, alert_timeout_secs, \
    persistent_queue, unavailable_message, allowed_capabilities";

const ISSUE_SELECT: &str = "SELECT i.id, i.code_name, i.description, i.team_id, i.position, \
    (SELECT GROUP_CONCAT(code_name, ',') FROM (SELECT s.code_name FROM issue_skills x \
      JOIN skills s ON s.id = x.skill_id WHERE x.issue_id = i.id ORDER BY x.rank)) AS skills \
    FROM issues i";

#[async_trait]
impl CatalogStore for SqliteStore {
    async fn create_team(&self, t: NewTeam) -> StoreResult<SupportTeam> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO support_teams (id, name, code_name, comments, routing_mode, \
             alert_timeout_secs, persistent_queue, unavailable_message, allowed_capabilities) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(t.id.map(|i| i.0))
        .bind(&t.name)
        .bind(&t.code_name)
        .bind(&t.comments)
        .bind(t.routing_mode.as_str())
        .bind(t.alert_timeout_secs)
        .bind(t.persistent_queue)
        .bind(&t.unavailable_message)
        .bind(crate::domain::capabilities::team::to_list(&t.capabilities))
        .fetch_one(&mut *self.writes.lock().await)
        .await
        .map_err(conflict_or("team code name or id"))?;
        self.team_by_id(TeamId(id))
            .await?
            .ok_or(StoreError::NotFound { what: "new team" })
    }

    async fn team_by_id(&self, id: TeamId) -> StoreResult<Option<SupportTeam>> {
        let sql = format!("SELECT {TEAM_COLUMNS} FROM support_teams WHERE id = ?");
        let row: Option<TeamRow> = sqlx::query_as(&sql)
            .bind(id.0)
            .fetch_optional(&mut *self.reads.conn().await?)
            .await
            .map_err(backend)?;
        row.map(SupportTeam::try_from).transpose()
    }

    async fn team_by_code(&self, code: &str) -> StoreResult<Option<SupportTeam>> {
        let sql = format!("SELECT {TEAM_COLUMNS} FROM support_teams WHERE code_name = ?");
        let row: Option<TeamRow> = sqlx::query_as(&sql)
            .bind(code)
            .fetch_optional(&mut *self.reads.conn().await?)
            .await
            .map_err(backend)?;
        row.map(SupportTeam::try_from).transpose()
    }

    async fn list_teams(&self) -> StoreResult<Vec<SupportTeam>> {
        let sql = format!("SELECT {TEAM_COLUMNS} FROM support_teams ORDER BY id");
        let rows: Vec<TeamRow> = sqlx::query_as(&sql)
            .fetch_all(&mut *self.reads.conn().await?)
            .await
            .map_err(backend)?;
        rows.into_iter().map(SupportTeam::try_from).collect()
    }

    async fn add_team_member(&self, team: TeamId, user: UserId) -> StoreResult<()> {
        sqlx::query("INSERT OR IGNORE INTO team_members (team_id, user_id) VALUES (?, ?)")
            .bind(team.0)
            .bind(user.0)
            .execute(&mut *self.writes.lock().await)
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn team_members(&self, team: TeamId) -> StoreResult<Vec<UserId>> {
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT user_id FROM team_members WHERE team_id = ? ORDER BY user_id",
        )
        .bind(team.0)
        .fetch_all(&mut *self.reads.conn().await?)
        .await
        .map_err(backend)?;
        Ok(ids.into_iter().map(UserId).collect())
    }

    async fn teams_of_user(&self, user: UserId) -> StoreResult<Vec<TeamId>> {
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT team_id FROM team_members WHERE user_id = ? ORDER BY team_id",
        )
        .bind(user.0)
        .fetch_all(&mut *self.reads.conn().await?)
        .await
        .map_err(backend)?;
        Ok(ids.into_iter().map(TeamId).collect())
    }

    async fn create_skill(
        &self,
        id: Option<SkillId>,
        code: &str,
        display: &str,
    ) -> StoreResult<Skill> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO skills (id, code_name, display_name) VALUES (?, ?, ?) RETURNING id",
        )
        .bind(id.map(|i| i.0))
        .bind(code)
        .bind(display)
        .fetch_one(&mut *self.writes.lock().await)
        .await
        .map_err(conflict_or("skill code name or id"))?;
        Ok(Skill {
            id: SkillId(id),
            code_name: code.into(),
            display_name: display.into(),
        })
    }

    async fn list_skills(&self) -> StoreResult<Vec<Skill>> {
        let rows: Vec<(i64, String, String)> =
            sqlx::query_as("SELECT id, code_name, display_name FROM skills ORDER BY id")
                .fetch_all(&mut *self.reads.conn().await?)
                .await
                .map_err(backend)?;
        Ok(rows
            .into_iter()
            .map(|(id, code_name, display_name)| Skill {
                id: SkillId(id),
                code_name,
                display_name,
            })
            .collect())
    }

    async fn create_issue(&self, i: NewIssue) -> StoreResult<Issue> {
        let mut conn = self.writes.lock().await;
        let mut tx = conn.begin().await.map_err(backend)?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO issues (id, code_name, description, team_id, position) \
             VALUES (?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(i.id.map(|i| i.0))
        .bind(&i.code_name)
        .bind(&i.description)
        .bind(i.team_id.0)
        .bind(i.position)
        .fetch_one(&mut *tx)
        .await
        .map_err(conflict_or("issue code name or id"))?;
        for (rank, code) in i.skills.iter().enumerate() {
            let done = sqlx::query(
                "INSERT INTO issue_skills (issue_id, skill_id, rank) \
                 SELECT ?, id, ? FROM skills WHERE code_name = ?",
            )
            .bind(id)
            .bind(rank as i64)
            .bind(code)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NotFound {
                    what: "skill of the issue",
                });
            }
        }
        tx.commit().await.map_err(backend)?;
        drop(conn);
        self.issue_by_id(IssueId(id))
            .await?
            .ok_or(StoreError::NotFound { what: "new issue" })
    }

    async fn issue_by_id(&self, id: IssueId) -> StoreResult<Option<Issue>> {
        let sql = format!("{ISSUE_SELECT} WHERE i.id = ?");
        let row: Option<IssueRow> = sqlx::query_as(&sql)
            .bind(id.0)
            .fetch_optional(&mut *self.reads.conn().await?)
            .await
            .map_err(backend)?;
        Ok(row.map(Issue::from))
    }

    async fn issue_by_code(&self, code: &str) -> StoreResult<Option<Issue>> {
        let sql =
            format!("{ISSUE_SELECT} WHERE i.code_name = ? COLLATE NOCASE ORDER BY i.id LIMIT 1");
        let row: Option<IssueRow> = sqlx::query_as(&sql)
            .bind(code)
            .fetch_optional(&mut *self.reads.conn().await?)
            .await
            .map_err(backend)?;
        Ok(row.map(Issue::from))
    }

    async fn list_issues(&self) -> StoreResult<Vec<Issue>> {
        let sql = format!("{ISSUE_SELECT} ORDER BY i.position, i.id");
        let rows: Vec<IssueRow> = sqlx::query_as(&sql)
            .fetch_all(&mut *self.reads.conn().await?)
            .await
            .map_err(backend)?;
        Ok(rows.into_iter().map(Issue::from).collect())
    }

    async fn create_custom_field(
        &self,
        code: &str,
        display: &str,
        shown_to_reps: bool,
    ) -> StoreResult<CustomField> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO custom_fields (code_name, display_name, shown_to_reps) VALUES (?, ?, ?) \
             RETURNING id",
        )
        .bind(code)
        .bind(display)
        .bind(shown_to_reps)
        .fetch_one(&mut *self.writes.lock().await)
        .await
        .map_err(conflict_or("custom field code name"))?;
        Ok(CustomField {
            id: CustomFieldId(id),
            code_name: code.into(),
            display_name: display.into(),
            shown_to_reps,
        })
    }

    async fn list_custom_fields(&self) -> StoreResult<Vec<CustomField>> {
        let rows: Vec<(i64, String, String, bool)> = sqlx::query_as(
            "SELECT id, code_name, display_name, shown_to_reps FROM custom_fields ORDER BY id",
        )
        .fetch_all(&mut *self.reads.conn().await?)
        .await
        .map_err(backend)?;
        Ok(rows
            .into_iter()
            .map(|(id, code_name, display_name, shown_to_reps)| CustomField {
                id: CustomFieldId(id),
                code_name,
                display_name,
                shown_to_reps,
            })
            .collect())
    }

    /// Every reference locale, with its state; a locale without a row is enabled only when no
    /// row exists at all (a fresh install offers every language, English by default).
    async fn languages(&self) -> StoreResult<Vec<Language>> {
        let rows: Vec<(String, bool, bool)> =
            sqlx::query_as("SELECT locale, enabled, is_default FROM languages")
                .fetch_all(&mut *self.reads.conn().await?)
                .await
                .map_err(backend)?;
        let fresh = rows.is_empty();
        let default_set = rows.iter().any(|r| r.2);
        Ok(Locale::all()
            .map(|locale| {
                let row = rows.iter().find(|r| r.0 == locale.code());
                let is_default = match row {
                    Some(r) => r.2,
                    None => !default_set && locale == Locale::default_locale(),
                };
                Language {
                    locale,
                    enabled: row.map_or(fresh || is_default, |r| r.1 || r.2),
                    is_default,
                }
            })
            .collect())
    }

    async fn set_language(&self, locale: Locale, enabled: bool) -> StoreResult<()> {
        self.materialize_languages().await?;
        sqlx::query("UPDATE languages SET enabled = ? WHERE locale = ?")
            .bind(enabled)
            .bind(locale.code())
            .execute(&mut *self.writes.lock().await)
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn set_default_language(&self, locale: Locale) -> StoreResult<()> {
        self.materialize_languages().await?;
        let mut conn = self.writes.lock().await;
        let mut tx = conn.begin().await.map_err(backend)?;
        sqlx::query(
            "UPDATE languages SET is_default = (locale = ?), enabled = (enabled OR locale = ?)",
        )
        .bind(locale.code())
        .bind(locale.code())
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        tx.commit().await.map_err(backend)
    }

    async fn setting(&self, key: &str) -> StoreResult<Option<String>> {
        sqlx::query_scalar("SELECT value FROM site_settings WHERE key = ?")
            .bind(key)
            .fetch_optional(&mut *self.reads.conn().await?)
            .await
            .map_err(backend)
    }

    async fn set_setting(&self, key: &str, value: &str) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO site_settings (key, value) VALUES (?, ?) \
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )
        .bind(key)
        .bind(value)
        .execute(&mut *self.writes.lock().await)
        .await
        .map_err(backend)?;
        Ok(())
    }
}

impl SqliteStore {
    /// Writes the implicit language states as rows, so that a change to one keeps the others.
    async fn materialize_languages(&self) -> StoreResult<()> {
        let current = self.languages().await?;
        for l in current {
            sqlx::query(
                "INSERT OR IGNORE INTO languages (locale, enabled, is_default) VALUES (?, ?, ?)",
            )
            .bind(l.locale.code())
            .bind(l.enabled)
            .bind(l.is_default)
            .execute(&mut *self.writes.lock().await)
            .await
            .map_err(backend)?;
        }
        Ok(())
    }
}
