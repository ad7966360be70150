//! Working a session together: the owner invites a colleague, who joins and later leaves.

use super::access::{find_session, invited, owned_session, owns, participates};
use super::rep_events::rep_event;
use crate::app::AppState;
use crate::domain::session::SessionState;
use crate::http::rep::{error, internal, Rep};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use serde::Deserialize;
use serde_json::json;

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
