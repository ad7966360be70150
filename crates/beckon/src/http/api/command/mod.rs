//! `/api/command` (and `/api/command.ns`): the vendor's command API, answering XML in the
//! vendor's namespace; `/api/command/v2` (or `Accept: application/json`) answers the same
//! tree as JSON. Errors are `<error>` elements with a status that fits.
//!
//! This module owns the handler, the permission gate and the error type; the actions live in
//! `info` (site-wide reads), `session_key` (new keys) and `session` (acting on one session).

mod info;
mod lookup;
mod session;
mod session_key;

use super::xml::Node;
use super::Caller;
use crate::app::AppState;
use crate::domain::api_account::CommandPermission;
use crate::domain::api_auth::ApiCaller;
use crate::domain::command::{self, Command, CommandParamError};
use crate::domain::session::Actor;
use crate::store::StoreError;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use info::{api_info, check_health, logged_in_reps, support_teams};
use lookup::session;
use session::{send_chat, session_attributes, set_attributes, terminate, transfer};
use session_key::generate_key;

/// The API version reported by `get_api_info` (the vendor's version this API follows).
pub const API_VERSION: &str = "1.19.1";

pub struct CmdError(StatusCode, String);

fn bad(msg: impl Into<String>) -> CmdError {
    CmdError(StatusCode::BAD_REQUEST, msg.into())
}

impl From<StoreError> for CmdError {
    fn from(e: StoreError) -> Self {
        tracing::error!(error = %e, "command API store error");
        CmdError(StatusCode::INTERNAL_SERVER_ERROR, "internal error".into())
    }
}

impl From<CommandParamError> for CmdError {
    fn from(e: CommandParamError) -> Self {
        bad(e.to_string())
    }
}

fn render(node: Result<Node, CmdError>, json: bool) -> Response {
    let (status, node) = match node {
        Ok(n) => (StatusCode::OK, n),
        Err(CmdError(status, msg)) => (status, Node::text("error", msg)),
    };
    if json {
        (status, axum::Json(node.to_json())).into_response()
    } else {
        (
            status,
            [(header::CONTENT_TYPE, "text/xml; charset=utf-8")],
            node.to_xml(),
        )
            .into_response()
    }
}

fn permission(caller: &ApiCaller) -> CommandPermission {
    match caller {
        ApiCaller::Account(a) => a.command_permission,
        ApiCaller::User(_) => CommandPermission::Full,
    }
}

fn actor(caller: &ApiCaller) -> Actor {
    match caller {
        ApiCaller::Account(a) => Actor::Api(a.id.0),
        ApiCaller::User(u) => Actor::Rep(u.id),
    }
}

/// `GET|POST /api/command`, `/api/command.ns` and `/api/command/v2`.
#[utoipa::path(
    get,
    path = "/api/command/v2",
    tag = "command",
    params(
        ("action" = String, Query, description = "get_api_info, check_health, get_logged_in_reps, get_support_teams, generate_session_key, get_session_attributes, set_session_attributes, transfer_session, terminate_session or send_chat_message"),
        ("lsid" = Option<String>, Query, description = "The session, for session actions"),
        ("queue_id" = Option<String>, Query, description = "general, rep:ID, rep_username:NAME, team:ID or issue:CODE_NAME"),
    ),
    responses(
        (status = 200, description = "The action's answer, the XML tree as JSON"),
        (status = 400, description = "Unknown action or bad parameter: {\"error\": message}"),
        (status = 401, description = "No valid credentials"),
        (status = 403, description = "The account lacks the permission"),
        (status = 404, description = "No such session, representative or team"),
    ),
    security(("bearer" = []))
)]
pub async fn command(
    State(state): State<AppState>,
    Caller(caller): Caller,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let json = uri.path().ends_with("/v2")
        || headers
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|a| a.contains("application/json"));
    let pairs = match command::request_pairs(uri.query(), &body) {
        Ok(p) => p,
        Err(field) => return render(Err(bad(format!("{field} is not valid UTF-8"))), json),
    };
    let result = dispatch(&state, &caller, &pairs).await;
    render(result, json)
}

async fn dispatch(
    state: &AppState,
    caller: &ApiCaller,
    pairs: &[(String, String)],
) -> Result<Node, CmdError> {
    let action = command::parse_action(pairs)?;
    // Permission before the rest of the parameters: a read-only account learns nothing from
    // a write action's parameter errors.
    match (permission(caller), action.writes()) {
        (CommandPermission::None, _) => {
            return Err(CmdError(
                StatusCode::FORBIDDEN,
                "this account may not use the command API".into(),
            ))
        }
        (CommandPermission::ReadOnly, true) => {
            return Err(CmdError(
                StatusCode::FORBIDDEN,
                format!(
                    "this account is read-only and may not call {}",
                    action.name()
                ),
            ))
        }
        _ => {}
    }
    let store = state.store.as_ref();
    match command::parse_command(action, pairs)? {
        Command::GetApiInfo => Ok(api_info(caller)),
        Command::CheckHealth => check_health(state).await,
        Command::GetLoggedInReps => logged_in_reps(state).await,
        Command::GetSupportTeams { show_members } => support_teams(store, show_members).await,
        Command::GetSessionAttributes { lsid } => {
            session_attributes(store, &session(store, &lsid).await?).await
        }
        Command::SetSessionAttributes {
            lsid,
            external_key,
            attributes,
        } => set_attributes(state, caller, &lsid, external_key, attributes).await,
        Command::GenerateSessionKey {
            target,
            ttl_secs,
            external_key,
            url_hostname,
        } => generate_key(state, target, ttl_secs, external_key, url_hostname).await,
        Command::TransferSession { lsid, target } => transfer(state, caller, &lsid, target).await,
        Command::TerminateSession { lsid } => terminate(state, caller, &lsid).await,
        Command::SendChatMessage { lsid, message } => {
            send_chat(state, caller, &lsid, &message).await
        }
    }
}
