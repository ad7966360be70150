//! The administrators' side of the store: what they change and remove, webhook endpoints and
//! their delivery state, and the audit log's search.

use super::StoreResult;
use crate::domain::api_account::CommandPermission;
use crate::domain::audit::AuditEntry;
use crate::domain::catalog::{NewIssue, NewTeam};
use crate::domain::endpoint::EventEndpoint;
use crate::domain::ids::*;
use crate::domain::session::SessionEvent;
use crate::domain::time::Millis;
use async_trait::async_trait;

/// What administrators change and remove: the counterpart of the create methods of the other
/// stores.
#[async_trait]
pub trait AdminStore {
    async fn update_user(&self, id: UserId, user: UserUpdate) -> StoreResult<()>;
    /// Deletes a user; their past sessions keep their history with the owner cleared.
    async fn delete_user(&self, id: UserId) -> StoreResult<()>;
    async fn count_enabled_admins(&self) -> StoreResult<i64>;
    async fn set_user_teams(&self, id: UserId, teams: &[TeamId]) -> StoreResult<()>;
    async fn update_team(&self, id: TeamId, team: NewTeam) -> StoreResult<()>;
    /// Deletes a team; refused with `Conflict` while issues belong to it.
    async fn delete_team(&self, id: TeamId) -> StoreResult<()>;
    async fn update_issue(&self, id: IssueId, issue: NewIssue) -> StoreResult<()>;
    async fn delete_issue(&self, id: IssueId) -> StoreResult<()>;
    async fn update_skill(&self, id: SkillId, display: &str) -> StoreResult<()>;
    async fn delete_skill(&self, id: SkillId) -> StoreResult<()>;
    async fn update_custom_field(
        &self,
        id: CustomFieldId,
        display: &str,
        shown_to_reps: bool,
    ) -> StoreResult<()>;
    async fn delete_custom_field(&self, id: CustomFieldId) -> StoreResult<()>;
    async fn update_api_account(
        &self,
        id: ApiAccountId,
        name: &str,
        command: CommandPermission,
        reporting: bool,
        enabled: bool,
    ) -> StoreResult<()>;
    /// Replaces the secret and bumps its generation, so that tokens of the old one die.
    async fn replace_api_secret(&self, id: ApiAccountId, secret_hash: &str) -> StoreResult<()>;
    async fn delete_api_account(&self, id: ApiAccountId) -> StoreResult<()>;
    async fn list_endpoints(&self) -> StoreResult<Vec<EventEndpoint>>;
    async fn create_endpoint(
        &self,
        url: &str,
        events: &[String],
        secret: &str,
    ) -> StoreResult<EventEndpoint>;
    async fn update_endpoint(
        &self,
        id: i64,
        url: &str,
        events: &[String],
        enabled: bool,
        secret: Option<&str>,
    ) -> StoreResult<()>;
    async fn delete_endpoint(&self, id: i64) -> StoreResult<()>;
    /// The endpoint's delivery state: (cursor, attempts, next attempt time, delivered count,
    /// last error).
    async fn endpoint_state(&self, id: i64) -> StoreResult<(i64, i64, Millis, i64, String)>;
    /// Session events after a log position, with their position and session lsid and
    /// external key, oldest first.
    async fn events_since_cursor(
        &self,
        cursor: i64,
        limit: i64,
    ) -> StoreResult<Vec<(i64, String, String, SessionEvent)>>;
    /// The newest log position (new endpoints start there: they get events from now on).
    async fn event_log_head(&self) -> StoreResult<i64>;
    /// Records a delivery success (moves the cursor) or failure (schedules a retry).
    async fn endpoint_delivered(&self, id: i64, cursor: i64, delivered: bool) -> StoreResult<()>;
    async fn endpoint_failed(
        &self,
        id: i64,
        attempts: i64,
        next_attempt_at: Millis,
        error: &str,
    ) -> StoreResult<()>;
    /// Audit entries, newest first, whose actor, action or target contains `text`.
    async fn search_audit(&self, text: &str, limit: i64) -> StoreResult<Vec<AuditEntry>>;
}

/// The editable fields of a user (the password has its own method).
#[derive(Debug, Clone)]
pub struct UserUpdate {
    pub username: String,
    pub public_display_name: String,
    pub private_display_name: String,
    pub email_address: String,
    pub permissions: crate::domain::people::Permissions,
    pub enabled: bool,
}
