//! Row types as SQLite returns them, and their conversion into domain types.

use crate::domain::catalog::{Issue, RoutingMode, SupportTeam};
use crate::domain::ids::*;
use crate::domain::locale::Locale;
use crate::domain::people::{Permissions, User};
use crate::domain::session::{
    Actor, Customer, Queue, SessionEvent, SessionState, StartMethod, StartType, SupportSession,
};
use crate::domain::session_key::SessionKey;
use crate::store::{StoreError, StoreResult};
use std::collections::BTreeMap;

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("{what} `{value}`"))
}

#[derive(sqlx::FromRow)]
pub struct UserRow {
    pub id: i64,
    pub username: String,
    pub password_hash: String,
    pub public_display_name: String,
    pub private_display_name: String,
    pub email_address: String,
    pub perm_admin: bool,
    pub perm_support: bool,
    pub perm_generate_keys: bool,
    pub perm_command_api: bool,
    pub enabled: bool,
    pub must_change_password: bool,
    pub created_at: i64,
    pub last_authentication: Option<i64>,
}

impl From<UserRow> for User {
    fn from(r: UserRow) -> User {
        User {
            id: UserId(r.id),
            username: r.username,
            password_hash: r.password_hash,
            public_display_name: r.public_display_name,
            private_display_name: r.private_display_name,
            email_address: r.email_address,
            permissions: Permissions {
                admin: r.perm_admin,
                support: r.perm_support,
                generate_keys: r.perm_generate_keys,
                command_api: r.perm_command_api,
            },
            enabled: r.enabled,
            must_change_password: r.must_change_password,
            created_at: r.created_at,
            last_authentication: r.last_authentication,
        }
    }
}

#[derive(sqlx::FromRow)]
pub struct TeamRow {
    pub id: i64,
    pub name: String,
    pub code_name: String,
    pub comments: String,
    pub routing_mode: String,
    pub alert_timeout_secs: i64,
    pub persistent_queue: bool,
    pub unavailable_message: String,
    pub allowed_capabilities: String,
}

