//! The full client's download page and the download itself (docs/customer_client.md,
//! "Downloads"): the build for the visitor's system, streamed with a fresh client ticket in
//! its trailer and its file name.

use super::pages::{render, session_of};
use crate::app::AppState;
use crate::domain::client_build::{self, Os, Platform};
use crate::domain::client_ticket;
use crate::domain::session::SupportSession;
use crate::domain::time::now_ms;
use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use std::path::PathBuf;
use tokio::io::AsyncReadExt;

/// The visitor's platform and its installed build, if both are known.
async fn build_for(state: &AppState, headers: &HeaderMap) -> Option<(Platform, PathBuf)> {
    let ua = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let platform = Platform::from_user_agent(ua)?;
    let path = client_build::find_build(&state.settings.data_dir, platform).await?;
    Some((platform, path))
}

/// The download page: the button and how to run the file when there is a build for the
/// visitor's system, else that there is none and the chat instead.
fn page(
    state: &AppState,
    status: StatusCode,
    session: &SupportSession,
    token: &str,
    platform: Option<Platform>,
) -> Response {
    let locale = client_ticket::session_locale(session);
    let t = |id: &str| state.i18n.text(locale, id, &[]);
    let run = platform.map(|p| match p.os {
        Os::Windows => t("download-run-windows"),
        Os::Macos | Os::Linux => t("download-run-unix"),
    });
    render(
        state,
        status,
        "download.html",
        minijinja::context! {
            lang => locale.bcp47(),
            title => t("download-title"),
            intro => t("download-intro"),
            available => platform.is_some(),
            button => t("download-button"),
            file_url => format!("/download/{token}/file"),
            run => run,
            // Typed by the customer in a terminal on macOS and Linux, so never translated.
            unix => platform.is_some_and(|p| p.os != Os::Windows),
            no_client => t("download-no-client"),
            chat_instead => t("download-chat-instead"),
            chat_url => format!("/chat/{token}"),
        },
    )
}

/// `GET /download/{token}`: the full client's download page.
pub async fn download_page(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Response {
    let session = match session_of(&state, &token).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let platform = build_for(&state, &headers).await.map(|(p, _)| p);
    page(&state, StatusCode::OK, &session, &token, platform)
}

/// `GET /download/{token}/file` (`download=1`): the build for the visitor's system followed
/// by the trailer of a fresh ticket, streamed (never read whole into memory), or the download
/// page's "no build for your system" with 404.
pub async fn download_file(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Response {
    let session = match session_of(&state, &token).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let Some((platform, path)) = build_for(&state, &headers).await else {
        return page(&state, StatusCode::NOT_FOUND, &session, &token, None);
    };
    let file = match tokio::fs::File::open(&path).await {
        Ok(f) => f,
        Err(e) => return super::error::HttpError::internal(e).into_response(),
    };
    let len = match file.metadata().await {
        Ok(m) => m.len(),
        Err(e) => return super::error::HttpError::internal(e).into_response(),
    };
    let ticket = match client_ticket::issue(
        state.store.as_ref(),
        &state.settings.base_url(),
        &session,
        now_ms(),
    )
    .await
    {
        Ok(t) => t,
        Err(e) => return super::error::HttpError::from(e).into_response(),
    };
    let trailer = Bytes::from(beckon_protocol::trailer::encode(&ticket));
    let total = len + trailer.len() as u64;
    // `take(len)`: a build replaced while it streams cannot make the body longer than the
    // Content-Length announced.
    let body = tokio_util::io::ReaderStream::new(file.take(len)).chain(futures_util::stream::once(
        async move { Ok::<_, std::io::Error>(trailer) },
    ));
    let name = format!("beckon-client-{}{}", ticket.as_str(), platform.extension());
    tracing::info!(lsid = %session.lsid, platform = %platform.dir_name(), "client download");
    (
        [
            (header::CONTENT_TYPE, "application/octet-stream".to_string()),
            // The ticket's alphabet (A-Z a-z 0-9 - _ .) needs no quoting or encoding.
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (header::CONTENT_LENGTH, total.to_string()),
            (header::CACHE_CONTROL, "no-store".to_string()),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_string()),
            (header::REFERRER_POLICY, "no-referrer".to_string()),
        ],
        Body::from_stream(body),
    )
        .into_response()
}
