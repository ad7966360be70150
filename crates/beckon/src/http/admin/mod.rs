//! Administration pages under `/login` (the path the reference sends administrators to):
//! server-rendered forms over the functions of `domain::admin`.
//!
//! Every page needs a signed-in user with the administrator permission; every form carries
//! the double-submit CSRF token of `http::csrf`.

mod accounts;
mod api;
mod audit;
mod codes;
mod events;
pub mod forms;
mod issues;
mod page;
mod site;
mod teams;
mod user_actions;
mod users;

use super::rep::{cookie_value, LOGIN_COOKIE};
use crate::app::AppState;
use crate::domain::auth;
use crate::domain::people::User;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;

/// A signed-in administrator. Anyone else is sent to the sign-in form (then back here).
pub struct Admin {
    pub user: User,
}

impl Admin {
    /// How the audit log names this administrator.
    pub fn actor(&self) -> String {
        format!("user:{}", self.user.username)
    }
}

impl FromRequestParts<AppState> for Admin {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let user = match cookie_value(&parts.headers, LOGIN_COOKIE) {
            Some(token) => auth::user_of(state.store.as_ref(), &token)
                .await
                .ok()
                .flatten(),
            None => None,
        };
        match user {
            // A password set by an administrator is changed first, at /console.
            Some(u) if u.must_change_password => Err(Redirect::to("/console").into_response()),
            Some(u) if u.permissions.admin => Ok(Admin { user: u }),
            Some(_) => Err((
                StatusCode::FORBIDDEN,
                "This page needs the administrator permission.",
            )
                .into_response()),
            None => Err(Redirect::to("/console").into_response()),
        }
    }
}

/// The security headers of every administration page.
pub fn admin_headers() -> [(header::HeaderName, &'static str); 4] {
    [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
        ),
        (header::REFERRER_POLICY, "same-origin"),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::CACHE_CONTROL, "no-store"),
    ]
}

/// The routes nested under `/login`. Each form page answers GET with the form and POST with
/// the change; destructive actions have a confirmation page of their own.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(audit::index))
        .route("/audit", get(audit::audit))
        .route("/users", get(users::list))
        .route("/users/new", get(users::new_form).post(users::create))
        .route("/users/{id}", get(users::edit_form).post(users::update))
        .route(
            "/users/{id}/{action}",
            get(user_actions::confirm).post(user_actions::act),
        )
        .route("/teams", get(teams::list))
        .route("/teams/new", get(teams::new_form).post(teams::create))
        .route("/teams/{id}", get(teams::edit_form).post(teams::update))
        .route(
            "/teams/{id}/delete",
            get(teams::delete_confirm).post(teams::delete),
        )
        .route("/issues", get(issues::list))
        .route("/issues/new", get(issues::new_form).post(issues::create))
        .route("/issues/{id}", get(issues::edit_form).post(issues::update))
        .route(
            "/issues/{id}/delete",
            get(issues::delete_confirm).post(issues::delete),
        )
        .route("/skills", get(codes::skills))
        .route(
            "/skills/new",
            get(codes::skill_new).post(codes::skill_create),
        )
        .route(
            "/skills/{id}",
            get(codes::skill_edit).post(codes::skill_update),
        )
        .route(
            "/skills/{id}/delete",
            get(codes::skill_confirm).post(codes::skill_delete),
        )
        .route("/api", get(api::index))
        .route("/api/settings", axum::routing::post(api::save_settings))
        .route(
            "/api/accounts/new",
            get(accounts::new_form).post(accounts::create),
        )
        .route(
            "/api/accounts/{id}",
            get(accounts::edit_form).post(accounts::update),
        )
        .route(
            "/api/accounts/{id}/{action}",
            get(accounts::confirm).post(accounts::act),
        )
        .route(
            "/api/fields/new",
            get(codes::field_new).post(codes::field_create),
        )
        .route(
            "/api/fields/{id}",
            get(codes::field_edit).post(codes::field_update),
        )
        .route(
            "/api/fields/{id}/delete",
            get(codes::field_confirm).post(codes::field_delete),
        )
        .route(
            "/languages",
            get(site::languages).post(site::save_languages),
        )
        .route("/site", get(site::site_form).post(site::save_site))
        .route("/events", get(events::list))
        .route("/events/new", get(events::new_form).post(events::create))
        .route("/events/{id}", get(events::edit_form).post(events::update))
        .route(
            "/events/{id}/delete",
            get(events::delete_confirm).post(events::delete),
        )
}
