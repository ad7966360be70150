//! The site settings administrators edit (name, allowed origins, timeouts, app store links):
//! reading them with their defaults, and checking them before they are saved.

use crate::domain::admin::{audit, invalid, text, AdminResult};
use crate::domain::settings;
use crate::store::Store;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The site settings administrators edit, with their current (or default) values.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct SiteSettings {
    pub site_name: String,
    /// Origins allowed to embed start_session.js, one per line; `*` for any.
    pub allowed_origins: String,
    pub session_key_max_lifetime_secs: i64,
    pub customer_connect_timeout_secs: i64,
    /// How long a download of the full client can join its session.
    #[serde(default = "default_client_ticket_ttl")]
    pub client_ticket_ttl_secs: i64,
    #[serde(default)]
    pub portal_issue_menu: bool,
    #[serde(default)]
    pub app_store_url_ios: String,
    #[serde(default)]
    pub app_store_url_android: String,
}

fn default_client_ticket_ttl() -> i64 {
    settings::DEFAULT_CLIENT_TICKET_TTL_SECS
}

pub async fn site_settings(store: &dyn Store) -> AdminResult<SiteSettings> {
    let get =
        |k: &'static str| async move { store.setting(k).await.map(|v| v.unwrap_or_default()) };
    Ok(SiteSettings {
        site_name: get("site_name").await?,
        allowed_origins: store
            .setting(settings::ALLOWED_ORIGINS)
            .await?
            .unwrap_or_else(|| "*".into()),
        session_key_max_lifetime_secs: settings::key_max_lifetime_secs(store).await?,
        customer_connect_timeout_secs: settings::customer_connect_timeout_secs(store).await?,
        client_ticket_ttl_secs: settings::client_ticket_ttl_secs(store).await?,
        portal_issue_menu: settings::portal_issue_menu(store).await?,
        app_store_url_ios: get("app_store_url_ios").await?,
        app_store_url_android: get("app_store_url_android").await?,
    })
}

fn origin_ok(o: &str) -> bool {
    o == "*"
        || url::Url::parse(o).is_ok_and(|u| {
            matches!(u.scheme(), "http" | "https")
                && u.host_str().is_some()
                && u.path() == "/"
                && o.trim_end_matches('/') == u.origin().ascii_serialization()
        })
}

fn store_url_ok(u: &str) -> bool {
    u.is_empty() || url::Url::parse(u).is_ok_and(|u| u.scheme() == "https")
}

pub async fn save_site_settings(
    store: &dyn Store,
    actor: &str,
    s: &SiteSettings,
) -> AdminResult<()> {
    let before = site_settings(store).await?;
    let name = text("site_name", &s.site_name, 100, false)?;
    let origins: Vec<&str> = s
        .allowed_origins
        .split(['\n', ','])
        .map(str::trim)
        .filter(|o| !o.is_empty())
        .collect();
    if let Some(bad) = origins.iter().find(|o| !origin_ok(o)) {
        return Err(invalid(
            "allowed_origins",
            format!("`{bad}` is not an origin like https://www.example.com"),
        ));
    }
    if !(60..=30 * 24 * 3600).contains(&s.session_key_max_lifetime_secs) {
        return Err(invalid(
            "session_key_max_lifetime_secs",
            "between 60 seconds and 30 days",
        ));
    }
    if !(30..=24 * 3600).contains(&s.customer_connect_timeout_secs) {
        return Err(invalid(
            "customer_connect_timeout_secs",
            "between 30 seconds and 24 hours",
        ));
    }
    if !(60..=24 * 3600).contains(&s.client_ticket_ttl_secs) {
        return Err(invalid(
            "client_ticket_ttl_secs",
            "between 60 seconds and 24 hours",
        ));
    }
    for (field, u) in [
        ("app_store_url_ios", &s.app_store_url_ios),
        ("app_store_url_android", &s.app_store_url_android),
    ] {
        if !store_url_ok(u.trim()) {
            return Err(invalid(field, "an https:// address"));
        }
    }
    let origins = if origins.is_empty() {
        "*".to_string()
    } else {
        origins.join("\n")
    };
    let values: BTreeMap<&str, String> = [
        ("site_name", name),
        (settings::ALLOWED_ORIGINS, origins),
        (
            settings::KEY_MAX_LIFETIME,
            s.session_key_max_lifetime_secs.to_string(),
        ),
        (
            settings::CUSTOMER_CONNECT_TIMEOUT,
            s.customer_connect_timeout_secs.to_string(),
        ),
        (
            settings::CLIENT_TICKET_TTL,
            s.client_ticket_ttl_secs.to_string(),
        ),
        (
            settings::PORTAL_ISSUE_MENU,
            if s.portal_issue_menu { "1" } else { "0" }.to_string(),
        ),
        ("app_store_url_ios", s.app_store_url_ios.trim().to_string()),
        (
            "app_store_url_android",
            s.app_store_url_android.trim().to_string(),
        ),
    ]
    .into_iter()
    .collect();
    for (k, v) in &values {
        store.set_setting(k, v).await?;
    }
    let after = site_settings(store).await?;
    audit(
        store,
        actor,
        "site.settings",
        "site".into(),
        Some(&before),
        Some(&after),
    )
    .await
}
