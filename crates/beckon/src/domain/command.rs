//! The command API's parameters (`/api/command?action=...`, the vendor's spelling) read into
//! a typed `Command` before anything is looked up, so that what a caller may send is decided
//! in one pure place (fuzzed by `fuzz/fuzz_targets/command_params.rs`). `http::api::command`
//! checks the caller's permission between `parse_action` and `parse_command`, and does the
//! lookups.

use super::ids::{TeamId, UserId};
use super::session::Queue;
use super::start_request::MAX_CUSTOM_VALUE_CHARS;
use crate::protocol::MAX_MESSAGE_CHARS;

/// The actions the API knows, and whether each changes anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    GetApiInfo,
    CheckHealth,
    GetLoggedInReps,
    GetSupportTeams,
    GetSessionAttributes,
    SetSessionAttributes,
    GenerateSessionKey,
    TransferSession,
    TerminateSession,
    SendChatMessage,
}

impl Action {
    pub const ALL: [Action; 10] = [
        Action::GetApiInfo,
        Action::CheckHealth,
        Action::GetLoggedInReps,
        Action::GetSupportTeams,
        Action::GetSessionAttributes,
        Action::SetSessionAttributes,
        Action::GenerateSessionKey,
        Action::TransferSession,
        Action::TerminateSession,
        Action::SendChatMessage,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Action::GetApiInfo => "get_api_info",
            Action::CheckHealth => "check_health",
            Action::GetLoggedInReps => "get_logged_in_reps",
            Action::GetSupportTeams => "get_support_teams",
            Action::GetSessionAttributes => "get_session_attributes",
            Action::SetSessionAttributes => "set_session_attributes",
            Action::GenerateSessionKey => "generate_session_key",
            Action::TransferSession => "transfer_session",
            Action::TerminateSession => "terminate_session",
            Action::SendChatMessage => "send_chat_message",
        }
    }

    /// Whether a read-only account is refused this action.
    pub fn writes(self) -> bool {
        matches!(
            self,
            Action::GenerateSessionKey
                | Action::SetSessionAttributes
                | Action::TransferSession
                | Action::TerminateSession
                | Action::SendChatMessage
        )
    }
}

/// Where `generate_session_key` sends the key's customer, or `transfer_session` the session,
/// before it is checked to exist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueueRef {
    General,
    Rep(UserId),
    RepUsername(String),
    Team(TeamId),
    /// Only for session keys: an issue by code name.
    Issue(String),
}

/// One call of the command API, its parameters checked for everything but existence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    GetApiInfo,
    CheckHealth,
    GetLoggedInReps,
    GetSupportTeams {
        show_members: bool,
    },
    GetSessionAttributes {
        lsid: String,
    },
    /// Attributes in the order given; an empty value clears one. Whether each code is a
    /// configured field is the store's to say.
    SetSessionAttributes {
        lsid: String,
        external_key: Option<String>,
        attributes: Vec<(String, String)>,
    },
    GenerateSessionKey {
        target: QueueRef,
        ttl_secs: Option<i64>,
        external_key: String,
        /// Only a host name's characters; anything else falls back to the site's own URL.
        url_hostname: Option<String>,
    },
    TransferSession {
        lsid: String,
        target: QueueRef,
    },
    TerminateSession {
        lsid: String,
    },
    SendChatMessage {
        lsid: String,
        message: String,
    },
}

/// A parameter problem: the API answers 400 with this text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommandParamError {
    #[error("missing parameter {0}")]
    Missing(&'static str),
    #[error("unknown action `{0}`")]
    UnknownAction(String),
    #[error("{0}")]
    Invalid(String),
}

fn invalid(msg: impl Into<String>) -> CommandParamError {
    CommandParamError::Invalid(msg.into())
}

/// The query string and the form body as one list of pairs (the API takes either), without
/// `password`: credentials are never treated as action parameters.
///
/// Fails with the name of the first parameter that is not UTF-8 once decoded: such a value is
/// refused, not stored with U+FFFD in it.
pub fn request_pairs(query: Option<&str>, body: &[u8]) -> Result<Vec<(String, String)>, String> {
    let mut pairs = super::form::strict_pairs(query.unwrap_or_default().as_bytes())?;
    pairs.extend(super::form::strict_pairs(body)?);
    // Credentials are never treated as action parameters.
    pairs.retain(|(k, _)| k != "password");
    Ok(pairs)
}

