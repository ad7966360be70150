//! Working a session: accept, chat, typing, elevate, transfer, end, and its log.

use super::views::{session_view_for, session_views};
use super::{error, internal, Rep};
use crate::app::AppState;
use crate::domain::queue::{self, QueueError};
use crate::domain::session::{Actor, NewEvent, Queue, SessionEvent, SessionState, SupportSession};
use crate::domain::time::now_ms;
use crate::protocol;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::json;

pub(crate) async fn find_session(state: &AppState, lsid: &str) -> Result<SupportSession, Response> {
    match state.store.session_by_lsid(lsid).await {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err(error(StatusCode::NOT_FOUND, "not_found", "no such session")),
        Err(e) => Err(internal(e)),
    }
}

/// `POST /api/rep/sessions/{lsid}/accept`: 200 for the winner, 409 `already_taken` for others.
pub async fn accept(State(state): State<AppState>, rep: Rep, Path(lsid): Path<String>) -> Response {
    let session = match find_session(&state, &lsid).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    match queue::accept(state.store.as_ref(), &rep.user, &session).await {
        Ok(s) => {
            state.hub.notify(s.id);
            Json(
                json!({ "session": session_view_for(state.store.as_ref(), &s, rep.user.id).await }),
            )
            .into_response()
        }
        Err(QueueError::AlreadyTaken) => error(
            StatusCode::CONFLICT,
            "already_taken",
            "another representative already took this session",
        ),
        Err(QueueError::Ended) => error(StatusCode::GONE, "ended", "the session has ended"),
        Err(QueueError::NotAllowed) => error(
            StatusCode::FORBIDDEN,
            "not_allowed",
            "this session is not in your queues",
        ),
        Err(QueueError::NotFound) => error(StatusCode::NOT_FOUND, "not_found", "no such session"),
        Err(QueueError::Store(e)) => internal(e),
    }
}

