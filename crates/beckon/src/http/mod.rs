//! The HTTP and WebSocket layer: thin handlers that turn requests into domain calls.

pub mod admin;
pub mod api;
pub mod assets;
pub mod chat_consent;
pub mod chat_files;
mod chat_screen;
mod chat_view;
pub mod chat_ws;
pub mod client_join;
pub mod console;
pub mod csrf;
pub mod demo;
pub mod download;
pub mod error;
pub mod health;
pub mod pages;
pub mod portal;
pub mod rep;
pub mod security;
pub mod socket;
pub mod start_session;
pub mod templates;

use crate::app::AppState;
use axum::http::{HeaderName, Request};
use axum::routing::{get, post, put};
use axum::Router;
use std::time::Duration;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Largest request body accepted anywhere (start requests are a few KB at most).
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// The site's router.
pub fn router(state: AppState) -> Router {
    let mut app = Router::new()
        .route("/", get(portal::portal))
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/assets/{*path}", get(assets::asset))
        .route("/download/{token}", get(download::download_page))
        .route("/download/{token}/file", get(download::download_file))
        .route("/chat/{token}", get(pages::chat_page))
        .route("/api/chat/ws", get(chat_ws::chat_ws))
        .route("/api/client/join", post(client_join::join))
        .route("/console", get(console::console_page))
        .route("/console/login", post(console::login))
        .route("/console/logout", post(console::logout))
        .route("/console/password", post(console::change_password))
        .route("/api/rep/login", post(rep::login))
        .route("/api/rep/logout", post(rep::logout))
        .route(
            "/api/rep/presence",
            put(rep::set_presence).delete(rep::clear_presence),
        )
        .route("/api/rep/queue", get(rep::queue_list))
        .route("/api/rep/labels", get(rep::labels))
        .route("/api/rep/colleagues", get(rep::colleagues))
        .route("/api/rep/ws", get(rep::ws::console_ws))
        .route("/api/rep/sessions/{lsid}/accept", post(rep::accept))
        .route("/api/rep/sessions/{lsid}/end", post(rep::end))
        .route("/api/rep/sessions/{lsid}/messages", post(rep::send_message))
        .route("/api/rep/sessions/{lsid}/events", get(rep::events))
        .route("/api/rep/sessions/{lsid}/typing", post(rep::typing))
        .route("/api/rep/sessions/{lsid}/notes", post(rep::add_note))
        .route("/api/rep/sessions/{lsid}/invite", post(rep::invite))
        .route("/api/rep/sessions/{lsid}/join", post(rep::join))
        .route("/api/rep/sessions/{lsid}/leave", post(rep::leave))
        .route("/api/rep/sessions", get(rep::mine))
        .route("/api/rep/history", get(rep::history))
        .route("/api/rep/sessions/{lsid}/elevate", post(rep::elevate))
        .route("/api/rep/sessions/{lsid}/transfer", post(rep::transfer))
        .route(
            "/api/rep/sessions/{lsid}/capabilities/{capability}",
            post(rep::request_capability),
        )
        .route(
            "/api/rep/sessions/{lsid}/shell/input",
            post(rep::shell::input),
        )
        .route(
            "/api/rep/sessions/{lsid}/shell/resize",
            post(rep::shell::resize),
        )
        .route(
            "/api/rep/sessions/{lsid}/screen/stop",
            post(rep::screen::stop),
        )
        .route(
            "/api/rep/sessions/{lsid}/files",
            post(rep::files::start_upload),
        )
        .route(
            "/api/rep/sessions/{lsid}/files/request",
            post(rep::files::request_file),
        )
        .route(
            "/api/rep/sessions/{lsid}/files/{id}",
            get(rep::files::download).put(rep::files::upload_chunk),
        )
        .route("/chat/{token}/transcript.txt", get(pages::transcript_text))
        .route("/chat/{token}/transcript.html", get(pages::transcript_html))
        .route(
            "/api/rep/session-keys",
            post(rep::create_key).get(rep::list_keys),
        )
        .route(
            "/api/rep/session-keys/{id}",
            axum::routing::delete(rep::revoke_key),
        )
        .route("/oauth2/token", post(api::oauth::token))
        .route("/api/reporting", get(api::reports::report))
        .route("/api/openapi.json", get(api::openapi::openapi_json))
        .route(
            "/api/config/v1/{kind}",
            get(api::config::collection).post(api::config::collection),
        )
        .route(
            "/api/config/v1/{kind}/{id}",
            get(api::config::item)
                .patch(api::config::item)
                .delete(api::config::item),
        )
        .route(
            "/api/command",
            get(api::command::command).post(api::command::command),
        )
        .route(
            "/api/command.ns",
            get(api::command::command).post(api::command::command),
        )
        .route(
            "/api/command/v2",
            get(api::command::command).post(api::command::command),
        )
        .nest("/login", admin::router())
        .merge(public_api(state.store.clone()));
    if state.settings.demo {
        app = app.route("/demo", get(demo::demo_page));
    }
    with_common_layers(app.with_state(state))
}

