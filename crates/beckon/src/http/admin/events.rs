//! Outbound events: the endpoints that receive session events, with their shared secret
//! (write-only: never shown, kept when left blank on edit).

use super::forms::{form_errors, see_other, utc, AdminPage, Choice, FormData, FormErrors, Posted};
use crate::domain::admin::site;
use crate::domain::endpoint::{EventEndpoint, EVENT_NAMES};
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::context;
use serde::Serialize;

#[derive(Serialize)]
struct Row {
    id: i64,
    url: String,
    events: Vec<String>,
    enabled: bool,
    created: String,
    /// Delivery state: how many events were delivered, and the pending retry, if any.
    delivered: i64,
    attempts: i64,
    retry_at: String,
    last_error: String,
}

/// `GET /login/events`.
pub async fn list(page: AdminPage) -> Response {
    match page.store().list_endpoints().await {
        Ok(list) => {
            let mut rows = Vec::with_capacity(list.len());
            for e in list {
                let (_, attempts, next_at, delivered, last_error) =
                    page.store().endpoint_state(e.id).await.unwrap_or_default();
                rows.push(Row {
                    id: e.id,
                    url: e.url,
                    events: e.events,
                    enabled: e.enabled,
                    created: utc(e.created_at),
                    delivered,
                    attempts,
                    retry_at: if attempts > 0 {
                        utc(next_at)
                    } else {
                        String::new()
                    },
                    last_error,
                });
            }
            page.render(
                "admin/events.html",
                context! { section => "events", endpoints => rows },
            )
        }
        Err(e) => page.error(e.into()),
    }
}

#[derive(Serialize)]
struct Shown {
    url: String,
    events: Vec<String>,
    enabled: bool,
}

fn form_page(
    page: &AdminPage,
    status: StatusCode,
    id: Option<i64>,
    e: &Shown,
    fe: FormErrors,
) -> Response {
    let events: Vec<Choice> = EVENT_NAMES.iter().map(|n| Choice::new(n, *n)).collect();
    page.render_status(
        status,
        "admin/event_form.html",
        context! { section => "events", id => id, e => e, events => events, fe => fe },
    )
}

/// `GET /login/events/new`.
pub async fn new_form(page: AdminPage) -> Response {
    let shown = Shown {
        url: String::new(),
        events: EVENT_NAMES.iter().map(|s| s.to_string()).collect(),
        enabled: true,
    };
    form_page(&page, StatusCode::OK, None, &shown, FormErrors::default())
}

async fn endpoint(page: &AdminPage, id: i64) -> Result<EventEndpoint, Response> {
    match page.store().list_endpoints().await {
        Ok(list) => list
            .into_iter()
            .find(|e| e.id == id)
            .ok_or_else(|| page.not_found("the endpoint")),
        Err(e) => Err(page.error(e.into())),
    }
}

/// `GET /login/events/{id}`.
pub async fn edit_form(page: AdminPage, Path(id): Path<i64>) -> Response {
    match endpoint(&page, id).await {
        Ok(e) => {
            let shown = Shown {
                url: e.url,
                events: e.events,
                enabled: e.enabled,
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

async fn save(page: AdminPage, id: Option<i64>, f: FormData) -> Response {
    let shown = Shown {
        url: f.get("url").into(),
        events: f.all("events"),
        enabled: f.checked("enabled"),
    };
    let secret = f.get("secret");
    let (store, actor) = (page.store(), page.actor());
    let r = match id {
        None => site::create_endpoint(store, &actor, &shown.url, &shown.events, secret)
            .await
            .map(|_| ()),
        Some(id) => {
            let new_secret = (!secret.is_empty()).then_some(secret);
            site::update_endpoint(
                store,
                &actor,
                id,
                &shown.url,
                &shown.events,
                shown.enabled,
                new_secret,
            )
            .await
        }
    };
    match r {
        Ok(()) => see_other(if id.is_some() {
            "/login/events?saved=1"
        } else {
            "/login/events?created=1"
        }),
        Err(e) => match form_errors(&page, e) {
            Ok(fe) => form_page(&page, StatusCode::UNPROCESSABLE_ENTITY, id, &shown, fe),
            Err(r) => *r,
        },
    }
}

/// `POST /login/events/new`.
pub async fn create(page: AdminPage, Posted(f): Posted) -> Response {
    save(page, None, f).await
}

/// `POST /login/events/{id}`.
pub async fn update(page: AdminPage, Path(id): Path<i64>, Posted(f): Posted) -> Response {
    save(page, Some(id), f).await
}

/// `GET /login/events/{id}/delete`.
pub async fn delete_confirm(page: AdminPage, Path(id): Path<i64>) -> Response {
    let e = match endpoint(&page, id).await {
        Ok(e) => e,
        Err(r) => return r,
    };
    page.render(
        "admin/confirm.html",
        context! {
            section => "events",
            title => "Delete this endpoint?",
            question => format!("Are you sure you want to delete the endpoint {}? It stops receiving events at once. This cannot be undone.", e.url),
            confirm_label => "Delete endpoint",
            action => format!("/login/events/{id}/delete"),
            cancel => format!("/login/events/{id}"),
        },
    )
}

/// `POST /login/events/{id}/delete`.
pub async fn delete(page: AdminPage, Path(id): Path<i64>, Posted(_): Posted) -> Response {
    match site::delete_endpoint(page.store(), &page.actor(), id).await {
        Ok(()) => see_other("/login/events?deleted=1"),
        Err(e) => page.error(e),
    }
}
