//! The command API's parameters (`/api/command?action=...`): the query string and body
//! decoded by `domain::command::request_pairs`, then `parse_action` and `parse_command`, as
//! `http::api::command` runs them for any caller with an API account.
#![no_main]

use beckon::domain::command::{self, Command, QueueRef};
use beckon::domain::start_request::MAX_CUSTOM_VALUE_CHARS;
use beckon::protocol::MAX_MESSAGE_CHARS;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Up to the first NUL is the query string (a URI's query is text), the rest the body.
    let (query, body) = match data.iter().position(|b| *b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let query = String::from_utf8_lossy(query);
    // Bytes that are not UTF-8 once decoded are refused with the parameter's name.
    let Ok(pairs) = command::request_pairs(Some(&query), body) else {
        return;
    };
    assert!(pairs.iter().all(|(k, _)| k != "password"));
    let action = match command::parse_action(&pairs) {
        Ok(a) => a,
        Err(e) => {
            assert!(!e.to_string().is_empty());
            return;
        }
    };
    assert_eq!(command::get(&pairs, "action"), Some(action.name()));
    let cmd = match command::parse_command(action, &pairs) {
        Ok(c) => c,
        Err(e) => {
            assert!(!e.to_string().is_empty());
            return;
        }
    };
    check(&cmd);
    // Spelled back as parameters, the command parses to itself.
    let again = to_pairs(action.name(), &cmd);
    let back = command::parse_action(&again).and_then(|a| command::parse_command(a, &again));
    assert_eq!(back.as_ref(), Ok(&cmd), "{again:?}");
});

fn check(cmd: &Command) {
    match cmd {
        Command::GetSessionAttributes { lsid }
        | Command::TerminateSession { lsid }
        | Command::TransferSession { lsid, .. } => assert!(!lsid.is_empty()),
        Command::SetSessionAttributes {
            lsid,
            external_key,
            attributes,
        } => {
            assert!(!lsid.is_empty());
            for v in external_key.iter().chain(attributes.iter().map(|(_, v)| v)) {
                assert!(v.chars().count() <= MAX_CUSTOM_VALUE_CHARS);
            }
        }
        Command::SendChatMessage { lsid, message } => {
            assert!(!lsid.is_empty() && !message.is_empty());
            assert!(message.chars().count() <= MAX_MESSAGE_CHARS);
        }
        Command::GenerateSessionKey { url_hostname, .. } => {
            if let Some(h) = url_hostname {
                // It becomes part of a URL sent to a customer: a host name's characters only.
                assert!(!h.is_empty());
                assert!(h
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || ".-:".contains(c)));
            }
        }
        _ => {}
    }
    if let Command::TransferSession {
        target: QueueRef::Issue(_),
        ..
    } = cmd
    {
        panic!("a session is never transferred to an issue");
    }
}

fn queue_id(q: &QueueRef) -> String {
    match q {
        QueueRef::General => "general".into(),
        QueueRef::Rep(id) => format!("rep:{id}"),
        QueueRef::RepUsername(n) => format!("rep_username:{n}"),
        QueueRef::Team(id) => format!("team:{id}"),
        QueueRef::Issue(c) => format!("issue:{c}"),
    }
}

fn to_pairs(action: &str, cmd: &Command) -> Vec<(String, String)> {
    let mut p = vec![("action".to_string(), action.to_string())];
    let mut put = |k: &str, v: &str| p.push((k.to_string(), v.to_string()));
    match cmd {
        Command::GetApiInfo | Command::CheckHealth | Command::GetLoggedInReps => {}
        Command::GetSupportTeams { show_members } => {
            if *show_members {
                put("showmembers", "1");
            }
        }
        Command::GetSessionAttributes { lsid } | Command::TerminateSession { lsid } => {
            put("lsid", lsid)
        }
        Command::SetSessionAttributes {
            lsid,
            external_key,
            attributes,
        } => {
            put("lsid", lsid);
            if let Some(k) = external_key {
                put("session.custom.external_key", k);
            }
            for (code, v) in attributes {
                put(&format!("session.custom.{code}"), v);
            }
        }
        Command::GenerateSessionKey {
            target,
            ttl_secs,
            external_key,
            url_hostname,
        } => {
            put("type", "support");
            put("queue_id", &queue_id(target));
            if let Some(t) = ttl_secs {
                put("ttl", &t.to_string());
            }
            put("external_key", external_key);
            if let Some(h) = url_hostname {
                put("url_hostname", h);
            }
        }
        Command::TransferSession { lsid, target } => {
            put("lsid", lsid);
            put("queue_id", &queue_id(target));
        }
        Command::SendChatMessage { lsid, message } => {
            put("lsid", lsid);
            put("message", message);
        }
    }
    p
}