/// The first value of `k`, as the vendor's API reads repeated parameters.
pub fn get<'a>(pairs: &'a [(String, String)], k: &str) -> Option<&'a str> {
    pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str())
}

fn require<'a>(
    pairs: &'a [(String, String)],
    k: &'static str,
) -> Result<&'a str, CommandParamError> {
    get(pairs, k)
        .filter(|v| !v.is_empty())
        .ok_or(CommandParamError::Missing(k))
}

/// Which action is asked for; the caller's permission is checked against it before the
/// rest of the parameters are read.
pub fn parse_action(pairs: &[(String, String)]) -> Result<Action, CommandParamError> {
    let name = require(pairs, "action")?;
    Action::ALL
        .into_iter()
        .find(|a| a.name() == name)
        .ok_or_else(|| CommandParamError::UnknownAction(name.to_string()))
}

/// Reads the parameters of `action`.
pub fn parse_command(
    action: Action,
    pairs: &[(String, String)],
) -> Result<Command, CommandParamError> {
    let lsid = || require(pairs, "lsid").map(str::to_string);
    Ok(match action {
        Action::GetApiInfo => Command::GetApiInfo,
        Action::CheckHealth => Command::CheckHealth,
        Action::GetLoggedInReps => Command::GetLoggedInReps,
        Action::GetSupportTeams => Command::GetSupportTeams {
            show_members: get(pairs, "showmembers") == Some("1"),
        },
        Action::GetSessionAttributes => Command::GetSessionAttributes { lsid: lsid()? },
        Action::SetSessionAttributes => {
            let lsid = lsid()?;
            let mut external_key = None;
            let mut attributes = Vec::new();
            for (k, v) in pairs {
                let Some(code) = k.strip_prefix("session.custom.") else {
                    continue;
                };
                if v.chars().count() > MAX_CUSTOM_VALUE_CHARS {
                    return Err(invalid(format!(
                        "{k} is longer than {MAX_CUSTOM_VALUE_CHARS} characters"
                    )));
                }
                if code == "external_key" {
                    external_key = Some(v.clone());
                } else {
                    attributes.push((code.to_string(), v.clone()));
                }
            }
            Command::SetSessionAttributes {
                lsid,
                external_key,
                attributes,
            }
        }
        Action::GenerateSessionKey => {
            if require(pairs, "type")? != "support" {
                return Err(invalid("type must be support"));
            }
            let target = key_target(get(pairs, "queue_id").unwrap_or("general"))?;
            let ttl_secs = get(pairs, "ttl")
                .map(|t| {
                    t.parse::<i64>()
                        .map_err(|_| invalid("ttl must be an integer number of seconds"))
                })
                .transpose()?;
            let url_hostname = get(pairs, "url_hostname")
                .filter(|h| {
                    !h.is_empty()
                        && h.chars()
                            .all(|c| c.is_ascii_alphanumeric() || ".-:".contains(c))
                })
                .map(str::to_string);
            Command::GenerateSessionKey {
                target,
                ttl_secs,
                external_key: get(pairs, "external_key").unwrap_or_default().to_string(),
                url_hostname,
            }
        }
        Action::TransferSession => {
            let lsid = lsid()?;
            let queue_id = require(pairs, "queue_id")?;
            let target = match Queue::parse_api_id(queue_id) {
                Some(q) => queue_ref(q),
                None => match queue_id.strip_prefix("rep_username:") {
                    Some(name) => QueueRef::RepUsername(name.to_string()),
                    None => {
                        return Err(invalid(
                            "queue_id must be general, rep:ID, rep_username:NAME or team:ID",
                        ))
                    }
                },
            };
            Command::TransferSession { lsid, target }
        }
        Action::TerminateSession => Command::TerminateSession { lsid: lsid()? },
        Action::SendChatMessage => {
            let lsid = lsid()?;
            let message = require(pairs, "message")?;
            if message.chars().count() > MAX_MESSAGE_CHARS {
                return Err(invalid("message is longer than 4000 characters"));
            }
            Command::SendChatMessage {
                lsid,
                message: message.to_string(),
            }
        }
    })
}

