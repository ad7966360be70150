//! Talking in a session: the representative's chat messages, typing indicator and private
//! notes, and reading the session's log.

use super::access::{find_session, invited, owned_session, participates, worked};
use super::rep_events::rep_event;
use crate::app::AppState;
use crate::domain::queue;
use crate::domain::session::{Actor, NewEvent};
use crate::domain::time::now_ms;
use crate::http::rep::views::session_view_for;
use crate::http::rep::{error, internal, Rep};
use crate::protocol;
use crate::store::Appended;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::json;

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
    match store_chat(&state, &rep, &lsid, &body.id, &body.text).await {
        Ok(a) => Json(json!({ "seq": a.event.seq, "duplicate": a.duplicate })).into_response(),
        Err(ChatRefusal::Storage(e)) => internal(e),
        Err(r) => error(r.status(), r.code(), r.message()),
    }
}

/// Why a representative's chat message was not stored, whichever way it came (the API above
/// or the console socket's `chat`).
#[derive(Debug)]
pub(in crate::http::rep) enum ChatRefusal {
    NotFound,
    NotParticipant,
    Invalid(&'static str),
    Storage(crate::store::StoreError),
}

impl ChatRefusal {
    pub(in crate::http::rep) fn status(&self) -> StatusCode {
        match self {
            ChatRefusal::NotFound => StatusCode::NOT_FOUND,
            ChatRefusal::NotParticipant => StatusCode::FORBIDDEN,
            ChatRefusal::Invalid(_) => StatusCode::BAD_REQUEST,
            ChatRefusal::Storage(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub(in crate::http::rep) fn code(&self) -> &'static str {
        match self {
            ChatRefusal::NotFound => "not_found",
            ChatRefusal::NotParticipant => "not_participant",
            ChatRefusal::Invalid(_) => "invalid_message",
            ChatRefusal::Storage(_) => "internal",
        }
    }

    pub(in crate::http::rep) fn message(&self) -> &'static str {
        match self {
            ChatRefusal::NotFound => "no such session",
            ChatRefusal::NotParticipant => "accept or join the session before chatting",
            ChatRefusal::Invalid(reason) => reason,
            ChatRefusal::Storage(_) => "internal error",
        }
    }
}

/// Stores a representative's chat message in a session they take part in, once per `id`,
/// and tells the session's page and the consoles following it (again, for a duplicate).
pub(in crate::http::rep) async fn store_chat(
    state: &AppState,
    rep: &Rep,
    lsid: &str,
    id: &str,
    text: &str,
) -> Result<Appended, ChatRefusal> {
    let session = match state.store.session_by_lsid(lsid).await {
        Ok(Some(s)) => s,
        Ok(None) => return Err(ChatRefusal::NotFound),
        Err(e) => return Err(ChatRefusal::Storage(e)),
    };
    if !participates(state, rep, &session).await {
        return Err(ChatRefusal::NotParticipant);
    }
    protocol::check_chat(id, text).map_err(ChatRefusal::Invalid)?;
    let event = NewEvent {
        kind: "chat_message".into(),
        actor: Actor::Rep(rep.user.id),
        body: json!({ "text": text, "name": rep.user.public_display_name }),
        client_msg_id: Some(format!("rep:{}:{}", rep.user.id, id)),
        at: now_ms(),
    };
    let a = state
        .store
        .append_event(session.id, event)
        .await
        .map_err(ChatRefusal::Storage)?;
    // A duplicate is announced again: the first sending may have been cut off between its
    // commit and its announcement (a dropped connection), and pages and consoles skip an
    // event they already have.
    state.hub.notify_log(session.id, &a.event);
    Ok(a)
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
