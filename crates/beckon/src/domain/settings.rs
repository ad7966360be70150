//! Site settings an administrator changes at run time, with their defaults. Read from the
//! store on use, so that a change takes effect on every node without a restart.

use crate::store::{Store, StoreResult};

pub const KEY_MAX_LIFETIME: &str = "session_key_max_lifetime_secs";
pub const CUSTOMER_CONNECT_TIMEOUT: &str = "customer_connect_timeout_secs";
/// Origins allowed to call the session-start API from their pages, one per line; `*` = any.
pub const ALLOWED_ORIGINS: &str = "allowed_origins";
/// `0` when an administrator switched the integration APIs off (default: on).
pub const API_ENABLED: &str = "api_enabled";
/// `1` when the public portal shows the issue menu.
pub const PORTAL_ISSUE_MENU: &str = "portal_issue_menu";
/// How long a client ticket (a download of the full client) can join its session.
pub const CLIENT_TICKET_TTL: &str = "client_ticket_ttl_secs";

/// Longest lifetime a representative may give a session key (2 hours).
pub const DEFAULT_KEY_MAX_LIFETIME_SECS: i64 = 2 * 3600;
/// How long a started session waits for its customer's chat page or client (15 minutes: a
/// full client must be downloaded and run first).
pub const DEFAULT_CUSTOMER_CONNECT_TIMEOUT_SECS: i64 = 15 * 60;

/// 30 minutes: long enough to download and start the client on a slow line, short enough
/// that a forgotten download in the Downloads folder no longer joins anything.
pub const DEFAULT_CLIENT_TICKET_TTL_SECS: i64 = 30 * 60;

async fn int_setting(store: &dyn Store, key: &str, default: i64) -> StoreResult<i64> {
    Ok(store
        .setting(key)
        .await?
        .and_then(|v| v.parse().ok())
        .filter(|v: &i64| *v > 0)
        .unwrap_or(default))
}

pub async fn key_max_lifetime_secs(store: &dyn Store) -> StoreResult<i64> {
    int_setting(store, KEY_MAX_LIFETIME, DEFAULT_KEY_MAX_LIFETIME_SECS).await
}

pub async fn customer_connect_timeout_secs(store: &dyn Store) -> StoreResult<i64> {
    int_setting(
        store,
        CUSTOMER_CONNECT_TIMEOUT,
        DEFAULT_CUSTOMER_CONNECT_TIMEOUT_SECS,
    )
    .await
}

pub async fn client_ticket_ttl_secs(store: &dyn Store) -> StoreResult<i64> {
    int_setting(store, CLIENT_TICKET_TTL, DEFAULT_CLIENT_TICKET_TTL_SECS).await
}

/// Whether the public portal lists the support issues (off unless an administrator enables it).
pub async fn portal_issue_menu(store: &dyn Store) -> StoreResult<bool> {
    Ok(store.setting(PORTAL_ISSUE_MENU).await?.as_deref() == Some("1"))
}

/// Whether the integration APIs (OAuth2, command, reporting, configuration) answer.
pub async fn api_enabled(store: &dyn Store) -> StoreResult<bool> {
    Ok(store.setting(API_ENABLED).await?.as_deref() != Some("0"))
}

/// Whether a page's origin may call the session-start API, given the administrator's list
/// (one origin per line; `*` or no list means any).
pub fn origin_allowed(list: Option<&str>, origin: &str) -> bool {
    match list {
        None => true,
        Some(l) => l
            .lines()
            .map(|o| o.trim().trim_end_matches('/'))
            .any(|o| o == "*" || o.eq_ignore_ascii_case(origin)),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn origins() {
        assert!(super::origin_allowed(None, "https://a.example"));
        assert!(super::origin_allowed(Some("*"), "https://a.example"));
        assert!(super::origin_allowed(
            Some("https://a.example\nhttps://b.example/"),
            "https://b.example"
        ));
        assert!(!super::origin_allowed(
            Some("https://a.example"),
            "https://evil.example"
        ));
    }
}
