//! What a representative may ask of the full client, and the customer's consent
//! (docs/customer_client.md, "Capabilities and consent").
//!
//! Every step is an event of the session's log, and every decision here is a pure function of
//! that log: the log is the only state, so every node decides alike and the console, the
//! reports and the client read the same history.

use super::session::SessionEvent;
use beckon_protocol::chat::Capability;
use serde::Serialize;

pub mod team;

/// Where one capability stands, folded from the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Consent {
    /// Never requested since the current client joined.
    None,
    /// Requested; the customer has not answered.
    Requested,
    Allowed,
    Denied,
    Revoked,
    /// A one-shot capability (`system_info`) was used after it was allowed: a new request is
    /// needed for the next use.
    Shared,
    /// A lasting capability (the shell) ended on the customer's side (it exited or the client
    /// stopped it): a new request is needed for the next use.
    Ended,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CapabilityError {
    #[error(
        "no full client has joined this session; the customer must run the support client first"
    )]
    NoClient,
    #[error("this was already requested; the customer has not answered yet")]
    AlreadyRequested,
    #[error("the customer already allowed this; it is on its way")]
    AlreadyAllowed,
    #[error("there is no request to answer")]
    NotRequested,
    #[error("the customer has not allowed this")]
    NotAllowed,
    #[error("{0} is not available in this version of Beckon")]
    NotAvailable(&'static str),
    #[error("the administrator does not allow {0} for this session's team")]
    NotAllowedForTeam(&'static str),
}

/// The full client that joined last, as its `client_joined` event tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JoinedClient {
    pub version: String,
    pub os: String,
    pub at: i64,
}

/// The event kinds of this module.
pub const REQUESTED: &str = "capability_requested";
pub const ALLOWED: &str = "capability_allowed";
pub const DENIED: &str = "capability_denied";
pub const REVOKED: &str = "capability_revoked";
pub const CLIENT_JOINED: &str = "client_joined";
pub const SYSTEM_INFO: &str = "system_info";
/// What the customer's shell printed (customer, `data`: base64).
pub const SHELL_OUTPUT: &str = "shell_output";
/// What the representative typed (rep, `data`: base64).
pub const SHELL_INPUT: &str = "shell_input";
/// The representative's terminal size (rep, `cols`, `rows`).
pub const SHELL_RESIZE: &str = "shell_resize";
/// The shell ended on the customer's side (customer, `code` when it exited by itself).
pub const SHELL_ENDED: &str = "shell_ended";

/// The screen view ended (customer: the client stopped or capture failed, with `frames`;
/// rep: the representative stopped watching). The frames themselves are never stored.
pub const SCREEN_ENDED: &str = "screen_ended";

/// The capabilities this version can carry out: all it knows. A name added for a later
/// version would be known (and stored in team settings) before it can be requested.
pub fn is_available(capability: Capability) -> bool {
    matches!(
        capability,
        Capability::SystemInfo
            | Capability::Shell
            | Capability::ScreenView
            | Capability::FileTransfer
    )
}

pub fn joined_client(events: &[SessionEvent]) -> Option<JoinedClient> {
    events
        .iter()
        .rev()
        .find(|e| e.kind == CLIENT_JOINED)
        .map(|e| JoinedClient {
            version: e.body["version"].as_str().unwrap_or_default().to_string(),
            os: e.body["os"].as_str().unwrap_or_default().to_string(),
            at: e.at,
        })
}

/// The capability an event is about, if it is one of this module's.
fn capability_of(e: &SessionEvent) -> Option<Capability> {
    match e.kind.as_str() {
        SYSTEM_INFO => Some(Capability::SystemInfo),
        SHELL_ENDED => Some(Capability::Shell),
        SCREEN_ENDED => Some(Capability::ScreenView),
        REQUESTED | ALLOWED | DENIED | REVOKED => {
            e.body["capability"].as_str().and_then(Capability::parse)
        }
        _ => None,
    }
}

