//! A session's course through its owner's hands: accepting it from a queue, asking the
//! customer to move to the full client, transferring it back to a queue, and ending it.

use super::access::{find_session, owned_session};
use super::rep_events::rep_event;
use crate::app::AppState;
use crate::domain::queue::{self, QueueError};
use crate::domain::session::{Actor, Queue};
use crate::http::rep::views::session_view_for;
use crate::http::rep::{error, internal, Rep};
use crate::protocol;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::json;

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
