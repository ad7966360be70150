//! Support sessions, their queues and states, and their append-only event log.

use super::ids::{IssueId, Lsid, SessionId, SessionKeyId, TeamId, UserId};
use super::locale::Locale;
use super::time::Millis;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `BG.START_TYPE.CHAT` or `BG.START_TYPE.FULL`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StartType {
    Chat,
    Full,
}

impl StartType {
    pub fn as_str(self) -> &'static str {
        match self {
            StartType::Chat => "chat",
            StartType::Full => "full",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "chat" => Some(StartType::Chat),
            "full" => Some(StartType::Full),
            _ => None,
        }
    }
}

/// Where a session is in its life. Only forward moves are allowed (see `can_move_to`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionState {
    /// Created; the customer's chat page or client has not connected yet.
    AwaitingClient,
    /// The customer is connected and waits for a representative.
    Queued,
    /// A representative accepted it.
    Active,
    Ended,
}

impl SessionState {
    pub fn as_str(self) -> &'static str {
        match self {
            SessionState::AwaitingClient => "awaiting_client",
            SessionState::Queued => "queued",
            SessionState::Active => "active",
            SessionState::Ended => "ended",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "awaiting_client" => Some(SessionState::AwaitingClient),
            "queued" => Some(SessionState::Queued),
            "active" => Some(SessionState::Active),
            "ended" => Some(SessionState::Ended),
            _ => None,
        }
    }
    pub fn can_move_to(self, next: SessionState) -> bool {
        use SessionState::*;
        matches!(
            (self, next),
            (AwaitingClient, Queued) | (Queued, Active) | (Active, Queued) | (_, Ended)
        ) && self != Ended
    }
}

/// Which queue holds a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Queue {
    General,
    /// A representative's personal queue.
    Rep(UserId),
    Team(TeamId),
}

impl Queue {
    pub fn kind(self) -> &'static str {
        match self {
            Queue::General => "general",
            Queue::Rep(_) => "rep",
            Queue::Team(_) => "team",
        }
    }
    pub fn reference(self) -> Option<i64> {
        match self {
            Queue::General => None,
            Queue::Rep(id) => Some(id.0),
            Queue::Team(id) => Some(id.0),
        }
    }
    pub fn from_parts(kind: &str, reference: Option<i64>) -> Option<Self> {
        match (kind, reference) {
            ("general", _) => Some(Queue::General),
            ("rep", Some(id)) => Some(Queue::Rep(UserId(id))),
            ("team", Some(id)) => Some(Queue::Team(TeamId(id))),
            _ => None,
        }
    }
    /// Parses the command API's spelling.
    pub fn parse_api_id(s: &str) -> Option<Queue> {
        match s.split_once(':') {
            None if s == "general" => Some(Queue::General),
            Some(("rep", id)) => id.parse().ok().map(|i| Queue::Rep(UserId(i))),
            Some(("team", id)) => id.parse().ok().map(|i| Queue::Team(TeamId(i))),
            _ => None,
        }
    }

    /// The command API's spelling (`general`, `rep:ID`, `team:ID`).
    pub fn api_id(self) -> String {
        match self {
            Queue::General => "general".into(),
            Queue::Rep(id) => format!("rep:{id}"),
            Queue::Team(id) => format!("team:{id}"),
        }
    }
}

/// How the customer chose the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StartMethod {
    SessionKey,
    Rep,
    Issue,
    General,
}

impl StartMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            StartMethod::SessionKey => "session_key",
            StartMethod::Rep => "rep",
            StartMethod::Issue => "issue",
            StartMethod::General => "general",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "session_key" => Some(StartMethod::SessionKey),
            "rep" => Some(StartMethod::Rep),
            "issue" => Some(StartMethod::Issue),
            "general" => Some(StartMethod::General),
            _ => None,
        }
    }
}