/// The session of `lsid` if this representative owns it and it is active; else the answer.
pub(super) async fn owned_session(
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

fn owns(rep: &Rep, s: &SupportSession) -> bool {
    s.owner_id == Some(rep.user.id) && s.state == SessionState::Active
}

/// `POST /api/rep/sessions/{lsid}/end`.
pub async fn end(State(state): State<AppState>, rep: Rep, Path(lsid): Path<String>) -> Response {
    let session = match owned_session(
        &state,
        &rep,
        &lsid,
        "only the representative working the session can end it",
    )
    .await
    {
        Ok(s) => s,
        Err(r) => return r,
    };
    match queue::end(
        state.store.as_ref(),
        session.id,
        Actor::Rep(rep.user.id),
        "rep_ended",
    )
    .await
    {
        Ok(_) => {
            state.hub.notify(session.id);
            StatusCode::NO_CONTENT.into_response()
        }
        Err(e) => internal(e),
    }
}

#[derive(Deserialize)]
pub struct MessageBody {
    id: String,
    text: String,
}

/// `POST /api/rep/sessions/{lsid}/messages` with `{"id", "text"}`: idempotent by `id`.
pub async fn send_message(
    State(state): State<AppState>,
    rep: Rep,
    Path(lsid): Path<String>,
    Json(body): Json<MessageBody>,
) -> Response {
    let session = match find_session(&state, &lsid).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    if !participates(&state, &rep, &session).await {
        return error(
            StatusCode::FORBIDDEN,
            "not_participant",
            "accept or join the session before chatting",
        );
    }
    if let Err(reason) = protocol::check_chat(&body.id, &body.text) {
        return error(StatusCode::BAD_REQUEST, "invalid_message", reason);
    }
    let event = NewEvent {
        kind: "chat_message".into(),
        actor: Actor::Rep(rep.user.id),
        body: json!({ "text": body.text, "name": rep.user.public_display_name }),
        client_msg_id: Some(format!("rep:{}:{}", rep.user.id, body.id)),
        at: now_ms(),
    };
    match state.store.append_event(session.id, event).await {
        Ok(a) => {
            if !a.duplicate {
                state.hub.notify_log(session.id, &a.event);
            }
            Json(json!({ "seq": a.event.seq, "duplicate": a.duplicate })).into_response()
        }
        Err(e) => internal(e),
    }
}

#[derive(Deserialize)]
pub struct AfterQuery {
    #[serde(default)]
    after: i64,
}

/// `GET /api/rep/sessions/{lsid}/events?after=N`: the session's log for its owner.
pub async fn events(
    State(state): State<AppState>,
    rep: Rep,
    Path(lsid): Path<String>,
    Query(q): Query<AfterQuery>,
) -> Response {
    let session = match find_session(&state, &lsid).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let may = session.owner_id == Some(rep.user.id)
        || queue::may_take(state.store.as_ref(), &rep.user, &session)
            .await
            .unwrap_or(false)
        || invited(&state, &rep, &session).await
        || worked(&state, &rep, &session).await;
    if !may {
        return error(
            StatusCode::FORBIDDEN,
            "not_allowed",
            "this session is not yours",
        );
    }
    match state.store.events_after(session.id, q.after, 1000).await {
        Ok(ev) => Json(json!({
            "session": session_view_for(state.store.as_ref(), &session, rep.user.id).await,
            "events": ev,
            // Typing indicators are ephemeral: known on the node the customer is connected to.
            "customer_typing": state.hub.customer_typing(session.id),
        }))
        .into_response(),
        Err(e) => internal(e),
    }
}

#[derive(Deserialize)]
pub struct TypingBody {
    active: bool,
}

/// `POST /api/rep/sessions/{lsid}/typing` with `{"active": bool}`: shown to the customer.
pub async fn typing(
    State(state): State<AppState>,
    rep: Rep,
    Path(lsid): Path<String>,
    Json(body): Json<TypingBody>,
) -> Response {
    let session = match owned_session(&state, &rep, &lsid, "accept the session first").await {
        Ok(s) => s,
        Err(r) => return r,
    };
    state.hub.typing(
        session.id,
        "rep",
        Some(rep.user.public_display_name.clone()),
        body.active,
    );
    StatusCode::NO_CONTENT.into_response()
}

/// What a representative's event changes, so that only the watchers who need it wake up.
#[derive(Debug, Clone, Copy)]
pub(super) enum Changes {
    /// The session as the queues show it (consoles rebuild their views).
    Session,
    /// Only the log (consoles and clients following the session stream the event).
    Log,
}

pub(super) async fn rep_event(
    state: &AppState,
    rep: &Rep,
    session: &SupportSession,
    kind: &str,
    body: serde_json::Value,
) -> Response {
    rep_event_changing(state, rep, session, kind, body, Changes::Session).await
}

pub(super) async fn rep_event_changing(
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
pub(super) async fn append_rep_event(
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

/// `POST /api/rep/sessions/{lsid}/elevate`: asks the customer to move to the full client.
pub async fn elevate(
    State(state): State<AppState>,
    rep: Rep,
    Path(lsid): Path<String>,
) -> Response {
    let session = match owned_session(&state, &rep, &lsid, "accept the session first").await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let body = json!({ "name": rep.user.public_display_name });
    rep_event(&state, &rep, &session, "elevation_requested", body).await
}

#[derive(Deserialize)]
pub struct TransferBody {
    /// `general`, `rep:ID` or `team:ID`, as the command API spells queues.
    queue: String,
    #[serde(default)]
    note: String,
}

/// `POST /api/rep/sessions/{lsid}/transfer`: back to a queue for someone else to take.
pub async fn transfer(
    State(state): State<AppState>,
    rep: Rep,
    Path(lsid): Path<String>,
    Json(body): Json<TransferBody>,
) -> Response {
    let session = match owned_session(
        &state,
        &rep,
        &lsid,
        "only the representative working the session can transfer it",
    )
    .await
    {
        Ok(s) => s,
        Err(r) => return r,
    };
    let Some(target) = Queue::parse_api_id(&body.queue) else {
        return error(
            StatusCode::BAD_REQUEST,
            "invalid_queue",
            "queue must be general, rep:ID or team:ID",
        );
    };
    if body.note.chars().count() > protocol::MAX_MESSAGE_CHARS {
        return error(
            StatusCode::BAD_REQUEST,
            "invalid_note",
            "the note is longer than 4000 characters",
        );
    }
    match queue::transfer(
        state.store.as_ref(),
        &rep.user,
        &session,
        target,
        &body.note,
    )
    .await
    {
        Ok(s) => {
            state.hub.notify(s.id);
            Json(
                json!({ "session": session_view_for(state.store.as_ref(), &s, rep.user.id).await }),
            )
            .into_response()
        }
        Err(QueueError::NotFound) => error(
            StatusCode::NOT_FOUND,
            "invalid_queue",
            "no such representative or team",
        ),
        Err(QueueError::Store(e)) => internal(e),
        Err(e) => error(StatusCode::CONFLICT, "conflict", e.to_string()),
    }
}

/// Whether a representative takes part in a session: its owner, or someone who joined it by
/// invitation and has not left.
pub(crate) async fn participates(state: &AppState, rep: &Rep, s: &SupportSession) -> bool {
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
async fn worked(state: &AppState, rep: &Rep, s: &SupportSession) -> bool {
    let Ok(events) = state.store.events_after(s.id, 0, 100_000).await else {
        return false;
    };
    events
        .iter()
        .any(|e| e.kind == "member_joined" && e.actor.id() == Some(rep.user.id.0))
}

/// Whether a representative has a pending invitation to a session.
async fn invited(state: &AppState, rep: &Rep, s: &SupportSession) -> bool {
    let Ok(events) = state.store.events_after(s.id, 0, 100_000).await else {
        return false;
    };
    events
        .iter()
        .any(|e| e.kind == "member_invited" && e.body["rep_id"].as_i64() == Some(rep.user.id.0))
}

#[derive(Deserialize)]
pub struct NoteBody {
    text: String,
}

/// `POST /api/rep/sessions/{lsid}/notes`: a note for representatives only (never shown to the
/// customer, kept in the session's log for history and reports).
pub async fn add_note(
    State(state): State<AppState>,
    rep: Rep,
    Path(lsid): Path<String>,
    Json(body): Json<NoteBody>,
) -> Response {
    let session = match find_session(&state, &lsid).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    if !participates(&state, &rep, &session).await && session.owner_id != Some(rep.user.id) {
        return error(
            StatusCode::FORBIDDEN,
            "not_participant",
            "only representatives in the session can add notes",
        );
    }
    if body.text.trim().is_empty() || body.text.chars().count() > protocol::MAX_MESSAGE_CHARS {
        return error(
            StatusCode::BAD_REQUEST,
            "invalid_note",
            "a note has 1 to 4000 characters",
        );
    }
    rep_event(
        &state,
        &rep,
        &session,
        "note",
        json!({ "text": body.text, "name": rep.user.private_display_name }),
    )
    .await
}

#[derive(Deserialize)]
pub struct InviteBody {
    rep_id: i64,
}

/// `POST /api/rep/sessions/{lsid}/invite` with `{"rep_id"}`: asks a colleague to join.
pub async fn invite(
    State(state): State<AppState>,
    rep: Rep,
    Path(lsid): Path<String>,
    Json(body): Json<InviteBody>,
) -> Response {
    let session = match owned_session(
        &state,
        &rep,
        &lsid,
        "only the representative working the session can invite",
    )
    .await
    {
        Ok(s) => s,
        Err(r) => return r,
    };
    let invitee = match state
        .store
        .user_by_id(crate::domain::ids::UserId(body.rep_id))
        .await
    {
        Ok(Some(u)) if u.enabled && u.permissions.support && u.id != rep.user.id => u,
        Ok(_) => {
            return error(
                StatusCode::NOT_FOUND,
                "unknown_rep",
                "no other representative with this id",
            )
        }
        Err(e) => return internal(e),
    };
    let body = json!({ "rep_id": invitee.id, "name": invitee.public_display_name, "by": rep.user.public_display_name });
    rep_event(&state, &rep, &session, "member_invited", body).await
}

/// `POST /api/rep/sessions/{lsid}/join`: an invited representative joins the session.
pub async fn join(State(state): State<AppState>, rep: Rep, Path(lsid): Path<String>) -> Response {
    let session = match find_session(&state, &lsid).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    if session.state != SessionState::Active || !invited(&state, &rep, &session).await {
        return error(
            StatusCode::FORBIDDEN,
            "not_invited",
            "you were not invited to this session",
        );
    }
    if participates(&state, &rep, &session).await {
        return error(
            StatusCode::CONFLICT,
            "already_joined",
            "you are already in this session",
        );
    }
    let body =
        json!({ "rep_id": rep.user.id, "name": rep.user.public_display_name, "role": "invited" });
    rep_event(&state, &rep, &session, "member_joined", body).await
}

/// `POST /api/rep/sessions/{lsid}/leave`: an invited representative leaves the session.
pub async fn leave(State(state): State<AppState>, rep: Rep, Path(lsid): Path<String>) -> Response {
    let session = match find_session(&state, &lsid).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    if owns(&rep, &session) {
        return error(
            StatusCode::CONFLICT,
            "owner",
            "the owner transfers or ends the session instead",
        );
    }
    if !participates(&state, &rep, &session).await {
        return error(
            StatusCode::FORBIDDEN,
            "not_participant",
            "you are not in this session",
        );
    }
    let body = json!({ "rep_id": rep.user.id, "name": rep.user.public_display_name });
    rep_event(&state, &rep, &session, "member_left", body).await
}

/// `GET /api/rep/sessions`: the sessions this representative works now (a reloaded console
/// finds them here).
pub async fn mine(State(state): State<AppState>, rep: Rep) -> Response {
    match state.store.sessions_of_owner(rep.user.id).await {
        Ok(list) => Json(
            json!({ "sessions": session_views(state.store.as_ref(), &list, rep.user.id).await }),
        )
        .into_response(),
        Err(e) => internal(e),
    }
}

#[derive(Deserialize)]
pub struct HistoryParams {
    /// Text found in the customer's name or the external key.
    #[serde(default)]
    q: String,
    /// Start of the range, `YYYY-MM-DD` (UTC), inclusive.
    from: Option<String>,
    /// End of the range, `YYYY-MM-DD` (UTC), inclusive.
    to: Option<String>,
    #[serde(default)]
    page: i64,
}

fn day_start_ms(day: &str) -> Option<i64> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let date = time::Date::parse(day, &format).ok()?;
    Some(date.midnight().assume_utc().unix_timestamp() * 1000)
}

/// `GET /api/rep/history?q=&from=&to=&page=`: this representative's past sessions.
pub async fn history(
    State(state): State<AppState>,
    rep: Rep,
    Query(p): Query<HistoryParams>,
) -> Response {
    let from = match p
        .from
        .as_deref()
        .filter(|s| !s.is_empty())
        .map(day_start_ms)
    {
        Some(None) => {
            return error(
                StatusCode::BAD_REQUEST,
                "invalid_date",
                "from must be YYYY-MM-DD",
            )
        }
        other => other.flatten(),
    };
    let to = match p.to.as_deref().filter(|s| !s.is_empty()).map(day_start_ms) {
        Some(None) => {
            return error(
                StatusCode::BAD_REQUEST,
                "invalid_date",
                "to must be YYYY-MM-DD",
            )
        }
        other => other.flatten().map(|t| t + 24 * 3600 * 1000),
    };
    if p.q.chars().count() > 100 {
        return error(
            StatusCode::BAD_REQUEST,
            "invalid_query",
            "the search text has at most 100 characters",
        );
    }
    let query = crate::store::HistoryQuery {
        text: Some(p.q.trim().to_string()),
        from,
        to,
        limit: 50,
        offset: p.page.max(0) * 50,
    };
    match state.store.history(rep.user.id, &query).await {
        Ok(list) => Json(
            json!({ "sessions": session_views(state.store.as_ref(), &list, rep.user.id).await }),
        )
        .into_response(),
        Err(e) => internal(e),
    }
}
