//! The session's log as the client shows it: `ServerMsg::Event`s turned into typed entries.
//!
//! Bodies come from the network: a missing or odd field gives an empty name or an `Other`
//! entry, never a panic.

use beckon_protocol::chat::Capability;
use serde_json::Value;

#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    /// `from_customer` marks the customer's own messages (shown as "You").
    Chat {
        from_customer: bool,
        name: String,
        text: String,
    },
    RepJoined {
        name: String,
    },
    RepLeft {
        name: String,
    },
    RepInvited {
        name: String,
    },
    Transferred {
        name: String,
        to: String,
    },
    Queued,
    Ended,
    CapabilityRequested {
        capability: Capability,
        name: String,
    },
    /// The customer's answer or revocation, as the log recorded it.
    CapabilityAnswered {
        capability: Capability,
        answer: Answer,
    },
    InfoShared,
    LeftMessage {
        text: String,
    },
    ElevationRequested {
        name: String,
    },
    /// A kind this version does not show.
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Allowed,
    Denied,
    Revoked,
}

/// Longest text shown from one field: a hostile server cannot flood the screen.
const MAX_SHOWN: usize = 4000;

fn text(body: &Value, key: &str) -> String {
    body.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .chars()
        .take(MAX_SHOWN)
        .collect()
}

fn capability(body: &Value) -> Option<Capability> {
    body.get("capability")
        .and_then(Value::as_str)
        .and_then(Capability::parse)
}

/// Interprets one event. `name` is the representative's public name the server attached.
pub fn interpret(kind: &str, from: &str, name: Option<&str>, body: &Value) -> Entry {
    let sender = || {
        name.map(|n| n.chars().take(200).collect::<String>())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| text(body, "name"))
    };
    match kind {
        "chat_message" => Entry::Chat {
            from_customer: from == "customer",
            name: if from == "customer" {
                String::new()
            } else {
                sender()
            },
            text: text(body, "text"),
        },
        "member_joined" => Entry::RepJoined {
            name: text(body, "name"),
        },
        "member_left" => Entry::RepLeft {
            name: text(body, "name"),
        },
        "member_invited" => Entry::RepInvited {
            name: text(body, "name"),
        },
        "transferred" => Entry::Transferred {
            name: text(body, "name"),
            to: text(body, "to"),
        },
        "state_changed" => match body.get("to").and_then(Value::as_str) {
            Some("queued") => Entry::Queued,
            Some("ended") => Entry::Ended,
            _ => Entry::Other,
        },
        "capability_requested" => match capability(body) {
            Some(capability) => Entry::CapabilityRequested {
                capability,
                name: {
                    let n = text(body, "name");
                    if n.is_empty() {
                        sender()
                    } else {
                        n
                    }
                },
            },
            None => Entry::Other,
        },
        "capability_allowed" | "capability_denied" | "capability_revoked" => {
            match capability(body) {
                Some(capability) => Entry::CapabilityAnswered {
                    capability,
                    answer: match kind {
                        "capability_allowed" => Answer::Allowed,
                        "capability_denied" => Answer::Denied,
                        _ => Answer::Revoked,
                    },
                },
                None => Entry::Other,
            }
        }
        "system_info" => Entry::InfoShared,
        "customer_left_message" => Entry::LeftMessage {
            text: text(body, "text"),
        },
        "elevation_requested" => Entry::ElevationRequested {
            name: text(body, "name"),
        },
        _ => Entry::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_the_documented_kinds_and_tolerates_garbage() {
        assert_eq!(
            interpret("chat_message", "rep", Some("John"), &json!({"text": "hi"})),
            Entry::Chat {
                from_customer: false,
                name: "John".into(),
                text: "hi".into()
            }
        );
        assert_eq!(
            interpret("chat_message", "customer", None, &json!({"text": "yo"})),
            Entry::Chat {
                from_customer: true,
                name: String::new(),
                text: "yo".into()
            }
        );
        assert_eq!(
            interpret(
                "member_joined",
                "rep",
                Some("John"),
                &json!({"name": "John"})
            ),
            Entry::RepJoined {
                name: "John".into()
            }
        );
        assert_eq!(
            interpret("state_changed", "system", None, &json!({"to": "ended"})),
            Entry::Ended
        );
        assert_eq!(
            interpret(
                "capability_requested",
                "rep",
                Some("John"),
                &json!({"capability": "system_info"})
            ),
            Entry::CapabilityRequested {
                capability: Capability::SystemInfo,
                name: "John".into()
            }
        );
        assert_eq!(
            interpret(
                "capability_requested",
                "rep",
                None,
                &json!({"capability": "x"})
            ),
            Entry::Other
        );
        assert_eq!(
            interpret("chat_message", "rep", None, &json!(42)),
            Entry::Chat {
                from_customer: false,
                name: String::new(),
                text: String::new()
            }
        );
        assert_eq!(
            interpret("note_added", "rep", None, &Value::Null),
            Entry::Other
        );
        let long = "x".repeat(10_000);
        match interpret("chat_message", "rep", None, &json!({ "text": long })) {
            Entry::Chat { text, .. } => assert_eq!(text.chars().count(), MAX_SHOWN),
            other => panic!("{other:?}"),
        }
    }
}
