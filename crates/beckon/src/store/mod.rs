//! The storage layer: small traits the domain calls, and one module per backend.
//!
//! Everything that must be shared between server nodes lives behind these traits: users and
//! configuration, sessions and their event logs, session keys and presence. Memory holds only
//! caches and live connections. Each backend embeds its own migrations.

mod admin;
pub mod sqlite;

pub use admin::{AdminStore, UserUpdate};

use crate::domain::api_account::{ApiAccount, NewApiAccount};
use crate::domain::audit::{AuditEntry, NewAuditEntry};
use crate::domain::catalog::{CustomField, Issue, Language, NewIssue, NewTeam, Skill, SupportTeam};
use crate::domain::client_ticket::ClientTicketRecord;
use crate::domain::ids::*;
use crate::domain::locale::Locale;
use crate::domain::people::{NewUser, Presence, PresenceStatus, User};
use crate::domain::session::{
    NewEvent, NewSession, Queue, SessionEvent, SessionState, SupportSession,
};
use crate::domain::session_key::{NewSessionKey, SessionKey};
use crate::domain::time::Millis;
use async_trait::async_trait;
use std::sync::Arc;

/// What can go wrong in any backend, in terms the domain can act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A uniqueness rule was broken; `what` names the rule (`username`, `code_name`, ...).
    #[error("{what} is already taken")]
    Conflict { what: &'static str },
    #[error("{what} was not found")]
    NotFound { what: &'static str },
    /// The data on disk does not fit the model (a value a check constraint should have caught).
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Backend(#[source] Box<dyn std::error::Error + Send + Sync>),
}

pub type StoreResult<T> = Result<T, StoreError>;

#[async_trait]
pub trait UserStore {
    async fn count_users(&self) -> StoreResult<i64>;
    async fn create_user(&self, user: NewUser) -> StoreResult<User>;
    async fn user_by_id(&self, id: UserId) -> StoreResult<Option<User>>;
    /// The enabled user of a live login, in one read (every representative request asks).
    async fn user_by_login(&self, token_hash: &str, now: Millis) -> StoreResult<Option<User>>;
    async fn user_by_username(&self, username: &str) -> StoreResult<Option<User>>;
    async fn list_users(&self) -> StoreResult<Vec<User>>;
    async fn set_password(&self, id: UserId, hash: &str, must_change: bool) -> StoreResult<()>;
    async fn set_user_skills(&self, id: UserId, skills: &[SkillId]) -> StoreResult<()>;
    /// Remembers when a user last signed in.
    async fn record_authentication(&self, id: UserId, at: Millis) -> StoreResult<()>;
    /// Skill code names of a user.
    async fn user_skills(&self, id: UserId) -> StoreResult<Vec<String>>;
}

#[async_trait]
pub trait CatalogStore {
    async fn create_team(&self, team: NewTeam) -> StoreResult<SupportTeam>;
    async fn team_by_id(&self, id: TeamId) -> StoreResult<Option<SupportTeam>>;
    async fn team_by_code(&self, code: &str) -> StoreResult<Option<SupportTeam>>;
    async fn list_teams(&self) -> StoreResult<Vec<SupportTeam>>;
    async fn add_team_member(&self, team: TeamId, user: UserId) -> StoreResult<()>;
    async fn team_members(&self, team: TeamId) -> StoreResult<Vec<UserId>>;
    async fn teams_of_user(&self, user: UserId) -> StoreResult<Vec<TeamId>>;

    async fn create_skill(
        &self,
        id: Option<SkillId>,
        code: &str,
        display: &str,
    ) -> StoreResult<Skill>;
    async fn list_skills(&self) -> StoreResult<Vec<Skill>>;

    async fn create_issue(&self, issue: NewIssue) -> StoreResult<Issue>;
    async fn issue_by_id(&self, id: IssueId) -> StoreResult<Option<Issue>>;
    /// Case-insensitive, as integrations type code names from the reference (`Other`).
    async fn issue_by_code(&self, code: &str) -> StoreResult<Option<Issue>>;
    async fn list_issues(&self) -> StoreResult<Vec<Issue>>;

    async fn create_custom_field(
        &self,
        code: &str,
        display: &str,
        shown_to_reps: bool,
    ) -> StoreResult<CustomField>;
    async fn list_custom_fields(&self) -> StoreResult<Vec<CustomField>>;

    async fn languages(&self) -> StoreResult<Vec<Language>>;
    async fn set_language(&self, locale: Locale, enabled: bool) -> StoreResult<()>;
    async fn set_default_language(&self, locale: Locale) -> StoreResult<()>;

    async fn setting(&self, key: &str) -> StoreResult<Option<String>>;
    async fn set_setting(&self, key: &str, value: &str) -> StoreResult<()>;
}

/// The result of appending an event: the stored event, and whether it was already there.
#[derive(Debug, Clone)]
pub struct Appended {
    pub event: SessionEvent,
    pub duplicate: bool,
}

/// Filters of a representative's session history.
#[derive(Debug, Clone, Default)]
pub struct HistoryQuery {
    pub text: Option<String>,
    pub from: Option<Millis>,
    pub to: Option<Millis>,
    pub limit: i64,
    pub offset: i64,
}

/// A change of state guarded by the state the caller expects (compare-and-set).
#[derive(Debug, Clone)]
pub struct Transition {
    pub from: Vec<SessionState>,
    pub to: SessionState,
    /// Set the owner (accept) or clear it (`Some(None)`, back to the queue).
    pub owner: Option<Option<UserId>>,
    /// Move to another queue (transfer).
    pub queue: Option<Queue>,
    /// When `to` is `Active`, only this representative's pending offer or nobody's is accepted.
    pub end_reason: Option<String>,
    pub event: NewEvent,
}

#[async_trait]
pub trait SessionStore {
    /// Creates a session with its `created` event; when `consume_key` is given, the key is
    /// marked used in the same transaction, and `Ok(None)` means the key was no longer live.
    async fn create_session(
        &self,
        session: NewSession,
        consume_key: Option<SessionKeyId>,
    ) -> StoreResult<Option<SupportSession>>;
    async fn session_by_id(&self, id: SessionId) -> StoreResult<Option<SupportSession>>;
    async fn session_by_lsid(&self, lsid: &str) -> StoreResult<Option<SupportSession>>;
    /// Changes a session's external key and custom attributes (`None` value: remove it).
    async fn set_session_attributes(
        &self,
        id: SessionId,
        external_key: Option<&str>,
        changes: &[(String, Option<String>)],
    ) -> StoreResult<()>;
    /// Ids of sessions created in `[from, to)`, oldest first (reports stream them one by one).
    async fn session_ids_in_range(&self, from: Millis, to: Millis) -> StoreResult<Vec<SessionId>>;
    /// The session of a customer token: the one issued at the start, or one issued to a full
    /// client that joined with a ticket.
    async fn session_by_customer_token(
        &self,
        token_hash: &str,
    ) -> StoreResult<Option<SupportSession>>;
    async fn append_event(&self, id: SessionId, event: NewEvent) -> StoreResult<Appended>;
    async fn events_after(
        &self,
        id: SessionId,
        after: i64,
        limit: i64,
    ) -> StoreResult<Vec<SessionEvent>>;
    /// Applies a transition when the session is in one of `from`; `None` when it was not.
    async fn transition(&self, id: SessionId, t: Transition)
        -> StoreResult<Option<SupportSession>>;
    /// Offers a queued session to a representative (or withdraws the offer with `None`).
    async fn set_offer(&self, id: SessionId, to: Option<UserId>, at: Millis) -> StoreResult<()>;
    /// Sessions waiting in queues (`awaiting_client` and `queued`), oldest first.
    async fn waiting_sessions(&self) -> StoreResult<Vec<SupportSession>>;
    /// A queued session's place in its queue (1 = next) and the average wait, in
    /// milliseconds, of the last sessions accepted from that queue (`None` without history).
    async fn queue_status(&self, id: SessionId) -> StoreResult<Option<(i64, Option<i64>)>>;
    /// `queue_status` of every queued session at once, in one read: what thousands of waiting
    /// customers share instead of asking one by one (`queue_positions`).
    async fn queue_positions(&self) -> StoreResult<Vec<(SessionId, i64, Option<i64>)>>;
    /// Active sessions per representative.
    async fn active_counts(&self) -> StoreResult<Vec<(UserId, i64)>>;
    /// Sessions whose customer never connected by their deadline.
    async fn overdue_awaiting(&self, now: Millis) -> StoreResult<Vec<SessionId>>;

    async fn create_session_key(&self, key: NewSessionKey) -> StoreResult<SessionKey>;
    /// The newest key with these digits (live or not), so that a used key can be told apart
    /// from one that never existed.
    async fn session_key_by_digits(&self, short_key: &str) -> StoreResult<Option<SessionKey>>;
    async fn session_keys_of_rep(
        &self,
        rep: UserId,
        live_at: Millis,
    ) -> StoreResult<Vec<SessionKey>>;
    async fn revoke_session_key(&self, id: SessionKeyId, at: Millis) -> StoreResult<bool>;

    /// Active sessions a representative works: owned, or joined by invitation and not left.
    async fn sessions_of_owner(&self, rep: UserId) -> StoreResult<Vec<SupportSession>>;
    /// Active sessions a representative was invited to and has not answered yet.
    async fn invited_sessions(&self, rep: UserId) -> StoreResult<Vec<SupportSession>>;
    /// Ended sessions a representative worked, newest first, filtered by a text found in the
    /// customer's name or the external key, and by a start-time range.
    async fn history(&self, rep: UserId, query: &HistoryQuery) -> StoreResult<Vec<SupportSession>>;
}

/// Who is signed in and present, and the counters that throttle guessing.
#[async_trait]
pub trait AccessStore {
    /// Records a wrong session key from an address and drops records older than `keep_since`.
    async fn record_key_failure(
        &self,
        client_ip: &str,
        at: Millis,
        keep_since: Millis,
    ) -> StoreResult<()>;
    /// Failures from an address since a time: how many, and the oldest one's time.
    async fn key_failures_since(
        &self,
        client_ip: &str,
        since: Millis,
    ) -> StoreResult<(i64, Option<Millis>)>;
    /// Records a failed sign-in for each scope (`user:NAME`, `ip:ADDR`), dropping old records.
    async fn record_auth_failure(
        &self,
        scopes: &[String],
        at: Millis,
        keep_since: Millis,
    ) -> StoreResult<()>;
    async fn auth_failures_since(
        &self,
        scope: &str,
        since: Millis,
    ) -> StoreResult<(i64, Option<Millis>)>;
    async fn clear_auth_failures(&self, scope: &str) -> StoreResult<()>;
    /// Marks a logged-in representative as still connected.
    async fn touch_presence(&self, user: UserId, at: Millis) -> StoreResult<()>;
    /// Logs out representatives not seen since `before`; returns who.
    async fn sweep_presence(&self, before: Millis) -> StoreResult<Vec<UserId>>;
    async fn create_login(
        &self,
        token_hash: &str,
        user: UserId,
        at: Millis,
        expires_at: Millis,
    ) -> StoreResult<()>;
    async fn delete_login(&self, token_hash: &str) -> StoreResult<()>;
    async fn set_presence(
        &self,
        user: UserId,
        status: PresenceStatus,
        at: Millis,
    ) -> StoreResult<()>;
    async fn clear_presence(&self, user: UserId) -> StoreResult<()>;
    async fn list_presence(&self) -> StoreResult<Vec<Presence>>;
}

#[async_trait]
pub trait AccountStore {
    async fn create_api_account(&self, account: NewApiAccount) -> StoreResult<ApiAccount>;
    async fn api_account_by_client_id(&self, client_id: &str) -> StoreResult<Option<ApiAccount>>;
    async fn list_api_accounts(&self) -> StoreResult<Vec<ApiAccount>>;
    async fn create_api_token(
        &self,
        token_hash: &str,
        account: &ApiAccount,
        at: Millis,
        expires_at: Millis,
    ) -> StoreResult<()>;
    /// The account of a live token: unexpired, account enabled, secret not regenerated since.
    async fn api_token_account(
        &self,
        token_hash: &str,
        now: Millis,
    ) -> StoreResult<Option<ApiAccount>>;
    async fn append_audit(&self, entry: NewAuditEntry) -> StoreResult<()>;
    async fn list_audit(&self, limit: i64) -> StoreResult<Vec<AuditEntry>>;
}

/// The full customer client: the site's ticket key and the client tickets
/// (docs/customer_client.md).
#[async_trait]
pub trait ClientStore {
    /// The site secret called `name`; when there is none yet, `candidate` is stored and
    /// returned. The first writer wins, so concurrent nodes all end up with one key.
    async fn site_secret(&self, name: &str, candidate: &[u8], at: Millis) -> StoreResult<Vec<u8>>;
    /// Records an issued ticket, and drops unused tickets that expired before `purge_before`.
    async fn create_client_ticket(
        &self,
        ticket: &ClientTicketRecord,
        purge_before: Millis,
    ) -> StoreResult<()>;
    async fn client_ticket(&self, nonce_hash: &str) -> StoreResult<Option<ClientTicketRecord>>;
    /// In one transaction: marks the ticket used (only if it was not), records
    /// `customer_token_hash` as a further customer token of its session and appends `event`.
    /// `None` when the ticket had been used already (a concurrent join won).
    async fn redeem_client_ticket(
        &self,
        nonce_hash: &str,
        at: Millis,
        customer_token_hash: &str,
        event: NewEvent,
    ) -> StoreResult<Option<Appended>>;
}

/// Everything a backend provides.
#[async_trait]
pub trait Store:
    UserStore
    + CatalogStore
    + SessionStore
    + AccessStore
    + AccountStore
    + AdminStore
    + ClientStore
    + Send
    + Sync
    + 'static
{
    /// Whether the database answers (readiness).
    async fn ping(&self) -> StoreResult<()>;
    /// Flushes and closes connections (graceful shutdown).
    async fn close(&self);
}

pub type DynStore = Arc<dyn Store>;
