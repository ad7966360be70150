//! The representative's JSON API under `/api/rep/`: sign-in, presence, queues, accepting
//! sessions, chat, and session keys. The console (its own issue) is built on it.
//!
//! Authentication is a login cookie (`HttpOnly`, `SameSite=Lax`). Every state-changing request
//! must also carry the header `X-Beckon-CSRF: 1`: a cross-site page cannot set a custom header
//! without a CORS preflight, which this API never grants, so forged requests fail.

mod capabilities;
pub mod files;
mod keys;
pub mod screen;
mod sessions;
pub mod shell;
mod views;
pub mod ws;

pub use capabilities::request_capability;
pub use keys::{create_key, list_keys, revoke_key};
pub use sessions::*;
pub use views::{queue_snapshot, session_view};

use crate::app::AppState;
use crate::domain::auth::{self, AuthError, LOGIN_LIFETIME_MS};
use crate::domain::people::{PresenceStatus, User};
use crate::domain::time::now_ms;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::json;

pub const LOGIN_COOKIE: &str = "beckon_login";
pub const CSRF_HEADER: &str = "x-beckon-csrf";

pub(crate) fn error(status: StatusCode, code: &str, message: impl Into<String>) -> Response {
    (
        status,
        Json(json!({ "error": { "code": code, "message": message.into() } })),
    )
        .into_response()
}

pub(crate) fn internal(e: impl std::fmt::Display) -> Response {
    tracing::error!(error = %e, "rep API internal error");
    error(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal",
        "internal error",
    )
}

/// The value of a cookie in the request.
pub(crate) fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// A signed-in representative, with CSRF checked for state-changing methods.
pub struct Rep {
    pub user: User,
    pub token: String,
}

impl FromRequestParts<AppState> for Rep {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let Some(token) = cookie_value(&parts.headers, LOGIN_COOKIE) else {
            return Err(error(
                StatusCode::UNAUTHORIZED,
                "not_signed_in",
                "sign in first",
            ));
        };
        let user = auth::user_of(state.store.as_ref(), &token)
            .await
            .map_err(internal)?;
        let Some(user) = user else {
            return Err(error(
                StatusCode::UNAUTHORIZED,
                "not_signed_in",
                "the login has expired; sign in again",
            ));
        };
        if user.must_change_password {
            return Err(error(
                StatusCode::FORBIDDEN,
                "password_change_required",
                "change your password at /console first",
            ));
        }
        if parts.method != Method::GET && parts.headers.get(CSRF_HEADER).is_none_or(|v| v != "1") {
            return Err(error(
                StatusCode::FORBIDDEN,
                "csrf",
                "missing X-Beckon-CSRF header",
            ));
        }
        Ok(Rep { user, token })
    }
}

#[derive(Deserialize)]
pub struct LoginBody {
    username: String,
    password: String,
}

/// `POST /api/rep/login` with `{"username", "password"}`.
pub async fn login(
    State(state): State<AppState>,
    axum::extract::ConnectInfo(peer): axum::extract::ConnectInfo<std::net::SocketAddr>,
    headers: HeaderMap,
    Json(body): Json<LoginBody>,
) -> Response {
    if headers.get(CSRF_HEADER).is_none_or(|v| v != "1") {
        return error(
            StatusCode::FORBIDDEN,
            "csrf",
            "missing X-Beckon-CSRF header",
        );
    }
    match auth::login(
        state.store.as_ref(),
        &body.username,
        &body.password,
        &peer.ip().to_string(),
    )
    .await
    {
        Ok((token, user)) => {
            let secure = if state.settings.public_url.scheme() == "https" {
                "; Secure"
            } else {
                ""
            };
            let cookie = format!(
                "{LOGIN_COOKIE}={token}; HttpOnly; SameSite=Lax; Path=/; Max-Age={}{secure}",
                LOGIN_LIFETIME_MS / 1000
            );
            (
                [(header::SET_COOKIE, cookie)],
                Json(json!({ "user": user })),
            )
                .into_response()
        }
        Err(AuthError::BadCredentials) => error(
            StatusCode::UNAUTHORIZED,
            "bad_credentials",
            "wrong username or password",
        ),
        Err(e @ AuthError::Throttled(secs)) => {
            let mut r = error(
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_attempts",
                e.to_string(),
            );
            if let Ok(v) = axum::http::HeaderValue::from_str(&secs.to_string()) {
                r.headers_mut().insert(header::RETRY_AFTER, v);
            }
            r
        }
        Err(AuthError::Store(e)) => internal(e),
    }
}

