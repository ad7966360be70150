//! Signing representatives in and out; login tokens are random and stored hashed.

use super::ids::UserId;
use super::people::User;
use super::time::now_ms;
use super::{password, tokens};
use crate::store::{Store, StoreError};

/// How long a login lasts (a working day and some).
pub const LOGIN_LIFETIME_MS: i64 = 12 * 3600 * 1000;

/// Failed sign-ins allowed per account, and per client address, within the window.
pub const ACCOUNT_FAILURE_LIMIT: i64 = 5;
pub const ADDRESS_FAILURE_LIMIT: i64 = 20;
pub const FAILURE_WINDOW_MS: i64 = 15 * 60 * 1000;

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    /// One message for unknown user, wrong password and disabled account: no account probing.
    #[error("wrong username or password")]
    BadCredentials,
    /// Too many failures for this account or from this address; retry after the seconds given.
    #[error("too many failed sign-ins; try again in {0} seconds")]
    Throttled(u64),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A dummy hash to verify against when the user does not exist, so that timing does not tell
/// whether a username is taken.
pub(crate) fn dummy_hash() -> &'static str {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| password::hash("not a real password"))
}

/// Fails with `Throttled` while an account or an address is over its failure budget.
async fn check_throttle(
    store: &dyn Store,
    scopes: &[(String, i64)],
    now: i64,
) -> Result<(), AuthError> {
    for (scope, limit) in scopes {
        let (count, oldest) = store
            .auth_failures_since(scope, now - FAILURE_WINDOW_MS)
            .await?;
        if count >= *limit {
            let free_at = oldest.unwrap_or(now) + FAILURE_WINDOW_MS;
            return Err(AuthError::Throttled(
                ((free_at - now).max(1000) as u64).div_ceil(1000),
            ));
        }
    }
    Ok(())
}

/// Checks a username and password from a client address; returns a new login token and the
/// user. Failures are counted per account and per address (see the limits above).
pub async fn login(
    store: &dyn Store,
    username: &str,
    pw: &str,
    client_ip: &str,
) -> Result<(String, User), AuthError> {
    let now = now_ms();
    let user_scope = format!("user:{}", username.to_lowercase());
    let scopes = [
        (user_scope.clone(), ACCOUNT_FAILURE_LIMIT),
        (format!("ip:{client_ip}"), ADDRESS_FAILURE_LIMIT),
    ];
    check_throttle(store, &scopes, now).await?;
    let user = store.user_by_username(username).await?;
    let hash = user
        .as_ref()
        .map(|u| u.password_hash.clone())
        .unwrap_or_else(|| dummy_hash().to_string());
    let pw = pw.to_string();
    let ok = tokio::task::spawn_blocking(move || password::verify(&pw, &hash))
        .await
        .unwrap_or(false);
    let user = match user {
        Some(u) if ok && u.enabled => u,
        _ => {
            let names: Vec<String> = scopes.iter().map(|(s, _)| s.clone()).collect();
            store
                .record_auth_failure(&names, now, now - FAILURE_WINDOW_MS)
                .await?;
            return Err(AuthError::BadCredentials);
        }
    };
    store.clear_auth_failures(&user_scope).await?;
    store.record_authentication(user.id, now).await?;
    let token = tokens::random_token();
    store
        .create_login(
            &tokens::hash_token(&token),
            user.id,
            now,
            now + LOGIN_LIFETIME_MS,
        )
        .await?;
    Ok((token, user))
}

/// The user of a login token, if it is live.
pub async fn user_of(store: &dyn Store, token: &str) -> Result<Option<User>, StoreError> {
    if !tokens::is_well_formed(token) {
        return Ok(None);
    }
    store
        .user_by_login(&tokens::hash_token(token), now_ms())
        .await
}

pub async fn logout(store: &dyn Store, token: &str, user: UserId) -> Result<(), StoreError> {
    store.delete_login(&tokens::hash_token(token)).await?;
    store.clear_presence(user).await
}