/// Folds the log into the state of one capability.
pub fn consent(events: &[SessionEvent], capability: Capability) -> Consent {
    events
        .iter()
        .fold(Consent::None, |state, e| step(state, e, capability))
}

/// One step of the fold: where `capability` stands after `e`. Public so that a long-lived
/// connection can fold the log as it grows instead of rereading it (`http::chat_consent`).
pub fn step(state: Consent, e: &SessionEvent, capability: Capability) -> Consent {
    // A newly joined client has shown the customer no request yet: what an earlier client
    // (another process, maybe another machine) was allowed does not carry over.
    if e.kind == CLIENT_JOINED {
        return Consent::None;
    }
    if capability_of(e) != Some(capability) {
        return state;
    }
    match (e.kind.as_str(), state) {
        (REQUESTED, _) => Consent::Requested,
        (ALLOWED, Consent::Requested) => Consent::Allowed,
        (DENIED, Consent::Requested) => Consent::Denied,
        (REVOKED, Consent::Allowed | Consent::Shared) => Consent::Revoked,
        (SYSTEM_INFO, Consent::Allowed) => Consent::Shared,
        (SHELL_ENDED | SCREEN_ENDED, Consent::Allowed) => Consent::Ended,
        _ => state,
    }
}

/// Whether a representative may request `capability` now; `team_allows` is what the
/// administrator allows for the session's team (`team::allowed_for`).
pub fn may_request(
    events: &[SessionEvent],
    capability: Capability,
    team_allows: &[Capability],
) -> Result<(), CapabilityError> {
    if !is_available(capability) {
        return Err(CapabilityError::NotAvailable(capability.as_str()));
    }
    if !team_allows.contains(&capability) {
        return Err(CapabilityError::NotAllowedForTeam(capability.as_str()));
    }
    if joined_client(events).is_none() {
        return Err(CapabilityError::NoClient);
    }
    match consent(events, capability) {
        Consent::Requested => Err(CapabilityError::AlreadyRequested),
        Consent::Allowed => Err(CapabilityError::AlreadyAllowed),
        _ => Ok(()),
    }
}

/// The event kind recording the customer's answer, when there is a request to answer.
pub fn answer(
    events: &[SessionEvent],
    capability: Capability,
    allow: bool,
) -> Result<&'static str, CapabilityError> {
    match consent(events, capability) {
        Consent::Requested if allow => Ok(ALLOWED),
        Consent::Requested => Ok(DENIED),
        _ => Err(CapabilityError::NotRequested),
    }
}

/// Whether the customer can take `capability` back: only what they allowed.
pub fn may_revoke(events: &[SessionEvent], capability: Capability) -> Result<(), CapabilityError> {
    match consent(events, capability) {
        Consent::Allowed | Consent::Shared => Ok(()),
        _ => Err(CapabilityError::NotAllowed),
    }
}

/// Whether the client may share its system information now: the customer's latest answer to
/// the latest request is "allow", and nothing was shared since.
pub fn may_share_system_info(events: &[SessionEvent]) -> Result<(), CapabilityError> {
    match consent(events, Capability::SystemInfo) {
        Consent::Allowed => Ok(()),
        _ => Err(CapabilityError::NotAllowed),
    }
}

/// Whether the shell may run now (input from the representative, output from the client):
/// the customer allowed it, has not revoked it, and it has not ended since.
pub fn may_use_shell(events: &[SessionEvent]) -> Result<(), CapabilityError> {
    match consent(events, Capability::Shell) {
        Consent::Allowed => Ok(()),
        _ => Err(CapabilityError::NotAllowed),
    }
}

/// Whether screen frames may flow now: allowed, not revoked, not ended since.
pub fn may_view_screen(events: &[SessionEvent]) -> Result<(), CapabilityError> {
    match consent(events, Capability::ScreenView) {
        Consent::Allowed => Ok(()),
        _ => Err(CapabilityError::NotAllowed),
    }
}

#[cfg(test)]
mod tests;
