//! API accounts of the integration APIs: creating, editing and deleting them, and issuing
//! their client secrets.

use crate::domain::admin::{audit, invalid, text, AdminError, AdminResult};
use crate::domain::api_account::{self, ApiAccount, CommandPermission, NewApiAccount};
use crate::domain::ids::ApiAccountId;
use crate::domain::password;
use crate::store::Store;

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
