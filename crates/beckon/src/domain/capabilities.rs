//! What a representative may ask of the full client, and the customer's consent
//! (docs/customer_client.md, "Capabilities and consent").
//!
//! Every step is an event of the session's log, and every decision here is a pure function of
//! that log: the log is the only state, so every node decides alike and the console, the
//! reports and the client read the same history.

use super::session::SessionEvent;
use beckon_protocol::chat::Capability;
use serde::Serialize;

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
        REQUESTED | ALLOWED | DENIED | REVOKED => {
            e.body["capability"].as_str().and_then(Capability::parse)
        }
        _ => None,
    }
}

/// Folds the log into the state of one capability.
pub fn consent(events: &[SessionEvent], capability: Capability) -> Consent {
    events.iter().fold(Consent::None, |state, e| {
        // A newly joined client has shown the customer no request yet: what an earlier
        // client (another process, maybe another machine) was allowed does not carry over.
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
            _ => state,
        }
    })
}

/// Whether a representative may request `capability` now.
pub fn may_request(events: &[SessionEvent], capability: Capability) -> Result<(), CapabilityError> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::UserId;
    use crate::domain::session::Actor;
    use serde_json::json;

    const SI: Capability = Capability::SystemInfo;

    fn log(kinds: &[&str]) -> Vec<SessionEvent> {
        kinds
            .iter()
            .enumerate()
            .map(|(i, k)| SessionEvent {
                seq: i as i64 + 1,
                kind: (*k).into(),
                actor: if *k == REQUESTED {
                    Actor::Rep(UserId(1))
                } else {
                    Actor::Customer
                },
                body: match *k {
                    CLIENT_JOINED => json!({"version": "0.1.0", "os": "linux"}),
                    SYSTEM_INFO => json!({"info": {}}),
                    _ => json!({"capability": "system_info"}),
                },
                client_msg_id: None,
                at: i as i64,
            })
            .collect()
    }

    #[test]
    fn a_request_needs_a_joined_client() {
        assert_eq!(may_request(&log(&[]), SI), Err(CapabilityError::NoClient));
        assert_eq!(
            may_request(&log(&["created", "chat_message"]), SI),
            Err(CapabilityError::NoClient)
        );
        let joined = log(&["created", CLIENT_JOINED]);
        assert_eq!(may_request(&joined, SI), Ok(()));
        assert_eq!(
            joined_client(&joined),
            Some(JoinedClient {
                version: "0.1.0".into(),
                os: "linux".into(),
                at: 1
            })
        );
    }

    #[test]
    fn one_request_at_a_time() {
        assert_eq!(
            may_request(&log(&[CLIENT_JOINED, REQUESTED]), SI),
            Err(CapabilityError::AlreadyRequested)
        );
        assert_eq!(
            may_request(&log(&[CLIENT_JOINED, REQUESTED, ALLOWED]), SI),
            Err(CapabilityError::AlreadyAllowed)
        );
        for after in [DENIED, REVOKED] {
            let events = if after == REVOKED {
                log(&[CLIENT_JOINED, REQUESTED, ALLOWED, REVOKED])
            } else {
                log(&[CLIENT_JOINED, REQUESTED, DENIED])
            };
            assert_eq!(may_request(&events, SI), Ok(()), "after {after}");
        }
        assert_eq!(
            may_request(&log(&[CLIENT_JOINED, REQUESTED, ALLOWED, SYSTEM_INFO]), SI),
            Ok(())
        );
    }

    #[test]
    fn answers_only_an_outstanding_request() {
        assert_eq!(
            answer(&log(&[CLIENT_JOINED]), SI, true),
            Err(CapabilityError::NotRequested)
        );
        let asked = log(&[CLIENT_JOINED, REQUESTED]);
        assert_eq!(answer(&asked, SI, true), Ok(ALLOWED));
        assert_eq!(answer(&asked, SI, false), Ok(DENIED));
        assert_eq!(
            answer(&log(&[CLIENT_JOINED, REQUESTED, DENIED]), SI, true),
            Err(CapabilityError::NotRequested),
            "a second answer to one request"
        );
    }

    #[test]
    fn sharing_needs_the_latest_answer_to_be_allow_and_is_one_shot() {
        let cases: [(&[&str], bool); 8] = [
            (&[CLIENT_JOINED], false),
            (&[CLIENT_JOINED, REQUESTED], false),
            (&[CLIENT_JOINED, REQUESTED, DENIED], false),
            (&[CLIENT_JOINED, REQUESTED, ALLOWED], true),
            (&[CLIENT_JOINED, REQUESTED, ALLOWED, SYSTEM_INFO], false),
            (&[CLIENT_JOINED, REQUESTED, ALLOWED, REVOKED], false),
            (&[CLIENT_JOINED, REQUESTED, ALLOWED, REQUESTED], false),
            (&[REQUESTED, ALLOWED, CLIENT_JOINED], false),
        ];
        for (kinds, ok) in cases {
            assert_eq!(may_share_system_info(&log(kinds)).is_ok(), ok, "{kinds:?}");
        }
    }

    #[test]
    fn only_what_was_allowed_can_be_revoked() {
        assert!(may_revoke(&log(&[CLIENT_JOINED, REQUESTED]), SI).is_err());
        assert!(may_revoke(&log(&[CLIENT_JOINED, REQUESTED, DENIED]), SI).is_err());
        assert!(may_revoke(&log(&[CLIENT_JOINED, REQUESTED, ALLOWED]), SI).is_ok());
        assert!(may_revoke(&log(&[CLIENT_JOINED, REQUESTED, ALLOWED, SYSTEM_INFO]), SI).is_ok());
        assert!(may_revoke(&log(&[CLIENT_JOINED, REQUESTED, ALLOWED, REVOKED]), SI).is_err());
        assert_eq!(
            consent(&log(&[CLIENT_JOINED, REQUESTED, ALLOWED, REVOKED]), SI),
            Consent::Revoked
        );
    }
}
