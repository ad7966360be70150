//! Who may act on a session: finding it, its owner, its participants, and the
//! representatives invited to it or who once worked it.

use crate::app::AppState;
use crate::domain::session::{SessionState, SupportSession};
use crate::http::rep::{error, internal, Rep};
use axum::http::StatusCode;
use axum::response::Response;

pub(in crate::http::rep) async fn find_session(
    state: &AppState,
    lsid: &str,
) -> Result<SupportSession, Response> {
    match state.store.session_by_lsid(lsid).await {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err(error(StatusCode::NOT_FOUND, "not_found", "no such session")),
        Err(e) => Err(internal(e)),
    }
}

/// The session of `lsid` if this representative owns it and it is active; else the answer.
pub(in crate::http::rep) async fn owned_session(
    state: &AppState,
    rep: &Rep,
    lsid: &str,
    refusal: &str,
) -> Result<SupportSession, Response> {
    let session = find_session(state, lsid).await?;
    if !owns(rep, &session) {
        return Err(error(StatusCode::FORBIDDEN, "not_owner", refusal));
    }
    Ok(session)
}

pub(super) fn owns(rep: &Rep, s: &SupportSession) -> bool {
    s.owner_id == Some(rep.user.id) && s.state == SessionState::Active
}

/// Whether a representative takes part in a session: its owner, or someone who joined it by
/// invitation and has not left.
pub(in crate::http::rep) async fn participates(
    state: &AppState,
    rep: &Rep,
    s: &SupportSession,
) -> bool {
    if owns(rep, s) {
        return true;
    }
    if s.state != SessionState::Active {
        return false;
    }
    let Ok(events) = state.store.events_after(s.id, 0, 100_000).await else {
        return false;
    };
    let me = Some(rep.user.id.0);
    events
        .iter()
        .fold(false, |inside, e| match e.kind.as_str() {
            // Only a join by invitation makes a participant; an owner's own accept does not
            // outlive a transfer.
            "member_joined" if e.actor.id() == me && e.body["role"] == "invited" => true,
            "member_left" if e.actor.id() == me => false,
            _ => inside,
        })
}

/// Whether a representative ever joined the session (as its owner or by invitation): their
/// history links to it, so they may read its log.
pub(super) async fn worked(state: &AppState, rep: &Rep, s: &SupportSession) -> bool {
    let Ok(events) = state.store.events_after(s.id, 0, 100_000).await else {
        return false;
    };
    events
        .iter()
        .any(|e| e.kind == "member_joined" && e.actor.id() == Some(rep.user.id.0))
}

/// Whether a representative has a pending invitation to a session.
pub(super) async fn invited(state: &AppState, rep: &Rep, s: &SupportSession) -> bool {
    let Ok(events) = state.store.events_after(s.id, 0, 100_000).await else {
        return false;
    };
    events
        .iter()
        .any(|e| e.kind == "member_invited" && e.body["rep_id"].as_i64() == Some(rep.user.id.0))
}
