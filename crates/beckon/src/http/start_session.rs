//! `/api/start_session` (and the legacy `/api/start_session.ns`): the URL API that pages,
//! links, forms and start_session.js use to start a session.
//!
//! Browsers get a redirect to the session's own page (chat or download), so that a reload
//! never starts a second session; `Accept: application/json` gets the same as JSON, or a
//! structured error, for start_session.js.

use crate::app::AppState;
use crate::domain::client_ticket;
use crate::domain::locale::Locale;
use crate::domain::session::StartType;
use crate::domain::start::{self, StartContext};
use crate::domain::start_error::StartError;
use crate::domain::start_request;
use crate::domain::time::now_ms;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Json;
use std::net::SocketAddr;

/// Whether the caller asked for JSON (start_session.js does).
pub fn wants_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json"))
}

fn header_str(headers: &HeaderMap, name: header::HeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

/// The query string and, for a form POST, the body, as one list of pairs; or the name of a
/// parameter that is not UTF-8 (refused rather than stored with U+FFFD in it).
fn request_pairs(
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    body: &Bytes,
) -> Result<Vec<(String, String)>, String> {
    let is_form = header_str(headers, header::CONTENT_TYPE)
        .is_some_and(|c| c.starts_with("application/x-www-form-urlencoded"));
    let form_body = (method == Method::POST && (is_form || !body.is_empty())).then_some(&body[..]);
    start_request::request_pairs(uri.query(), form_body)
}

/// `GET|POST /api/start_session`.
#[utoipa::path(
    post,
    path = "/api/start_session",
    tag = "session start",
    request_body(content_type = "application/x-www-form-urlencoded", description = "The URL API's parameters (short_key, id+name, issue_menu with id or codeName, customer.*, session.custom.*, locale, c2cjs, ...); send Accept: application/json"),
    responses(
        (status = 200, description = "The session started", body = crate::http::api::openapi::StartAnswer),
        (status = 303, description = "Browsers (without Accept: application/json) are redirected to the session's page"),
        (status = 400, description = "Bad parameter", body = crate::http::api::openapi::ApiError),
        (status = 404, description = "Unknown representative, issue or session key", body = crate::http::api::openapi::ApiError),
        (status = 409, description = "Representative or nobody available", body = crate::http::api::openapi::ApiError),
        (status = 410, description = "Expired or used session key", body = crate::http::api::openapi::ApiError),
        (status = 429, description = "Too many wrong session keys; Retry-After", body = crate::http::api::openapi::ApiError),
    )
)]
pub async fn start_session(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let json = wants_json(&headers);
    let (pairs, not_utf8) = match request_pairs(&method, &uri, &headers, &body) {
        Ok(p) => (p, None),
        Err(field) => (Vec::new(), Some(StartError::InvalidValue { field })),
    };
    let accept_language = header_str(&headers, header::ACCEPT_LANGUAGE);
    let requested_locale = pairs
        .iter()
        .find(|(k, _)| k == "locale")
        .map(|(_, v)| v.clone());
    let store = state.store.as_ref();
    // Counted before anything is parsed or stored: a bot hammering the URL costs one lookup.
    let result = if let Err(retry_after_secs) = state.start_limiter.check(peer.ip()) {
        tracing::warn!(peer = %peer.ip(), retry_after_secs, "session starts over the per-address limit");
        Err(StartError::TooManyStarts { retry_after_secs })
    } else if let Some(e) = not_utf8 {
        Err(e)
    } else {
        match start_request::parse(&pairs) {
            Ok(req) => {
                let ctx = StartContext {
                    client_ip: peer.ip().to_string(),
                    page_url: header_str(&headers, header::REFERER).unwrap_or_default(),
                    accept_language: accept_language.clone(),
                };
                start::start_session(store, &req, &ctx)
                    .await
                    .map(|s| (s, req))
            }
            Err(e) => Err(e),
        }
    };
    match result {
        Ok((started, req)) => {
            let base = state.settings.base_url();
            let token = &started.customer_token;
            let chat_url = format!("{base}/chat/{token}");
            let download_url = format!("{base}/download/{token}");
            let session = &started.session;
            // Consoles show the new session in their queues at once.
            state.hub.notify(session.id);
            if json {
                let url = match session.start_type {
                    StartType::Chat => &chat_url,
                    StartType::Full => &download_url,
                };
                // The FULL dialog's phones and tablets open the installed app with this; a
                // failure to issue it only costs that shortcut, not the session.
                let app_url = match session.start_type {
                    StartType::Full => {
                        match client_ticket::issue(store, &base, session, now_ms()).await {
                            Ok(t) => Some(format!("beckon://start?ticket={}", t.as_str())),
                            Err(e) => {
                                tracing::error!(error = %e, "issuing the app's client ticket failed");
                                None
                            }
                        }
                    }
                    StartType::Chat => None,
                };
                let body = serde_json::json!({
                    "lsid": session.lsid,
                    "start_type": session.start_type,
                    "url": url,
                    "chat_url": chat_url,
                    "download_url": download_url,
                    "locale": session.locale,
                    "queue": session.queue.api_id(),
                    "nobody_available": started.nobody_available.is_some(),
                    "app_store_urls": {
                        "ios": store.setting("app_store_url_ios").await.ok().flatten().filter(|u| !u.is_empty()),
                        "android": store.setting("app_store_url_android").await.ok().flatten().filter(|u| !u.is_empty()),
                    },
                    "app_url": app_url,
                });
                return (StatusCode::OK, Json(body)).into_response();
            }
            let target = match (session.start_type, req.download) {
                (StartType::Chat, _) => chat_url,
                (StartType::Full, true) => format!("{download_url}/file"),
                (StartType::Full, false) => download_url,
            };
            Redirect::to(&target).into_response()
        }
        Err(err) => {
            let locale = start::resolve_locale(
                store,
                requested_locale.as_deref(),
                accept_language.as_deref(),
            )
            .await
            .unwrap_or_else(|_| Locale::default_locale());
            start_error_response(&state, &err, locale, json)
        }
    }
}

/// A start error as JSON (for scripts) or as a page in the customer's language.
pub fn start_error_response(
    state: &AppState,
    err: &StartError,
    locale: Locale,
    json: bool,
) -> Response {
    let (id, args) = err.message();
    let mut message = state.i18n.text(locale, id, &args);
    if let StartError::NobodyAvailable { message: team_text } = err {
        if !team_text.trim().is_empty() {
            message = team_text.clone();
        }
    }
    let status = StatusCode::from_u16(err.status()).unwrap_or(StatusCode::BAD_REQUEST);
    let mut response = if json {
        let body = serde_json::json!({
            "error": { "code": err.code(), "message": message, "field": err.field(), "detail": err.to_string() }
        });
        (status, Json(body)).into_response()
    } else {
        super::pages::error_page(state, locale, status, &message)
    };
    if let StartError::TooManyKeyFailures { retry_after_secs }
    | StartError::TooManyStarts { retry_after_secs } = err
    {
        if let Ok(v) = HeaderValue::from_str(&retry_after_secs.to_string()) {
            response.headers_mut().insert(header::RETRY_AFTER, v);
        }
    }
    response
}
