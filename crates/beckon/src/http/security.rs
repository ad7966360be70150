//! Security headers that hold for every answer, and the chat page's framing policy.
//!
//! Each page family sets its own CSP and Referrer-Policy (`pages`, `console`, `admin`,
//! `portal`, `download`); the layer here adds `X-Content-Type-Options: nosniff` and a
//! Referrer-Policy to whatever did not, so that no answer (an asset, a JSON error, the demo
//! page) goes without them, and marks cookies `Secure` when the request came over HTTPS.

use crate::server::Scheme;
use crate::store::Store;
use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

/// The CSP of the click-to-chat page. Websites may show the chat in a frame of their own
/// pages, so it may be framed by the site itself and by the administrator's allowed origins;
/// nothing else (the console and the administration stay `frame-ancestors 'none'`). A `*` in
/// that list, or no list, opens CORS to every site but not framing: a frame lends the page's
/// clicks to the framing site, which is more than a credential-less CORS answer gives.
pub async fn chat_page_csp(store: &dyn Store) -> String {
    let list = store
        .setting(crate::domain::settings::ALLOWED_ORIGINS)
        .await
        .ok()
        .flatten()
        .unwrap_or_default();
    let mut ancestors = vec!["'self'".to_string()];
    ancestors.extend(list.lines().filter_map(origin_for_csp));
    format!(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors {}; base-uri 'none'; form-action 'self'",
        ancestors.join(" ")
    )
}

/// An origin as a CSP source, re-serialized from its parts so that nothing stored (a `;`, a
/// quote, a path) can add a directive: only `http(s)://host[:port]` comes out.
fn origin_for_csp(entry: &str) -> Option<String> {
    let url = url::Url::parse(entry.trim()).ok()?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return None;
    }
    match url.origin() {
        o @ url::Origin::Tuple(..) => Some(o.ascii_serialization()),
        url::Origin::Opaque(_) => None,
    }
}

/// The Referrer-Policy of answers that set none: the browsers' default, said explicitly.
const DEFAULT_REFERRER_POLICY: &str = "strict-origin-when-cross-origin";

/// Adds the headers every answer must have, and `Secure` to cookies sent over HTTPS (the
/// handlers mark them from the public URL; a site reached over HTTPS through a trusted proxy
/// or Beckon's own TLS gets them marked even when the public URL was left at its default).
pub async fn common_headers(request: Request, next: Next) -> Response {
    let https = request.extensions().get::<Scheme>() == Some(&Scheme::Https);
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers
        .entry(header::X_CONTENT_TYPE_OPTIONS)
        .or_insert(HeaderValue::from_static("nosniff"));
    headers
        .entry(header::REFERRER_POLICY)
        .or_insert(HeaderValue::from_static(DEFAULT_REFERRER_POLICY));
    if https {
        let cookies: Vec<HeaderValue> = headers
            .get_all(header::SET_COOKIE)
            .iter()
            .map(secure_cookie)
            .collect();
        if !cookies.is_empty() {
            headers.remove(header::SET_COOKIE);
            for c in cookies {
                headers.append(header::SET_COOKIE, c);
            }
        }
    }
    response
}

fn secure_cookie(cookie: &HeaderValue) -> HeaderValue {
    let text = cookie.to_str().unwrap_or_default();
    let marked = text
        .split(';')
        .any(|attr| attr.trim().eq_ignore_ascii_case("secure"));
    if marked || text.is_empty() {
        return cookie.clone();
    }
    HeaderValue::from_str(&format!("{text}; Secure")).unwrap_or_else(|_| cookie.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_clean_origins_reach_the_csp() {
        assert_eq!(
            origin_for_csp("https://shop.example/"),
            Some("https://shop.example".into())
        );
        assert_eq!(
            origin_for_csp(" http://shop.example:8080 "),
            Some("http://shop.example:8080".into())
        );
        assert_eq!(origin_for_csp("https://x.example; script-src *"), None);
        assert_eq!(
            origin_for_csp("https://x.example/;script-src"),
            Some("https://x.example".into())
        );
        assert_eq!(origin_for_csp("*"), None);
        assert_eq!(origin_for_csp("javascript:alert(1)"), None);
        assert_eq!(origin_for_csp("'unsafe-inline'"), None);
    }

    #[test]
    fn cookies_are_marked_secure_once() {
        let c = HeaderValue::from_static("a=1; HttpOnly; SameSite=Lax");
        assert_eq!(secure_cookie(&c), "a=1; HttpOnly; SameSite=Lax; Secure");
        let s = HeaderValue::from_static("a=1; Secure; HttpOnly");
        assert_eq!(secure_cookie(&s), s);
    }
}
