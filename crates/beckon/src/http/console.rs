//! The representative console's pages: `/console` (sign-in form or the console itself) and
//! the form posts that sign in and out. The console's behaviour lives in
//! `assets/js/console/`, on top of the representative API and its WebSocket.
//!
//! The sign-in form is protected against CSRF with a double-submit token: a random value in a
//! `SameSite=Strict` cookie that the form must echo.

use super::rep::{cookie_value, LOGIN_COOKIE};
use crate::app::AppState;
use crate::domain::auth::{self, AuthError, LOGIN_LIFETIME_MS};
use crate::domain::tokens;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use std::net::SocketAddr;

const CSRF_COOKIE: &str = "beckon_csrf";

fn console_headers() -> [(header::HeaderName, String); 4] {
    headers_with_csp(console_csp(None))
}

/// The console's CSP. `style_nonce`, on the console itself, lets the shell's terminal
/// (xterm.js, which writes its colours and cell sizes into `<style>` elements it creates)
/// add style sheets that carry the nonce; inline styles without it stay refused.
fn console_csp(style_nonce: Option<&str>) -> String {
    let styles = match style_nonce {
        Some(n) => format!("'self' 'nonce-{n}'"),
        None => "'self'".into(),
    };
    format!(
        "default-src 'self'; script-src 'self'; style-src {styles}; img-src 'self' data:; connect-src 'self'; media-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    )
}

fn headers_with_csp(csp: String) -> [(header::HeaderName, String); 4] {
    [
        (header::CONTENT_SECURITY_POLICY, csp),
        (header::REFERRER_POLICY, "same-origin".into()),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff".into()),
        (header::CACHE_CONTROL, "no-store".into()),
    ]
}

fn secure(state: &AppState) -> &'static str {
    if state.settings.public_url.scheme() == "https" {
        "; Secure"
    } else {
        ""
    }
}

/// The sign-in form with a fresh CSRF token (and its cookie).
fn login_form(
    state: &AppState,
    status: StatusCode,
    error: Option<&str>,
    username: &str,
) -> Response {
    let csrf = tokens::random_token();
    let html = state.templates.render(
        "console_login.html",
        minijinja::context! { csrf => csrf, error => error, username => username },
    );
    match html {
        Ok(html) => {
            let cookie = format!(
                "{CSRF_COOKIE}={csrf}; HttpOnly; SameSite=Strict; Path=/console{}",
                secure(state)
            );
            let mut r = (status, console_headers(), Html(html)).into_response();
            if let Ok(v) = cookie.parse() {
                r.headers_mut().append(header::SET_COOKIE, v);
            }
            r
        }
        Err(e) => super::error::HttpError::from(e).into_response(),
    }
}

/// `GET /console`: the console for a signed-in representative, else the sign-in form.
pub async fn console_page(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let user = match cookie_value(&headers, LOGIN_COOKIE) {
        Some(token) => auth::user_of(state.store.as_ref(), &token)
            .await
            .ok()
            .flatten(),
        None => None,
    };
    let Some(user) = user else {
        return login_form(&state, StatusCode::OK, None, "");
    };
    if user.must_change_password {
        return password_form(&state, &headers, StatusCode::OK, None);
    }
    // A fresh nonce per page: only the console's own scripts read it (from a meta element
    // that injected markup could not make them trust), so no other style gets through.
    let nonce = tokens::random_token();
    match state.templates.render(
        "console.html",
        minijinja::context! { user => user, style_nonce => nonce },
    ) {
        Ok(html) => (headers_with_csp(console_csp(Some(&nonce))), Html(html)).into_response(),
        Err(e) => super::error::HttpError::from(e).into_response(),
    }
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    csrf: String,
}

fn csrf_ok(headers: &HeaderMap, sent: &str) -> bool {
    cookie_value(headers, CSRF_COOKIE).is_some_and(|c| tokens::is_well_formed(&c) && c == sent)
}

