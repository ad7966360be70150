//! `POST /oauth2/token`: the OAuth2 client-credentials grant (RFC 6749 section 4.4), with
//! the client id and secret as HTTP Basic credentials or as form fields.

use crate::app::AppState;
use crate::domain::api_auth::{self, ApiAuthError};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

fn oauth_error(status: StatusCode, error: &str, description: &str) -> Response {
    let mut r = (
        status,
        Json(json!({"error": error, "error_description": description})),
    )
        .into_response();
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    if status == StatusCode::UNAUTHORIZED {
        r.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            header::HeaderValue::from_static("Basic realm=\"beckon\""),
        );
    }
    r
}

fn basic_credentials(headers: &HeaderMap) -> Option<(String, String)> {
    use base64::Engine;
    let value = headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Basic ")?;
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(value.trim())
        .ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (id, secret) = text.split_once(':')?;
    // RFC 6749 2.3.1: both parts are form-urlencoded before Basic encoding.
    let unescape = |s: &str| {
        form_urlencoded::parse(format!("x={s}").as_bytes())
            .next()
            .map(|(_, v)| v.into_owned())
    };
    Some((unescape(id)?, unescape(secret)?))
}

#[utoipa::path(
    post,
    path = "/oauth2/token",
    tag = "oauth2",
    request_body(content_type = "application/x-www-form-urlencoded", description = "grant_type=client_credentials, and client_id and client_secret unless sent as HTTP Basic"),
    responses(
        (status = 200, description = "A bearer token", body = crate::http::api::openapi::TokenResponse),
        (status = 400, description = "Bad grant type or request", body = crate::http::api::openapi::OAuthError),
        (status = 401, description = "Wrong client credentials", body = crate::http::api::openapi::OAuthError),
    )
)]
pub async fn token(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    if !crate::domain::settings::api_enabled(state.store.as_ref())
        .await
        .unwrap_or(true)
    {
        return super::api_disabled();
    }
    let form: Vec<(String, String)> = form_urlencoded::parse(&body).into_owned().collect();
    let get = |k: &str| form.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    match get("grant_type").as_deref() {
        Some("client_credentials") => {}
        Some(_) => {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "unsupported_grant_type",
                "only client_credentials is supported",
            )
        }
        None => {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                "grant_type is required",
            )
        }
    }
    let basic = basic_credentials(&headers);
    let from_form = get("client_id").zip(get("client_secret"));
    let (id, secret) = match (basic, from_form) {
        (Some(_), Some(_)) => {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                "send the credentials once: Basic or form fields",
            )
        }
        (Some(c), None) | (None, Some(c)) => c,
        (None, None) => {
            return oauth_error(
                StatusCode::UNAUTHORIZED,
                "invalid_client",
                "client credentials are required",
            )
        }
    };
    match api_auth::issue_token(state.store.as_ref(), &id, &secret).await {
        Ok((token, expires_in)) => {
            let mut r = Json(
                json!({"access_token": token, "token_type": "Bearer", "expires_in": expires_in}),
            )
            .into_response();
            r.headers_mut().insert(
                header::CACHE_CONTROL,
                header::HeaderValue::from_static("no-store"),
            );
            r
        }
        Err(ApiAuthError::InvalidClient) => oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "client authentication failed",
        ),
        Err(ApiAuthError::Store(e)) => {
            tracing::error!(error = %e, "issuing a token failed");
            oauth_error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "server_error",
                "internal error",
            )
        }
    }
}