impl TryFrom<TeamRow> for SupportTeam {
    type Error = StoreError;
    fn try_from(r: TeamRow) -> StoreResult<SupportTeam> {
        Ok(SupportTeam {
            id: TeamId(r.id),
            routing_mode: RoutingMode::parse(&r.routing_mode)
                .ok_or_else(|| corrupt("routing mode", &r.routing_mode))?,
            name: r.name,
            code_name: r.code_name,
            comments: r.comments,
            alert_timeout_secs: r.alert_timeout_secs,
            persistent_queue: r.persistent_queue,
            unavailable_message: r.unavailable_message,
            capabilities: crate::domain::capabilities::team::parse_list(&r.allowed_capabilities),
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct IssueRow {
    pub id: i64,
    pub code_name: String,
    pub description: String,
    pub team_id: i64,
    pub position: i64,
    /// Skill code names joined by `,` in rank order (from GROUP_CONCAT).
    pub skills: Option<String>,
}

impl From<IssueRow> for Issue {
    fn from(r: IssueRow) -> Issue {
        Issue {
            id: IssueId(r.id),
            code_name: r.code_name,
            description: r.description,
            team_id: TeamId(r.team_id),
            position: r.position,
            skills: r
                .skills
                .map(|s| {
                    s.split(',')
                        .filter(|s| !s.is_empty())
                        .map(String::from)
                        .collect()
                })
                .unwrap_or_default(),
        }
    }
}

#[derive(sqlx::FromRow)]
pub struct SessionRow {
    pub id: i64,
    pub lsid: String,
    pub start_type: String,
    pub state: String,
    pub start_method: String,
    pub queue_kind: String,
    pub queue_ref: Option<i64>,
    pub issue_id: Option<i64>,
    pub session_key_id: Option<i64>,
    pub skills: String,
    pub customer_name: String,
    pub customer_company: String,
    pub customer_company_code: String,
    pub customer_details: String,
    pub locale: String,
    pub chat_locale: Option<String>,
    pub external_key: String,
    pub timezone_offset: Option<i64>,
    pub page_url: String,
    pub client_ip: String,
    pub owner_id: Option<i64>,
    pub offered_to: Option<i64>,
    pub offered_at: Option<i64>,
    pub created_at: i64,
    pub queued_at: Option<i64>,
    pub accepted_at: Option<i64>,
    pub ended_at: Option<i64>,
    pub end_reason: Option<String>,
    pub client_deadline: Option<i64>,
    /// The session's attributes as a JSON object, when the query selected them in the same
    /// read (`SESSION_WITH_ATTRIBUTES`); else they are read separately.
    #[sqlx(default)]
    pub attrs: Option<String>,
}

impl SessionRow {
    pub fn into_session(self, attributes: BTreeMap<String, String>) -> StoreResult<SupportSession> {
        Ok(SupportSession {
            id: SessionId(self.id),
            lsid: Lsid(self.lsid),
            start_type: StartType::parse(&self.start_type)
                .ok_or_else(|| corrupt("start type", &self.start_type))?,
            state: SessionState::parse(&self.state).ok_or_else(|| corrupt("state", &self.state))?,
            start_method: StartMethod::parse(&self.start_method)
                .ok_or_else(|| corrupt("start method", &self.start_method))?,
            queue: Queue::from_parts(&self.queue_kind, self.queue_ref)
                .ok_or_else(|| corrupt("queue", &self.queue_kind))?,
            issue_id: self.issue_id.map(IssueId),
            session_key_id: self.session_key_id.map(SessionKeyId),
            skills: serde_json::from_str(&self.skills)
                .map_err(|_| corrupt("skills", &self.skills))?,
            customer: Customer {
                name: self.customer_name,
                company: self.customer_company,
                company_code: self.customer_company_code,
                details: self.customer_details,
            },
            locale: Locale::parse(&self.locale).ok_or_else(|| corrupt("locale", &self.locale))?,
            chat_locale: self.chat_locale.as_deref().and_then(Locale::parse),
            external_key: self.external_key,
            attributes,
            timezone_offset: self.timezone_offset,
            page_url: self.page_url,
            client_ip: self.client_ip,
            owner_id: self.owner_id.map(UserId),
            offered_to: self.offered_to.map(UserId),
            offered_at: self.offered_at,
            created_at: self.created_at,
            queued_at: self.queued_at,
            accepted_at: self.accepted_at,
            ended_at: self.ended_at,
            end_reason: self.end_reason,
            client_deadline: self.client_deadline,
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct EventRow {
    pub seq: i64,
    pub kind: String,
    pub actor_kind: String,
    pub actor_id: Option<i64>,
    pub body: String,
    pub client_msg_id: Option<String>,
    pub at: i64,
}

impl TryFrom<EventRow> for SessionEvent {
    type Error = StoreError;
    fn try_from(r: EventRow) -> StoreResult<SessionEvent> {
        Ok(SessionEvent {
            seq: r.seq,
            actor: Actor::from_parts(&r.actor_kind, r.actor_id),
            body: serde_json::from_str(&r.body).map_err(|_| corrupt("event body", &r.body))?,
            kind: r.kind,
            client_msg_id: r.client_msg_id,
            at: r.at,
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct KeyRow {
    pub id: i64,
    pub short_key: String,
    pub rep_id: Option<i64>,
    pub queue_kind: String,
    pub queue_ref: Option<i64>,
    pub start_type: String,
    pub external_key: String,
    pub attributes: String,
    pub created_at: i64,
    pub expires_at: i64,
    pub used_at: Option<i64>,
    pub revoked_at: Option<i64>,
    pub session_id: Option<i64>,
}

impl TryFrom<KeyRow> for SessionKey {
    type Error = StoreError;
    fn try_from(r: KeyRow) -> StoreResult<SessionKey> {
        Ok(SessionKey {
            id: SessionKeyId(r.id),
            short_key: r.short_key,
            rep_id: r.rep_id.map(UserId),
            target: crate::domain::session_key::KeyTarget::from_parts(&r.queue_kind, r.queue_ref)
                .ok_or_else(|| corrupt("key queue", &r.queue_kind))?,
            start_type: StartType::parse(&r.start_type)
                .ok_or_else(|| corrupt("start type", &r.start_type))?,
            external_key: r.external_key,
            attributes: serde_json::from_str(&r.attributes)
                .map_err(|_| corrupt("key attributes", &r.attributes))?,
            created_at: r.created_at,
            expires_at: r.expires_at,
            used_at: r.used_at,
            revoked_at: r.revoked_at,
            session_id: r.session_id.map(SessionId),
        })
    }
}