fn queue_ref(q: Queue) -> QueueRef {
    match q {
        Queue::General => QueueRef::General,
        Queue::Rep(id) => QueueRef::Rep(id),
        Queue::Team(id) => QueueRef::Team(id),
    }
}

/// `generate_session_key`'s `queue_id`: also `issue:CODE_NAME`.
fn key_target(queue_id: &str) -> Result<QueueRef, CommandParamError> {
    if let Some(code) = queue_id.strip_prefix("issue:") {
        return Ok(QueueRef::Issue(code.to_string()));
    }
    if let Some(id) = queue_id.strip_prefix("rep:") {
        let id: i64 = id
            .parse()
            .map_err(|_| invalid("queue_id rep:ID needs an integer id"))?;
        return Ok(QueueRef::Rep(UserId(id)));
    }
    if let Some(name) = queue_id.strip_prefix("rep_username:") {
        return Ok(QueueRef::RepUsername(name.to_string()));
    }
    match Queue::parse_api_id(queue_id) {
        Some(q @ (Queue::General | Queue::Team(_))) => Ok(queue_ref(q)),
        _ => Err(invalid(
            "queue_id must be general, rep:ID, rep_username:NAME, team:ID or issue:CODE_NAME",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
        p.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    fn parse(p: &[(&str, &str)]) -> Result<Command, CommandParamError> {
        let p = pairs(p);
        parse_command(parse_action(&p)?, &p)
    }

    #[test]
    fn actions() {
        assert_eq!(parse(&[]), Err(CommandParamError::Missing("action")));
        assert_eq!(
            parse(&[("action", "nope")]),
            Err(CommandParamError::UnknownAction("nope".into()))
        );
        assert_eq!(
            parse(&[("action", "get_api_info")]),
            Ok(Command::GetApiInfo)
        );
        assert!(Action::TransferSession.writes());
        assert!(!Action::GetSupportTeams.writes());
    }

    #[test]
    fn queue_ids() {
        let key = |q: &str| {
            parse(&[
                ("action", "generate_session_key"),
                ("type", "support"),
                ("queue_id", q),
            ])
        };
        let target = |c: Result<Command, CommandParamError>| match c {
            Ok(Command::GenerateSessionKey { target, .. }) => Ok(target),
            Ok(other) => panic!("{other:?}"),
            Err(e) => Err(e),
        };
        assert_eq!(
            target(key("issue:Other")),
            Ok(QueueRef::Issue("Other".into()))
        );
        assert_eq!(target(key("rep:5")), Ok(QueueRef::Rep(UserId(5))));
        assert_eq!(target(key("team:2")), Ok(QueueRef::Team(TeamId(2))));
        assert!(target(key("rep:x")).is_err());
        assert!(target(key("elsewhere")).is_err());
        let moved = parse(&[
            ("action", "transfer_session"),
            ("lsid", "l"),
            ("queue_id", "rep_username:ann"),
        ]);
        assert_eq!(
            moved,
            Ok(Command::TransferSession {
                lsid: "l".into(),
                target: QueueRef::RepUsername("ann".into())
            })
        );
        assert!(parse(&[
            ("action", "transfer_session"),
            ("lsid", "l"),
            ("queue_id", "issue:x")
        ])
        .is_err());
    }

    #[test]
    fn attributes_and_messages() {
        let set = parse(&[
            ("action", "set_session_attributes"),
            ("lsid", "l"),
            ("session.custom.external_key", "E"),
            ("session.custom.a", ""),
            ("other", "x"),
        ]);
        assert_eq!(
            set,
            Ok(Command::SetSessionAttributes {
                lsid: "l".into(),
                external_key: Some("E".into()),
                attributes: vec![("a".into(), String::new())]
            })
        );
        let long = "x".repeat(MAX_MESSAGE_CHARS + 1);
        assert!(parse(&[
            ("action", "send_chat_message"),
            ("lsid", "l"),
            ("message", &long)
        ])
        .is_err());
    }
}
