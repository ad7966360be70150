//! API configuration: the "Enable the API" switch, and the lists of API accounts (see
//! `accounts`) and custom fields (see `codes`).

use super::codes::{items, Kind};
use super::forms::{see_other, utc, AdminPage, Posted};
use crate::domain::admin;
use axum::response::Response;
use minijinja::context;
use serde::Serialize;

/// The site setting of the switch: "1" or "0"; the API is enabled unless set to "0".
pub use crate::domain::settings::API_ENABLED;

pub(super) const PERMISSIONS: [(&str, &str); 3] = [
    ("none", "None"),
    ("read_only", "Read only"),
    ("full", "Full access"),
];

fn permission_label(v: &str) -> &'static str {
    PERMISSIONS
        .iter()
        .find(|(k, _)| *k == v)
        .map_or("", |(_, l)| l)
}

#[derive(Serialize)]
struct Row {
    id: i64,
    name: String,
    client_id: String,
    command: &'static str,
    reporting: bool,
    enabled: bool,
    created: String,
}

/// `GET /login/api`.
pub async fn index(page: AdminPage) -> Response {
    let store = page.store();
    let (accounts, enabled) = match (
        store.list_api_accounts().await,
        store.setting(API_ENABLED).await,
    ) {
        (Ok(a), Ok(s)) => (a, s.as_deref() != Some("0")),
        (Err(e), _) | (_, Err(e)) => return page.error(e.into()),
    };
    let fields = match items(&page, Kind::Field).await {
        Ok(f) => f,
        Err(r) => return r,
    };
    let rows: Vec<Row> = accounts
        .into_iter()
        .map(|a| Row {
            id: a.id.0,
            command: permission_label(a.command_permission.as_str()),
            name: a.name,
            client_id: a.client_id,
            reporting: a.reporting,
            enabled: a.enabled,
            created: utc(a.created_at),
        })
        .collect();
    page.render(
        "admin/api.html",
        context! { section => "api", api_enabled => enabled, accounts => rows, fields => fields },
    )
}

/// `POST /login/api/settings`: the "Enable the API" switch.
pub async fn save_settings(page: AdminPage, Posted(f): Posted) -> Response {
    let store = page.store();
    let value = if f.checked("api_enabled") { "1" } else { "0" };
    let before = match store.setting(API_ENABLED).await {
        Ok(b) => b.unwrap_or_else(|| "1".into()),
        Err(e) => return page.error(e.into()),
    };
    if let Err(e) = store.set_setting(API_ENABLED, value).await {
        return page.error(e.into());
    }
    let target = format!("setting:{API_ENABLED}");
    match admin::audit(
        store,
        &page.actor(),
        "site.api_enabled",
        target,
        Some(&before),
        Some(&value),
    )
    .await
    {
        Ok(()) => see_other("/login/api?api=1"),
        Err(e) => page.error(e),
    }
}