/// `POST /api/rep/logout`.
pub async fn logout(State(state): State<AppState>, rep: Rep) -> Response {
    if let Err(e) = auth::logout(state.store.as_ref(), &rep.token, rep.user.id).await {
        return internal(e);
    }
    state.hub.signed_out(rep.user.id);
    let cookie = format!("{LOGIN_COOKIE}=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0");
    ([(header::SET_COOKIE, cookie)], StatusCode::NO_CONTENT).into_response()
}

#[derive(Deserialize)]
pub struct PresenceBody {
    status: String,
}

/// `PUT /api/rep/presence` with `{"status": "available"|"busy"|"away"}`: logged in for routing.
pub async fn set_presence(
    State(state): State<AppState>,
    rep: Rep,
    Json(body): Json<PresenceBody>,
) -> Response {
    let Some(status) = PresenceStatus::parse(&body.status) else {
        return error(
            StatusCode::BAD_REQUEST,
            "invalid_status",
            "status must be available, busy or away",
        );
    };
    if !rep.user.permissions.support {
        return error(
            StatusCode::FORBIDDEN,
            "not_a_representative",
            "this user does not provide support",
        );
    }
    match state
        .store
        .set_presence(rep.user.id, status, now_ms())
        .await
    {
        Ok(()) => Json(json!({ "status": status })).into_response(),
        Err(e) => internal(e),
    }
}

/// `DELETE /api/rep/presence`: out of routing (logged out of the queues).
pub async fn clear_presence(State(state): State<AppState>, rep: Rep) -> Response {
    match state.store.clear_presence(rep.user.id).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => internal(e),
    }
}

/// `GET /api/rep/queue`: waiting sessions this representative may take.
pub async fn queue_list(State(state): State<AppState>, rep: Rep) -> Response {
    match queue_snapshot(state.store.as_ref(), &rep.user).await {
        Ok(sessions) => Json(json!({ "sessions": sessions })).into_response(),
        Err(e) => internal(e),
    }
}

/// `GET /api/rep/labels`: issues, teams and custom-field display names for the console.
pub async fn labels(State(state): State<AppState>, _rep: Rep) -> Response {
    match views::labels(state.store.as_ref()).await {
        Ok(v) => Json(v).into_response(),
        Err(e) => internal(e),
    }
}

/// `GET /api/rep/colleagues`: representatives to transfer to or invite, with their presence.
pub async fn colleagues(State(state): State<AppState>, rep: Rep) -> Response {
    let store = state.store.as_ref();
    let (users, presence) = match (store.list_users().await, store.list_presence().await) {
        (Ok(u), Ok(p)) => (u, p),
        (Err(e), _) | (_, Err(e)) => return internal(e),
    };
    let list: Vec<serde_json::Value> = users
        .iter()
        .filter(|u| u.enabled && u.permissions.support && u.id != rep.user.id)
        .map(|u| {
            let status = presence
                .iter()
                .find(|p| p.user_id == u.id)
                .map(|p| p.status.as_str());
            json!({ "id": u.id, "public_display_name": u.public_display_name,
                    "private_display_name": u.private_display_name, "status": status })
        })
        .collect();
    Json(json!({ "colleagues": list })).into_response()
}
