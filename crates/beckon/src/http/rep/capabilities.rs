//! A representative asks the full client for a capability (docs/customer_client.md,
//! "Capabilities and consent"); the customer's answer comes over their WebSocket.

use super::sessions::{owned_session, rep_event};
use super::{error, internal, Rep};
use crate::app::AppState;
use crate::domain::capabilities::{self, CapabilityError, REQUESTED};
use crate::protocol::Capability;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::json;

/// `POST /api/rep/sessions/{lsid}/capabilities/{capability}`: records `capability_requested`
/// for the customer's client to ask them. 404 for a capability Beckon does not have, 409
/// while no full client has joined or a request is still open.
pub async fn request_capability(
    State(state): State<AppState>,
    rep: Rep,
    Path((lsid, name)): Path<(String, String)>,
) -> Response {
    let Some(capability) = Capability::parse(&name) else {
        return error(
            StatusCode::NOT_FOUND,
            "unknown_capability",
            format!("there is no capability `{name}`; this version has system_info"),
        );
    };
    let session = match owned_session(&state, &rep, &lsid, "accept the session first").await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let events = match state.store.events_after(session.id, 0, 100_000).await {
        Ok(e) => e,
        Err(e) => return internal(e),
    };
    if let Err(e) = capabilities::may_request(&events, capability) {
        let code = match e {
            CapabilityError::NoClient => "no_full_client",
            CapabilityError::AlreadyRequested => "already_requested",
            CapabilityError::AlreadyAllowed => "already_allowed",
            CapabilityError::NotRequested | CapabilityError::NotAllowed => "conflict",
        };
        return error(StatusCode::CONFLICT, code, e.to_string());
    }
    let body = json!({ "capability": capability.as_str(), "name": rep.user.public_display_name });
    rep_event(&state, &rep, &session, REQUESTED, body).await
}
