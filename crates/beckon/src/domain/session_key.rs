//! Session keys: seven random digits a representative gives a customer, valid once.

use super::ids::{IssueId, SessionId, SessionKeyId, TeamId, UserId};
use super::session::StartType;
use super::time::Millis;
use serde::Serialize;
use std::collections::BTreeMap;

/// Where a session started with a key goes: a representative's personal queue (the keys
/// representatives generate), or, for keys generated through the command API, the general
/// queue, a team's queue or an issue's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum KeyTarget {
    Rep(UserId),
    General,
    Team(TeamId),
    Issue(IssueId),
}

impl KeyTarget {
    pub fn kind(self) -> &'static str {
        match self {
            KeyTarget::Rep(_) => "rep",
            KeyTarget::General => "general",
            KeyTarget::Team(_) => "team",
            KeyTarget::Issue(_) => "issue",
        }
    }
    pub fn reference(self) -> Option<i64> {
        match self {
            KeyTarget::Rep(id) => Some(id.0),
            KeyTarget::General => None,
            KeyTarget::Team(id) => Some(id.0),
            KeyTarget::Issue(id) => Some(id.0),
        }
    }
    pub fn from_parts(kind: &str, reference: Option<i64>) -> Option<KeyTarget> {
        match (kind, reference) {
            ("rep", Some(id)) => Some(KeyTarget::Rep(UserId(id))),
            ("general", _) => Some(KeyTarget::General),
            ("team", Some(id)) => Some(KeyTarget::Team(TeamId(id))),
            ("issue", Some(id)) => Some(KeyTarget::Issue(IssueId(id))),
            _ => None,
        }
    }
}

/// Length of a key, as the vendor's documented examples are.
pub const KEY_DIGITS: usize = 7;

#[derive(Debug, Clone, Serialize)]
pub struct SessionKey {
    pub id: SessionKeyId,
    pub short_key: String,
    /// The representative who generated the key (none for API keys to other queues).
    pub rep_id: Option<UserId>,
    pub target: KeyTarget,
    /// How the portal starts the session (the representative's choice).
    pub start_type: StartType,
    pub external_key: String,
    pub attributes: BTreeMap<String, String>,
    pub created_at: Millis,
    pub expires_at: Millis,
    pub used_at: Option<Millis>,
    pub revoked_at: Option<Millis>,
    pub session_id: Option<SessionId>,
}

#[derive(Debug, Clone)]
pub struct NewSessionKey {
    pub short_key: String,
    /// The representative who generated the key (none for API keys to other queues).
    pub rep_id: Option<UserId>,
    pub target: KeyTarget,
    pub start_type: StartType,
    pub external_key: String,
    pub attributes: BTreeMap<String, String>,
    pub created_at: Millis,
    pub expires_at: Millis,
}

/// Why a key cannot start a session, in the order they are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyProblem {
    Revoked,
    Used,
    Expired,
}

impl SessionKey {
    pub fn problem(&self, now: Millis) -> Option<KeyProblem> {
        if self.revoked_at.is_some() {
            Some(KeyProblem::Revoked)
        } else if self.used_at.is_some() {
            Some(KeyProblem::Used)
        } else if now >= self.expires_at {
            Some(KeyProblem::Expired)
        } else {
            None
        }
    }
}

/// Whether a string has the shape of a key (digits only, the right length).
pub fn is_well_formed(s: &str) -> bool {
    s.len() == KEY_DIGITS && s.bytes().all(|b| b.is_ascii_digit())
}

/// Seven uniformly random digits from the OS CSPRNG (leading zeros allowed).
pub fn generate_digits() -> String {
    use rand::Rng;
    let n: u32 = rand::rngs::OsRng.gen_range(0..10u32.pow(KEY_DIGITS as u32));
    format!("{n:0width$}", width = KEY_DIGITS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_keys_are_well_formed() {
        for _ in 0..200 {
            assert!(is_well_formed(&generate_digits()));
        }
        assert!(!is_well_formed("123456"));
        assert!(!is_well_formed("12345a7"));
        assert!(is_well_formed("1728331"));
    }
}