/// What the customer told us about themselves (`customer.*`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Customer {
    pub name: String,
    pub company: String,
    pub company_code: String,
    pub details: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SupportSession {
    #[serde(skip)]
    pub id: SessionId,
    pub lsid: Lsid,
    pub start_type: StartType,
    pub state: SessionState,
    pub start_method: StartMethod,
    pub queue: Queue,
    pub issue_id: Option<IssueId>,
    #[serde(skip)]
    pub session_key_id: Option<SessionKeyId>,
    /// Required skills in rank order.
    pub skills: Vec<String>,
    pub customer: Customer,
    pub locale: Locale,
    pub chat_locale: Option<Locale>,
    pub external_key: String,
    /// Custom field values by code name.
    pub attributes: BTreeMap<String, String>,
    pub timezone_offset: Option<i64>,
    pub page_url: String,
    pub client_ip: String,
    pub owner_id: Option<UserId>,
    pub offered_to: Option<UserId>,
    pub offered_at: Option<Millis>,
    pub created_at: Millis,
    pub queued_at: Option<Millis>,
    pub accepted_at: Option<Millis>,
    pub ended_at: Option<Millis>,
    pub end_reason: Option<String>,
    /// A session whose customer has not connected by then expires.
    pub client_deadline: Option<Millis>,
}

/// A session to create: everything the start request established.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub lsid: Lsid,
    pub start_type: StartType,
    pub start_method: StartMethod,
    pub queue: Queue,
    pub issue_id: Option<IssueId>,
    pub session_key_id: Option<SessionKeyId>,
    pub skills: Vec<String>,
    pub customer: Customer,
    pub locale: Locale,
    pub chat_locale: Option<Locale>,
    pub external_key: String,
    pub attributes: BTreeMap<String, String>,
    pub timezone_offset: Option<i64>,
    pub page_url: String,
    pub client_ip: String,
    pub created_at: Millis,
    pub client_deadline: Millis,
    /// SHA-256 (hex) of the customer's token; the token itself goes only to the customer.
    pub customer_token_hash: String,
}

/// Who caused an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Actor {
    System,
    Customer,
    Rep(UserId),
    Api(i64),
}

impl Actor {
    pub fn kind(self) -> &'static str {
        match self {
            Actor::System => "system",
            Actor::Customer => "customer",
            Actor::Rep(_) => "rep",
            Actor::Api(_) => "api",
        }
    }
    pub fn id(self) -> Option<i64> {
        match self {
            Actor::Rep(id) => Some(id.0),
            Actor::Api(id) => Some(id),
            _ => None,
        }
    }
    pub fn from_parts(kind: &str, id: Option<i64>) -> Self {
        match (kind, id) {
            ("customer", _) => Actor::Customer,
            ("rep", Some(id)) => Actor::Rep(UserId(id)),
            ("api", Some(id)) => Actor::Api(id),
            _ => Actor::System,
        }
    }
}

/// One entry of a session's log. `seq` is dense and starts at 1 for each session.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionEvent {
    pub seq: i64,
    /// `created`, `state_changed`, `chat_message`, `member_joined`, `transferred`, ...
    pub kind: String,
    pub actor: Actor,
    pub body: serde_json::Value,
    pub client_msg_id: Option<String>,
    pub at: Millis,
}

/// An event to append; the store assigns `seq`.
#[derive(Debug, Clone)]
pub struct NewEvent {
    pub kind: String,
    pub actor: Actor,
    pub body: serde_json::Value,
    /// A client-chosen id that makes a resend idempotent.
    pub client_msg_id: Option<String>,
    pub at: Millis,
}

impl NewEvent {
    pub fn system(kind: &str, body: serde_json::Value, at: Millis) -> Self {
        NewEvent {
            kind: kind.into(),
            actor: Actor::System,
            body,
            client_msg_id: None,
            at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_only_move_forward() {
        use SessionState::*;
        assert!(AwaitingClient.can_move_to(Queued));
        assert!(Queued.can_move_to(Active));
        assert!(Active.can_move_to(Ended));
        assert!(!Ended.can_move_to(Queued));
        assert!(!Ended.can_move_to(Ended));
        assert!(!Active.can_move_to(AwaitingClient));
    }

    #[test]
    fn queues_round_trip() {
        for q in [
            Queue::General,
            Queue::Rep(UserId(3)),
            Queue::Team(TeamId(4)),
        ] {
            assert_eq!(Queue::from_parts(q.kind(), q.reference()), Some(q));
        }
        assert_eq!(Queue::Rep(UserId(30)).api_id(), "rep:30");
        assert_eq!(Queue::parse_api_id("team:4"), Some(Queue::Team(TeamId(4))));
        assert_eq!(Queue::parse_api_id("general"), Some(Queue::General));
        assert_eq!(Queue::parse_api_id("rep:x"), None);
    }
}
