//! The demo customer website: every example of the reference as a button.

use crate::app::AppState;
use crate::http::error::HttpError;
use axum::extract::State;
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};

/// `GET /demo` on the site, and `/` on the separate demo-site listener.
pub async fn demo_page(State(state): State<AppState>) -> Result<Response, HttpError> {
    let html = state.templates.render(
        "demo.html",
        minijinja::context! {
            base_url => state.settings.base_url(),
            site_host => state.settings.site_host(),
        },
    )?;
    // The demo writes the reference's examples as inline onclick attributes, exactly as a
    // customer's page would; that page's own CSP must therefore allow inline script.
    Ok(([(header::CACHE_CONTROL, "no-store")], Html(html)).into_response())
}
