//! The page every administration handler answers with: the signed-in administrator, the CSRF
//! token of its forms, the success note of the redirect that led here, and the answers for
//! missing records and failures.

use super::forms::FormErrors;
use super::{admin_headers, Admin};
use crate::app::AppState;
use crate::domain::admin::AdminError;
use crate::http::csrf;
use crate::store::Store;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use minijinja::Value;

/// The path the CSRF cookie of these pages is scoped to.
const CSRF_PATH: &str = "/login";

/// A page for a signed-in administrator: renders templates with the CSRF token of the forms,
/// who is signed in, and the success note of the redirect that led here.
pub struct AdminPage {
    pub admin: Admin,
    pub state: AppState,
    csrf: String,
    cookie: Option<HeaderValue>,
    note: Option<&'static str>,
}

/// The fixed success notes a redirect may ask for (`?saved=1`); nothing else is echoed.
const NOTES: [(&str, &str); 8] = [
    ("saved", "Your changes were saved."),
    ("created", "Created."),
    ("deleted", "Deleted."),
    (
        "password",
        "The password was reset. The user must change it at their next sign-in.",
    ),
    (
        "disabled",
        "The user was disabled and signed out of routing.",
    ),
    ("enabled", "The user was enabled."),
    ("api", "The API setting was saved."),
    ("languages", "The languages were saved."),
];

fn note_of(query: Option<&str>) -> Option<&'static str> {
    let query = query?;
    form_urlencoded::parse(query.as_bytes()).find_map(|(k, v)| {
        (v == "1")
            .then(|| NOTES.iter().find(|(key, _)| *key == k).map(|(_, n)| *n))
            .flatten()
    })
}

impl FromRequestParts<AppState> for AdminPage {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let admin = Admin::from_request_parts(parts, state).await?;
        let secure = state.settings.public_url.scheme() == "https";
        let (csrf, cookie) = csrf::token_for(&parts.headers, CSRF_PATH, secure);
        Ok(AdminPage {
            admin,
            state: state.clone(),
            csrf,
            cookie,
            note: note_of(parts.uri.query()),
        })
    }
}

impl AdminPage {
    pub fn store(&self) -> &dyn Store {
        self.state.store.as_ref()
    }

    pub fn actor(&self) -> String {
        self.admin.actor()
    }

    /// Renders a page with 200 OK.
    pub fn render(&self, template: &str, ctx: Value) -> Response {
        self.render_status(StatusCode::OK, template, ctx)
    }

    /// Renders a page; the page's own values win over the common ones.
    pub fn render_status(&self, status: StatusCode, template: &str, ctx: Value) -> Response {
        let common = minijinja::context! {
            csrf => &self.csrf,
            me => &self.admin.user,
            note => self.note,
            fe => FormErrors::default(),
        };
        let ctx = minijinja::context! { ..ctx, ..common };
        match self.state.templates.render(template, ctx) {
            Ok(html) => csrf::attach(
                (status, admin_headers(), Html(html)).into_response(),
                self.cookie.clone(),
            ),
            Err(e) => internal(e),
        }
    }

    /// A short page with a title and a message (not found, refused).
    pub fn message(&self, status: StatusCode, title: &str, message: &str) -> Response {
        self.render_status(
            status,
            "admin/message.html",
            minijinja::context! { title => title, message => message },
        )
    }

    pub fn not_found(&self, what: &str) -> Response {
        self.message(
            StatusCode::NOT_FOUND,
            "Not found",
            &format!(
                "{} was not found. It may have been deleted.",
                capitalize(what)
            ),
        )
    }

    /// The answer to a domain error that is not about a field: not found, or a failure.
    pub fn error(&self, e: AdminError) -> Response {
        match e {
            AdminError::NotFound(what) => self.not_found(what),
            AdminError::Refused(m) => {
                self.message(StatusCode::CONFLICT, "Refused", &capitalize(&m))
            }
            AdminError::Invalid { message, .. } => {
                self.message(StatusCode::BAD_REQUEST, "Invalid", &capitalize(&message))
            }
            AdminError::Store(e) => internal(e),
        }
    }
}

/// A logged 500 answer that shows no detail.
pub fn internal(e: impl std::fmt::Display) -> Response {
    tracing::error!(error = %e, "administration page failed");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        admin_headers(),
        "Something went wrong. The error was logged.",
    )
        .into_response()
}

/// A 303 back to a page after a successful change.
pub fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

pub fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_are_fixed_texts() {
        assert_eq!(note_of(Some("saved=1")), Some("Your changes were saved."));
        assert_eq!(note_of(Some("saved=<b>")), None);
        assert_eq!(note_of(Some("anything=1")), None);
        assert_eq!(note_of(None), None);
    }
}
