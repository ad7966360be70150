//! Authenticating integrations: OAuth2 client credentials for API accounts, and the legacy
//! username and password of users with the command-API permission.

use super::api_account::ApiAccount;
use super::people::User;
use super::time::now_ms;
use super::{password, tokens};
use crate::store::{Store, StoreError};

/// How long an access token lives, as the vendor's tokens do.
pub const TOKEN_LIFETIME_SECS: i64 = 3600;

#[derive(Debug, thiserror::Error)]
pub enum ApiAuthError {
    /// Unknown client, wrong secret or disabled account (one answer, no probing).
    #[error("client authentication failed")]
    InvalidClient,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Who is calling an API.
#[derive(Debug, Clone)]
pub enum ApiCaller {
    Account(ApiAccount),
    /// A user with the command-API permission, by the legacy username/password parameters.
    User(User),
}

impl ApiCaller {
    /// How the audit log and event log name the caller.
    pub fn actor(&self) -> String {
        match self {
            ApiCaller::Account(a) => format!("api:{}", a.client_id),
            ApiCaller::User(u) => format!("user:{}", u.username),
        }
    }
}

async fn verify_blocking(secret: &str, hash: &str) -> bool {
    let (s, h) = (secret.to_string(), hash.to_string());
    tokio::task::spawn_blocking(move || password::verify(&s, &h))
        .await
        .unwrap_or(false)
}

/// Exchanges client credentials for a bearer token (`client_credentials` grant).
pub async fn issue_token(
    store: &dyn Store,
    client_id: &str,
    client_secret: &str,
) -> Result<(String, i64), ApiAuthError> {
    let account = store.api_account_by_client_id(client_id).await?;
    let Some(account) = account.filter(|a| a.enabled) else {
        // Spend the same time as a real check, so that timing does not reveal client ids.
        let _ = verify_blocking(client_secret, super::auth::dummy_hash()).await;
        return Err(ApiAuthError::InvalidClient);
    };
    if !verify_blocking(client_secret, &account.secret_hash).await {
        return Err(ApiAuthError::InvalidClient);
    }
    let token = format!("{}{}", tokens::random_token(), tokens::random_token());
    let now = now_ms();
    store
        .create_api_token(
            &tokens::hash_token(&token),
            &account,
            now,
            now + TOKEN_LIFETIME_SECS * 1000,
        )
        .await?;
    Ok((token, TOKEN_LIFETIME_SECS))
}

/// The account of a bearer token, if the token is live.
pub async fn account_of_token(
    store: &dyn Store,
    token: &str,
) -> Result<Option<ApiAccount>, StoreError> {
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    store
        .api_token_account(&tokens::hash_token(token), now_ms())
        .await
}

/// The legacy way: a user's username and password, for users with the command-API permission.
pub async fn user_by_password(
    store: &dyn Store,
    username: &str,
    pw: &str,
) -> Result<Option<User>, StoreError> {
    let Some(user) = store.user_by_username(username).await? else {
        return Ok(None);
    };
    if !user.enabled
        || !user.permissions.command_api
        || !verify_blocking(pw, &user.password_hash).await
    {
        return Ok(None);
    }
    Ok(Some(user))
}
