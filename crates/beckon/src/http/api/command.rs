//! `/api/command` (and `/api/command.ns`): the vendor's command API, answering XML in the
//! vendor's namespace; `/api/command/v2` (or `Accept: application/json`) answers the same
//! tree as JSON. Errors are `<error>` elements with a status that fits.

use super::xml::Node;
use super::Caller;
use crate::app::AppState;
use crate::domain::api_account::CommandPermission;
use crate::domain::api_auth::ApiCaller;
use crate::domain::command::{self, Command, CommandParamError, QueueRef};
use crate::domain::session::{Actor, NewEvent, Queue, SessionState, SupportSession};
use crate::domain::session_key::KeyTarget;
use crate::domain::time::{now_ms, rfc3339};
use crate::domain::{keys, queue};
use crate::store::{Store, StoreError, Transition};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::json;

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

fn api_info(caller: &ApiCaller) -> Node {
    let (command, reporting) = match caller {
        ApiCaller::Account(a) => (a.command_permission.as_str(), a.reporting),
        ApiCaller::User(_) => ("full", false),
    };
    Node::new("api_information")
        .child(Node::text("api_version", API_VERSION))
        .child(Node::text("product", "Beckon"))
        .child(Node::text("product_version", env!("CARGO_PKG_VERSION")))
        .child(Node::text("timestamp", now_ms() / 1000))
        .child(
            Node::new("permissions")
                .child(Node::text("perm_command", command))
                .child(Node::text("perm_reporting", reporting)),
        )
}

async fn check_health(state: &AppState) -> Result<Node, CmdError> {
    let ok = state.store.ping().await.is_ok();
    let host = state.settings.site_host();
    Ok(Node::list(
        "appliances",
        "appliance",
        [Node::new("appliance")
            .attr("id", &host)
            .child(Node::text("host", &host))
            .child(Node::text("version", env!("CARGO_PKG_VERSION")))
            .child(Node::text("api_version", API_VERSION))
            .child(Node::text("store_reachable", ok))
            .child(Node::text("timestamp", now_ms() / 1000))],
    ))
}

async fn logged_in_reps(state: &AppState) -> Result<Node, CmdError> {
    let store = state.store.as_ref();
    let presence = store.list_presence().await?;
    let counts = store.active_counts().await?;
    let mut reps = Vec::new();
    for p in presence {
        let Some(u) = store.user_by_id(p.user_id).await? else {
            continue;
        };
        let link = format!(
            "{}/api/start_session?id={}&name={}",
            state.settings.base_url(),
            u.id,
            form_urlencoded::byte_serialize(u.public_display_name.as_bytes()).collect::<String>()
        );
        reps.push(
            Node::new("rep")
                .attr("id", u.id)
                .child(Node::text("public_display_name", &u.public_display_name))
                .child(Node::text("private_display_name", &u.private_display_name))
                .child(Node::text("type", "normal"))
                .child(Node::text("direct_link", link))
                .child(Node::text("logged_in_since", p.logged_in_since / 1000))
                .child(Node::text(
                    "support_session_count",
                    counts.iter().find(|(id, _)| *id == u.id).map_or(0, |c| c.1),
                ))
                .child(Node::text(
                    "showing_on_rep_list",
                    u8::from(p.status == crate::domain::people::PresenceStatus::Available),
                ))
                .child(Node::text("status", p.status.as_str())),
        );
    }
    Ok(Node::list("logged_in_reps", "rep", reps))
}

async fn support_teams(store: &dyn Store, members: bool) -> Result<Node, CmdError> {
    let issues = store.list_issues().await?;
    let users = store.list_users().await?;
    let mut teams = Vec::new();
    for t in store.list_teams().await? {
        let team_issues = issues.iter().filter(|i| i.team_id == t.id).map(|i| {
            Node::new("issue")
                .attr("id", i.id)
                .child(Node::text("code_name", &i.code_name))
                .child(Node::text("description", &i.description))
        });
        let mut node = Node::new("support_team")
            .attr("id", t.id)
            .child(Node::text("name", &t.name))
            .child(Node::text("code_name", &t.code_name))
            .child(Node::text("comments", &t.comments))
            .child(Node::text("routing_mode", t.routing_mode.as_str()))
            .child(Node::list(
                "issues",
                "issue",
                team_issues.collect::<Vec<_>>(),
            ));
        if members {
            let ids = store.team_members(t.id).await?;
            let list = users.iter().filter(|u| ids.contains(&u.id)).map(|u| {
                Node::new("member")
                    .attr("id", u.id)
                    .child(Node::text("username", &u.username))
                    .child(Node::text("public_display_name", &u.public_display_name))
                    .child(Node::text("private_display_name", &u.private_display_name))
            });
            node = node.child(Node::list("members", "member", list.collect::<Vec<_>>()));
        }
        teams.push(node);
    }
    Ok(Node::list("support_teams", "support_team", teams))
}

