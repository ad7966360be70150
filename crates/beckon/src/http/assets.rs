//! Static browser files from `assets/`: embedded in release builds, read from disk in debug.
//!
//! Each answer carries a strong ETag (a hash of the bytes) and revalidation caching, so that a
//! new release reaches pages at once while unchanged files cost a 304.

use axum::extract::Path;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "assets/"]
pub struct AssetFiles;

/// `GET /assets/{*path}`.
pub async fn asset(Path(path): Path<String>, headers: HeaderMap) -> Response {
    serve_embedded(&path, &headers)
}

/// Answers one embedded file with its content type, ETag and caching; 404 when absent.
pub fn serve_embedded(path: &str, headers: &HeaderMap) -> Response {
    let Some(file) = AssetFiles::get(path) else {
        return (StatusCode::NOT_FOUND, "no such asset").into_response();
    };
    let etag = format!("\"{}\"", hex::encode(&file.metadata.sha256_hash()[..16]));
    let cache = HeaderValue::from_static("public, max-age=300, must-revalidate");
    if headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag))
    {
        return (
            StatusCode::NOT_MODIFIED,
            [
                (header::ETAG, etag),
                (header::CACHE_CONTROL, cache.to_str().unwrap_or("").into()),
            ],
        )
            .into_response();
    }
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let content_type = if mime.type_() == "text" || mime.subtype() == "javascript" {
        format!("{}; charset=utf-8", mime.essence_str())
    } else {
        mime.essence_str().to_string()
    };
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::ETAG, etag),
            (header::CACHE_CONTROL, cache.to_str().unwrap_or("").into()),
        ],
        file.data.into_owned(),
    )
        .into_response()
}

/// `GET /api/start_session.js`: the loader pages include (see docs/start_session_js.md).
pub async fn start_session_js(headers: HeaderMap) -> Response {
    serve_embedded("js/start_session.js", &headers)
}

/// `GET /api/strings/{locale}.json`: the browser messages (`bg-*`) of a locale, for the
/// start_session.js dialog. Unknown locales get the default language.
pub async fn browser_strings(
    axum::extract::State(state): axum::extract::State<crate::app::AppState>,
    Path(file): Path<String>,
) -> Response {
    let code = file.trim_end_matches(".json");
    let locale = crate::domain::locale::Locale::parse(code)
        .unwrap_or_else(crate::domain::locale::Locale::default_locale);
    let mut response = axum::Json(state.i18n.browser_messages(locale)).into_response();
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    response
}
