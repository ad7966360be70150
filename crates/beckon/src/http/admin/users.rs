//! Users & Security: the user list, create and edit forms, and the confirmations of disable,
//! delete and password reset.

use super::forms::{
    form_errors, see_other, strings, utc, AdminPage, Choice, FormData, FormErrors, Posted,
};
use crate::domain::admin::users::{self, UserDetails, UserForm};
use crate::domain::ids::UserId;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::context;
use serde::Serialize;

#[derive(Serialize)]
struct Row {
    id: i64,
    username: String,
    public_display_name: String,
    private_display_name: String,
    roles: Vec<&'static str>,
    enabled: bool,
    must_change_password: bool,
    last_sign_in: String,
}

/// `GET /login/users`.
pub async fn list(page: AdminPage) -> Response {
    let users = match page.store().list_users().await {
        Ok(u) => u,
        Err(e) => return page.error(e.into()),
    };
    let rows: Vec<Row> = users
        .into_iter()
        .map(|u| {
            let p = u.permissions;
            let roles = [
                (p.admin, "Administrator"),
                (p.support, "Support"),
                (p.generate_keys, "Session keys"),
                (p.command_api, "Command API"),
            ]
            .into_iter()
            .filter_map(|(on, name)| on.then_some(name))
            .collect();
            Row {
                id: u.id.0,
                username: u.username,
                public_display_name: u.public_display_name,
                private_display_name: u.private_display_name,
                roles,
                enabled: u.enabled,
                must_change_password: u.must_change_password,
                last_sign_in: u.last_authentication.map(utc).unwrap_or_default(),
            }
        })
        .collect();
    page.render(
        "admin/users.html",
        context! { section => "users", users => rows },
    )
}

/// The user form as posted. `enabled` comes from the form only when creating; an existing
/// user is disabled through its own confirmation page.
fn form_of(f: &FormData, enabled: bool) -> UserForm {
    UserForm {
        username: f.get("username").to_string(),
        public_display_name: f.get("public_display_name").to_string(),
        private_display_name: f.get("private_display_name").to_string(),
        email_address: f.get("email_address").to_string(),
        admin: f.checked("admin"),
        support: f.checked("support"),
        generate_keys: f.checked("generate_keys"),
        command_api: f.checked("command_api"),
        enabled,
        teams: f.ids("teams"),
        skills: f.ids("skills"),
    }
}

/// The form of an existing user, with skill code names turned into ids.
pub(super) async fn form_from(page: &AdminPage, d: &UserDetails) -> Result<UserForm, Response> {
    let skills = page
        .store()
        .list_skills()
        .await
        .map_err(|e| page.error(e.into()))?;
    let u = &d.user;
    Ok(UserForm {
        username: u.username.clone(),
        public_display_name: u.public_display_name.clone(),
        private_display_name: u.private_display_name.clone(),
        email_address: u.email_address.clone(),
        admin: u.permissions.admin,
        support: u.permissions.support,
        generate_keys: u.permissions.generate_keys,
        command_api: u.permissions.command_api,
        enabled: u.enabled,
        teams: d.teams.iter().map(|t| t.0).collect(),
        skills: skills
            .iter()
            .filter(|s| d.skills.contains(&s.code_name))
            .map(|s| s.id.0)
            .collect(),
    })
}

/// Renders the create (`id` None) or edit form.
async fn form_page(
    page: &AdminPage,
    status: StatusCode,
    id: Option<i64>,
    form: &UserForm,
    fe: FormErrors,
) -> Response {
    let store = page.store();
    let (teams, skills) = match (store.list_teams().await, store.list_skills().await) {
        (Ok(t), Ok(s)) => (t, s),
        (Err(e), _) | (_, Err(e)) => return page.error(e.into()),
    };
    let teams: Vec<Choice> = teams
        .iter()
        .map(|t| Choice::new(t.id, t.name.clone()))
        .collect();
    let skills: Vec<Choice> = skills
        .iter()
        .map(|s| Choice::new(s.id, format!("{} ({})", s.display_name, s.code_name)))
        .collect();
    page.render_status(
        status,
        "admin/user_form.html",
        context! {
            section => "users",
            id => id,
            u => form,
            teams => teams,
            skills => skills,
            sel_teams => strings(&form.teams),
            sel_skills => strings(&form.skills),
            fe => fe,
        },
    )
}

/// `GET /login/users/new`.
pub async fn new_form(page: AdminPage) -> Response {
    let form = UserForm {
        support: true,
        generate_keys: true,
        enabled: true,
        ..Default::default()
    };
    form_page(&page, StatusCode::OK, None, &form, FormErrors::default()).await
}

/// `POST /login/users/new`.
pub async fn create(page: AdminPage, Posted(f): Posted) -> Response {
    let form = form_of(&f, f.checked("enabled"));
    match users::create(page.store(), &page.actor(), &form, f.get("password")).await {
        Ok(_) => see_other("/login/users?created=1"),
        Err(e) => match form_errors(&page, e) {
            Ok(fe) => form_page(&page, StatusCode::UNPROCESSABLE_ENTITY, None, &form, fe).await,
            Err(r) => *r,
        },
    }
}

pub(super) async fn details(page: &AdminPage, id: i64) -> Result<UserDetails, Response> {
    users::details(page.store(), UserId(id))
        .await
        .map_err(|e| page.error(e))
}

/// `GET /login/users/{id}`.
pub async fn edit_form(page: AdminPage, Path(id): Path<i64>) -> Response {
    let d = match details(&page, id).await {
        Ok(d) => d,
        Err(r) => return r,
    };
    match form_from(&page, &d).await {
        Ok(form) => {
            form_page(
                &page,
                StatusCode::OK,
                Some(id),
                &form,
                FormErrors::default(),
            )
            .await
        }
        Err(r) => r,
    }
}

/// `POST /login/users/{id}`.
pub async fn update(page: AdminPage, Path(id): Path<i64>, Posted(f): Posted) -> Response {
    let d = match details(&page, id).await {
        Ok(d) => d,
        Err(r) => return r,
    };
    let form = form_of(&f, d.user.enabled);
    match users::update(page.store(), &page.actor(), UserId(id), &form).await {
        Ok(_) => see_other("/login/users?saved=1"),
        Err(e) => match form_errors(&page, e) {
            Ok(fe) => form_page(&page, StatusCode::UNPROCESSABLE_ENTITY, Some(id), &form, fe).await,
            Err(r) => *r,
        },
    }
}
