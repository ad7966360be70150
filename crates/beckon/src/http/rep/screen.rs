//! The representative's side of the screen view (docs/customer_client.md, "Screen view"):
//! the tiles reach the console over its WebSocket (`rep::ws`); here the representative stops
//! watching, which ends the customer's consent like their own revocation would.

use super::capabilities::refusal;
use super::sessions::{owned_session, rep_event_changing, Changes};
use super::{internal, Rep};
use crate::app::AppState;
use crate::domain::capabilities::{self, SCREEN_ENDED};
use axum::extract::{Path, State};
use axum::response::Response;
use serde_json::json;

/// `POST /api/rep/sessions/{lsid}/screen/stop`: records `screen_ended` (rep); the client
/// stops capturing when its socket reads it. 409 `not_allowed` when nothing is shared.
pub async fn stop(State(state): State<AppState>, rep: Rep, Path(lsid): Path<String>) -> Response {
    let session = match owned_session(&state, &rep, &lsid, "accept the session first").await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let events = match state.store.events_after(session.id, 0, 100_000).await {
        Ok(e) => e,
        Err(e) => return internal(e),
    };
    if let Err(e) = capabilities::may_view_screen(&events) {
        return refusal(e);
    }
    let body = json!({ "frames": null, "reason": "stopped by the representative" });
    rep_event_changing(&state, &rep, &session, SCREEN_ENDED, body, Changes::Log).await
}
