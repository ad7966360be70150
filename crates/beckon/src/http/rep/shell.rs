//! The representative's side of the command shell (docs/customer_client.md, "Command
//! shell"): what they type and their terminal's size become events of the session's log,
//! which the customer's client reads over its WebSocket and feeds to the shell. The log is
//! the transport, so the report holds exactly what reached the customer's machine.

use super::capabilities::refusal;
use super::sessions::{owned_session, rep_event_changing, Changes};
use super::{error, internal, Rep};
use crate::app::AppState;
use crate::domain::capabilities::{self, SHELL_INPUT, SHELL_RESIZE};
use crate::domain::session::SupportSession;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use beckon_protocol::shell;
use serde::Deserialize;
use serde_json::json;

#[derive(Deserialize)]
pub struct InputBody {
    /// Base64 of the bytes typed (at most `shell::MAX_INPUT_BYTES`).
    data: String,
}

#[derive(Deserialize)]
pub struct ResizeBody {
    cols: u16,
    rows: u16,
}

/// The session, when its owner asks and the customer's consent to the shell stands.
async fn shell_session(
    state: &AppState,
    rep: &Rep,
    lsid: &str,
) -> Result<SupportSession, Response> {
    let session = owned_session(state, rep, lsid, "accept the session first").await?;
    let events = state
        .store
        .events_after(session.id, 0, 100_000)
        .await
        .map_err(internal)?;
    capabilities::may_use_shell(&events).map_err(refusal)?;
    Ok(session)
}

/// `POST /api/rep/sessions/{lsid}/shell/input` `{data}`: what the representative typed.
/// 409 `not_allowed` unless the customer allowed the shell and it still runs.
pub async fn input(
    State(state): State<AppState>,
    rep: Rep,
    Path(lsid): Path<String>,
    Json(body): Json<InputBody>,
) -> Response {
    if let Err(reason) = shell::decode(&body.data, shell::MAX_INPUT_BYTES) {
        return error(StatusCode::BAD_REQUEST, "invalid_input", reason);
    }
    let session = match shell_session(&state, &rep, &lsid).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    // Only the log changes: the client's socket reads the new event and types it.
    let body = json!({ "data": body.data });
    rep_event_changing(&state, &rep, &session, SHELL_INPUT, body, Changes::Log).await
}

/// `POST /api/rep/sessions/{lsid}/shell/resize` `{cols, rows}`: the representative's terminal
/// size, which the client gives the pseudo-terminal.
pub async fn resize(
    State(state): State<AppState>,
    rep: Rep,
    Path(lsid): Path<String>,
    Json(body): Json<ResizeBody>,
) -> Response {
    if let Err(reason) = shell::check_size(body.cols, body.rows) {
        return error(StatusCode::BAD_REQUEST, "invalid_size", reason);
    }
    let session = match shell_session(&state, &rep, &lsid).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let body = json!({ "cols": body.cols, "rows": body.rows });
    rep_event_changing(&state, &rep, &session, SHELL_RESIZE, body, Changes::Log).await
}
