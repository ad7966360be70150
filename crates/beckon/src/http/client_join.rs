//! `POST /api/client/join`: the full customer client trades its ticket for the session's
//! customer token (docs/customer_client.md, "Joining").
//!
//! Errors are the contract's flat `{"error": code, "message": text}`, the text in the
//! ticket's language: the client shows it to the customer as it is.

use crate::app::AppState;
use crate::domain::client_build::Platform;
use crate::domain::client_ticket::{self, ClientVersion, JoinError};
use crate::domain::locale::Locale;
use crate::domain::time::now_ms;
use axum::body::Body;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::json;
use std::net::SocketAddr;

/// A join body is a ticket (at most 512 characters) and two short fields.
const MAX_JOIN_BODY: usize = 4 * 1024;

#[derive(Deserialize)]
struct JoinBody {
    ticket: String,
    /// The client's version and system, for the `client_joined` event (optional: the
    /// `User-Agent` is read when they are missing).
    #[serde(default)]
    version: Option<String>,
    #[serde(default)]
    os: Option<String>,
}

/// The client's version and system from the body, else from a `User-Agent` such as
/// `beckon-client/0.1.0 (linux)`.
fn client_version(body: &JoinBody, headers: &HeaderMap) -> ClientVersion {
    let ua = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let ua_version = ua
        .strip_prefix("beckon-client/")
        .and_then(|r| r.split_whitespace().next())
        .unwrap_or_default();
    let ua_os = ["linux", "macos", "windows"]
        .into_iter()
        .find(|os| ua.to_ascii_lowercase().contains(os))
        .or_else(|| Platform::from_user_agent(ua).map(|p| p.os.as_str()))
        .unwrap_or_default();
    ClientVersion::new(
        body.version.as_deref().unwrap_or(ua_version),
        body.os.as_deref().unwrap_or(ua_os),
    )
}

fn refusal(state: &AppState, err: &JoinError, locale: Locale) -> Response {
    if let JoinError::Store(e) = err {
        tracing::error!(error = %e, "client join failed");
    }
    let (id, args) = err.message();
    let status = StatusCode::from_u16(err.status()).unwrap_or(StatusCode::BAD_REQUEST);
    let body = json!({ "error": err.code(), "message": state.i18n.text(locale, id, &args) });
    let mut r = (status, Json(body)).into_response();
    if let JoinError::Throttled(secs) = err {
        if let Ok(v) = HeaderValue::from_str(&secs.to_string()) {
            r.headers_mut().insert(header::RETRY_AFTER, v);
        }
    }
    r
}

/// `POST /api/client/join` with `{"ticket", "version"?, "os"?}`.
#[utoipa::path(
    post,
    path = "/api/client/join",
    tag = "customer client",
    request_body(content = crate::http::api::openapi::JoinRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "Joined: the customer token for /api/chat/ws", body = crate::http::api::openapi::JoinAnswer),
        (status = 400, description = "`ticket_invalid` or `ticket_other_site`", body = crate::http::api::openapi::ClientJoinError),
        (status = 409, description = "`ticket_used`: the ticket joined once already", body = crate::http::api::openapi::ClientJoinError),
        (status = 410, description = "`ticket_expired` or `session_ended`", body = crate::http::api::openapi::ClientJoinError),
        (status = 413, description = "`too_large`: the body is over 4 KB", body = crate::http::api::openapi::ClientJoinError),
        (status = 429, description = "`too_many_attempts` from this address; Retry-After", body = crate::http::api::openapi::ClientJoinError),
    )
)]
pub async fn join(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let Ok(bytes) = axum::body::to_bytes(body, MAX_JOIN_BODY).await else {
        let body = json!({ "error": "too_large", "message": "the request body is over 4 KB" });
        return (StatusCode::PAYLOAD_TOO_LARGE, Json(body)).into_response();
    };
    // Not JSON, or no ticket: the same answer as a ticket that is not one (and it counts
    // against the address like one).
    let body = serde_json::from_slice::<JoinBody>(&bytes).unwrap_or(JoinBody {
        ticket: String::new(),
        version: None,
        os: None,
    });
    let locale = client_ticket::claimed_locale(&body.ticket).unwrap_or_else(Locale::default_locale);
    let client = client_version(&body, &headers);
    let store = state.store.as_ref();
    let site = state.settings.base_url();
    let joined = match client_ticket::join(
        store,
        &site,
        &body.ticket,
        &client,
        &peer.ip().to_string(),
        now_ms(),
    )
    .await
    {
        Ok(j) => j,
        Err(e) => return refusal(&state, &e, locale),
    };
    // Consoles see the client and the session in the queue at once.
    state.hub.notify(joined.session.id);
    tracing::info!(lsid = %joined.session.lsid, version = %client.version, os = %client.os, "full client joined");
    let site_name = match store.setting("site_name").await {
        Ok(Some(n)) if !n.trim().is_empty() => n,
        _ => state.settings.site_host(),
    };
    Json(json!({
        "token": joined.token,
        "locale": client_ticket::session_locale(&joined.session).code(),
        "site_name": site_name,
        "state": joined.session.state.as_str(),
    }))
    .into_response()
}