async fn session(store: &dyn Store, lsid: &str) -> Result<SupportSession, CmdError> {
    store.session_by_lsid(lsid).await?.ok_or_else(|| {
        CmdError(
            StatusCode::NOT_FOUND,
            format!("no session with lsid `{lsid}`"),
        )
    })
}

async fn session_attributes(store: &dyn Store, s: &SupportSession) -> Result<Node, CmdError> {
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
async fn set_attributes(
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

/// Resolves a representative queue (`rep:ID` or `rep_username:NAME`).
async fn rep_of_queue(
    store: &dyn Store,
    queue: &QueueRef,
) -> Result<crate::domain::people::User, CmdError> {
    let (user, spelled) = match queue {
        QueueRef::Rep(id) => (store.user_by_id(*id).await?, format!("rep:{id}")),
        QueueRef::RepUsername(name) => (
            store.user_by_username(name).await?,
            format!("rep_username:{name}"),
        ),
        _ => (None, String::new()),
    };
    user.filter(|u| u.enabled && u.permissions.support)
        .ok_or_else(|| {
            CmdError(
                StatusCode::NOT_FOUND,
                format!("no representative for queue_id `{spelled}`"),
            )
        })
}

async fn generate_key(
    state: &AppState,
    target: QueueRef,
    ttl: Option<i64>,
    external_key: String,
    url_hostname: Option<String>,
) -> Result<Node, CmdError> {
    let store = state.store.as_ref();
    let target = match target {
        QueueRef::Issue(code) => {
            let issue = store.issue_by_code(&code).await?.ok_or_else(|| {
                CmdError(
                    StatusCode::NOT_FOUND,
                    format!("no issue with code name `{code}`"),
                )
            })?;
            KeyTarget::Issue(issue.id)
        }
        rep @ (QueueRef::Rep(_) | QueueRef::RepUsername(_)) => {
            KeyTarget::Rep(rep_of_queue(store, &rep).await?.id)
        }
        QueueRef::General => KeyTarget::General,
        QueueRef::Team(t) => {
            store
                .team_by_id(t)
                .await?
                .ok_or_else(|| CmdError(StatusCode::NOT_FOUND, format!("no team {t}")))?;
            KeyTarget::Team(t)
        }
    };
    let req = keys::KeyRequest {
        ttl_secs: ttl,
        start_type: None,
        external_key,
        attributes: Default::default(),
    };
    let key = keys::generate_for(store, target, req)
        .await
        .map_err(|e| match e {
            keys::KeyError::Store(s) => CmdError::from(s),
            other => bad(other.to_string()),
        })?;
    let base = match url_hostname {
        Some(h) => format!("{}://{h}", state.settings.public_url.scheme()),
        None => state.settings.base_url(),
    };
    let (url, text) = keys::invitation(&key, &base);
    Ok(Node::new("session_key")
        .child(Node::text("short_key", &key.short_key))
        .child(
            Node::text("expires", rfc3339(key.expires_at)).attr("timestamp", key.expires_at / 1000),
        )
        .child(Node::text("key_url", url))
        .child(Node::text("mail_subject", "Your support session key"))
        .child(Node::text("mail_body", text)))
}

async fn transfer(
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

async fn terminate(state: &AppState, caller: &ApiCaller, lsid: &str) -> Result<Node, CmdError> {
    let store = state.store.as_ref();
    let s = session(store, lsid).await?;
    queue::end(store, s.id, actor(caller), "api_terminated")
        .await?
        .ok_or_else(|| CmdError(StatusCode::CONFLICT, "the session has already ended".into()))?;
    state.hub.notify(s.id);
    Ok(Node::text("success", "The session was terminated."))
}

async fn send_chat(
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
