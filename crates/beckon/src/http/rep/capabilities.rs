//! A representative asks the full client for a capability (docs/customer_client.md,
//! "Capabilities and consent"); the customer's answer comes over their WebSocket.

use super::sessions::{owned_session, rep_event};
use super::{error, internal, Rep};
use crate::app::AppState;
use crate::domain::capabilities::{self, team, CapabilityError, REQUESTED};
use crate::protocol::Capability;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::json;

/// The one mapping of the consent rules' refusals to HTTP, for requests and for the shell.
pub(super) fn refusal(e: CapabilityError) -> Response {
    let (status, code) = match e {
        CapabilityError::NoClient => (StatusCode::CONFLICT, "no_full_client"),
        CapabilityError::AlreadyRequested => (StatusCode::CONFLICT, "already_requested"),
        CapabilityError::AlreadyAllowed => (StatusCode::CONFLICT, "already_allowed"),
        CapabilityError::NotRequested => (StatusCode::CONFLICT, "not_requested"),
        CapabilityError::NotAllowed => (StatusCode::CONFLICT, "not_allowed"),
        CapabilityError::NotAvailable(_) => (StatusCode::NOT_IMPLEMENTED, "not_available"),
        CapabilityError::NotAllowedForTeam(_) => (StatusCode::FORBIDDEN, "not_allowed_for_team"),
    };
    error(status, code, e.to_string())
}

/// `POST /api/rep/sessions/{lsid}/capabilities/{capability}`: records `capability_requested`
/// for the customer's client to ask them. 404 for a name Beckon does not know, 501 for one
/// this version cannot carry out, 403 when the session's team does not allow it, 409 while
/// no full client has joined or a request is still open.
pub async fn request_capability(
    State(state): State<AppState>,
    rep: Rep,
    Path((lsid, name)): Path<(String, String)>,
) -> Response {
    let Some(capability) = Capability::parse(&name) else {
        return error(
            StatusCode::NOT_FOUND,
            "unknown_capability",
            format!("there is no capability `{name}`; this version has system_info, shell, screen_view and file_transfer"),
        );
    };
    let session = match owned_session(&state, &rep, &lsid, "accept the session first").await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let allowed = match team::allowed_for(state.store.as_ref(), &session, rep.user.id).await {
        Ok(a) => a,
        Err(e) => return internal(e),
    };
    let events = match state.store.events_after(session.id, 0, 100_000).await {
        Ok(e) => e,
        Err(e) => return internal(e),
    };
    if let Err(e) = capabilities::may_request(&events, capability, &allowed) {
        return refusal(e);
    }
    let body = json!({ "capability": capability.as_str(), "name": rep.user.public_display_name });
    rep_event(&state, &rep, &session, REQUESTED, body).await
}
