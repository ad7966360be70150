//! Customer-facing pages of a session: the error page and the chat page (the download page is
//! `download.rs`).

use crate::app::AppState;
use crate::domain::locale::Locale;
use crate::domain::session::{SessionState, SupportSession};
use crate::domain::tokens;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};

/// The security headers of Beckon's own customer pages: no inline script, no framing by
/// strangers, no referrer (the URL holds the customer's token).
pub(super) fn page_headers() -> [(header::HeaderName, &'static str); 4] {
    [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
        ),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::CACHE_CONTROL, "no-store"),
    ]
}

pub(super) fn render(
    state: &AppState,
    status: StatusCode,
    name: &str,
    ctx: minijinja::Value,
) -> Response {
    match state.templates.render(name, ctx) {
        Ok(html) => (status, page_headers(), Html(html)).into_response(),
        Err(e) => super::error::HttpError::from(e).into_response(),
    }
}

pub fn error_page(state: &AppState, locale: Locale, status: StatusCode, message: &str) -> Response {
    let t = |id: &str| state.i18n.text(locale, id, &[]);
    render(
        state,
        status,
        "start_error.html",
        minijinja::context! {
            lang => locale.bcp47(),
            title => t("error-page-title"),
            message => message,
            back => t("error-go-back"),
        },
    )
}

/// How long after its end a session's transcript can still be downloaded with its token.
const TRANSCRIPT_GRACE_MS: i64 = 24 * 3600 * 1000;

/// Finds the session of a customer token; an error page when there is none or it has ended
/// (ended sessions are found only within `ended_grace_ms` of their end).
async fn find_by_token(
    state: &AppState,
    token: &str,
    ended_grace_ms: Option<i64>,
) -> Result<SupportSession, Response> {
    let found = if tokens::is_well_formed(token) {
        state
            .store
            .session_by_customer_token(&tokens::hash_token(token))
            .await
            .ok()
            .flatten()
    } else {
        None
    };
    let now = crate::domain::time::now_ms();
    let usable = |s: &SupportSession| match (s.state, ended_grace_ms) {
        (SessionState::Ended, Some(grace)) => s.ended_at.is_some_and(|at| now - at < grace),
        (SessionState::Ended, None) => false,
        _ => true,
    };
    match found {
        Some(s) if usable(&s) => Ok(s),
        other => {
            let locale = other
                .map(|s| s.locale)
                .unwrap_or_else(Locale::default_locale);
            let (id, args) = ("error-session-not-found", Vec::<(&str, String)>::new());
            Err(error_page(
                state,
                locale,
                StatusCode::NOT_FOUND,
                &state.i18n.text(locale, id, &args),
            ))
        }
    }
}

pub(super) async fn session_of(state: &AppState, token: &str) -> Result<SupportSession, Response> {
    find_by_token(state, token, None).await
}

/// The transcript lines of a session, labelled in its language.
async fn transcript_lines(
    state: &AppState,
    s: &SupportSession,
) -> Result<Vec<crate::domain::chat::TranscriptLine>, Response> {
    let locale = s.chat_locale.unwrap_or(s.locale);
    let events = state
        .store
        .events_after(s.id, 0, 100_000)
        .await
        .map_err(|e| super::error::HttpError::from(e).into_response())?;
    let customer = state.i18n.text(locale, "bg-transcript-customer", &[]);
    let system = state.i18n.text(locale, "bg-transcript-system", &[]);
    Ok(crate::domain::chat::transcript(&events, &customer, &system))
}

fn attachment(name: &str) -> String {
    format!("attachment; filename=\"{name}\"")
}

/// `GET /chat/{token}/transcript.txt`: the chat as plain text (also for a day after the end).
pub async fn transcript_text(State(state): State<AppState>, Path(token): Path<String>) -> Response {
    let s = match find_by_token(&state, &token, Some(TRANSCRIPT_GRACE_MS)).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let lines = match transcript_lines(&state, &s).await {
        Ok(l) => l,
        Err(r) => return r,
    };
    let locale = s.chat_locale.unwrap_or(s.locale);
    let title = state.i18n.text(locale, "bg-transcript-title", &[]);
    let body = crate::domain::chat::transcript_text(&lines, &title, locale);
    (
        [
            (
                header::CONTENT_TYPE,
                "text/plain; charset=utf-8".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                attachment("chat-transcript.txt"),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_string()),
        ],
        body,
    )
        .into_response()
}

/// `GET /chat/{token}/transcript.html`: the chat as a self-contained, escaped HTML page.
pub async fn transcript_html(State(state): State<AppState>, Path(token): Path<String>) -> Response {
    let s = match find_by_token(&state, &token, Some(TRANSCRIPT_GRACE_MS)).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let lines = match transcript_lines(&state, &s).await {
        Ok(l) => l,
        Err(r) => return r,
    };
    let locale = s.chat_locale.unwrap_or(s.locale);
    let rows: Vec<minijinja::Value> = lines
        .iter()
        .map(|l| {
            minijinja::context! {
                time => crate::domain::time::rfc3339(l.at).get(..19).unwrap_or_default().replace('T', " "),
                speaker => l.speaker, text => l.text, system => l.system,
            }
        })
        .collect();
    let ctx = minijinja::context! {
        lang => locale.bcp47(),
        title => state.i18n.text(locale, "bg-transcript-title", &[]),
        rows => rows,
    };
    match state.templates.render("transcript.html", ctx) {
        Ok(html) => (
            [
                (header::CONTENT_TYPE, "text/html; charset=utf-8".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    attachment("chat-transcript.html"),
                ),
                (
                    header::CONTENT_SECURITY_POLICY,
                    "default-src 'none'; style-src 'unsafe-inline'".to_string(),
                ),
                (header::CACHE_CONTROL, "no-store".to_string()),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_string()),
            ],
            html,
        )
            .into_response(),
        Err(e) => super::error::HttpError::from(e).into_response(),
    }
}

/// `GET /chat/{token}`: the click-to-chat page of a session.
pub async fn chat_page(State(state): State<AppState>, Path(token): Path<String>) -> Response {
    let session = match session_of(&state, &token).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let locale = session.chat_locale.unwrap_or(session.locale);
    let strings = state.i18n.browser_messages(locale);
    let mut page = render(
        &state,
        StatusCode::OK,
        "chat.html",
        minijinja::context! {
            lang => locale.bcp47(),
            title => state.i18n.text(locale, "bg-chat-title", &[]),
            strings => strings,
            token => token,
        },
    );
    // Unlike Beckon's other pages, the chat may sit in a frame of the customer's website.
    if page.status() == StatusCode::OK {
        let csp = super::security::chat_page_csp(state.store.as_ref()).await;
        if let Ok(v) = axum::http::HeaderValue::from_str(&csp) {
            page.headers_mut()
                .insert(header::CONTENT_SECURITY_POLICY, v);
        }
    }
    page
}