/// `POST /console/login`.
pub async fn login(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Response {
    if !csrf_ok(&headers, &form.csrf) {
        return login_form(
            &state,
            StatusCode::FORBIDDEN,
            Some("The form expired. Please sign in again."),
            &form.username,
        );
    }
    let username = form.username.trim();
    match auth::login(
        state.store.as_ref(),
        username,
        &form.password,
        &peer.ip().to_string(),
    )
    .await
    {
        Ok((token, _user)) => {
            let cookie = format!(
                "{LOGIN_COOKIE}={token}; HttpOnly; SameSite=Lax; Path=/; Max-Age={}{}",
                LOGIN_LIFETIME_MS / 1000,
                secure(&state)
            );
            let mut r = Redirect::to("/console").into_response();
            if let Ok(v) = cookie.parse() {
                r.headers_mut().append(header::SET_COOKIE, v);
            }
            r
        }
        Err(AuthError::BadCredentials) => login_form(
            &state,
            StatusCode::UNAUTHORIZED,
            Some("Wrong username or password."),
            username,
        ),
        Err(AuthError::Throttled(secs)) => {
            let msg = format!(
                "Too many failed sign-ins. Try again in {} minutes.",
                secs.div_ceil(60)
            );
            let mut r = login_form(&state, StatusCode::TOO_MANY_REQUESTS, Some(&msg), username);
            if let Ok(v) = secs.to_string().parse() {
                r.headers_mut().insert(header::RETRY_AFTER, v);
            }
            r
        }
        Err(AuthError::Store(e)) => super::error::HttpError::from(e).into_response(),
    }
}

/// `POST /console/logout` (a form with the CSRF token of the page).
pub async fn logout(State(state): State<AppState>, headers: HeaderMap) -> Response {
    // Logging out is harmless to forge, but the console sends its API header anyway.
    if let Some(token) = cookie_value(&headers, LOGIN_COOKIE) {
        if let Ok(Some(user)) = auth::user_of(state.store.as_ref(), &token).await {
            let _ = auth::logout(state.store.as_ref(), &token, user.id).await;
            state.hub.signed_out(user.id);
        }
    }
    let mut r = Redirect::to("/console").into_response();
    let cookie = format!("{LOGIN_COOKIE}=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0");
    if let Ok(v) = cookie.parse() {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    r
}

/// The form a user whose password an administrator set must fill before anything else.
fn password_form(
    state: &AppState,
    headers: &HeaderMap,
    status: StatusCode,
    error: Option<&str>,
) -> Response {
    let (csrf, cookie) = super::csrf::token_for(
        headers,
        "/console",
        state.settings.public_url.scheme() == "https",
    );
    match state.templates.render(
        "console_password.html",
        minijinja::context! { csrf => csrf, error => error },
    ) {
        Ok(html) => super::csrf::attach(
            (status, console_headers(), Html(html)).into_response(),
            cookie,
        ),
        Err(e) => super::error::HttpError::from(e).into_response(),
    }
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    confirm: String,
    #[serde(default)]
    csrf: String,
}

/// `POST /console/password`: the signed-in user sets a new password of their own.
pub async fn change_password(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<PasswordForm>,
) -> Response {
    let user = match cookie_value(&headers, LOGIN_COOKIE) {
        Some(token) => auth::user_of(state.store.as_ref(), &token)
            .await
            .ok()
            .flatten(),
        None => None,
    };
    let Some(user) = user else {
        return Redirect::to("/console").into_response();
    };
    if !super::csrf::verify(&headers, &form.csrf) {
        return password_form(
            &state,
            &headers,
            StatusCode::FORBIDDEN,
            Some("The form expired. Please try again."),
        );
    }
    let (current, hash) = (form.current.clone(), user.password_hash.clone());
    let ok = tokio::task::spawn_blocking(move || crate::domain::password::verify(&current, &hash))
        .await
        .unwrap_or(false);
    let problem = if !ok {
        Some("The current password is wrong.".to_string())
    } else if form.new != form.confirm {
        Some("The new passwords do not match.".to_string())
    } else if form.new == form.current {
        Some("Choose a password different from the current one.".to_string())
    } else {
        crate::domain::people::validate_password(&form.new)
            .err()
            .map(|m| format!("The new password is too weak: {m}."))
    };
    if let Some(p) = problem {
        return password_form(&state, &headers, StatusCode::BAD_REQUEST, Some(&p));
    }
    let new = form.new.clone();
    let hash = match tokio::task::spawn_blocking(move || crate::domain::password::hash(&new)).await
    {
        Ok(h) => h,
        Err(e) => return super::error::HttpError::internal(e).into_response(),
    };
    if let Err(e) = state.store.set_password(user.id, &hash, false).await {
        return super::error::HttpError::from(e).into_response();
    }
    Redirect::to("/console").into_response()
}
