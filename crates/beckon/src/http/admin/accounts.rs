//! API accounts: create, edit, regenerate the secret and delete. The secret is shown once, in
//! the answer to the create or regenerate post, and never again (only its hash is stored).

use super::api::PERMISSIONS;
use super::forms::{form_errors, see_other, AdminPage, Choice, FormErrors, Posted};
use crate::domain::admin::{site, AdminError};
use crate::domain::api_account::ApiAccount;
use crate::domain::ids::ApiAccountId;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::context;
use serde::Serialize;

/// What the account form shows.
#[derive(Serialize)]
struct Shown {
    name: String,
    command_permission: String,
    reporting: bool,
    enabled: bool,
    client_id: String,
}

fn form_page(
    page: &AdminPage,
    status: StatusCode,
    id: Option<i64>,
    a: &Shown,
    fe: FormErrors,
) -> Response {
    let perms: Vec<Choice> = PERMISSIONS
        .iter()
        .map(|(v, l)| Choice::new(v, *l))
        .collect();
    page.render_status(
        status,
        "admin/api_account_form.html",
        context! { section => "api", id => id, a => a, perms => perms, fe => fe },
    )
}

/// `GET /login/api/accounts/new`.
pub async fn new_form(page: AdminPage) -> Response {
    let shown = Shown {
        name: String::new(),
        command_permission: "none".into(),
        reporting: false,
        enabled: true,
        client_id: String::new(),
    };
    form_page(&page, StatusCode::OK, None, &shown, FormErrors::default())
}

/// The page that shows a secret, once.
fn secret_page(page: &AdminPage, account: &ApiAccount, secret: &str, created: bool) -> Response {
    page.render(
        "admin/api_secret.html",
        context! {
            section => "api",
            id => account.id.0,
            name => &account.name,
            client_id => &account.client_id,
            secret => secret,
            created => created,
        },
    )
}

/// `POST /login/api/accounts/new`: answers with the new credentials.
pub async fn create(page: AdminPage, Posted(f): Posted) -> Response {
    let shown = Shown {
        name: f.get("name").into(),
        command_permission: f.get("command_permission").into(),
        reporting: f.checked("reporting"),
        enabled: true,
        client_id: String::new(),
    };
    let r = site::create_api_account(
        page.store(),
        &page.actor(),
        &shown.name,
        &shown.command_permission,
        shown.reporting,
    )
    .await;
    match r {
        Ok(c) => secret_page(&page, &c.account, &c.client_secret, true),
        Err(e) => match form_errors(&page, e) {
            Ok(fe) => form_page(&page, StatusCode::UNPROCESSABLE_ENTITY, None, &shown, fe),
            Err(r) => *r,
        },
    }
}

async fn account(page: &AdminPage, id: i64) -> Result<ApiAccount, Response> {
    match page.store().list_api_accounts().await {
        Ok(list) => list
            .into_iter()
            .find(|a| a.id.0 == id)
            .ok_or_else(|| page.not_found("the API account")),
        Err(e) => Err(page.error(e.into())),
    }
}

/// `GET /login/api/accounts/{id}`.
pub async fn edit_form(page: AdminPage, Path(id): Path<i64>) -> Response {
    match account(&page, id).await {
        Ok(a) => {
            let shown = Shown {
                command_permission: a.command_permission.as_str().into(),
                name: a.name,
                reporting: a.reporting,
                enabled: a.enabled,
                client_id: a.client_id,
            };
            form_page(
                &page,
                StatusCode::OK,
                Some(id),
                &shown,
                FormErrors::default(),
            )
        }
        Err(r) => r,
    }
}

/// `POST /login/api/accounts/{id}`.
pub async fn update(page: AdminPage, Path(id): Path<i64>, Posted(f): Posted) -> Response {
    let a = match account(&page, id).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let shown = Shown {
        name: f.get("name").into(),
        command_permission: f.get("command_permission").into(),
        reporting: f.checked("reporting"),
        enabled: f.checked("enabled"),
        client_id: a.client_id,
    };
    let r = site::update_api_account(
        page.store(),
        &page.actor(),
        ApiAccountId(id),
        &shown.name,
        &shown.command_permission,
        shown.reporting,
        shown.enabled,
    )
    .await;
    match r {
        Ok(()) => see_other("/login/api?saved=1"),
        Err(e) => match form_errors(&page, e) {
            Ok(fe) => form_page(
                &page,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(id),
                &shown,
                fe,
            ),
            Err(r) => *r,
        },
    }
}

/// `GET /login/api/accounts/{id}/{regenerate|delete}`.
pub async fn confirm(page: AdminPage, Path((id, kind)): Path<(i64, String)>) -> Response {
    let a = match account(&page, id).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let (title, question, label) = match kind.as_str() {
        "regenerate" => (
            format!("Regenerate the secret of {}?", a.name),
            format!("Are you sure you want to replace the client secret of the API account {}? The current secret and the tokens issued with it stop working at once.", a.name),
            "Regenerate secret",
        ),
        "delete" => (
            format!("Delete the API account {}?", a.name),
            format!("Are you sure you want to delete the API account {}? Integrations using it stop working at once. This cannot be undone.", a.name),
            "Delete API account",
        ),
        _ => return page.not_found("this page"),
    };
    page.render(
        "admin/confirm.html",
        context! {
            section => "api",
            title => title,
            question => question,
            confirm_label => label,
            action => format!("/login/api/accounts/{id}/{kind}"),
            cancel => format!("/login/api/accounts/{id}"),
        },
    )
}

/// `POST /login/api/accounts/{id}/{regenerate|delete}`.
pub async fn act(
    page: AdminPage,
    Path((id, kind)): Path<(i64, String)>,
    Posted(_): Posted,
) -> Response {
    let a = match account(&page, id).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let (store, actor) = (page.store(), page.actor());
    let r: Result<Response, AdminError> = match kind.as_str() {
        "regenerate" => site::regenerate_api_secret(store, &actor, a.id)
            .await
            .map(|secret| secret_page(&page, &a, &secret, false)),
        "delete" => site::delete_api_account(store, &actor, a.id)
            .await
            .map(|()| see_other("/login/api?deleted=1")),
        _ => return page.not_found("this page"),
    };
    r.unwrap_or_else(|e| page.error(e))
}