/// Routes websites call from their pages: open to the origins an administrator allows (any
/// by default), never with credentials. The list is read per request, so a change applies at
/// once on every node.
fn public_api(store: crate::store::DynStore) -> Router<AppState> {
    use tower_http::cors::{AllowOrigin, CorsLayer};
    let allowed = AllowOrigin::async_predicate(
        move |origin: axum::http::HeaderValue, _parts: &axum::http::request::Parts| {
            let store = store.clone();
            async move {
                let list = store
                    .setting(crate::domain::settings::ALLOWED_ORIGINS)
                    .await
                    .ok()
                    .flatten();
                let origin = origin
                    .to_str()
                    .unwrap_or_default()
                    .trim_end_matches('/')
                    .to_string();
                crate::domain::settings::origin_allowed(list.as_deref(), &origin)
            }
        },
    );
    let cors = CorsLayer::new()
        .allow_origin(allowed)
        .allow_methods([axum::http::Method::GET, axum::http::Method::POST])
        .allow_headers([axum::http::header::CONTENT_TYPE, axum::http::header::ACCEPT]);
    Router::new()
        .route(
            "/api/start_session",
            get(start_session::start_session).post(start_session::start_session),
        )
        .route(
            "/api/start_session.ns",
            get(start_session::start_session).post(start_session::start_session),
        )
        .route("/api/start_session.js", get(assets::start_session_js))
        .route("/api/strings/{file}", get(assets::browser_strings))
        .layer(cors)
}

/// The separate demo-site origin: the demo page at `/` and nothing else of the site.
pub fn demo_site_router(state: AppState) -> Router {
    let app = Router::new()
        .route("/", get(demo::demo_page))
        .route("/healthz", get(health::healthz))
        .with_state(state);
    with_common_layers(app)
}

/// Gzip or Brotli for text. Not for `application/octet-stream` (the client download): an
/// executable hardly shrinks, and its exact `Content-Length` tells the browser the progress.
fn compression(
) -> tower_http::compression::CompressionLayer<impl tower_http::compression::Predicate> {
    use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
    tower_http::compression::CompressionLayer::new()
        .gzip(true)
        .br(true)
        .compress_when(
            DefaultPredicate::new().and(NotForContentType::const_new("application/octet-stream")),
        )
}

fn with_common_layers(app: Router) -> Router {
    app.layer(
        tower::ServiceBuilder::new()
            .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
            .layer(
                TraceLayer::new_for_http().make_span_with(|req: &Request<_>| {
                    let id = req
                        .headers()
                        .get(REQUEST_ID)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("-");
                    // The client as the accept loop decided it (behind a trusted proxy: the
                    // forwarded address), so a log line names the same address the limits count.
                    let client = req
                        .extensions()
                        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                        .map(|c| c.0.ip().to_string())
                        .unwrap_or_else(|| "-".into());
                    tracing::info_span!("request", method = %req.method(), path = %req.uri().path(), client = %client, request_id = %id)
                })
                // One line per answered request, with its status and latency, at info level.
                .on_response(tower_http::trace::DefaultOnResponse::new().level(tracing::Level::INFO)),
            )
            .layer(PropagateRequestIdLayer::new(REQUEST_ID))
            .layer(axum::middleware::from_fn(security::common_headers))
            .layer(compression())
            .layer(tower_http::limit::RequestBodyLimitLayer::new(MAX_BODY_BYTES))
            .layer(tower_http::timeout::TimeoutLayer::with_status_code(axum::http::StatusCode::REQUEST_TIMEOUT, Duration::from_secs(30))),
    )
}
