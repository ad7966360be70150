//! Languages, site settings, API accounts and outbound event endpoints.

use super::{audit, invalid, text, AdminError, AdminResult};
use crate::domain::api_account::{self, ApiAccount, CommandPermission, NewApiAccount};
use crate::domain::endpoint::{EventEndpoint, EVENT_NAMES};
use crate::domain::ids::ApiAccountId;
use crate::domain::locale::Locale;
use crate::domain::{password, settings};
use crate::store::Store;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Enables or disables a language; the default language cannot be disabled.
pub async fn set_language(
    store: &dyn Store,
    actor: &str,
    locale: Locale,
    enabled: bool,
) -> AdminResult<()> {
    let langs = store.languages().await?;
    let before = langs.iter().find(|l| l.locale == locale).cloned();
    if !enabled && before.as_ref().is_some_and(|l| l.is_default) {
        return Err(invalid(
            "enabled",
            format!(
                "{} is the default language; choose another default first",
                locale.info().english_name
            ),
        ));
    }
    store.set_language(locale, enabled).await?;
    audit(
        store,
        actor,
        "language.set",
        format!("language:{locale}"),
        before.as_ref(),
        Some(&enabled),
    )
    .await
}

/// Makes a language the default (enabling it).
pub async fn set_default_language(
    store: &dyn Store,
    actor: &str,
    locale: Locale,
) -> AdminResult<()> {
    let before = store
        .languages()
        .await?
        .into_iter()
        .find(|l| l.is_default)
        .map(|l| l.locale);
    store.set_default_language(locale).await?;
    audit(
        store,
        actor,
        "language.default",
        format!("language:{locale}"),
        before.as_ref(),
        Some(&locale),
    )
    .await
}

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

/// A new API account's credentials: the secret is returned once and stored only hashed.
pub struct NewCredentials {
    pub account: ApiAccount,
    pub client_secret: String,
}

impl std::fmt::Debug for NewCredentials {
    // The secret never reaches a log line, even through Debug.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewCredentials")
            .field("account", &self.account)
            .field("client_secret", &"<redacted>")
            .finish()
    }
}

async fn hash(secret: &str) -> AdminResult<String> {
    let s = secret.to_string();
    tokio::task::spawn_blocking(move || password::hash(&s))
        .await
        .map_err(|e| AdminError::Refused(e.to_string()))
}

fn permission(v: &str) -> AdminResult<CommandPermission> {
    CommandPermission::parse(v)
        .ok_or_else(|| invalid("command_permission", "none, read_only or full"))
}

pub async fn create_api_account(
    store: &dyn Store,
    actor: &str,
    name: &str,
    command: &str,
    reporting: bool,
) -> AdminResult<NewCredentials> {
    let name = text("name", name, 100, true)?;
    let command_permission = permission(command)?;
    let (client_id, client_secret) = api_account::generate_credentials();
    let account = store
        .create_api_account(NewApiAccount {
            name,
            client_id,
            secret_hash: hash(&client_secret).await?,
            command_permission,
            reporting,
        })
        .await?;
    audit(
        store,
        actor,
        "api_account.create",
        format!("api_account:{}", account.id),
        None::<&()>,
        Some(&account),
    )
    .await?;
    Ok(NewCredentials {
        account,
        client_secret,
    })
}

async fn account(store: &dyn Store, id: ApiAccountId) -> AdminResult<ApiAccount> {
    store
        .list_api_accounts()
        .await?
        .into_iter()
        .find(|a| a.id == id)
        .ok_or(AdminError::NotFound("API account"))
}

pub async fn update_api_account(
    store: &dyn Store,
    actor: &str,
    id: ApiAccountId,
    name: &str,
    command: &str,
    reporting: bool,
    enabled: bool,
) -> AdminResult<()> {
    let before = account(store, id).await?;
    let name = text("name", name, 100, true)?;
    store
        .update_api_account(id, &name, permission(command)?, reporting, enabled)
        .await?;
    let after = account(store, id).await?;
    audit(
        store,
        actor,
        "api_account.update",
        format!("api_account:{id}"),
        Some(&before),
        Some(&after),
    )
    .await
}

