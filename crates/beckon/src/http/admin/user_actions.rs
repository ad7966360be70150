//! Users & Security: the confirmation pages of disable, delete and password reset, and the
//! posts that perform them (and enable).

use super::forms::{form_errors, see_other, AdminPage, FormErrors, Posted};
use super::users::{details, form_from};
use crate::domain::admin::users::{self, UserDetails};
use crate::domain::ids::UserId;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::context;

/// The confirmations of this page: (title, question, button, password field?).
fn confirm_texts(kind: &str, who: &str) -> (String, String, &'static str, bool) {
    match kind {
        "delete" => (
            format!("Delete {who}?"),
            format!("Are you sure you want to delete the user {who}? Their past sessions keep their history. This cannot be undone."),
            "Delete user",
            false,
        ),
        "disable" => (
            format!("Disable {who}?"),
            format!("Are you sure you want to disable the user {who}? They can no longer sign in and are signed out of routing at once."),
            "Disable user",
            false,
        ),
        "enable" => (
            format!("Enable {who}?"),
            format!("Enable the user {who} again?"),
            "Enable user",
            false,
        ),
        _ => (
            format!("Reset the password of {who}?"),
            format!("Are you sure you want to set a new password for {who}? Their current password stops working."),
            "Reset password",
            true,
        ),
    }
}

fn confirm_page(
    page: &AdminPage,
    status: StatusCode,
    kind: &str,
    d: &UserDetails,
    fe: FormErrors,
) -> Response {
    let (title, question, button, password_field) = confirm_texts(kind, &d.user.username);
    let id = d.user.id;
    page.render_status(
        status,
        "admin/confirm.html",
        context! {
            section => "users",
            title => title,
            question => question,
            confirm_label => button,
            password_field => password_field,
            action => format!("/login/users/{id}/{kind}"),
            cancel => format!("/login/users/{id}"),
            fe => fe,
        },
    )
}

/// `GET /login/users/{id}/{delete|disable|password}`.
pub async fn confirm(page: AdminPage, Path((id, kind)): Path<(i64, String)>) -> Response {
    if !matches!(kind.as_str(), "delete" | "disable" | "password") {
        return page.not_found("this page");
    }
    match details(&page, id).await {
        Ok(d) => confirm_page(&page, StatusCode::OK, &kind, &d, FormErrors::default()),
        Err(r) => r,
    }
}

/// `POST /login/users/{id}/{delete|disable|enable|password}`.
pub async fn act(
    page: AdminPage,
    Path((id, kind)): Path<(i64, String)>,
    Posted(f): Posted,
) -> Response {
    let d = match details(&page, id).await {
        Ok(d) => d,
        Err(r) => return r,
    };
    let (store, actor, uid) = (page.store(), page.actor(), UserId(id));
    let result = match kind.as_str() {
        "delete" => users::delete(store, &actor, uid).await.map(|_| "deleted"),
        "password" => users::reset_password(store, &actor, uid, f.get("password"))
            .await
            .map(|_| "password"),
        "disable" | "enable" => {
            let mut form = match form_from(&page, &d).await {
                Ok(form) => form,
                Err(r) => return r,
            };
            form.enabled = kind == "enable";
            users::update(store, &actor, uid, &form).await.map(|_| {
                if form.enabled {
                    "enabled"
                } else {
                    "disabled"
                }
            })
        }
        _ => return page.not_found("this page"),
    };
    match result {
        Ok(note) => see_other(&format!("/login/users?{note}=1")),
        Err(e) => match form_errors(&page, e) {
            Ok(fe) => confirm_page(&page, StatusCode::UNPROCESSABLE_ENTITY, &kind, &d, fe),
            Err(r) => *r,
        },
    }
}
