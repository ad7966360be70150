//! Appending a representative's event to a session's log, and waking only the watchers the
//! event concerns.

use crate::app::AppState;
use crate::domain::session::{Actor, NewEvent, SessionEvent, SupportSession};
use crate::domain::time::now_ms;
use crate::http::rep::{internal, Rep};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

/// What a representative's event changes, so that only the watchers who need it wake up.
#[derive(Debug, Clone, Copy)]
pub(in crate::http::rep) enum Changes {
    /// The session as the queues show it (consoles rebuild their views).
    Session,
    /// Only the log (consoles and clients following the session stream the event).
    Log,
}

pub(in crate::http::rep) async fn rep_event(
    state: &AppState,
    rep: &Rep,
    session: &SupportSession,
    kind: &str,
    body: serde_json::Value,
) -> Response {
    rep_event_changing(state, rep, session, kind, body, Changes::Session).await
}

pub(in crate::http::rep) async fn rep_event_changing(
    state: &AppState,
    rep: &Rep,
    session: &SupportSession,
    kind: &str,
    body: serde_json::Value,
    changes: Changes,
) -> Response {
    match append_rep_event(state, rep, session, kind, body, changes).await {
        Ok(e) => Json(json!({ "seq": e.seq })).into_response(),
        Err(r) => r,
    }
}

/// Appends a representative's event and wakes whoever `changes` concerns; the stored event,
/// or the error answer.
pub(in crate::http::rep) async fn append_rep_event(
    state: &AppState,
    rep: &Rep,
    session: &SupportSession,
    kind: &str,
    body: serde_json::Value,
    changes: Changes,
) -> Result<SessionEvent, Response> {
    let event = NewEvent {
        kind: kind.into(),
        actor: Actor::Rep(rep.user.id),
        body,
        client_msg_id: None,
        at: now_ms(),
    };
    let a = state
        .store
        .append_event(session.id, event)
        .await
        .map_err(internal)?;
    match changes {
        Changes::Session => state.hub.notify(session.id),
        Changes::Log => state.hub.notify_log(session.id, &a.event),
    }
    Ok(a.event)
}