/// A new secret, shown once; tokens issued for the old one stop working.
pub async fn regenerate_api_secret(
    store: &dyn Store,
    actor: &str,
    id: ApiAccountId,
) -> AdminResult<String> {
    account(store, id).await?;
    let (_, secret) = api_account::generate_credentials();
    store.replace_api_secret(id, &hash(&secret).await?).await?;
    audit(
        store,
        actor,
        "api_account.regenerate_secret",
        format!("api_account:{id}"),
        None::<&()>,
        None::<&()>,
    )
    .await?;
    Ok(secret)
}

pub async fn delete_api_account(
    store: &dyn Store,
    actor: &str,
    id: ApiAccountId,
) -> AdminResult<()> {
    let before = account(store, id).await?;
    store.delete_api_account(id).await?;
    audit(
        store,
        actor,
        "api_account.delete",
        format!("api_account:{id}"),
        Some(&before),
        None::<&()>,
    )
    .await
}

fn check_endpoint(url: &str, events: &[String]) -> AdminResult<(String, Vec<String>)> {
    let url = url.trim();
    let parsed =
        url::Url::parse(url).map_err(|_| invalid("url", "an http:// or https:// address"))?;
    if !matches!(parsed.scheme(), "http" | "https")
        || parsed.host_str().is_none()
        || url.len() > 2000
    {
        return Err(invalid("url", "an http:// or https:// address"));
    }
    let mut chosen = Vec::new();
    for e in events {
        if !EVENT_NAMES.contains(&e.as_str()) {
            return Err(invalid("events", format!("unknown event `{e}`")));
        }
        if !chosen.contains(e) {
            chosen.push(e.clone());
        }
    }
    if chosen.is_empty() {
        return Err(invalid("events", "choose at least one event"));
    }
    Ok((url.to_string(), chosen))
}

fn check_secret(secret: &str) -> AdminResult<()> {
    if secret.len() < 16 || secret.len() > 256 {
        return Err(invalid("secret", "16 to 256 characters"));
    }
    Ok(())
}

pub async fn create_endpoint(
    store: &dyn Store,
    actor: &str,
    url: &str,
    events: &[String],
    secret: &str,
) -> AdminResult<EventEndpoint> {
    let (url, events) = check_endpoint(url, events)?;
    check_secret(secret)?;
    let ep = store.create_endpoint(&url, &events, secret).await?;
    audit(
        store,
        actor,
        "endpoint.create",
        format!("endpoint:{}", ep.id),
        None::<&()>,
        Some(&ep),
    )
    .await?;
    Ok(ep)
}

pub async fn update_endpoint(
    store: &dyn Store,
    actor: &str,
    id: i64,
    url: &str,
    events: &[String],
    enabled: bool,
    new_secret: Option<&str>,
) -> AdminResult<()> {
    let before = store
        .list_endpoints()
        .await?
        .into_iter()
        .find(|e| e.id == id)
        .ok_or(AdminError::NotFound("endpoint"))?;
    let (url, events) = check_endpoint(url, events)?;
    if let Some(s) = new_secret {
        check_secret(s)?;
    }
    store
        .update_endpoint(id, &url, &events, enabled, new_secret)
        .await?;
    let after = store
        .list_endpoints()
        .await?
        .into_iter()
        .find(|e| e.id == id);
    audit(
        store,
        actor,
        "endpoint.update",
        format!("endpoint:{id}"),
        Some(&before),
        after.as_ref(),
    )
    .await
}

pub async fn delete_endpoint(store: &dyn Store, actor: &str, id: i64) -> AdminResult<()> {
    let before = store
        .list_endpoints()
        .await?
        .into_iter()
        .find(|e| e.id == id)
        .ok_or(AdminError::NotFound("endpoint"))?;
    store.delete_endpoint(id).await?;
    audit(
        store,
        actor,
        "endpoint.delete",
        format!("endpoint:{id}"),
        Some(&before),
        None::<&()>,
    )
    .await
}
