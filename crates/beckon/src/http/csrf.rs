//! Double-submit CSRF tokens for server-rendered forms: a random value in a `SameSite=Strict`
//! cookie that each form echoes in a hidden `csrf` field. A cross-site page can neither read
//! the cookie nor set it, so it cannot produce a matching pair.

use super::rep::cookie_value;
use crate::domain::tokens;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::Response;

pub const CSRF_COOKIE: &str = "beckon_csrf";

/// The token for a page: the request's own cookie when it has a good one, else a new one.
/// Returns the token and, when new, the cookie to set.
pub fn token_for(headers: &HeaderMap, path: &str, secure: bool) -> (String, Option<HeaderValue>) {
    if let Some(t) = cookie_value(headers, CSRF_COOKIE).filter(|t| tokens::is_well_formed(t)) {
        return (t, None);
    }
    let t = tokens::random_token();
    let secure = if secure { "; Secure" } else { "" };
    let cookie = format!("{CSRF_COOKIE}={t}; HttpOnly; SameSite=Strict; Path={path}{secure}");
    (t, HeaderValue::from_str(&cookie).ok())
}

/// Whether a submitted form's token matches the cookie.
pub fn verify(headers: &HeaderMap, submitted: &str) -> bool {
    cookie_value(headers, CSRF_COOKIE).is_some_and(|c| tokens::is_well_formed(&c) && c == submitted)
}

/// Adds the cookie (if any) to a response.
pub fn attach(mut response: Response, cookie: Option<HeaderValue>) -> Response {
    if let Some(c) = cookie {
        response.headers_mut().append(header::SET_COOKIE, c);
    }
    response
}
