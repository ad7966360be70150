//! The actions on one existing session: reading and setting its custom attributes,
//! transferring, terminating, and sending a chat message into it.

use super::lookup::{rep_of_queue, session};
use super::{actor, bad, CmdError};
use crate::app::AppState;
use crate::domain::api_auth::ApiCaller;
use crate::domain::command::QueueRef;
use crate::domain::queue;
use crate::domain::session::{NewEvent, Queue, SessionState, SupportSession};
use crate::domain::time::now_ms;
use crate::http::api::xml::Node;
use crate::store::{Store, Transition};
use axum::http::StatusCode;
use serde_json::json;

pub(super) async fn session_attributes(
    store: &dyn Store,
    s: &SupportSession,
) -> Result<Node, CmdError> {
    let fields = store.list_custom_fields().await?;
    let mut items = vec![Node::text("custom_attribute", &s.external_key)
        .attr("display_name", "External Key")
        .attr("code_name", "external_key")];
    for (code, value) in &s.attributes {
        let display = fields
            .iter()
            .find(|f| &f.code_name == code)
            .map_or(code.clone(), |f| f.display_name.clone());
        items.push(
            Node::text("custom_attribute", value)
                .attr("display_name", display)
                .attr("code_name", code),
        );
    }
    Ok(Node::list("custom_attributes", "custom_attribute", items))
}

/// Omitted attributes keep their value; an empty one is cleared (the vendor's rule).
pub(super) async fn set_attributes(
    state: &AppState,
    caller: &ApiCaller,
    lsid: &str,
    external_key: Option<String>,
    attributes: Vec<(String, String)>,
) -> Result<Node, CmdError> {
    let store = state.store.as_ref();
    let s = session(store, lsid).await?;
    let configured: Vec<String> = store
        .list_custom_fields()
        .await?
        .into_iter()
        .map(|f| f.code_name)
        .collect();
    let mut changes = Vec::new();
    for (code, v) in attributes {
        if !configured.contains(&code) {
            return Err(bad(format!("unknown custom field `{code}`")));
        }
        changes.push((code, (!v.is_empty()).then_some(v)));
    }
    let mut total: usize = external_key.as_deref().unwrap_or(&s.external_key).len();
    for (code, value) in &s.attributes {
        let changed = changes.iter().find(|(c, _)| c == code);
        total += changed.map_or(value.len(), |(_, v)| v.as_deref().map_or(0, str::len));
    }
    total += changes
        .iter()
        .filter(|(c, _)| !s.attributes.contains_key(c))
        .map(|(_, v)| v.as_deref().map_or(0, str::len))
        .sum::<usize>();
    if total >= crate::domain::start_request::MAX_CUSTOM_TOTAL_BYTES {
        return Err(bad("the custom attributes together must be under 10 KB"));
    }
    store
        .set_session_attributes(s.id, external_key.as_deref(), &changes)
        .await?;
    let body = json!({ "external_key": external_key, "changes": changes });
    store
        .append_event(
            s.id,
            NewEvent {
                kind: "attributes_changed".into(),
                actor: actor(caller),
                body,
                client_msg_id: None,
                at: now_ms(),
            },
        )
        .await?;
    state.hub.notify(s.id);
    Ok(Node::text("success", "Session attributes were set."))
}

pub(super) async fn transfer(
    state: &AppState,
    caller: &ApiCaller,
    lsid: &str,
    target: QueueRef,
) -> Result<Node, CmdError> {
    let store = state.store.as_ref();
    let s = session(store, lsid).await?;
    let target = match target {
        QueueRef::General => Queue::General,
        QueueRef::Team(t) => {
            if store.team_by_id(t).await?.is_none() {
                return Err(CmdError(StatusCode::NOT_FOUND, format!("no team {t}")));
            }
            Queue::Team(t)
        }
        rep @ (QueueRef::Rep(_) | QueueRef::RepUsername(_)) => {
            Queue::Rep(rep_of_queue(store, &rep).await?.id)
        }
        // parse_command never gives a transfer an issue.
        QueueRef::Issue(_) => return Err(bad("queue_id must not be an issue")),
    };
    let t = Transition {
        from: vec![
            SessionState::AwaitingClient,
            SessionState::Queued,
            SessionState::Active,
        ],
        to: if s.state == SessionState::AwaitingClient {
            SessionState::AwaitingClient
        } else {
            SessionState::Queued
        },
        owner: Some(None),
        queue: Some(target),
        end_reason: None,
        event: NewEvent {
            kind: "transferred".into(),
            actor: actor(caller),
            body: json!({"to": target.api_id(), "by": caller.actor()}),
            client_msg_id: None,
            at: now_ms(),
        },
    };
    store
        .transition(s.id, t)
        .await?
        .ok_or_else(|| CmdError(StatusCode::CONFLICT, "the session has ended".into()))?;
    state.hub.notify(s.id);
    Ok(Node::text("success", "The session was transferred."))
}

pub(super) async fn terminate(
    state: &AppState,
    caller: &ApiCaller,
    lsid: &str,
) -> Result<Node, CmdError> {
    let store = state.store.as_ref();
    let s = session(store, lsid).await?;
    queue::end(store, s.id, actor(caller), "api_terminated")
        .await?
        .ok_or_else(|| CmdError(StatusCode::CONFLICT, "the session has already ended".into()))?;
    state.hub.notify(s.id);
    Ok(Node::text("success", "The session was terminated."))
}

pub(super) async fn send_chat(
    state: &AppState,
    caller: &ApiCaller,
    lsid: &str,
    text: &str,
) -> Result<Node, CmdError> {
    let store = state.store.as_ref();
    let s = session(store, lsid).await?;
    if s.state == SessionState::Ended {
        return Err(CmdError(
            StatusCode::CONFLICT,
            "the session has ended".into(),
        ));
    }
    let name = match caller {
        ApiCaller::User(u) => u.public_display_name.clone(),
        ApiCaller::Account(a) => a.name.clone(),
    };
    let body = json!({ "text": text, "name": name });
    store
        .append_event(
            s.id,
            NewEvent {
                kind: "chat_message".into(),
                actor: actor(caller),
                body,
                client_msg_id: None,
                at: now_ms(),
            },
        )
        .await?;
    state.hub.notify(s.id);
    Ok(Node::text("success", "The message was sent."))
}
