//! The OpenAPI 3 document of Beckon's JSON APIs, generated from the handlers' annotations and
//! served at `/api/openapi.json`. `docs/openapi.json` is the committed copy; a test fails when
//! the two differ, so the published interface never drifts from the code.

use axum::response::IntoResponse;
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

/// `POST /oauth2/token` answer.
#[derive(Serialize, ToSchema)]
pub struct TokenResponse {
    /// The bearer token for `Authorization: Bearer ...`.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until the token expires (3600).
    pub expires_in: i64,
}

/// An RFC 6749 error (`invalid_client`, `unsupported_grant_type`, `invalid_request`).
#[derive(Serialize, ToSchema)]
pub struct OAuthError {
    pub error: String,
    pub error_description: String,
}

/// A structured error of the JSON APIs.
#[derive(Serialize, ToSchema)]
pub struct ApiError {
    pub error: ApiErrorBody,
}

#[derive(Serialize, ToSchema)]
pub struct ApiErrorBody {
    /// A stable machine code.
    pub code: String,
    /// A human message (localized for the session-start API).
    pub message: String,
    /// The parameter or field at fault, when there is one.
    pub field: Option<String>,
}

/// The JSON answer of `/api/start_session` with `Accept: application/json`.
#[derive(Serialize, ToSchema)]
pub struct StartAnswer {
    pub lsid: String,
    /// `chat` or `full`.
    pub start_type: String,
    /// Where to send the customer: the chat page or the download page.
    pub url: String,
    pub chat_url: String,
    pub download_url: String,
    pub locale: String,
    /// `general`, `rep:ID` or `team:ID`.
    pub queue: String,
    /// True when nobody who could take the session is logged in (it waits in the queue).
    pub nobody_available: bool,
    /// The mobile app's store pages an administrator configured (`ios`, `android`; null if not).
    pub app_store_urls: serde_json::Value,
    /// FULL starts only: `beckon://start?ticket=<client ticket>`, which opens an installed
    /// client (the mobile app) straight into this session.
    pub app_url: Option<String>,
}

/// `POST /api/client/join` body.
#[derive(Serialize, ToSchema)]
pub struct JoinRequest {
    /// The client ticket (`bt1.<claims>.<mac>`) from the download's trailer, its file name, a
    /// `beckon://` URL or `--ticket`.
    pub ticket: String,
    /// The client's version, shown to representatives (up to 32 characters of `0-9A-Za-z.+-`).
    pub version: Option<String>,
    /// `linux`, `macos` or `windows`.
    pub os: Option<String>,
}

/// `POST /api/client/join` answer.
#[derive(Serialize, ToSchema)]
pub struct JoinAnswer {
    /// The customer token for `GET /api/chat/ws?token=`.
    pub token: String,
    /// The session's locale (`en-us`, `de`, ...).
    pub locale: String,
    /// The site's name (its host when an administrator has not named it).
    pub site_name: String,
    /// `queued` or `active`.
    pub state: String,
}

/// A refused join: `ticket_invalid`, `ticket_other_site`, `ticket_expired`, `ticket_used`,
/// `session_ended`, `too_many_attempts` or `too_large`, with a text in the ticket's language.
#[derive(Serialize, ToSchema)]
pub struct ClientJoinError {
    pub error: String,
    pub message: String,
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Beckon JSON APIs", description = "Session start, the customer client's join, OAuth2, command API (JSON form) and configuration API."),
    paths(
        crate::http::start_session::start_session,
        crate::http::client_join::join,
        crate::http::api::oauth::token,
        crate::http::api::command::command,
        crate::http::api::config::collection,
        crate::http::api::config::item,
    ),
    components(schemas(
        TokenResponse,
        OAuthError,
        ApiError,
        ApiErrorBody,
        StartAnswer,
        JoinRequest,
        JoinAnswer,
        ClientJoinError
    )),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
    }
}

/// The document as pretty JSON (what `/api/openapi.json` serves and `docs/openapi.json` holds).
pub fn document() -> String {
    ApiDoc::openapi()
        .to_pretty_json()
        .unwrap_or_else(|_| "{}".into())
}

/// `GET /api/openapi.json`.
pub async fn openapi_json() -> impl IntoResponse {
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        document(),
    )
}
