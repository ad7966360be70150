//! The integration APIs: OAuth2 tokens and the caller extractor shared by the command API.

pub mod command;
pub mod config;
pub mod oauth;
pub mod openapi;
pub mod reports;
pub mod xml;

use crate::app::AppState;
use crate::domain::api_auth::{self, ApiCaller};
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// An authenticated API caller: `Authorization: Bearer <token>`, or the legacy `username`
/// and `password` query parameters of a user with the command-API permission.
pub struct Caller(pub ApiCaller);

fn unauthorized(message: &str) -> Response {
    (
        StatusCode::UNAUTHORIZED,
        [(header::WWW_AUTHENTICATE, "Bearer")],
        axum::Json(serde_json::json!({"error": "invalid_token", "error_description": message})),
    )
        .into_response()
}

/// The answer of every API while an administrator has switched the APIs off.
pub fn api_disabled() -> Response {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        axum::Json(serde_json::json!({"error": "api_disabled", "error_description": "the API is disabled on this site"})),
    )
        .into_response()
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let store = state.store.as_ref();
        let internal = |e: crate::store::StoreError| {
            tracing::error!(error = %e, "API authentication failed");
            (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response()
        };
        if !crate::domain::settings::api_enabled(store)
            .await
            .map_err(internal)?
        {
            return Err(api_disabled());
        }
        if let Some(auth) = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
        {
            let Some(token) = auth.strip_prefix("Bearer ").map(str::trim) else {
                return Err(unauthorized("use Authorization: Bearer <access token>"));
            };
            return match api_auth::account_of_token(store, token)
                .await
                .map_err(internal)?
            {
                Some(account) => Ok(Caller(ApiCaller::Account(account))),
                None => Err(unauthorized("the access token is invalid or expired")),
            };
        }
        let query: Vec<(String, String)> = parts
            .uri
            .query()
            .map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
            .unwrap_or_default();
        let get = |k: &str| query.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        if let (Some(u), Some(p)) = (get("username"), get("password")) {
            return match api_auth::user_by_password(store, &u, &p)
                .await
                .map_err(internal)?
            {
                Some(user) => Ok(Caller(ApiCaller::User(user))),
                None => Err(unauthorized(
                    "wrong username or password, or no command API permission",
                )),
            };
        }
        Err(unauthorized("authentication required"))
    }
}
